package org.contactaudit.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.io.Recommendations;
import org.contactaudit.time.Times;

/**
 * Streams {@code verdicts.csv}: one row per accepted recommendation, in input order. Columns: the
 * input line, the ids, {@code shown_at} (empty when the input had none), surface, verdict, primary
 * kind, all kinds and missing consents (separated by {@code ;}), then for each kind the number of
 * consensual and non-consensual pieces, the shadow numbers among the shared contacts, the verdict
 * on the app's explanation (empty without one), and whether the primary evidence of a LEAK or
 * AT_RISK has a pre-registration entry and an entry holding a recycled number ({@code true} or
 * {@code false}).
 */
public final class VerdictsWriter implements AutoCloseable {
  private final CSVPrinter printer;
  private final ContactGraph graph;
  private final Recommendations recommendations;
  private final AccountNames names;
  private int next;

  /** Opens the file and writes the header. */
  public VerdictsWriter(
      Path file, ContactGraph graph, Recommendations recommendations, AccountNames names)
      throws IOException {
    this.printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(header())
            .get()
            .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    this.graph = graph;
    this.recommendations = recommendations;
    this.names = names;
  }

  /** The columns of verdicts.csv. */
  public static String[] header() {
    List<String> h =
        new ArrayList<>(
            List.of(
                "line",
                "viewer_id",
                "candidate_id",
                "shown_at",
                "surface",
                "verdict",
                "primary_kind",
                "kinds",
                "missing_consents"));
    for (Kind k : Kind.values()) {
      h.add(k.label() + "_consensual");
      h.add(k.label() + "_non_consensual");
    }
    h.add("shadow_shared_contacts");
    h.add("explanation_verdict");
    h.add("pre_registration");
    h.add("recycled_number");
    return h.toArray(new String[0]);
  }

  /** Writes the judgment of the next recommendation, in input order. */
  public void write(Judgment j) {
    int i = next++;
    try {
      printer.printRecord(
          cells(
              recommendations.line(i),
              names.name(graph.accountId(j.viewer())),
              names.name(graph.accountId(j.candidate())),
              recommendations.shownAt(i),
              recommendations.surface(i),
              j));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write verdicts.csv", e);
    }
  }

  /**
   * The cells of one row of verdicts.csv, in {@link #header()} order: the one place that lays a
   * judgment out, for this writer and for the distributed job.
   *
   * @param viewerName the viewer's id as written (given or pseudonymized)
   * @param candidateName the candidate's id as written
   * @param shownAt the input's {@code shown_at}, or {@link Times#ALWAYS} when it had none
   */
  public static List<Object> cells(
      long line,
      String viewerName,
      String candidateName,
      long shownAt,
      String surface,
      Judgment j) {
    List<Object> row = new ArrayList<>();
    row.add(line);
    row.add(CsvCells.safe(viewerName));
    row.add(CsvCells.safe(candidateName));
    row.add(Times.format(shownAt));
    row.add(CsvCells.safe(surface));
    row.add(j.verdict().name());
    row.add(j.primaryKind().map(Kind::name).orElse(""));
    StringBuilder kinds = new StringBuilder();
    for (Kind k : j.kinds()) {
      kinds.append(kinds.length() == 0 ? "" : ";").append(k.name());
    }
    row.add(kinds.toString());
    row.add(String.join(";", j.missingConsents()));
    for (Kind k : Kind.values()) {
      row.add(j.consensual(k));
      row.add(j.nonConsensual(k));
    }
    row.add(j.shadowSharedContacts());
    row.add(j.explanationVerdict().map(Enum::name).orElse(""));
    row.add(j.preRegistration());
    row.add(j.recycledNumber());
    return row;
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
