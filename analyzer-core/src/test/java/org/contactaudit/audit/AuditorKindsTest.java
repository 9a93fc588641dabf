package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per kind and per requirement: each kind is consensual with every consent granted, and
 * dropping exactly one consent names it, and only it, in the missing consents.
 */
class AuditorKindsTest {
  private static final long DAY = 86_400_000L;

  /** V and C plus a bridge account B and a shadow number, wired so that only {@code kind} holds. */
  private static World worldWith(Kind kind) {
    World w = new World().account("V", 100).account("C", 200).account("B", 300);
    switch (kind) {
      case MUTUAL -> w.holds("V", "C").holds("C", "V");
      case FORWARD -> w.holds("V", "C");
      case REVERSE -> w.holds("C", "V");
      case SHARED_CONTACT -> w.holds("V", "B").holds("C", "B");
      case CO_HOLDER -> w.holds("B", "V").holds("B", "C");
      case CHAIN -> w.holds("V", "B").holds("B", "C");
      default -> throw new AssertionError(kind);
    }
    return w;
  }

  static Stream<Arguments> requirements() {
    List<Arguments> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (Requirement r : Policy.defaults().requirements(kind)) {
        out.add(Arguments.of(kind, r));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} is OK with every consent")
  @MethodSource("kinds")
  void everyKindIsConsensualWithEveryConsent(Kind kind) {
    Judgment j = worldWith(kind).grantAll("V", "C", "B").judge("V", "C");
    assertEquals(Verdict.OK, j.verdict());
    assertEquals(Set.of(kind), j.kinds());
    assertEquals(1, j.consensual(kind));
    assertEquals(Optional.empty(), j.primaryKind());
    assertEquals(List.of(), j.missingConsents());
  }

  static Stream<Kind> kinds() {
    return Stream.of(Kind.values());
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requirements")
  void droppingOneConsentNamesIt(Kind kind, Requirement dropped) {
    World w = worldWith(kind);
    String who =
        switch (dropped.role()) {
          case VIEWER -> "V";
          case CANDIDATE -> "C";
          case BRIDGE -> "B";
        };
    for (String account : List.of("V", "C", "B")) {
      for (String setting : World.ALL_SETTINGS) {
        if (!(account.equals(who) && setting.equals(dropped.setting()))) {
          w.grant(account, setting);
        }
      }
    }
    Judgment j = w.judge("V", "C");
    assertEquals(Verdict.LEAK, j.verdict());
    assertEquals(Optional.of(kind), j.primaryKind());
    assertEquals(List.of(dropped.label()), j.missingConsents());
    assertEquals(1, j.nonConsensual(kind));
  }

  @Test
  void noEvidenceIsUnexplained() {
    Judgment j = new World().account("V", 1).account("C", 2).grantAll("V", "C").judge("V", "C");
    assertEquals(Verdict.UNEXPLAINED, j.verdict());
    assertEquals(Set.of(), j.kinds());
  }

  @Test
  void sharedShadowNumberIsNeverConsensual() {
    World w = new World().account("V", 1).account("C", 2).grantAll("V", "C");
    w.holdsNumber("V", 999).holdsNumber("C", 999);
    Judgment j = w.judge("V", "C");
    assertEquals(Verdict.LEAK, j.verdict());
    assertEquals(List.of("bridge.shadow"), j.missingConsents());
    assertEquals(1, j.shadowSharedContacts());
  }

  @Test
  void consensualAndNonConsensualEvidenceIsAtRiskWithTheMostSevereKindPrimary() {
    World w = new World().account("V", 1).account("C", 2).account("B", 3);
    w.holds("V", "C").holds("C", "V").holdsNumber("V", 999).holdsNumber("C", 999);
    w.grantAll("V", "C", "B");
    Judgment j = w.judge("V", "C");
    assertEquals(Verdict.AT_RISK, j.verdict());
    assertEquals(Optional.of(Kind.SHARED_CONTACT), j.primaryKind());
    assertEquals(1, j.consensual(Kind.MUTUAL));
    assertEquals(1, j.nonConsensual(Kind.SHARED_CONTACT));
  }

  @Test
  void eachBridgeIsItsOwnPiece() {
    World w = new World().account("V", 1).account("C", 2);
    for (int i = 0; i < 5; i++) {
      w.account("W" + i, 10 + i).holds("W" + i, "V").holds("W" + i, "C");
    }
    w.grantAll("V", "C", "W0", "W1", "W2");
    Judgment j = w.judge("V", "C");
    assertEquals(Verdict.AT_RISK, j.verdict());
    assertEquals(3, j.consensual(Kind.CO_HOLDER));
    assertEquals(2, j.nonConsensual(Kind.CO_HOLDER));
    assertEquals(
        List.of("bridge.contact_upload", "bridge.contacts_for_others"), j.missingConsents());
  }

  @Test
  void missingConsentsAreInPolicyOrderViewerCandidateBridge() {
    World w = new World().account("V", 1).account("C", 2).account("B", 3);
    w.holds("V", "B").holds("C", "B");
    Judgment j = w.judge("V", "C");
    assertEquals(
        List.of(
            "viewer.contact_upload",
            "candidate.contact_upload",
            "candidate.contacts_for_others",
            "bridge.discoverable_by_phone"),
        j.missingConsents());
  }

  @Test
  void defaultConsentIsRefusedUnlessThePolicyAcceptsDefaults() {
    World w = new World().account("V", 1).account("C", 2).holds("V", "C");
    w.grant("V", Policy.CONTACT_UPLOAD);
    w.consent("C", Policy.DISCOVERABLE_BY_PHONE, true, true, Times.ALWAYS);
    Judgment refused = w.judge("V", "C");
    assertEquals(Verdict.LEAK, refused.verdict());
    assertEquals(List.of("candidate.discoverable_by_phone"), refused.missingConsents());
    Policy lenient = Policy.defaults().toBuilder().acceptDefaultConsent(true).build();
    assertEquals(Verdict.OK, w.auditor(lenient).judge(0, 1, Times.END_OF_TIME).verdict());
  }

  @Test
  void consentGrantedAfterTheRecommendationDoesNotCount() {
    World w = new World().account("V", 1).account("C", 2).holds("V", "C");
    w.grant("V", Policy.CONTACT_UPLOAD);
    w.consent("C", Policy.DISCOVERABLE_BY_PHONE, true, false, 10 * DAY);
    assertEquals(Verdict.LEAK, w.judge("V", "C", 5 * DAY).verdict());
    assertEquals(Verdict.OK, w.judge("V", "C", 10 * DAY).verdict());
  }

  @Test
  void consentWithdrawnBeforeTheRecommendationDoesNotCount() {
    World w = new World().account("V", 1).account("C", 2).holds("V", "C");
    w.grant("V", Policy.CONTACT_UPLOAD).grant("C", Policy.DISCOVERABLE_BY_PHONE);
    w.consent("C", Policy.DISCOVERABLE_BY_PHONE, false, false, 10 * DAY);
    assertEquals(Verdict.OK, w.judge("V", "C", 9 * DAY).verdict());
    assertEquals(Verdict.LEAK, w.judge("V", "C", 10 * DAY).verdict());
  }

  @Test
  void uploadDeletedExactlyWhenShownIsOnlyStaleEvidence() {
    World w = new World().account("V", 1).account("C", 2).holds("C", "V", 0, 10 * DAY);
    assertEquals(Verdict.LEAK, w.judge("V", "C", 10 * DAY - 1).verdict());
    Judgment stale = w.judge("V", "C", 10 * DAY);
    assertEquals(Verdict.STALE, stale.verdict());
    assertEquals(Optional.of(Kind.REVERSE), stale.primaryKind());
    assertEquals(Set.of(Kind.REVERSE), stale.kinds());
    assertEquals(List.of("entry.deleted"), stale.missingConsents());
    assertEquals(0, stale.nonConsensual(Kind.REVERSE) + stale.consensual(Kind.REVERSE));
  }

  @Test
  void accountRegisteredAfterTheRecommendationIsAShadowNumberThen() {
    World w = new World().account("V", 1).account("C", 2).account("X", 3, 20 * DAY, Times.NEVER);
    w.holds("V", "X").holds("C", "X").grantAll("V", "C", "X");
    Judgment before = w.judge("V", "C", 10 * DAY);
    assertEquals(List.of("bridge.shadow"), before.missingConsents());
    assertEquals(1, before.shadowSharedContacts());
    // both uploads predate X's registration: its consent counts only when given as a user
    Judgment after = w.judge("V", "C", 20 * DAY);
    assertEquals(Verdict.LEAK, after.verdict());
    assertEquals(List.of("bridge.discoverable_by_phone"), after.missingConsents());
    assertTrue(after.preRegistration());
    w.consent("X", Policy.DISCOVERABLE_BY_PHONE, true, false, 20 * DAY);
    assertEquals(Verdict.OK, w.auditor().judge(0, 1, 20 * DAY).verdict());
  }

  @Test
  void renamedSettingsAreReadUnderTheAppsNames() {
    World w = new World().account("V", 1).account("C", 2).holds("V", "C");
    w.grant("V", "upload_address_book").grant("C", Policy.DISCOVERABLE_BY_PHONE);
    Policy renamed =
        Policy.defaults().toBuilder().settingName("contact_upload", "upload_address_book").build();
    assertEquals(Verdict.OK, w.auditor(renamed).judge(0, 1, Times.END_OF_TIME).verdict());
    assertEquals(Verdict.LEAK, w.judge("V", "C").verdict());
  }

  @Test
  void judgeByExternalIdsAndInstant() {
    World w = new World().account("V", 1).account("C", 2).holds("C", "V").grantAll("V", "C");
    Judgment j = w.auditor().judge("V", "C", Instant.parse("2020-06-01T10:00:00Z"));
    assertEquals(Verdict.OK, j.verdict());
    assertTrue(w.auditor().isConsensual("V", "C", Instant.parse("2020-06-01T10:00:00Z")));
  }

  @Test
  void unknownAccountErrorCarriesTheId() {
    Auditor auditor = new World().account("V", 1).account("C", 2).auditor();
    UnknownAccountException e =
        assertThrows(
            UnknownAccountException.class, () -> auditor.judge("V", "nobody", Instant.EPOCH));
    assertEquals("nobody", e.accountId());
    assertEquals("account 'nobody' is not in the graph", e.getMessage());
  }

  @Test
  void accountNotLiveAtTheInstantIsAnError() {
    Auditor auditor = new World().account("V", 1).account("C", 2, 10 * DAY, Times.NEVER).auditor();
    UnknownAccountException e =
        assertThrows(UnknownAccountException.class, () -> auditor.judge(0, 1, DAY));
    assertEquals("C", e.accountId());
    assertEquals("account 'C' does not exist at 1970-01-02T00:00:00Z", e.getMessage());
  }

  @Test
  void selfRecommendationIsAnError() {
    Auditor auditor = new World().account("V", 1).auditor();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> auditor.judge(0, 0, 0));
    assertEquals("viewer and candidate are the same account 'V'", e.getMessage());
  }

  @Test
  void consentSafeFilterDropsExactlyTheLeaks() {
    World w = new World().account("V", 1).account("C", 2).account("D", 3).account("E", 4);
    w.holds("V", "C").holds("D", "V").grantAll("V", "C");
    Auditor auditor = w.auditor();
    assertTrue(auditor.isConsensual(0, 1, Times.END_OF_TIME), "forward with consent");
    assertFalse(auditor.isConsensual(0, 2, Times.END_OF_TIME), "reverse without consent");
    assertTrue(auditor.isConsensual(0, 3, Times.END_OF_TIME), "unexplained");
  }

  @Test
  void judgeAllKeepsTheOrder() {
    World w = new World();
    for (int i = 0; i < 50; i++) {
      w.account("A" + i, 100 + i);
    }
    for (int i = 1; i < 50; i++) {
      w.holds("A" + i, "A0");
    }
    Auditor auditor = w.auditor();
    int[] viewers = new int[2000];
    int[] candidates = new int[2000];
    long[] times = new long[2000];
    for (int i = 0; i < viewers.length; i++) {
      viewers[i] = 0;
      candidates[i] = 1 + i % 49;
      times[i] = Times.END_OF_TIME;
    }
    List<Judgment> all = auditor.judgeAll(viewers, candidates, times);
    for (int i = 0; i < all.size(); i++) {
      assertEquals(candidates[i], all.get(i).candidate());
      assertEquals(auditor.judge(viewers[i], candidates[i], times[i]), all.get(i));
    }
  }
}
