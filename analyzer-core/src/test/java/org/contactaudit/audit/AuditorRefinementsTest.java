package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the refinements of docs/POLICY.md: recycled numbers, pre-registration evidence,
 * stale evidence and explanations, each at the instant where the answer changes.
 */
class AuditorRefinementsTest {
  private static final long DAY = 86_400_000L;
  private static final String DISCOVERABLE = Policy.DISCOVERABLE_BY_PHONE;

  /** V holds C's number, uploaded at {@code uploaded}; C registered at day 10. */
  private static World forward(long uploaded) {
    return new World()
        .account("V", 1)
        .account("C", 2, 10 * DAY, Times.NEVER)
        .holds("V", "C", uploaded, Times.NEVER)
        .grant("V", Policy.CONTACT_UPLOAD);
  }

  @Test
  void uploadExactlyAtRegistrationIsNotPreRegistration() {
    World w = forward(10 * DAY).consent("C", DISCOVERABLE, true, false, Times.ALWAYS);
    assertEquals(Verdict.OK, w.judge("V", "C", 11 * DAY).verdict());
  }

  @Test
  void uploadBeforeRegistrationNeedsConsentGivenAsAUser() {
    World w = forward(10 * DAY - 1).consent("C", DISCOVERABLE, true, false, 5 * DAY);
    Judgment j = w.judge("V", "C", 11 * DAY);
    assertEquals(Verdict.LEAK, j.verdict());
    assertEquals(List.of("candidate.discoverable_by_phone"), j.missingConsents());
    assertTrue(j.preRegistration());
  }

  @Test
  void unknownUploadIsBeforeEveryKnownRegistration() {
    World w = forward(Times.ALWAYS).consent("C", DISCOVERABLE, true, false, Times.ALWAYS);
    Judgment j = w.judge("V", "C", 11 * DAY);
    assertEquals(Verdict.LEAK, j.verdict());
    assertTrue(j.preRegistration());
  }

  @Test
  void consentUpdatedExactlyAtRegistrationIsGivenAsAUser() {
    World w = forward(Times.ALWAYS).consent("C", DISCOVERABLE, true, false, 10 * DAY);
    Judgment j = w.judge("V", "C", 11 * DAY);
    assertEquals(Verdict.OK, j.verdict());
    assertFalse(j.preRegistration(), "only non-consensual pieces are noted");
    World earlier = forward(Times.ALWAYS).consent("C", DISCOVERABLE, true, false, 10 * DAY - 1);
    assertEquals(Verdict.LEAK, earlier.judge("V", "C", 11 * DAY).verdict());
  }

  @Test
  void unknownRegistrationIsNeverAfterAnUpload() {
    World w =
        new World()
            .account("V", 1)
            .account("C", 2)
            .holds("V", "C", 10 * DAY, Times.NEVER)
            .grant("V", Policy.CONTACT_UPLOAD)
            .consent("C", DISCOVERABLE, true, false, Times.ALWAYS);
    assertEquals(Verdict.OK, w.judge("V", "C", 11 * DAY).verdict());
  }

  @Test
  void numberHandedOverAtTheInstantOfDeletionBelongsToTheNextOwner() {
    // A has number 7 until day 10, B from day 10 on; V uploaded it on day 2, when it was A's
    World w =
        new World()
            .account("V", 1)
            .account("A", 7, Times.ALWAYS, 10 * DAY)
            .account("B", 7, 10 * DAY, Times.NEVER)
            .holdsNumber("V", 7, 2 * DAY, Times.NEVER)
            .grantAll("V", "A", "B");
    ContactGraph g = w.graph();
    assertEquals(g.accountIndex("A"), g.ownerAt(7, 10 * DAY - 1));
    assertEquals(g.accountIndex("B"), g.ownerAt(7, 10 * DAY));
    Judgment toA = w.judge("V", "A", 10 * DAY - 1);
    assertEquals(Verdict.OK, toA.verdict(), "A registered before the upload");
    Judgment toB = w.judge("V", "B", 10 * DAY);
    assertEquals(Verdict.LEAK, toB.verdict());
    assertEquals(Optional.of(Kind.FORWARD), toB.primaryKind());
    assertEquals(List.of("candidate.discoverable_by_phone"), toB.missingConsents());
    assertTrue(toB.preRegistration());
    assertTrue(toB.recycledNumber());
    // the entry never refers to A once B owns the number, nor to B before
    int v = g.accountIndex("V");
    assertTrue(g.holds(v, g.accountIndex("A"), 10 * DAY - 1));
    assertFalse(g.holds(v, g.accountIndex("A"), 10 * DAY));
    assertFalse(g.holds(v, g.accountIndex("B"), 10 * DAY - 1));
    assertTrue(g.holds(v, g.accountIndex("B"), 10 * DAY));
  }

  @Test
  void aNumberBetweenTwoOwnersIsAShadowNumber() {
    World w =
        new World()
            .account("V", 1)
            .account("C", 2)
            .account("A", 7, Times.ALWAYS, 10 * DAY)
            .account("B", 7, 20 * DAY, Times.NEVER)
            .holdsNumber("V", 7)
            .holdsNumber("C", 7)
            .grantAll("V", "C", "A", "B");
    Judgment between = w.judge("V", "C", 15 * DAY);
    assertEquals(Verdict.LEAK, between.verdict());
    assertEquals(List.of("bridge.shadow"), between.missingConsents());
    assertEquals(1, between.shadowSharedContacts());
    assertFalse(between.recycledNumber(), "a shadow number has no subject");
    assertEquals(-1, w.graph().ownerAt(7, 15 * DAY));
  }

  @Test
  void overlappingLifetimesCannotShareANumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new World()
                    .account("A", 7, Times.ALWAYS, 10 * DAY)
                    .account("B", 7, 10 * DAY - 1, Times.NEVER)
                    .graph());
    assertEquals(
        "the number of account 'B' belongs to account 'A' in an overlapping lifetime",
        e.getMessage());
  }

  @Test
  void deletionAtTheInstantShownIsStaleAndTheSafeFilterRefusesIt() {
    World w =
        new World()
            .account("V", 1)
            .account("C", 2)
            .account("W", 3)
            .holds("V", "W", 0, 5 * DAY)
            .holds("W", "C")
            .grantAll("V", "C", "W");
    assertEquals(Verdict.OK, w.judge("V", "C", 5 * DAY - 1).verdict());
    Judgment stale = w.judge("V", "C", 5 * DAY);
    assertEquals(Verdict.STALE, stale.verdict());
    assertEquals(Optional.of(Kind.CHAIN), stale.primaryKind());
    assertEquals(Set.of(Kind.CHAIN), stale.kinds());
    assertEquals(List.of(Rules.DELETED_ENTRY), stale.missingConsents());
    assertEquals(0, stale.consensual(Kind.CHAIN) + stale.nonConsensual(Kind.CHAIN));
    assertFalse(w.auditor().isConsensual(0, 1, 5 * DAY));
  }

  @Test
  void aDeletedAccountHoldsNothingEvenForTheStaleSearch() {
    World w =
        new World()
            .account("V", 1)
            .account("C", 2)
            .account("W", 3, Times.ALWAYS, 5 * DAY)
            .holds("W", "V", 0, 4 * DAY)
            .holds("W", "C", 0, 4 * DAY);
    assertEquals(Verdict.UNEXPLAINED, w.judge("V", "C", 6 * DAY).verdict());
    assertEquals(Verdict.STALE, w.judge("V", "C", 4 * DAY).verdict());
  }

  @Test
  void anUploadAfterTheInstantIsNoStaleEvidence() {
    World w = new World().account("V", 1).account("C", 2).holds("V", "C", 10 * DAY, 20 * DAY);
    assertEquals(Verdict.UNEXPLAINED, w.judge("V", "C", 10 * DAY - 1).verdict());
    assertEquals(Verdict.STALE, w.judge("V", "C", 20 * DAY).verdict());
  }

  /** V and C share three numbers: X's and Y's (consensual), Z's (Z grants nothing). */
  private static World threeShared() {
    World w = new World().account("V", 1).account("C", 2);
    w.account("X", 3).account("Y", 4).account("Z", 5);
    for (String x : List.of("X", "Y", "Z")) {
      w.holds("V", x).holds("C", x);
    }
    return w.grantAll("V", "C", "X", "Y");
  }

  private static Optional<ExplanationVerdict> explain(World w, String explanation) {
    ContactGraph g = w.graph();
    return w.auditor()
        .judge(g.accountIndex("V"), g.accountIndex("C"), Times.END_OF_TIME, explanation)
        .explanationVerdict();
  }

  @Test
  void mutualContactsUpToTheConsensualCountIsSupported() {
    World w = threeShared();
    assertEquals(Optional.of(ExplanationVerdict.SUPPORTED), explain(w, "mutual_contacts:2"));
  }

  @Test
  void mutualContactsUpToTheTotalCountDisclosesTheRest() {
    World w = threeShared();
    assertEquals(Optional.of(ExplanationVerdict.DISCLOSES), explain(w, "mutual_contacts:3"));
  }

  @Test
  void mutualContactsAboveTheTotalCountIsFalse() {
    World w = threeShared();
    assertEquals(Optional.of(ExplanationVerdict.FALSE), explain(w, "mutual_contacts:4"));
  }

  @Test
  void explanationsAreTrimmedAndCompareInAnyCase() {
    World w = threeShared();
    assertEquals(Optional.of(ExplanationVerdict.SUPPORTED), explain(w, "  MUTUAL_Contacts:1 \t"));
    assertEquals(Optional.of(ExplanationVerdict.FALSE), explain(w, " In_Contacts"));
    assertEquals(Optional.empty(), explain(w, "   "));
    assertEquals(Optional.empty(), explain(w, null));
  }

  @Test
  void otherTextIsUnrecognizedAndChangesNoVerdict() {
    World w = threeShared();
    for (String text :
        List.of("mutual_contacts:0", "mutual_contacts: 2", "mutual_contacts:-1", "you may know")) {
      assertEquals(Optional.of(ExplanationVerdict.UNRECOGNIZED), explain(w, text), text);
    }
    ContactGraph g = w.graph();
    assertEquals(
        w.judge("V", "C").verdict(),
        w.auditor()
            .judge(g.accountIndex("V"), g.accountIndex("C"), Times.END_OF_TIME, "x")
            .verdict());
  }

  @Test
  void hasYourNumberNeedsTheReverseRequirementsEvenWhenTheEvidenceIsMutual() {
    World w =
        new World()
            .account("V", 1)
            .account("C", 2)
            .holds("V", "C")
            .holds("C", "V")
            .grant("V", Policy.CONTACT_UPLOAD, DISCOVERABLE)
            .grant("C", Policy.CONTACT_UPLOAD, DISCOVERABLE);
    assertEquals(Verdict.OK, w.judge("V", "C").verdict());
    assertEquals(Optional.of(ExplanationVerdict.SUPPORTED), explain(w, "in_contacts"));
    // C never agreed to be suggested to the people whose numbers C holds
    assertEquals(Optional.of(ExplanationVerdict.DISCLOSES), explain(w, "has_your_number"));
    w.grant("C", Policy.SUGGEST_TO_CONTACTS);
    assertEquals(Optional.of(ExplanationVerdict.SUPPORTED), explain(w, "has_your_number"));
    assertEquals(Optional.of(ExplanationVerdict.FALSE), explain(w, "friend_of_friend"));
  }
}
