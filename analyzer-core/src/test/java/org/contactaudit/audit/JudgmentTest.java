package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

class JudgmentTest {
  private static final long SHOWN_AT = Times.parse("2020-02-01T09:00:00Z");

  @Test
  void readsWithAccountIdsAnIsoInstantTheVerdictAndTheKinds() {
    World w = new World().account("ling", 8613800138000L);
    w.account("zhou", 8613900001001L).holds("zhou", "ling").grant("zhou", "contact_upload");
    Judgment j = w.judge("ling", "zhou", SHOWN_AT);
    assertEquals(
        "Judgment[ling -> zhou at 2020-02-01T09:00:00Z: LEAK, primary REVERSE, missing"
            + " [viewer.discoverable_by_phone, candidate.suggest_to_contacts], kinds [REVERSE (0"
            + " consensual, 1 not)]]",
        j.toString(w.graph()));
    assertEquals(
        "Judgment[#0 -> #1 at 2020-02-01T09:00:00Z: LEAK, primary REVERSE, missing"
            + " [viewer.discoverable_by_phone, candidate.suggest_to_contacts], kinds [REVERSE (0"
            + " consensual, 1 not)]]",
        j.toString());
  }

  @Test
  void namesEveryKindWithItsCountsAndTheShadowSharedContacts() {
    World w = new World();
    for (String p : new String[] {"patient0", "patient1", "dr"}) {
      w.account(p, 8613600000000L + p.length() * 10L + p.charAt(p.length() - 1)).grantAll(p);
    }
    w.holdsNumber("patient0", 8613700000000L).holdsNumber("patient1", 8613700000000L);
    w.holds("patient0", "dr").holds("patient1", "dr").holds("patient0", "patient1");
    assertEquals(
        "Judgment[patient0 -> patient1 at the end of time: AT_RISK, primary SHARED_CONTACT,"
            + " missing [bridge.shadow], kinds [SHARED_CONTACT (1 consensual, 1 not, 1 shadow),"
            + " FORWARD (1 consensual, 0 not)]]",
        w.judge("patient0", "patient1").toString(w.graph()));
  }

  @Test
  void anUnexplainedRecommendationHasNoKinds() {
    World w = new World().account("amy", 8613600003001L).account("dr_wang", 8613600003009L);
    assertEquals(
        "Judgment[amy -> dr_wang at 2020-02-01T09:00:00Z: UNEXPLAINED]",
        w.judge("amy", "dr_wang", SHOWN_AT).toString(w.graph()));
  }
}
