package org.contactaudit.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The numbering plans of one country calling code: the plans of its regions in libphonenumber's
 * order (the main region first), and the lengths at which one of its regions has valid short
 * numbers.
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
  private final long shortLengths;

  private CallingCodePlans(int code) {
    this.regions = UTIL.getRegionCodesForCountryCode(code);
    this.plans = new NumberingPlan[regions.size()];
    boolean all = true;
    long lengths = 0;
    for (int i = 0; i < plans.length; i++) {
      String region = regions.get(i);
      PhoneMetadata metadata =
          PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
              ? METADATA.getMetadataForNonGeographicalRegion(code)
              : METADATA.getMetadataForRegion(region);
      plans[i] = metadata == null ? null : NumberingPlan.compile(metadata);
      all &= plans[i] != null;
      lengths |= shortNumberLengths(region);
    }
    this.complete = all;
    this.shortLengths = lengths;
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
   * libphonenumber's {@code getRegionCodeForNumber}: the plan of the first region whose leading
   * digits match, or which has no leading digits and finds the number valid; null when none does.
   * Only for a {@link #complete()} calling code.
   */
  NumberingPlan regionOf(CharSequence s, int from, int to, int length) {
    if (plans.length == 1) {
      return plans[0];
    }
    for (NumberingPlan plan : plans) {
      if (plan.hasLeadingDigits()) {
        if (plan.leadingDigitsMatch(s, from, to)) {
          return plan;
        }
      } else if (plan.classify(s, from, to, length) != NumberingPlan.NOT_VALID) {
        return plan;
      }
    }
    return null;
  }

  /** Whether a national number of this many digits may be a valid short number of the code. */
  boolean mayBeShortNumber(int length) {
    return (shortLengths & (1L << Math.min(length, 63))) != 0;
  }

  /**
   * The lengths at which the region's short-code pattern accepts numbers, all lengths when it
   * cannot be compiled, none when the region has no short-number metadata.
   */
  private static long shortNumberLengths(String region) {
    PhoneMetadata metadata;
    try {
      metadata = SHORT_METADATA.getMetadataForRegion(region);
    } catch (IllegalArgumentException e) {
      return 0; // what ShortNumberInfo does: no metadata, no valid short numbers
    }
    if (metadata == null) {
      return 0;
    }
    DigitAutomaton shortCodes =
        DigitAutomaton.compile(metadata.getShortCode().getNationalNumberPattern());
    return shortCodes == null ? -1L : shortCodes.acceptedLengths();
  }
}
