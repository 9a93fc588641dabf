package org.contactaudit.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code simulation.csv} (one row per strategy) and {@code simulation.json} (the {@link
 * SimulationSummary}), and prints the table a person reads.
 */
public final class SimulationWriter {
  static final String CSV_FILE = "simulation.csv";
  static final String JSON_FILE = "simulation.json";
  private static final String[] HEADER = {
    "strategy",
    "suggestions",
    "ok",
    "at_risk",
    "leak",
    "unexplained",
    "leak_rate",
    "kept_share",
    "probe_targets",
    "probe_mean_revealed",
    "probe_max_revealed",
    "probe_mean_revealed_without_consent",
    "probe_max_revealed_without_consent"
  };

  private SimulationWriter() {}

  /** Writes both files into the staged output folder. */
  public static void write(SimulationSummary s, StagedOutput out) throws IOException {
    try (CSVPrinter printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(HEADER)
            .get()
            .print(Files.newBufferedWriter(out.file(CSV_FILE), StandardCharsets.UTF_8))) {
      for (SimulationSummary.StrategyRow r : s.strategies()) {
        printer.printRecord(
            r.strategy(),
            r.suggestions(),
            r.ok(),
            r.atRisk(),
            r.leak(),
            r.unexplained(),
            decimal(r.leakRate()),
            r.keptShare() == null ? "" : decimal(r.keptShare()),
            s.probeTargets(),
            decimal(r.probeMeanRevealed()),
            r.probeMaxRevealed(),
            decimal(r.probeMeanRevealedWithoutConsent()),
            r.probeMaxRevealedWithoutConsent());
      }
    }
    SummaryWriter.mapper().writeValue(out.file(JSON_FILE).toFile(), s);
  }

  private static String decimal(double d) {
    return String.format(Locale.ROOT, "%.4f", d);
  }

  /** Prints the figures as a table. */
  public static void print(SimulationSummary s, PrintWriter w) {
    w.printf(
        Locale.ROOT,
        "simulated %,d viewers (top %d suggestions per strategy) and %,d probe targets%n",
        s.viewers(),
        s.topK(),
        s.probeTargets());
    w.printf(
        Locale.ROOT,
        "%-17s %12s %10s %10s %10s %9s %11s %10s %12s%n",
        "strategy",
        "suggestions",
        "OK",
        "AT_RISK",
        "LEAK",
        "leak rate",
        "probe mean",
        "probe max",
        "w/o consent");
    for (SimulationSummary.StrategyRow r : s.strategies()) {
      w.printf(
          Locale.ROOT,
          "%-17s %,12d %,10d %,10d %,10d %8.1f%% %11.2f %10d %12.2f%n",
          r.strategy(),
          r.suggestions(),
          r.ok(),
          r.atRisk(),
          r.leak(),
          100 * r.leakRate(),
          r.probeMeanRevealed(),
          r.probeMaxRevealed(),
          r.probeMeanRevealedWithoutConsent());
    }
    w.printf(
        Locale.ROOT,
        "consent_safe keeps %.1f%% of the %,d useful suggestions%n",
        100 * s.keptShare(),
        s.usefulSlots());
  }
}
