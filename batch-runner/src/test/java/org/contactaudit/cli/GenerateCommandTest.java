package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void aBadValueIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(err));
    int code = cli.execute("--out", tmp.toString(), "--accounts", "0");
    assertEquals(2, code);
    assertTrue(
        err.toString().contains("accounts must be between 1 and 50000000, got 0"), err.toString());
  }
}
