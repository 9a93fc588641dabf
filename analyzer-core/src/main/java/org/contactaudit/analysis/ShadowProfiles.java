package org.contactaudit.analysis;

import java.util.Arrays;
import java.util.Map;
import org.contactaudit.graph.ContactGraph;

/**
 * Shadow profiles at an instant {@code t} (docs/ANALYSES.md): what the app knows about people who
 * never joined, from other people's uploads.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li>A <b>profiled shadow number</b> is a number that is a shadow number at {@code t} (no
 *       account owns it then: never owned, or its owner does not exist at {@code t}) and that at
 *       least one account holds at {@code t}. Its <b>holders</b> are the accounts holding it at
 *       {@code t} ({@link ContactGraph#holderCount(int, long)}).
 *   <li>The <b>histogram</b> counts profiled shadow numbers by holders in the buckets {@code 1},
 *       {@code 2}, {@code 3-4}, {@code 5-9}, {@code 10-19}, {@code 20-49}, {@code 50-99}, {@code
 *       100+}.
 *   <li>The <b>sign-up reach</b> for {@code k} is the sum, over the profiled shadow numbers with at
 *       least {@code k} holders, of their holders: the "your contact joined" notifications the app
 *       would send if each of those people joined. An account holding several such numbers counts
 *       once per number.
 * </ul>
 *
 * <p>Cost: one pass over the inverted phonebook, {@code O(numbers + entries)} time; 8 bytes per
 * profiled shadow number. Immutable and thread-safe.
 */
public final class ShadowProfiles {
  private final long at;
  private final int[] numbers;
  private final int[] holders;
  private final int maxHolders;

  private ShadowProfiles(long at, int[] numbers, int[] holders) {
    this.at = at;
    this.numbers = numbers;
    this.holders = holders;
    int max = 0;
    for (int h : holders) {
      max = Math.max(max, h);
    }
    this.maxHolders = max;
  }

  /** The shadow profiles of a graph at {@code t} (epoch milliseconds). */
  public static ShadowProfiles of(ContactGraph graph, long t) {
    int[] numbers = new int[graph.numberCount()];
    int[] holders = new int[graph.numberCount()];
    int n = 0;
    for (int x = 0; x < graph.numberCount(); x++) {
      if (graph.isShadow(x, t)) {
        int h = graph.holderCount(x, t);
        if (h > 0) {
          numbers[n] = x;
          holders[n++] = h;
        }
      }
    }
    return new ShadowProfiles(t, Arrays.copyOf(numbers, n), Arrays.copyOf(holders, n));
  }

  /** The instant described, in epoch milliseconds. */
  public long at() {
    return at;
  }

  /** How many shadow numbers at least one account holds. */
  public int shadowNumbers() {
    return numbers.length;
  }

  /** The most holders of one shadow number, {@code 0} without any. */
  public int maxHolders() {
    return maxHolders;
  }

  /** How many shadow numbers at least {@code k} accounts hold. */
  public int heldByAtLeast(int k) {
    int n = 0;
    for (int h : holders) {
      if (h >= k) {
        n++;
      }
    }
    return n;
  }

  /** The sign-up reach: the holders summed over the shadow numbers held by at least {@code k}. */
  public long signUpReach(int k) {
    long sum = 0;
    for (int h : holders) {
      if (h >= k) {
        sum += h;
      }
    }
    return sum;
  }

  /** Profiled shadow numbers by holders: bucket label to count, every bucket in order. */
  public Map<String, Long> histogram() {
    Buckets b = new Buckets();
    for (int h : holders) {
      b.add(h);
    }
    return b.histogram(false);
  }

  /**
   * Hands each shadow number held by at least {@code k} accounts and its holders, in number id
   * order.
   */
  public void forEachHeldByAtLeast(int k, IdCountConsumer action) {
    for (int i = 0; i < numbers.length; i++) {
      if (holders[i] >= k) {
        action.accept(numbers[i], holders[i]);
      }
    }
  }
}
