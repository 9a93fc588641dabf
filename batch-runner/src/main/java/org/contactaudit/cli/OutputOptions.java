package org.contactaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the outputs go, how loud the run is, and the reject budget. */
final class OutputOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder; it appears complete or not at all.")
  Path out;

  @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
  boolean overwrite;

  @Option(
      names = "--quiet",
      description =
          "No progress and no summary: only warnings, errors and exceeded budgets, on standard"
              + " error.")
  boolean quiet;

  @Option(
      names = {"--verbose", "--debug"},
      description = "Print the stack trace of an internal error.")
  boolean verbose;

  @Option(
      names = "--max-reject-rate",
      paramLabel = "R",
      description = "Exit 1 when more than this share (0..1) of all input rows is rejected.")
  String maxRejectRate;

  void check(List<String> problems, boolean outRequired) {
    if (out == null && outRequired) {
      problems.add("--out DIR is required");
    }
    if (out != null && Files.exists(out) && !overwrite) {
      problems.add("--out " + out + " exists; pass --overwrite to replace it");
    }
    Rates.check("--max-reject-rate", maxRejectRate, problems);
  }
}
