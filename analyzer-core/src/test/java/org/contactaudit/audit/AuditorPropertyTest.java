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

  @Test
  void auditorAgreesWithReferenceJudgeOnRandomWorlds() {
    Random rnd = new Random(20201);
    int[] verdicts = new int[Verdict.values().length];
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
        Judgment j = auditor.judge(v, c, t);
        ReferenceJudge.Result expected = reference.judge(g.accountId(v), g.accountId(c), t);
        assertEquals(expected, ReferenceJudge.of(j), () -> "round " + auditorDescription(w));
        boolean safe = j.verdict() == Verdict.OK || j.verdict() == Verdict.UNEXPLAINED;
        assertEquals(safe, auditor.isConsensual(v, c, t), () -> "filter on " + j);
        verdicts[j.verdict().ordinal()]++;
      }
    }
    for (Verdict v : Verdict.values()) {
      assertTrue(
          verdicts[v.ordinal()] > 500, () -> v + " judged " + verdicts[v.ordinal()] + " times");
    }
  }

  private static String auditorDescription(World w) {
    return "accounts=" + w.accounts + " entries=" + w.entries + " consents=" + w.consents;
  }
}
