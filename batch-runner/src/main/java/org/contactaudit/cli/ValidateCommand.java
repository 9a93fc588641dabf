package org.contactaudit.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.contactaudit.audit.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code contact-audit validate}: read and account for every input row, judge nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Checks the inputs: every file and required column, every row accepted, duplicate, ignored"
          + " or rejected with a reason, and the counts reconciled per file. Judges nothing.",
      "With --out, writes rejects.csv, summary.json and _SUCCESS there, atomically."
    })
class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>();
    input.check(problems);
    output.check(problems, false);
    if (!problems.isEmpty()) {
      throw new UsageException(problems);
    }
    AuditSettings settings =
        new AuditSettings(
            input.paths(),
            input.readOptions(),
            output.out,
            output.overwrite,
            Policy.defaults(),
            1,
            1,
            null,
            false,
            null,
            output.maxRejectRate == null ? null : Rates.parseRate(output.maxRejectRate));
    AuditJob.Result result = new AuditJob(settings, Main.progress(spec, output.quiet)).validate();
    if (!output.quiet) {
      SummaryPrinter.print(result.summary(), output.out, spec.commandLine().getOut());
    }
    SummaryPrinter.printExceeded(result.summary().budgets(), spec.commandLine().getErr());
    return result.budgetExceeded() ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK;
  }
}
