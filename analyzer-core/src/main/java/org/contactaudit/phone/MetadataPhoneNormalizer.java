package org.contactaudit.phone;

import java.util.Arrays;

/**
 * Normalizes phone numbers with libphonenumber's own metadata compiled into digit automata, giving
 * for every input exactly the outcome of {@link LibphonenumberNormalizer} (the reference) with the
 * same default region.
 *
 * <p><b>Fast path.</b> One pass over the characters decodes the cell into its digits (a per-thread
 * scratch array, no allocation); the rest of the decision reads only those digits. The grammar:
 * ASCII digits, at most one {@code +} before them, and the separators space, {@code - . ( ) /},
 * with at least three digits; after the first three digits, ASCII letters in one of two forms:
 *
 * <ul>
 *   <li>an extension as libphonenumber's {@code maybeStripExtension} reads it: one of the labels
 *       {@code ext extn extension extensio xt xtn xtension xtensio anexo} (up to 20 digits) or
 *       {@code x int} (up to 9 digits), in any case, then an optional {@code .} or {@code :},
 *       spaces or dashes, the extension's digits, and separators only; the extension is dropped;
 *   <li>otherwise a vanity number ending with a letter (so that no extension can be read): with
 *       three letters or more, libphonenumber's {@code normalize} maps each to its keypad digit
 *       ({@code ALPHA_MAPPINGS}), with fewer it drops them, and so does this class.
 * </ul>
 *
 * <p>On the digits it repeats libphonenumber's steps: the {@code +} or the default region's
 * international prefix and a known calling code; a number starting with the default region's
 * calling code; the national prefix for parsing; the length checks; the region among those sharing
 * the calling code and the number type, from one automaton pass that tests every type pattern at
 * once. A valid number of a personal type gives its E.164 digits, one of a service type {@link
 * #SERVICE}. An invalid number is {@link #SERVICE} when {@code ShortNumberInfo} finds it a valid
 * short number (of its calling code's regions, or of the default region), else {@link #INVALID}:
 * the short-number patterns are compiled too.
 *
 * <p>Also decided here: cells of more than 250 characters, cells without any digit or plus sign,
 * and cells of the fast grammar with fewer than three digits (all {@link #INVALID}), but for two
 * digits alone.
 *
 * <p><b>Fallback.</b> Everything else goes to the reference: other characters (RFC 3966, {@code #},
 * commas, non-ASCII digits or letters) next to digits, letters before the third digit, letters with
 * a slash in the cell (libphonenumber cuts at a slash followed by {@code x}), letters that end with
 * digits without being an extension of the grammar, an extension with more digits than its label
 * allows, two digits alone, a {@code +} followed by an unknown calling code, a prefix expression
 * that is not a plain prefix-free digit pattern when it matches (a national prefix with a transform
 * rule, such as in AR, BR or JP, or an ambiguous international prefix), the default region {@code
 * ZZ}, calling codes whose patterns or short-number patterns do not compile, and valid numbers of
 * more than 18 digits.
 *
 * <p>Cost: one pass over the characters, then a few passes over the national number's digits,
 * without allocation, on the fast path (60 to 90 ns a cell on an export mix: JMH, {@code
 * benchmarks/README.md}); the reference's cost (about 10 to 20 µs) on fallback. Plans are compiled
 * on the first number of each calling code. Thread-safe.
 */
final class MetadataPhoneNormalizer implements PhoneNormalizer {
  private static final long FALLBACK = Long.MIN_VALUE;

  /**
   * The longest cell libphonenumber parses ({@code MAX_INPUT_STRING_LENGTH}); longer is invalid.
   */
  static final int MAX_INPUT_LENGTH = 250;

  private static final int MIN_NSN_LENGTH = 2;
  private static final int MAX_NSN_LENGTH = 17;
  private static final int MAX_E164_DIGITS = 18;
  private static final int MIN_VIABLE_DIGITS = 3;
  private static final int MIN_ALPHA_LETTERS = 3;
  private static final int EXPLICIT_LABEL_DIGITS = 20;
  private static final int AMBIGUOUS_LABEL_DIGITS = 9;
  private static final long[] POWERS_OF_TEN = new long[MAX_E164_DIGITS + 1];

  // The class of an ASCII character (see classOf): a digit's value (0 to 9), or one of these.
  private static final byte SEPARATOR = 10;
  private static final byte PLUS = 11;
  private static final byte LETTER = 12;
  private static final byte OTHER = 13;
  private static final byte[] CLASS = new byte[128];

  // What readExtension finds after the first letter.
  private static final int NO_EXTENSION = 0;
  private static final int EXTENSION = 1;
  private static final int LONG_EXTENSION = 2;

  /** The keypad digit of each ASCII letter: libphonenumber's {@code ALPHA_MAPPINGS}. */
  private static final byte[] KEYPAD = new byte[128];

  /** The decoded digits of the cell being decided, one array per thread. */
  private static final ThreadLocal<byte[]> DIGITS =
      ThreadLocal.withInitial(() -> new byte[MAX_INPUT_LENGTH]);

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
    Arrays.fill(CLASS, OTHER);
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = (byte) (c - '0');
    }
    for (char c : " -.()/".toCharArray()) {
      CLASS[c] = SEPARATOR;
    }
    CLASS['+'] = PLUS;
    String keys = "22233344455566677778889999";
    for (char c = 'A'; c <= 'Z'; c++) {
      CLASS[c] = LETTER;
      CLASS[Character.toLowerCase(c)] = LETTER;
      KEYPAD[c] = (byte) (keys.charAt(c - 'A') - '0');
      KEYPAD[Character.toLowerCase(c)] = KEYPAD[c];
    }
  }

  private final LibphonenumberNormalizer reference;
  private final NumberingPlan home;
  private final int homeIndex;

  MetadataPhoneNormalizer(String defaultRegion) {
    this.reference = new LibphonenumberNormalizer(defaultRegion);
    this.home = CallingCodePlans.ofRegion(reference.defaultRegion());
    this.homeIndex =
        home == null
            ? -1
            : CallingCodePlans.of(home.countryCode()).regions().indexOf(reference.defaultRegion());
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
    byte[] d = DIGITS.get();
    int count = 0;
    boolean plus = false;
    int i = 0;
    for (; i < n; i++) {
      char c = raw.charAt(i);
      int k = classOf(c);
      if (k <= 9) {
        d[count++] = (byte) k;
      } else if (k == PLUS) {
        if (plus || count > 0) {
          return FALLBACK;
        }
        plus = true;
      } else if (k == LETTER && count >= MIN_VIABLE_DIGITS) {
        break;
      } else if (k != SEPARATOR) {
        return hasDigitOrPlus(raw) ? FALLBACK : INVALID;
      }
    }
    if (i < n) {
      if (raw.indexOf('/') >= 0) {
        // extractPossibleNumber cuts the cell at a slash followed by spaces and an x.
        return FALLBACK;
      }
      int extension = readExtension(raw, i);
      if (extension == LONG_EXTENSION) {
        return FALLBACK;
      }
      if (extension == NO_EXTENSION) {
        count = appendVanityDigits(raw, i, d, count);
        if (count < 0) {
          return FALLBACK;
        }
      }
    }
    if (count < MIN_VIABLE_DIGITS) {
      // libphonenumber's isViablePhoneNumber: two digits alone, or three digits at least.
      return count == 2 && !plus && twoDigitsAlone(raw) ? FALLBACK : INVALID;
    }
    return decideDigits(d, count, plus);
  }

  /**
   * Reads the rest of the cell, from its first letter {@code at} (after three digits at least), as
   * an extension of the fast grammar: a label of libphonenumber's extension pattern, an optional
   * {@code .} or {@code :}, spaces or dashes, one digit or more, then separators only to the end.
   * Cost: one pass over the characters from {@code at}, without allocation.
   *
   * @return {@link #EXTENSION} when the rest is such an extension (which libphonenumber drops),
   *     {@link #LONG_EXTENSION} when it is one with more digits than its label allows, {@link
   *     #NO_EXTENSION} when it is not one
   */
  private static int readExtension(String raw, int at) {
    int n = raw.length();
    int labelEnd = at;
    while (labelEnd < n && isLetter(raw.charAt(labelEnd))) {
      labelEnd++;
    }
    int limit = extensionDigits(raw, at, labelEnd);
    if (limit > 0) {
      int j = labelEnd;
      if (j < n && (raw.charAt(j) == '.' || raw.charAt(j) == ':')) {
        j++;
      }
      while (j < n && (raw.charAt(j) == ' ' || raw.charAt(j) == '-')) {
        j++;
      }
      int digitsFrom = j;
      while (j < n && raw.charAt(j) >= '0' && raw.charAt(j) <= '9') {
        j++;
      }
      int digits = j - digitsFrom;
      while (j < n && isSeparator(raw.charAt(j))) {
        j++; // extractPossibleNumber strips trailing punctuation
      }
      if (j == n && digits > 0) {
        return digits <= limit ? EXTENSION : LONG_EXTENSION;
      }
    }
    return NO_EXTENSION;
  }

  /**
   * Reads the rest of the cell, from its first letter {@code at} (after three digits at least), as
   * the rest of a vanity number: letters, digits and separators, ending with a letter. Appends its
   * digits to {@code d[0, count)} and, when it holds three letters or more, its letters' keypad
   * digits, as libphonenumber's {@code normalize} maps them. Cost: two passes over the characters
   * from {@code at} (check, then append), without allocation.
   *
   * @return the number of digits in {@code d}, or -1 when the rest is not a vanity number of the
   *     fast grammar (nothing appended)
   */
  private static int appendVanityDigits(String raw, int at, byte[] d, int count) {
    int n = raw.length();
    int letters = 0;
    int last = OTHER;
    for (int j = at; j < n; j++) {
      char c = raw.charAt(j);
      int k = classOf(c);
      if (k == LETTER) {
        letters++;
      } else if (k > 9 && k != SEPARATOR) {
        return -1;
      }
      if (k != SEPARATOR) {
        last = k;
      }
    }
    if (last != LETTER) {
      return -1; // an extension pattern might match at the end
    }
    boolean alpha = letters >= MIN_ALPHA_LETTERS;
    for (int j = at; j < n; j++) {
      char c = raw.charAt(j);
      int k = classOf(c);
      if (k <= 9) {
        d[count++] = (byte) k;
      } else if (k == LETTER && alpha) {
        d[count++] = KEYPAD[c]; // a letter is ASCII
      }
    }
    return count;
  }

  /**
   * The most digits an extension may have after the label {@code raw[from, to)} in libphonenumber's
   * extension pattern, or 0 when it is not an ASCII label of that pattern.
   */
  private static int extensionDigits(String raw, int from, int to) {
    switch (to - from) {
      case 1:
        return equalsIgnoreCase(raw, from, "x") ? AMBIGUOUS_LABEL_DIGITS : 0;
      case 2:
        return equalsIgnoreCase(raw, from, "xt") ? EXPLICIT_LABEL_DIGITS : 0;
      case 3:
        if (equalsIgnoreCase(raw, from, "int")) {
          return AMBIGUOUS_LABEL_DIGITS;
        }
        return equalsIgnoreCase(raw, from, "ext") || equalsIgnoreCase(raw, from, "xtn")
            ? EXPLICIT_LABEL_DIGITS
            : 0;
      case 4:
        return equalsIgnoreCase(raw, from, "extn") ? EXPLICIT_LABEL_DIGITS : 0;
      case 5:
        return equalsIgnoreCase(raw, from, "anexo") ? EXPLICIT_LABEL_DIGITS : 0;
      case 7:
        return equalsIgnoreCase(raw, from, "xtensio") ? EXPLICIT_LABEL_DIGITS : 0;
      case 8:
        return equalsIgnoreCase(raw, from, "extensio") || equalsIgnoreCase(raw, from, "xtension")
            ? EXPLICIT_LABEL_DIGITS
            : 0;
      case 9:
        return equalsIgnoreCase(raw, from, "extension") ? EXPLICIT_LABEL_DIGITS : 0;
      default:
        return 0;
    }
  }

  private static boolean equalsIgnoreCase(String raw, int from, String label) {
    return raw.regionMatches(true, from, label, 0, label.length());
  }

  /**
   * The class of a character: a digit's value (0 to 9), {@link #SEPARATOR}, {@link #PLUS}, {@link
   * #LETTER}, or {@link #OTHER} (every non-ASCII character).
   */
  private static int classOf(char c) {
    return c < CLASS.length ? CLASS[c] : OTHER;
  }

  private static boolean isLetter(char c) {
    return classOf(c) == LETTER;
  }

  private static boolean isSeparator(char c) {
    return classOf(c) == SEPARATOR;
  }

  /** The decision on the decoded digits {@code d[0, count)}, three at least. */
  private long decideDigits(byte[] d, int count, boolean plus) {
    // libphonenumber's maybeExtractCountryCode.
    int countryCode;
    int at; // the national number is d[at, count)
    NumberingPlan plan;
    if (plus) {
      countryCode = callingCode(d, 0, count);
      if (countryCode < 0) {
        return FALLBACK; // libphonenumber retries without the plus sign
      }
      at = lengthOf(countryCode);
      plan = null;
    } else {
      int idd = home.internationalPrefix(d, 0, count);
      if (idd == NumberingPlan.UNSURE) {
        return FALLBACK;
      }
      if (idd >= 0 && (idd == count || d[idd] != 0)) {
        if (count - idd <= MIN_NSN_LENGTH) {
          return INVALID;
        }
        countryCode = callingCode(d, idd, count);
        if (countryCode < 0) {
          return INVALID;
        }
        at = idd + lengthOf(countryCode);
        plan = null;
      } else {
        countryCode = home.countryCode();
        at = 0;
        plan = home;
        if (home.startsWithCountryCode(d, count)) {
          int potential = home.countryCodeLength();
          int national = home.nationalPrefixDigits(d, potential, count);
          if (national == NumberingPlan.UNSURE) {
            return FALLBACK;
          }
          int stripped = potential + national;
          if (!home.matchesGeneralPattern(d, 0, count)
                  && home.matchesGeneralPattern(d, stripped, count)
              || home.testLength(count) == NumberingPlan.TOO_LONG) {
            at = stripped;
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
    int length = count - at;
    if (length < MIN_NSN_LENGTH) {
      return INVALID;
    }
    int national = plan.nationalPrefixDigits(d, at, count);
    if (national == NumberingPlan.UNSURE) {
      return FALLBACK;
    }
    if (national > 0) {
      int result = plan.testLength(length - national);
      if (result == NumberingPlan.IS_POSSIBLE || result == NumberingPlan.TOO_LONG) {
        at += national;
        length -= national;
      }
    }
    if (length < MIN_NSN_LENGTH || length > MAX_NSN_LENGTH) {
      return INVALID;
    }

    // isValidNumber and getNumberType, then ShortNumberInfo.
    int type = code.classify(d, at, count);
    if (type == NumberingPlan.SERVICE_TYPE) {
      return SERVICE;
    }
    if (type == NumberingPlan.PERSONAL_TYPE) {
      if (lengthOf(countryCode) + length > MAX_E164_DIGITS) {
        return FALLBACK;
      }
      return countryCode * POWERS_OF_TEN[length] + value(d, at, count);
    }
    if (!code.shortCodesComplete()) {
      return FALLBACK;
    }
    boolean shortNumber =
        code.validShortNumber(d, at, count)
            || countryCode == home.countryCode()
                && code.validShortNumberForRegion(homeIndex, d, at, count);
    return shortNumber ? SERVICE : INVALID;
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

  /** Whether the two ASCII digits of a cell of the fast grammar stand next to each other. */
  private static boolean twoDigitsAlone(String raw) {
    int first = 0;
    while (raw.charAt(first) < '0' || raw.charAt(first) > '9') {
      first++;
    }
    char next = raw.charAt(first + 1);
    return next >= '0' && next <= '9';
  }

  /**
   * libphonenumber's {@code extractCountryCode} on {@code d[from, to)}: the shortest known calling
   * code among the first one to three digits, or -1 when the digits start with 0 or with no known
   * code.
   */
  private static int callingCode(byte[] d, int from, int to) {
    if (d[from] == 0) {
      return -1;
    }
    int code = 0;
    for (int i = from; i < to && i < from + 3; i++) {
      code = code * 10 + d[i];
      if (CallingCodePlans.isKnown(code)) {
        return code;
      }
    }
    return -1;
  }

  /** The number of digits of a calling code (1 to 999). */
  private static int lengthOf(int countryCode) {
    return countryCode < 10 ? 1 : countryCode < 100 ? 2 : 3;
  }

  /** The value of the digits {@code d[from, to)}. */
  private static long value(byte[] d, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + d[i];
    }
    return v;
  }
}
