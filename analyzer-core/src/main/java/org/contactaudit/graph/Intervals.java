package org.contactaudit.graph;

import org.contactaudit.time.Times;

/**
 * The validity intervals {@code [from, to)} of the entries of a timed graph. When every entry has
 * one interval (the common case) the offsets are dropped and entry {@code e} is interval {@code e}:
 * 16 bytes an entry; otherwise 4 bytes more an entry.
 */
final class Intervals {
  private final int[] offsets;
  private final long[] from;
  private final long[] to;
  private final boolean anyDeleted;

  private Intervals(int[] offsets, long[] from, long[] to) {
    this.offsets = offsets;
    this.from = from;
    this.to = to;
    boolean deleted = false;
    for (long end : to) {
      deleted |= end != Times.NEVER;
    }
    this.anyDeleted = deleted;
  }

  /** Intervals of entries; {@code offsets} is null when entry {@code e} is interval {@code e}. */
  static Intervals of(int[] offsets, long[] from, long[] to) {
    return new Intervals(offsets, from, to);
  }

  boolean valid(int entry, long t) {
    if (offsets == null) {
      return Times.within(from[entry], to[entry], t);
    }
    for (int i = offsets[entry], end = offsets[entry + 1]; i < end; i++) {
      if (Times.within(from[i], to[i], t)) {
        return true;
      }
    }
    return false;
  }

  /** The earliest start of the entry's intervals. */
  long earliestFrom(int entry) {
    return from[offsets == null ? entry : offsets[entry]];
  }

  /**
   * The start of the earliest of the entry's intervals valid at {@code t}, or {@link Times#NEVER}.
   */
  long earliestValidFrom(int entry, long t) {
    if (offsets == null) {
      return Times.within(from[entry], to[entry], t) ? from[entry] : Times.NEVER;
    }
    // an entry's intervals are sorted by start
    for (int i = offsets[entry], end = offsets[entry + 1]; i < end; i++) {
      if (Times.within(from[i], to[i], t)) {
        return from[i];
      }
    }
    return Times.NEVER;
  }

  /** Whether the entry has several intervals. */
  boolean isMulti(int entry) {
    return offsets != null && offsets[entry + 1] - offsets[entry] > 1;
  }

  /** Whether some interval ends. */
  boolean anyDeleted() {
    return anyDeleted;
  }

  /**
   * The {@link DayWindows} window of the entry within a lifetime {@code [lifeFrom, lifeTo)}: of the
   * intersection when the entry has one interval, {@link DayWindows#EXACT} when it has several.
   */
  int dayWindow(int entry, long lifeFrom, long lifeTo) {
    int i = entry;
    if (offsets != null) {
      if (offsets[entry + 1] - offsets[entry] != 1) {
        return DayWindows.EXACT;
      }
      i = offsets[entry];
    }
    return DayWindows.of(Math.max(lifeFrom, from[i]), Math.min(lifeTo, to[i]));
  }

  long bytes() {
    return (offsets == null ? 0 : 4L * offsets.length) + 8L * from.length + 8L * to.length;
  }
}
