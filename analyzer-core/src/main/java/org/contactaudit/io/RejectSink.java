package org.contactaudit.io;

/**
 * Receives every rejected row as it is found, in file order; ignored rows are only counted in the
 * {@link FileSummary}. A batch run streams them to rejects.csv.
 */
@FunctionalInterface
public interface RejectSink {
  /** Takes one row's outcome. */
  void accept(Reject reject);
}
