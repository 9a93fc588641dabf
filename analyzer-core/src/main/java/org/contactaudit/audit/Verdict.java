package org.contactaudit.audit;

/** The verdict on one recommendation (docs/POLICY.md). */
public enum Verdict {
  /** Every piece of evidence is consensual. */
  OK,
  /** Some evidence is consensual and some is not. */
  AT_RISK,
  /** Evidence exists and none of it is consensual. */
  LEAK,
  /**
   * No evidence at the instant shown, but some when upload entries deleted at or before it still
   * counted: the app used deleted data. A leak.
   */
  STALE,
  /** No evidence at all: the contact graph does not explain it. */
  UNEXPLAINED
}
