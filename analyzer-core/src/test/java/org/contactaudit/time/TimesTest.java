package org.contactaudit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
  @Test
  void datesAreMidnightUtcAndInstantsMayHaveAnOffset() {
    assertEquals(1_590_969_600_000L, Times.parse("2020-06-01"));
    assertEquals(1_591_005_600_000L, Times.parse(" 2020-06-01T10:00:00Z "));
    assertEquals(1_590_976_800_000L, Times.parse("2020-06-01T10:00:00+08:00"));
    assertEquals(253_402_300_799_999L, Times.parse("9999-12-31T23:59:59.999Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2020-13-01",
        "2020-06-01T10:00:00",
        "01/06/2020",
        "",
        // Valid ISO-8601 with expanded years, but they would be read as the sentinels.
        "+292278994-08-17T07:12:55.807Z",
        "-292275055-05-16T16:47:04.192Z",
        "-292275055-05-16T16:47:04.193Z",
        "+10000-01-01T00:00:00Z"
      })
  void textThatIsNotAnInstantOfYears0To9999IsRefused(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Times.parse(text));
    assertEquals(
        "'"
            + text.strip()
            + "' is not an ISO-8601 instant (2020-06-01T10:00:00Z) or date (2020-06-01)",
        e.getMessage());
  }

  @Test
  void intervalsIncludeTheStartAndExcludeTheEnd() {
    assertTrue(Times.within(10, 20, 10));
    assertFalse(Times.within(10, 20, 20));
    assertTrue(Times.within(Times.ALWAYS, Times.NEVER, Times.END_OF_TIME));
    assertFalse(Times.within(Times.ALWAYS, 20, Times.END_OF_TIME));
  }

  @Test
  void sentinelsFormatAsEmpty() {
    assertEquals("", Times.format(Times.ALWAYS));
    assertEquals("", Times.format(Times.NEVER));
    assertEquals("", Times.format(Times.END_OF_TIME));
    assertEquals("2020-06-01T10:00:00Z", Times.format(1_591_005_600_000L));
  }

  @Test
  void theFastFormsGiveExactlyJavaTimesResults() {
    java.util.Random rnd = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      String date =
          String.format(
              java.util.Locale.ROOT,
              "%04d-%02d-%02d",
              rnd.nextInt(10_000),
              rnd.nextInt(14),
              rnd.nextInt(33));
      String instant =
          date
              + String.format(
                  java.util.Locale.ROOT,
                  "T%02d:%02d:%02dZ",
                  rnd.nextInt(26),
                  rnd.nextInt(62),
                  rnd.nextInt(62));
      assertSameOutcome(date, () -> java.time.LocalDate.parse(date).toEpochDay() * 86_400_000L);
      assertSameOutcome(
          instant,
          () ->
              java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                  .parse(instant, java.time.Instant::from)
                  .toEpochMilli());
    }
  }

  private static void assertSameOutcome(String text, java.util.function.LongSupplier reference) {
    long expected;
    try {
      expected = reference.getAsLong();
    } catch (java.time.DateTimeException e) {
      assertThrows(IllegalArgumentException.class, () -> Times.parse(text), text);
      return;
    }
    assertEquals(expected, Times.parse(text), text);
  }
}
