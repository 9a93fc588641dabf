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
    long fast = parseCommonForm(s);
    if (fast != NOT_COMMON) {
      return fast;
    }
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

  private static final long NOT_COMMON = Long.MIN_VALUE;

  /**
   * The two forms exports hold by the million, {@code 2020-06-01} and {@code 2020-06-01T10:00:00Z},
   * read digit by digit (java.time's formatter costs about 2 µs a cell); {@link #NOT_COMMON} for
   * anything else, which the formatter then decides. Gives exactly the formatter's result.
   */
  private static long parseCommonForm(String s) {
    int n = s.length();
    if ((n != 10 && n != 20)
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (n == 20
            && (s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(19) != 'Z'))) {
      return NOT_COMMON;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28) {
      // Days 29 to 31 depend on the month and year: the formatter decides them.
      return NOT_COMMON;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long seconds = 0;
    if (n == 20) {
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return NOT_COMMON;
      }
      seconds = hour * 3600L + minute * 60L + second;
    }
    return (epochDay * 86_400L + seconds) * 1000L;
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** True when {@code t} lies in {@code [from, to)}. */
  public static boolean within(long from, long to, long t) {
    return from <= t && t < to;
  }

  /** Milliseconds in a minute: the unit of the marks that let a lookup skip an exact comparison. */
  public static final long MINUTE = 60_000;

  /**
   * The minute of {@code t}, rounded down and clamped to {@code [Integer.MIN_VALUE,
   * Integer.MAX_VALUE - 1]}: the key compared with {@link #minuteMark}s, computed once for a loop
   * over many of them.
   */
  public static int minuteKey(long t) {
    return (int)
        Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE - 1, Math.floorDiv(t, MINUTE)));
  }

  /**
   * The first minute at whose start {@code start} has passed, as an {@code int} mark: {@code t >=
   * start} for every {@code t} with {@code minuteKey(t) >= minuteMark(start)}. {@link
   * Integer#MIN_VALUE} for {@link #ALWAYS}; {@link Integer#MAX_VALUE}, which no key reaches, when
   * the minute is outside the {@code int} range (the caller then compares exactly).
   */
  public static int minuteMark(long start) {
    if (start == ALWAYS) {
      return Integer.MIN_VALUE;
    }
    long ceil = -Math.floorDiv(-start, MINUTE);
    return ceil > Integer.MIN_VALUE && ceil < Integer.MAX_VALUE ? (int) ceil : Integer.MAX_VALUE;
  }

  /** The ISO-8601 text of an instant, or an empty string for the sentinels. */
  public static String format(long t) {
    if (t == ALWAYS || t == NEVER || t == END_OF_TIME) {
      return "";
    }
    return Instant.ofEpochMilli(t).toString();
  }
}
