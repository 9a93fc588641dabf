package org.contactaudit.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.contactaudit.output.RunSummary.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  /** Every element the page may contain: no script, link, image, frame, object or form. */
  private static final Set<String> ALLOWED_TAGS =
      Set.of(
          "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section",
          "h1", "h2", "h3", "p", "div", "span", "strong", "code", "br", "ul", "li", "dl", "dt",
          "dd", "table", "thead", "tbody", "tr", "th", "td", "svg", "desc", "g", "rect", "line",
          "text");

  private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)");

  @Test
  void showsTheFiguresOfTheRun() {
    String page = ReportWriter.render(Summaries.sample());

    assertTrue(page.startsWith("<!DOCTYPE html>"), "HTML5 doctype");
    // Verdicts: the judged count, each verdict's count and rate, the leak rate in large type.
    assertContains(page, "1,234,567");
    assertContains(page, "900,000 (72.9%)");
    assertContains(page, "100,000 (8.1%)");
    assertContains(page, "134,567 (10.9%)");
    assertContains(page, "<span class=\"big\" id=\"leak-rate\">19.0%</span>");
    assertContains(page, "234,567 of 1,234,567 judged recommendations");
    // Inputs: reconciliation, reasons, unknown columns, shortened checksum.
    assertContains(page, "2,500,000");
    assertContains(page, "✓ adds up");
    assertFalse(page.contains("off by"), "every sample file reconciles");
    assertContains(page, "<code title=\"0123456789abcdef");
    assertContains(page, ">0123456789ab…</code>");
    assertContains(page, "DUPLICATE_ACCOUNT 4");
    assertContains(page, "<code>nickname</code>");
    assertContains(page, "297.1 MiB");
    // Kinds, missing consents (top ten only), reasons with ignored ones marked.
    assertContains(page, "REVERSE: 120,000 (51.2%)");
    assertContains(page, "candidate.suggest_to_contacts: 150,000");
    assertContains(page, "candidate.contacts_for_others: 15,000");
    assertFalse(page.contains("viewer.contacts_for_others"), "only the ten most frequent");
    assertContains(page, "2 less frequent consents are not shown");
    assertContains(page, "SERVICE_NUMBER (ignored): 25,000");
    assertContains(page, "INVALID_PHONE: 15,002");
    // Shadows and exposure.
    assertContains(page, "held by at least 3 accounts");
    assertContains(page, "410,000");
    assertContains(page, "2,050,000");
    assertContains(page, "3-4: 250,000");
    assertContains(page, "12,345");
    assertContains(page, "98,765");
    // Examples, budgets, timings, header notes.
    assertContains(page, "u-2002 holds the viewer&#39;s number");
    assertContains(page, "<tr class=\"exceeded\"><th scope=\"row\">leak_rate</th>");
    assertContains(page, "1 of 2 budgets exceeded");
    assertContains(page, "Wall time <strong>24,600 ms</strong>");
    assertContains(page, "default-versus-explicit was not checked");
    assertContains(page, "accept_default_consent");
  }

  @Test
  void chartsAreAccessibleSvg() {
    String page = ReportWriter.render(Summaries.sample());

    long charts = count(page, "<svg ");
    assertEquals(
        9,
        charts,
        "verdicts, kinds, evidence, consents, explanations, reasons, shadows, exposure, time");
    assertEquals(charts, count(page, "role=\"img\""));
    assertEquals(charts, count(page, "aria-labelledby=\"") - count(page, "<section "));
    assertContains(
        page,
        "<desc id=\"verdict-chart-desc\">OK: 900,000 (72.9%); AT_RISK: 100,000 (8.1%);"
            + " LEAK: 134,567 (10.9%); STALE: 0 (0.0%); UNEXPLAINED: 100,000 (8.1%)</desc>");
  }

  @Test
  void escapesEveryTextFromTheData() {
    String page = ReportWriter.render(Summaries.hostile());

    assertFalse(page.contains(Summaries.SCRIPT_ID), "raw <script> id");
    assertFalse(page.contains(Summaries.IMG_ID), "raw <img> id");
    assertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt;");
    assertContains(page, "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    assertContains(page, "title=\"&quot;&#39;&gt;&lt;b&gt;sha\"");
    assertEquals(Set.of(), unexpectedTags(page), "only the page's own elements");
    assertFalse(
        Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
            .matcher(tagsOnly(page))
            .find(),
        "no event handler attribute");
  }

  @Test
  void referencesNothingOutsideThePage() {
    for (RunSummary summary : List.of(Summaries.sample(), Summaries.empty())) {
      String page = ReportWriter.render(summary).toLowerCase(Locale.ROOT);

      for (String reference :
          List.of("http://", "https://", "//", "src=", "href=", "url(", "@import", "xlink")) {
        assertFalse(page.replace("<!doctype html>", "").contains(reference), reference);
      }
      assertEquals(Set.of(), unexpectedTags(page));
      assertContains(
          page,
          "<meta http-equiv=\"content-security-policy\" content=\"default-src 'none';"
              + " style-src 'unsafe-inline'; img-src data:\">");
    }
  }

  @Test
  void saysWhatWasNotComputed() {
    String page = ReportWriter.render(Summaries.empty());

    assertContains(page, "Shadow profiles were not computed in this run.");
    assertContains(page, "Default exposure was not computed in this run.");
    assertContains(page, "No input files were recorded.");
    assertContains(page, "No LEAK, AT_RISK or STALE recommendation.");
    assertContains(page, "No example to show.");
    assertContains(page, "<span class=\"big\" id=\"leak-rate\">n/a</span>");
    assertContains(page, "0 (n/a)");
    assertEquals(1, count(page, "<svg "), "only the verdict chart, with four empty bars");

    String nulls = ReportWriter.render(Summaries.nulls());
    assertContains(nulls, "The graph figures were not recorded.");
    assertContains(nulls, ReportWriter.NOT_JUDGED);
    assertFalse(
        nulls.contains("No LEAK"), "a run that judged nothing says so, not that all is well");
    assertFalse(nulls.contains("No consent was missing"), nulls);
    assertFalse(nulls.contains("null"), nulls);
  }

  @Test
  void marksFilesThatDoNotReconcile() {
    Input first = Summaries.inputs().get(0);
    Input broken =
        new Input(
            first.file(),
            first.name(),
            first.bytes(),
            first.sha256(),
            first.read() + 3,
            first.accepted(),
            first.duplicate(),
            first.ignored(),
            first.rejected(),
            first.reasons(),
            first.unknownColumns());

    String page = ReportWriter.render(Summaries.sample(List.of(broken)));

    assertContains(page, "<td class=\"bad\">✗ off by 3</td>");
  }

  @Test
  void writesOneSelfContainedFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.html");

    ReportWriter.write(Summaries.sample(), file);

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "one file and nothing beside it");
    }
    String written = Files.readString(file, UTF_8);
    assertEquals(ReportWriter.render(Summaries.sample()), written);
    assertContains(written, "<meta charset=\"utf-8\">");

    StringWriter out = new StringWriter();
    ReportWriter.write(Summaries.sample(), out);
    assertEquals(written, out.toString());
  }

  @Test
  void formatsNumbersForPeople() {
    assertEquals("1,234,567", Html.count(1_234_567));
    assertEquals("0", Html.count(0));
    assertEquals("12.3%", Html.percent(0.1234));
    assertEquals("100.0%", Html.percent(1));
    assertEquals("0.0%", Html.percent(0));
    assertEquals("n/a", Html.percent(Double.NaN));
    assertEquals("1,023 B", Html.bytes(1023));
    assertEquals("1.5 KiB", Html.bytes(1536));
    assertEquals("297.1 MiB", Html.bytes(311_554_120));
    assertEquals("a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;", Html.escape("a & <b> \"c\" 'd'"));
    assertEquals("", Html.escape(null));
  }

  private static Set<String> unexpectedTags(String page) {
    Set<String> unexpected = new TreeSet<>();
    Matcher m = TAG.matcher(page);
    while (m.find()) {
      String tag = m.group(1).toLowerCase(Locale.ROOT);
      if (!ALLOWED_TAGS.contains(tag)) {
        unexpected.add(tag);
      }
    }
    return unexpected;
  }

  /** The markup of the page without its text: what lies between {@code <} and {@code >}. */
  private static String tagsOnly(String page) {
    StringBuilder tags = new StringBuilder();
    Matcher m = Pattern.compile("<[^>]*>").matcher(page);
    while (m.find()) {
      tags.append(m.group()).append('\n');
    }
    return tags.toString();
  }

  private static long count(String page, String needle) {
    long n = 0;
    for (int i = page.indexOf(needle); i >= 0; i = page.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static void assertContains(String page, String expected) {
    assertTrue(page.contains(expected), () -> "missing: " + expected);
  }
}
