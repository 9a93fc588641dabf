package org.contactaudit.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.contactaudit.analysis.DefaultExposure;
import org.contactaudit.analysis.ShadowProfiles;
import org.contactaudit.audit.Policy;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.io.AuditInput;
import org.contactaudit.phone.Pseudonymizer;

/**
 * Computes the shadow profiles and the default exposure of a run at its as-of time
 * (docs/ANALYSES.md, definitions in {@code docs/ANALYSES.md}), writes {@code shadow_profiles.csv}
 * and {@code exposures.csv}, and returns their figures for the run summary.
 *
 * <ul>
 *   <li>{@code shadow_profiles.csv}: {@code number_pseudonym,holders}, one row per shadow number
 *       held by at least k accounts, by holders descending then pseudonym. The pseudonym is the
 *       run's keyed hash of the number's canonical text; the number itself is never written.
 *   <li>{@code exposures.csv}: {@code account_id,audience}, one row per account exposed by default,
 *       by audience descending then written id; ids as the run names accounts, spreadsheet-safe.
 * </ul>
 *
 * <p>Cost: the two analyses are linear in the graph; one HMAC per listed shadow number; the rows
 * are sorted in memory (about 100 bytes a row).
 */
public final class AnalysesWriter {
  static final String SHADOWS_FILE = "shadow_profiles.csv";
  static final String EXPOSURES_FILE = "exposures.csv";
  private static final String[] SHADOWS_HEADER = {"number_pseudonym", "holders"};
  private static final String[] EXPOSURES_HEADER = {"account_id", "audience"};

  /** The figures of both analyses, for the run summary. */
  public record Figures(RunSummary.ShadowFigures shadows, RunSummary.ExposureFigures exposure) {}

  private record Row(String name, int count) {}

  private static final Comparator<Row> ORDER =
      Comparator.comparingInt(Row::count).reversed().thenComparing(Row::name);

  private AnalysesWriter() {}

  /**
   * Writes both files into {@code out} and returns the figures.
   *
   * @param minHolders the run's k: shadow numbers held by fewer accounts are counted, not listed
   * @param key the run's pseudonymization key
   * @param names how the run writes account ids
   */
  public static Figures write(
      AuditInput input,
      Policy policy,
      int minHolders,
      Pseudonymizer key,
      AccountNames names,
      StagedOutput out)
      throws IOException {
    ContactGraph graph = input.graph();
    long t = input.asOf();

    ShadowProfiles shadows = ShadowProfiles.of(graph, t);
    List<Row> shadowRows = new ArrayList<>();
    shadows.forEachHeldByAtLeast(
        minHolders,
        (x, holders) ->
            shadowRows.add(
                new Row(key.pseudonym(input.decoder().canonical(graph.numberKey(x))), holders)));
    write(out.file(SHADOWS_FILE), SHADOWS_HEADER, shadowRows);

    DefaultExposure exposure = DefaultExposure.of(graph, input.consents(), policy, t);
    List<Row> exposureRows = new ArrayList<>();
    exposure.forEach(
        (a, audience) ->
            exposureRows.add(new Row(CsvCells.safe(names.name(graph.accountId(a))), audience)));
    write(out.file(EXPOSURES_FILE), EXPOSURES_HEADER, exposureRows);

    return new Figures(
        new RunSummary.ShadowFigures(
            shadows.shadowNumbers(),
            minHolders,
            shadows.heldByAtLeast(minHolders),
            shadows.histogram(),
            shadows.maxHolders(),
            shadows.signUpReach(minHolders)),
        new RunSummary.ExposureFigures(
            exposure.exposedAccounts(), exposure.audience(), exposure.histogram()));
  }

  private static void write(Path file, String[] header, List<Row> rows) throws IOException {
    rows.sort(ORDER);
    try (CSVPrinter printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(header)
            .get()
            .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (Row r : rows) {
        printer.printRecord(r.name(), r.count());
      }
    }
  }
}
