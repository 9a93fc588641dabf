package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

class ConsentStatesTest {
  private static final String[] SETTINGS = {"a", "b", "c"};

  /**
   * The masks agree with the ledger at every instant around every record: the same millisecond, one
   * before and after, within the minute of the latest change (where the fast path must not answer),
   * and at instants beyond the years an {@code int} of minutes holds.
   */
  @Test
  void masksAgreeWithTheLedgerAroundEveryChange() {
    Random random = new Random(30_11);
    long[] pool = {
      Times.ALWAYS,
      -5_000_000_000_000L,
      0,
      59_999,
      60_000,
      60_001,
      1_590_000_000_123L,
      1_590_000_030_000L,
      Integer.MAX_VALUE * 60_000L - 1,
      Integer.MAX_VALUE * 60_000L + 1,
      Times.END_OF_TIME - 1
    };
    int accounts = 300;
    ConsentLedgerBuilder b = ConsentLedger.builder(accounts);
    for (int a = 0; a < accounts; a++) {
      for (int r = random.nextInt(5); r > 0; r--) {
        b.add(
            a,
            SETTINGS[random.nextInt(SETTINGS.length)],
            random.nextBoolean(),
            random.nextBoolean() ? ConsentSource.DEFAULT : ConsentSource.EXPLICIT,
            pool[random.nextInt(pool.length)]);
      }
    }
    ConsentLedger ledger = b.build();
    int[] settings = new int[SETTINGS.length + 1];
    for (int i = 0; i < SETTINGS.length; i++) {
      settings[i] = ledger.settingIndex(SETTINGS[i]);
    }
    settings[SETTINGS.length] = -1; // a setting the ledger never names
    for (boolean acceptDefault : new boolean[] {false, true}) {
      // the first setting is the subject; each account registered at one of the record times
      ConsentStates states =
          new ConsentStates(ledger, settings, acceptDefault, 0, a -> pool[(a * 7) % pool.length]);
      for (int a = 0; a < accounts; a++) {
        for (long p : pool) {
          for (long t : new long[] {p - 1, p, p + 1, p + 30_000}) {
            if (t == Times.ALWAYS - 1) {
              continue;
            }
            int expected = 0;
            for (int s = 0; s < SETTINGS.length; s++) {
              if (settings[s] >= 0 && ledger.granted(a, settings[s], t, acceptDefault)) {
                expected |= 1 << s;
              }
            }
            long made = ledger.decidingTime(a, settings[0], t);
            if ((expected & 1) != 0
                && made != Times.ALWAYS
                && made >= pool[(a * 7) % pool.length]) {
              expected |= 1 << ConsentStates.AS_USER;
            }
            assertEquals(expected, states.at(a, t), "account " + a + " at " + t);
          }
        }
      }
      assertEquals(0, states.at(-1, 0), "a hypothetical account grants nothing");
    }
  }
}
