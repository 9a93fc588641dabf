package org.contactaudit.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.contactaudit.io.Reject;
import org.contactaudit.io.RejectSink;

/**
 * Streams rejected rows to {@code rejects.csv}: {@code file,line,column,reason,detail}, in the
 * order they were read. Details never hold a raw phone number (the reader's contract).
 */
public final class RejectsWriter implements RejectSink, AutoCloseable {
  static final String[] HEADER = {"file", "line", "column", "reason", "detail"};

  /** The columns of rejects.csv. */
  public static String[] header() {
    return HEADER.clone();
  }

  /**
   * The cells of one row of rejects.csv, in {@link #header()} order: the one place that lays a
   * reject out, for this writer and for the distributed job.
   */
  public static List<Object> cells(Reject r, AccountNames names) {
    return List.of(
        CsvCells.safe(r.file()),
        r.line(),
        r.column(),
        r.reason().name(),
        CsvCells.safe(names.detail(r.detail())));
  }

  private final CSVPrinter printer;
  private final AccountNames names;
  private long written;

  /** Opens the file and writes the header. */
  public RejectsWriter(Path file, AccountNames names) throws IOException {
    this.printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(HEADER)
            .get()
            .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    this.names = names;
  }

  @Override
  public void accept(Reject r) {
    try {
      printer.printRecord(cells(r, names));
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rejects.csv", e);
    }
  }

  /** How many rows were written. */
  public long written() {
    return written;
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
