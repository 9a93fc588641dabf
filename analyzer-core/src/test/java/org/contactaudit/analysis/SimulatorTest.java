package org.contactaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Verdict;
import org.contactaudit.audit.World;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private static final long T = Times.END_OF_TIME;
  private static final long SHADOW = 900;

  /**
   * Account ids V=0, A=1, B=2, C=3, D=4, W=5 and the shadow number S (900). Phonebooks: V {A, B,
   * S}, A {V, D, C}, B {D}, C {V, S}, D {S, B}, W {V, B, D}. Everyone grants everything.
   */
  private static World world() {
    return new World()
        .account("V", 1)
        .account("A", 2)
        .account("B", 3)
        .account("C", 4)
        .account("D", 5)
        .account("W", 6)
        .holds("V", "A")
        .holds("V", "B")
        .holdsNumber("V", SHADOW)
        .holds("A", "V")
        .holds("A", "D")
        .holds("A", "C")
        .holds("B", "D")
        .holds("C", "V")
        .holdsNumber("C", SHADOW)
        .holdsNumber("D", SHADOW)
        .holds("D", "B")
        .holds("W", "V")
        .holds("W", "B")
        .holds("W", "D")
        .grantAll("V", "A", "B", "C", "D", "W");
  }

  private static List<String> names(ContactGraph g, int[] ids) {
    List<String> out = new ArrayList<>();
    for (int id : ids) {
      out.add(g.accountId(id));
    }
    return out;
  }

  private static List<String> suggest(World w, int k, Strategy s, String viewer) {
    ContactGraph g = w.graph();
    return names(g, Simulator.of(w.auditor(), k).suggest(s, g.accountIndex(viewer), T));
  }

  private static List<String> probe(World w, int k, Strategy s, long key) {
    ContactGraph g = w.graph();
    return names(g, Simulator.of(w.auditor(), k).probe(s, g.numberIndex(key), T));
  }

  @Test
  void eachStrategyRanksByItsEvidenceThenById() {
    World w = world();
    // V-A is mutual (2 edges), V holds B only.
    assertEquals(List.of("A", "B"), suggest(w, 10, Strategy.FORWARD_CONTACTS, "V"));
    // A, C and W hold V; A is mutual.
    assertEquals(List.of("A", "C", "W"), suggest(w, 10, Strategy.REVERSE_CONTACTS, "V"));
    // D shares B and S with V; C shares S; W shares B.
    assertEquals(List.of("D", "C", "W"), suggest(w, 10, Strategy.SHARED_CONTACTS, "V"));
    // Holders of V: A holds D and C, W holds B and D, C holds no other account.
    assertEquals(List.of("D", "B", "C"), suggest(w, 10, Strategy.CO_HOLDERS, "V"));
    // V → A → {D, C}, V → B → D.
    assertEquals(List.of("D", "C"), suggest(w, 10, Strategy.CHAINS, "V"));
  }

  @Test
  void topKCutsTheRanking() {
    World w = world();
    assertEquals(List.of("A"), suggest(w, 1, Strategy.REVERSE_CONTACTS, "V"));
    assertEquals(List.of("D", "C"), suggest(w, 2, Strategy.SHARED_CONTACTS, "V"));
    assertEquals(List.of("D", "B"), suggest(w, 2, Strategy.CO_HOLDERS, "V"));
  }

  @Test
  void consentSafeDropsWhatAShadowNumberExplains() {
    World w = world();
    // Union scores: D 6, C 4, A 2, B 2, W 2. D and C share the shadow S with V: never consensual.
    assertEquals(List.of("A", "B", "W"), suggest(w, 10, Strategy.CONSENT_SAFE, "V"));
    assertEquals(List.of("A", "B"), suggest(w, 2, Strategy.CONSENT_SAFE, "V"));
    assertEquals(Verdict.AT_RISK, w.judge("V", "D").verdict());
    assertEquals(Verdict.OK, w.judge("V", "W").verdict());
  }

  @Test
  void runCountsSuggestionsVerdictsAndUsefulSlots() {
    World w = world();
    Auditor auditor = w.auditor();
    Simulation sim = Simulator.of(auditor, 2).run(T, Integer.MAX_VALUE, 0, 1, 1);
    assertEquals(6, sim.viewers());
    assertEquals(0, sim.probeTargets());
    long slots = 0;
    for (Strategy s : Strategy.values()) {
      long suggestions = 0;
      long[] verdicts = new long[Verdict.values().length];
      for (int v = 0; v < 6; v++) {
        for (int c : Simulator.of(auditor, 2).suggest(s, v, T)) {
          suggestions++;
          verdicts[auditor.judge(v, c, T).verdict().ordinal()]++;
        }
      }
      Simulation.StrategyFigures f = sim.figures(s);
      assertEquals(s, f.strategy());
      assertEquals(suggestions, f.suggestions(), s.label());
      assertEquals(verdicts[Verdict.OK.ordinal()], f.ok(), s.label());
      assertEquals(verdicts[Verdict.AT_RISK.ordinal()], f.atRisk(), s.label());
      assertEquals(verdicts[Verdict.LEAK.ordinal()], f.leak(), s.label());
      assertEquals(0, f.unexplained(), s.label());
    }
    for (int v = 0; v < 6; v++) {
      // Every account with evidence is a candidate of CONSENT_SAFE before its filter.
      int pool = 0;
      for (int c = 0; c < 6; c++) {
        if (c != v && auditor.judge(v, c, T).verdict() != Verdict.UNEXPLAINED) {
          pool++;
        }
      }
      slots += Math.min(2, pool);
    }
    assertEquals(slots, sim.usefulSlots());
    assertEquals(
        (double) sim.figures(Strategy.CONSENT_SAFE).suggestions() / slots, sim.keptShare());
    assertEquals(0, sim.figures(Strategy.CONSENT_SAFE).leakRate());
    Simulation.StrategyFigures shared = sim.figures(Strategy.SHARED_CONTACTS);
    assertEquals(
        (double) (shared.leak() + shared.atRisk()) / shared.suggestions(), shared.leakRate());
  }

  @Test
  void aProbeOfAShadowNumberRevealsItsHoldersThroughSharedContactsOnly() {
    World w = world();
    // S is held by V, C and D.
    assertEquals(List.of("V", "C", "D"), probe(w, 10, Strategy.SHARED_CONTACTS, SHADOW));
    assertEquals(List.of("V", "C"), probe(w, 2, Strategy.SHARED_CONTACTS, SHADOW));
    for (Strategy s :
        List.of(
            Strategy.FORWARD_CONTACTS,
            Strategy.REVERSE_CONTACTS,
            Strategy.CO_HOLDERS,
            Strategy.CHAINS,
            Strategy.CONSENT_SAFE)) {
      assertEquals(List.of(), probe(w, 10, s, SHADOW), s.label());
    }
  }

  @Test
  void aProbeOfAUserNumberFindsItsOwnerItsHoldersAndItsOwnersContacts() {
    World w = world();
    long b = w.numberOf("B");
    // B is held by V, D and W; B holds D.
    assertEquals(List.of("B"), probe(w, 10, Strategy.FORWARD_CONTACTS, b));
    assertEquals(List.of("V", "D", "W"), probe(w, 10, Strategy.SHARED_CONTACTS, b));
    assertEquals(List.of("D"), probe(w, 10, Strategy.CHAINS, b));
    assertEquals(List.of(), probe(w, 10, Strategy.REVERSE_CONTACTS, b));
    assertEquals(List.of(), probe(w, 10, Strategy.CO_HOLDERS, b));
    // Everyone consented: D (shared + chain) first, then V, B, W.
    assertEquals(List.of("D", "V", "B", "W"), probe(w, 10, Strategy.CONSENT_SAFE, b));
  }

  /** The psychiatrist's patients hold her number and consented to nothing. */
  private static World psychiatrist() {
    World w = new World().account("dr", 100).account("p1", 1).account("p2", 2).account("p3", 3);
    w.holds("p1", "dr").holds("p2", "dr").holds("p3", "dr").holds("dr", "p1");
    return w.grantAll("dr");
  }

  @Test
  void theProbeAttackOnThePsychiatrist() {
    World w = psychiatrist();
    long dr = w.numberOf("dr");
    assertEquals(List.of("p1", "p2", "p3"), probe(w, 10, Strategy.SHARED_CONTACTS, dr));
    assertEquals(List.of("p1"), probe(w, 10, Strategy.CHAINS, dr));
    assertEquals(List.of("dr"), probe(w, 10, Strategy.FORWARD_CONTACTS, dr));
    assertEquals(List.of("dr"), probe(w, 10, Strategy.CONSENT_SAFE, dr));

    Simulation sim = Simulator.of(w.auditor(), 10).run(T, Integer.MAX_VALUE, 100, 1, 2);
    assertEquals(1, sim.probeTargets(), "only the psychiatrist's number has two holders or more");
    Simulation.StrategyFigures shared = sim.figures(Strategy.SHARED_CONTACTS);
    assertEquals(3, shared.probeRevealed());
    assertEquals(3, shared.probeMaxRevealed());
    assertEquals(3, shared.probeRevealedWithoutConsent());
    assertEquals(3.0, shared.probeMeanRevealed());
    assertEquals(3.0, shared.probeMeanRevealedWithoutConsent());
    Simulation.StrategyFigures chains = sim.figures(Strategy.CHAINS);
    assertEquals(1, chains.probeRevealed(), "p1, whom the psychiatrist holds, holds her number");
    assertEquals(1, chains.probeRevealedWithoutConsent());
    assertEquals(0, sim.figures(Strategy.FORWARD_CONTACTS).probeRevealed());
    assertEquals(0, sim.figures(Strategy.CONSENT_SAFE).probeRevealed());
    assertEquals(0, sim.figures(Strategy.CONSENT_SAFE).probeMaxRevealed());
  }

  @Test
  void samplesAreDrawnWithoutReplacementAndReproducibly() {
    World w = new World();
    for (int a = 0; a < 50; a++) {
      w.account("a" + a, 1000 + a).holdsNumber("a" + a, 5).holdsNumber("a" + a, 6 + a % 7);
    }
    Simulator sim = Simulator.of(w.auditor(), 3);
    Simulation s1 = sim.run(T, 10, 4, 42, 2);
    Simulation s2 = sim.run(T, 10, 4, 42, 3);
    assertEquals(10, s1.viewers());
    assertEquals(4, s1.probeTargets());
    assertEquals(s1, s2, "the same seed gives the same figures whatever the threads");
    assertEquals(8, sim.run(T, 100, 8, 1, 1).probeTargets(), "eight numbers have two holders");
  }

  @Test
  void argumentsAreChecked() {
    World w = world();
    assertThrows(IllegalArgumentException.class, () -> Simulator.of(w.auditor(), 0));
    Simulator sim = Simulator.of(w.auditor(), 1);
    assertThrows(
        IllegalArgumentException.class, () -> sim.suggest(Strategy.CHAINS, 6, T), "no account 6");
    assertThrows(IllegalArgumentException.class, () -> sim.probe(Strategy.CHAINS, 7, T));
    World late = new World().account("L", 1, 10, Times.NEVER);
    assertThrows(
        IllegalArgumentException.class,
        () -> Simulator.of(late.auditor(), 1).suggest(Strategy.CHAINS, 0, 5));
    assertArrayEquals(new int[0], Simulator.of(late.auditor(), 1).suggest(Strategy.CHAINS, 0, 20));
  }
}
