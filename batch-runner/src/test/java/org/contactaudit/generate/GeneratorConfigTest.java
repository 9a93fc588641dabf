package org.contactaudit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GeneratorConfigTest {
  @Test
  void defaults() {
    GeneratorConfig c = GeneratorConfig.builder().build();
    assertEquals(10_000, c.accounts());
    assertEquals(1, c.seed());
    assertEquals("CN", c.defaultRegion());
    assertEquals(false, c.gzip());
    assertEquals(130, c.meanPhonebook());
    assertEquals(0.5, c.shadowShare());
    assertEquals(GeneratorConfig.ConsentMix.DEFAULT, c.consentMix());
    assertEquals(5, c.recommendationsPerAccount());
    assertEquals(0.5, c.recycledNumberShare());
    assertEquals(0.1, c.preRegistrationConsentShare());
    assertEquals(0.005, c.staleShare());
    assertEquals(GeneratorConfig.ExplanationMix.DEFAULT, c.explanationMix());
    assertEquals(Instant.parse("2019-01-01T00:00:00Z"), c.start());
    assertEquals(Instant.parse("2021-01-01T00:00:00Z"), c.end());
  }

  @Test
  void regionIsNormalized() {
    assertEquals("US", GeneratorConfig.builder().defaultRegion(" us ").build().defaultRegion());
  }

  @Test
  void messagesNameTheBadValue() {
    assertMessage(
        "accounts must be between 1 and 50000000, got 0",
        () -> GeneratorConfig.builder().accounts(0).build());
    assertMessage(
        "defaultRegion must be a region that libphonenumber knows, such as CN, US or DE, got 'XX'",
        () -> GeneratorConfig.builder().defaultRegion("XX").build());
    assertMessage(
        "meanPhonebook must be between 1 and 10000, got 0.5",
        () -> GeneratorConfig.builder().meanPhonebook(0.5).build());
    assertMessage(
        "maxPhonebook must be at least meanPhonebook 130, got 100",
        () -> GeneratorConfig.builder().maxPhonebook(100).build());
    assertMessage(
        "shadowShare must be between 0 and 0.95, got 1",
        () -> GeneratorConfig.builder().shadowShare(1).build());
    assertMessage(
        "shadowShare must be between 0 and 0.95, got NaN",
        () -> GeneratorConfig.builder().shadowShare(Double.NaN).build());
    assertMessage(
        "recommendationsPerAccount must be between 0 and 1000, got -1",
        () -> GeneratorConfig.builder().recommendationsPerAccount(-1).build());
    assertMessage(
        "junkShare must be between 0 and 0.5, got 0.6",
        () -> GeneratorConfig.builder().junkShare(0.6).build());
    assertMessage(
        "end must be at least one day after start 2019-01-01T00:00:00Z, got 2018-01-01T00:00:00Z",
        () -> GeneratorConfig.builder().end(Instant.parse("2018-01-01T00:00:00Z")).build());
    assertMessage(
        "start must not be before 1970-01-01T00:00:00Z, got 1969-12-31T00:00:00Z",
        () -> GeneratorConfig.builder().start(Instant.parse("1969-12-31T00:00:00Z")).build());
    assertMessage(
        "consent mix none + defaultOnly + explicit must sum to 1, got 0.2 + 0.4 + 0.6",
        () -> new GeneratorConfig.ConsentMix(0.2, 0.4, 0.6, 0.5, 0.1));
    assertMessage(
        "recycledNumberShare must be between 0 and 1, got 1.5",
        () -> GeneratorConfig.builder().recycledNumberShare(1.5).build());
    assertMessage(
        "preRegistrationConsentShare must be between 0 and 1, got -0.1",
        () -> GeneratorConfig.builder().preRegistrationConsentShare(-0.1).build());
    assertMessage(
        "staleShare must be between 0 and 0.1, got 0.2",
        () -> GeneratorConfig.builder().staleShare(0.2).build());
    assertMessage(
        "explanation mix evidence + random + unrecognized + none must sum to 1,"
            + " got 0.6 + 0.2 + 0.1 + 0.2",
        () -> new GeneratorConfig.ExplanationMix(0.6, 0.2, 0.1, 0.2));
    assertMessage(
        "explanation mix none must be between 0 and 1, got NaN",
        () -> new GeneratorConfig.ExplanationMix(0.5, 0.2, 0.1, Double.NaN));
    assertMessage(
        "consent mix granted must be between 0 and 1, got 1.5",
        () -> new GeneratorConfig.ConsentMix(0.2, 0.2, 0.6, 1.5, 0.1));
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
