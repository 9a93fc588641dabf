package org.contactaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Verdict;
import org.contactaudit.audit.World;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/**
 * The simulator against brute force on random worlds: every viewer scores every other account by
 * counting its evidence straight from the definitions with {@link ContactGraph#holds(int, int,
 * long)}, and the probe against a world where the fake account really exists.
 */
class SimulatorPropertyTest {
  private static final long DAY = 86_400_000L;
  private static final long FAKE_NUMBER = 999_999;

  private static long randomTime(Random rnd) {
    return rnd.nextInt(4) == 0 ? Times.END_OF_TIME : rnd.nextInt(25) * DAY;
  }

  /** The top k of a strategy, computed naively. */
  static int[] bruteForce(Auditor auditor, Strategy s, int v, long t, int k) {
    ContactGraph g = auditor.graph();
    int n = g.accountCount();
    List<int[]> scored = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (c == v || !g.isLive(c, t)) {
        continue;
      }
      boolean forward = g.holds(v, c, t);
      boolean reverse = g.holds(c, v, t);
      int direct = (forward ? 1 : 0) + (reverse ? 1 : 0);
      int shared = 0;
      for (int x = 0; x < g.numberCount(); x++) {
        if (x != v && x != c && g.holds(v, x, t) && g.holds(c, x, t)) {
          shared++;
        }
      }
      int coHolders = 0;
      int chains = 0;
      for (int w = 0; w < n; w++) {
        if (w != v && w != c && g.holds(w, v, t) && g.holds(w, c, t)) {
          coHolders++;
        }
        if (w != v && w != c && g.holds(v, w, t) && g.holds(w, c, t)) {
          chains++;
        }
      }
      int score =
          switch (s) {
            case FORWARD_CONTACTS -> forward ? direct : 0;
            case REVERSE_CONTACTS -> reverse ? direct : 0;
            case SHARED_CONTACTS -> shared;
            case CO_HOLDERS -> coHolders;
            case CHAINS -> chains;
            case CONSENT_SAFE -> direct + shared + coHolders + chains;
          };
      if (score > 0
          && (s != Strategy.CONSENT_SAFE || auditor.judge(v, c, t).verdict() == Verdict.OK)) {
        scored.add(new int[] {score, c});
      }
    }
    scored.sort(Comparator.<int[]>comparingInt(a -> -a[0]).thenComparingInt(a -> a[1]));
    return scored.stream().limit(k).mapToInt(a -> a[1]).toArray();
  }

  @Test
  void suggestionsAgreeWithBruteForceAndConsentSafeNeverLeaks() {
    Random rnd = new Random(6);
    long[] verdicts = new long[Verdict.values().length];
    long consentSafe = 0;
    for (int round = 0; round < 1500; round++) {
      World w = World.random(rnd);
      Auditor auditor = w.auditor();
      ContactGraph g = auditor.graph();
      int k = 1 + rnd.nextInt(4);
      Simulator sim = Simulator.of(auditor, k);
      long t = randomTime(rnd);
      for (int v = 0; v < g.accountCount(); v++) {
        if (!g.isLive(v, t)) {
          continue;
        }
        for (Strategy s : Strategy.values()) {
          int[] expected = bruteForce(auditor, s, v, t, k);
          int[] actual = sim.suggest(s, v, t);
          int viewer = v;
          assertArrayEquals(expected, actual, () -> s + " for viewer " + viewer + " at " + t);
          for (int c : actual) {
            Verdict verdict = auditor.judge(v, c, t).verdict();
            assertNotEquals(Verdict.UNEXPLAINED, verdict, "a suggestion always has evidence");
            if (s == Strategy.CONSENT_SAFE) {
              assertEquals(Verdict.OK, verdict, "consent-safe yields OK only");
              consentSafe++;
            } else {
              verdicts[verdict.ordinal()]++;
            }
          }
        }
      }
    }
    assertTrue(consentSafe > 1000, "consent-safe suggested " + consentSafe);
    for (Verdict v : List.of(Verdict.OK, Verdict.AT_RISK, Verdict.LEAK)) {
      assertTrue(verdicts[v.ordinal()] > 1000, v + " " + verdicts[v.ordinal()]);
    }
  }

  /**
   * The probe agrees with a copy of the world where the fake account F exists, holds only the
   * target and grants everything; run() adds the probes up as the copy judges them.
   */
  @Test
  void theProbeIsAFakeAccountThatHoldsOneNumber() {
    Random rnd = new Random(11);
    long probes = 0;
    long revealedWithoutConsent = 0;
    for (int round = 0; round < 600; round++) {
      long seed = rnd.nextLong();
      World w = World.random(new Random(seed));
      Auditor auditor = w.auditor();
      ContactGraph g = auditor.graph();
      int k = 1 + rnd.nextInt(4);
      long t = randomTime(rnd);
      Simulator sim = Simulator.of(auditor, k);
      long[] revealed = new long[Strategy.values().length];
      long[] unconsented = new long[Strategy.values().length];
      int targets = 0;
      for (int x = 0; x < g.numberCount(); x++) {
        World withFake = World.random(new Random(seed)).account("F", FAKE_NUMBER);
        // the fake account uploads the target at t
        withFake.holdsNumber("F", g.numberKey(x), t, Times.NEVER).grantAll("F");
        Auditor fakeAuditor = withFake.auditor();
        int fake = fakeAuditor.graph().accountIndex("F");
        Simulator fakeSim = Simulator.of(fakeAuditor, k);
        boolean target = g.holderCount(x, t) >= 2;
        targets += target ? 1 : 0;
        for (Strategy s : Strategy.values()) {
          int[] expected = fakeSim.suggest(s, fake, t);
          int[] actual = sim.probe(s, x, t);
          int number = x;
          assertArrayEquals(expected, actual, () -> s + " probing " + number + " at " + t);
          for (int c : actual) {
            if (s == Strategy.CONSENT_SAFE && g.isShadow(x, t)) {
              assertFalse(g.holds(c, x, t), "consent-safe reveals nothing about a shadow number");
            }
            if (target && g.holds(c, x, t)) {
              revealed[s.ordinal()]++;
              Verdict verdict = fakeAuditor.judge(fake, c, t).verdict();
              if (verdict == Verdict.LEAK || verdict == Verdict.AT_RISK) {
                unconsented[s.ordinal()]++;
              }
            }
          }
        }
      }
      Simulation run = sim.run(t, 0, Integer.MAX_VALUE, 1, 2);
      assertEquals(targets, run.probeTargets());
      for (Strategy s : Strategy.values()) {
        Simulation.StrategyFigures f = run.figures(s);
        assertEquals(revealed[s.ordinal()], f.probeRevealed(), s.label());
        assertEquals(unconsented[s.ordinal()], f.probeRevealedWithoutConsent(), s.label());
        if (s != Strategy.CONSENT_SAFE) {
          revealedWithoutConsent += unconsented[s.ordinal()];
        }
      }
      assertEquals(0, run.figures(Strategy.CONSENT_SAFE).probeRevealedWithoutConsent());
      assertEquals(0, run.figures(Strategy.REVERSE_CONTACTS).probeRevealed());
      assertEquals(0, run.figures(Strategy.CO_HOLDERS).probeRevealed());
      probes += targets;
    }
    assertTrue(probes > 1000, "probed " + probes);
    assertTrue(revealedWithoutConsent > 500, "revealed without consent " + revealedWithoutConsent);
  }
}
