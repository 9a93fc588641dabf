package org.contactaudit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of {@code contact-audit}, documented in {@code --help} and the README. */
final class ExitCode {
  /** The run succeeded and every budget held. */
  static final int OK = 0;

  /** A budget was exceeded; the outputs are complete and written. */
  static final int BUDGET_EXCEEDED = 1;

  /** The command line is wrong; nothing was read or written. */
  static final int USAGE = 2;

  /** An input file or column is missing or unreadable; nothing was written. */
  static final int INPUT = 3;

  /** An internal or I/O error; nothing was written. */
  static final int INTERNAL = 4;

  private ExitCode() {}

  /** The exit codes with their meaning, for the help of every command. */
  static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Integer.toString(OK), "success: outputs written, every budget held");
    m.put(
        Integer.toString(BUDGET_EXCEEDED),
        "a budget was exceeded (--fail-on-leak-rate, --max-reject-rate); outputs written");
    m.put(Integer.toString(USAGE), "usage error: every problem listed; nothing read or written");
    m.put(
        Integer.toString(INPUT),
        "input error: a missing file or required column, named; nothing written");
    m.put(Integer.toString(INTERNAL), "internal or I/O error; nothing written");
    return m;
  }
}
