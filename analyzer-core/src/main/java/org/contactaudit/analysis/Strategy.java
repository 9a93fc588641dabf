package org.contactaudit.analysis;

import java.util.Locale;

/**
 * The "people you may know" strategies the {@link Simulator} plays, each suggesting to a viewer
 * {@code V} the other accounts {@code C} that exist at {@code t}, ranked by a score (the evidence
 * count) and then by account id. An account with score {@code 0} is never suggested.
 */
public enum Strategy {
  /**
   * {@code V → C}; score: the direct edges between them ({@code 2} when mutual, else {@code 1}).
   */
  FORWARD_CONTACTS,
  /**
   * {@code C → V}; score: the direct edges between them ({@code 2} when mutual, else {@code 1}).
   */
  REVERSE_CONTACTS,
  /** Score: the numbers other than their own that both hold ({@code SHARED_CONTACT} bridges). */
  SHARED_CONTACTS,
  /** Score: the accounts other than the two that hold both their numbers ({@code CO_HOLDER}). */
  CO_HOLDERS,
  /** Score: the accounts {@code W} with {@code V → W → C} ({@code CHAIN} bridges). */
  CHAINS,
  /**
   * The union of the others, scored by all evidence (direct edges + shared contacts + co-holders +
   * chain bridges), keeping only the candidates {@link org.contactaudit.audit.Auditor#isConsensual}
   * accepts, walked in rank order until {@code k} are kept: it never yields {@code LEAK} or {@code
   * AT_RISK}.
   */
  CONSENT_SAFE;

  /** The lower-case name used in files, such as {@code shared_contacts}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
