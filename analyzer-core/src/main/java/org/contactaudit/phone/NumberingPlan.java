package org.contactaudit.phone;

import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * One region's libphonenumber metadata compiled into digit automata: what {@link
 * MetadataPhoneNormalizer} needs to repeat libphonenumber's parsing and validation of a number once
 * its digits are decoded (a {@code byte} per digit, values 0 to 9).
 *
 * <p>Each question is answered either exactly, or with {@link #UNSURE}, which tells the caller to
 * leave the number to libphonenumber. A plan is built once per region (milliseconds; all regions
 * together take about a second and 8 MB) and then answers in one pass over the digits per question,
 * without allocating. Immutable and thread-safe.
 */
final class NumberingPlan {
  /** The answer of a question this plan cannot answer with certainty. */
  static final int UNSURE = -2;

  /** The number is not valid for this region (libphonenumber's type {@code UNKNOWN}). */
  static final int NOT_VALID_TYPE = 0;

  /** A valid number of a personal type (fixed line, mobile, VoIP, pager, ...). */
  static final int PERSONAL_TYPE = 1;

  /**
   * A valid number of a service type (toll-free, premium-rate, shared-cost, UAN); {@link
   * MetadataPhoneNormalizer} turns it into the outcome {@link PhoneNormalizer#SERVICE}.
   */
  static final int SERVICE_TYPE = 2;

  /** {@code testNumberLength} outcomes of libphonenumber, as in {@code ValidationResult}. */
  static final int IS_POSSIBLE = 0;

  static final int IS_POSSIBLE_LOCAL_ONLY = 1;
  static final int INVALID_LENGTH = 2;
  static final int TOO_SHORT = 3;
  static final int TOO_LONG = 4;

  // Tags of the type automaton, in the order libphonenumber tests the types.
  private static final int GENERAL = 0;
  private static final int PREMIUM_RATE = 1;
  private static final int TOLL_FREE = 2;
  private static final int SHARED_COST = 3;
  private static final int VOIP = 4;
  private static final int PERSONAL_NUMBER = 5;
  private static final int PAGER = 6;
  private static final int UAN = 7;
  private static final int VOICEMAIL = 8;
  private static final int FIXED_LINE = 9;
  private static final int MOBILE = 10;
  private static final int TYPES = 11;

  /** The longest length a length mask ({@link #lengthMask}) holds: one bit of an {@code int}. */
  static final int MAX_TRACKED_LENGTH = 31;

  private final int countryCode;
  private final byte[] countryCodeDigits;
  private final DigitAutomaton types;
  // For each national number length, the tags of the types whose possible lengths include it.
  private final int[] tagsOfLength = new int[MAX_TRACKED_LENGTH + 1];
  private final boolean sameMobileAndFixedLinePattern;
  private final int[] possibleLengths;
  private final int[] localOnlyLengths;
  private final boolean hasLeadingDigits;
  private final Prefix nationalPrefix;
  private final Prefix internationalPrefix;

  /**
   * How a prefix expression ({@code lookingAt()}) is decided: {@code NONE} never matches; {@code
   * EXACT} is a prefix-free automaton whose one accepted prefix is the match; {@code GUARD} is an
   * automaton (end anchors read as the end of the input) that tells exactly whether the expression
   * matches, which proves that nothing matches or else gives up, since where the match ends or how
   * a transform rule rewrites it is not modelled; {@code OPAQUE} always gives up.
   */
  private enum PrefixKind {
    NONE,
    EXACT,
    GUARD,
    OPAQUE
  }

  private static final class Prefix {
    final PrefixKind kind;
    final DigitAutomaton automaton;

    Prefix(PrefixKind kind, DigitAutomaton automaton) {
      this.kind = kind;
      this.automaton = automaton;
    }

    /**
     * The number of digits of the match at the start of {@code d[from, to)}, -1 when there is none,
     * or {@link #UNSURE}.
     */
    int match(byte[] d, int from, int to) {
      switch (kind) {
        case NONE:
          return -1;
        case EXACT:
          return automaton.shortestMatchingPrefix(d, from, to);
        case GUARD:
          return automaton.matchesAtStart(d, from, to) ? UNSURE : -1;
        default:
          return UNSURE;
      }
    }
  }

  private NumberingPlan(PhoneMetadata metadata, DigitAutomaton types) {
    this.countryCode = metadata.getCountryCode();
    this.countryCodeDigits = digitsOf(countryCode);
    this.types = types;
    List<PhoneNumberDesc> descs = descs(metadata);
    for (int tag = 0; tag < TYPES; tag++) {
      int lengths = lengthMask(descs.get(tag).getPossibleLengthList());
      for (int length = 0; length <= MAX_TRACKED_LENGTH; length++) {
        if ((lengths & (1 << length)) != 0) {
          tagsOfLength[length] |= 1 << tag;
        }
      }
    }
    this.sameMobileAndFixedLinePattern = metadata.getSameMobileAndFixedLinePattern();
    this.possibleLengths = toArray(metadata.getGeneralDesc().getPossibleLengthList());
    this.localOnlyLengths = toArray(metadata.getGeneralDesc().getPossibleLengthLocalOnlyList());
    this.hasLeadingDigits = metadata.hasLeadingDigits();
    String transform = metadata.getNationalPrefixTransformRule();
    this.nationalPrefix =
        prefix(metadata.getNationalPrefixForParsing(), transform == null || transform.isEmpty());
    // An empty international prefix matches everywhere in libphonenumber: never decided here.
    String idd = metadata.getInternationalPrefix();
    this.internationalPrefix =
        idd == null || idd.isEmpty() ? new Prefix(PrefixKind.OPAQUE, null) : prefix(idd, true);
  }

  /**
   * Compiles a region's metadata.
   *
   * @return the plan, or null when a national number pattern cannot be compiled or the metadata
   *     lacks the general possible lengths
   */
  static NumberingPlan compile(PhoneMetadata metadata) {
    List<String> patterns = new ArrayList<>(TYPES);
    for (PhoneNumberDesc desc : descs(metadata)) {
      patterns.add(desc.getNationalNumberPattern());
    }
    DigitAutomaton types = DigitAutomaton.compile(patterns);
    if (types == null || metadata.getGeneralDesc().getPossibleLengthCount() == 0) {
      return null;
    }
    return new NumberingPlan(metadata, types);
  }

  private static List<PhoneNumberDesc> descs(PhoneMetadata m) {
    return List.of(
        m.getGeneralDesc(),
        m.getPremiumRate(),
        m.getTollFree(),
        m.getSharedCost(),
        m.getVoip(),
        m.getPersonalNumber(),
        m.getPager(),
        m.getUan(),
        m.getVoicemail(),
        m.getFixedLine(),
        m.getMobile());
  }

  private static Prefix prefix(String pattern, boolean noTransform) {
    if (pattern == null || pattern.isEmpty()) {
      return new Prefix(PrefixKind.NONE, null);
    }
    DigitAutomaton exact = DigitAutomaton.compile(pattern);
    if (exact != null && noTransform && exact.prefixFree()) {
      return new Prefix(PrefixKind.EXACT, exact);
    }
    DigitAutomaton anchored = DigitAutomaton.compileWithEndAnchors(pattern);
    return anchored == null
        ? new Prefix(PrefixKind.OPAQUE, null)
        : new Prefix(PrefixKind.GUARD, anchored);
  }

  /**
   * A possible-length list as a mask of lengths 0 to {@link #MAX_TRACKED_LENGTH}; an empty list
   * allows every length.
   */
  static int lengthMask(List<Integer> lengths) {
    if (lengths.isEmpty()) {
      return -1;
    }
    int mask = 0;
    for (int length : lengths) {
      if (length >= 0 && length <= MAX_TRACKED_LENGTH) {
        mask |= 1 << length;
      }
    }
    return mask;
  }

  private static byte[] digitsOf(int value) {
    String text = Integer.toString(value);
    byte[] digits = new byte[text.length()];
    for (int i = 0; i < digits.length; i++) {
      digits[i] = (byte) (text.charAt(i) - '0');
    }
    return digits;
  }

  private static int[] toArray(List<Integer> list) {
    int[] array = new int[list.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = list.get(i);
    }
    return array;
  }

  /** The country calling code. */
  int countryCode() {
    return countryCode;
  }

  /** The number of digits of the country calling code. */
  int countryCodeLength() {
    return countryCodeDigits.length;
  }

  /** Whether {@code d[0, to)} starts with the digits of the country calling code. */
  boolean startsWithCountryCode(byte[] d, int to) {
    if (to < countryCodeDigits.length) {
      return false;
    }
    for (int i = 0; i < countryCodeDigits.length; i++) {
      if (d[i] != countryCodeDigits[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code d[from, to)} matches the general national number pattern (lengths not checked).
   */
  boolean matchesGeneralPattern(byte[] d, int from, int to) {
    return (types.tags(types.run(d, from, to)) & (1 << GENERAL)) != 0;
  }

  /**
   * libphonenumber's {@code getNumberTypeHelper} on the national number {@code d[from, to)} (at
   * most 31 digits), reduced to {@link #NOT_VALID_TYPE}, {@link #PERSONAL_TYPE} and {@link
   * #SERVICE_TYPE}: one automaton pass, then a few mask operations.
   */
  int classify(byte[] d, int from, int to) {
    int matching = types.tags(types.run(d, from, to)) & tagsOfLength[to - from];
    if ((matching & (1 << GENERAL)) == 0) {
      return NOT_VALID_TYPE;
    }
    if ((matching & ((1 << PREMIUM_RATE) | (1 << TOLL_FREE) | (1 << SHARED_COST))) != 0) {
      return SERVICE_TYPE;
    }
    if ((matching & ((1 << VOIP) | (1 << PERSONAL_NUMBER) | (1 << PAGER))) != 0) {
      return PERSONAL_TYPE;
    }
    if ((matching & (1 << UAN)) != 0) {
      return SERVICE_TYPE;
    }
    if ((matching & ((1 << VOICEMAIL) | (1 << FIXED_LINE))) != 0) {
      return PERSONAL_TYPE;
    }
    return !sameMobileAndFixedLinePattern && (matching & (1 << MOBILE)) != 0
        ? PERSONAL_TYPE
        : NOT_VALID_TYPE;
  }

  /**
   * Whether this region has a leading-digits pattern (one of several sharing a calling code); the
   * patterns of a code are compiled together by {@link CallingCodePlans}.
   */
  boolean hasLeadingDigits() {
    return hasLeadingDigits;
  }

  /**
   * libphonenumber's {@code testNumberLength} for the general description. Cost: a scan of the
   * region's local-only and possible lengths (a few entries each), no automaton pass, no
   * allocation.
   */
  int testLength(int length) {
    if (possibleLengths[0] == -1) {
      return INVALID_LENGTH;
    }
    for (int local : localOnlyLengths) {
      if (local == length) {
        return IS_POSSIBLE_LOCAL_ONLY;
      }
    }
    int minimum = possibleLengths[0];
    if (minimum == length) {
      return IS_POSSIBLE;
    } else if (minimum > length) {
      return TOO_SHORT;
    } else if (possibleLengths[possibleLengths.length - 1] < length) {
      return TOO_LONG;
    }
    for (int i = 1; i < possibleLengths.length; i++) {
      if (possibleLengths[i] == length) {
        return IS_POSSIBLE;
      }
    }
    return INVALID_LENGTH;
  }

  /**
   * The number of leading digits of {@code d[from, to)} that the international prefix takes, -1
   * when the digits do not start with it, or {@link #UNSURE}.
   */
  int internationalPrefix(byte[] d, int from, int to) {
    return internationalPrefix.match(d, from, to);
  }

  /**
   * libphonenumber's {@code maybeStripNationalPrefixAndCarrierCode} on {@code d[from, to)}: the
   * number of leading digits that parsing strips as a national prefix (0 when none), or {@link
   * #UNSURE}.
   */
  int nationalPrefixDigits(byte[] d, int from, int to) {
    if (from >= to) {
      return 0;
    }
    int digits = nationalPrefix.match(d, from, to);
    if (digits <= 0) {
      return digits == UNSURE ? UNSURE : 0;
    }
    if (matchesGeneralPattern(d, from, to) && !matchesGeneralPattern(d, from + digits, to)) {
      return 0;
    }
    return digits;
  }
}
