package org.contactaudit.generate;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.contactaudit.phone.PhoneNormalizer;

/**
 * The personal numbers of one region and the ways people write them.
 *
 * <p>A plan is a country code, a list of national prefixes and a count of free digits after the
 * prefix. For CN the prefixes are the mobile ranges 130-139, 150-153, 155-159 and 180-189 (every
 * number in them is a valid mobile number for libphonenumber). For any other region the plan is
 * derived from libphonenumber's example mobile number, and each generated number is checked.
 *
 * <p>Raw formats, service numbers and junk are checked against {@link PhoneNormalizer} when the
 * plan is made: a format that does not read back as the same number is dropped, and so is a service
 * number that is not {@code SERVICE} or a junk cell that is not {@code INVALID}.
 */
final class NumberPlan {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  // Raw styles: national plain, spaced, dashed, parenthesized; international variants.
  private static final int PLAIN = 0;
  private static final int SPACED = 1;
  private static final int DASHED = 2;
  private static final int PARENS = 3;
  private static final int E164 = 4;
  private static final int INTL_SPACED = 5;
  private static final int INTL_DASHED = 6;
  private static final int ZERO_ZERO = 7;
  private static final int INTL_PARENS = 8;

  /** How often each style is used, in percent, by style index. */
  private static final int[] STYLE_WEIGHTS = {35, 15, 8, 3, 12, 15, 4, 5, 3};

  private static final int[] CN_PREFIXES = {
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
    180, 181, 182, 183, 184, 185, 186, 187, 188, 189
  };

  private static final List<String> CN_SERVICE =
      List.of(
          "10086",
          "10010",
          "10000",
          "95588",
          "95533",
          "95555",
          "95599",
          "400-810-8888",
          "400 820 8820",
          "4006 186 666",
          "800-810-8888",
          "8008208820");

  private static final List<String> JUNK =
      List.of("n/a", "unknown", "123", "0000", "#31#", "+86 12", "1380013800", "??", "12-34");

  final String region;
  private final int countryCode;
  private final String ccText;
  private final int[] prefixes;
  private final long freeSpace;
  private final int nsnLength;
  private final boolean checked;
  private final String nationalPrefix;
  private final int[] groups;
  private final int[] styleTable;
  final List<String> serviceNumbers;
  final List<String> junk;

  private NumberPlan(
      String region, int[] prefixes, int freeDigits, boolean checked, PhoneNumber example) {
    this.region = region;
    this.countryCode = UTIL.getCountryCodeForRegion(region);
    this.ccText = Integer.toString(countryCode);
    this.prefixes = prefixes;
    this.freeSpace = pow10(freeDigits);
    this.nsnLength = Integer.toString(prefixes[0]).length() + freeDigits;
    this.checked = checked;
    String nsn = UTIL.getNationalSignificantNumber(example);
    String national = UTIL.format(example, PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
    this.nationalPrefix =
        national.endsWith(nsn) ? national.substring(0, national.length() - nsn.length()) : "";
    this.groups =
        nsnLength == 11
            ? new int[] {3, 4, 4}
            : nsnLength >= 8 ? new int[] {3, 3, nsnLength - 6} : new int[] {nsnLength};
    PhoneNormalizer normalizer = PhoneNormalizer.libphonenumber(region);
    this.styleTable = workingStyles(normalizer);
    List<String> service = new ArrayList<>();
    for (String s : region.equals("CN") ? CN_SERVICE : exampleServiceNumbers(region)) {
      if (normalizer.normalize(s) == PhoneNormalizer.SERVICE) {
        service.add(s);
      }
    }
    this.serviceNumbers = List.copyOf(service);
    List<String> bad = new ArrayList<>();
    for (String s : JUNK) {
      if (normalizer.normalize(s) == PhoneNormalizer.INVALID) {
        bad.add(s);
      }
    }
    this.junk = List.copyOf(bad);
  }

  /**
   * The plan of a region.
   *
   * @throws IllegalArgumentException when libphonenumber knows no mobile numbers for the region
   */
  static NumberPlan forRegion(String region) {
    if (region.equals("CN")) {
      return new NumberPlan(
          region,
          CN_PREFIXES,
          8,
          false,
          UTIL.getExampleNumberForType("CN", PhoneNumberType.MOBILE));
    }
    PhoneNumber example = UTIL.getExampleNumberForType(region, PhoneNumberType.MOBILE);
    if (example == null) {
      throw new IllegalArgumentException(
          "libphonenumber knows no mobile numbers for region " + region);
    }
    String nsn = UTIL.getNationalSignificantNumber(example);
    int prefixLength = Math.max(1, Math.min(3, nsn.length() - 6));
    int free = nsn.length() - prefixLength;
    SplittableRandom rng = new SplittableRandom(nsn.hashCode());
    List<Integer> found = new ArrayList<>();
    for (int p = pow10int(prefixLength - 1); p < pow10int(prefixLength); p++) {
      boolean all = true;
      for (int i = 0; i < 4 && all; i++) {
        all = isPersonal(example.getCountryCode(), p * pow10(free) + rng.nextLong(pow10(free)));
      }
      if (all) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot derive mobile number ranges for region " + region + " from libphonenumber");
    }
    return new NumberPlan(
        region, found.stream().mapToInt(Integer::intValue).toArray(), free, true, example);
  }

  /** How many distinct numbers the plan can hold (an upper bound when numbers are checked). */
  long capacity() {
    return prefixes.length * freeSpace;
  }

  /**
   * The E.164 digits of the number at a slot in {@code [0, capacity())}, or -1 when the slot is not
   * a valid personal number.
   */
  long numberAt(long slot) {
    long nsn = prefixes[(int) (slot / freeSpace)] * freeSpace + slot % freeSpace;
    if (checked && !isPersonal(countryCode, nsn)) {
      return -1;
    }
    return countryCode * pow10(nsnLength) + nsn;
  }

  private static boolean isPersonal(int countryCode, long nsn) {
    PhoneNumber n = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(nsn);
    if (!UTIL.isValidNumber(n)) {
      return false;
    }
    PhoneNumberType type = UTIL.getNumberType(n);
    return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
  }

  /** Picks a raw style for one cell, by the style weights. */
  int style(SplittableRandom rng) {
    return styleTable[rng.nextInt(styleTable.length)];
  }

  /** Appends the E.164 text of a number. */
  void appendE164(CsvOut out, long number) {
    out.chr('+').num(number);
  }

  /** Appends a number in a raw style. */
  void append(CsvOut out, long number, int style) {
    long nsn = number % pow10(nsnLength);
    switch (style) {
      case PLAIN:
        out.str(nationalPrefix).digits(nsn, nsnLength);
        break;
      case SPACED:
        out.str(nationalPrefix);
        grouped(out, nsn, ' ');
        break;
      case DASHED:
        out.str(nationalPrefix);
        grouped(out, nsn, '-');
        break;
      case PARENS:
        out.chr('(').str(nationalPrefix);
        out.digits(nsn / pow10(nsnLength - groups[0]), groups[0]).chr(')').chr(' ');
        out.digits(nsn % pow10(nsnLength - groups[0]), nsnLength - groups[0]);
        break;
      case E164:
        out.chr('+').str(ccText).digits(nsn, nsnLength);
        break;
      case INTL_SPACED:
        out.chr('+').str(ccText).chr(' ');
        grouped(out, nsn, ' ');
        break;
      case INTL_DASHED:
        out.chr('+').str(ccText).chr('-');
        grouped(out, nsn, '-');
        break;
      case ZERO_ZERO:
        out.str("00").str(ccText).chr(' ');
        grouped(out, nsn, ' ');
        break;
      case INTL_PARENS:
        out.str("(+").str(ccText).str(") ");
        grouped(out, nsn, ' ');
        break;
      default:
        throw new IllegalArgumentException("unknown style " + style);
    }
  }

  private void grouped(CsvOut out, long nsn, char separator) {
    int left = nsnLength;
    for (int i = 0; i < groups.length; i++) {
      left -= groups[i];
      if (i > 0) {
        out.chr(separator);
      }
      out.digits(nsn / pow10(left) % pow10(groups[i]), groups[i]);
    }
  }

  private int[] workingStyles(PhoneNormalizer normalizer) {
    SplittableRandom rng = new SplittableRandom(countryCode);
    List<Long> sample = new ArrayList<>();
    for (int tries = 0; sample.size() < 20 && tries < 10_000; tries++) {
      long n = numberAt(rng.nextLong(capacity()));
      if (n >= 0) {
        sample.add(n);
      }
    }
    List<Integer> table = new ArrayList<>();
    for (int style = 0; style < STYLE_WEIGHTS.length; style++) {
      if (readsBack(normalizer, sample, style)) {
        for (int w = 0; w < STYLE_WEIGHTS[style]; w++) {
          table.add(style);
        }
      }
    }
    return table.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean readsBack(PhoneNormalizer normalizer, List<Long> sample, int style) {
    for (long n : sample) {
      if (normalizer.normalize(format(n, style)) != n) {
        return false;
      }
    }
    return true;
  }

  /** The raw text of a number in a style (for checks and tests; rows use {@link #append}). */
  String format(long number, int style) {
    CsvOut text = CsvOut.inMemory();
    append(text, number, style);
    return text.text();
  }

  /** The styles in use, each once. */
  int[] styles() {
    return Arrays.stream(styleTable).distinct().toArray();
  }

  private static List<String> exampleServiceNumbers(String region) {
    List<String> out = new ArrayList<>();
    for (PhoneNumberType type :
        List.of(
            PhoneNumberType.TOLL_FREE,
            PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST,
            PhoneNumberType.UAN)) {
      PhoneNumber n = UTIL.getExampleNumberForType(region, type);
      if (n != null) {
        out.add(UTIL.format(n, PhoneNumberFormat.NATIONAL));
      }
    }
    out.addAll(List.of("112", "911", "999", "110", "116 000"));
    return out;
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private static long pow10(int n) {
    return POW10[n];
  }

  private static int pow10int(int n) {
    return (int) pow10(n);
  }
}
