package org.contactaudit.analysis;

import java.util.List;

/**
 * What the {@link Strategy strategies} would have suggested, judged with the rules, and what the
 * probe attack learns from each (see {@link Simulator}).
 *
 * @param at the instant simulated, in epoch milliseconds
 * @param topK suggestions per viewer and strategy, at most
 * @param viewers how many viewers were simulated
 * @param usefulSlots the useful suggestions: summed over the viewers, {@code min(topK, accounts
 *     linked to the viewer by any evidence)}, what the union of the strategies would fill
 *     unfiltered
 * @param probeTargets how many numbers were probed
 * @param strategies the figures of each strategy, in {@link Strategy} order
 */
public record Simulation(
    long at,
    int topK,
    int viewers,
    long usefulSlots,
    int probeTargets,
    List<StrategyFigures> strategies) {

  /** Copies the list. */
  public Simulation {
    strategies = List.copyOf(strategies);
  }

  /** The figures of one strategy. */
  public StrategyFigures figures(Strategy s) {
    return strategies.get(s.ordinal());
  }

  /**
   * The share of the useful suggestions that {@link Strategy#CONSENT_SAFE} keeps: its suggestions
   * over {@link #usefulSlots()}; {@code 0} without useful suggestions.
   */
  public double keptShare() {
    return usefulSlots == 0
        ? 0
        : (double) figures(Strategy.CONSENT_SAFE).suggestions() / usefulSlots;
  }

  /**
   * The figures of one strategy.
   *
   * @param strategy the strategy
   * @param suggestions suggestions made to the viewers
   * @param ok suggestions judged OK
   * @param atRisk suggestions judged AT_RISK
   * @param leak suggestions judged LEAK
   * @param unexplained suggestions judged UNEXPLAINED (none: every suggestion has evidence)
   * @param probes numbers probed
   * @param probeRevealed holders of the probed numbers among the suggestions to the fake accounts,
   *     summed over the probes
   * @param probeMaxRevealed the most holders one probe revealed
   * @param probeRevealedWithoutConsent of {@code probeRevealed}, those whose suggestion to the fake
   *     account is not consensual (LEAK or AT_RISK)
   * @param probeMaxRevealedWithoutConsent the most holders one probe revealed without consent
   */
  public record StrategyFigures(
      Strategy strategy,
      long suggestions,
      long ok,
      long atRisk,
      long leak,
      long unexplained,
      int probes,
      long probeRevealed,
      int probeMaxRevealed,
      long probeRevealedWithoutConsent,
      int probeMaxRevealedWithoutConsent) {

    /** The share of suggestions judged LEAK or AT_RISK; {@code 0} without suggestions. */
    public double leakRate() {
      return suggestions == 0 ? 0 : (double) (leak + atRisk) / suggestions;
    }

    /** The mean holders revealed per probe; {@code 0} without probes. */
    public double probeMeanRevealed() {
      return probes == 0 ? 0 : (double) probeRevealed / probes;
    }

    /** The mean holders revealed without consent per probe; {@code 0} without probes. */
    public double probeMeanRevealedWithoutConsent() {
      return probes == 0 ? 0 : (double) probeRevealedWithoutConsent / probes;
    }
  }
}
