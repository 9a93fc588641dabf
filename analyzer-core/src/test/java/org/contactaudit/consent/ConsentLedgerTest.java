package org.contactaudit.consent;

import static org.contactaudit.consent.ConsentSource.DEFAULT;
import static org.contactaudit.consent.ConsentSource.EXPLICIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/** docs/POLICY.md, Consent: the value of a setting at an instant. */
class ConsentLedgerTest {
  private static final String UPLOAD = "contact_upload";
  private static final String DISCOVERABLE = "discoverable_by_phone";

  private static boolean granted(ConsentLedger l, int account, String setting, long t) {
    return l.granted(account, l.settingIndex(setting), t, false);
  }

  @Test
  void manySettingNamesCostOnlyTheirRecords() {
    // one column per setting name and account would be 3 billion offsets here
    int accounts = 1_000_000;
    int names = 3_000;
    ConsentLedgerBuilder b = ConsentLedger.builder(accounts);
    for (int i = 0; i < names; i++) {
      b.add(i * 331 % accounts, "setting_" + i, i % 2 == 0, EXPLICIT, Times.ALWAYS);
    }
    b.add(7, "setting_0", false, EXPLICIT, 100);
    ConsentLedger ledger = b.build();
    assertEquals(names, ledger.settings().size());
    assertEquals(names + 1, ledger.recordCount());
    assertTrue(ledger.granted(0, ledger.settingIndex("setting_0"), 50, false));
    assertFalse(ledger.granted(331, ledger.settingIndex("setting_1"), 50, false));
    assertTrue(ledger.granted(662, ledger.settingIndex("setting_2"), 50, false));
    assertFalse(ledger.granted(662, ledger.settingIndex("setting_0"), 50, false));
    assertFalse(ledger.granted(7, ledger.settingIndex("setting_0"), 100, false));
    assertEquals(100, ledger.decidingTime(7, ledger.settingIndex("setting_0"), 100));
    assertEquals(Times.NEVER, ledger.decidingTime(7, ledger.settingIndex("setting_0"), 99));
  }

  @Test
  void valueAtAnInstantIsTheLatestRecordAtOrBeforeIt() {
    ConsentLedgerBuilder b = ConsentLedger.builder(2);
    b.add(0, UPLOAD, false, EXPLICIT, 20);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    b.add(0, UPLOAD, true, EXPLICIT, 30);
    ConsentLedger l = b.build();
    assertFalse(granted(l, 0, UPLOAD, 9));
    assertTrue(granted(l, 0, UPLOAD, 10));
    assertTrue(granted(l, 0, UPLOAD, 19));
    assertFalse(granted(l, 0, UPLOAD, 20));
    assertFalse(granted(l, 0, UPLOAD, 29));
    assertTrue(granted(l, 0, UPLOAD, 30));
    assertTrue(granted(l, 0, UPLOAD, Times.END_OF_TIME));
    assertFalse(granted(l, 1, UPLOAD, Times.END_OF_TIME), "another account has no record");
  }

  @Test
  void singleRecordCountsFromItsTimeOn() {
    ConsentLedgerBuilder b = ConsentLedger.builder(1);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    ConsentLedger l = b.build();
    assertFalse(granted(l, 0, UPLOAD, 9));
    assertTrue(granted(l, 0, UPLOAD, 10));
  }

  @Test
  void unknownUpdateTimeIsEarlierThanEveryKnownOne() {
    ConsentLedgerBuilder b = ConsentLedger.builder(2);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    b.add(0, UPLOAD, false, EXPLICIT, Times.ALWAYS);
    b.add(1, UPLOAD, true, EXPLICIT, Times.ALWAYS);
    ConsentLedger l = b.build();
    assertFalse(granted(l, 0, UPLOAD, Long.MIN_VALUE + 2));
    assertFalse(granted(l, 0, UPLOAD, 9));
    assertTrue(granted(l, 0, UPLOAD, 10));
    assertTrue(granted(l, 1, UPLOAD, Long.MIN_VALUE + 2));
    assertTrue(granted(l, 1, UPLOAD, Times.END_OF_TIME));
  }

  @Test
  void ofRecordsWithTheSameTimeTheLaterRowWins() {
    ConsentLedgerBuilder b = ConsentLedger.builder(3);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    b.add(0, UPLOAD, false, EXPLICIT, 10);
    b.add(1, UPLOAD, false, EXPLICIT, 10);
    b.add(1, UPLOAD, true, EXPLICIT, 10);
    b.add(2, UPLOAD, true, EXPLICIT, Times.ALWAYS);
    b.add(2, UPLOAD, false, EXPLICIT, Times.ALWAYS);
    b.add(2, UPLOAD, true, EXPLICIT, Times.ALWAYS);
    ConsentLedger l = b.build();
    assertFalse(granted(l, 0, UPLOAD, 10));
    assertTrue(granted(l, 1, UPLOAD, 10));
    assertTrue(granted(l, 2, UPLOAD, 10));
    assertEquals(0, b.duplicatesMerged(), "a value set again after a change is not a repeat");
  }

  @Test
  void noRecordOrUnknownSettingOrAccountIsNotGranted() {
    ConsentLedgerBuilder b = ConsentLedger.builder(2);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    ConsentLedger l = b.build();
    assertEquals(-1, l.settingIndex(DISCOVERABLE));
    assertFalse(l.granted(0, -1, Times.END_OF_TIME, true));
    assertFalse(l.granted(2, l.settingIndex(UPLOAD), Times.END_OF_TIME, true));
    assertFalse(l.granted(-1, l.settingIndex(UPLOAD), Times.END_OF_TIME, true));
    assertFalse(ConsentLedger.builder(3).build().granted(1, -1, 0, true));
  }

  @Test
  void defaultSourceCountsOnlyWhenDefaultsAreAccepted() {
    ConsentLedgerBuilder b = ConsentLedger.builder(2);
    b.add(0, DISCOVERABLE, true, DEFAULT, Times.ALWAYS);
    b.add(1, DISCOVERABLE, true, DEFAULT, Times.ALWAYS);
    b.add(1, DISCOVERABLE, true, EXPLICIT, 10);
    ConsentLedger l = b.build();
    int s = l.settingIndex(DISCOVERABLE);
    assertFalse(l.granted(0, s, 5, false));
    assertTrue(l.granted(0, s, 5, true));
    assertTrue(l.grantedOnlyByDefault(0, s, 5));
    assertFalse(l.granted(1, s, 5, false));
    assertTrue(l.granted(1, s, 10, false));
    assertFalse(l.grantedOnlyByDefault(1, s, 10));
  }

  @Test
  void defaultRefusalIsNotConsentEvenWhenDefaultsAreAccepted() {
    ConsentLedgerBuilder b = ConsentLedger.builder(1);
    b.add(0, DISCOVERABLE, false, DEFAULT, Times.ALWAYS);
    ConsentLedger l = b.build();
    assertFalse(l.granted(0, l.settingIndex(DISCOVERABLE), 5, true));
    assertFalse(l.grantedOnlyByDefault(0, l.settingIndex(DISCOVERABLE), 5));
  }

  @Test
  void exactRepeatsAreMergedAndCounted() {
    ConsentLedgerBuilder b = ConsentLedger.builder(2);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    b.add(0, UPLOAD, true, EXPLICIT, 20);
    b.add(0, UPLOAD, true, EXPLICIT, 10);
    b.add(0, UPLOAD, true, DEFAULT, 10);
    b.add(0, DISCOVERABLE, true, EXPLICIT, 10);
    b.add(1, UPLOAD, true, EXPLICIT, 10);
    b.add(1, UPLOAD, true, EXPLICIT, 10);
    b.add(1, UPLOAD, true, EXPLICIT, Times.ALWAYS);
    b.add(1, UPLOAD, true, EXPLICIT, Times.ALWAYS);
    ConsentLedger l = b.build();
    assertEquals(3, b.duplicatesMerged());
    assertEquals(6, l.recordCount());
    assertEquals(List.of(UPLOAD, DISCOVERABLE), l.settings());
    assertTrue(l.granted(0, l.settingIndex(UPLOAD), 10, true));
    assertFalse(l.granted(0, l.settingIndex(UPLOAD), 10, false), "the later default row wins");
  }

  @Test
  void builderIsUsableOnceAndCountsDuplicatesOnlyAfterBuilding() {
    ConsentLedgerBuilder b = ConsentLedger.builder(1);
    assertThrows(IllegalStateException.class, b::duplicatesMerged);
    assertThrows(IllegalArgumentException.class, () -> b.add(1, UPLOAD, true, EXPLICIT, 0));
    b.build();
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalStateException.class, () -> b.add(0, UPLOAD, true, EXPLICIT, 0));
  }

  private record Rec(int account, int setting, boolean value, boolean byDefault, long time) {}

  @Test
  void randomLedgersAgreeWithAScanOfTheRecords() {
    Random random = new Random(20240601);
    long[] times = {Times.ALWAYS, 0, 5, 10, 15};
    for (int round = 0; round < 300; round++) {
      int accounts = 1 + random.nextInt(4);
      int settings = 1 + random.nextInt(3);
      List<Rec> recs = new ArrayList<>();
      ConsentLedgerBuilder b = ConsentLedger.builder(accounts);
      for (int i = random.nextInt(20); i > 0; i--) {
        Rec r =
            new Rec(
                random.nextInt(accounts),
                random.nextInt(settings),
                random.nextBoolean(),
                random.nextInt(4) == 0,
                times[random.nextInt(times.length)]);
        recs.add(r);
        b.add(r.account, "s" + r.setting, r.value, r.byDefault ? DEFAULT : EXPLICIT, r.time);
      }
      ConsentLedger l = b.build();
      for (int a = 0; a < accounts; a++) {
        for (int s = 0; s < settings; s++) {
          for (long t : new long[] {Times.ALWAYS, -1, 0, 4, 5, 12, 15, Times.END_OF_TIME}) {
            Rec latest = null;
            for (Rec r : recs) {
              if (r.account == a && r.setting == s && r.time <= t) {
                if (latest == null || r.time >= latest.time) {
                  latest = r;
                }
              }
            }
            for (boolean acceptDefault : new boolean[] {false, true}) {
              boolean expected =
                  latest != null && latest.value && (acceptDefault || !latest.byDefault);
              assertEquals(
                  expected,
                  l.granted(a, l.settingIndex("s" + s), t, acceptDefault),
                  "round " + round + " account " + a + " setting " + s + " at " + t);
            }
          }
        }
      }
    }
  }
}
