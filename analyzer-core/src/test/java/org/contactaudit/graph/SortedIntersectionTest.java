package org.contactaudit.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortedIntersectionTest {
  /** A strictly increasing run of at most {@code n} values below {@code bound}. */
  private static int[] sortedRun(Random random, int n, int bound) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(bound);
    }
    return IntStream.of(values).sorted().distinct().toArray();
  }

  /** The run padded with junk before and after, so that ranges start away from zero. */
  private static int[] padded(int[] run, int before, int after) {
    int[] out = new int[before + run.length + after];
    Arrays.fill(out, -7);
    System.arraycopy(run, 0, out, before, run.length);
    return out;
  }

  /** The values of {@code b} that are in {@code a}, by a set lookup. */
  private static int[] naive(int[] a, int[] b) {
    BitSet set = new BitSet();
    IntStream.of(a).forEach(set::set);
    return IntStream.of(b).filter(set::get).toArray();
  }

  interface Kernel {
    int run(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] posA, int[] posB);
  }

  private static void check(Kernel kernel, int[] a, int[] b, Random random, String what) {
    int padA = random.nextInt(3);
    int padB = random.nextInt(3);
    int[] pa = padded(a, padA, random.nextInt(3));
    int[] pb = padded(b, padB, random.nextInt(3));
    int cap = Math.min(a.length, b.length);
    int[] posA = new int[cap];
    int[] posB = new int[cap];
    int n = kernel.run(pa, padA, padA + a.length, pb, padB, padB + b.length, posA, posB);
    int[] expected = naive(a, b);
    int[] found = new int[n];
    for (int i = 0; i < n; i++) {
      found[i] = pa[posA[i]];
      assertEquals(pa[posA[i]], pb[posB[i]], what + ": positions point at the same value");
    }
    assertArrayEquals(expected, found, what);
  }

  @Test
  void kernelsAgreeWithASetIntersectionOnRunsOfVeryDifferentSizes() {
    Random random = new Random(42);
    int[] sizes = {0, 1, 2, 3, 15, 16, 17, 100, 1000, 5000};
    for (int round = 0; round < 400; round++) {
      int m = sizes[random.nextInt(sizes.length)];
      int n = sizes[random.nextInt(sizes.length)];
      int bound = Math.max(1, Math.max(m, n) * (1 + random.nextInt(4)));
      int[] a = sortedRun(random, m, bound);
      int[] b = sortedRun(random, n, bound);
      String what = "round " + round + " sizes " + a.length + ", " + b.length;
      check(SortedIntersection::merge, a, b, random, "merge " + what);
      check(SortedIntersection::intersect, a, b, random, "intersect " + what);
      check(SortedIntersection::intersect, b, a, random, "intersect swapped " + what);
      if (a.length <= b.length) {
        check(SortedIntersection::gallop, a, b, random, "gallop " + what);
      }
    }
  }

  @Test
  void gallopFindsValuesAtBothEndsOfTheLongRun() {
    int[] large = IntStream.range(0, 10_000).map(i -> 2 * i).toArray();
    int[] small = {0, 1, 2, 9_998, 19_996, 19_998, 20_000};
    int[] posS = new int[small.length];
    int[] posL = new int[small.length];
    int n = SortedIntersection.gallop(small, 0, small.length, large, 0, large.length, posS, posL);
    assertEquals(5, n);
    assertArrayEquals(new int[] {0, 2, 3, 4, 5}, Arrays.copyOf(posS, n));
    assertArrayEquals(new int[] {0, 1, 4_999, 9_998, 9_999}, Arrays.copyOf(posL, n));
  }

  @Test
  void lowerBoundAndIndexOf() {
    int[] a = {9, 1, 3, 5, 9};
    assertEquals(1, SortedIntersection.lowerBound(a, 1, 5, 0));
    assertEquals(2, SortedIntersection.lowerBound(a, 1, 5, 2));
    assertEquals(4, SortedIntersection.lowerBound(a, 1, 5, 9));
    assertEquals(5, SortedIntersection.lowerBound(a, 1, 5, 10));
    assertEquals(3, SortedIntersection.indexOf(a, 1, 5, 5));
    assertEquals(-1, SortedIntersection.indexOf(a, 1, 5, 4));
    assertEquals(-1, SortedIntersection.indexOf(a, 1, 4, 9));
  }
}
