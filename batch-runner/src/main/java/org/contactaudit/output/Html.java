package org.contactaudit.output;

import java.util.Locale;

/** Escaping and number formatting for the report: every text from the data goes through here. */
final class Html {

  private Html() {}

  /**
   * Escapes text for an HTML or SVG text node or a double-quoted attribute value.
   *
   * @param text any text, or null for an empty string
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A count with grouping: 1,234,567. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A share (0.123) as a percentage with one decimal (12.3%), or "n/a" when not a number. */
  static String percent(double share) {
    if (Double.isNaN(share) || Double.isInfinite(share)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,.1f%%", share * 100);
  }

  /** A decimal with grouping and one decimal place. */
  static String decimal(double x) {
    return String.format(Locale.ROOT, "%,.1f", x);
  }

  /** A size in bytes, in binary units: 512 B, 1.5 KiB, 12.3 MiB. */
  static String bytes(long n) {
    if (n < 1024) {
      return count(n) + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double x = n;
    int unit = -1;
    while (x >= 1024 && unit < units.length - 1) {
      x /= 1024;
      unit++;
    }
    return decimal(x) + " " + units[unit];
  }
}
