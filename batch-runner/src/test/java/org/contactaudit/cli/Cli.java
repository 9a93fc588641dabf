package org.contactaudit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code contact-audit} in-process, capturing standard output, standard error and logs. */
final class Cli {
  /** What one run printed and returned. */
  record Run(int exit, String out, String err, String log) {}

  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  static final String KEY = "a-test-key-of-more-than-16-bytes";

  private Cli() {}

  static Run run(String... args) {
    return run(Map.of(AuditOutputOptions.KEY_VARIABLE, KEY), args);
  }

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream previous = System.err;
    Main.environment(env);
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new Run(exit, out.toString(), err.toString(), log.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(previous);
      Main.environment(System.getenv());
    }
  }
}
