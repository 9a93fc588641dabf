package org.contactaudit.cli;

import java.util.List;

/** Every problem found on a command line, reported together. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  UsageException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
