package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path tmp;

  @Test
  void writesTheDatasetAndPrintsItsShape() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand()).setOut(new PrintWriter(out));
    int code =
        cli.execute(
            "--out",
            tmp.toString(),
            "--accounts",
            "300",
            "--seed",
            "5",
            "--gzip",
            "--consent-mix",
            "0.2,0.3,0.5");
    assertEquals(0, code);
    assertTrue(Files.exists(tmp.resolve("contacts.csv.gz")));
    assertTrue(Files.exists(tmp.resolve("shape.json")));
    assertTrue(out.toString().contains("\"accounts\" : 300"), out.toString());
  }

  @Test
  void theRefinementOptionsReachTheGenerator() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand()).setOut(new PrintWriter(out));
    int code =
        cli.execute(
            "--out",
            tmp.toString(),
            "--accounts",
            "300",
            "--recycled-number-share",
            "0",
            "--pre-registration-consent-share",
            "0",
            "--stale-share",
            "0",
            "--explanation-mix",
            "0,0,0,1");
    assertEquals(0, code);
    String shape = out.toString();
    assertTrue(shape.contains("\"recycledNumbers\" : 0,"), shape);
    assertTrue(shape.contains("\"preRegistrationConsents\" : 0,"), shape);
    assertTrue(shape.contains("\"staleRecommendations\" : 0,"), shape);
    assertTrue(shape.contains("\"unrecognized\" : 0,"), shape);
    assertTrue(shape.contains("\"oddlyWritten\" : 0"), shape);
  }

  @Test
  void theHelpStatesTheRates() {
    String help = new CommandLine(new GenerateCommand()).getUsageMessage();
    for (String rate :
        List.of(
            "--recycled-number-share=S",
            "(default: 0.5)",
            "25% of hand-overs",
            "(default: 0.1)",
            "(default: 0.005)",
            "(default: 0.6,0.15,0.05,0.2)",
            "10% of the non-empty",
            "about 40% of the entries")) {
      assertTrue(help.replaceAll("\\s+", " ").contains(rate), rate + " in " + help);
    }
  }

  @Test
  void aBadExplanationMixIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(err));
    int code = cli.execute("--out", tmp.toString(), "--explanation-mix", "0.5,0.5");
    assertEquals(2, code);
    assertTrue(err.toString().contains("--explanation-mix takes 4 numbers, got 2"), err.toString());
  }

  @Test
  void aBadValueIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(err));
    int code = cli.execute("--out", tmp.toString(), "--accounts", "0");
    assertEquals(2, code);
    assertTrue(
        err.toString().contains("accounts must be between 1 and 50000000, got 0"), err.toString());
  }
}
