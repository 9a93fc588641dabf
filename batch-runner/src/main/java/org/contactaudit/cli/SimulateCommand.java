package org.contactaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.contactaudit.analysis.Simulation;
import org.contactaudit.analysis.Simulator;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Policy;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.output.RunSummary;
import org.contactaudit.output.SimulationSummary;
import org.contactaudit.output.SimulationWriter;
import org.contactaudit.output.StagedOutput;
import org.contactaudit.output.VerdictTally;
import org.contactaudit.time.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code contact-audit simulate}: what common strategies would suggest, and what they leak. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Plays the common \"people you may know\" strategies (forward, reverse and shared"
          + " contacts, co-holders, chains) and a consent-safe one on the contact graph at --as-of:"
          + " the top --top-k suggestions for each viewer, judged with the same rules as audit;"
          + " and the probe attack, a fake account that uploads one number, against each.",
      "Writes simulation.csv, simulation.json and _SUCCESS into --out, atomically, and prints a"
          + " table. Only counts are written: no account id, no number, so no key is needed.",
      "Every input row is accounted for as by audit: read = accepted + duplicate + ignored +"
          + " rejected per file, with the reasons, in simulation.json and before the table. The"
          + " rejected rows themselves are not written here: contact-audit validate --out DIR or"
          + " audit writes them to rejects.csv."
    })
class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin JudgeOptions judge = new JudgeOptions();

  @Option(
      names = "--top-k",
      paramLabel = "N",
      defaultValue = "10",
      description = "Suggestions per viewer and strategy. Default: ${DEFAULT-VALUE}.")
  String topK;

  @Option(
      names = "--viewers",
      paramLabel = "N",
      description = "Simulate a uniform sample of N viewers. Default: every account.")
  String viewers;

  @Option(
      names = "--probe-targets",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Probe a uniform sample of N numbers held by at least two accounts."
              + " Default: ${DEFAULT-VALUE}.")
  String probeTargets;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the samples. Default: ${DEFAULT-VALUE}.")
  String seed;

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>();
    input.check(problems);
    output.check(problems, true);
    judge.check(problems);
    Rates.checkCount("--top-k", topK, 1, problems);
    Rates.checkCount("--viewers", viewers, 1, problems);
    Rates.checkCount("--probe-targets", probeTargets, 0, problems);
    if (parseSeed() == null) {
      problems.add("--seed '" + seed + "' is not a whole number");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(problems);
    }
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Progress progress = Main.progress(spec, output.quiet);
    Map<String, Long> timings = new LinkedHashMap<>();
    Policy policy = judge.policy();
    int threads = judge.threads();
    SimulationSummary summary;
    try (StagedOutput out = StagedOutput.create(output.out, output.overwrite)) {
      try {
        AuditInput in;
        try (Progress.Phase phase = progress.start("read", 0)) {
          in =
              HeapEstimate.guard(
                  input.paths(),
                  progress,
                  () -> DatasetReader.read(input.paths(), input.readOptions(), r -> {}));
          timings.put("read", phase.millis());
        }
        Simulation simulation;
        try (Progress.Phase phase = progress.start("simulate", 0)) {
          Auditor auditor = Auditor.of(in.graph(), in.consents(), policy);
          simulation =
              Simulator.of(auditor, Rates.parseCount(topK, 1))
                  .run(
                      in.asOf(),
                      viewers == null ? Integer.MAX_VALUE : Rates.parseCount(viewers, 1),
                      Rates.parseCount(probeTargets, 0),
                      parseSeed(),
                      threads);
          timings.put("simulate", phase.millis());
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("phone_mode", input.readOptions().phoneMode().name().toLowerCase(Locale.ROOT));
        options.put(
            "as_of", in.asOf() == Times.END_OF_TIME ? "end of time" : Times.format(in.asOf()));
        options.put("top_k", simulation.topK());
        options.put("viewers", viewers == null ? "all" : viewers);
        options.put("probe_targets", Rates.parseCount(probeTargets, 0));
        options.put("seed", parseSeed());
        options.put("threads", threads);
        summary =
            SimulationSummary.of(
                VersionProvider.version(),
                startedAt,
                options,
                policy.entries(),
                in.files(),
                VerdictTally.graphFigures(in.graph()),
                simulation,
                in.sourceChecked() ? List.of() : List.of(RunSummary.SOURCE_NOT_CHECKED),
                output.maxRejectRate == null
                    ? List.of()
                    : List.of(
                        RunSummary.Budget.rejectRate(
                            Rates.parseRate(output.maxRejectRate), in.files())),
                timings);
        SimulationWriter.write(summary, out);
        out.commit();
        if (!output.quiet) {
          PrintWriter w = spec.commandLine().getOut();
          SummaryPrinter.printInputs(summary.inputs(), w);
          SummaryPrinter.printNotes(summary.notes(), w);
          SimulationWriter.print(summary, w);
          SummaryPrinter.printBudgets(summary.budgets(), w);
          w.println("output: " + output.out);
          w.flush();
        }
      } catch (IOException e) {
        throw out.failure(e);
      } catch (UncheckedIOException e) {
        throw out.failure(e.getCause());
      }
    }
    SummaryPrinter.printExceeded(summary.budgets(), spec.commandLine().getErr());
    return summary.budgets().stream().anyMatch(RunSummary.Budget::exceeded)
        ? ExitCode.BUDGET_EXCEEDED
        : ExitCode.OK;
  }

  private Long parseSeed() {
    try {
      return Long.parseLong(seed.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
