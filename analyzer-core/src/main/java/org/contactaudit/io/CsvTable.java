package org.contactaudit.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One input CSV file: RFC 4180, UTF-8 with an optional BOM, LF or CRLF, gzip when the name ends in
 * {@code .gz}. Finds columns by header name (lower case, trimmed), lists unknown ones, and hands
 * each record to the caller with the physical line where it starts. Cells of unknown columns are
 * dropped with their record and never kept. Computes the SHA-256 of the file's bytes as it reads.
 */
final class CsvTable implements AutoCloseable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final InputFile file;
  private final Path path;
  private final String name;
  private final MessageDigest digest;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final List<String> unknown = new ArrayList<>();
  private final int width;
  private long lineAfterPrevious;

  private CsvTable(InputFile file, Path path) {
    this.file = file;
    this.path = path;
    this.name = path.getFileName().toString();
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
    try {
      this.parser = CSVParser.builder().setReader(open(path, digest)).setFormat(FORMAT).get();
    } catch (NoSuchFileException e) {
      throw fatal("", name + ": the file does not exist at " + path + "; " + expected(), e);
    } catch (IOException e) {
      throw fatal("", name + ": cannot be read (" + e.getMessage() + ")", e);
    }
    this.records = parser.iterator();
    CSVRecord header;
    try {
      do {
        if (!records.hasNext()) {
          throw fatal("", name + ": the file is empty; " + expected(), null);
        }
        header = records.next();
      } while (isBlankLine(header));
    } catch (UncheckedIOException e) {
      throw fatal("", name + ": the header row cannot be parsed (" + e.getMessage() + ")", e);
    }
    this.width = header.size();
    this.lineAfterPrevious = parser.getCurrentLineNumber();
    List<String> known = new ArrayList<>(file.requiredColumns());
    known.addAll(file.optionalColumns());
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && column.startsWith("\uFEFF")) {
        column = column.substring(1).strip();
      }
      if (columns.containsKey(column)) {
        throw fatal(
            shown(column),
            name
                + ": line 1, column "
                + shown(column)
                + ": the column appears twice; keep one of them",
            null);
      }
      columns.put(column, i);
      if (!known.contains(column)) {
        unknown.add(shown(column));
      }
    }
    for (String required : file.requiredColumns()) {
      if (!columns.containsKey(required)) {
        throw fatal(
            required,
            name
                + ": required column '"
                + required
                + "' is missing; found columns: "
                + String.join(", ", columns.keySet().stream().map(CsvTable::shown).toList())
                + "; "
                + expected(),
            null);
      }
    }
  }

  /**
   * A header cell as it may be written out. A file without a header row has data in its first line,
   * maybe a phone number: a cell with three digits or more is never shown.
   */
  static String shown(String column) {
    int digits = 0;
    for (int i = 0; i < column.length(); i++) {
      if (Character.isDigit(column.charAt(i))) {
        digits++;
      }
    }
    return digits >= 3 ? "(a cell that looks like data: is the header row missing?)" : column;
  }

  /** Opens a file and reads its header; throws {@link InputException} on any fatal problem. */
  static CsvTable open(InputFile file, Path path) {
    return new CsvTable(file, path);
  }

  /** Checks that the file exists and has the required columns, then closes it. */
  static void checkHeader(InputFile file, Path path) {
    try (CsvTable table = open(file, path)) {
      table.unknownColumns();
    }
  }

  private static Reader open(Path path, MessageDigest digest) throws IOException {
    InputStream in = new DigestInputStream(Files.newInputStream(path), digest);
    if (path.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    } else {
      in = new BufferedInputStream(in, 1 << 16);
    }
    PushbackReader reader =
        new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
    int first = reader.read();
    if (first >= 0 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  private String expected() {
    return "expected a header row with the columns "
        + String.join(", ", file.requiredColumns())
        + " (optional: "
        + String.join(", ", file.optionalColumns())
        + ")";
  }

  private InputException fatal(String column, String message, Throwable cause) {
    return new InputException(name, column, message, cause);
  }

  String name() {
    return name;
  }

  /** The index of a column, or {@code -1} when the file does not have it. */
  int column(String column) {
    return columns.getOrDefault(column, -1);
  }

  List<String> unknownColumns() {
    return unknown;
  }

  /**
   * Visits every record; a record whose fields are broken is reported as malformed. Blank lines are
   * not rows: they are skipped and not counted.
   */
  void forEach(RowVisitor visitor) {
    // Empty lines are read as records (not skipped by the parser) so that the line count stays
    // right: the line where a record starts is the line after the end of the previous one.
    boolean inBrokenRow = false;
    while (true) {
      CSVRecord record;
      long start = lineAfterPrevious + 1;
      try {
        if (!records.hasNext()) {
          return;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof CSVException)) {
          // The bytes cannot be read (a truncated .gz, a disk error): retrying would fail forever.
          throw fatal(
              "",
              name
                  + ": cannot be read after line "
                  + lineAfterPrevious
                  + " ("
                  + e.getCause().getMessage()
                  + ")",
              e);
        }
        // A character after a closing quote, or a quote still open at the end of the file: the
        // parser stops inside the row. Report the row once; the rest of its line comes back as a
        // record of its own (or fails again) and belongs to the same broken row.
        lineAfterPrevious = parser.getCurrentLineNumber();
        if (!inBrokenRow) {
          visitor.malformed(
              start, "unbalanced or misplaced quotes; quote a whole field as \"...\"");
          inBrokenRow = true;
        }
        continue;
      }
      lineAfterPrevious = parser.getCurrentLineNumber();
      if (inBrokenRow) {
        inBrokenRow = false;
        continue;
      }
      if (isBlankLine(record)) {
        continue;
      }
      if (record.size() != width) {
        String detail =
            record.size()
                + (record.size() == 1 ? " field" : " fields")
                + " where the header has "
                + width
                + unbalancedQuoteHint(record);
        visitor.malformed(start, detail);
        continue;
      }
      visitor.row(start, record);
    }
  }

  private static boolean isBlankLine(CSVRecord record) {
    return record.size() == 0 || (record.size() == 1 && record.get(0).isEmpty());
  }

  private static String unbalancedQuoteHint(CSVRecord record) {
    for (String value : record) {
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        return " (a quote is probably left open: the row runs over several lines)";
      }
    }
    return "";
  }

  /** The size of the file in bytes. */
  long bytes() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The SHA-256 of the bytes read so far: the whole file once {@link #forEach} returned. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot be closed", e);
    }
  }

  /** What a reader does with each record. */
  interface RowVisitor {
    void row(long line, CSVRecord record);

    void malformed(long line, String detail);
  }
}
