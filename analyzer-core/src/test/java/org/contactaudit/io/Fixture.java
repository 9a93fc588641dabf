package org.contactaudit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A run's four input files written into a folder from text, then read. Each file starts as a small
 * valid default and a test replaces the one it is about.
 */
final class Fixture {
  /** Four accounts; lines 2 to 5. carol exists only in 2020, dave has no times. */
  static final String ACCOUNTS =
      """
      account_id,phone,registered_at,deleted_at
      alice,+8613800138001,2020-01-01,
      bob,+8613800138002,2020-01-01,
      carol,+8613800138003,2020-01-01,2021-01-01
      dave,+8613800138004,,
      """;

  static final String CONTACTS =
      """
      owner_id,phone,uploaded_at,deleted_at
      alice,+8613800138002,,
      """;

  static final String CONSENTS =
      """
      account_id,setting,value,source,updated_at
      alice,contact_upload,true,explicit,2020-01-01
      """;

  static final String RECOMMENDATIONS =
      """
      viewer_id,candidate_id,shown_at,surface,explanation
      alice,bob,2020-06-01T10:00:00Z,feed,in_contacts
      """;

  final Path dir;
  final List<Reject> rejects = new ArrayList<>();
  private final Map<InputFile, String> texts = new EnumMap<>(InputFile.class);
  private AuditInput input;

  Fixture(Path dir) {
    this.dir = dir;
    texts.put(InputFile.ACCOUNTS, ACCOUNTS);
    texts.put(InputFile.CONTACTS, CONTACTS);
    texts.put(InputFile.CONSENTS, CONSENTS);
    texts.put(InputFile.RECOMMENDATIONS, RECOMMENDATIONS);
  }

  /** Replaces one file's text. */
  Fixture with(InputFile file, String text) {
    texts.put(file, text);
    return this;
  }

  /** Leaves a file out. */
  Fixture without(InputFile file) {
    texts.remove(file);
    return this;
  }

  /** Writes the files (as name.csv) and reads them with the given region. */
  AuditInput read(String region) {
    return read(ReadOptions.builder().defaultRegion(region).build());
  }

  AuditInput read(ReadOptions options) {
    write();
    input = DatasetReader.read(InputPaths.inFolder(dir), options, rejects::add);
    return input;
  }

  /** Writes every file that is not written yet, as UTF-8 text. */
  void write() {
    for (Map.Entry<InputFile, String> e : texts.entrySet()) {
      Path plain = dir.resolve(e.getKey().fileName());
      Path gzip = dir.resolve(e.getKey().fileName() + ".gz");
      if (!Files.exists(plain) && !Files.exists(gzip)) {
        writeBytes(plain, e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  static void writeBytes(Path path, byte[] bytes) {
    try {
      Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeGzip(Path path, byte[] bytes) {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An instant, for readable assertions. */
  long readTime(String text) {
    return org.contactaudit.time.Times.parse(text);
  }

  FileSummary summary(InputFile file) {
    for (FileSummary s : input.files()) {
      if (s.file() == file) {
        return s;
      }
    }
    throw new AssertionError("no summary of " + file);
  }

  /** Checks the exact counts of a file and that they reconcile. */
  void assertCounts(
      InputFile file, long read, long accepted, long duplicate, long ignored, long rejected) {
    FileSummary s = summary(file);
    assertEquals(
        List.of(read, accepted, duplicate, ignored, rejected),
        List.of(s.read(), s.accepted(), s.duplicate(), s.ignored(), s.rejected()),
        file + ": read, accepted, duplicate, ignored, rejected");
    assertTrue(s.reconciles(), file + " reconciles");
  }

  /** The rejects of one file. */
  List<Reject> rejectsOf(InputFile file) {
    String name = summary(file).name();
    return rejects.stream().filter(r -> r.file().equals(name)).toList();
  }

  static Reject reject(InputFile file, long line, String column, Reason reason, String detail) {
    return new Reject(file.fileName(), line, column, reason, detail);
  }
}
