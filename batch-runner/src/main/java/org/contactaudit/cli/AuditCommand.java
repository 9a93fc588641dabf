package org.contactaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code contact-audit audit}: judge every recommendation and write the outputs. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Judges every recommendation the app showed: its evidence in the contact graph, whether each"
          + " piece was consensual when shown, and a verdict (OK, AT_RISK, LEAK, STALE, UNEXPLAINED).",
      "Writes verdicts.csv, rejects.csv, shadow_profiles.csv, exposures.csv, summary.json,"
          + " report.html and _SUCCESS into --out, atomically. No raw phone number is ever"
          + " written or logged."
    },
    footerHeading = "%n",
    footer = {
      "The pseudonymization key comes from the environment variable CONTACT_AUDIT_KEY or"
          + " --key-file, never from the command line."
    })
class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin JudgeOptions judge = new JudgeOptions();
  @Mixin AuditOutputOptions audit = new AuditOutputOptions();

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>();
    input.check(problems);
    output.check(problems, true);
    judge.check(problems);
    audit.check(problems, Main.environment());
    if (!problems.isEmpty()) {
      throw new UsageException(problems);
    }
    PrintWriter out = spec.commandLine().getOut();
    AuditSettings settings =
        new AuditSettings(
            input.paths(),
            input.readOptions(audit.key(Main.environment())),
            output.out,
            output.overwrite,
            judge.policy(),
            judge.threads(),
            audit.shadowMinHolders(),
            audit.key(Main.environment()),
            audit.pseudonymizeAccounts,
            audit.failOnLeakRate(),
            output.maxRejectRate == null ? null : Rates.parseRate(output.maxRejectRate));
    AuditJob.Result result = new AuditJob(settings, Main.progress(spec, output.quiet)).audit();
    if (!output.quiet) {
      SummaryPrinter.print(result.summary(), output.out, out);
    }
    SummaryPrinter.printExceeded(result.summary().budgets(), spec.commandLine().getErr());
    return result.budgetExceeded() ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK;
  }
}
