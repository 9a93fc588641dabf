package org.contactaudit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.contactaudit.graph.SortedIntersection;
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
 * The intersection kernels of evidence finding on strictly increasing {@code int} runs: a short run
 * of {@code small} ids and a long one {@code ratio} times longer, half of the short run's ids being
 * in the long one (ids drawn from a universe four times the long run). Cycles through {@value
 * #PAIRS} pre-built pairs. Beside them, the naive user's way: copy one {@code HashSet<Integer>} and
 * {@code retainAll} the other.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IntersectionBenchmark {
  static final int PAIRS = 256;

  @Param({"1", "4", "16", "64", "256"})
  int ratio;

  @Param({"100"})
  int small;

  private int[][] shorts;
  private int[][] longs;
  private final List<Set<Integer>> shortSets = new ArrayList<>();
  private final List<Set<Integer>> longSets = new ArrayList<>();
  private int[] posA;
  private int[] posB;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(11);
    int large = small * ratio;
    shorts = new int[PAIRS][];
    longs = new int[PAIRS][];
    for (int p = 0; p < PAIRS; p++) {
      int[] l = distinctSorted(rnd, large, 4 * large);
      int[] s = new int[small];
      Set<Integer> inLong = new HashSet<>();
      for (int x : l) {
        inLong.add(x);
      }
      Set<Integer> chosen = new HashSet<>();
      while (chosen.size() < small / 2) {
        chosen.add(l[rnd.nextInt(l.length)]);
      }
      while (chosen.size() < small) {
        int x = rnd.nextInt(4 * large);
        if (!inLong.contains(x)) {
          chosen.add(x);
        }
      }
      int k = 0;
      for (int x : chosen) {
        s[k++] = x;
      }
      Arrays.sort(s);
      shorts[p] = s;
      longs[p] = l;
      shortSets.add(new HashSet<>(chosen));
      longSets.add(inLong);
    }
    posA = new int[small];
    posB = new int[small];
  }

  private static int[] distinctSorted(SplittableRandom rnd, int n, int universe) {
    return IntStream.generate(() -> rnd.nextInt(universe)).distinct().limit(n).sorted().toArray();
  }

  private int next() {
    i = (i + 1) & (PAIRS - 1);
    return i;
  }

  @Benchmark
  public int merge() {
    int p = next();
    int[] s = shorts[p];
    int[] l = longs[p];
    return SortedIntersection.merge(s, 0, s.length, l, 0, l.length, posA, posB);
  }

  @Benchmark
  public int gallop() {
    int p = next();
    int[] s = shorts[p];
    int[] l = longs[p];
    return SortedIntersection.gallop(s, 0, s.length, l, 0, l.length, posA, posB);
  }

  @Benchmark
  public int intersect() {
    int p = next();
    int[] s = shorts[p];
    int[] l = longs[p];
    return SortedIntersection.intersect(s, 0, s.length, l, 0, l.length, posA, posB);
  }

  @Benchmark
  public int hashSetRetainAll() {
    int p = next();
    Set<Integer> copy = new HashSet<>(shortSets.get(p));
    copy.retainAll(longSets.get(p));
    return copy.size();
  }
}
