package org.contactaudit.graph;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;
import org.contactaudit.time.Times;

/**
 * Collects accounts and phonebook entries, then freezes them into a {@link ContactGraph}.
 *
 * <p>All accounts are added before the first entry, so that the number of account {@code a} gets
 * the number id {@code a}: user numbers are the ids below {@link ContactGraph#accountCount()}, and
 * the graph answers every account-to-account question with one kind of sorted {@code int} run.
 * While building, an entry costs 8 bytes (owner and number packed in a {@code long}), plus 16 bytes
 * when the input has times. Not thread-safe; usable once.
 *
 * <h2>Recycled numbers</h2>
 *
 * Accounts may share a number when their lifetimes do not overlap. An entry holding such a number
 * is added once for each of its accounts, with the same intervals; the graph counts it for each
 * account only while that account owns the number (see {@link ContactGraph}). Merged duplicates are
 * counted once, not once an account.
 */
public final class ContactGraphBuilder {
  private final ObjectArrayList<String> accountIds = new ObjectArrayList<>();
  private final Object2IntOpenHashMap<String> accountIndex = new Object2IntOpenHashMap<>();
  private final Long2IntOpenHashMap numberIndex = new Long2IntOpenHashMap();
  private final LongArrayList numberKeys = new LongArrayList();
  private LongArrayList registeredAt;
  private LongArrayList deletedAt;

  /**
   * Per account, the next account added with the same number, or -1; null until a number is shared:
   * the accounts of a recycled number form a chain from the first one added.
   */
  private IntArrayList sameNumber;

  private LongArrayList entries = new LongArrayList();
  private LongArrayList uploadedAt;
  private LongArrayList removedAt;
  private boolean built;
  private long duplicates = -1;

  ContactGraphBuilder() {
    accountIndex.defaultReturnValue(-1);
    numberIndex.defaultReturnValue(-1);
  }

  /**
   * Adds an account that exists in {@code [registeredAt, deletedAt)}.
   *
   * @param key the number key of its phone (see {@link org.contactaudit.phone.PhoneDecoder})
   * @return its dense account index
   * @throws IllegalStateException after the first entry
   * @throws IllegalArgumentException when the id is already taken, or the number belongs to an
   *     account whose lifetime overlaps this one's
   */
  public int addAccount(String id, long key, long registeredAt, long deletedAt) {
    checkOpen();
    if (!entries.isEmpty()) {
      throw new IllegalStateException("add every account before the first phonebook entry");
    }
    if (accountIndex.containsKey(id)) {
      throw new IllegalArgumentException("account '" + id + "' is already added");
    }
    requireKey(key);
    int index = accountIds.size();
    int first = numberIndex.get(key);
    if (first >= 0) {
      int last = first;
      for (int a = first; a >= 0; a = sameNumber == null ? -1 : sameNumber.getInt(a)) {
        if (overlaps(lifeFrom(a), lifeTo(a), registeredAt, deletedAt)) {
          throw new IllegalArgumentException(
              "the number of account '"
                  + id
                  + "' belongs to account '"
                  + accountIds.get(a)
                  + "' in an overlapping lifetime");
        }
        last = a;
      }
      if (sameNumber == null) {
        sameNumber = new IntArrayList(Math.max(16, index * 2));
        sameNumber.size(index);
        Arrays.fill(sameNumber.elements(), 0, index, -1);
      }
      sameNumber.set(last, index);
    }
    accountIds.add(id);
    accountIndex.put(id, index);
    if (first < 0) {
      numberIndex.put(key, index);
    }
    if (sameNumber != null) {
      sameNumber.add(-1);
    }
    numberKeys.add(key);
    if (this.registeredAt == null && (registeredAt != Times.ALWAYS || deletedAt != Times.NEVER)) {
      this.registeredAt = filled(index, Times.ALWAYS);
      this.deletedAt = filled(index, Times.NEVER);
    }
    if (this.registeredAt != null) {
      this.registeredAt.add(registeredAt);
      this.deletedAt.add(deletedAt);
    }
    return index;
  }

  /**
   * Whether the lifetimes {@code [r1, d1)} and {@code [r2, d2)} overlap ({@code r1 < d2 && r2 <
   * d1}).
   */
  static boolean overlaps(long r1, long d1, long r2, long d2) {
    return r1 < d2 && r2 < d1;
  }

  private long lifeFrom(int account) {
    return registeredAt == null ? Times.ALWAYS : registeredAt.getLong(account);
  }

  private long lifeTo(int account) {
    return deletedAt == null ? Times.NEVER : deletedAt.getLong(account);
  }

  /** The index of an account added before, or {@code -1}. */
  public int accountIndex(String id) {
    return accountIndex.getInt(id);
  }

  /** The first account added whose number has this key, or {@code -1}. */
  public int accountOfNumber(long key) {
    int id = numberIndex.get(key);
    return id >= 0 && id < accountIds.size() ? id : -1;
  }

  /**
   * Adds the phonebook entry "{@code owner} holds the number {@code key}", valid in {@code
   * [uploadedAt, deletedAt)}. The same owner and number with other times is the same entry valid in
   * each interval; the same owner, number and times again is a duplicate, merged when building. A
   * recycled number is held by one entry for each account that has it.
   *
   * @throws IllegalArgumentException for an unknown owner or the owner's own number (of any time)
   */
  public void addEntry(int owner, long key, long uploadedAt, long deletedAt) {
    checkOpen();
    if (owner < 0 || owner >= accountIds.size()) {
      throw new IllegalArgumentException("unknown owner index " + owner);
    }
    requireKey(key);
    int number = numberIndex.get(key);
    if (number < 0) {
      number = numberKeys.size();
      numberIndex.put(key, number);
      numberKeys.add(key);
    }
    boolean recycled = isRecycled(number);
    for (int a = number; a >= 0; a = recycled ? sameNumber.getInt(a) : -1) {
      if (a == owner) {
        throw new IllegalArgumentException(
            "account '" + accountIds.get(owner) + "' cannot hold its own number");
      }
    }
    if (this.uploadedAt == null && (uploadedAt != Times.ALWAYS || deletedAt != Times.NEVER)) {
      this.uploadedAt = filled(entries.size(), Times.ALWAYS);
      this.removedAt = filled(entries.size(), Times.NEVER);
    }
    for (int a = number; a >= 0; a = recycled ? sameNumber.getInt(a) : -1) {
      entries.add((long) owner << 32 | a);
      if (this.uploadedAt != null) {
        this.uploadedAt.add(uploadedAt);
        this.removedAt.add(deletedAt);
      }
    }
  }

  /** Whether a number id is an account's number that other accounts have had too. */
  private boolean isRecycled(int number) {
    return sameNumber != null
        && number < sameNumber.size()
        && (sameNumber.getInt(number) >= 0 || isLaterOwner(number));
  }

  private boolean isLaterOwner(int account) {
    return numberIndex.get(numberKeys.getLong(account)) != account;
  }

  /** After {@link #build()}: how many added entries repeated an earlier one and were merged. */
  public long duplicatesMerged() {
    if (!built) {
      throw new IllegalStateException("duplicates are known once the graph is built");
    }
    return duplicates;
  }

  /**
   * Freezes what was added into an immutable graph. Time {@code O(E)} for {@code E} entries (a
   * radix sort), memory of the result in {@link ContactGraph}'s class comment.
   */
  public ContactGraph build() {
    checkOpen();
    built = true;
    int accounts = accountIds.size();
    int numbers = numberKeys.size();
    int n = entries.size();
    if (sameNumber != null && uploadedAt == null) {
      // validity depends on who owns a recycled number when: every entry gets an interval
      uploadedAt = filled(n, Times.ALWAYS);
      removedAt = filled(n, Times.NEVER);
    }
    long[] keys = entries.elements();
    entries = null;

    int[] fwdOffsets = new int[accounts + 1];
    IntArrayList targets = new IntArrayList(n);
    boolean timed = uploadedAt != null;
    Intervals intervals = null;
    long dup = 0;
    if (!timed) {
      LongArrays.radixSort(keys, 0, n);
      for (int i = 0; i < n; i++) {
        if (i > 0 && keys[i] == keys[i - 1]) {
          dup += countsDuplicates((int) keys[i]) ? 1 : 0;
          continue;
        }
        fwdOffsets[(int) (keys[i] >>> 32) + 1]++;
        targets.add((int) keys[i]);
      }
    } else {
      long[] from = uploadedAt.elements();
      long[] to = removedAt.elements();
      uploadedAt = null;
      removedAt = null;
      sortWithIntervals(keys, from, to, n);
      // Walk the groups of one (owner, number); sort each group's intervals and merge the
      // repeated ones, compacting the intervals in place (w <= i).
      IntArrayList ivOffsets = null;
      int w = 0;
      int i = 0;
      while (i < n) {
        int j = i;
        while (j < n && keys[j] == keys[i]) {
          j++;
        }
        LongArrays.quickSort(from, to, i, j);
        int edge = targets.size();
        fwdOffsets[(int) (keys[i] >>> 32) + 1]++;
        targets.add((int) keys[i]);
        int groupStart = w;
        for (int k = i; k < j; k++) {
          if (w > groupStart && from[k] == from[w - 1] && to[k] == to[w - 1]) {
            dup += countsDuplicates((int) keys[i]) ? 1 : 0;
            continue;
          }
          from[w] = from[k];
          to[w] = to[k];
          w++;
        }
        if (ivOffsets == null && w - groupStart > 1) {
          ivOffsets = new IntArrayList(n / 8 + 16);
          for (int e = 0; e < edge; e++) {
            ivOffsets.add(e);
          }
        }
        if (ivOffsets != null) {
          ivOffsets.add(groupStart);
        }
        i = j;
      }
      keys = null;
      int[] offsets;
      if (ivOffsets == null) {
        offsets = null;
      } else {
        ivOffsets.add(w);
        offsets = ivOffsets.toIntArray();
      }
      intervals = Intervals.of(offsets, Arrays.copyOf(from, w), Arrays.copyOf(to, w));
    }
    duplicates = dup;
    for (int a = 0; a < accounts; a++) {
      fwdOffsets[a + 1] += fwdOffsets[a];
    }
    int[] fwdTargets = targets.toIntArray();

    int[] invOffsets = new int[numbers + 1];
    for (int x : fwdTargets) {
      invOffsets[x + 1]++;
    }
    for (int x = 0; x < numbers; x++) {
      invOffsets[x + 1] += invOffsets[x];
    }
    int[] invHolders = new int[fwdTargets.length];
    int[] invEdge = timed ? new int[fwdTargets.length] : null;
    int[] fill = Arrays.copyOf(invOffsets, numbers);
    for (int a = 0; a < accounts; a++) {
      for (int e = fwdOffsets[a]; e < fwdOffsets[a + 1]; e++) {
        int p = fill[fwdTargets[e]]++;
        invHolders[p] = a;
        if (timed) {
          invEdge[p] = e;
        }
      }
    }
    long[] lifeFrom = registeredAt == null ? null : registeredAt.toLongArray();
    long[] numberKeysArray = numberKeys.toLongArray();
    return new ContactGraph(
        accountIds.toArray(new String[0]),
        accountIndex,
        lifeFrom,
        deletedAt == null ? null : deletedAt.toLongArray(),
        numberKeysArray,
        numberIndex,
        fwdOffsets,
        fwdTargets,
        invOffsets,
        invHolders,
        invEdge,
        intervals,
        sameNumber == null
            ? null
            : Ownership.of(sameNumber.toIntArray(), lifeFrom, numberKeysArray, numberIndex));
  }

  /**
   * Whether merged repeats of entries holding {@code number} count as duplicates: for a recycled
   * number only those of its first account, since each row was added once for each account.
   */
  private boolean countsDuplicates(int number) {
    return !isRecycled(number) || !isLaterOwner(number);
  }

  /**
   * Sorts the packed keys and carries each entry's interval along: a radix sort of (key, index)
   * pairs, then the permutation applied to {@code from} and {@code to} in place by following its
   * cycles, so that the build never holds a second copy of the intervals.
   */
  private static void sortWithIntervals(long[] keys, long[] from, long[] to, int n) {
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    LongArrays.radixSort(keys, order, 0, n);
    for (int start = 0; start < n; start++) {
      if (order[start] < 0) {
        continue;
      }
      long firstFrom = from[start];
      long firstTo = to[start];
      int j = start;
      while (true) {
        int k = (int) order[j];
        order[j] = ~order[j];
        if (k == start) {
          from[j] = firstFrom;
          to[j] = firstTo;
          break;
        }
        from[j] = from[k];
        to[j] = to[k];
        j = k;
      }
    }
  }

  private void checkOpen() {
    if (built) {
      throw new IllegalStateException("this builder has already built its graph");
    }
  }

  private static void requireKey(long key) {
    if (key < 0) {
      throw new IllegalArgumentException("number keys are non-negative, got " + key);
    }
  }

  private static LongArrayList filled(int size, long value) {
    LongArrayList list = new LongArrayList(Math.max(16, size * 2));
    list.size(size);
    Arrays.fill(list.elements(), 0, size, value);
    return list;
  }
}
