package org.contactaudit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Parsing a batch ahead on another thread shows the visitor what parsing in line shows it. */
class ReadAheadTest {
  @TempDir Path dir;

  @Test
  void theVisitorSeesTheRecordsOfParsingInLineInTheSameOrder() {
    Path file = dir.resolve("contacts.csv");
    Fixture.writeBytes(file, contacts(5_000).getBytes(StandardCharsets.UTF_8));

    List<String> inLine = new ArrayList<>();
    String inLineSha256;
    try (CsvTable table = CsvTable.open(InputFile.CONTACTS, file)) {
      table.forEach(recorder(inLine));
      inLineSha256 = table.sha256();
    }
    List<String> ahead = new ArrayList<>();
    try (CsvTable table = CsvTable.open(InputFile.CONTACTS, file)) {
      ReadAhead.forEach(table, recorder(ahead));
      assertEquals(inLineSha256, table.sha256(), "the whole file hashed, seen from the caller");
    }

    assertEquals(inLine, ahead);
    assertEquals(5_000, ahead.size(), "blank lines are not records");
    assertTrue(ahead.stream().anyMatch(r -> r.contains("malformed")), "malformed rows included");
    assertTrue(ahead.get(4_999).startsWith("5003 "), "line numbers count the blank lines");
  }

  @Test
  void anUnreadableFileFailsAfterTheRecordsReadBeforeIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(contacts(20_000).getBytes(StandardCharsets.UTF_8));
    }
    Path file = dir.resolve("contacts.csv.gz");
    byte[] all = bytes.toByteArray();
    Fixture.writeBytes(file, Arrays.copyOf(all, all.length / 2));

    List<String> inLine = new ArrayList<>();
    InputException expected;
    try (CsvTable table = CsvTable.open(InputFile.CONTACTS, file)) {
      expected = assertThrows(InputException.class, () -> table.forEach(recorder(inLine)));
    }
    List<String> ahead = new ArrayList<>();
    InputException thrown;
    try (CsvTable table = CsvTable.open(InputFile.CONTACTS, file)) {
      thrown = assertThrows(InputException.class, () -> ReadAhead.forEach(table, recorder(ahead)));
    }

    assertEquals(expected.getMessage(), thrown.getMessage());
    assertEquals(inLine, ahead);
    assertTrue(ahead.size() > 1_000, "the records before the broken part: " + ahead.size());
  }

  @Test
  @Timeout(20) // forEach joins the parsing thread: one that never ended would keep it waiting
  void whatTheVisitorThrowsStopsTheParsingAndReachesTheCaller() {
    Path file = dir.resolve("contacts.csv");
    Fixture.writeBytes(file, contacts(50_000).getBytes(StandardCharsets.UTF_8));
    IllegalStateException full = new IllegalStateException("the builder is full");
    List<String> seen = new ArrayList<>();

    IllegalStateException thrown;
    try (CsvTable table = CsvTable.open(InputFile.CONTACTS, file)) {
      thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  ReadAhead.forEach(
                      table,
                      new CsvTable.RowVisitor() {
                        @Override
                        public void row(long line, String[] cells) {
                          if (seen.size() == 100) {
                            throw full;
                          }
                          seen.add(cells[1]);
                        }

                        @Override
                        public void malformed(long line, String detail) {}
                      }));
    }

    assertSame(full, thrown);
    assertEquals(100, seen.size());
  }

  /** Each record as one string: its line, then its cells or what is malformed about it. */
  private static CsvTable.RowVisitor recorder(List<String> out) {
    return new CsvTable.RowVisitor() {
      @Override
      public void row(long line, String[] cells) {
        out.add(line + " " + String.join("|", cells));
      }

      @Override
      public void malformed(long line, String detail) {
        out.add(line + " malformed " + detail);
      }
    };
  }

  /**
   * A contacts.csv of {@code rows} records after its header: every 97th with a field too many, a
   * blank line after the first and the tenth record.
   */
  private static String contacts(int rows) {
    StringBuilder text = new StringBuilder("owner_id,phone,uploaded_at,deleted_at\n");
    Random random = new Random(7);
    for (int i = 0; i < rows; i++) {
      text.append("owner").append(i % 300).append(",+86138");
      text.append(10_000_000 + random.nextInt(89_999_999)).append(",2020-01-01,");
      text.append(i % 97 == 50 ? ",extra\n" : "\n");
      if (i == 0 || i == 9) {
        text.append('\n');
      }
    }
    return text.toString();
  }
}
