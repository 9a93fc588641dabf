package org.contactaudit.graph;

/**
 * Intersection kernels for strictly increasing {@code int} runs: the hot path of evidence finding.
 *
 * <p>Every method intersects {@code a[aFrom, aTo)} with {@code b[bFrom, bTo)} and writes, for each
 * common value, its position in {@code a} to {@code posA} and its position in {@code b} to {@code
 * posB} (the value is {@code a[posA[i]]}); it returns the number of common values. Positions rather
 * than values let a caller reach the data stored beside each element (validity intervals). The
 * output arrays must hold {@code min(aTo - aFrom, bTo - bFrom)} elements. Nothing is allocated.
 */
public final class SortedIntersection {
  /**
   * Above this ratio of lengths, {@link #intersect} gallops through the longer run (JMH on runs of
   * 100: the branch-free merge and gallop cost the same at ratio 4, gallop is 1.5x faster at 16).
   */
  public static final int GALLOP_RATIO = 8;

  private SortedIntersection() {}

  /**
   * Chooses the kernel by the ratio of lengths: {@link #merge} when the runs are of similar length,
   * {@link #gallop} when one is more than {@link #GALLOP_RATIO} times longer. Time {@code O(min(m,
   * n) log(max(m, n) / min(m, n)))} in the galloping case, {@code O(m + n)} otherwise.
   */
  public static int intersect(
      int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] posA, int[] posB) {
    int m = aTo - aFrom;
    int n = bTo - bFrom;
    if (m == 0 || n == 0) {
      return 0;
    }
    if (m > (long) n * GALLOP_RATIO) {
      return gallop(b, bFrom, bTo, a, aFrom, aTo, posB, posA);
    }
    if (n > (long) m * GALLOP_RATIO) {
      return gallop(a, aFrom, aTo, b, bFrom, bTo, posA, posB);
    }
    return merge(a, aFrom, aTo, b, bFrom, bTo, posA, posB);
  }

  /**
   * The linear merge of two runs: time {@code O(m + n)}. Written without data-dependent branches
   * (the JIT turns the conditional increments into conditional moves when the comparisons are
   * unpredictable, as they are for interleaved runs of similar length): every step writes the
   * current positions and counts them only on a match. A write never passes {@code min(m, n)}: once
   * every element of the shorter run has matched, the loop has ended.
   */
  public static int merge(
      int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] posA, int[] posB) {
    int i = aFrom;
    int j = bFrom;
    int count = 0;
    while (i < aTo && j < bTo) {
      int x = a[i];
      int y = b[j];
      posA[count] = i;
      posB[count] = j;
      count += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += x >= y ? 1 : 0;
    }
    return count;
  }

  /**
   * For each element of the short run, an exponential then binary search in the long run, resumed
   * where the previous one stopped: time {@code O(m log(n / m))} for {@code m} short elements.
   */
  public static int gallop(
      int[] small,
      int sFrom,
      int sTo,
      int[] large,
      int lFrom,
      int lTo,
      int[] posSmall,
      int[] posLarge) {
    int count = 0;
    int lo = lFrom;
    for (int i = sFrom; i < sTo && lo < lTo; i++) {
      int x = small[i];
      int step = 1;
      int hi = lo;
      while (hi < lTo && large[hi] < x) {
        lo = hi + 1;
        hi += step;
        step <<= 1;
      }
      int found = lowerBound(large, lo, Math.min(hi + 1, lTo), x);
      lo = found;
      if (found < lTo && large[found] == x) {
        posSmall[count] = i;
        posLarge[count] = found;
        count++;
        lo = found + 1;
      }
    }
    return count;
  }

  /** The first position in {@code a[from, to)} whose value is {@code >= key}, or {@code to}. */
  public static int lowerBound(int[] a, int from, int to, int key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The position of {@code key} in {@code a[from, to)}, or {@code -1}. */
  public static int indexOf(int[] a, int from, int to, int key) {
    int p = lowerBound(a, from, to, key);
    return p < to && a[p] == key ? p : -1;
  }
}
