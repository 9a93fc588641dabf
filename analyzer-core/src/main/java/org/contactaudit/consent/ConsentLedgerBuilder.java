package org.contactaudit.consent;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects consent records in file order, then freezes them into a {@link ConsentLedger}. A record
 * equal to another of the same pair (same time, value and source) is a duplicate and merged. Not
 * thread-safe; usable once.
 */
public final class ConsentLedgerBuilder {
  private final int accounts;
  private final List<String> settings = new ArrayList<>();
  private final Object2IntOpenHashMap<String> settingIndex = new Object2IntOpenHashMap<>();
  private final LongArrayList pairs = new LongArrayList();
  private final LongArrayList times = new LongArrayList();
  private final ByteArrayList flags = new ByteArrayList();
  private long duplicates = -1;
  private boolean built;

  ConsentLedgerBuilder(int accounts) {
    if (accounts < 0) {
      throw new IllegalArgumentException("accounts must be >= 0, got " + accounts);
    }
    this.accounts = accounts;
    settingIndex.defaultReturnValue(-1);
  }

  /**
   * Adds a record: {@code account} set {@code setting} to {@code value} at {@code updatedAt}
   * ({@link org.contactaudit.time.Times#ALWAYS} when unknown).
   */
  public void add(
      int account, String setting, boolean value, ConsentSource source, long updatedAt) {
    if (built) {
      throw new IllegalStateException("this builder has already built its ledger");
    }
    if (account < 0 || account >= accounts) {
      throw new IllegalArgumentException("unknown account index " + account);
    }
    int s = settingIndex.getInt(setting);
    if (s < 0) {
      s = settings.size();
      settings.add(setting);
      settingIndex.put(setting, s);
    }
    pairs.add((long) account << 32 | s);
    times.add(updatedAt);
    byte f =
        (byte)
            ((value ? ConsentLedger.VALUE : 0)
                | (source == ConsentSource.DEFAULT ? ConsentLedger.DEFAULT : 0));
    flags.add(f);
  }

  /** After {@link #build()}: how many records repeated an earlier one and were merged. */
  public long duplicatesMerged() {
    if (!built) {
      throw new IllegalStateException("duplicates are known once the ledger is built");
    }
    return duplicates;
  }

  /** Freezes the records: time {@code O(R log R)} for {@code R} records. */
  public ConsentLedger build() {
    if (built) {
      throw new IllegalStateException("this builder has already built its ledger");
    }
    built = true;
    int n = pairs.size();
    int settingCount = settings.size();
    long[] pair = pairs.elements();
    long[] time = times.elements();
    byte[] flag = flags.elements();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Stable: records of the same pair and time keep file order, so the later row wins.
    IntArrays.mergeSort(
        order,
        (x, y) -> {
          int c = Long.compare(flatten(pair[x], settingCount), flatten(pair[y], settingCount));
          return c != 0 ? c : Long.compare(time[x], time[y]);
        });
    int[] offsets = new int[accounts + 1];
    IntArrayList keptSettings = new IntArrayList(n);
    LongArrayList keptTimes = new LongArrayList(n);
    ByteArrayList keptFlags = new ByteArrayList(n);
    long dup = 0;
    long previousPair = -1;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      long p = flatten(pair[i], settingCount);
      int last = keptTimes.size() - 1;
      if (p == previousPair
          && keptTimes.getLong(last) == time[i]
          && keptFlags.getByte(last) == flag[i]) {
        dup++;
        continue;
      }
      previousPair = p;
      offsets[(int) (pair[i] >>> 32) + 1]++;
      keptSettings.add((int) pair[i]);
      keptTimes.add(time[i]);
      keptFlags.add(flag[i]);
    }
    for (int i = 0; i < offsets.length - 1; i++) {
      offsets[i + 1] += offsets[i];
    }
    duplicates = dup;
    return new ConsentLedger(
        settings,
        settingIndex,
        accounts,
        offsets,
        keptSettings.toIntArray(),
        keptTimes.toLongArray(),
        keptFlags.toByteArray());
  }

  private static long flatten(long accountAndSetting, int settingCount) {
    return (accountAndSetting >>> 32) * settingCount + (int) accountAndSetting;
  }
}
