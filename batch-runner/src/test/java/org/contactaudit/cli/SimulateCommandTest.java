package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.contactaudit.output.RunSummary;
import org.contactaudit.output.SummaryWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateCommandTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static int simulate(StringWriter out, StringWriter err, Path dir, String... more) {
    String[] base = {
      "simulate", "--input", dir.toString(), "--default-region", "CN",
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return AnalysesOutputTest.run(out, err, args);
  }

  @Test
  void simulatesTheBundledExampleWithoutAKey(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("sim");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = simulate(stdout, stderr, EXAMPLES, "--out", out.toString(), "--top-k", "5");
    assertEquals(0, code, stderr.toString());

    List<String> csv = Files.readAllLines(out.resolve("simulation.csv"));
    assertEquals(7, csv.size(), String.join("\n", csv));
    assertEquals(
        "strategy,suggestions,ok,at_risk,leak,unexplained,leak_rate,kept_share,probe_targets,"
            + "probe_mean_revealed,probe_max_revealed,probe_mean_revealed_without_consent,"
            + "probe_max_revealed_without_consent",
        csv.get(0));
    String[] safe = csv.get(6).split(",", -1);
    assertEquals("consent_safe", safe[0]);
    assertEquals("0", safe[3], "AT_RISK");
    assertEquals("0", safe[4], "LEAK");
    assertEquals("0.0000", safe[6], "leak rate");
    assertFalse(safe[7].isEmpty(), "kept share");
    assertEquals("0.0000", safe[11], "revealed without consent");
    String[] reverse = csv.get(2).split(",", -1);
    assertEquals("reverse_contacts", reverse[0]);
    assertTrue(Long.parseLong(reverse[4]) >= 5, "Ling is shown the five who hold his number");
    assertEquals("", reverse[7]);
    assertTrue(Files.exists(out.resolve("_SUCCESS")));

    JsonNode json = SummaryWriter.mapper().readTree(out.resolve("simulation.json").toFile());
    assertEquals(5, json.get("top_k").asInt());
    assertEquals(6, json.get("strategies").size());
    assertEquals("shared_contacts", json.get("strategies").get(2).get("strategy").asText());
    assertTrue(json.get("strategies").get(0).get("kept_share").isNull());
    assertEquals(
        json.get("kept_share").asDouble(),
        json.get("strategies").get(5).get("kept_share").asDouble());
    assertTrue(json.get("probe_targets").asInt() > 0);

    String table = stdout.toString();
    assertTrue(table.contains("strategy"), table);
    for (String s : List.of("forward_contacts", "co_holders", "chains", "consent_safe keeps")) {
      assertTrue(table.contains(s), table);
    }
    for (Path f : List.of(out.resolve("simulation.csv"), out.resolve("simulation.json"))) {
      String text = Files.readString(f);
      assertFalse(text.contains("ling"), "no account id in " + f.getFileName());
      assertFalse(text.contains("13800138000"), "no number in " + f.getFileName());
    }
  }

  @Test
  void accountsForEveryInputRowAsValidateDoes(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("sim");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = simulate(stdout, stderr, EXAMPLES, "--out", out.toString());
    assertEquals(0, code, stderr.toString());

    JsonNode inputs =
        SummaryWriter.mapper().readTree(out.resolve("simulation.json").toFile()).get("inputs");
    assertEquals(4, inputs.size(), inputs.toString());
    Map<String, JsonNode> byFile = new TreeMap<>();
    for (JsonNode i : inputs) {
      String file = i.get("file").asText();
      long reasons = 0;
      for (JsonNode n : i.get("reasons")) {
        reasons += n.asLong();
      }
      assertEquals(
          i.get("read").asLong(),
          i.get("accepted").asLong()
              + i.get("duplicate").asLong()
              + i.get("ignored").asLong()
              + i.get("rejected").asLong(),
          file);
      assertEquals(i.get("ignored").asLong() + i.get("rejected").asLong(), reasons, file);
      byFile.put(file, i);
    }
    assertCounts(byFile.get("consents.csv"), 19, 18, 0, 0, 1, "{\"INVALID_VALUE\":1}");
    assertCounts(
        byFile.get("recommendations.csv"),
        12,
        10,
        0,
        0,
        2,
        "{\"MALFORMED_ROW\":1,\"SELF_RECOMMENDATION\":1}");
    assertFalse(Files.exists(out.resolve("rejects.csv")), "rejects.csv is validate's and audit's");

    Path validated = tmp.resolve("validated");
    code =
        AnalysesOutputTest.run(
            new StringWriter(),
            stderr,
            "validate",
            "--input",
            EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            validated.toString(),
            "--quiet");
    assertEquals(0, code, stderr.toString());
    assertEquals(
        SummaryWriter.mapper().readTree(validated.resolve("summary.json").toFile()).get("inputs"),
        inputs,
        "the same accounting as summary.json's");

    String printed = stdout.toString();
    String heading = "inputs (read = accepted + duplicate + ignored + rejected):";
    assertTrue(printed.startsWith(heading + System.lineSeparator()), printed);
    assertTrue(
        printed.contains(
            String.format(
                "  %-22s %9s = 18 + 0 + 0 + 1  {INVALID_VALUE=1}%n", "consents.csv", "19")),
        printed);
    assertTrue(
        printed.contains(
            String.format(
                "  %-22s %9s = 10 + 0 + 0 + 2  {MALFORMED_ROW=1, SELF_RECOMMENDATION=1}%n",
                "recommendations.csv", "12")),
        printed);
    assertTrue(printed.indexOf(heading) < printed.indexOf("simulated "), printed);
    assertFalse(printed.contains("13800138000"), printed);
  }

  /**
   * {@code --max-reject-rate} is a budget of simulate too: checked against the rows of every file,
   * written to simulation.json, printed, and exit code 1 with the outputs written when exceeded.
   */
  @Test
  void checksTheRejectBudget(@TempDir Path tmp) throws IOException {
    for (String limit : List.of("0.01", "0.5")) {
      Path out = tmp.resolve("sim-" + limit);
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      int code =
          simulate(stdout, stderr, EXAMPLES, "--out", out.toString(), "--max-reject-rate", limit);
      boolean exceeded = limit.equals("0.01");
      assertEquals(exceeded ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK, code, stderr.toString());
      assertTrue(Files.exists(out.resolve("_SUCCESS")), "outputs written");

      JsonNode json = SummaryWriter.mapper().readTree(out.resolve("simulation.json").toFile());
      long read = 0;
      long rejected = 0;
      for (JsonNode i : json.get("inputs")) {
        read += i.get("read").asLong();
        rejected += i.get("rejected").asLong();
      }
      double rate = (double) rejected / read;
      JsonNode budget = json.get("budgets").get(0);
      assertEquals(1, json.get("budgets").size());
      assertEquals("max_reject_rate", budget.get("name").asText());
      assertEquals(rate, budget.get("actual").asDouble(), 1e-12);
      assertEquals(exceeded, budget.get("exceeded").asBoolean());
      assertTrue(
          stdout
              .toString()
              .contains(
                  String.format(
                      Locale.ROOT,
                      "budget max_reject_rate: %.4f against a limit of %.4f%s%n",
                      rate,
                      Double.parseDouble(limit),
                      exceeded ? " EXCEEDED" : "")),
          stdout.toString());
    }
  }

  /**
   * Without a source column in consents.csv, every consent counts as explicit: simulate says so, as
   * audit does, in simulation.json and on standard output; with it, nothing is noted.
   */
  @Test
  void notesAConsentsFileWithoutSourceColumn(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    for (String f : List.of("accounts.csv", "contacts.csv", "recommendations.csv")) {
      Files.copy(EXAMPLES.resolve(f), in.resolve(f));
    }
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(EXAMPLES.resolve("consents.csv"))) {
      String[] cells = line.split(",", -1);
      rows.add(String.join(",", cells[0], cells[1], cells[2], cells[4]));
    }
    Files.write(in.resolve("consents.csv"), rows);

    for (Path dir : List.of(EXAMPLES, in)) {
      Path out = tmp.resolve("sim-" + dir.getFileName());
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      assertEquals(0, simulate(stdout, stderr, dir, "--out", out.toString()), stderr.toString());
      JsonNode notes =
          SummaryWriter.mapper().readTree(out.resolve("simulation.json").toFile()).get("notes");
      String note = "note: " + RunSummary.SOURCE_NOT_CHECKED;
      if (dir == in) {
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(RunSummary.SOURCE_NOT_CHECKED, notes.get(0).asText());
        assertTrue(stdout.toString().contains(note + System.lineSeparator()), stdout.toString());
      } else {
        assertEquals(0, notes.size(), notes.toString());
        assertFalse(stdout.toString().contains("note: "), stdout.toString());
      }
    }
  }

  private static void assertCounts(
      JsonNode input,
      long read,
      long accepted,
      long duplicate,
      long ignored,
      long rejected,
      String reasons) {
    String file = input.get("file").asText();
    assertEquals(read, input.get("read").asLong(), file);
    assertEquals(accepted, input.get("accepted").asLong(), file);
    assertEquals(duplicate, input.get("duplicate").asLong(), file);
    assertEquals(ignored, input.get("ignored").asLong(), file);
    assertEquals(rejected, input.get("rejected").asLong(), file);
    assertEquals(reasons, input.get("reasons").toString(), file);
  }

  @Test
  void samplesViewersAndTargets(@TempDir Path tmp) throws IOException {
    Path input = tmp.resolve("in");
    AnalysesOutputTest.writeDataset(input);
    Path out = tmp.resolve("sim");
    StringWriter stderr = new StringWriter();
    int code =
        simulate(
            new StringWriter(),
            stderr,
            input,
            "--out",
            out.toString(),
            "--viewers",
            "2",
            "--probe-targets",
            "1",
            "--seed",
            "7",
            "--threads",
            "2",
            "--quiet");
    assertEquals(0, code, stderr.toString());
    JsonNode json = SummaryWriter.mapper().readTree(out.resolve("simulation.json").toFile());
    assertEquals(2, json.get("viewers").asInt());
    assertEquals(1, json.get("probe_targets").asInt());
    assertEquals(7, json.get("options").get("seed").asLong());
  }

  @ParameterizedTest
  @CsvSource({
    "--fail-on-leak-rate, 0.5",
    "--shadow-min-holders, 3",
    "--key-file, key.txt",
    "--pseudonymize-accounts,"
  })
  void refusesAnAuditOnlyOption(String option, String value, @TempDir Path tmp) {
    Path out = tmp.resolve("sim");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code =
        value == null
            ? simulate(stdout, stderr, EXAMPLES, "--out", out.toString(), option)
            : simulate(stdout, stderr, EXAMPLES, "--out", out.toString(), option, value);
    assertEquals(ExitCode.USAGE, code, stderr.toString());
    String first =
        value == null
            ? "contact-audit: Unknown option: '" + option + "'"
            : "contact-audit: Unknown options: '" + option + "', '" + value + "'";
    String[] lines = stderr.toString().split(System.lineSeparator());
    assertEquals(first, lines[0], stderr.toString());
    assertEquals(
        "Try 'contact-audit simulate --help' for more information.",
        lines[lines.length - 1],
        stderr.toString());
    assertEquals("", stdout.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void helpOffersOnlyTheOptionsSimulateUses() {
    StringWriter stdout = new StringWriter();
    int code = AnalysesOutputTest.run(stdout, new StringWriter(), "simulate", "--help");
    assertEquals(0, code);
    String help = stdout.toString();
    help = help.substring(0, help.indexOf("Exit codes:"));
    for (String option : List.of("--policy", "--threads", "--top-k", "rejects.csv")) {
      assertTrue(help.contains(option), option + " in\n" + help);
    }
    for (String option :
        List.of(
            "--shadow-min-holders",
            "--pseudonymize-accounts",
            "--key-file",
            "--fail-on-leak-rate")) {
      assertFalse(help.contains(option), option + " in\n" + help);
    }
  }

  @Test
  void everyBadOptionIsReportedAtOnce(@TempDir Path tmp) {
    StringWriter stderr = new StringWriter();
    int code =
        simulate(
            new StringWriter(),
            stderr,
            EXAMPLES,
            "--top-k",
            "0",
            "--viewers",
            "x",
            "--probe-targets",
            "-1",
            "--seed",
            "1.5");
    assertEquals(ExitCode.USAGE, code);
    assertEquals(
        String.join(
            System.lineSeparator(),
            "contact-audit: --out DIR is required",
            "contact-audit: --top-k '0' is not a whole number of at least 1",
            "contact-audit: --viewers 'x' is not a whole number of at least 1",
            "contact-audit: --probe-targets '-1' is not a whole number of at least 0",
            "contact-audit: --seed '1.5' is not a whole number",
            "Try 'contact-audit simulate --help' for more information.",
            ""),
        stderr.toString());
    assertFalse(Files.exists(tmp.resolve("sim")));
  }
}
