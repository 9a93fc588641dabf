package org.contactaudit.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A fast CSV row writer: fields are appended to a char buffer without allocation and the buffer is
 * handed to a UTF-8 writer over a 1 MiB output buffer (gzip-compressed when asked).
 *
 * <p>Nothing is quoted here: the callers write ids, digits, times and fixed words that never need
 * quoting, and free text (contact names) already encoded by commons-csv (see {@link Names}).
 */
final class CsvOut implements Closeable {
  /** A time that is not written (never, or unknown): the cell stays empty. */
  static final long NONE = Long.MAX_VALUE;

  private static final int FLUSH_AT = 1 << 16;

  private final Writer out;
  private char[] buf;
  private int pos;
  private long rows;

  private CsvOut(Writer out, int capacity) {
    this.out = out;
    this.buf = new char[capacity];
  }

  /** Opens a file for writing, gzip-compressed when asked (at the fastest level). */
  static CsvOut open(Path file, boolean gzip) throws IOException {
    OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    if (gzip) {
      stream = new FastGzip(stream);
    }
    return new CsvOut(new OutputStreamWriter(stream, StandardCharsets.UTF_8), FLUSH_AT + 1024);
  }

  /** A writer that only collects its text, for {@link #text()}. */
  static CsvOut inMemory() {
    return new CsvOut(null, 64);
  }

  /** The text collected by an in-memory writer. */
  String text() {
    return new String(buf, 0, pos);
  }

  /** Rows ended so far, the header included. */
  long rows() {
    return rows;
  }

  /** Writes a header row. */
  void header(String... names) {
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        comma();
      }
      str(names[i]);
    }
    endRow();
  }

  CsvOut chr(char c) {
    ensure(1);
    buf[pos++] = c;
    return this;
  }

  CsvOut comma() {
    return chr(',');
  }

  CsvOut str(String s) {
    int n = s.length();
    ensure(n);
    s.getChars(0, n, buf, pos);
    pos += n;
    return this;
  }

  /** A non-negative number in decimal. */
  CsvOut num(long v) {
    int width = 1;
    for (long x = v / 10; x > 0; x /= 10) {
      width++;
    }
    return digits(v, width);
  }

  /** The last {@code width} decimal digits of a non-negative number, zero-padded. */
  CsvOut digits(long v, int width) {
    ensure(width);
    long x = v;
    for (int i = pos + width - 1; i >= pos; i--) {
      buf[i] = (char) ('0' + x % 10);
      x /= 10;
    }
    pos += width;
    return this;
  }

  /**
   * An instant given in epoch seconds as ISO-8601 UTC ({@code 2020-06-01T10:00:00Z}); nothing for
   * {@link #NONE}. Years must lie in 1970-9999.
   */
  CsvOut time(long epochSecond) {
    if (epochSecond == NONE) {
      return this;
    }
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    digits(year, 4).chr('-').digits(month, 2).chr('-').digits(day, 2).chr('T');
    digits(secondOfDay / 3600, 2).chr(':').digits(secondOfDay / 60 % 60, 2).chr(':');
    return digits(secondOfDay % 60, 2).chr('Z');
  }

  /** Ends a row with LF and hands the buffer on when it is full. */
  void endRow() {
    chr('\n');
    rows++;
    if (pos >= FLUSH_AT && out != null) {
      drain();
    }
  }

  private void ensure(int n) {
    if (pos + n <= buf.length) {
      return;
    }
    if (out != null) {
      drain();
    }
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  private void drain() {
    try {
      out.write(buf, 0, pos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pos = 0;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      try (out) {
        drain();
      }
    }
  }

  /** Gzip at the fastest level: compression would otherwise dominate the run. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
