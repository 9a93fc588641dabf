package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when they mistype, ask for quiet, or hit an internal error. */
class CliFeedbackTest {
  @TempDir Path tmp;

  @Test
  void aMistypedCommandGetsASuggestion() {
    Cli.Run run = Cli.run("audti", "--input", "x");
    assertEquals(2, run.exit());
    assertEquals(
        "contact-audit: unknown command 'audti'\n"
            + "Did you mean: contact-audit audit?\n"
            + "Try 'contact-audit --help' for more information.\n",
        run.err());
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    Cli.Run run = Cli.run("audit", "--inptu", "x");
    assertEquals(2, run.exit());
    assertEquals(
        "contact-audit: Unknown options: '--inptu', 'x'\n"
            + "Possible solutions: --input\n"
            + "Try 'contact-audit audit --help' for more information.\n",
        run.err());
  }

  @Test
  void helpShowsRequiredOptionsAsRequired() {
    Cli.Run run = Cli.run("audit", "--help");
    assertTrue(
        run.out()
            .startsWith(
                "Usage: contact-audit audit (--input=DIR | --accounts=FILE --contacts=FILE\n"
                    + "--consents=FILE --recommendations=FILE) (--default-region=CC |\n"
                    + "--phone-mode=tokens) --out=DIR [OPTIONS]\n"),
        run.out());
    Cli.Run validate = Cli.run("validate", "--help");
    assertTrue(
        validate.out().contains("--phone-mode=tokens) [--out=DIR] [OPTIONS]"), validate.out());
  }

  @Test
  void quietStillSaysThatABudgetFailed() {
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            tmp.resolve("out").toString(),
            "--fail-on-leak-rate",
            "0.5",
            "--quiet");
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(
        "contact-audit: budget fail_on_leak_rate exceeded: 0.8000 against a limit of 0.5000\n",
        run.err());
    assertEquals("", run.log());
  }

  @Test
  void verbosePrintsTheStackTraceOfAnInternalError() {
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            tmp.resolve("out").toString(),
            "--threads",
            "100000",
            "--verbose");
    assertEquals(4, run.exit());
    assertTrue(
        run.err()
            .startsWith(
                "contact-audit: internal error: IllegalArgumentException\n"
                    + "java.lang.IllegalArgumentException\n\tat "),
        run.err());
    Cli.Run quiet =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            tmp.resolve("out").toString(),
            "--threads",
            "100000");
    assertEquals(
        "contact-audit: internal error: IllegalArgumentException\n"
            + "Run again with --verbose for the stack trace.\n",
        quiet.err());
  }
}
