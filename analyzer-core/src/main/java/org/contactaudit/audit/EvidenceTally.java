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
  private static final Kind[] KINDS = Kind.values();

  /**
   * Per kind {@code k}: at {@code k} how many pieces are consensual, at {@code KIND_COUNT + k} how
   * many are not (the layout of a {@link Judgment}'s counts, which copies this array).
   */
  final int[] counts = new int[2 * KIND_COUNT];

  final long[] missing = new long[KIND_COUNT];
  int shadowSharedContacts;

  /** The kinds (bits by ordinal) found only counting deleted entries: see {@link #addStale}. */
  int staleKinds;

  /** Whether the candidate holds the viewer's number, and whether REVERSE's requirements hold. */
  boolean reverseHeld;

  boolean reverseConsensual;

  /** Per kind (bits by ordinal): a non-consensual piece has a pre-registration entry. */
  int preRegistration;

  /** Per kind (bits by ordinal): a non-consensual piece has an entry holding a recycled number. */
  int recycled;

  /** The claim of the explanation shown with the recommendation ({@link Explanation}). */
  long explanation;

  /** Forgets everything, for the next recommendation. */
  public void reset() {
    Arrays.fill(counts, 0);
    Arrays.fill(missing, 0);
    shadowSharedContacts = 0;
    staleKinds = 0;
    reverseHeld = false;
    reverseConsensual = false;
    preRegistration = 0;
    recycled = 0;
    explanation = Explanation.NONE;
  }

  /**
   * Sets the explanation the app gave with the recommendation (the {@code explanation} cell, or
   * null): parsed without allocating, judged by {@link Rules#decide}.
   */
  public void explanation(String text) {
    explanation = Explanation.parse(text);
  }

  /**
   * Whether the explanation is {@code has_your_number}: only then is {@link #reverseEntry} read.
   */
  public boolean asksReverse() {
    return (explanation & 0xFFFF_FFFF_0000_0000L) == Explanation.HAS_YOUR_NUMBER;
  }

  /**
   * Notes that the candidate holds the viewer's number at the instant (the entry of {@code REVERSE}
   * or {@code MUTUAL} evidence), and whether the requirements of {@code REVERSE} hold on it, with
   * the pre-registration test, subject the viewer: what {@code has_your_number} needs.
   */
  public void reverseEntry(boolean consensual) {
    reverseHeld = true;
    reverseConsensual = consensual;
  }

  /**
   * Notes a kind found only when upload entries deleted at or before the instant are taken as still
   * valid. Read by {@link Rules#decide} only when no piece was added: then the verdict is {@code
   * STALE}.
   */
  public void addStale(Kind kind) {
    staleKinds |= 1 << kind.ordinal();
  }

  /**
   * Notes that a non-consensual piece of {@code kind} has a pre-registration entry (its number was
   * uploaded before its subject registered).
   */
  public void markPreRegistration(Kind kind) {
    preRegistration |= 1 << kind.ordinal();
  }

  /** Whether a pre-registration entry of {@code kind} is noted ({@link #markPreRegistration}). */
  boolean preRegistrationNoted(Kind kind) {
    return (preRegistration >>> kind.ordinal() & 1) != 0;
  }

  /** Whether a recycled number of {@code kind} is noted ({@link #markRecycled}). */
  boolean recycledNoted(Kind kind) {
    return (recycled >>> kind.ordinal() & 1) != 0;
  }

  /**
   * Notes that a non-consensual piece of {@code kind} has an entry holding a recycled number (one
   * that more than one account has had).
   */
  public void markRecycled(Kind kind) {
    recycled |= 1 << kind.ordinal();
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

  /**
   * The most severe kind with a non-consensual piece so far, or null: the primary kind {@link
   * Rules#decide} will name.
   */
  public Kind primaryKind() {
    for (int k = 0; k < KIND_COUNT; k++) {
      if (counts[KIND_COUNT + k] > 0) {
        return KINDS[k];
      }
    }
    return null;
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
