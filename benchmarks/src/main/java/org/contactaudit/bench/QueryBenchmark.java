package org.contactaudit.bench;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.contactaudit.graph.ContactGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
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
 * The two basic questions of the contact graph, one query per operation, cycling through {@value
 * #QUERIES} pre-built queries (more than the caches hold, so lookups pay their memory misses):
 *
 * <ul>
 *   <li>{@code holds(a, x)}: half hits (a random entry), half misses (a random number the account
 *       does not hold);
 *   <li>{@code holders(x)}: visit every account holding a number drawn uniformly from the numbers
 *       held by someone, summing their ids (a hash for string ids) so that all read the same.
 * </ul>
 *
 * Beside the {@code ContactGraph}: {@code HashMap<String, Set<String>>} phonebooks (owner id to
 * E.164 strings) and their inverse, JGraphT's {@code DefaultDirectedGraph} ({@code containsEdge},
 * {@code incomingEdgesOf}) and jgrapht-opt's {@code SparseIntDirectedGraph}. Each structure is its
 * own state, so a fork builds only the one it measures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class QueryBenchmark {
  static final int QUERIES = 1 << 16;

  /** The world and the queries, by dataset number id. */
  @State(Scope.Benchmark)
  public static class World {
    @Param({"10000", "100000"})
    int accounts;

    BenchGraphs.Dataset data;
    final int[] holdsAccount = new int[QUERIES];
    final int[] holdsNumber = new int[QUERIES];
    final int[] holdersNumber = new int[QUERIES];

    @Setup(Level.Trial)
    public void setUp() {
      data = BenchGraphs.generate(accounts, 42);
      SplittableRandom rnd = new SplittableRandom(7);
      for (int q = 0; q < QUERIES; q++) {
        int e = rnd.nextInt(data.entryCount());
        int a = owner(e);
        holdsAccount[q] = a;
        if (q % 2 == 0) {
          holdsNumber[q] = data.entries[e];
        } else {
          int x;
          do {
            x = rnd.nextInt(data.numbers);
          } while (x == a || data.holds(a, x));
          holdsNumber[q] = x;
        }
      }
      boolean[] held = new boolean[data.numbers];
      for (int x : data.entries) {
        held[x] = true;
      }
      for (int q = 0; q < QUERIES; q++) {
        int x;
        do {
          x = rnd.nextInt(data.numbers);
        } while (!held[x]);
        holdersNumber[q] = x;
      }
    }

    private int owner(int entry) {
      int lo = 0;
      int hi = data.accounts;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (data.offsets[mid] <= entry) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** The next query, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int i;

    int next() {
      i = (i + 1) & (QUERIES - 1);
      return i;
    }
  }

  /** The library's graph; number ids translated to the graph's. */
  @State(Scope.Benchmark)
  public static class Csr {
    ContactGraph graph;
    final int[] holdsNumber = new int[QUERIES];
    final int[] holdersNumber = new int[QUERIES];

    @Setup(Level.Trial)
    public void setUp(World w) {
      graph = w.data.graph();
      for (int q = 0; q < QUERIES; q++) {
        holdsNumber[q] = graph.numberIndex(w.data.numberKeys[w.holdsNumber[q]]);
        holdersNumber[q] = graph.numberIndex(w.data.numberKeys[w.holdersNumber[q]]);
      }
    }
  }

  /** The JDK's hash maps: account id to E.164 strings, and E.164 to account ids. */
  @State(Scope.Benchmark)
  public static class HashMaps {
    Map<String, Set<String>> phonebooks;
    Map<String, Set<String>> holders;
    final String[] holdsAccount = new String[QUERIES];
    final String[] holdsNumber = new String[QUERIES];
    final String[] holdersNumber = new String[QUERIES];

    @Setup(Level.Trial)
    public void setUp(World w) {
      phonebooks = w.data.phonebooks();
      holders = BenchGraphs.Dataset.holders(phonebooks);
      for (int q = 0; q < QUERIES; q++) {
        holdsAccount[q] = w.data.accountId(w.holdsAccount[q]);
        holdsNumber[q] = w.data.e164(w.holdsNumber[q]);
        holdersNumber[q] = w.data.e164(w.holdersNumber[q]);
      }
    }
  }

  /** Vertex ids of the JGraphT graphs: accounts, then numbers; boxed once, here. */
  static final class Vertices {
    final Integer[] holdsAccount = new Integer[QUERIES];
    final Integer[] holdsNumber = new Integer[QUERIES];
    final Integer[] holdersNumber = new Integer[QUERIES];

    Vertices(World w) {
      for (int q = 0; q < QUERIES; q++) {
        holdsAccount[q] = w.holdsAccount[q];
        holdsNumber[q] = w.accounts + w.holdsNumber[q];
        holdersNumber[q] = w.accounts + w.holdersNumber[q];
      }
    }
  }

  /** JGraphT's {@code DefaultDirectedGraph}. */
  @State(Scope.Benchmark)
  public static class JGraphT {
    DefaultDirectedGraph<Integer, DefaultEdge> graph;
    Vertices v;

    @Setup(Level.Trial)
    public void setUp(World w) {
      graph = w.data.jgrapht();
      v = new Vertices(w);
    }
  }

  /** jgrapht-opt's {@code SparseIntDirectedGraph} with incoming edges. */
  @State(Scope.Benchmark)
  public static class Sparse {
    SparseIntDirectedGraph graph;
    Vertices v;

    @Setup(Level.Trial)
    public void setUp(World w) {
      graph = w.data.sparse();
      v = new Vertices(w);
    }
  }

  // ---- holds(a, x)

  @Benchmark
  public boolean holdsContactGraph(World w, Csr g, Cursor c) {
    int i = c.next();
    return g.graph.holds(w.holdsAccount[i], g.holdsNumber[i]);
  }

  @Benchmark
  public boolean holdsHashMap(HashMaps m, Cursor c) {
    int i = c.next();
    return m.phonebooks.get(m.holdsAccount[i]).contains(m.holdsNumber[i]);
  }

  @Benchmark
  public boolean holdsJGraphT(JGraphT g, Cursor c) {
    int i = c.next();
    return g.graph.containsEdge(g.v.holdsAccount[i], g.v.holdsNumber[i]);
  }

  @Benchmark
  public boolean holdsJGraphTSparse(Sparse g, Cursor c) {
    int i = c.next();
    return g.graph.containsEdge(g.v.holdsAccount[i], g.v.holdsNumber[i]);
  }

  // ---- holders(x), every holder visited

  @Benchmark
  public int holdersContactGraph(Csr g, Cursor c) {
    int sum = 0;
    for (int a : g.graph.holders(g.holdersNumber[c.next()])) {
      sum += a;
    }
    return sum;
  }

  @Benchmark
  public int holdersHashMap(HashMaps m, Cursor c) {
    int sum = 0;
    for (String a : m.holders.get(m.holdersNumber[c.next()])) {
      sum += a.hashCode();
    }
    return sum;
  }

  @Benchmark
  public int holdersJGraphT(JGraphT g, Cursor c) {
    int sum = 0;
    for (DefaultEdge e : g.graph.incomingEdgesOf(g.v.holdersNumber[c.next()])) {
      sum += g.graph.getEdgeSource(e);
    }
    return sum;
  }

  @Benchmark
  public int holdersJGraphTSparse(Sparse g, Cursor c) {
    int sum = 0;
    for (Integer e : g.graph.incomingEdgesOf(g.v.holdersNumber[c.next()])) {
      sum += g.graph.getEdgeSource(e);
    }
    return sum;
  }
}
