package org.contactaudit.cli;

import java.util.List;

/** Parsing of the numeric options, reporting problems instead of throwing. */
final class Rates {
  private Rates() {}

  /** Checks a rate in [0, 1]; null (absent) is fine. */
  static void check(String option, String value, List<String> problems) {
    if (value != null && parseRate(value) == null) {
      problems.add(option + " '" + value + "' is not a number from 0 to 1 (such as 0.05)");
    }
  }

  static Double parseRate(String value) {
    try {
      double r = Double.parseDouble(value.strip());
      return r >= 0 && r <= 1 ? r : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Checks a whole number of at least {@code min}; null (absent) is fine. */
  static void checkCount(String option, String value, int min, List<String> problems) {
    if (value != null && parseCount(value, min) == null) {
      problems.add(option + " '" + value + "' is not a whole number of at least " + min);
    }
  }

  static Integer parseCount(String value, int min) {
    try {
      int n = Integer.parseInt(value.strip());
      return n >= min ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
