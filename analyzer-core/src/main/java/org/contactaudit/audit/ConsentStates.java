package org.contactaudit.audit;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.function.IntToLongFunction;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.time.Times;

/**
 * The consents a policy reads, per account, as a timeline of bit masks: bit {@code i} of a state is
 * whether the account grants setting {@code i} of {@code settings} (under the policy's view of
 * defaults) from that state's time on. Bit {@link #AS_USER} is whether the subject setting (the one
 * pre-registration evidence asks of its subject) is granted by a record with a known time at or
 * after the account registered: a choice made as a user. A lookup reads one short run of one
 * account instead of one ledger timeline per setting: the judge checks a bridge with one memory
 * access and a mask test.
 *
 * <p>The latest state of each account is also kept in one {@code long} with the minute it starts
 * (rounded up), so that a lookup from that minute on (most lookups: consents change rarely) reads
 * one cell of an array of 8 bytes an account, small enough to stay in cache. Built from the ledger
 * in {@code O(R log R)} for {@code R} records; 12 bytes a state and 12 an account. Immutable and
 * thread-safe.
 */
final class ConsentStates {
  /** The bit of a state that says the subject setting was granted as a user. */
  static final int AS_USER = 30;

  private final int[] offsets;
  private final long[] times;
  private final int[] masks;

  /**
   * Per account: its latest mask in the low 32 bits; in the high 32 bits the {@link
   * Times#minuteMark} of the latest state's start ({@link Integer#MAX_VALUE} when that minute is
   * beyond an {@code int}: then every lookup scans).
   */
  private final long[] latest;

  /**
   * @param settings the ledger indices of the settings, one bit each (at most 30; -1 for a setting
   *     the ledger never names, whose bit is never set)
   * @param subject the position in {@code settings} of the subject setting, or -1
   * @param registeredAt when each account registered ({@link Times#ALWAYS} when unknown)
   */
  ConsentStates(
      ConsentLedger ledger,
      int[] settings,
      boolean acceptDefault,
      int subject,
      IntToLongFunction registeredAt) {
    if (settings.length > AS_USER) {
      throw new IllegalArgumentException("at most 30 settings, got " + settings.length);
    }
    int accounts = ledger.accountCount();
    offsets = new int[accounts + 1];
    LongArrayList allTimes = new LongArrayList(accounts * 2);
    IntArrayList allMasks = new IntArrayList(accounts * 2);
    LongArrayList changes = new LongArrayList();
    for (int a = 0; a < accounts; a++) {
      changes.clear();
      changes.add(Times.ALWAYS);
      for (int s : settings) {
        changes.addElements(changes.size(), ledger.recordTimes(a, s));
      }
      long[] t = changes.elements();
      int n = changes.size();
      LongArrays.quickSort(t, 0, n);
      for (int i = 0; i < n; i++) {
        if (i > 0 && t[i] == t[i - 1]) {
          continue;
        }
        int mask = 0;
        for (int b = 0; b < settings.length; b++) {
          if (ledger.granted(a, settings[b], t[i], acceptDefault)) {
            mask |= 1 << b;
          }
        }
        if (subject >= 0 && (mask >>> subject & 1) != 0) {
          long made = ledger.decidingTime(a, settings[subject], t[i]);
          if (made != Times.ALWAYS && made >= registeredAt.applyAsLong(a)) {
            mask |= 1 << AS_USER;
          }
        }
        allTimes.add(t[i]);
        allMasks.add(mask);
      }
      offsets[a + 1] = allTimes.size();
    }
    times = allTimes.toLongArray();
    masks = allMasks.toIntArray();
    latest = new long[accounts];
    for (int a = 0; a < accounts; a++) {
      int last = offsets[a + 1] - 1;
      latest[a] = (long) Times.minuteMark(times[last]) << 32 | masks[last] & 0xFFFF_FFFFL;
    }
  }

  /**
   * The granted settings of {@code account} at {@code t}, as bits; none for an account outside the
   * ledger (a hypothetical one, such as the fake account of a probe, whose id is negative).
   */
  int at(int account, long t) {
    if (account < 0 || account >= latest.length) {
      return 0;
    }
    return at(account, t, Times.minuteKey(t));
  }

  /**
   * {@link #at(int, long)} for an account of the ledger, given {@code minute = Times.minuteKey(t)}:
   * one load and one comparison when the account's latest state holds at {@code t} ({@code t} is at
   * or after the start of that state's first whole minute exactly when its minute is at most {@code
   * minute}).
   */
  int at(int account, long t, int minute) {
    long packed = latest[account];
    if ((int) (packed >> 32) <= minute) {
      return (int) packed;
    }
    int i = offsets[account + 1] - 1;
    // The first state of every account is at ALWAYS <= t, so the scan stops there at the latest.
    while (times[i] > t) {
      i--;
    }
    return masks[i];
  }
}
