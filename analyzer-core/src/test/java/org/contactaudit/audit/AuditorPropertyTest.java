package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/** The auditor agrees with the naive reference judge on thousands of random worlds. */
class AuditorPropertyTest {
  private static final long DAY = 86_400_000L;

  /** A random world: small enough for the naive judge, dense enough for every kind. */
  static World randomWorld(Random rnd) {
    World w = new World();
    int accounts = 3 + rnd.nextInt(9);
    int shadows = rnd.nextInt(6);
    boolean timed = rnd.nextBoolean();
    for (int a = 0; a < accounts; a++) {
      long from = timed && rnd.nextInt(4) == 0 ? rnd.nextInt(10) * DAY : Times.ALWAYS;
      long to = timed && rnd.nextInt(6) == 0 ? (10 + rnd.nextInt(10)) * DAY : Times.NEVER;
      w.account("a" + a, 1000 + a, from, to);
    }
    List<Long> numbers = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      numbers.add(1000L + a);
    }
    for (int s = 0; s < shadows; s++) {
      numbers.add(5000L + s);
    }
    int entries = rnd.nextInt(accounts * 4);
    for (int e = 0; e < entries; e++) {
      int owner = rnd.nextInt(accounts);
      long number = numbers.get(rnd.nextInt(numbers.size()));
      if (number == 1000 + owner) {
        continue;
      }
      long from = timed && rnd.nextBoolean() ? rnd.nextInt(15) * DAY : Times.ALWAYS;
      long to = timed && rnd.nextInt(3) == 0 ? from + (1 + rnd.nextInt(10)) * DAY : Times.NEVER;
      if (to < from) {
        to = Times.NEVER;
      }
      w.holdsNumber("a" + owner, number, from, to);
      if (rnd.nextInt(8) == 0) {
        w.holdsNumber("a" + owner, number, from, to);
      }
    }
    for (int a = 0; a < accounts; a++) {
      if (rnd.nextInt(5) < 3) {
        for (String setting : World.ALL_SETTINGS) {
          w.consent("a" + a, setting, true, rnd.nextInt(8) == 0, Times.ALWAYS);
        }
      }
    }
    int records = rnd.nextInt(accounts * 3);
    for (int r = 0; r < records; r++) {
      String setting = World.ALL_SETTINGS.get(rnd.nextInt(4));
      long time = timed && rnd.nextBoolean() ? rnd.nextInt(20) * DAY : Times.ALWAYS;
      w.consent(
          "a" + rnd.nextInt(accounts), setting, rnd.nextInt(4) != 0, rnd.nextInt(5) == 0, time);
    }
    return w;
  }

  @Test
  void auditorAgreesWithReferenceJudgeOnRandomWorlds() {
    Random rnd = new Random(20201);
    int[] verdicts = new int[Verdict.values().length];
    for (int round = 0; round < 3000; round++) {
      World w = randomWorld(rnd);
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
