package org.contactaudit.io;

/**
 * Receives every rejected and ignored row as it is found, in file order. A batch run streams them
 * to rejects.csv; the default keeps them in memory.
 */
@FunctionalInterface
public interface RejectSink {
  /** Takes one row's outcome. */
  void accept(Reject reject);
}
