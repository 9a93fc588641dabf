package org.contactaudit.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.ShortNumbersRegionCodeSet;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The numbering plans of one country calling code: the plans of its regions in libphonenumber's
 * order (the main region first), and the short-number patterns of those regions, which decide
 * {@link com.google.i18n.phonenumbers.ShortNumberInfo}'s validity questions.
 *
 * <p>Plans are compiled on first use of a calling code and shared by all normalizers; two threads
 * may both compile the same code once, and one result wins. Immutable and thread-safe.
 */
final class CallingCodePlans {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final MetadataSource METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
  private static final RegionMetadataSource SHORT_METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getShortNumberMetadataSource();
  private static final Set<String> SHORT_REGIONS = ShortNumbersRegionCodeSet.getRegionCodeSet();
  private static final int CODES = 1000;
  private static final boolean[] KNOWN = new boolean[CODES];
  private static final AtomicReferenceArray<CallingCodePlans> COMPILED =
      new AtomicReferenceArray<>(CODES);

  static {
    for (int code : UTIL.getSupportedCallingCodes()) {
      KNOWN[code] = true;
    }
  }

  private final List<String> regions;
  private final NumberingPlan[] plans;
  private final boolean complete;
  private final DigitAutomaton leadingDigits;
  private final ShortCodes[] shortCodes;
  // Several regions: tag i is the short-code pattern of region i, and bit i of the mask of a length
  // says whether region i's short-code possible lengths include it.
  private final DigitAutomaton shortCodePatterns;
  private final int[] shortCodeRegionsOfLength = new int[NumberingPlan.MAX_TRACKED_LENGTH + 1];
  private final boolean shortCodesComplete;

  private CallingCodePlans(int code) {
    this.regions = UTIL.getRegionCodesForCountryCode(code);
    this.plans = new NumberingPlan[regions.size()];
    this.shortCodes = new ShortCodes[regions.size()];
    List<String> leading = new ArrayList<>();
    List<String> shortPatterns = new ArrayList<>();
    boolean all = true;
    boolean allShort = true;
    for (int i = 0; i < plans.length; i++) {
      String region = regions.get(i);
      PhoneMetadata metadata =
          PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
              ? METADATA.getMetadataForNonGeographicalRegion(code)
              : METADATA.getMetadataForRegion(region);
      plans[i] = metadata == null ? null : NumberingPlan.compile(metadata);
      all &= plans[i] != null;
      if (metadata != null && metadata.hasLeadingDigits()) {
        // lookingAt() of an empty pattern matches every number, the automaton none: not modelled.
        all &= !metadata.getLeadingDigits().isEmpty();
        leading.add(metadata.getLeadingDigits());
      } else {
        leading.add("");
      }
      PhoneMetadata shortMetadata = shortMetadata(region);
      shortCodes[i] = shortMetadata == null ? null : ShortCodes.compile(shortMetadata);
      allShort &= shortMetadata == null || shortCodes[i] != null;
      shortPatterns.add(
          shortMetadata == null ? "" : shortMetadata.getShortCode().getNationalNumberPattern());
      int lengths =
          shortMetadata == null
              ? 0
              : NumberingPlan.lengthMask(shortMetadata.getShortCode().getPossibleLengthList());
      for (int length = 0; length < shortCodeRegionsOfLength.length; length++) {
        if ((lengths & (1 << length)) != 0) {
          shortCodeRegionsOfLength[length] |= 1 << i;
        }
      }
    }
    // Several regions share automata, one tag a region.
    boolean shared = plans.length > 1 && plans.length <= DigitAutomaton.MAX_TAGS;
    this.leadingDigits = shared ? DigitAutomaton.compile(leading) : null;
    this.complete = all && (plans.length == 1 || leadingDigits != null);
    this.shortCodePatterns = shared ? DigitAutomaton.compile(shortPatterns) : null;
    this.shortCodesComplete = allShort && (plans.length == 1 || shortCodePatterns != null);
  }

  /** Whether libphonenumber knows the calling code (0 to 999). */
  static boolean isKnown(int code) {
    return KNOWN[code];
  }

  /** The plans of a known calling code. */
  static CallingCodePlans of(int code) {
    CallingCodePlans plans = COMPILED.get(code);
    if (plans == null) {
      COMPILED.compareAndSet(code, null, new CallingCodePlans(code));
      plans = COMPILED.get(code);
    }
    return plans;
  }

  /** Whether the plans of the calling code have been compiled already (for tests). */
  static boolean isCompiled(int code) {
    return COMPILED.get(code) != null;
  }

  /**
   * The plan of a region, or null when libphonenumber does not support it (such as {@code ZZ}, no
   * region) or its metadata could not be compiled.
   */
  static NumberingPlan ofRegion(String region) {
    if (!UTIL.getSupportedRegions().contains(region)) {
      return null;
    }
    CallingCodePlans code = of(UTIL.getCountryCodeForRegion(region));
    return code.plans[code.regions.indexOf(region)];
  }

  /** Whether every region of the calling code has a plan. */
  boolean complete() {
    return complete;
  }

  /** The plan of the main region; only for a {@link #complete()} calling code. */
  NumberingPlan main() {
    return plans[0];
  }

  /**
   * The region of the national number {@code d[from, to)} as libphonenumber's {@code
   * getRegionCodeForNumber} finds it (the first region whose leading digits match, or which has no
   * leading digits and finds the number valid), and the number's type there by {@link
   * NumberingPlan#classify}; {@link NumberingPlan#NOT_VALID_TYPE} when no region takes it. Only for
   * a {@link #complete()} calling code. Cost: one pass of the automaton of all the regions'
   * leading-digits patterns (tag {@code i} for region {@code i}), then one automaton pass per
   * region without leading digits tried and one for the region found.
   */
  int classify(byte[] d, int from, int to) {
    if (plans.length == 1) {
      return plans[0].classify(d, from, to);
    }
    int leading = leadingDigits.prefixTags(d, from, to);
    for (int i = 0; i < plans.length; i++) {
      NumberingPlan plan = plans[i];
      if (plan.hasLeadingDigits()) {
        if ((leading & (1 << i)) != 0) {
          return plan.classify(d, from, to);
        }
      } else {
        int type = plan.classify(d, from, to);
        if (type != NumberingPlan.NOT_VALID_TYPE) {
          return type;
        }
      }
    }
    return NumberingPlan.NOT_VALID_TYPE;
  }

  /** Whether the short-number metadata of every region of the code compiled. */
  boolean shortCodesComplete() {
    return shortCodesComplete;
  }

  /**
   * {@code ShortNumberInfo.isValidShortNumber} of the national number {@code d[from, to)}: with one
   * region, valid for that region; with several, the short-code description of one of them matches
   * (one pass of the automaton of all their short-code patterns). Only when {@link
   * #shortCodesComplete()}.
   */
  boolean validShortNumber(byte[] d, int from, int to) {
    if (shortCodes.length == 1) {
      return validShortNumberForRegion(0, d, from, to);
    }
    int matching = shortCodePatterns.tags(shortCodePatterns.run(d, from, to));
    return (matching & shortCodeRegionsOfLength[to - from]) != 0;
  }

  /**
   * {@code ShortNumberInfo.isValidShortNumberForRegion} of the national number {@code d[from, to)}
   * for the region at {@code index} in {@link #regions()}. Only when {@link #shortCodesComplete()}.
   * Cost: two bit tests of the number's length, then, when both descriptions allow it, one pass of
   * the region's short-number automaton over the digits (both patterns at once); no allocation.
   */
  boolean validShortNumberForRegion(int index, byte[] d, int from, int to) {
    ShortCodes codes = shortCodes[index];
    return codes != null && codes.validForRegion(d, from, to);
  }

  /** The regions of the calling code, in libphonenumber's order. */
  List<String> regions() {
    return regions;
  }

  /**
   * What ShortNumberInfo reads of a region's short-number metadata: the general description and the
   * short-code description, each a possible-length mask and a pattern (tags 0 and 1 of one
   * automaton).
   */
  private static final class ShortCodes {
    private static final int GENERAL = 1;
    private static final int SHORT_CODE = 2;

    private final DigitAutomaton patterns;
    private final int generalLengths;
    private final int shortCodeLengths;

    private ShortCodes(DigitAutomaton patterns, int generalLengths, int shortCodeLengths) {
      this.patterns = patterns;
      this.generalLengths = generalLengths;
      this.shortCodeLengths = shortCodeLengths;
    }

    /** The compiled metadata, or null when a pattern does not compile. */
    static ShortCodes compile(PhoneMetadata metadata) {
      DigitAutomaton patterns =
          DigitAutomaton.compile(
              List.of(
                  metadata.getGeneralDesc().getNationalNumberPattern(),
                  metadata.getShortCode().getNationalNumberPattern()));
      return patterns == null
          ? null
          : new ShortCodes(
              patterns,
              NumberingPlan.lengthMask(metadata.getGeneralDesc().getPossibleLengthList()),
              NumberingPlan.lengthMask(metadata.getShortCode().getPossibleLengthList()));
    }

    /** Both descriptions match: ShortNumberInfo's {@code isValidShortNumberForRegion}. */
    boolean validForRegion(byte[] d, int from, int to) {
      int bit = 1 << (to - from);
      return (generalLengths & bit) != 0
          && (shortCodeLengths & bit) != 0
          && (patterns.tags(patterns.run(d, from, to)) & (GENERAL | SHORT_CODE))
              == (GENERAL | SHORT_CODE);
    }
  }

  /**
   * The short-number metadata of a region as ShortNumberInfo reads it: null when there is none or
   * libphonenumber rejects the region code. A region without any (GQ, IO, TA, TK) is not looked up:
   * libphonenumber would log a warning for its missing file and return null.
   */
  static PhoneMetadata shortMetadata(String region) {
    if (!SHORT_REGIONS.contains(region)) {
      return null;
    }
    try {
      return SHORT_METADATA.getMetadataForRegion(region);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
