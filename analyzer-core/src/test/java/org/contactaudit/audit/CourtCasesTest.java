package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two rulings the README opens with, and the psychiatrist's patients, as tests. */
class CourtCasesTest {
  /**
   * Ling v. Douyin: Ling's phonebook is empty, yet he is shown 20 acquaintances because their
   * uploaded phonebooks hold his number. They consented to upload their phonebooks, not to be
   * suggested to the people in them; Ling never made himself discoverable.
   */
  @Test
  void douyinViewerWithAnEmptyPhonebookIsShownTheHoldersOfHisNumber() {
    World w = new World().account("ling", 8613800138000L);
    for (int i = 0; i < 20; i++) {
      String friend = "acquaintance" + i;
      w.account(friend, 8613900000000L + i).holds(friend, "ling").grant(friend, "contact_upload");
    }
    Auditor auditor = w.auditor();
    for (int i = 1; i <= 20; i++) {
      Judgment j = auditor.judge(0, i, org.contactaudit.time.Times.END_OF_TIME);
      assertEquals(Verdict.LEAK, j.verdict());
      assertEquals(Optional.of(Kind.REVERSE), j.primaryKind());
      assertEquals(
          List.of("viewer.discoverable_by_phone", "candidate.suggest_to_contacts"),
          j.missingConsents());
    }
  }

  /**
   * A psychiatrist's patients all hold the psychiatrist's number; the app suggests them to each
   * other. Each learns that the other knows the psychiatrist.
   */
  @Test
  void psychiatristsPatientsAreShownToEachOtherThroughTheNumberTheyAllHold() {
    World w = new World().account("dr", 8613700000000L);
    for (int i = 0; i < 5; i++) {
      w.account("patient" + i, 8613600000000L + i).holds("patient" + i, "dr");
      w.grant("patient" + i, "contact_upload");
    }
    Judgment j = w.judge("patient0", "patient1");
    assertEquals(Verdict.LEAK, j.verdict());
    assertEquals(Optional.of(Kind.SHARED_CONTACT), j.primaryKind());
    assertEquals(
        List.of("candidate.contacts_for_others", "bridge.discoverable_by_phone"),
        j.missingConsents());
  }

  /** The same when the psychiatrist never joined the app: her number is a shadow number. */
  @Test
  void psychiatristWhoNeverJoinedIsAShadowBridge() {
    World w = new World();
    for (int i = 0; i < 5; i++) {
      w.account("patient" + i, 8613600000000L + i).holdsNumber("patient" + i, 8613700000000L);
      w.grantAll("patient" + i);
    }
    Judgment j = w.judge("patient0", "patient1");
    assertEquals(Verdict.LEAK, j.verdict());
    assertEquals(List.of("bridge.shadow"), j.missingConsents());
    assertEquals(1, j.shadowSharedContacts());
  }
}
