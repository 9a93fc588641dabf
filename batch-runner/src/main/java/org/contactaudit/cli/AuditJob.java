package org.contactaudit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.contactaudit.audit.Auditor;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.io.FileSummary;
import org.contactaudit.io.InputFile;
import org.contactaudit.output.AccountNames;
import org.contactaudit.output.AnalysesWriter;
import org.contactaudit.output.RejectsWriter;
import org.contactaudit.output.ReportWriter;
import org.contactaudit.output.RunSummary;
import org.contactaudit.output.StagedOutput;
import org.contactaudit.output.SummaryWriter;
import org.contactaudit.output.VerdictTally;
import org.contactaudit.output.VerdictsWriter;
import org.contactaudit.time.Times;

/**
 * One batch run: read and account for every input row, judge every accepted recommendation, write
 * the outputs into a staged folder and commit it. The command classes only parse and map results to
 * exit codes; the work is here.
 */
final class AuditJob {
  /** The outcome of a run. */
  record Result(RunSummary summary, boolean budgetExceeded) {}

  private final AuditSettings settings;
  private final Progress progress;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

  AuditJob(AuditSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Reads, judges and writes every output. */
  Result audit() throws IOException {
    try (StagedOutput out = StagedOutput.create(settings.out(), settings.overwrite())) {
      try {
        return audit(out);
      } catch (IOException e) {
        throw out.failure(e);
      } catch (UncheckedIOException e) {
        throw out.failure(e.getCause());
      }
    }
  }

  private Result audit(StagedOutput out) throws IOException {
    AccountNames names = names();
    AuditInput input = read(out, names);
    out.checkpoint();
    Auditor auditor = Auditor.of(input.graph(), input.consents(), settings.policy());
    VerdictTally tally = new VerdictTally(input.graph(), input.recommendations(), names);
    try (VerdictsWriter verdicts =
            new VerdictsWriter(
                out.file("verdicts.csv"), input.graph(), input.recommendations(), names);
        Progress.Phase phase = progress.start("judge", input.recommendations().size())) {
      auditor.judgeAll(
          input,
          settings.threads(),
          j -> {
            verdicts.write(j);
            tally.add(j);
            phase.advance(1);
          });
      timings.put("judge", phase.millis());
    }
    out.checkpoint();
    AnalysesWriter.Figures analyses;
    try (Progress.Phase phase = progress.start("analyses", 0)) {
      analyses =
          AnalysesWriter.write(
              input, settings.policy(), settings.shadowMinHolders(), settings.key(), names, out);
      timings.put("analyses", phase.millis());
    }
    List<RunSummary.Budget> budgets = budgets(input, tally);
    RunSummary summary = summary(input, tally, analyses, budgets);
    write(out, summary);
    return new Result(summary, exceeded(budgets));
  }

  /** Reads and accounts for every row; writes rejects.csv and summary.json when there is --out. */
  Result validate() throws IOException {
    if (settings.out() == null) {
      AuditInput input;
      try (Progress.Phase phase = progress.start("read", 0)) {
        input =
            HeapEstimate.guard(
                settings.paths(),
                progress,
                () -> DatasetReader.read(settings.paths(), settings.read(), r -> {}));
        timings.put("read", phase.millis());
      }
      List<RunSummary.Budget> budgets = budgets(input, null);
      return new Result(summary(input, null, null, budgets), exceeded(budgets));
    }
    try (StagedOutput out = StagedOutput.create(settings.out(), settings.overwrite())) {
      try {
        AuditInput input = read(out, names());
        List<RunSummary.Budget> budgets = budgets(input, null);
        RunSummary summary = summary(input, null, null, budgets);
        write(out, summary);
        return new Result(summary, exceeded(budgets));
      } catch (IOException e) {
        throw out.failure(e);
      } catch (UncheckedIOException e) {
        throw out.failure(e.getCause());
      }
    }
  }

  private AccountNames names() {
    return settings.pseudonymizeAccounts()
        ? AccountNames.pseudonymized(settings.key())
        : AccountNames.asGiven();
  }

  private AuditInput read(StagedOutput out, AccountNames names) throws IOException {
    try (RejectsWriter rejects = new RejectsWriter(out.file("rejects.csv"), names);
        Progress.Phase phase = progress.start("read", InputFile.values().length)) {
      AuditInput input =
          HeapEstimate.guard(
              settings.paths(),
              progress,
              () ->
                  DatasetReader.read(
                      settings.paths(),
                      settings.read(),
                      rejects,
                      (file, rows, done) -> {
                        String read =
                            String.format(Locale.ROOT, "%s %,d rows", file.fileName(), rows);
                        phase.at(read, rows);
                        if (done) {
                          phase.advance(1);
                          progress.info("read: " + read);
                        }
                      }));
      timings.put("read", phase.millis());
      return input;
    }
  }

  /** Writes the summary files and commits the output; the summary's timings end before this. */
  private void write(StagedOutput out, RunSummary summary) throws IOException {
    try (Progress.Phase phase = progress.start("write", 0)) {
      out.checkpoint();
      SummaryWriter.write(summary, out.file("summary.json"));
      ReportWriter.write(summary, out.file("report.html"));
      out.commit();
      timings.put("write", phase.millis());
    }
  }

  private static boolean exceeded(List<RunSummary.Budget> budgets) {
    return budgets.stream().anyMatch(RunSummary.Budget::exceeded);
  }

  private List<RunSummary.Budget> budgets(AuditInput input, VerdictTally tally) {
    List<RunSummary.Budget> budgets = new ArrayList<>();
    if (settings.maxRejectRate() != null) {
      budgets.add(RunSummary.Budget.rejectRate(settings.maxRejectRate(), input.files()));
    }
    if (settings.failOnLeakRate() != null && tally != null) {
      double rate = tally.leakRate();
      budgets.add(
          new RunSummary.Budget(
              "fail_on_leak_rate",
              settings.failOnLeakRate(),
              rate,
              rate > settings.failOnLeakRate()));
    }
    return budgets;
  }

  private RunSummary summary(
      AuditInput input,
      VerdictTally tally,
      AnalysesWriter.Figures analyses,
      List<RunSummary.Budget> budgets) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("phone_mode", settings.read().phoneMode().name().toLowerCase(Locale.ROOT));
    options.put("default_region", settings.read().defaultRegion());
    options.put(
        "as_of",
        settings.read().asOf() == Times.END_OF_TIME
            ? "end of time"
            : Times.format(settings.read().asOf()));
    options.put("threads", settings.threads());
    options.put("shadow_min_holders", settings.shadowMinHolders());
    options.put("pseudonymize_accounts", settings.pseudonymizeAccounts());
    List<String> notes = new ArrayList<>();
    if (!input.sourceChecked()) {
      notes.add(RunSummary.SOURCE_NOT_CHECKED);
    }
    List<RunSummary.Input> inputs = new ArrayList<>();
    for (FileSummary f : input.files()) {
      inputs.add(RunSummary.Input.of(f));
    }
    return new RunSummary(
        new RunSummary.Tool("contact-audit", VersionProvider.version()),
        startedAt,
        options,
        settings.policy().entries(),
        input.sourceChecked(),
        notes,
        inputs,
        VerdictTally.graphFigures(input.graph()),
        tally == null ? null : tally.figures(),
        analyses == null ? null : analyses.shadows(),
        analyses == null ? null : analyses.exposure(),
        tally == null ? List.of() : tally.examples(),
        budgets,
        Collections.unmodifiableMap(new LinkedHashMap<>(timings)));
  }
}
