package org.contactaudit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.contactaudit.phone.Pseudonymizer;
import picocli.CommandLine.Option;

/**
 * What only audit's outputs need: the shadow-profile threshold, the pseudonymization key and
 * whether account ids are pseudonymized too, and the leak budget.
 */
final class AuditOutputOptions {
  /** The environment variable that may hold the pseudonymization key. */
  static final String KEY_VARIABLE = "CONTACT_AUDIT_KEY";

  @Option(
      names = "--shadow-min-holders",
      paramLabel = "K",
      defaultValue = "3",
      description = "List shadow numbers held by at least K accounts. Default: ${DEFAULT-VALUE}.")
  String shadowMinHolders;

  @Option(
      names = "--pseudonymize-accounts",
      description = "Write account ids as keyed pseudonyms too (numbers always are).")
  boolean pseudonymizeAccounts;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "File holding the pseudonymization key (at least 16 bytes). Default: the"
              + " environment variable "
              + KEY_VARIABLE
              + ". Never on the command line.")
  Path keyFile;

  @Option(
      names = "--fail-on-leak-rate",
      paramLabel = "R",
      description =
          "Exit 1 when more than this share (0..1) of recommendations is LEAK, AT_RISK or STALE.")
  String failOnLeakRate;

  /** Adds every problem of these options to {@code problems}; a missing or bad key is one. */
  void check(List<String> problems, Map<String, String> environment) {
    Rates.checkCount("--shadow-min-holders", shadowMinHolders, 1, problems);
    Rates.check("--fail-on-leak-rate", failOnLeakRate, problems);
    try {
      key(environment);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
  }

  /** The key, from the key file or the environment. */
  Pseudonymizer key(Map<String, String> environment) {
    byte[] key;
    if (keyFile != null) {
      try {
        key =
            Files.readString(keyFile, StandardCharsets.UTF_8)
                .strip()
                .getBytes(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("--key-file " + keyFile + " cannot be read", e);
      }
    } else {
      String value = environment.get(KEY_VARIABLE);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "no pseudonymization key: shadow numbers are named by a keyed hash; set "
                + KEY_VARIABLE
                + " or pass --key-file FILE (at least 16 random bytes, never on the command line)");
      }
      key = value.strip().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Pseudonymizer.withKey(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (keyFile != null ? "--key-file " + keyFile : KEY_VARIABLE) + ": " + e.getMessage(), e);
    }
  }

  int shadowMinHolders() {
    return Rates.parseCount(shadowMinHolders, 1);
  }

  Double failOnLeakRate() {
    return failOnLeakRate == null ? null : Rates.parseRate(failOnLeakRate);
  }
}
