package org.contactaudit.io;

import static org.contactaudit.io.InputFile.ACCOUNTS;
import static org.contactaudit.io.InputFile.CONSENTS;
import static org.contactaudit.io.InputFile.CONTACTS;
import static org.contactaudit.io.InputFile.RECOMMENDATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing files and columns stop the run before any row is read, naming the file and column. */
class FatalInputTest {
  @TempDir Path dir;

  /** Accounts with a bad row: if rows were read before failing, the sink would receive it. */
  private Fixture withBadAccountRow() {
    return new Fixture(dir)
        .with(
            ACCOUNTS,
            """
            account_id,phone
            alice,+8613800138001
            bob,garbage
            """);
  }

  @Test
  void missingFileNamesTheFileAndItsColumnsAndReadsNothing() {
    Fixture f = withBadAccountRow().without(RECOMMENDATIONS);
    Path recommendations = dir.resolve("recommendations.csv");
    InputException e = assertThrows(InputException.class, () -> f.read("CN"));
    assertEquals(
        "recommendations.csv: the file does not exist at "
            + recommendations
            + "; expected a header row with the columns viewer_id, candidate_id"
            + " (optional: shown_at, surface, explanation)",
        e.getMessage());
    assertEquals("recommendations.csv", e.file());
    assertEquals("", e.column());
    assertEquals(List.of(), f.rejects);
  }

  @Test
  void missingRequiredColumnNamesTheFileAndTheColumnAndReadsNothing() {
    Fixture f =
        withBadAccountRow()
            .with(
                CONSENTS,
                """
                Account_ID , setting,updated_at
                alice,contact_upload,2020-01-01
                """);
    InputException e = assertThrows(InputException.class, () -> f.read("CN"));
    assertEquals(
        "consents.csv: required column 'value' is missing; found columns: account_id, setting,"
            + " updated_at; expected a header row with the columns account_id, setting, value"
            + " (optional: source, updated_at)",
        e.getMessage());
    assertEquals("consents.csv", e.file());
    assertEquals("value", e.column());
    assertEquals(List.of(), f.rejects);
  }

  @Test
  void firstMissingRequiredColumnIsNamed() {
    Fixture f = new Fixture(dir).with(CONTACTS, "phone,name\n+8613800138002,Ann\n");
    InputException e = assertThrows(InputException.class, () -> f.read("CN"));
    assertEquals("contacts.csv", e.file());
    assertEquals("owner_id", e.column());
    assertEquals(
        "contacts.csv: required column 'owner_id' is missing; found columns: phone, name;"
            + " expected a header row with the columns owner_id, phone"
            + " (optional: uploaded_at, deleted_at)",
        e.getMessage());
  }

  @Test
  void emptyFileIsFatal() {
    Fixture f = new Fixture(dir).with(RECOMMENDATIONS, "");
    InputException e = assertThrows(InputException.class, () -> f.read("CN"));
    assertEquals(
        "recommendations.csv: the file is empty; expected a header row with the columns"
            + " viewer_id, candidate_id (optional: shown_at, surface, explanation)",
        e.getMessage());
  }

  @Test
  void columnGivenTwiceIsFatal() {
    Fixture f = new Fixture(dir).with(CONTACTS, "owner_id,phone,PHONE\n");
    InputException e = assertThrows(InputException.class, () -> f.read("CN"));
    assertEquals(
        "contacts.csv: line 1, column phone: the column appears twice; keep one of them",
        e.getMessage());
    assertEquals("phone", e.column());
  }

  @Test
  void fileWithoutHeaderRowIsFatalWithoutQuotingItsCells() {
    Fixture f = new Fixture(dir).with(CONTACTS, "alice,+86 138 0013 8002\n");
    InputException e = assertThrows(InputException.class, () -> f.read("CN"));
    assertEquals(
        "contacts.csv: required column 'owner_id' is missing; found columns: alice, (a cell"
            + " that looks like data: is the header row missing?); expected a header row with"
            + " the columns owner_id, phone (optional: uploaded_at, deleted_at)",
        e.getMessage());
  }

  @Test
  void truncatedGzipFileIsFatalInsteadOfARowFault() {
    StringBuilder text = new StringBuilder("owner_id,phone\n");
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 3_000; i++) {
      text.append("alice,+86138").append(10_000_000 + random.nextInt(89_999_999)).append('\n');
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] all = bytes.toByteArray();
    Fixture.writeBytes(
        dir.resolve("contacts.csv.gz"), java.util.Arrays.copyOf(all, all.length / 2));
    Fixture f = new Fixture(dir);
    // Preemptive: the reader used to retry the failing read forever.
    InputException e =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20),
            () -> assertThrows(InputException.class, () -> f.read("CN")));
    assertEquals("contacts.csv.gz", e.file());
    assertTrue(
        e.getMessage().matches("contacts\\.csv\\.gz: cannot be read after line \\d+ \\(.+\\)"),
        e.getMessage());
    assertEquals(List.of(), f.rejects, "no row is blamed for the broken file");
  }
}
