package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/** The auditor agrees with the naive reference judge on thousands of random worlds. */
class AuditorPropertyTest {
  private static final long DAY = 86_400_000L;

  private static final String[] EXPLANATIONS = {
    "",
    "in_contacts",
    " In_Contacts ",
    "has_your_number",
    "HAS_YOUR_NUMBER\t",
    "mutual_contacts:1",
    "mutual_contacts:2",
    " Mutual_Contacts:3",
    "mutual_contacts:0",
    "mutual_contacts:",
    "mutual_contacts: 1",
    "mutual_contacts:99999999999",
    "friend_of_friend",
    "because you may know them"
  };

  @Test
  void auditorAgreesWithReferenceJudgeOnRandomWorlds() {
    Random rnd = new Random(20201);
    int[] verdicts = new int[Verdict.values().length];
    int[] explained = new int[ExplanationVerdict.values().length];
    int preRegistration = 0;
    int recycled = 0;
    for (int round = 0; round < 3000; round++) {
      World w = World.random(rnd);
      Policy policy =
          rnd.nextInt(4) == 0
              ? Policy.defaults().toBuilder().acceptDefaultConsent(true).build()
              : Policy.defaults();
      Auditor auditor = w.auditor(policy);
      ReferenceJudge reference = new ReferenceJudge(w, policy);
      ContactGraph g = auditor.graph();
      for (int k = 0; k < 6; k++) {
        int v = rnd.nextInt(g.accountCount());
        int c = rnd.nextInt(g.accountCount());
        long t = rnd.nextInt(5) == 0 ? Times.END_OF_TIME : rnd.nextInt(25) * DAY;
        if (v == c || !g.isLive(v, t) || !g.isLive(c, t)) {
          continue;
        }
        String explanation = EXPLANATIONS[rnd.nextInt(EXPLANATIONS.length)];
        Judgment j = auditor.judge(v, c, t, explanation);
        ReferenceJudge.Result expected =
            reference.judge(g.accountId(v), g.accountId(c), t, explanation);
        assertEquals(
            expected,
            ReferenceJudge.of(j),
            () -> "explanation '" + explanation + "' " + auditorDescription(w));
        boolean safe = j.verdict() == Verdict.OK || j.verdict() == Verdict.UNEXPLAINED;
        assertEquals(safe, auditor.isConsensual(v, c, t), () -> "filter on " + j);
        verdicts[j.verdict().ordinal()]++;
        j.explanationVerdict().ifPresent(e -> explained[e.ordinal()]++);
        preRegistration += j.preRegistration() ? 1 : 0;
        recycled += j.recycledNumber() ? 1 : 0;
      }
    }
    for (Verdict v : Verdict.values()) {
      assertTrue(
          verdicts[v.ordinal()] > 200, () -> v + " judged " + verdicts[v.ordinal()] + " times");
    }
    for (ExplanationVerdict e : ExplanationVerdict.values()) {
      assertTrue(explained[e.ordinal()] > 100, () -> e + " " + explained[e.ordinal()] + " times");
    }
    assertTrue(preRegistration > 200, "pre-registration leaks " + preRegistration);
    assertTrue(recycled > 50, "leaks through recycled numbers " + recycled);
  }

  private static String auditorDescription(World w) {
    return "accounts=" + w.accounts + " entries=" + w.entries + " consents=" + w.consents;
  }
}
