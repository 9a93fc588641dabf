package org.contactaudit.audit;

/** Whose consent a requirement asks for. */
public enum Role {
  /** The account shown the recommendation. */
  VIEWER,
  /** The account recommended. */
  CANDIDATE,
  /** The owner of a shared number, or the account through which a co-holder or chain passes. */
  BRIDGE;

  /** The lower-case name used in policies and missing consents, such as {@code viewer}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
