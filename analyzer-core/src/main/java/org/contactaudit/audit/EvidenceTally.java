package org.contactaudit.audit;

import java.util.Arrays;

/**
 * The evidence found for one recommendation, piece by piece: for each kind, how many pieces are
 * consensual, how many are not, and the union of the consents missing from those that are not. An
 * engine finds the evidence, asks {@link Rules} what each piece misses, adds it here, then asks
 * {@link Rules#decide} for the judgment. Mutable and reusable ({@link #reset()}); not thread-safe.
 */
public final class EvidenceTally {
  static final int KIND_COUNT = Kind.values().length;

  /**
   * Per kind {@code k}: at {@code k} how many pieces are consensual, at {@code KIND_COUNT + k} how
   * many are not (the layout of a {@link Judgment}'s counts, which copies this array).
   */
  final int[] counts = new int[2 * KIND_COUNT];

  final long[] missing = new long[KIND_COUNT];
  int shadowSharedContacts;

  /** Forgets everything, for the next recommendation. */
  public void reset() {
    Arrays.fill(counts, 0);
    Arrays.fill(missing, 0);
    shadowSharedContacts = 0;
  }

  /**
   * Adds one piece of evidence.
   *
   * @param missingConsents the bits of the consents it misses ({@link Rules#terms()}); zero when it
   *     is consensual
   */
  public void add(Kind kind, long missingConsents) {
    int k = kind.ordinal();
    if (missingConsents == 0) {
      counts[k]++;
    } else {
      counts[KIND_COUNT + k]++;
      missing[k] |= missingConsents;
    }
  }

  /**
   * Adds pieces of one kind at once.
   *
   * @param missingConsents the union of the consents the non-consensual ones miss
   */
  public void add(Kind kind, int consensualPieces, int nonConsensualPieces, long missingConsents) {
    int k = kind.ordinal();
    counts[k] += consensualPieces;
    counts[KIND_COUNT + k] += nonConsensualPieces;
    missing[k] |= missingConsents;
  }

  /** Counts shared contacts that are shadow numbers. */
  public void addShadowSharedContacts(int count) {
    shadowSharedContacts += count;
  }

  /** Whether any piece added so far is not consensual. */
  public boolean anyNonConsensual() {
    for (int k = KIND_COUNT; k < 2 * KIND_COUNT; k++) {
      if (counts[k] > 0) {
        return true;
      }
    }
    return false;
  }
}
