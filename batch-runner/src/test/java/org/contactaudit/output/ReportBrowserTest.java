package org.contactaudit.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless Chromium: the page loads, shows the figures, logs nothing to
 * the console and makes no network request. The pages and screenshots stay in {@code
 * target/report-browser/} for people to look at.
 */
class ReportBrowserTest {

  private static final Path FOLDER = Path.of("target", "report-browser");

  @BeforeAll
  static void needChromium() throws IOException {
    if (!HeadlessChromium.installed()) {
      if ("true".equals(System.getenv("CI"))) {
        fail(
            HeadlessChromium.BINARY + " is missing on CI; install it: " + HeadlessChromium.INSTALL);
      }
      assumeTrue(false, "chromium is not installed; install it: " + HeadlessChromium.INSTALL);
    }
    Files.createDirectories(FOLDER);
  }

  @Test
  void reportLoadsOfflineWithoutErrors(@TempDir Path profile) throws Exception {
    Path page = FOLDER.resolve("report.html");
    ReportWriter.write(Summaries.sample(), page);

    HeadlessChromium.Visit visit = HeadlessChromium.visit(page, profile, "report");

    assertTrue(visit.dom().contains("id=\"leak-rate\">19.0%</span>"), "the leak rate");
    for (String figure :
        List.of(
            "1,234,567",
            "900,000 (72.9%)",
            "100,000 (8.1%)",
            "134,567 (10.9%)",
            "234,567 of 1,234,567",
            "✓ adds up",
            "410,000")) {
      assertTrue(visit.dom().contains(figure), figure);
    }
    assertEquals(List.of(), visit.console(), "console messages");
    assertEquals(Set.of(), visit.pageRequests(), "network requests of the page");
    assertTrue(Files.size(visit.screenshot()) > 10_000, "a screenshot of the page");
  }

  @Test
  void hostileIdsStayText(@TempDir Path profile) throws Exception {
    Path page = FOLDER.resolve("hostile.html");
    ReportWriter.write(Summaries.hostile(), page);

    HeadlessChromium.Visit visit = HeadlessChromium.visit(page, profile, "hostile");

    assertTrue(visit.dom().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the id as text");
    assertFalse(visit.dom().contains("<script"), "no script element");
    assertFalse(visit.dom().contains("<img"), "no image element");
    assertEquals(List.of(), visit.console(), "console messages");
    assertEquals(Set.of(), visit.pageRequests(), "network requests of the page");
  }

  /** The detector itself: a page that fetches and logs an error is caught, with or without CSP. */
  @Test
  void detectsFetchesAndConsoleErrors(@TempDir Path profile) throws Exception {
    Path open = FOLDER.resolve("control-open.html");
    Files.writeString(
        open,
        "<!DOCTYPE html><title>control</title><p>control</p>"
            + "<img alt=\"\" src=\"https://example.invalid/pixel.png\">"
            + "<script>console.error('control error')</script>",
        UTF_8);
    Path guarded = FOLDER.resolve("control-csp.html");
    Files.writeString(
        guarded,
        "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\""
            + ReportWriter.CONTENT_SECURITY_POLICY
            + "\"><title>control</title><p>control</p>"
            + "<img alt=\"\" src=\"https://example.invalid/blocked.png\">",
        UTF_8);

    HeadlessChromium.Visit fetched =
        HeadlessChromium.visit(
            open, Files.createDirectory(profile.resolve("open")), "control-open");
    HeadlessChromium.Visit blocked =
        HeadlessChromium.visit(
            guarded, Files.createDirectory(profile.resolve("csp")), "control-csp");

    assertEquals(Set.of("https://example.invalid/pixel.png"), fetched.pageRequests());
    assertTrue(
        fetched.console().stream().anyMatch(line -> line.contains("control error")),
        () -> "console.error not seen: " + fetched.console());
    assertEquals(Set.of(), blocked.pageRequests(), "the policy blocks the fetch");
    assertTrue(
        blocked.console().stream().anyMatch(line -> line.contains("blocked.png")),
        () -> "CSP violation not seen: " + blocked.console());
  }
}
