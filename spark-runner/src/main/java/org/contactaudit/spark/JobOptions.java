package org.contactaudit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.time.Times;

/**
 * The command line of {@link SparkAuditJob}, parsed and checked: every problem is listed at once.
 *
 * @param input the folder of the four files (any Hadoop path)
 * @param out the output folder (any Hadoop path); must not exist unless {@code overwrite}
 * @param master the Spark master for a local run, or null under spark-submit
 * @param partitions the number of partitions of the shuffles, or 0 for twice the cores
 */
record JobOptions(
    String input,
    String out,
    String defaultRegion,
    PhoneMode phoneMode,
    long asOf,
    String policy,
    Double failOnLeakRate,
    Double maxRejectRate,
    String master,
    int partitions,
    boolean overwrite) {

  /** The usage text. */
  static final String USAGE =
      "usage: SparkAuditJob --input PATH --out PATH --default-region CC [--phone-mode"
          + " numbers|tokens] [--as-of TIME] [--policy FILE] [--fail-on-leak-rate R]"
          + " [--max-reject-rate R] [--master local[2]] [--partitions N] [--overwrite]\n"
          + "the pseudonymization key is read from the environment variable CONTACT_AUDIT_KEY";

  /** A usage error: the problems found, one a line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parses the arguments. */
  static JobOptions parse(String[] args) throws UsageException {
    String input = null;
    String out = null;
    String region = null;
    String mode = "numbers";
    String asOf = null;
    String policy = null;
    String leak = null;
    String reject = null;
    String master = null;
    String partitions = null;
    boolean overwrite = false;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--overwrite")) {
        overwrite = true;
        continue;
      }
      if (!a.startsWith("--") || i + 1 >= args.length) {
        problems.add("unexpected argument '" + a + "'");
        continue;
      }
      String v = args[++i];
      switch (a) {
        case "--input" -> input = v;
        case "--out" -> out = v;
        case "--default-region" -> region = v;
        case "--phone-mode" -> mode = v;
        case "--as-of" -> asOf = v;
        case "--policy" -> policy = v;
        case "--fail-on-leak-rate" -> leak = v;
        case "--max-reject-rate" -> reject = v;
        case "--master" -> master = v;
        case "--partitions" -> partitions = v;
        default -> problems.add("unknown option " + a);
      }
    }
    if (input == null) {
      problems.add("--input PATH is required");
    }
    if (out == null) {
      problems.add("--out PATH is required");
    }
    PhoneMode phoneMode = null;
    for (PhoneMode m : PhoneMode.values()) {
      if (m.name().equalsIgnoreCase(mode)) {
        phoneMode = m;
      }
    }
    if (phoneMode == null) {
      problems.add("--phone-mode '" + mode + "' is not numbers or tokens");
    }
    if (region == null) {
      if (phoneMode == PhoneMode.TOKENS) {
        region = "ZZ";
      } else {
        problems.add("--default-region CC is required (ZZ: numbers are all in +CC form)");
      }
    }
    long asOfMillis = Times.END_OF_TIME;
    if (asOf != null) {
      try {
        asOfMillis = Times.parse(asOf);
      } catch (IllegalArgumentException e) {
        problems.add("--as-of " + e.getMessage());
      }
    }
    Double leakRate = rate("--fail-on-leak-rate", leak, problems);
    Double rejectRate = rate("--max-reject-rate", reject, problems);
    int parts = 0;
    if (partitions != null) {
      try {
        parts = Integer.parseInt(partitions);
      } catch (NumberFormatException e) {
        parts = -1;
      }
      if (parts < 1) {
        problems.add("--partitions '" + partitions + "' is not a positive integer");
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems) + "\n" + USAGE);
    }
    return new JobOptions(
        input,
        out,
        region.toUpperCase(Locale.ROOT),
        phoneMode,
        asOfMillis,
        policy,
        leakRate,
        rejectRate,
        master,
        parts,
        overwrite);
  }

  private static Double rate(String option, String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    try {
      double r = Double.parseDouble(value);
      if (r >= 0 && r <= 1) {
        return r;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(option + " '" + value + "' is not a rate between 0 and 1");
    return null;
  }
}
