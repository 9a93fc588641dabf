package org.contactaudit.bench;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Policy;
import org.contactaudit.audit.Verdict;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Judging recommendations (the goal: at least a million judgments a second on one core, and 20
 * times the naive judge). {@code Auditor.judge} and the consent-safe filter {@code
 * Auditor.isConsensual} beside {@link NaiveJudge}, one judgment per operation, single-threaded,
 * cycling through {@value #QUERIES} recommendation pairs (or the first {@code window} of them) in a
 * shuffled mixture of five equal parts: a phonebook edge either way (mutual, forward or reverse),
 * two members of one community (shared contacts), two contacts of a "shop" account with at least
 * 1,000 entries (co-holders via a hub), a two-step chain {@code V → W → C}, and two random accounts
 * (mostly unexplained or explained by hub numbers). The setup checks that both judges agree on
 * every pair (verdict, primary kind, missing consents, counts of each kind, shadow count; and the
 * filter) and fails otherwise.
 *
 * <p>The world is untimed by default; {@code -p timed=true} judges on the timed world of the same
 * seed ({@link BenchGraphs}: the same phonebooks, with registrations, deletions and upload times),
 * where the auditor checks each hit's validity at {@link #SHOWN_AT} and the naive judge looks up
 * each element's interval. There the pairs are drawn the same way among the accounts that exist at
 * {@code SHOWN_AT}; their evidence is that of the untimed world less what is not valid then, the
 * numbers of accounts that do not exist then counting as shadow numbers.
 *
 * <p>Each world is judged in two orders: {@code shuffled} as above, and {@code lists}, the pairs as
 * an app shows them: lists of {@value #LIST} suggestions for one viewer, the same five parts drawn
 * around each viewer ({@link #lists}), where the auditor's finder marks the viewer once for its
 * list.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JudgeBenchmark {
  static final int QUERIES = 1 << 16;

  /** The suggestions of one viewer's list, with {@code -p order=lists}. */
  static final int LIST = 16;

  static final long SHOWN_AT = Times.parse("2020-06-01T10:00:00Z");

  /** The world, both judges and the recommendation pairs. */
  @State(Scope.Benchmark)
  public static class World {
    @Param({"10000", "100000"})
    int accounts;

    /**
     * How many of the pairs each thread cycles through, a power of two: all of them by default, so
     * that on the larger world the runs of each pair come from memory; 256, say, keeps them in the
     * caches, to measure the computation alone.
     */
    @Param({"65536"})
    int window;

    /** Whether the world has times (see the class comment). */
    @Param({"false"})
    boolean timed;

    /**
     * The order of the pairs: {@code shuffled} (the five parts mixed, consecutive pairs unrelated)
     * or {@code lists}: what an app shows, a list of {@value #LIST} suggestions for one viewer at a
     * time, drawn from the same five parts around that viewer ({@link #lists}).
     */
    @Param({"shuffled", "lists"})
    String order;

    Auditor auditor;
    NaiveJudge naive;
    final int[] viewer = new int[QUERIES];
    final int[] candidate = new int[QUERIES];
    final String[] viewerId = new String[QUERIES];
    final String[] candidateId = new String[QUERIES];

    @Setup(Level.Trial)
    public void setUp() {
      if (window <= 0 || window > QUERIES || Integer.bitCount(window) != 1) {
        throw new IllegalArgumentException(
            "window must be a power of two up to " + QUERIES + ", got " + window);
      }
      BenchGraphs.Dataset data = BenchGraphs.generate(accounts, 42, timed);
      ContactGraph graph = data.graph();
      auditor = Auditor.of(graph, data.ledger(), Policy.defaults());
      naive = NaiveJudge.of(data);
      switch (order) {
        case "shuffled":
          pairs(data, new SplittableRandom(3), viewer, candidate);
          break;
        case "lists":
          lists(data, graph, new SplittableRandom(3), viewer, candidate);
          break;
        default:
          throw new IllegalArgumentException("order must be shuffled or lists, got " + order);
      }
      for (int q = 0; q < QUERIES; q++) {
        viewerId[q] = data.accountId(viewer[q]);
        candidateId[q] = data.accountId(candidate[q]);
      }
      System.out.println();
      System.out.println("[judge] " + agreement(this));
    }
  }

  /** The next pair, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int i;

    int next(World w) {
      i = (i + 1) & (w.window - 1);
      return i;
    }
  }

  @Benchmark
  public Judgment judge(World w, Cursor c) {
    int i = c.next(w);
    return w.auditor.judge(w.viewer[i], w.candidate[i], SHOWN_AT);
  }

  @Benchmark
  public boolean isConsensual(World w, Cursor c) {
    int i = c.next(w);
    return w.auditor.isConsensual(w.viewer[i], w.candidate[i], SHOWN_AT);
  }

  @Benchmark
  public NaiveJudge.Result naiveJudge(World w, Cursor c) {
    int i = c.next(w);
    return w.naive.judge(w.viewerId[i], w.candidateId[i], SHOWN_AT);
  }

  @Benchmark
  public boolean naiveIsConsensual(World w, Cursor c) {
    int i = c.next(w);
    return w.naive.isConsensual(w.viewerId[i], w.candidateId[i], SHOWN_AT);
  }

  /**
   * Checks that the auditor and the naive judge agree on every pair.
   *
   * @return the mixture of verdicts and kinds, for the log
   * @throws IllegalStateException on the first pair where they disagree
   */
  static String agreement(World w) {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    for (int q = 0; q < QUERIES; q++) {
      Judgment j = w.auditor.judge(w.viewer[q], w.candidate[q], SHOWN_AT);
      NaiveJudge.Result expected = w.naive.judge(w.viewerId[q], w.candidateId[q], SHOWN_AT);
      NaiveJudge.Result actual = NaiveJudge.Result.of(j);
      if (!expected.equals(actual)) {
        throw new IllegalStateException(
            "the judges disagree on "
                + w.viewerId[q]
                + " shown "
                + w.candidateId[q]
                + ": naive "
                + expected
                + ", auditor "
                + actual);
      }
      boolean safe = j.verdict() == Verdict.OK || j.verdict() == Verdict.UNEXPLAINED;
      if (w.auditor.isConsensual(w.viewer[q], w.candidate[q], SHOWN_AT) != safe
          || w.naive.isConsensual(w.viewerId[q], w.candidateId[q], SHOWN_AT) != safe) {
        throw new IllegalStateException(
            "the consent-safe filters disagree with the verdict " + j.verdict() + " on " + j);
      }
      verdicts.merge(j.verdict(), 1, Integer::sum);
      j.kinds().forEach(k -> kinds.merge(k, 1, Integer::sum));
    }
    return "both judges agree on all "
        + QUERIES
        + " pairs; verdicts "
        + verdicts
        + "; pairs with evidence of each kind "
        + kinds;
  }

  /**
   * Fills the pairs: a shuffled mixture of five equal parts (see the class comment), of accounts
   * that exist at {@link #SHOWN_AT}. In an untimed world every account does, and the pairs are
   * those the generator drew before worlds had times.
   */
  static void pairs(BenchGraphs.Dataset d, SplittableRandom rnd, int[] viewer, int[] candidate) {
    int largest = 0;
    for (int a = 0; a < d.accounts; a++) {
      largest = Math.max(largest, d.offsets[a + 1] - d.offsets[a]);
    }
    IntArrayList shops = new IntArrayList();
    for (int a = 0; a < d.accounts; a++) {
      if (d.offsets[a + 1] - d.offsets[a] >= Math.min(1_000, largest)) {
        shops.add(a);
      }
    }
    int[][] members = members(d);
    for (int q = 0; q < viewer.length; q++) {
      int v;
      int c;
      switch (q % 5) {
        case 0:
          do {
            v = rnd.nextInt(d.accounts);
            c = userContact(d, v, rnd);
          } while (c < 0 || !exist(d, v, c));
          if (rnd.nextBoolean()) {
            int t = v;
            v = c;
            c = t;
          }
          break;
        case 1:
          do {
            v = rnd.nextInt(d.accounts);
            int[] circle = members[d.community[v]];
            c = circle[rnd.nextInt(circle.length)];
          } while (c == v || !exist(d, v, c));
          break;
        case 2:
          do {
            int shop = shops.getInt(rnd.nextInt(shops.size()));
            v = userContact(d, shop, rnd);
            c = userContact(d, shop, rnd);
          } while (v < 0 || c < 0 || v == c || !exist(d, v, c));
          break;
        case 3:
          int w;
          do {
            v = rnd.nextInt(d.accounts);
            w = userContact(d, v, rnd);
            c = w < 0 ? -1 : userContact(d, w, rnd);
          } while (c < 0 || c == v || !exist(d, v, c));
          break;
        default:
          do {
            v = rnd.nextInt(d.accounts);
            c = rnd.nextInt(d.accounts);
          } while (c == v || !exist(d, v, c));
      }
      viewer[q] = v;
      candidate[q] = c;
    }
    for (int q = viewer.length - 1; q > 0; q--) {
      int r = rnd.nextInt(q + 1);
      int t = viewer[q];
      viewer[q] = viewer[r];
      viewer[r] = t;
      t = candidate[q];
      candidate[q] = candidate[r];
      candidate[r] = t;
    }
  }

  /**
   * Fills the pairs as lists of {@value #LIST} suggestions, one viewer each (an account that exists
   * at {@link #SHOWN_AT}): the same five parts as {@link #pairs}, drawn around the viewer (an
   * account whose number the viewer holds or that holds the viewer's, a member of the viewer's
   * community, a contact of an account that holds the viewer's number, preferably a shop, a contact
   * of one of the viewer's contacts, a random account), shuffled within the list. A part that finds
   * nothing around the viewer in 50 draws gives a random account instead. {@code g} is the world's
   * graph (built once: a second one of the timed 100,000-account world does not fit the fork's heap
   * beside the naive judge).
   */
  static void lists(
      BenchGraphs.Dataset d, ContactGraph g, SplittableRandom rnd, int[] viewer, int[] candidate) {
    int[][] members = members(d);
    for (int start = 0; start < viewer.length; start += LIST) {
      int v;
      do {
        v = rnd.nextInt(d.accounts);
      } while (!d.exists(v, SHOWN_AT));
      for (int q = start; q < Math.min(start + LIST, viewer.length); q++) {
        int c = -1;
        for (int tries = 0; tries < 50 && (c < 0 || c == v || !exist(d, v, c)); tries++) {
          c = around(d, g, members, v, q % 5, rnd);
        }
        while (c < 0 || c == v || !exist(d, v, c)) {
          c = rnd.nextInt(d.accounts);
        }
        viewer[q] = v;
        candidate[q] = c;
      }
      for (int q = Math.min(start + LIST, viewer.length) - 1; q > start; q--) {
        int r = start + rnd.nextInt(q - start + 1);
        int t = candidate[q];
        candidate[q] = candidate[r];
        candidate[r] = t;
      }
    }
  }

  /** One draw of part {@code part} around {@code v} (see {@link #lists}), or {@code -1}. */
  private static int around(
      BenchGraphs.Dataset d,
      ContactGraph g,
      int[][] members,
      int v,
      int part,
      SplittableRandom rnd) {
    switch (part) {
      case 0:
        return rnd.nextBoolean() ? userContact(d, v, rnd) : holder(g, v, false, rnd);
      case 1:
        int[] circle = members[d.community[v]];
        return circle[rnd.nextInt(circle.length)];
      case 2:
        int h = holder(g, v, true, rnd);
        return h < 0 ? -1 : userContact(d, h, rnd);
      case 3:
        int w = userContact(d, v, rnd);
        return w < 0 ? -1 : userContact(d, w, rnd);
      default:
        return rnd.nextInt(d.accounts);
    }
  }

  /**
   * A random account that holds {@code v}'s number, among those with at least 1,000 entries when
   * {@code shop} and there are any, or {@code -1}.
   */
  private static int holder(ContactGraph g, int v, boolean shop, SplittableRandom rnd) {
    int[] holders = g.holders(v);
    if (shop) {
      int[] shops = Arrays.stream(holders).filter(h -> g.contactCount(h) >= 1_000).toArray();
      if (shops.length > 0) {
        holders = shops;
      }
    }
    return holders.length == 0 ? -1 : holders[rnd.nextInt(holders.length)];
  }

  /** Whether both accounts exist at {@link #SHOWN_AT}, so that the auditor may judge them. */
  private static boolean exist(BenchGraphs.Dataset d, int v, int c) {
    return d.exists(v, SHOWN_AT) && d.exists(c, SHOWN_AT);
  }

  private static int[][] members(BenchGraphs.Dataset d) {
    int communities = 0;
    for (int k : d.community) {
      communities = Math.max(communities, k + 1);
    }
    IntArrayList[] lists = new IntArrayList[communities];
    for (int k = 0; k < communities; k++) {
      lists[k] = new IntArrayList();
    }
    for (int a = 0; a < d.accounts; a++) {
      lists[d.community[a]].add(a);
    }
    int[][] out = new int[communities][];
    for (int k = 0; k < communities; k++) {
      out[k] = lists[k].toIntArray();
    }
    return out;
  }

  /** A random account among those whose numbers {@code a} holds, or {@code -1}. */
  private static int userContact(BenchGraphs.Dataset d, int a, SplittableRandom rnd) {
    IntArrayList users = new IntArrayList();
    for (int e = d.offsets[a]; e < d.offsets[a + 1]; e++) {
      if (d.entries[e] < d.accounts) {
        users.add(d.entries[e]);
      }
    }
    return users.isEmpty() ? -1 : users.getInt(rnd.nextInt(users.size()));
  }
}
