package org.contactaudit.audit;

/**
 * The claim of an app's explanation, parsed without allocating: trimmed and compared ignoring case,
 * {@code in_contacts}, {@code has_your_number}, {@code mutual_contacts:N} ({@code N} a decimal
 * integer of at least 1, no sign or blank inside) or {@code friend_of_friend}; an empty cell is no
 * explanation, any other text is unrecognized. A claim is one {@code long}: its type in the high
 * bits and, for {@code mutual_contacts:N}, {@code N} (at most {@link Integer#MAX_VALUE}; a larger
 * {@code N} claims that many) in the low 32.
 */
final class Explanation {
  static final long NONE = 0;
  static final long UNRECOGNIZED = 1L << 32;
  static final long IN_CONTACTS = 2L << 32;
  static final long HAS_YOUR_NUMBER = 3L << 32;
  static final long MUTUAL_CONTACTS = 4L << 32;
  static final long FRIEND_OF_FRIEND = 5L << 32;

  private static final String MUTUAL_PREFIX = "mutual_contacts:";

  private Explanation() {}

  /** The claim of an explanation cell; {@link #NONE} for null or blank text. */
  static long parse(String text) {
    if (text == null) {
      return NONE;
    }
    int from = 0;
    int to = text.length();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    int n = to - from;
    if (n == 0) {
      return NONE;
    }
    if (is(text, from, n, "in_contacts")) {
      return IN_CONTACTS;
    }
    if (is(text, from, n, "has_your_number")) {
      return HAS_YOUR_NUMBER;
    }
    if (is(text, from, n, "friend_of_friend")) {
      return FRIEND_OF_FRIEND;
    }
    int digits = from + MUTUAL_PREFIX.length();
    if (n > MUTUAL_PREFIX.length()
        && text.regionMatches(true, from, MUTUAL_PREFIX, 0, MUTUAL_PREFIX.length())) {
      long count = 0;
      for (int i = digits; i < to; i++) {
        char ch = text.charAt(i);
        if (ch < '0' || ch > '9') {
          return UNRECOGNIZED;
        }
        count = Math.min(Integer.MAX_VALUE, count * 10 + (ch - '0'));
      }
      return count >= 1 ? MUTUAL_CONTACTS | count : UNRECOGNIZED;
    }
    return UNRECOGNIZED;
  }

  private static boolean is(String text, int from, int n, String word) {
    return n == word.length() && text.regionMatches(true, from, word, 0, n);
  }

  /**
   * The verdict on a claim, from the evidence of docs/POLICY.md at the instant shown.
   *
   * @param counts the tally's counts: consensual pieces of kind {@code k} at {@code k}, the others
   *     at {@code KIND_COUNT + k}
   * @param reverseHeld whether the candidate holds the viewer's number then
   * @param reverseConsensual whether the requirements of {@code REVERSE} hold on that entry
   * @return null for {@link #NONE}
   */
  static ExplanationVerdict verdict(
      long claim, int[] counts, boolean reverseHeld, boolean reverseConsensual) {
    int kinds = EvidenceTally.KIND_COUNT;
    long type = claim & 0xFFFF_FFFF_0000_0000L;
    if (type == NONE) {
      return null;
    }
    if (type == UNRECOGNIZED) {
      return ExplanationVerdict.UNRECOGNIZED;
    }
    if (type == HAS_YOUR_NUMBER) {
      return of(reverseHeld && reverseConsensual, reverseHeld);
    }
    if (type == IN_CONTACTS) {
      int f = Kind.FORWARD.ordinal();
      int m = Kind.MUTUAL.ordinal();
      return of(
          counts[f] + counts[m] > 0,
          counts[f] + counts[m] + counts[kinds + f] + counts[kinds + m] > 0);
    }
    if (type == FRIEND_OF_FRIEND) {
      int k = Kind.CHAIN.ordinal();
      return of(counts[k] > 0, counts[k] + counts[kinds + k] > 0);
    }
    long claimed = claim & 0xFFFF_FFFFL;
    int k = Kind.SHARED_CONTACT.ordinal();
    return of(counts[k] >= claimed, (long) counts[k] + counts[kinds + k] >= claimed);
  }

  private static ExplanationVerdict of(boolean supported, boolean isTrue) {
    return supported
        ? ExplanationVerdict.SUPPORTED
        : isTrue ? ExplanationVerdict.DISCLOSES : ExplanationVerdict.FALSE;
  }
}
