package org.contactaudit.graph;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.contactaudit.time.Times;

/**
 * Who owns a recycled number when: the accounts that share a number, ordered by registration, each
 * owning it from its registration (the first: from always) until the next one registers (the last:
 * for ever). Between a deletion and the next registration the number is still the earlier
 * account's, which does not exist then: a shadow number. An account whose number no other account
 * has owns it always. 20 bytes an account; made only when some number is shared.
 */
final class Ownership {
  private final long[] from;
  private final long[] to;
  private final int[] next;

  private Ownership(long[] from, long[] to, int[] next) {
    this.from = from;
    this.to = to;
    this.next = next;
  }

  /**
   * The ownership of the accounts' numbers.
   *
   * @param sameNumber per account the next account added with the same number, or -1
   * @param registeredAt when each account registered
   * @param numberKeys the number key of each account (and of the shadow numbers after them)
   * @param numberIndex from a key to a number id: set here to the first owner in time
   */
  static Ownership of(
      int[] sameNumber, long[] registeredAt, long[] numberKeys, Long2IntOpenHashMap numberIndex) {
    int accounts = sameNumber.length;
    long[] from = new long[accounts];
    long[] to = new long[accounts];
    int[] next = new int[accounts];
    Arrays.fill(from, Times.ALWAYS);
    Arrays.fill(to, Times.NEVER);
    Arrays.fill(next, -1);
    IntArrayList chain = new IntArrayList();
    for (int head = 0; head < accounts; head++) {
      if (sameNumber[head] < 0 || numberIndex.get(numberKeys[head]) != head) {
        continue;
      }
      chain.clear();
      for (int a = head; a >= 0; a = sameNumber[a]) {
        chain.add(a);
      }
      int[] owners = chain.toIntArray();
      // Lifetimes do not overlap, so registration orders them (ties only for empty lifetimes).
      IntArrays.quickSort(
          owners,
          (x, y) -> {
            int c = Long.compare(registeredAt[x], registeredAt[y]);
            return c != 0 ? c : Integer.compare(x, y);
          });
      for (int i = 0; i < owners.length; i++) {
        int a = owners[i];
        from[a] = i == 0 ? Times.ALWAYS : registeredAt[a];
        to[a] = i + 1 < owners.length ? registeredAt[owners[i + 1]] : Times.NEVER;
        next[a] = i + 1 < owners.length ? owners[i + 1] : -1;
      }
      numberIndex.put(numberKeys[head], owners[0]);
    }
    return new Ownership(from, to, next);
  }

  /** Whether account {@code a} owns its number at {@code t}. */
  boolean owns(int a, long t) {
    return Times.within(from[a], to[a], t);
  }

  /** When account {@code a} starts owning its number. */
  long from(int a) {
    return from[a];
  }

  /** When account {@code a} stops owning its number. */
  long to(int a) {
    return to[a];
  }

  /** The next account to own the number of {@code a}, or -1. */
  int next(int a) {
    return next[a];
  }

  /** Whether another account has, had or will have the number of {@code a}. */
  boolean isShared(int a) {
    return from[a] != Times.ALWAYS || to[a] != Times.NEVER;
  }

  long bytes() {
    return 20L * from.length;
  }
}
