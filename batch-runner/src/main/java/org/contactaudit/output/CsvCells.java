package org.contactaudit.output;

/**
 * Makes text safe to open in a spreadsheet: a cell starting with {@code = + - @}, a tab or a
 * carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe, as
 * OWASP recommends. Numbers written by the tool itself never need it.
 */
final class CsvCells {
  private CsvCells() {}

  static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + text;
    }
    return text;
  }
}
