package org.contactaudit.phone;

/**
 * Normalizes phone numbers with libphonenumber's own metadata compiled into digit automata, giving
 * for every input exactly the outcome of {@link LibphonenumberNormalizer} (the reference) with the
 * same default region.
 *
 * <p><b>Fast path.</b> A cell made only of ASCII digits, at most one leading {@code +}, and the
 * separators space, {@code - . ( ) /}, with at least three digits, is decided here by repeating
 * libphonenumber's steps on the digits: the {@code +} or the default region's international prefix
 * and a known calling code; a number starting with the default region's calling code; the national
 * prefix for parsing; the length checks; the region among those sharing the calling code; and the
 * number type, from one automaton pass that tests every type pattern at once. A valid number of a
 * personal type gives its E.164 digits, one of a service type {@link #SERVICE}, an invalid one
 * {@link #INVALID} when its length rules out a valid short number of its calling code.
 *
 * <p>Also decided here: cells of more than 250 characters, cells without any digit or plus sign,
 * and cells of the fast grammar with fewer than three digits (all {@link #INVALID}), but for two
 * digits alone.
 *
 * <p><b>Fallback.</b> Everything else goes to the reference: other characters (letters, extensions,
 * RFC 3966, non-ASCII digits) next to digits, two digits alone, a {@code +} followed by an unknown
 * calling code, a prefix expression that is not a plain prefix-free digit pattern when it could
 * match (a national prefix with a transform rule, such as in AR, BR or JP, or an ambiguous
 * international prefix), regions whose patterns do not compile, invalid numbers of a length at
 * which a short number may be valid, and numbers of more than 18 digits.
 *
 * <p>Cost: about the cost of reading the characters a few times, without allocation, on the fast
 * path; the reference's cost on fallback. Plans are compiled on the first number of each calling
 * code. Thread-safe.
 */
final class MetadataPhoneNormalizer implements PhoneNormalizer {
  private static final long FALLBACK = Long.MIN_VALUE;
  private static final int MAX_INPUT_LENGTH = 250;
  private static final int MIN_NSN_LENGTH = 2;
  private static final int MAX_NSN_LENGTH = 17;
  private static final int MAX_E164_DIGITS = 18;
  private static final long[] POWERS_OF_TEN = new long[MAX_E164_DIGITS + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final LibphonenumberNormalizer reference;
  private final NumberingPlan home;

  MetadataPhoneNormalizer(String defaultRegion) {
    this.reference = new LibphonenumberNormalizer(defaultRegion);
    this.home = CallingCodePlans.ofRegion(reference.defaultRegion());
  }

  @Override
  public String defaultRegion() {
    return reference.defaultRegion();
  }

  @Override
  public long normalize(String raw) {
    long outcome = decide(raw);
    return outcome == FALLBACK ? reference.normalize(raw) : outcome;
  }

  /** Whether {@link #normalize} decides the cell on the fast path, without libphonenumber. */
  boolean decidedFast(String raw) {
    return decide(raw) != FALLBACK;
  }

  /** The outcome of the fast path, or {@link #FALLBACK}. */
  private long decide(String raw) {
    if (raw == null) {
      return INVALID;
    }
    int n = raw.length();
    if (n > MAX_INPUT_LENGTH) {
      return INVALID;
    }
    if (home == null) {
      return FALLBACK;
    }
    int digits = 0;
    int first = -1;
    int end = 0;
    boolean plus = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        if (first < 0) {
          first = i;
        }
        end = i + 1;
        digits++;
      } else if (c == '+') {
        if (plus || digits > 0) {
          return FALLBACK;
        }
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
        return hasDigitOrPlus(raw) ? FALLBACK : INVALID;
      }
    }
    if (digits < 3) {
      // libphonenumber's isViablePhoneNumber: two digits alone, or three digits at least.
      return digits == 2 && !plus && end - first == 2 ? FALLBACK : INVALID;
    }

    // libphonenumber's maybeExtractCountryCode.
    int countryCode;
    int at; // the national number is raw[at, end)
    int skipped; // digits before it
    NumberingPlan plan;
    if (plus) {
      long code = callingCode(raw, first, end);
      if (code < 0) {
        return FALLBACK; // libphonenumber retries without the plus sign
      }
      countryCode = (int) (code >>> 32);
      at = (int) code;
      skipped = Integer.toString(countryCode).length();
      plan = null;
    } else {
      int idd = home.internationalPrefix(raw, first, end);
      if (idd == NumberingPlan.UNSURE) {
        return FALLBACK;
      }
      int afterIdd = idd < 0 ? first : NumberingPlan.skipDigits(raw, first, idd);
      if (idd >= 0 && (idd == digits || firstDigit(raw, afterIdd) != '0')) {
        if (digits - idd <= MIN_NSN_LENGTH) {
          return INVALID;
        }
        long code = callingCode(raw, afterIdd, end);
        if (code < 0) {
          return INVALID;
        }
        countryCode = (int) (code >>> 32);
        at = (int) code;
        skipped = idd + Integer.toString(countryCode).length();
        plan = null;
      } else {
        countryCode = home.countryCode();
        at = first;
        skipped = 0;
        plan = home;
        String prefix = home.countryCodeDigits();
        if (startsWith(raw, first, end, prefix)) {
          int potential = NumberingPlan.skipDigits(raw, first, prefix.length());
          int national = home.nationalPrefixDigits(raw, potential, end);
          if (national == NumberingPlan.UNSURE) {
            return FALLBACK;
          }
          int stripped = NumberingPlan.skipDigits(raw, potential, national);
          if (!home.matchesGeneralPattern(raw, first, end)
                  && home.matchesGeneralPattern(raw, stripped, end)
              || home.testLength(digits) == NumberingPlan.TOO_LONG) {
            at = stripped;
            skipped = prefix.length() + national;
            plan = null;
          }
        }
      }
    }
    CallingCodePlans code = CallingCodePlans.of(countryCode);
    if (!code.complete()) {
      return FALLBACK;
    }
    if (plan == null) {
      plan = code.main();
    }

    // libphonenumber's parseHelper after the calling code: lengths and the national prefix.
    int length = digits - skipped;
    if (length < MIN_NSN_LENGTH) {
      return INVALID;
    }
    int national = plan.nationalPrefixDigits(raw, at, end);
    if (national == NumberingPlan.UNSURE) {
      return FALLBACK;
    }
    if (national > 0) {
      int result = plan.testLength(length - national);
      if (result == NumberingPlan.IS_POSSIBLE || result == NumberingPlan.TOO_LONG) {
        at = NumberingPlan.skipDigits(raw, at, national);
        length -= national;
      }
    }
    if (length < MIN_NSN_LENGTH || length > MAX_NSN_LENGTH) {
      return INVALID;
    }

    // isValidNumber and getNumberType, then ShortNumberInfo.
    NumberingPlan region = code.regionOf(raw, at, end, length);
    int type = region == null ? NumberingPlan.NOT_VALID : region.classify(raw, at, end, length);
    if (type == NumberingPlan.SERVICE) {
      return SERVICE;
    }
    if (type == NumberingPlan.PERSONAL) {
      int codeDigits = Integer.toString(countryCode).length();
      if (codeDigits + length > MAX_E164_DIGITS) {
        return FALLBACK;
      }
      return countryCode * POWERS_OF_TEN[length] + value(raw, at, end);
    }
    return code.mayBeShortNumber(length) ? FALLBACK : INVALID;
  }

  /**
   * Whether the cell holds a plus sign or a decimal digit of any script. Without one,
   * libphonenumber finds no viable number in it (viability needs two digits before letters are read
   * as digits).
   */
  private static boolean hasDigitOrPlus(String raw) {
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '+' || c == '\uFF0B' || Character.isDigit(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  /**
   * libphonenumber's {@code extractCountryCode} on the digits of {@code s} from {@code from}: the
   * shortest known calling code among the first one to three digits, as {@code code << 32 | index
   * after it}, or -1 when the digits start with 0 or with no known code.
   */
  private static long callingCode(String s, int from, int to) {
    int code = 0;
    int taken = 0;
    for (int i = from; i < to && taken < 3; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        continue;
      }
      if (taken == 0 && d == 0) {
        return -1;
      }
      code = code * 10 + d;
      taken++;
      if (CallingCodePlans.isKnown(code)) {
        return (long) code << 32 | (i + 1);
      }
    }
    return -1;
  }

  /** The first ASCII digit of {@code s} at or after {@code from}. */
  private static char firstDigit(String s, int from) {
    for (int i = from; ; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return c;
      }
    }
  }

  /** Whether the digits of {@code s} between {@code from} and {@code to} start with {@code p}. */
  private static boolean startsWith(String s, int from, int to, String p) {
    int matched = 0;
    for (int i = from; i < to && matched < p.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != p.charAt(matched)) {
          return false;
        }
        matched++;
      }
    }
    return matched == p.length();
  }

  /** The value of the digits of {@code s} between {@code from} and {@code to}. */
  private static long value(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
      }
    }
    return v;
  }
}
