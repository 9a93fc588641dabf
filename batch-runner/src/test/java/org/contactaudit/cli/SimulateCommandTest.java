package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contactaudit.output.SummaryWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
