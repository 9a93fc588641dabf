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
 * consensual and non-consensual pieces, and the shadow numbers among the shared contacts.
 */
public final class VerdictsWriter implements AutoCloseable {
  private final CSVPrinter printer;
  private final ContactGraph graph;
  private final Recommendations recommendations;
  private final AccountNames names;
  private final List<Object> row = new ArrayList<>();
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

  static String[] header() {
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
    return h.toArray(new String[0]);
  }

  /** Writes the judgment of the next recommendation, in input order. */
  public void write(Judgment j) {
    int i = next++;
    row.clear();
    row.add(recommendations.line(i));
    row.add(CsvCells.safe(names.name(graph.accountId(j.viewer()))));
    row.add(CsvCells.safe(names.name(graph.accountId(j.candidate()))));
    row.add(Times.format(recommendations.shownAt(i)));
    row.add(CsvCells.safe(recommendations.surface(i)));
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
    try {
      printer.printRecord(row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write verdicts.csv", e);
    }
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
