package org.contactaudit.consent;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.List;

/**
 * The consent timelines of every (account, setting), frozen into primitive arrays.
 *
 * <p>The value of a setting at {@code t} is the latest record with {@code updated_at <= t}; an
 * unknown {@code updated_at} is earlier than every known one, and of records with the same time the
 * later row wins. No record means not granted. A record whose source is {@link
 * ConsentSource#DEFAULT} counts as granted only when the caller accepts defaults.
 *
 * <p>Layout: records sorted by (account, setting, time, row) in {@code settingOf} (4 bytes), {@code
 * times} (8 bytes) and {@code flags} (1 byte: value, default); {@code offsets[account]} starts the
 * records of an account (4 bytes an account). 13 bytes a record and 4 an account, whatever the
 * number of setting names in the file: a file naming thousands of settings costs what its records
 * cost. {@link #granted} finds the setting's records among the account's by binary search, then the
 * time: {@code O(log records of the account)}. Immutable and thread-safe.
 */
public final class ConsentLedger {
  static final byte VALUE = 1;
  static final byte DEFAULT = 2;

  private final List<String> settings;
  private final Object2IntOpenHashMap<String> settingIndex;
  private final int accounts;
  private final int[] offsets;
  private final int[] settingOf;
  private final long[] times;
  private final byte[] flags;

  ConsentLedger(
      List<String> settings,
      Object2IntOpenHashMap<String> settingIndex,
      int accounts,
      int[] offsets,
      int[] settingOf,
      long[] times,
      byte[] flags) {
    this.settings = List.copyOf(settings);
    this.settingIndex = settingIndex;
    this.accounts = accounts;
    this.offsets = offsets;
    this.settingOf = settingOf;
    this.times = times;
    this.flags = flags;
  }

  /** A builder for a ledger over {@code accounts} dense account ids. */
  public static ConsentLedgerBuilder builder(int accounts) {
    return new ConsentLedgerBuilder(accounts);
  }

  /** The setting names seen in the records, in order of first appearance. */
  public List<String> settings() {
    return settings;
  }

  /** The index of a setting, or {@code -1} when no record names it (never granted). */
  public int settingIndex(String setting) {
    return settingIndex.getInt(setting);
  }

  /** The number of accounts the ledger covers. */
  public int accountCount() {
    return accounts;
  }

  /** The number of records kept (duplicates merged). */
  public int recordCount() {
    return times.length;
  }

  /**
   * Whether {@code account} grants the setting at {@code t}.
   *
   * @param setting an index from {@link #settingIndex}; {@code -1} is never granted
   * @param acceptDefault whether a record set by default counts as consent
   */
  public boolean granted(int account, int setting, long t, boolean acceptDefault) {
    int record = recordAt(account, setting, t);
    if (record < 0) {
      return false;
    }
    byte f = flags[record];
    return (f & VALUE) != 0 && (acceptDefault || (f & DEFAULT) == 0);
  }

  /** Whether the value in force at {@code t} is granted and was set by default. */
  public boolean grantedOnlyByDefault(int account, int setting, long t) {
    int record = recordAt(account, setting, t);
    return record >= 0 && flags[record] == (VALUE | DEFAULT);
  }

  /**
   * The {@code updated_at} of the record that decides the setting's value at {@code t}: {@link
   * org.contactaudit.time.Times#ALWAYS} when that record's time is unknown, {@link
   * org.contactaudit.time.Times#NEVER} when no record does (the setting is not granted then).
   *
   * @param setting an index from {@link #settingIndex}; {@code -1} has no record
   */
  public long decidingTime(int account, int setting, long t) {
    int record = recordAt(account, setting, t);
    return record < 0 ? org.contactaudit.time.Times.NEVER : times[record];
  }

  /**
   * The times of the records of one account and setting, increasing ({@link
   * org.contactaudit.time.Times#ALWAYS} for an unknown time); empty for an unknown setting.
   */
  public long[] recordTimes(int account, int setting) {
    if (setting < 0) {
      return new long[0];
    }
    int from = lowerBound(account, setting);
    return java.util.Arrays.copyOfRange(times, from, lowerBound(account, setting + 1));
  }

  private int recordAt(int account, int setting, long t) {
    if (setting < 0 || account < 0 || account >= accounts) {
      return -1;
    }
    int from = lowerBound(account, setting);
    int to = lowerBound(account, setting + 1);
    if (to == from) {
      return -1;
    }
    if (to - from == 1) {
      return times[from] <= t ? from : -1;
    }
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo > from ? lo - 1 : -1;
  }

  /** The first record of {@code account} whose setting is at least {@code setting}. */
  private int lowerBound(int account, int setting) {
    int lo = offsets[account];
    int hi = offsets[account + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (settingOf[mid] < setting) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
