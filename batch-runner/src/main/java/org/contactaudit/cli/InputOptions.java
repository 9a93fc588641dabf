package org.contactaudit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.contactaudit.io.InputFile;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.phone.Pseudonymizer;
import org.contactaudit.time.Times;
import picocli.CommandLine.Option;

/**
 * Where the inputs are and how to read them. Values that need checking are taken as text and
 * checked together by {@link #check}, so that every problem is reported at once.
 */
final class InputOptions {
  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Folder with accounts.csv, contacts.csv, consents.csv, recommendations.csv"
              + " (each may be .csv.gz).")
  Path input;

  @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv, if elsewhere.")
  Path accounts;

  @Option(names = "--contacts", paramLabel = "FILE", description = "contacts.csv, if elsewhere.")
  Path contacts;

  @Option(names = "--consents", paramLabel = "FILE", description = "consents.csv, if elsewhere.")
  Path consents;

  @Option(
      names = "--recommendations",
      paramLabel = "FILE",
      description = "recommendations.csv, if elsewhere.")
  Path recommendations;

  @Option(
      names = "--default-region",
      paramLabel = "CC",
      description =
          "Region of numbers written without +country code (CN, US, DE, ...; ZZ: none)."
              + " Required with --phone-mode numbers.")
  String defaultRegion;

  @Option(
      names = "--phone-mode",
      paramLabel = "MODE",
      defaultValue = "numbers",
      description =
          "numbers (normalized to E.164) or tokens (opaque pseudonyms from the export,"
              + " compared verbatim). Default: ${DEFAULT-VALUE}.")
  String phoneMode;

  @Option(
      names = "--as-of",
      paramLabel = "TIME",
      description =
          "Instant at which recommendations without shown_at are judged"
              + " (ISO-8601 instant or date). Default: the end of time.")
  String asOf;

  /** Adds every problem of these options to {@code problems}. */
  void check(List<String> problems) {
    if (input == null) {
      for (InputFile f : InputFile.values()) {
        if (path(f) == null) {
          problems.add("no " + f.fileName() + ": pass --input DIR or --" + option(f) + " FILE");
        }
      }
    }
    PhoneMode mode = mode();
    if (mode == null) {
      problems.add("--phone-mode '" + phoneMode + "' is not numbers or tokens");
    }
    if (mode == PhoneMode.NUMBERS) {
      if (defaultRegion == null) {
        problems.add(
            "--default-region is required with --phone-mode numbers"
                + " (ZZ when every number is written with +country code)");
      } else {
        try {
          ReadOptions.builder().defaultRegion(defaultRegion).build();
        } catch (IllegalArgumentException e) {
          problems.add("--default-region: " + e.getMessage());
        }
      }
    }
    if (asOf != null) {
      try {
        Times.parse(asOf);
      } catch (IllegalArgumentException e) {
        problems.add("--as-of: " + e.getMessage());
      }
    }
  }

  private static String option(InputFile f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  private Path path(InputFile f) {
    return switch (f) {
      case ACCOUNTS -> accounts;
      case CONTACTS -> contacts;
      case CONSENTS -> consents;
      case RECOMMENDATIONS -> recommendations;
    };
  }

  private PhoneMode mode() {
    for (PhoneMode m : PhoneMode.values()) {
      if (m.name().equalsIgnoreCase(phoneMode)) {
        return m;
      }
    }
    return null;
  }

  /** The paths, once checked. */
  InputPaths paths() {
    InputPaths paths = InputPaths.inFolder(input == null ? Path.of(".") : input);
    for (InputFile f : InputFile.values()) {
      if (path(f) != null) {
        paths = paths.with(f, path(f));
      }
    }
    return paths;
  }

  /** The read options, once checked. */
  ReadOptions readOptions() {
    return readOptions(null);
  }

  /** The read options; {@code numberNames} names phone-like id cells in reject details. */
  ReadOptions readOptions(Pseudonymizer numberNames) {
    ReadOptions.Builder b = ReadOptions.builder().phoneMode(mode()).numberNames(numberNames);
    if (defaultRegion != null) {
      b.defaultRegion(defaultRegion);
    }
    if (asOf != null) {
      b.asOf(Times.parse(asOf));
    }
    return b.build();
  }
}
