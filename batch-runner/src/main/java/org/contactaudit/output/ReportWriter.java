package org.contactaudit.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.contactaudit.output.Html.bytes;
import static org.contactaudit.output.Html.count;
import static org.contactaudit.output.Html.decimal;
import static org.contactaudit.output.Html.escape;
import static org.contactaudit.output.Html.percent;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contactaudit.audit.ExplanationVerdict;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Verdict;
import org.contactaudit.io.Reason;
import org.contactaudit.io.RowOutcome;
import org.contactaudit.output.Charts.Bar;
import org.contactaudit.output.RunSummary.Budget;
import org.contactaudit.output.RunSummary.Example;
import org.contactaudit.output.RunSummary.ExposureFigures;
import org.contactaudit.output.RunSummary.GraphFigures;
import org.contactaudit.output.RunSummary.Input;
import org.contactaudit.output.RunSummary.ShadowFigures;
import org.contactaudit.output.RunSummary.VerdictFigures;

/**
 * Writes {@code report.html}: one self-contained HTML5 page that shows a run's summary to people.
 *
 * <p>The page needs nothing but itself: the style is inline, the charts are inline SVG drawn here,
 * there is no script, font, image or link, and a Content-Security-Policy forbids fetching anything,
 * so the page reads the same offline and any accidental fetch is blocked and reported by the
 * browser. Every text that comes from the data is HTML-escaped; counts are written with grouping
 * (1,234,567) and shares as percentages with one decimal (12.3%).
 */
public final class ReportWriter {

  /** Forbids every fetch: the page only needs its own inline style and data images. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  /** The verdicts in the order of the chart. */
  private static final List<String> VERDICTS =
      Arrays.stream(Verdict.values()).map(Enum::name).toList();

  /** What a page says where a run judged nothing ({@code validate} reads the inputs only). */
  static final String NOT_JUDGED =
      "Nothing was judged: this run read and accounted for the inputs only (validate).";

  private static final List<String> EXPLANATIONS =
      Arrays.stream(ExplanationVerdict.values()).map(Enum::name).toList();

  /** The kinds from the most severe to the least. */
  private static final List<String> KINDS = Arrays.stream(Kind.values()).map(Enum::name).toList();

  private static final int TOP_MISSING_CONSENTS = 10;
  private static final int SHORT_SHA = 12;
  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\D*(\\d+)");

  private static final String STYLE =
      """
      :root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de;
        --soft: #f6f8fa; --ok: #1a7f37; --risk: #b35900; --leak: #c62828; --none: #6e7781;
        --info: #0a58ca; }
      * { box-sizing: border-box; }
      body { margin: 0; color: var(--ink); background: #fff;
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
      header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 18px; margin: 0 0 10px; }
      h3 { font-size: 14px; margin: 14px 0 6px; }
      section { border-bottom: 1px solid var(--line); padding: 18px 0; break-inside: avoid; }
      p { margin: 6px 0; }
      .muted { color: var(--muted); }
      .meta { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 6px 0; }
      dl.pairs { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 2px 24px; margin: 6px 0; }
      dl.pairs div { display: flex; gap: 8px; border-bottom: 1px dotted var(--line); }
      dl.pairs dt { color: var(--muted); }
      dl.pairs dd { margin: 0 0 0 auto; font-weight: 600; text-align: right;
        overflow-wrap: anywhere; }
      .notes { margin: 10px 0 0; padding: 8px 12px 8px 28px; background: #fff8e1;
        border-left: 4px solid var(--risk); }
      .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 8px; margin: 8px 0; }
      .figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
        background: var(--soft); }
      .figure .value { display: block; font-size: 20px; font-weight: 700;
        font-variant-numeric: tabular-nums; }
      .figure .name { color: var(--muted); font-size: 12px; }
      .headline { display: flex; align-items: center; gap: 8px 24px; flex-wrap: wrap;
        margin: 4px 0 10px; }
      .headline p { flex: 1 1 320px; margin: 0; }
      .big { display: block; font-size: 56px; font-weight: 800; line-height: 1;
        color: var(--leak); }
      .big-label { display: block; font-size: 12px; font-weight: 700; letter-spacing: .08em;
        text-transform: uppercase; color: var(--muted); }
      table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0; }
      th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left;
        vertical-align: top; }
      thead th { background: var(--soft); }
      th { font-weight: 600; }
      td.when { white-space: nowrap; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.id { overflow-wrap: anywhere; }
      code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      .good { color: var(--ok); font-weight: 700; }
      .bad { color: var(--leak); font-weight: 700; }
      tr.exceeded th, tr.exceeded td { background: #fdecea; }
      svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0; }
      svg.chart text { font-size: 12px; fill: var(--ink); }
      svg.chart .label { fill: var(--ink); }
      svg.chart .figure { font-variant-numeric: tabular-nums; fill: var(--muted); }
      svg.chart .axis { stroke: var(--muted); }
      svg.chart .axis-label { fill: var(--muted); }
      .tone-ok { fill: var(--ok); } .tone-risk { fill: var(--risk); }
      .tone-leak { fill: var(--leak); } .tone-none { fill: var(--none); }
      .tone-info { fill: var(--info); }
      footer { color: var(--muted); font-size: 12px; padding-top: 12px; }
      @media print { main { padding: 0; max-width: none; } .big { font-size: 40px; } }
      """;

  private ReportWriter() {}

  /**
   * Writes the report into a file, in UTF-8, replacing the file if it exists.
   *
   * @param summary the run's summary
   * @param file where to write {@code report.html}
   * @throws IOException if the file cannot be written
   */
  public static void write(RunSummary summary, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, UTF_8)) {
      write(summary, out);
    }
  }

  /**
   * Writes the report to a writer, which it flushes but does not close. The page declares UTF-8, so
   * the writer should encode in UTF-8.
   *
   * @param summary the run's summary
   * @param out where to write the page
   * @throws IOException if the writer fails
   */
  public static void write(RunSummary summary, Writer out) throws IOException {
    out.write(render(summary));
    out.flush();
  }

  /** The whole page. */
  static String render(RunSummary summary) {
    Objects.requireNonNull(summary, "summary");
    StringBuilder page = new StringBuilder(32 * 1024);
    String tool = toolName(summary);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CONTENT_SECURITY_POLICY)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>")
        .append(escape(tool + " report, " + text(summary.startedAt())))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
    header(page, summary, tool);
    inputs(page, list(summary.inputs()));
    graph(page, summary.graph());
    verdicts(page, summary.verdicts());
    primaryKinds(page, summary.verdicts());
    missingConsents(page, summary.verdicts());
    refinements(page, summary.verdicts());
    reasons(page, list(summary.inputs()));
    shadows(page, summary.shadows());
    exposure(page, summary.exposure());
    examples(page, list(summary.examples()));
    budgets(page, list(summary.budgets()));
    timings(page, map(summary.timingsMs()));
    page.append("<footer>Written by ")
        .append(escape(tool))
        .append(". This page is self-contained: it loads nothing and runs no script.</footer>\n")
        .append("</main>\n</body>\n</html>\n");
    return page.toString();
  }

  private static void header(StringBuilder page, RunSummary summary, String tool) {
    page.append("<header>\n<h1>Contact-audit report</h1>\n<div class=\"meta\">")
        .append("<span><span class=\"muted\">Tool</span> <strong>")
        .append(escape(tool))
        .append("</strong></span><span><span class=\"muted\">Run started</span> <strong>")
        .append(escape(text(summary.startedAt())))
        .append("</strong></span><span><span class=\"muted\">Consent source column</span> ")
        .append(
            summary.sourceChecked()
                ? "<strong>checked</strong>"
                : "<strong class=\"bad\">absent: default-versus-explicit not checked</strong>")
        .append("</span></div>\n");
    Map<String, String> policy = map(summary.policy());
    if (!policy.isEmpty()) {
      page.append("<h3>Policy</h3>\n");
      pairs(page, policy, Function.identity());
    }
    Map<String, Object> options = map(summary.options());
    if (!options.isEmpty()) {
      page.append("<h3>Options</h3>\n");
      pairs(page, options, String::valueOf);
    }
    List<String> notes = list(summary.notes());
    if (!notes.isEmpty()) {
      page.append("<ul class=\"notes\" aria-label=\"Notes\">");
      for (String note : notes) {
        page.append("<li>").append(escape(note)).append("</li>");
      }
      page.append("</ul>\n");
    }
    page.append("</header>\n");
  }

  private static <V> void pairs(
      StringBuilder page, Map<String, V> entries, Function<V, String> show) {
    page.append("<dl class=\"pairs\">");
    entries.forEach(
        (key, value) ->
            page.append("<div><dt>")
                .append(escape(key))
                .append("</dt><dd>")
                .append(escape(value == null ? "" : show.apply(value)))
                .append("</dd></div>"));
    page.append("</dl>\n");
  }

  private static void inputs(StringBuilder page, List<Input> inputs) {
    open(page, "inputs", "Inputs and reconciliation");
    if (inputs.isEmpty()) {
      page.append("<p class=\"muted\">No input files were recorded.</p>\n");
      close(page);
      return;
    }
    page.append("<p class=\"muted\">Every row read is accepted, a duplicate, ignored or rejected:")
        .append(" read = accepted + duplicate + ignored + rejected.</p>\n")
        .append("<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"n\">")
        .append("Size</th><th scope=\"col\">SHA-256</th><th scope=\"col\" class=\"n\">Read</th>")
        .append("<th scope=\"col\" class=\"n\">Accepted</th>")
        .append("<th scope=\"col\" class=\"n\">Duplicate</th>")
        .append("<th scope=\"col\" class=\"n\">Ignored</th>")
        .append("<th scope=\"col\" class=\"n\">Rejected</th>")
        .append("<th scope=\"col\">Reconciled</th></tr></thead>\n<tbody>\n");
    for (Input input : inputs) {
      long sum = input.accepted() + input.duplicate() + input.ignored() + input.rejected();
      String sha = text(input.sha256());
      page.append("<tr><th scope=\"row\">")
          .append(escape(text(input.name())))
          .append(" <span class=\"muted\">(")
          .append(escape(text(input.file())))
          .append(")</span></th>");
      cell(page, bytes(input.bytes()));
      page.append("<td><code title=\"")
          .append(escape(sha))
          .append("\">")
          .append(escape(sha.length() > SHORT_SHA ? sha.substring(0, SHORT_SHA) + "…" : sha))
          .append("</code></td>");
      cell(page, count(input.read()));
      cell(page, count(input.accepted()));
      cell(page, count(input.duplicate()));
      cell(page, count(input.ignored()));
      cell(page, count(input.rejected()));
      page.append(
              input.read() == sum
                  ? "<td class=\"good\">✓ adds up"
                  : "<td class=\"bad\">✗ off by " + count(input.read() - sum))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
    for (Input input : inputs) {
      Map<String, Long> reasons = map(input.reasons());
      List<String> unknown = list(input.unknownColumns());
      if (reasons.isEmpty() && unknown.isEmpty()) {
        continue;
      }
      page.append("<p><strong>").append(escape(text(input.name()))).append("</strong>");
      if (!reasons.isEmpty()) {
        page.append(" <span class=\"muted\">reasons:</span> ");
        List<String> parts = new ArrayList<>();
        byCountDescending(reasons)
            .forEach((reason, n) -> parts.add(escape(reason) + " " + count(n)));
        page.append(String.join(", ", parts));
      }
      if (!unknown.isEmpty()) {
        page.append(" <span class=\"muted\">unknown columns (not used):</span> ");
        List<String> parts = new ArrayList<>();
        unknown.forEach(column -> parts.add("<code>" + escape(column) + "</code>"));
        page.append(String.join(", ", parts));
      }
      page.append("</p>\n");
    }
    close(page);
  }

  private static void graph(StringBuilder page, GraphFigures graph) {
    open(page, "graph", "Contact graph");
    if (graph == null) {
      notComputed(page, "The graph figures were not recorded.");
      close(page);
      return;
    }
    page.append("<div class=\"figures\">");
    figure(page, count(graph.accounts()), "accounts");
    figure(page, count(graph.numbers()), "phone numbers");
    figure(page, count(graph.userNumbers()), "numbers of users");
    figure(page, count(graph.shadowNumbers()), "shadow numbers (non-users)");
    figure(page, count(graph.entries()), "phonebook entries");
    figure(page, graph.timed() ? "yes" : "no", "entries carry upload times");
    figure(page, bytes(graph.adjacencyBytes()), "adjacency memory");
    figure(page, decimal(graph.adjacencyBytesPerEntry()) + " B", "per entry");
    figure(page, bytes(graph.timeBytes()), "upload-time memory");
    page.append("</div>\n");
    close(page);
  }

  private static void verdicts(StringBuilder page, VerdictFigures verdicts) {
    open(page, "verdicts", "Verdicts");
    if (verdicts == null) {
      notComputed(page, NOT_JUDGED);
      close(page);
      return;
    }
    Map<String, Long> counts = map(verdicts.counts());
    Map<String, Double> rates = map(verdicts.rates());
    long leaks =
        counts.getOrDefault("LEAK", 0L)
            + counts.getOrDefault("AT_RISK", 0L)
            + counts.getOrDefault("STALE", 0L);
    page.append("<div class=\"headline\"><div><span class=\"big\" id=\"leak-rate\">")
        .append(percent(verdicts.leakRate()))
        .append("</span><span class=\"big-label\">leak rate</span></div><p>")
        .append(count(leaks))
        .append(" of ")
        .append(count(verdicts.judged()))
        .append(" judged recommendations (LEAK, AT_RISK or STALE) disclose a relationship")
        .append(" without the consent it needs.</p></div>\n");
    List<Bar> bars = new ArrayList<>();
    for (String verdict : ordered(counts.keySet(), VERDICTS)) {
      long n = counts.getOrDefault(verdict, 0L);
      Double rate = rates.get(verdict);
      double share = rate != null ? rate : (double) n / verdicts.judged();
      bars.add(new Bar(verdict, n, count(n) + " (" + percent(share) + ")", verdictTone(verdict)));
    }
    page.append(Charts.bars("verdict-chart", "Recommendations by verdict", bars))
        .append("\n<p class=\"muted\">OK: all evidence consensual. AT_RISK: some is, some is")
        .append(" not. LEAK: none is. STALE: only deleted uploads explain it, so the app used")
        .append(" data its owner had deleted. UNEXPLAINED: the contact graph does not explain")
        .append(" it.</p>\n");
    close(page);
  }

  /**
   * What the rulings are about beyond consent: leaks through uploads made before their subject
   * registered (Ling v. Douyin), through recycled numbers, of deleted data, and what the app's
   * explanations disclosed.
   */
  private static void refinements(StringBuilder page, VerdictFigures verdicts) {
    open(page, "refinements", "Pre-registration, recycled numbers, deleted data, explanations");
    if (verdicts == null) {
      notComputed(page, NOT_JUDGED);
      close(page);
      return;
    }
    Map<String, Long> counts = map(verdicts.counts());
    page.append("<div class=\"figures\">");
    figure(
        page,
        count(verdicts.preRegistrationLeaks()),
        "LEAK or AT_RISK through an upload made before its subject registered");
    figure(
        page, count(verdicts.recycledNumberLeaks()), "LEAK or AT_RISK through a recycled number");
    figure(page, count(counts.getOrDefault("STALE", 0L)), "STALE: explained only by deleted data");
    page.append("</div>\n");
    Map<String, Long> explained = map(verdicts.explanations());
    long total = explained.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      notComputed(page, "No recommendation came with an explanation.");
    } else {
      List<Bar> bars = new ArrayList<>();
      for (String verdict : ordered(explained.keySet(), EXPLANATIONS)) {
        long n = explained.getOrDefault(verdict, 0L);
        bars.add(
            new Bar(
                verdict,
                n,
                count(n) + " (" + percent((double) n / total) + ")",
                explanationTone(verdict)));
      }
      page.append(Charts.bars("explanation-chart", "Explanations shown to viewers", bars))
          .append("\n<p class=\"muted\">SUPPORTED: true through consensual evidence. DISCLOSES:")
          .append(" true only through evidence without consent, so telling it discloses that")
          .append(" evidence. FALSE: not true. UNRECOGNIZED: not an explanation this audit")
          .append(" knows.</p>\n");
    }
    close(page);
  }

  private static void primaryKinds(StringBuilder page, VerdictFigures verdicts) {
    open(page, "kinds", "Primary kinds of LEAK, AT_RISK and STALE");
    if (verdicts == null) {
      notComputed(page, NOT_JUDGED);
      close(page);
      return;
    }
    Map<String, Long> primary = verdicts == null ? Map.of() : map(verdicts.primaryKinds());
    if (primary.values().stream().allMatch(n -> n == 0)) {
      notComputed(page, "No LEAK, AT_RISK or STALE recommendation.");
    } else {
      page.append("<p class=\"muted\">The most severe kind of non-consensual evidence, from")
          .append(" REVERSE (most severe) to MUTUAL.</p>\n")
          .append(
              Charts.bars(
                  "kind-chart", "LEAK, AT_RISK and STALE by primary kind", kindBars(primary)));
    }
    Map<String, Long> kinds = verdicts == null ? Map.of() : map(verdicts.kinds());
    if (!kinds.isEmpty()) {
      page.append("<h3>All recommendations with evidence of each kind</h3>\n")
          .append(
              Charts.bars(
                  "evidence-chart", "Recommendations by kind of evidence", evidenceBars(kinds)));
    }
    close(page);
  }

  private static List<Bar> kindBars(Map<String, Long> primary) {
    long total = primary.values().stream().mapToLong(Long::longValue).sum();
    List<Bar> bars = new ArrayList<>();
    for (String kind : ordered(primary.keySet(), KINDS)) {
      long n = primary.getOrDefault(kind, 0L);
      bars.add(new Bar(kind, n, count(n) + " (" + percent((double) n / total) + ")", "tone-leak"));
    }
    return bars;
  }

  private static List<Bar> evidenceBars(Map<String, Long> counts) {
    List<Bar> bars = new ArrayList<>();
    for (String kind : ordered(counts.keySet(), KINDS)) {
      long n = counts.getOrDefault(kind, 0L);
      bars.add(new Bar(kind, n, count(n), "tone-info"));
    }
    return bars;
  }

  private static void missingConsents(StringBuilder page, VerdictFigures verdicts) {
    open(page, "missing", "Most frequent missing consents");
    if (verdicts == null) {
      notComputed(page, NOT_JUDGED);
      close(page);
      return;
    }
    Map<String, Long> missing = verdicts == null ? Map.of() : map(verdicts.missingConsents());
    if (missing.isEmpty()) {
      notComputed(page, "No consent was missing.");
      close(page);
      return;
    }
    List<Bar> bars = new ArrayList<>();
    byCountDescending(missing).entrySet().stream()
        .limit(TOP_MISSING_CONSENTS)
        .forEach(
            e -> bars.add(new Bar(e.getKey(), e.getValue(), count(e.getValue()), "tone-risk")));
    page.append("<p class=\"muted\">How often each consent was missing from the primary evidence")
        .append(" of a LEAK, AT_RISK or STALE recommendation, as <code>role.setting</code>.</p>\n")
        .append(Charts.bars("missing-chart", "Most frequent missing consents", bars));
    if (missing.size() > TOP_MISSING_CONSENTS) {
      page.append("\n<p class=\"muted\">")
          .append(count(missing.size() - TOP_MISSING_CONSENTS))
          .append(" less frequent consents are not shown.</p>");
    }
    page.append('\n');
    close(page);
  }

  private static void reasons(StringBuilder page, List<Input> inputs) {
    open(page, "reasons", "Rejected and ignored rows by reason");
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (Input input : inputs) {
      map(input.reasons()).forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
    }
    if (reasons.isEmpty()) {
      notComputed(page, "No row was rejected or ignored.");
      close(page);
      return;
    }
    List<Bar> bars = new ArrayList<>();
    byCountDescending(reasons)
        .forEach(
            (reason, n) -> {
              boolean ignored = isIgnored(reason);
              bars.add(
                  new Bar(
                      ignored ? reason + " (ignored)" : reason,
                      n,
                      count(n),
                      ignored ? "tone-none" : "tone-leak"));
            });
    page.append("<p class=\"muted\">Over all input files. Rejected rows are listed in")
        .append(" <code>rejects.csv</code>; ignored rows are harmless and shown in grey.</p>\n")
        .append(Charts.bars("reason-chart", "Rows by reason", bars))
        .append('\n');
    close(page);
  }

  private static void shadows(StringBuilder page, ShadowFigures shadows) {
    open(page, "shadows", "Shadow profiles");
    if (shadows == null) {
      notComputed(page, "Shadow profiles were not computed in this run.");
      close(page);
      return;
    }
    page.append("<p class=\"muted\">Numbers of people who never joined, held in the phonebooks")
        .append(" of accounts: the app knows their circle.</p>\n<div class=\"figures\">");
    figure(page, count(shadows.shadowNumbers()), "shadow numbers held");
    figure(
        page,
        count(shadows.heldByAtLeastK()),
        "held by at least " + count(shadows.minHolders()) + " accounts");
    figure(page, count(shadows.maxHolders()), "most holders of one number");
    figure(page, count(shadows.signUpReach()), "accounts a sign-up would notify");
    page.append("</div>\n");
    histogram(
        page,
        "shadow-chart",
        "Shadow numbers by number of holders",
        "accounts holding the number",
        shadows.holderHistogram());
    close(page);
  }

  private static void exposure(StringBuilder page, ExposureFigures exposure) {
    open(page, "exposure", "Default exposure");
    if (exposure == null) {
      notComputed(page, "Default exposure was not computed in this run.");
      close(page);
      return;
    }
    page.append("<p class=\"muted\">Accounts whose activity is visible to their contacts only")
        .append(" because of a default, never an explicit choice.</p>\n<div class=\"figures\">");
    figure(page, count(exposure.exposedAccounts()), "accounts exposed by default");
    figure(page, count(exposure.audience()), "contacts who can see their activity");
    page.append("</div>\n");
    histogram(
        page,
        "exposure-chart",
        "Exposed accounts by audience",
        "mutual contacts who can see the activity",
        exposure.audienceHistogram());
    close(page);
  }

  private static void histogram(
      StringBuilder page, String id, String title, String axis, Map<String, Long> buckets) {
    Map<String, Long> histogram = map(buckets);
    if (histogram.isEmpty()) {
      notComputed(page, "The distribution is empty.");
      return;
    }
    List<Bar> bars = new ArrayList<>();
    byLeadingNumber(histogram)
        .forEach((bucket, n) -> bars.add(new Bar(bucket, n, count(n), "tone-info")));
    page.append(Charts.columns(id, title, axis, bars)).append('\n');
  }

  private static void examples(StringBuilder page, List<Example> examples) {
    open(page, "examples", "Example leaks");
    if (examples.isEmpty()) {
      notComputed(page, "No example to show.");
      close(page);
      return;
    }
    page.append("<table>\n<thead><tr><th scope=\"col\" class=\"n\">Line</th>")
        .append("<th scope=\"col\">Viewer</th><th scope=\"col\">Candidate</th>")
        .append("<th scope=\"col\">Shown at</th><th scope=\"col\">Verdict</th>")
        .append("<th scope=\"col\">Primary kind</th><th scope=\"col\">Missing consents</th>")
        .append("<th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
    for (Example example : examples) {
      page.append("<tr>");
      cell(page, count(example.line()));
      page.append("<td class=\"id\"><code>")
          .append(escape(text(example.viewerId())))
          .append("</code></td><td class=\"id\"><code>")
          .append(escape(text(example.candidateId())))
          .append("</code></td><td class=\"when\">")
          .append(escape(text(example.shownAt())))
          .append("</td><td class=\"")
          .append("LEAK".equals(example.verdict()) ? "bad" : "")
          .append("\">")
          .append(escape(text(example.verdict())))
          .append("</td><td>")
          .append(escape(text(example.primaryKind())));
      List<String> kinds = list(example.kinds());
      if (kinds.size() > 1) {
        page.append("<br><span class=\"muted\">all: ")
            .append(escape(String.join(", ", kinds)))
            .append("</span>");
      }
      page.append("</td><td>")
          .append(escape(String.join(", ", list(example.missingConsents()))))
          .append("</td><td>")
          .append(escape(text(example.evidence())))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
    close(page);
  }

  private static void budgets(StringBuilder page, List<Budget> budgets) {
    open(page, "budgets", "Budgets");
    if (budgets.isEmpty()) {
      notComputed(page, "No budget was set.");
      close(page);
      return;
    }
    long exceeded = budgets.stream().filter(Budget::exceeded).count();
    page.append(
            exceeded == 0
                ? "<p class=\"good\">Every budget was kept.</p>\n"
                : "<p class=\"bad\">"
                    + count(exceeded)
                    + " of "
                    + count(budgets.size())
                    + " budgets exceeded.</p>\n")
        .append("<table>\n<thead><tr><th scope=\"col\">Budget</th>")
        .append("<th scope=\"col\" class=\"n\">Limit</th><th scope=\"col\" class=\"n\">Actual</th>")
        .append("<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
    for (Budget budget : budgets) {
      page.append(budget.exceeded() ? "<tr class=\"exceeded\">" : "<tr>")
          .append("<th scope=\"row\">")
          .append(escape(text(budget.name())))
          .append("</th>");
      cell(page, percent(budget.limit()));
      cell(page, percent(budget.actual()));
      page.append(
          budget.exceeded()
              ? "<td class=\"bad\">✗ exceeded</td></tr>\n"
              : "<td class=\"good\">✓ kept</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
    close(page);
  }

  private static void timings(StringBuilder page, Map<String, Long> timings) {
    open(page, "timings", "Timings");
    if (timings.isEmpty()) {
      notComputed(page, "No timings were recorded.");
      close(page);
      return;
    }
    long total = timings.values().stream().mapToLong(Long::longValue).sum();
    List<Bar> bars = new ArrayList<>();
    timings.forEach((phase, ms) -> bars.add(new Bar(phase, ms, count(ms) + " ms", "tone-none")));
    page.append("<p>Wall time <strong>")
        .append(count(total))
        .append(" ms</strong> over ")
        .append(count(timings.size()))
        .append(" phases.</p>\n")
        .append(Charts.bars("timing-chart", "Wall time per phase, in milliseconds", bars))
        .append('\n');
    close(page);
  }

  private static void open(StringBuilder page, String id, String title) {
    page.append("<section id=\"")
        .append(id)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-h\">\n<h2 id=\"")
        .append(id)
        .append("-h\">")
        .append(escape(title))
        .append("</h2>\n");
  }

  private static void close(StringBuilder page) {
    page.append("</section>\n");
  }

  private static void notComputed(StringBuilder page, String line) {
    page.append("<p class=\"muted\">").append(escape(line)).append("</p>\n");
  }

  private static void figure(StringBuilder page, String value, String name) {
    page.append("<div class=\"figure\"><span class=\"value\">")
        .append(escape(value))
        .append("</span><span class=\"name\">")
        .append(escape(name))
        .append("</span></div>");
  }

  private static void cell(StringBuilder page, String number) {
    page.append("<td class=\"n\">").append(escape(number)).append("</td>");
  }

  private static String verdictTone(String verdict) {
    return switch (verdict) {
      case "OK" -> "tone-ok";
      case "AT_RISK" -> "tone-risk";
      case "LEAK", "STALE" -> "tone-leak";
      default -> "tone-none";
    };
  }

  private static String explanationTone(String verdict) {
    return switch (verdict) {
      case "SUPPORTED" -> "tone-ok";
      case "DISCLOSES" -> "tone-leak";
      case "FALSE" -> "tone-risk";
      default -> "tone-none";
    };
  }

  private static boolean isIgnored(String reason) {
    return Arrays.stream(Reason.values())
        .anyMatch(r -> r.name().equals(reason) && r.outcome() == RowOutcome.IGNORED);
  }

  /** The known keys in their order (all of them, present or not), then the others as given. */
  private static List<String> ordered(Iterable<String> present, List<String> known) {
    List<String> keys = new ArrayList<>(known);
    for (String key : present) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static Map<String, Long> byCountDescending(Map<String, Long> counts) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Buckets in the order of the first number in their label ("1", "3-4", "10+"); others last. */
  private static Map<String, Long> byLeadingNumber(Map<String, Long> buckets) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    buckets.entrySet().stream()
        .sorted(Comparator.comparingLong(e -> leadingNumber(e.getKey())))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static long leadingNumber(String label) {
    Matcher m = LEADING_NUMBER.matcher(label);
    if (!m.find()) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  private static String toolName(RunSummary summary) {
    RunSummary.Tool tool = summary.tool();
    if (tool == null) {
      return "contact-audit";
    }
    return (text(tool.name()) + " " + text(tool.version())).strip();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
