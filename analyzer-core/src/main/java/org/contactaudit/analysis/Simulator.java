package org.contactaudit.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.EvidenceTally;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Role;
import org.contactaudit.audit.Rules;
import org.contactaudit.audit.Verdict;
import org.contactaudit.graph.ContactGraph;

/**
 * What-if strategies (docs/ANALYSES.md): the suggestions each {@link Strategy} would make, judged
 * with the same {@link Auditor}, and the probe attack.
 *
 * <h2>Suggestions</h2>
 *
 * For a viewer {@code V} that exists at {@code t}, a strategy suggests its top {@code k} candidates
 * (see {@link Strategy} for the scores; ties by account id). Every suggestion is judged by {@link
 * Auditor#judge(int, int, long)} at {@code t}; {@link Strategy#CONSENT_SAFE} walks the union
 * ranking and keeps the candidates {@link Auditor#isConsensual(int, int, long)} accepts, so its
 * suggestions are all {@code OK}.
 *
 * <h2>The probe attack</h2>
 *
 * A fake account {@code F} that uploads a single target number {@code x} at {@code t}: its
 * phonebook is {@code {x}}, and nobody holds its fresh number, so {@code REVERSE_CONTACTS} and
 * {@code CO_HOLDERS} suggest nothing; {@code FORWARD_CONTACTS} suggests the owner of {@code x} when
 * it exists; {@code SHARED_CONTACTS} suggests the holders of {@code x} (the psychiatrist case);
 * {@code CHAINS} suggests the accounts the owner of {@code x} holds. The probe is simulated without
 * touching the graph: {@code F}'s phonebook is fed to the candidate generation directly. {@code F}
 * grants every consent a viewer can give (the attacker controls its own account); its evidence with
 * a candidate ({@code FORWARD} when the candidate owns {@code x}, {@code SHARED_CONTACT} via {@code
 * x}, {@code CHAIN} via the owner of {@code x}) is judged with {@link Rules}, its upload made at
 * {@code t} (so never before the owner of {@code x} registered; the other entries are tested for
 * pre-registration as the auditor tests them). A probe <b>reveals</b> the holders of {@code x}
 * among its top {@code k} suggestions, <b>without consent</b> when that suggestion is not
 * consensual. The targets are the numbers (user or shadow) held by at least two accounts at {@code
 * t}.
 *
 * <h2>Cost</h2>
 *
 * Per viewer: generation over its two-hop neighbourhood in the CSR and the inverted phonebook,
 * {@code O(Σ degrees)}, counting in reusable {@code int[]} indexed by account with a touched list;
 * then per strategy a sort of its {@code m} candidates' {@code long} keys, {@code O(m log m)}, and
 * {@code k} judgments ({@code O(d log d)} each, one {@link org.contactaudit.audit.Judgment}
 * allocated each). Memory: 29 bytes per account per thread. Thread-safe.
 */
public final class Simulator {
  private static final int PROBE = -1;
  private static final long TARGET_SEED = 0x9E3779B97F4A7C15L;
  private static final Strategy[] STRATEGIES = Strategy.values();
  private static final Verdict[] VERDICTS = Verdict.values();

  private final Auditor auditor;
  private final ContactGraph graph;
  private final Rules rules;
  private final int topK;
  private final long viewerBits;
  private final ThreadLocal<Candidates> scratch;

  private Simulator(Auditor auditor, int topK) {
    this.auditor = auditor;
    this.graph = auditor.graph();
    this.rules = auditor.rules();
    this.topK = topK;
    long bits = 0;
    List<String> terms = rules.terms();
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i).startsWith(Role.VIEWER.label() + ".")) {
        bits |= 1L << i;
      }
    }
    this.viewerBits = bits;
    this.scratch = ThreadLocal.withInitial(() -> new Candidates(graph, topK));
  }

  /**
   * A simulator that suggests {@code topK} candidates per viewer and strategy.
   *
   * @throws IllegalArgumentException when {@code topK < 1}
   */
  public static Simulator of(Auditor auditor, int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("top-k is " + topK + "; it must be at least 1");
    }
    return new Simulator(auditor, topK);
  }

  /** Suggestions per viewer and strategy, at most. */
  public int topK() {
    return topK;
  }

  /**
   * The candidates a strategy suggests to {@code viewer} at {@code t}, best first.
   *
   * @throws IllegalArgumentException when the viewer is not an account that exists at {@code t}
   */
  public int[] suggest(Strategy strategy, int viewer, long t) {
    if (viewer < 0 || viewer >= graph.accountCount() || !graph.isLive(viewer, t)) {
      throw new IllegalArgumentException(
          "viewer " + viewer + " is not an account that exists at " + t);
    }
    Candidates c = scratch.get();
    try {
      c.loadViewer(viewer, t);
      c.generate(viewer, t, Candidates.sources(strategy));
      return Arrays.copyOf(c.selected, select(c, strategy, viewer, PROBE, t));
    } finally {
      c.clear();
    }
  }

  /**
   * The candidates a strategy suggests at {@code t} to a fake account that uploads only number
   * {@code number}, best first.
   *
   * @throws IllegalArgumentException when the number is not in the graph
   */
  public int[] probe(Strategy strategy, int number, long t) {
    if (number < 0 || number >= graph.numberCount()) {
      throw new IllegalArgumentException("number " + number + " is not in the graph");
    }
    // a recycled number is, at t, the id of the account that owns it then
    int target = graph.numberAt(number, t);
    Candidates c = scratch.get();
    try {
      c.loadProbe(target);
      c.generate(PROBE, t, Candidates.sources(strategy));
      return Arrays.copyOf(c.selected, select(c, strategy, PROBE, target, t));
    } finally {
      c.clear();
    }
  }

  /**
   * Simulates every strategy at {@code t} for a sample of viewers and probes a sample of targets.
   *
   * @param viewers how many of the accounts that exist at {@code t} to simulate, drawn uniformly
   *     without replacement ({@link Integer#MAX_VALUE}: all)
   * @param probeTargets how many of the numbers held by at least two accounts at {@code t} to probe
   * @param seed the seed of both samples
   * @param threads threads to use
   */
  public Simulation run(long t, int viewers, int probeTargets, long seed, int threads) {
    int[] viewerIds = sample(liveAccounts(t), viewers, seed);
    int[] targetIds = sample(probeTargets(t), probeTargets, seed ^ TARGET_SEED);
    ForkJoinPool pool = new ForkJoinPool(threads);
    Tally total;
    try {
      total =
          pool.submit(
                  () ->
                      IntStream.range(0, viewerIds.length + targetIds.length)
                          .parallel()
                          .collect(
                              Tally::new,
                              (tally, i) -> {
                                if (i < viewerIds.length) {
                                  viewer(viewerIds[i], t, tally);
                                } else {
                                  probe(targetIds[i - viewerIds.length], t, tally);
                                }
                              },
                              Tally::merge))
              .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the simulation was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the simulation failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
    List<Simulation.StrategyFigures> figures = new ArrayList<>();
    for (Strategy s : STRATEGIES) {
      int i = s.ordinal();
      long[] v = total.verdicts[i];
      figures.add(
          new Simulation.StrategyFigures(
              s,
              total.suggestions[i],
              v[Verdict.OK.ordinal()],
              v[Verdict.AT_RISK.ordinal()],
              v[Verdict.LEAK.ordinal()],
              v[Verdict.UNEXPLAINED.ordinal()],
              targetIds.length,
              total.revealed[i],
              total.maxRevealed[i],
              total.unconsented[i],
              total.maxUnconsented[i]));
    }
    return new Simulation(t, topK, viewerIds.length, total.usefulSlots, targetIds.length, figures);
  }

  private void viewer(int v, long t, Tally tally) {
    Candidates c = scratch.get();
    try {
      c.loadViewer(v, t);
      c.generate(v, t, Candidates.ALL);
      for (Strategy s : STRATEGIES) {
        int n = select(c, s, v, PROBE, t);
        tally.suggestions[s.ordinal()] += n;
        for (int i = 0; i < n; i++) {
          tally.verdicts[s.ordinal()][auditor.judge(v, c.selected[i], t).verdict().ordinal()]++;
        }
      }
      tally.usefulSlots += Math.min(topK, c.poolSize());
    } finally {
      c.clear();
    }
  }

  private void probe(int x, long t, Tally tally) {
    Candidates c = scratch.get();
    try {
      c.loadProbe(x);
      c.generate(PROBE, t, Candidates.ALL);
      for (Strategy s : STRATEGIES) {
        int n = select(c, s, PROBE, x, t);
        int revealed = 0;
        int unconsented = 0;
        for (int i = 0; i < n; i++) {
          int candidate = c.selected[i];
          if (graph.holds(candidate, x, t)) {
            revealed++;
            if (!probeConsensual(x, candidate, t, c.tally)) {
              unconsented++;
            }
          }
        }
        tally.probe(s.ordinal(), revealed, unconsented);
      }
    } finally {
      c.clear();
    }
  }

  /**
   * Writes the top {@code k} of a strategy into {@code c.selected}; for {@link
   * Strategy#CONSENT_SAFE} walks the union ranking keeping the consensual candidates.
   *
   * @param viewer the viewer, or {@link #PROBE} for the fake account holding {@code target}
   * @return how many were written
   */
  private int select(Candidates c, Strategy s, int viewer, int target, long t) {
    int m = c.rank(s);
    if (s != Strategy.CONSENT_SAFE) {
      int n = Math.min(topK, m);
      for (int i = 0; i < n; i++) {
        c.selected[i] = c.ranked(i);
      }
      return n;
    }
    int kept = 0;
    for (int i = 0; i < m && kept < topK; i++) {
      int candidate = c.ranked(i);
      boolean consensual =
          viewer == PROBE
              ? probeConsensual(target, candidate, t, c.tally)
              : auditor.isConsensual(viewer, candidate, t);
      if (consensual) {
        c.selected[kept++] = candidate;
      }
    }
    return kept;
  }

  /**
   * Whether every piece of evidence between the fake account holding only {@code x} (granting every
   * viewer consent) and {@code candidate} is consensual at {@code t}, by {@link Rules}.
   */
  private boolean probeConsensual(int x, int candidate, long t, EvidenceTally tally) {
    tally.reset();
    if (candidate == x) {
      tally.add(Kind.FORWARD, rules.fixedMissing(Kind.FORWARD, PROBE, candidate, t) & ~viewerBits);
    }
    if (graph.holds(candidate, x, t)) {
      int bridge = graph.isShadow(x, t) ? -1 : x;
      // the fake account's own upload is fresh; the candidate's may predate the owner of x
      boolean pre = bridge >= 0 && graph.isPreRegistration(candidate, x, t);
      tally.add(
          Kind.SHARED_CONTACT,
          (rules.fixedMissing(Kind.SHARED_CONTACT, PROBE, candidate, t) & ~viewerBits)
              | rules.bridgeMissing(Kind.SHARED_CONTACT, bridge, t, pre));
    }
    if (x < graph.accountCount() && candidate != x && graph.holds(x, candidate, t)) {
      boolean pre = graph.isPreRegistration(x, candidate, t);
      tally.add(
          Kind.CHAIN,
          (rules.fixedMissing(Kind.CHAIN, PROBE, candidate, t, false, pre) & ~viewerBits)
              | rules.bridgeMissing(Kind.CHAIN, x, t));
    }
    return !tally.anyNonConsensual();
  }

  private int[] liveAccounts(long t) {
    int[] out = new int[graph.accountCount()];
    int n = 0;
    for (int a = 0; a < out.length; a++) {
      if (graph.isLive(a, t)) {
        out[n++] = a;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private int[] probeTargets(long t) {
    int[] out = new int[graph.numberCount()];
    int n = 0;
    for (int x = 0; x < out.length; x++) {
      if (graph.holderCount(x, t) >= 2) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** {@code n} of the ids drawn uniformly without replacement, increasing; all when fewer. */
  private static int[] sample(int[] ids, int n, long seed) {
    if (n >= ids.length) {
      return ids;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + rnd.nextInt(ids.length - i);
      int swap = ids[i];
      ids[i] = ids[j];
      ids[j] = swap;
    }
    int[] out = Arrays.copyOf(ids, n);
    Arrays.sort(out);
    return out;
  }

  /** The counts of part of a run; merged across threads. */
  private static final class Tally {
    final long[] suggestions = new long[STRATEGIES.length];
    final long[][] verdicts = new long[STRATEGIES.length][VERDICTS.length];
    final long[] revealed = new long[STRATEGIES.length];
    final int[] maxRevealed = new int[STRATEGIES.length];
    final long[] unconsented = new long[STRATEGIES.length];
    final int[] maxUnconsented = new int[STRATEGIES.length];
    long usefulSlots;

    void probe(int s, int revealedHolders, int unconsentedHolders) {
      revealed[s] += revealedHolders;
      maxRevealed[s] = Math.max(maxRevealed[s], revealedHolders);
      unconsented[s] += unconsentedHolders;
      maxUnconsented[s] = Math.max(maxUnconsented[s], unconsentedHolders);
    }

    void merge(Tally o) {
      for (int s = 0; s < STRATEGIES.length; s++) {
        suggestions[s] += o.suggestions[s];
        for (int v = 0; v < VERDICTS.length; v++) {
          verdicts[s][v] += o.verdicts[s][v];
        }
        revealed[s] += o.revealed[s];
        maxRevealed[s] = Math.max(maxRevealed[s], o.maxRevealed[s]);
        unconsented[s] += o.unconsented[s];
        maxUnconsented[s] = Math.max(maxUnconsented[s], o.maxUnconsented[s]);
      }
      usefulSlots += o.usefulSlots;
    }
  }
}
