package org.contactaudit.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contactaudit.analysis.Simulation;
import org.contactaudit.analysis.Strategy;
import org.contactaudit.io.FileSummary;
import org.contactaudit.time.Times;

/**
 * Everything {@code simulation.json} says about a run of {@code contact-audit simulate}; field
 * names are the JSON names (snake case). Counts, and the input files' names and hashes: no account
 * id, no number.
 *
 * @param tool the tool's name and version
 * @param startedAt when the run started (ISO-8601)
 * @param options the options that shape the result
 * @param policy the policy as key-value entries
 * @param inputs the accounting of each input file, as in {@code summary.json}
 * @param graph figures of the contact graph
 * @param at the instant simulated (ISO-8601; empty for the end of time)
 * @param topK suggestions per viewer and strategy, at most
 * @param viewers viewers simulated
 * @param usefulSlots useful suggestions: per viewer, {@code min(topK, accounts with evidence)}
 * @param keptShare the share of the useful suggestions the consent-safe strategy keeps
 * @param probeTargets numbers probed
 * @param strategies the figures of each strategy
 * @param notes what the reader of the figures should know, such as {@link
 *     RunSummary#SOURCE_NOT_CHECKED}
 * @param budgets the budgets checked ({@code --max-reject-rate}), empty when none was given
 * @param timingsMs wall time per phase in milliseconds
 */
public record SimulationSummary(
    RunSummary.Tool tool,
    String startedAt,
    Map<String, Object> options,
    Map<String, String> policy,
    List<RunSummary.Input> inputs,
    RunSummary.GraphFigures graph,
    String at,
    int topK,
    int viewers,
    long usefulSlots,
    double keptShare,
    int probeTargets,
    List<StrategyRow> strategies,
    List<String> notes,
    List<RunSummary.Budget> budgets,
    Map<String, Long> timingsMs) {

  /**
   * One strategy: its suggestions and their verdicts, and what the probe attack revealed.
   *
   * @param strategy the strategy's label, such as {@code shared_contacts}
   * @param suggestions suggestions made
   * @param ok suggestions judged OK
   * @param atRisk suggestions judged AT_RISK
   * @param leak suggestions judged LEAK
   * @param unexplained suggestions judged UNEXPLAINED
   * @param leakRate the share of LEAK and AT_RISK
   * @param keptShare for {@code consent_safe}, the share of the useful suggestions it keeps; null
   *     for the others
   * @param probeMeanRevealed holders of the target revealed per probe, on average
   * @param probeMaxRevealed the most holders one probe revealed
   * @param probeMeanRevealedWithoutConsent holders revealed without consent per probe, on average
   * @param probeMaxRevealedWithoutConsent the most holders one probe revealed without consent
   */
  public record StrategyRow(
      String strategy,
      long suggestions,
      long ok,
      long atRisk,
      long leak,
      long unexplained,
      double leakRate,
      Double keptShare,
      double probeMeanRevealed,
      int probeMaxRevealed,
      double probeMeanRevealedWithoutConsent,
      int probeMaxRevealedWithoutConsent) {}

  /** The summary of a simulation of the inputs that {@code files} account for. */
  public static SimulationSummary of(
      String version,
      String startedAt,
      Map<String, Object> options,
      Map<String, String> policy,
      List<FileSummary> files,
      RunSummary.GraphFigures graph,
      Simulation sim,
      List<String> notes,
      List<RunSummary.Budget> budgets,
      Map<String, Long> timingsMs) {
    List<StrategyRow> rows = new ArrayList<>();
    for (Simulation.StrategyFigures f : sim.strategies()) {
      rows.add(
          new StrategyRow(
              f.strategy().label(),
              f.suggestions(),
              f.ok(),
              f.atRisk(),
              f.leak(),
              f.unexplained(),
              f.leakRate(),
              f.strategy() == Strategy.CONSENT_SAFE ? sim.keptShare() : null,
              f.probeMeanRevealed(),
              f.probeMaxRevealed(),
              f.probeMeanRevealedWithoutConsent(),
              f.probeMaxRevealedWithoutConsent()));
    }
    List<RunSummary.Input> inputs = new ArrayList<>();
    for (FileSummary f : files) {
      inputs.add(RunSummary.Input.of(f));
    }
    return new SimulationSummary(
        new RunSummary.Tool("contact-audit", version),
        startedAt,
        options,
        policy,
        List.copyOf(inputs),
        graph,
        Times.format(sim.at()),
        sim.topK(),
        sim.viewers(),
        sim.usefulSlots(),
        sim.keptShare(),
        sim.probeTargets(),
        List.copyOf(rows),
        List.copyOf(notes),
        List.copyOf(budgets),
        timingsMs);
  }
}
