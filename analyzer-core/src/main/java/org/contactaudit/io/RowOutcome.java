package org.contactaudit.io;

/** What became of an input row: each row ends as exactly one of these. */
public enum RowOutcome {
  /** Taken into the graph, the ledger or the recommendations. */
  ACCEPTED,
  /** The same fact again: merged with the first. */
  DUPLICATE,
  /** Harmless and left out, with a reason. */
  IGNORED,
  /** Wrong, with a reason; written to rejects.csv. */
  REJECTED
}
