package org.contactaudit.consent;

/** Where a consent record came from. */
public enum ConsentSource {
  /** The account chose the value. */
  EXPLICIT,
  /** The app set the value by default: consent only when the policy accepts defaults. */
  DEFAULT
}
