package org.contactaudit.graph;

import org.contactaudit.time.Times;

/**
 * A validity interval rounded inwards to whole days and packed in one {@code int}, so that an
 * element of a run can be checked at an instant with one load from an array parallel to the run,
 * instead of its intervals scattered over the entries: the first whole day it covers ({@code from},
 * high 16 bits) and the day its end falls in ({@code until}, low 16 bits), days since 1970-01-01.
 *
 * <p>For an instant of day {@code d} ({@link #key}): valid when {@code from <= d < until}; not
 * valid when {@code d < from - 1} or {@code d > until} ({@link #bit}); otherwise (the instant falls
 * in the day of a start or an end: {@link #unsure}) only an exact comparison answers, as it does
 * for the {@link #EXACT} window of an element with several intervals or with ends outside the days
 * 1970-2149 that 16 bits hold.
 */
final class DayWindows {
  /** The window that always asks for an exact comparison. */
  static final int EXACT = 0xFFFF_0000;

  private static final long DAY = 86_400_000L;
  private static final int LAST = 0xFFFF;

  private DayWindows() {}

  /** The window of {@code [start, end)}; {@link Times#ALWAYS} and {@link Times#NEVER} for none. */
  static int of(long start, long end) {
    long from = start <= 0 ? 0 : -Math.floorDiv(-start, DAY);
    if (from >= LAST || end < 0) {
      return EXACT;
    }
    long until = Math.min(LAST, Math.floorDiv(end, DAY));
    return (int) from << 16 | (int) until;
  }

  /** The day of {@code t}, clamped to {@code [-1, 65535]}: computed once for many windows. */
  static int key(long t) {
    return (int) Math.max(-1, Math.min(LAST, Math.floorDiv(t, DAY)));
  }

  /**
   * Whether only an exact comparison can tell at the day {@code key}: the instant falls in the day
   * of the window's start or end, or the window is {@link #EXACT}.
   */
  static boolean unsure(int window, int key) {
    return key == (window >>> 16) - 1 | key == (window & LAST) | window == EXACT;
  }

  /**
   * Where the window is not {@link #unsure}: 1 valid at the day {@code key}, 0 not, without a
   * branch on the answer (about one element in four of a timed world is not valid at a given
   * instant, in no order the processor could predict).
   */
  static int bit(int window, int key) {
    return ((window >>> 16) - key - 1 >>> 31) & (key - (window & LAST) >>> 31);
  }
}
