package org.contactaudit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.io.FileSummary;
import org.contactaudit.io.InputFile;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.phone.PhoneMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CSV ingest of phonebook uploads: {@code DatasetReader.read} over a folder whose {@code
 * contacts.csv} has {@code rows} rows ({@code owner_id, phone, contact_name, uploaded_at,
 * deleted_at}; phones in three everyday formats: E.164, national, spaced international; one upload
 * instant per owner), with an {@code accounts.csv} of the owners (one account per 100 rows) and
 * consents and recommendations files of a few rows. Time per whole read (single shot), so rows/s is
 * {@code rows / time}: the README does the division. Read once with numbers normalized by
 * libphonenumber (default region CN, each distinct raw value decided once) and once with phones as
 * opaque tokens (no normalization: the cost of the CSV, the accounting and the graph). Beside it,
 * commons-csv alone parsing {@code contacts.csv} and touching the owner and phone of each record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IngestBenchmark {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  @Param({"100000", "1000000"})
  int rows;

  private Path folder;
  private InputPaths paths;
  private ReadOptions numbers;
  private ReadOptions tokens;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("contact-audit-ingest");
    BenchGraphs.Dataset d = BenchGraphs.generate(Math.max(100, rows / 100), 42);
    if (d.entryCount() < rows) {
      throw new IllegalStateException(d.entryCount() + " entries for " + rows + " rows");
    }
    try (BufferedWriter w = writer("accounts.csv")) {
      w.write("account_id,phone,registered_at,deleted_at\n");
      for (int a = 0; a < d.accounts; a++) {
        w.write(d.accountId(a) + "," + raw(d, a, a) + ",2019-01-01,\n");
      }
    }
    try (BufferedWriter w = writer("contacts.csv")) {
      w.write("owner_id,phone,contact_name,uploaded_at,deleted_at\n");
      Instant start = Instant.parse("2020-01-01T08:00:00Z");
      for (int a = 0, e = 0; e < rows; a++) {
        String owner = d.accountId(a);
        String uploadedAt = start.plusSeconds(61L * a).toString();
        for (int i = d.offsets[a]; i < d.offsets[a + 1] && e < rows; i++, e++) {
          String name = e % 10 == 0 ? "\"Li, work\"" : "Friend " + (e % 1000);
          w.write(owner + "," + raw(d, d.entries[i], e) + "," + name + "," + uploadedAt + ",\n");
        }
      }
    }
    try (BufferedWriter w = writer("consents.csv")) {
      w.write("account_id,setting,value,source,updated_at\n");
      for (int a = 0; a < 5; a++) {
        w.write(d.accountId(a) + ",contact_upload,true,explicit,2020-01-01\n");
      }
    }
    try (BufferedWriter w = writer("recommendations.csv")) {
      w.write("viewer_id,candidate_id,shown_at,surface,explanation\n");
      w.write(d.accountId(0) + "," + d.accountId(1) + ",2020-06-01T10:00:00Z,feed,\n");
    }
    paths = InputPaths.inFolder(folder);
    numbers = ReadOptions.builder().defaultRegion("CN").build();
    tokens = ReadOptions.builder().phoneMode(PhoneMode.TOKENS).build();
    for (ReadOptions options : new ReadOptions[] {numbers, tokens}) {
      FileSummary contacts = read(options).files().get(InputFile.CONTACTS.ordinal());
      if (contacts.read() != rows || contacts.accepted() != rows) {
        throw new IllegalStateException("contacts.csv is not read as written: " + contacts);
      }
    }
  }

  /** A phone cell as people type it: E.164, national, or spaced international. */
  private static String raw(BenchGraphs.Dataset d, int number, int variant) {
    String digits = Long.toString(d.numberKeys[number]);
    String national = digits.substring(2);
    switch (variant % 3) {
      case 0:
        return "+" + digits;
      case 1:
        return national.length() == 11 ? national : "0" + national;
      default:
        return "+86 "
            + national.substring(0, 3)
            + " "
            + national.substring(3, 7)
            + " "
            + national.substring(7);
    }
  }

  private BufferedWriter writer(String name) throws IOException {
    return Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(IngestBenchmark::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AuditInput read(ReadOptions options) {
    return DatasetReader.read(paths, options, reject -> {});
  }

  /** The library, phones normalized with libphonenumber. */
  @Benchmark
  public AuditInput datasetReaderNumbers() {
    return read(numbers);
  }

  /** The library, phones as opaque tokens. */
  @Benchmark
  public AuditInput datasetReaderTokens() {
    return read(tokens);
  }

  /** commons-csv alone on contacts.csv: parse each record and touch its owner and phone. */
  @Benchmark
  public long commonsCsvOnly() throws IOException {
    long touched = 0;
    try (Reader in = Files.newBufferedReader(paths.path(InputFile.CONTACTS));
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      for (CSVRecord r : parser) {
        touched += r.get(0).length() + r.get(1).length();
      }
    }
    return touched;
  }
}
