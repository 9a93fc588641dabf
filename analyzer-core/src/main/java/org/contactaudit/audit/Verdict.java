package org.contactaudit.audit;

/** The verdict on one recommendation (SPEC section 4). */
public enum Verdict {
  /** Every piece of evidence is consensual. */
  OK,
  /** Some evidence is consensual and some is not. */
  AT_RISK,
  /** Evidence exists and none of it is consensual. */
  LEAK,
  /** No evidence at all: the contact graph does not explain it. */
  UNEXPLAINED
}
