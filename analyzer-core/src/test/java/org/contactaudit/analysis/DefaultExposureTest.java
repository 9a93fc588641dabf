package org.contactaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.contactaudit.audit.Policy;
import org.contactaudit.audit.World;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

class DefaultExposureTest {
  private static final long DAY = 86_400_000L;
  private static final String ACTIVITY = Policy.ACTIVITY_VISIBLE_TO_CONTACTS;

  /**
   * A is visible by default, B explicitly, C by default until an explicit grant on day 10, D's
   * default is false, E has no record, F refuses explicitly then is defaulted to visible on day 10,
   * G is visible by default and deleted on day 5. Mutual edges: A-B, A-C, A-G; A holds D only.
   */
  private static World world(String setting) {
    return new World()
        .account("A", 1)
        .account("B", 2)
        .account("C", 3)
        .account("D", 4)
        .account("E", 5)
        .account("F", 6)
        .account("G", 7, Times.ALWAYS, 5 * DAY)
        .holds("A", "B")
        .holds("B", "A")
        .holds("A", "C")
        .holds("C", "A")
        .holds("A", "D")
        .holds("A", "G")
        .holds("G", "A")
        .consent("A", setting, true, true, Times.ALWAYS)
        .consent("B", setting, true, false, Times.ALWAYS)
        .consent("C", setting, true, true, Times.ALWAYS)
        .consent("C", setting, true, false, 10 * DAY)
        .consent("D", setting, false, true, Times.ALWAYS)
        .consent("F", setting, false, false, Times.ALWAYS)
        .consent("F", setting, true, true, 10 * DAY)
        .consent("G", setting, true, true, Times.ALWAYS);
  }

  private static List<String> exposed(World w, DefaultExposure e) {
    List<String> out = new ArrayList<>();
    e.forEach((a, audience) -> out.add(w.graph().accountId(a) + ":" + audience));
    return out;
  }

  @Test
  void onDayOneDefaultsExposeAcGWithTheirMutualContacts() {
    World w = world(ACTIVITY);
    DefaultExposure e = DefaultExposure.of(w.graph(), w.ledger(), Policy.defaults(), DAY);
    assertEquals(List.of("A:3", "C:1", "G:1"), exposed(w, e));
    assertEquals(3, e.exposedAccounts());
    assertEquals(5, e.audience());
    assertEquals(2L, e.histogram().get("1"));
    assertEquals(1L, e.histogram().get("3-4"));
    assertEquals(0L, e.histogram().get("0"));
  }

  @Test
  void anExplicitGrantEndsTheExposureAndALaterDefaultStartsOne() {
    World w = world(ACTIVITY);
    DefaultExposure e = DefaultExposure.of(w.graph(), w.ledger(), Policy.defaults(), 20 * DAY);
    // C granted explicitly on day 10; F was defaulted on day 10; G no longer exists, nor counts.
    assertEquals(List.of("A:2", "F:0"), exposed(w, e));
    assertEquals(2, e.audience());
    assertEquals(
        "{0=1, 1=0, 2=1, 3-4=0, 5-9=0, 10-19=0, 20-49=0, 50-99=0, 100+=0}",
        e.histogram().toString());
  }

  @Test
  void acceptingDefaultsDoesNotHideTheExposure() {
    World w = world(ACTIVITY);
    Policy accepting = Policy.defaults().toBuilder().acceptDefaultConsent(true).build();
    DefaultExposure e = DefaultExposure.of(w.graph(), w.ledger(), accepting, DAY);
    assertEquals(List.of("A:3", "C:1", "G:1"), exposed(w, e));
  }

  @Test
  void thePolicyNamesTheSetting() {
    World w = world("bookshelf_public");
    assertEquals(
        0,
        DefaultExposure.of(w.graph(), w.ledger(), Policy.defaults(), DAY).exposedAccounts(),
        "the default name finds no record");
    Policy renamed =
        Policy.defaults().toBuilder().settingName(ACTIVITY, "bookshelf_public").build();
    DefaultExposure e = DefaultExposure.of(w.graph(), w.ledger(), renamed, DAY);
    assertEquals(List.of("A:3", "C:1", "G:1"), exposed(w, e));
  }

  @Test
  void theLedgerMustCoverTheGraph() {
    World w = world(ACTIVITY);
    ConsentLedger other = ConsentLedger.builder(2).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DefaultExposure.of(w.graph(), other, Policy.defaults(), DAY));
    assertEquals("the consent ledger covers 2 accounts and the graph 7", e.getMessage());
  }
}
