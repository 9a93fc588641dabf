package org.contactaudit.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as {@code long} epoch milliseconds, with the three sentinels of the data contract.
 *
 * <p>An interval {@code [from, to)} holds at {@code t} when {@code from <= t && t < to}. An unknown
 * start is {@link #ALWAYS}, an unknown end is {@link #NEVER}, and the run's default as-of time is
 * {@link #END_OF_TIME}: after every real instant but before {@code NEVER}, so that what was never
 * deleted is still valid then.
 */
public final class Times {
  /** An unknown start time: earlier than every known instant. */
  public static final long ALWAYS = Long.MIN_VALUE;

  /** An unknown end time: the interval never ends. */
  public static final long NEVER = Long.MAX_VALUE;

  /**
   * The default as-of time of a run: later than every known instant, earlier than {@link #NEVER}.
   */
  public static final long END_OF_TIME = Long.MAX_VALUE - 1;

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the instants {@link #parse} accepts. */
  private static final long EARLIEST = -62_167_219_200_000L;

  private static final long LATEST = 253_402_300_799_999L;

  private Times() {}

  /**
   * Parses an ISO-8601 instant ({@code 2020-06-01T10:00:00Z}, an offset is allowed) or a date
   * ({@code 2020-06-01}, meaning 00:00 UTC) to epoch milliseconds, in the years 0000 to 9999.
   *
   * @throws IllegalArgumentException naming the text when it is neither
   */
  public static long parse(String text) {
    String s = text.strip();
    try {
      long t;
      if (s.length() == 10) {
        t = LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } else {
        t = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from).toEpochMilli();
      }
      // Expanded years could reach the sentinels (NEVER is a valid instant in year 292278994).
      if (t < EARLIEST || t > LATEST) {
        throw new DateTimeException("outside years 0000 to 9999");
      }
      return t;
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + s + "' is not an ISO-8601 instant (2020-06-01T10:00:00Z) or date (2020-06-01)", e);
    }
  }

  /** True when {@code t} lies in {@code [from, to)}. */
  public static boolean within(long from, long to, long t) {
    return from <= t && t < to;
  }

  /** The ISO-8601 text of an instant, or an empty string for the sentinels. */
  public static String format(long t) {
    if (t == ALWAYS || t == NEVER || t == END_OF_TIME) {
      return "";
    }
    return Instant.ofEpochMilli(t).toString();
  }
}
