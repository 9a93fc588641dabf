package org.contactaudit.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.Locale;

/**
 * The reference decision, made with libphonenumber: parse with the default region; a valid number
 * of a service type is {@code SERVICE}, any other valid number is personal; an invalid number that
 * is a valid short number (for its region or the default region) is {@code SERVICE}; everything
 * else is {@code INVALID}.
 */
final class LibphonenumberNormalizer implements PhoneNormalizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final ShortNumberInfo SHORT = ShortNumberInfo.getInstance();

  /** libphonenumber's code for "no region": only numbers in international form are valid. */
  static final String UNKNOWN_REGION = "ZZ";

  private final String region;

  LibphonenumberNormalizer(String defaultRegion) {
    String r = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!UNKNOWN_REGION.equals(r) && !UTIL.getSupportedRegions().contains(r)) {
      throw new IllegalArgumentException(
          "unknown default region '"
              + defaultRegion
              + "': use a two-letter region code such as CN, US or DE, or ZZ for none");
    }
    this.region = r;
  }

  @Override
  public String defaultRegion() {
    return region;
  }

  @Override
  public long normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return INVALID;
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, region);
    } catch (NumberParseException e) {
      return INVALID;
    }
    if (UTIL.isValidNumber(number)) {
      return isServiceType(UTIL.getNumberType(number)) ? SERVICE : digits(number);
    }
    if (SHORT.isValidShortNumber(number) || SHORT.isValidShortNumberForRegion(number, region)) {
      return SERVICE;
    }
    return INVALID;
  }

  static boolean isServiceType(PhoneNumberType type) {
    switch (type) {
      case TOLL_FREE:
      case PREMIUM_RATE:
      case SHARED_COST:
      case UAN:
        return true;
      default:
        return false;
    }
  }

  private static long digits(PhoneNumber number) {
    String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    return Long.parseLong(e164, 1, e164.length(), 10);
  }
}
