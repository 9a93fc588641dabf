package org.contactaudit.cli;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.util.Map;
import org.contactaudit.io.InputException;
import org.contactaudit.output.OutputException;
import org.contactaudit.output.StagedOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The entry point: maps every outcome of a command to an exit code and a message. */
public final class Main {
  private static Map<String, String> environment = System.getenv();

  /** Synopses that show the required options as required (they are checked together, later). */
  private static final Map<String, String> SYNOPSES =
      Map.of(
          "audit",
          "contact-audit audit (--input=DIR | --accounts=FILE --contacts=FILE --consents=FILE"
              + " --recommendations=FILE) (--default-region=CC | --phone-mode=tokens) --out=DIR"
              + " [OPTIONS]%n",
          "validate",
          "contact-audit validate (--input=DIR | --accounts=FILE --contacts=FILE --consents=FILE"
              + " --recommendations=FILE) (--default-region=CC | --phone-mode=tokens) [--out=DIR]"
              + " [OPTIONS]%n",
          "simulate",
          "contact-audit simulate (--input=DIR | --accounts=FILE --contacts=FILE --consents=FILE"
              + " --recommendations=FILE) (--default-region=CC | --phone-mode=tokens) --out=DIR"
              + " [OPTIONS]%n");

  private Main() {}

  /** Runs {@code contact-audit} and exits with its code. */
  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    int exit;
    try {
      exit = run(args, new PrintWriter(System.out, true), err);
    } catch (OutOfMemoryError e) {
      err.println(
          "contact-audit: internal error: out of memory; give the JVM more heap"
              + " (CONTACT_AUDIT_JAVA_OPTS=-Xmx16g for the launcher); nothing was written");
      exit = ExitCode.INTERNAL;
    }
    System.exit(exit);
  }

  /** Runs {@code contact-audit} with the given streams and returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ContactAuditCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine, err));
    for (Map.Entry<String, String> synopsis : SYNOPSES.entrySet()) {
      cl.getSubcommands()
          .get(synopsis.getKey())
          .getCommandSpec()
          .usageMessage()
          .customSynopsis(synopsis.getValue());
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
      sub.getCommandSpec().usageMessage().exitCodeList(ExitCode.descriptions());
    }
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    cl.getCommandSpec().usageMessage().exitCodeList(ExitCode.descriptions());
    return cl;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    if (e instanceof UnmatchedArgumentException u
        && cl.getCommandSpec().parent() == null
        && args.length > 0
        && !args[0].startsWith("-")
        && u.getUnmatched().indexOf(args[0]) == 0) {
      err.println("contact-audit: unknown command '" + args[0] + "'");
    } else {
      err.println("contact-audit: " + e.getMessage());
    }
    if (e instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE;
  }

  private static int failure(Exception e, CommandLine cl, PrintWriter err) {
    String command = cl.getCommandSpec().qualifiedName();
    if (e instanceof UsageException) {
      for (String problem : ((UsageException) e).problems()) {
        err.println("contact-audit: " + problem);
      }
      err.println("Try '" + command + " --help' for more information.");
      return ExitCode.USAGE;
    }
    if (e instanceof InputException) {
      err.println("contact-audit: input error: " + e.getMessage());
      return ExitCode.INPUT;
    }
    if (e instanceof FileAlreadyExistsException) {
      err.println("contact-audit: " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (StagedOutput.abandonedBySignal()) {
      err.println("contact-audit: stopped by a signal; nothing was written");
      return ExitCode.INTERNAL;
    }
    if (e instanceof OutOfHeapException) {
      err.println("contact-audit: " + e.getMessage());
      return ExitCode.INTERNAL;
    }
    if (e instanceof OutputException) {
      err.println("contact-audit: output error: " + e.getMessage());
      return ExitCode.INTERNAL;
    }
    Logger log = LoggerFactory.getLogger("contact-audit");
    log.debug("internal error", e);
    err.println(
        "contact-audit: internal error: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    if (cl.getParseResult() != null && cl.getParseResult().hasMatchedOption("--verbose")) {
      e.printStackTrace(err);
    } else if (cl.getCommandSpec().findOption("--verbose") != null) {
      err.println("Run again with --verbose for the stack trace.");
    }
    return ExitCode.INTERNAL;
  }

  /** The environment, replaceable by tests. */
  static Map<String, String> environment() {
    return environment;
  }

  static void environment(Map<String, String> env) {
    environment = env;
  }

  /** Progress bars on a terminal, log lines otherwise. */
  static Progress progress(CommandSpec spec, boolean quiet) {
    boolean terminal = System.console() != null;
    return new Progress(terminal ? spec.commandLine().getErr() : null, quiet);
  }
}
