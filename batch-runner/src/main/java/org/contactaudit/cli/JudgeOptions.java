package org.contactaudit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.contactaudit.audit.Policy;
import picocli.CommandLine.Option;

/** How recommendations are judged, for audit and simulate alike: the policy and the threads. */
final class JudgeOptions {
  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Policy file (properties): setting names, requirements, accept_default_consent.")
  Path policy;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads that judge (reading parses each file on one thread more, whatever this is)."
              + " Default: the number of processors.")
  String threads;

  /** Adds every problem of these options to {@code problems}. */
  void check(List<String> problems) {
    Rates.checkCount("--threads", threads, 1, problems);
    if (policy != null) {
      try {
        Policy.load(policy);
      } catch (IOException e) {
        problems.add("--policy " + policy + ": cannot be read (" + e.getMessage() + ")");
      } catch (IllegalArgumentException e) {
        problems.add("--policy " + e.getMessage());
      }
    }
  }

  Policy policy() throws IOException {
    return policy == null ? Policy.defaults() : Policy.load(policy);
  }

  int threads() {
    return threads == null
        ? Runtime.getRuntime().availableProcessors()
        : Rates.parseCount(threads, 1);
  }
}
