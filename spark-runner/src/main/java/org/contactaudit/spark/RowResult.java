package org.contactaudit.spark;

import java.io.Serializable;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.io.Reason;

/**
 * What became of one input row in a task: accepted with its fields, or rejected or ignored with a
 * reason; or the trailer a file's parse task emits after its last row, carrying the file's SHA-256.
 * One shape for the three files that are classified on the executors; unused fields stay zero.
 */
final class RowResult implements Serializable {
  private static final long serialVersionUID = 1L;

  long line;

  /** The fault, or null when the row was accepted (and for the trailer). */
  Reason reason;

  String column;
  String detail;

  /** Owner, consent holder or viewer. */
  int account;

  /** Candidate of a recommendation. */
  int candidate;

  /** The number key of an entry. */
  long key;

  /** Uploaded, updated or shown at. */
  long from;

  /** Deleted at. */
  long to;

  /** Setting of a consent, surface of a recommendation. */
  String text;

  /** Explanation of a recommendation. */
  String text2;

  boolean value;
  ConsentSource source;

  /** The SHA-256 of the file, on the trailer only. */
  String sha256;

  static RowResult rejected(long line, String column, Reason reason, String detail) {
    RowResult o = new RowResult();
    o.line = line;
    o.column = column;
    o.reason = reason;
    o.detail = detail;
    return o;
  }

  static RowResult trailer(String sha256) {
    RowResult o = new RowResult();
    o.line = -1;
    o.sha256 = sha256;
    return o;
  }

  boolean isTrailer() {
    return sha256 != null;
  }

  boolean accepted() {
    return reason == null && sha256 == null;
  }
}
