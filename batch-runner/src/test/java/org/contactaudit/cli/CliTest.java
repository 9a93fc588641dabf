package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a scheduler sees it: help, version, every usage error, every exit code. */
class CliTest {
  @TempDir Path tmp;

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    Cli.Run run = Cli.run("--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("audit"), run.out());
    assertTrue(run.out().contains("validate"), run.out());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("usage error: every problem listed"), run.out());
  }

  @Test
  void auditHelpDocumentsOptionsAndExitCodes() {
    Cli.Run run = Cli.run("audit", "--help");
    assertEquals(0, run.exit());
    for (String option :
        new String[] {
          "--input",
          "--default-region",
          "--phone-mode",
          "--as-of",
          "--out",
          "--overwrite",
          "--policy",
          "--threads",
          "--shadow-min-holders",
          "--pseudonymize-accounts",
          "--key-file",
          "--fail-on-leak-rate",
          "--max-reject-rate",
          "--quiet"
        }) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
    assertTrue(run.out().contains("  3   input error"), run.out());
  }

  @Test
  void versionPrintsTheToolVersion() {
    Cli.Run run = Cli.run("--version");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("contact-audit "), run.out());
  }

  @Test
  void noSubcommandIsAUsageError() {
    Cli.Run run = Cli.run();
    assertEquals(2, run.exit());
    assertEquals(
        "contact-audit: a subcommand is required\n"
            + "Try 'contact-audit --help' for more information.\n",
        run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Run run = Cli.run("audit", "--inptu", "x");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("contact-audit: Unknown options: '--inptu', 'x'"), run.err());
    assertTrue(run.err().endsWith("Try 'contact-audit audit --help' for more information.\n"));
  }

  @Test
  void everyUsageProblemIsReportedAtOnce() throws IOException {
    Path existing = Files.createDirectory(tmp.resolve("existing"));
    Cli.Run run =
        Cli.run(
            Map.of(),
            "audit",
            "--accounts",
            "a.csv",
            "--default-region",
            "XX",
            "--as-of",
            "yesterday",
            "--out",
            existing.toString(),
            "--threads",
            "0",
            "--fail-on-leak-rate",
            "5%",
            "--max-reject-rate",
            "-1");
    assertEquals(2, run.exit());
    assertEquals(
        "contact-audit: no contacts.csv: pass --input DIR or --contacts FILE\n"
            + "contact-audit: no consents.csv: pass --input DIR or --consents FILE\n"
            + "contact-audit: no recommendations.csv: pass --input DIR or --recommendations FILE\n"
            + "contact-audit: --default-region: unknown default region 'XX': use a two-letter"
            + " region code such as CN, US or DE, or ZZ for none\n"
            + "contact-audit: --as-of: 'yesterday' is not an ISO-8601 instant"
            + " (2020-06-01T10:00:00Z) or date (2020-06-01)\n"
            + "contact-audit: --out "
            + existing
            + " exists; pass --overwrite to replace it\n"
            + "contact-audit: --max-reject-rate '-1' is not a number from 0 to 1 (such as 0.05)\n"
            + "contact-audit: --threads '0' is not a whole number of at least 1\n"
            + "contact-audit: --fail-on-leak-rate '5%' is not a number from 0 to 1 (such as 0.05)\n"
            + "contact-audit: no pseudonymization key: shadow numbers are named by a keyed hash;"
            + " set CONTACT_AUDIT_KEY or pass --key-file FILE (at least 16 random bytes, never on"
            + " the command line)\n"
            + "Try 'contact-audit audit --help' for more information.\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void missingKeyStopsBeforeReading() {
    Path out = tmp.resolve("out");
    Cli.Run run =
        Cli.run(
            Map.of(),
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no pseudonymization key"), run.err());
    assertFalse(run.log().contains("read: started"), run.log());
    assertFalse(Files.exists(out));
  }

  @Test
  void shortKeyFileIsNamed() throws IOException {
    Path key = Files.writeString(tmp.resolve("short.key"), "too short");
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--key-file",
            key.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertEquals(2, run.exit());
    assertEquals(
        "contact-audit: --key-file "
            + key
            + ": the pseudonymization key has 9 bytes; use at least 16 random bytes\n"
            + "Try 'contact-audit audit --help' for more information.\n",
        run.err());
  }

  @Test
  void invalidPolicyIsAUsageErrorNamingTheKey() throws IOException {
    Path policy = Files.writeString(tmp.resolve("policy.properties"), "require.chian = x.y\n");
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--policy",
            policy.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertEquals(2, run.exit());
    assertTrue(
        run.err()
            .startsWith(
                "contact-audit: --policy policy.properties: key 'require.chian': unknown kind"
                    + " 'chian'"),
        run.err());
  }

  @Test
  void missingRequiredColumnIsAnInputErrorAndWritesNothing() throws IOException {
    Path in = copyExamples();
    Files.writeString(in.resolve("contacts.csv"), "owner_id,number\nzhou,13800138000\n");
    Path out = tmp.resolve("out");
    Cli.Run run = audit(in, out);
    assertEquals(3, run.exit());
    assertEquals(
        "contact-audit: input error: contacts.csv: required column 'phone' is missing;"
            + " found columns: owner_id, number; expected a header row with the columns"
            + " owner_id, phone (optional: uploaded_at, deleted_at)\n",
        run.err());
    assertFalse(Files.exists(out));
    try (var siblings = Files.list(tmp)) {
      assertEquals(1, siblings.count(), "only the input folder: no staging folder left behind");
    }
  }

  @Test
  void missingFileIsAnInputError() throws IOException {
    Path in = copyExamples();
    Files.delete(in.resolve("consents.csv"));
    Cli.Run run = audit(in, tmp.resolve("out"));
    assertEquals(3, run.exit());
    assertTrue(
        run.err().startsWith("contact-audit: input error: consents.csv: the file does not exist"),
        run.err());
  }

  @Test
  void leakBudgetExceededExitsOneWithOutputsWritten() throws IOException {
    Path out = tmp.resolve("out");
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString(),
            "--fail-on-leak-rate",
            "0.5");
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.out().contains("budget fail_on_leak_rate: 0.8000 against a limit of 0.5000 EXCEEDED"));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void rejectBudgetHoldsOrNot() {
    Cli.Run held =
        Cli.run(
            "validate",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--max-reject-rate",
            "0.2");
    assertEquals(0, held.exit(), held.err());
    Cli.Run exceeded =
        Cli.run(
            "validate",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--max-reject-rate",
            "0.01");
    assertEquals(1, exceeded.exit(), exceeded.err());
  }

  @Test
  void validateReportSaysNothingWasJudged() throws IOException {
    Path out = tmp.resolve("validated");
    Cli.Run run =
        Cli.run(
            "validate",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString());
    assertEquals(0, run.exit(), run.err());
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("Nothing was judged"), report);
    assertFalse(report.contains("No LEAK"), "nothing was judged, so nothing is reported as safe");
  }

  @Test
  void existingOutputIsRefusedThenReplacedWithOverwrite() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old");
    assertEquals(2, audit(Cli.EXAMPLES, out).exit());
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            out.toString(),
            "--overwrite");
    assertEquals(0, run.exit(), run.err());
    assertFalse(Files.exists(out.resolve("old.txt")));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void quietPrintsNothingOnSuccess() {
    Cli.Run run =
        Cli.run(
            "audit",
            "--input",
            Cli.EXAMPLES.toString(),
            "--default-region",
            "CN",
            "--out",
            tmp.resolve("out").toString(),
            "--quiet");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  private Cli.Run audit(Path in, Path out) {
    return Cli.run(
        "audit", "--input", in.toString(), "--default-region", "CN", "--out", out.toString());
  }

  private Path copyExamples() throws IOException {
    Path in = Files.createDirectory(tmp.resolve("in"));
    for (String f :
        new String[] {"accounts.csv", "contacts.csv", "consents.csv", "recommendations.csv"}) {
      Files.copy(Cli.EXAMPLES.resolve(f), in.resolve(f));
    }
    return in;
  }
}
