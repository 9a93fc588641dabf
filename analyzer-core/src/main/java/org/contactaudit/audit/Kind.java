package org.contactaudit.audit;

/**
 * The kinds of evidence that link viewer {@code V} to candidate {@code C} (docs/POLICY.md),
 * declared from the most severe to the least: the order in which the primary kind is chosen.
 */
public enum Kind {
  /** {@code C → V} only: {@code V} learns that {@code C} holds {@code V}'s number (Douyin). */
  REVERSE(false),
  /** {@code V} and {@code C} both hold a number {@code x}: the bridge is the number. */
  SHARED_CONTACT(true),
  /** {@code V → W} and {@code W → C}: the bridge is the account {@code W}. */
  CHAIN(true),
  /** An account {@code W} holds both {@code V} and {@code C}: the bridge is {@code W}. */
  CO_HOLDER(true),
  /** {@code V → C} only. */
  FORWARD(false),
  /** {@code V → C} and {@code C → V}. */
  MUTUAL(false);

  private final boolean bridged;

  Kind(boolean bridged) {
    this.bridged = bridged;
  }

  /** Whether each piece of this kind goes through a bridge (a number or an account). */
  public boolean bridged() {
    return bridged;
  }

  /** The lower-case name used in files, such as {@code shared_contact}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
