package org.contactaudit.io;

import static org.contactaudit.io.Fixture.reject;
import static org.contactaudit.io.InputFile.ACCOUNTS;
import static org.contactaudit.io.InputFile.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contactaudit.graph.ContactGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV hazards of docs/DATA.md: encodings, line ends, gzip, quoting and headers. */
class CsvHazardsTest {
  @TempDir Path dir;

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theChecksumReadsTheSameTwice() throws Exception {
    byte[] bytes = utf8(Fixture.ACCOUNTS);
    Path file = dir.resolve("twice.csv");
    Fixture.writeBytes(file, bytes);
    try (CsvTable table = CsvTable.open(InputFile.ACCOUNTS, file)) {
      table.forEach(
          new CsvTable.RowVisitor() {
            @Override
            public void row(long line, String[] cells) {}

            @Override
            public void malformed(long line, String detail) {}
          });
      assertEquals(sha256(bytes), table.sha256());
      assertEquals(sha256(bytes), table.sha256());
    }
  }

  @Test
  void byteOrderMarkIsSkippedAndTheChecksumCoversTheFileBytes() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = utf8(Fixture.ACCOUNTS);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(text, 0, bytes, 3, text.length);
    Fixture.writeBytes(dir.resolve("accounts.csv"), bytes);
    Fixture f = new Fixture(dir);
    AuditInput in = f.read("CN");
    assertEquals(List.of(), f.rejects);
    assertEquals(0, in.graph().accountIndex("alice"));
    FileSummary s = f.summary(ACCOUNTS);
    assertEquals(List.of(), s.unknownColumns());
    assertEquals(bytes.length, s.bytes());
    assertEquals(sha256(bytes), s.sha256());
  }

  @Test
  void crlfLineEndsGiveTheSameRowsAndLines() {
    String text =
        """
        owner_id,phone,contact_name
        alice,+8613800138002,"first
        second"
        alice,nonsense,x
        bob,+8613800138001,y
        """;
    Fixture f = new Fixture(dir).with(CONTACTS, text.replace("\n", "\r\n"));
    AuditInput in = f.read("CN");
    assertEquals(
        List.of(
            reject(
                CONTACTS,
                4,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region CN")),
        f.rejects);
    f.assertCounts(CONTACTS, 3, 2, 0, 0, 1);
    assertEquals(2, in.graph().entryCount());
  }

  @Test
  void gzipFileIsReadAndNamedAsGiven() throws Exception {
    String text =
        """
        owner_id,phone
        alice,+8613800138002
        alice,+8613800138002
        bob,garbage
        """;
    Path gz = dir.resolve("contacts.csv.gz");
    Fixture.writeGzip(gz, utf8(text));
    Fixture f = new Fixture(dir);
    AuditInput in = f.read("CN");
    assertEquals(
        List.of(
            new Reject(
                "contacts.csv.gz",
                4,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region CN")),
        f.rejects);
    f.assertCounts(CONTACTS, 3, 1, 1, 0, 1);
    assertEquals("contacts.csv.gz", f.summary(CONTACTS).name());
    assertEquals(sha256(Files.readAllBytes(gz)), f.summary(CONTACTS).sha256());
    assertEquals(1, in.graph().entryCount());
  }

  @Test
  void quotedCommasAndNewlinesKeepTheLinesOfLaterRows() {
    Fixture f =
        new Fixture(dir)
            .with(
                CONTACTS,
                """
                owner_id,contact_name,phone
                alice,"Smith, John",+8613800138002
                alice,"two
                lines, and ""quotes\"\"",+8613800138003
                bob,"three

                lines",+8613800138001
                bob,Plain,garbage
                bob,"Jones, Ann",
                """);
    AuditInput in = f.read("CN");
    assertEquals(
        List.of(
            reject(
                CONTACTS,
                8,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region CN"),
            reject(CONTACTS, 9, "phone", Reason.MISSING_FIELD, "the phone cell is empty")),
        f.rejects);
    f.assertCounts(CONTACTS, 5, 3, 0, 0, 2);
    assertEquals(3, in.graph().entryCount());
  }

  @Test
  void blankLinesAreNotRowsAndDoNotShiftLineNumbers() {
    Fixture f =
        new Fixture(dir)
            .with(
                CONTACTS,
                """

                owner_id,phone

                alice,+8613800138002


                alice,garbage

                """);
    f.read("CN");
    assertEquals(
        List.of(
            reject(
                CONTACTS,
                7,
                "phone",
                Reason.INVALID_PHONE,
                "not a valid phone number for default region CN")),
        f.rejects);
    f.assertCounts(CONTACTS, 2, 1, 0, 0, 1);
  }

  @Test
  void columnsAreFoundByTrimmedLowerCaseNameInAnyOrder() {
    Fixture f =
        new Fixture(dir)
            .with(
                CONTACTS,
                """
                 Deleted_At , PHONE,Owner_ID ,Uploaded_at
                2020-02-01,+8613800138002,alice,2020-01-01
                2020-01-01,+8613800138003,alice,2020-02-01
                """);
    AuditInput in = f.read("CN");
    assertEquals(
        List.of(
            reject(
                CONTACTS,
                3,
                "deleted_at",
                Reason.INVALID_VALUE,
                "deleted_at is before the start of the interval")),
        f.rejects);
    assertEquals(List.of(), f.summary(CONTACTS).unknownColumns());
    ContactGraph g = in.graph();
    int bob = g.accountIndex("bob");
    assertTrue(g.holds(g.accountIndex("alice"), bob, f.readTime("2020-01-15")));
    assertFalse(g.holds(g.accountIndex("alice"), bob, f.readTime("2020-02-01")));
  }

  @Test
  void unknownColumnsAreListedInHeaderOrder() {
    Fixture f =
        new Fixture(dir)
            .with(
                CONTACTS,
                """
                contact_name,owner_id,Note ,phone
                Ann,alice,met at work,+8613800138002
                """);
    f.read("CN");
    assertEquals(List.of("contact_name", "note"), f.summary(CONTACTS).unknownColumns());
    assertEquals(List.of(), f.summary(ACCOUNTS).unknownColumns());
  }

  @Test
  void contactNamesAreNeverKeptInWhatIsRead() throws Exception {
    Fixture f =
        new Fixture(dir)
            .with(
                CONTACTS,
                """
                owner_id,phone,contact_name
                alice,+8613800138002,Zebulon Quartermaine
                alice,+8613800138003,"Xanthippe, Dr."
                alice,nonsense,Ophelia Winterbottom
                """);
    AuditInput in = f.read("CN");
    Set<String> strings = reachableStrings(in);
    assertTrue(strings.contains("alice"), "the walk reaches the account ids");
    for (String name : List.of("Zebulon", "Xanthippe", "Ophelia")) {
      assertFalse(strings.stream().anyMatch(s -> s.contains(name)), name + " is kept in the input");
      assertFalse(f.rejects.stream().anyMatch(r -> r.toString().contains(name)));
    }
  }

  /** Every string reachable from the object through the fields of the project's and fastutil's. */
  private static Set<String> reachableStrings(Object root) throws IllegalAccessException {
    Set<String> strings = new java.util.HashSet<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o == null || !seen.add(o)) {
        continue;
      }
      Class<?> type = o.getClass();
      if (o instanceof String s) {
        strings.add(s);
      } else if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          for (int i = 0; i < Array.getLength(o); i++) {
            todo.push(Array.get(o, i) == null ? "" : Array.get(o, i));
          }
        }
      } else if (o instanceof Map<?, ?> m && !walked(type)) {
        m.forEach(
            (k, v) -> {
              todo.push(k == null ? "" : k);
              todo.push(v == null ? "" : v);
            });
      } else if (o instanceof Collection<?> c && !walked(type)) {
        c.forEach(e -> todo.push(e == null ? "" : e));
      } else if (walked(type)) {
        for (Class<?> k = type; k != null && walked(k); k = k.getSuperclass()) {
          for (Field field : k.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
              field.setAccessible(true);
              Object value = field.get(o);
              if (value != null) {
                todo.push(value);
              }
            }
          }
        }
      }
    }
    return strings;
  }

  private static boolean walked(Class<?> type) {
    String name = type.getName();
    return name.startsWith("org.contactaudit.") || name.startsWith("it.unimi.dsi.");
  }
}
