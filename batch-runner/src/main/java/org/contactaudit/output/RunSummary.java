package org.contactaudit.output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.contactaudit.io.FileSummary;

/**
 * Everything {@code summary.json} says about a run, and what {@code report.html} shows. Field names
 * are the JSON names (snake case through Jackson's naming strategy). Counts are exact; rates are
 * shares of the accepted recommendations.
 *
 * @param tool the tool's name and version
 * @param startedAt when the run started (ISO-8601)
 * @param options the options that shape the result
 * @param policy the policy as key-value entries
 * @param sourceChecked whether consents.csv had a source column
 * @param notes remarks a reader must see (such as "default-versus-explicit was not checked")
 * @param inputs the accounting of each input file
 * @param graph figures of the contact graph
 * @param verdicts the verdict figures
 * @param shadows the shadow-profile figures, or null when not computed
 * @param exposure the default-exposure figures, or null when not computed
 * @param examples a few leaks with their evidence, for people
 * @param budgets the budgets of the run and whether each was exceeded
 * @param timingsMs wall time per phase in milliseconds, in phase order
 */
public record RunSummary(
    Tool tool,
    String startedAt,
    Map<String, Object> options,
    Map<String, String> policy,
    boolean sourceChecked,
    List<String> notes,
    List<Input> inputs,
    GraphFigures graph,
    VerdictFigures verdicts,
    ShadowFigures shadows,
    ExposureFigures exposure,
    List<Example> examples,
    List<Budget> budgets,
    Map<String, Long> timingsMs) {

  /** The tool that made the run. */
  public record Tool(String name, String version) {}

  /** The note of a run whose consents.csv has no source column. */
  public static final String SOURCE_NOT_CHECKED =
      "consents.csv has no source column: every record counts as explicit;"
          + " default-versus-explicit consent was not checked";

  /** The accounting of one input file: read = accepted + duplicate + ignored + rejected. */
  public record Input(
      String file,
      String name,
      long bytes,
      String sha256,
      long read,
      long accepted,
      long duplicate,
      long ignored,
      long rejected,
      Map<String, Long> reasons,
      List<String> unknownColumns) {

    /** The accounting of a file as the reader made it, reasons by name. */
    public static Input of(FileSummary f) {
      Map<String, Long> reasons = new TreeMap<>();
      f.reasons().forEach((r, n) -> reasons.put(r.name(), n));
      return new Input(
          f.file().fileName(),
          f.name(),
          f.bytes(),
          f.sha256(),
          f.read(),
          f.accepted(),
          f.duplicate(),
          f.ignored(),
          f.rejected(),
          reasons,
          f.unknownColumns());
    }
  }

  /** Figures of the contact graph. */
  public record GraphFigures(
      int accounts,
      int numbers,
      int userNumbers,
      int shadowNumbers,
      long entries,
      boolean timed,
      long adjacencyBytes,
      double adjacencyBytesPerEntry,
      long timeBytes) {}

  /**
   * The verdicts of the accepted recommendations.
   *
   * @param judged how many were judged
   * @param counts the count of each verdict (OK, AT_RISK, LEAK, STALE, UNEXPLAINED)
   * @param rates the share of each verdict
   * @param leakRate the share of LEAK, AT_RISK and STALE: what discloses something without consent
   * @param primaryKinds for LEAK, AT_RISK and STALE, the count of each primary kind
   * @param kinds the count of recommendations with evidence of each kind (for STALE, found counting
   *     deleted entries)
   * @param missingConsents the count of each missing consent over LEAK, AT_RISK and STALE, most
   *     first
   * @param explanations the count of each explanation verdict (recommendations with an explanation)
   * @param preRegistrationLeaks LEAK and AT_RISK whose primary evidence has a pre-registration
   *     entry
   * @param recycledNumberLeaks LEAK and AT_RISK whose primary evidence holds a recycled number
   */
  public record VerdictFigures(
      long judged,
      Map<String, Long> counts,
      Map<String, Double> rates,
      double leakRate,
      Map<String, Long> primaryKinds,
      Map<String, Long> kinds,
      Map<String, Long> missingConsents,
      Map<String, Long> explanations,
      long preRegistrationLeaks,
      long recycledNumberLeaks) {}

  /**
   * Shadow profiles (docs/ANALYSES.md).
   *
   * @param shadowNumbers shadow numbers held by at least one account
   * @param minHolders the run's k
   * @param heldByAtLeastK shadow numbers held by at least k accounts
   * @param holderHistogram bucket label ("1", "2", "3-4", "5-9", ...) to shadow numbers
   * @param maxHolders the most holders of one shadow number
   * @param signUpReach accounts a join notification would reach, summed over the numbers held by at
   *     least k
   */
  public record ShadowFigures(
      long shadowNumbers,
      int minHolders,
      long heldByAtLeastK,
      Map<String, Long> holderHistogram,
      int maxHolders,
      long signUpReach) {}

  /**
   * Default exposure (docs/ANALYSES.md).
   *
   * @param exposedAccounts accounts whose activity is visible to contacts only by default
   * @param audience the sum of their audiences (mutual contacts)
   * @param audienceHistogram bucket label to exposed accounts
   */
  public record ExposureFigures(
      long exposedAccounts, long audience, Map<String, Long> audienceHistogram) {}

  /** One leak, for people: who was shown whom, why, and what consent was missing. */
  public record Example(
      long line,
      String viewerId,
      String candidateId,
      String shownAt,
      String verdict,
      String primaryKind,
      List<String> kinds,
      List<String> missingConsents,
      String evidence) {}

  /** A budget of the run: a limit on a rate, and whether the run exceeded it. */
  public record Budget(String name, double limit, double actual, boolean exceeded) {
    /** The reject budget ({@code --max-reject-rate}): rejected rows over rows read, all files. */
    public static Budget rejectRate(double limit, List<FileSummary> files) {
      long read = 0;
      long rejected = 0;
      for (FileSummary f : files) {
        read += f.read();
        rejected += f.rejected();
      }
      double rate = read == 0 ? 0 : (double) rejected / read;
      return new Budget("max_reject_rate", limit, rate, rate > limit);
    }
  }
}
