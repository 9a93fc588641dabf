package org.contactaudit.io;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * each record to the caller with the physical line where it starts, as the cells of the file's
 * known columns ({@link InputFile#columns()}). Cells of unknown columns are dropped with their
 * record and never kept. Computes the SHA-256 of the file's bytes as it reads.
 *
 * <p>Public so that another engine (the Spark job) splits a file into rows exactly as {@link
 * DatasetReader} does, from any {@link InputSource}. Not thread-safe; read once.
 */
public final class CsvTable implements AutoCloseable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final InputFile file;
  private final InputSource source;
  private final String name;
  private final MessageDigest digest;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final List<String> unknown = new ArrayList<>();
  private final int width;
  private final int[] knownCells;
  private long lineAfterPrevious;

  /**
   * Whether the parser stopped inside a row (a character after a closing quote) that was reported:
   * the rest of its line, which comes back as a record of its own or fails again, is skipped.
   */
  private boolean inBrokenRow;

  private CsvTable(InputFile file, InputSource source) {
    this.file = file;
    this.source = source;
    this.name = source.name();
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
    try {
      this.parser = CSVParser.builder().setReader(open(source, digest)).setFormat(FORMAT).get();
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw fatal(
          "", name + ": the file does not exist at " + source.location() + "; " + expected(), e);
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
    List<String> columnsOfFile = file.columns();
    this.knownCells = new int[columnsOfFile.size()];
    for (int i = 0; i < knownCells.length; i++) {
      knownCells[i] = column(columnsOfFile.get(i));
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

  /**
   * Opens a local file and reads its header; throws {@link InputException} on any fatal problem.
   */
  static CsvTable open(InputFile file, Path path) {
    return new CsvTable(file, InputSource.of(path));
  }

  /**
   * Opens a file from any source and reads its header.
   *
   * @throws InputException when the file is missing or unreadable, or a required column is missing
   */
  public static CsvTable open(InputFile file, InputSource source) {
    return new CsvTable(file, source);
  }

  /**
   * Checks that the file exists and has the required columns, then closes it.
   *
   * @throws InputException naming the file and the column
   */
  public static void checkHeader(InputFile file, InputSource source) {
    try (CsvTable table = open(file, source)) {
      table.unknownColumns();
    }
  }

  private static Reader open(InputSource source, MessageDigest digest) throws IOException {
    InputStream in = new DigestInputStream(source.open(), digest);
    if (source.name().endsWith(".gz")) {
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

  /** The file's name as given, such as {@code contacts.csv}. */
  public String name() {
    return name;
  }

  /** The index of a column in the header, or {@code -1} when the file does not have it. */
  int column(String column) {
    return columns.getOrDefault(column, -1);
  }

  /** Whether the header has this column (lower case). */
  public boolean hasColumn(String column) {
    return columns.containsKey(column);
  }

  /** The header's columns that the analyzer does not use. */
  public List<String> unknownColumns() {
    return unknown;
  }

  /**
   * Visits every record, in file order; a record whose fields are broken is reported as malformed.
   * Blank lines are not rows: they are skipped and not counted.
   */
  public void forEach(RowVisitor visitor) {
    while (next(visitor)) {
      // each call visits one record
    }
  }

  /**
   * Visits the next record, well-formed or malformed: a pull-style {@link #forEach}. Blank lines
   * are skipped, not visited.
   *
   * @return false at the end of the file, when nothing was visited
   * @throws InputException when the bytes cannot be read (a truncated .gz, a disk error), naming
   *     the file and the last line read
   */
  public boolean next(RowVisitor visitor) {
    // Empty lines are read as records (not skipped by the parser) so that the line count stays
    // right: the line where a record starts is the line after the end of the previous one.
    while (true) {
      CSVRecord record;
      long start = lineAfterPrevious + 1;
      try {
        if (!records.hasNext()) {
          return false;
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
          return true;
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
        return true;
      }
      visitor.row(start, cells(record));
      return true;
    }
  }

  /** The trimmed cells of the known columns, an empty string where the file lacks the column. */
  private String[] cells(CSVRecord record) {
    String[] cells = new String[knownCells.length];
    for (int i = 0; i < knownCells.length; i++) {
      cells[i] = knownCells[i] < 0 ? "" : record.get(knownCells[i]).strip();
    }
    return cells;
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

  /** The size of the file in bytes, or {@code -1} when unknown. */
  public long bytes() {
    return source.size();
  }

  /**
   * The SHA-256 of the bytes read so far: the whole file once {@link #forEach} returned. Reading it
   * does not reset the digest, so every call gives the same hash for the same bytes.
   */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 cannot be read twice on this JVM", e);
    }
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
  public interface RowVisitor {
    /**
     * A well-formed record.
     *
     * @param line the physical line where it starts (the header is line 1)
     * @param cells the trimmed cells of {@link InputFile#columns()}, in that order
     */
    void row(long line, String[] cells);

    /** A record with unbalanced quotes or a wrong number of fields: rejected as MALFORMED_ROW. */
    void malformed(long line, String detail);
  }
}
