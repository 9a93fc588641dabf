package org.contactaudit.spark;

import java.io.Serializable;

/**
 * One record of an input file as its parse task split it: the cells of the file's known columns, or
 * the detail of a malformed record, or (line {@code -1}) the trailer with the file's SHA-256.
 */
final class ParsedRow implements Serializable {
  private static final long serialVersionUID = 1L;

  final long line;
  final String[] cells;
  final String malformed;
  final String sha256;

  ParsedRow(long line, String[] cells, String malformed, String sha256) {
    this.line = line;
    this.cells = cells;
    this.malformed = malformed;
    this.sha256 = sha256;
  }
}
