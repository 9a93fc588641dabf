package org.contactaudit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.SparkSession;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Policy;
import org.contactaudit.generate.DatasetGenerator;
import org.contactaudit.generate.GeneratorConfig;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.io.FileSummary;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.io.Reason;
import org.contactaudit.io.Reject;
import org.contactaudit.output.AccountNames;
import org.contactaudit.output.RejectsWriter;
import org.contactaudit.output.SummaryWriter;
import org.contactaudit.output.VerdictsWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} against the single-machine engine on a generated dataset with
 * times, shadow numbers, hubs, deletions, consent histories and malformed rows: the same
 * verdicts.csv row for every recommendation (verdict, primary kind, kinds, missing consents, bridge
 * counts), the same rejects and the same reconciliation of every file. Two timed worlds add the
 * refinements of docs/POLICY.md (recycled numbers, pre-registration, stale evidence, explanations),
 * and {@link Coverage} asserts that each occurs often enough to be compared.
 */
class SparkDifferentialTest {
  private static final String KEY = "a-test-key-of-at-least-16-bytes";

  @TempDir Path dir;

  private static SparkSession spark;

  /**
   * One local session for the test, with settings for tiny data: two partitions, no whole-stage
   * code generation (compiling each query costs more than running it here), no UI. The job uses it
   * as it would a session of spark-submit.
   */
  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("contact-audit-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config(
                "spark.sql.warehouse.dir",
                System.getProperty("java.io.tmpdir") + "/spark-warehouse")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void sparkAndSingleMachineAgree() throws IOException {
    Path input = dir.resolve("in");
    TestData.write(input, 20260601L, 300, 3000, 3000);
    Agreement run = agree(input, "2021-01-01T00:00:00Z");
    List<Judgment> judgments = run.judgments();
    assertTrue(judgments.size() > 1000, "too few accepted recommendations: " + judgments.size());
    JsonNode summary = run.summary();
    for (String verdict : List.of("OK", "AT_RISK", "LEAK", "UNEXPLAINED")) {
      assertTrue(
          summary.get("verdicts").get("counts").get(verdict).asLong() > 20,
          verdict + " is too rare to compare: " + summary.get("verdicts"));
    }
    for (String kind : List.of("REVERSE", "SHARED_CONTACT", "CHAIN", "CO_HOLDER", "FORWARD")) {
      assertTrue(
          summary.get("verdicts").get("kinds").get(kind).asLong() > 20,
          kind + " is too rare to compare: " + summary.get("verdicts"));
    }
    // The row rules ported from the single-machine reader occur in the data, so both engines
    // are compared on them: an exact repeat of an account, broken quotes, an open quote at EOF.
    AuditInput expected = run.input();
    assertTrue(expected.files().get(0).duplicate() > 0, "no repeated account");
    for (String name : List.of("contacts.csv", "recommendations.csv")) {
      assertTrue(
          run.rejects().stream()
              .anyMatch(r -> r.file().equals(name) && r.reason() == Reason.MALFORMED_ROW),
          "no malformed row in " + name);
    }
    assertEquals(expected.graph().numberCount(), summary.get("graph").get("numbers").asInt());
    assertEquals(expected.graph().entryCount(), summary.get("graph").get("entries").asLong());
  }

  /**
   * The refinements of docs/POLICY.md on a world whose instants are months, so that boundaries
   * meet: recycled numbers handed over at the instant of a deletion or after a gap, uploads before
   * and at registration with consents before, at and after it, pairs linked only by deleted
   * entries, and every form of explanation.
   */
  @Test
  void refinementsAgreeOnATimedWorld() throws IOException {
    Path input = dir.resolve("refinements");
    TestData.refinements(input, 20261205L);
    Coverage cover = Coverage.of(agree(input, TestData.REFINEMENTS_AS_OF));
    cover.atLeast(
        Map.ofEntries(
            Map.entry("STALE", 40),
            Map.entry("STALE FORWARD", 3),
            Map.entry("STALE REVERSE", 3),
            Map.entry("STALE MUTUAL", 3),
            Map.entry("STALE SHARED_CONTACT", 3),
            Map.entry("STALE CHAIN", 3),
            Map.entry("STALE CO_HOLDER", 3),
            Map.entry("STALE direct entry deleted at t", 5),
            Map.entry("pre_registration", 30),
            Map.entry("pre-registration entry, consent as a user", 20),
            Map.entry("recycled_number", 30),
            Map.entry("hand-over instant", 5),
            Map.entry("gap between owners", 3)));
    cover.explanations(10, true);
  }

  /** The generator's refinements, at raised rates, judged by both engines. */
  @Test
  void refinementsAgreeOnAGeneratedWorld() throws IOException {
    Path input = dir.resolve("generated");
    new DatasetGenerator(
            GeneratorConfig.builder()
                .accounts(1_200)
                .meanPhonebook(25)
                .seed(17)
                .recommendationsPerAccount(3)
                .deletedEntryShare(0.1)
                .deletedAccountShare(0.2)
                .recycledNumberShare(0.8)
                .preRegistrationConsentShare(0.4)
                .staleShare(0.03)
                .build())
        .generate(input);
    Coverage cover = Coverage.of(agree(input, "2021-01-01T00:00:00Z"));
    cover.atLeast(
        Map.of(
            "STALE", 20,
            "pre_registration", 20,
            "pre-registration entry, consent as a user", 5,
            "recycled_number", 10));
    cover.explanations(10, false);
  }

  /** What both engines agreed on: the single-machine input, judgments, rejects, summary. */
  record Agreement(
      AuditInput input, List<Judgment> judgments, List<Reject> rejects, JsonNode summary) {}

  /**
   * Runs the Spark job and the single-machine engine on a folder and asserts byte-identical
   * verdicts.csv and rejects.csv rows and the same reconciliation of every file.
   */
  private Agreement agree(Path input, String asOf) throws IOException {
    Path out = dir.resolve("out-" + input.getFileName());
    int code =
        SparkAuditJob.run(
            new String[] {
              "--input",
              input.toString(),
              "--out",
              out.toString(),
              "--default-region",
              "CN",
              "--as-of",
              asOf,
              "--partitions",
              "2"
            },
            Map.of(SparkAuditJob.KEY_VARIABLE, KEY));
    assertEquals(0, code);
    assertTrue(Files.exists(out.resolve("_SUCCESS")));

    List<Reject> rejects = new ArrayList<>();
    ReadOptions read =
        ReadOptions.builder()
            .defaultRegion("CN")
            .asOf(org.contactaudit.time.Times.parse(asOf))
            .build();
    AuditInput expected = DatasetReader.read(InputPaths.inFolder(input), read, rejects::add);
    List<Judgment> judgments =
        Auditor.of(expected.graph(), expected.consents(), Policy.defaults()).judgeAll(expected, 2);

    List<String> expectedVerdicts = new ArrayList<>();
    for (int i = 0; i < judgments.size(); i++) {
      Judgment j = judgments.get(i);
      expectedVerdicts.add(
          csv(
              VerdictsWriter.cells(
                  expected.recommendations().line(i),
                  expected.graph().accountId(j.viewer()),
                  expected.graph().accountId(j.candidate()),
                  expected.recommendations().shownAt(i),
                  expected.recommendations().surface(i),
                  j)));
    }
    List<String> actualVerdicts = rows(out.resolve("verdicts.csv"), VerdictsWriter.header());
    assertEquals(expectedVerdicts, actualVerdicts);

    List<String> expectedRejects = new ArrayList<>();
    for (Reject r : rejects) {
      expectedRejects.add(csv(RejectsWriter.cells(r, AccountNames.asGiven())));
    }
    assertEquals(expectedRejects, rows(out.resolve("rejects.csv"), RejectsWriter.header()));

    JsonNode summary = SummaryWriter.mapper().readTree(out.resolve("summary.json").toFile());
    JsonNode inputs = summary.get("inputs");
    assertEquals(expected.files().size(), inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      FileSummary f = expected.files().get(i);
      JsonNode n = inputs.get(i);
      String file = f.name();
      assertEquals(f.read(), n.get("read").asLong(), file + " read");
      assertEquals(f.accepted(), n.get("accepted").asLong(), file + " accepted");
      assertEquals(f.duplicate(), n.get("duplicate").asLong(), file + " duplicate");
      assertEquals(f.ignored(), n.get("ignored").asLong(), file + " ignored");
      assertEquals(f.rejected(), n.get("rejected").asLong(), file + " rejected");
      assertEquals(f.sha256(), n.get("sha256").asText(), file + " sha256");
      Map<String, Long> reasons = new TreeMap<>();
      f.reasons().forEach((r, c) -> reasons.put(r.name(), c));
      Map<String, Long> actualReasons = new TreeMap<>();
      n.get("reasons")
          .fields()
          .forEachRemaining(e -> actualReasons.put(e.getKey(), e.getValue().asLong()));
      assertEquals(reasons, actualReasons, file + " reasons");
    }
    assertEquals(judgments.size(), summary.get("verdicts").get("judged").asLong());
    return new Agreement(expected, judgments, rejects, summary);
  }

  @Test
  void fileThatCannotBeReadMidwayIsAnInputErrorAndWritesNothing() throws IOException {
    Path input = dir.resolve("in");
    TestData.write(input, 5L, 50, 3000, 100);
    Path contacts = input.resolve("contacts.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(contacts));
    }
    byte[] all = bytes.toByteArray();
    Files.write(input.resolve("contacts.csv.gz"), Arrays.copyOf(all, all.length / 2));
    Files.delete(contacts);
    Path out = dir.resolve("out");

    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code =
          assertTimeoutPreemptively(
              Duration.ofSeconds(120),
              () ->
                  SparkAuditJob.run(
                      new String[] {
                        "--input",
                        input.toString(),
                        "--out",
                        out.toString(),
                        "--default-region",
                        "CN",
                        "--partitions",
                        "2"
                      },
                      Map.of(SparkAuditJob.KEY_VARIABLE, KEY)));
    } finally {
      System.setErr(err);
    }
    String message = captured.toString(StandardCharsets.UTF_8);
    assertEquals(3, code, message);
    assertTrue(
        Pattern.compile("(?m)^input error: contacts\\.csv\\.gz: cannot be read after line \\d+ \\(")
            .matcher(message)
            .find(),
        message);
    assertFalse(Files.exists(out), "nothing is written");
  }

  private static String csv(List<Object> cells) {
    return CSVFormat.RFC4180.format(cells.toArray());
  }

  /** The rows of a folder of parts, in part order, each part's header checked and dropped. */
  static List<String> rows(Path folder, String[] header) throws IOException {
    String head = csv(List.of((Object[]) header));
    List<String> rows = new ArrayList<>();
    List<Path> parts;
    try (Stream<Path> s = Files.list(folder)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    for (Path part : parts) {
      String text = Files.readString(part, StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        continue;
      }
      assertTrue(text.endsWith("\r\n"), part + " ends with CRLF");
      List<String> lines = List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
      assertEquals(head, lines.get(0), part + " header");
      rows.addAll(lines.subList(1, lines.size()));
    }
    return rows;
  }
}
