package org.contactaudit.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Inputs for differential tests of phone normalizers: libphonenumber's example numbers of every
 * region and type, its invalid examples and example short numbers, written in the ways exports
 * write them, mutated, and random digit strings and junk.
 */
final class PhoneInputs {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String SEPARATORS = " -./()";
  private static final String JUNK = "0123456789+-. ()/#*,;xXabcEeTtl:~\t\u00a0\uff11\u0663=_'\"";

  /**
   * Extension labels: every ASCII label of libphonenumber's extension pattern in several cases, the
   * ones it reads only with other characters (RFC 3966, commas, semicolon, hash, tilde, full-width,
   * Cyrillic, accented), and near misses.
   */
  private static final String[] EXTENSION_LABELS = {
    "ext",
    "Ext",
    "EXT",
    "eXt",
    "extn",
    "EXTN",
    "extension",
    "Extension",
    "extensio",
    "xt",
    "XT",
    "xtn",
    "xtension",
    "xtensio",
    "anexo",
    "Anexo",
    "x",
    "X",
    "int",
    "INT",
    "Int",
    "#",
    "~",
    ";ext=",
    ";",
    ",,",
    ",",
    "\uff58",
    "\u0434\u043e\u0431",
    "extensi\u00f3n",
    "extensio\u0301n",
    "ex",
    "exten",
    "extensions",
    "xx",
    "in",
    "tel",
    "e",
    "ext1",
    "anex"
  };

  private static final String[] BEFORE_LABEL = {
    "", " ", " ", "  ", ", ", "\t", "-", " - ", "/", ")"
  };
  private static final String[] AFTER_LABEL = {
    "", " ", ".", ". ", ":", ": ", "-", " - ", "..", ";"
  };
  private static final String[] AFTER_EXTENSION = {"", "", "", " ", "#", ".", ")", " x", "a", "12"};

  /** Vanity words: letters as libphonenumber maps them from three, and drops below three. */
  private static final String[] WORDS = {
    "FLOWERS",
    "flowers",
    "CALL-NOW",
    "Call Now",
    "MICROSOFT",
    "abc",
    "AB",
    "a",
    "Z",
    "GOOGLE",
    "CarS",
    "x",
    "tel",
    "ok",
    "QRSTUVWXYZ",
    "jkl",
    "ext",
    "int"
  };

  /** One example number per region (and non-geographic code) and type, and invalid examples. */
  static final List<PhoneNumber> EXAMPLES = examples();

  /** Example short numbers: {calling code, national digits}. */
  static final List<String[]> SHORT_EXAMPLES = shortExamples();

  private PhoneInputs() {}

  private static List<PhoneNumber> examples() {
    List<PhoneNumber> numbers = new ArrayList<>();
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        if (example != null) {
          numbers.add(example);
        }
      }
      PhoneNumber invalid = UTIL.getInvalidExampleNumber(region);
      if (invalid != null) {
        numbers.add(invalid);
      }
    }
    for (int code : new TreeSet<>(UTIL.getSupportedGlobalNetworkCallingCodes())) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber example = UTIL.getExampleNumberForType(type);
        if (example != null && example.getCountryCode() == code) {
          numbers.add(example);
        }
      }
      PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
      if (example != null) {
        numbers.add(example);
      }
    }
    return List.copyOf(numbers);
  }

  private static List<String[]> shortExamples() {
    List<String[]> numbers = new ArrayList<>();
    var source = DefaultMetadataDependenciesProvider.getInstance().getShortNumberMetadataSource();
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      PhoneMetadata metadata;
      try {
        metadata = source.getMetadataForRegion(region);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (metadata == null) {
        continue;
      }
      String code = Integer.toString(UTIL.getCountryCodeForRegion(region));
      for (PhoneNumberDesc desc :
          List.of(
              metadata.getShortCode(),
              metadata.getEmergency(),
              metadata.getTollFree(),
              metadata.getPremiumRate(),
              metadata.getStandardRate(),
              metadata.getCarrierSpecific(),
              metadata.getSmsServices())) {
        if (desc.hasExampleNumber()) {
          numbers.add(new String[] {code, desc.getExampleNumber()});
        }
      }
    }
    return List.copyOf(numbers);
  }

  /** Every way this test writes a number, as dialled or exported in {@code defaultRegion}. */
  static List<String> writings(PhoneNumber number, String defaultRegion) {
    Set<String> out = new LinkedHashSet<>();
    String e164 = UTIL.format(number, PhoneNumberFormat.E164);
    String code = Integer.toString(number.getCountryCode());
    String nsn = UTIL.getNationalSignificantNumber(number);
    String national = UTIL.format(number, PhoneNumberFormat.NATIONAL);
    out.add(e164);
    out.add(UTIL.format(number, PhoneNumberFormat.INTERNATIONAL));
    out.add(national);
    out.add(UTIL.format(number, PhoneNumberFormat.RFC3966));
    out.add(UTIL.formatOutOfCountryCallingNumber(number, defaultRegion));
    out.add("00" + e164.substring(1));
    out.add("00 " + code + " " + nsn);
    out.add("011 " + code + " " + nsn);
    out.add("+" + code + " (0) " + nsn);
    out.add(code + nsn);
    out.add(nsn);
    out.add("0" + nsn);
    out.add("1" + nsn);
    out.add("8" + nsn);
    out.add(
        "("
            + nsn.substring(0, Math.min(3, nsn.length()))
            + ") "
            + nsn.substring(3 <= nsn.length() ? 3 : nsn.length()));
    out.add(national + " ext. 12");
    out.add(e164 + " x12");
    out.add(e164 + ";ext=12");
    out.add("tel:" + e164);
    out.add("Tel: " + national);
    out.add(" " + national + " ");
    out.add(national + "#");
    return new ArrayList<>(out);
  }

  /** The writings of an example short number. */
  static List<String> shortWritings(String code, String digits) {
    return List.of(
        digits,
        "+" + code + digits,
        "+" + code + " " + digits,
        "00" + code + digits,
        "0" + digits,
        digits.length() > 2 ? digits.substring(0, 2) + "-" + digits.substring(2) : digits);
  }

  /**
   * {@code number} with an extension: a label of libphonenumber's grammar or a near miss, with
   * random separators around it and 1 to 22 digits.
   */
  static String withExtension(String number, Random random) {
    String label = EXTENSION_LABELS[random.nextInt(EXTENSION_LABELS.length)];
    int[] lengths = {1, 2, 3, 4, 6, 9, 10, 15, 16, 20, 21, 22};
    StringBuilder digits = new StringBuilder();
    for (int i = lengths[random.nextInt(lengths.length)]; i > 0; i--) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return number
        + BEFORE_LABEL[random.nextInt(BEFORE_LABEL.length)]
        + label
        + AFTER_LABEL[random.nextInt(AFTER_LABEL.length)]
        + digits
        + AFTER_EXTENSION[random.nextInt(AFTER_EXTENSION.length)];
  }

  /**
   * {@code number} with letters: a vanity word replacing its last digits, appended to it, or put
   * after its first one to four characters.
   */
  static String withLetters(String number, Random random) {
    String word = WORDS[random.nextInt(WORDS.length)];
    switch (random.nextInt(4)) {
      case 0:
        return number.substring(0, Math.max(0, number.length() - word.length())) + word;
      case 1:
        return number + (random.nextBoolean() ? " " : "") + word;
      case 2:
        int at = Math.min(number.length(), 1 + random.nextInt(4));
        return number.substring(0, at) + word + number.substring(at);
      default:
        int middle = number.length() / 2;
        return number.substring(0, middle) + word + number.substring(middle);
    }
  }

  /**
   * The national number as dialled locally: without its first one to four digits (an area code),
   * grouped at random, or a random three- to eight-digit code of the same first digit.
   */
  static String local(String nsn, Random random) {
    if (random.nextInt(3) == 0) {
      StringBuilder code = new StringBuilder().append(nsn.isEmpty() ? '1' : nsn.charAt(0));
      for (int i = 2 + random.nextInt(6); i > 0; i--) {
        code.append((char) ('0' + random.nextInt(10)));
      }
      return code.toString();
    }
    String rest = nsn.substring(Math.min(nsn.length(), 1 + random.nextInt(4)));
    return random.nextBoolean() ? rest : regroup(rest, random);
  }

  /** A random change of {@code s}: a digit dropped, added or changed, or a character inserted. */
  static String mutate(String s, Random random) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length());
    char digit = (char) ('0' + random.nextInt(10));
    switch (random.nextInt(7)) {
      case 0:
        return s.isEmpty() ? s : s.substring(0, at) + s.substring(at + 1);
      case 1:
        return s.substring(0, at) + digit + s.substring(at);
      case 2:
        return s.isEmpty() ? s : s.substring(0, at) + digit + s.substring(at + 1);
      case 3:
        return s.substring(0, at)
            + SEPARATORS.charAt(random.nextInt(SEPARATORS.length()))
            + s.substring(at);
      case 4:
        return s.substring(0, at) + JUNK.charAt(random.nextInt(JUNK.length())) + s.substring(at);
      case 5:
        return regroup(s.replaceAll("[^0-9+]", ""), random);
      default:
        return s + JUNK.charAt(random.nextInt(JUNK.length()));
    }
  }

  /** The digits (and plus) of {@code s} regrouped with random separators. */
  static String regroup(String s, Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      out.append(s.charAt(i));
      if (random.nextInt(4) == 0) {
        out.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
      }
    }
    return out.toString();
  }

  /** A random digit string with a random prefix and separators. */
  static String randomDigits(Random random) {
    String[] prefixes = {"", "", "", "+", "00", "0", "011", "+0", "1", "+1", "86", "+86", "0086"};
    StringBuilder digits = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
    int length = 1 + random.nextInt(random.nextBoolean() ? 13 : 22);
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return random.nextBoolean() ? digits.toString() : regroup(digits.toString(), random);
  }

  /** A random string of characters found in and around phone numbers. */
  static String randomJunk(Random random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(18);
    for (int i = 0; i < length; i++) {
      out.append(JUNK.charAt(random.nextInt(JUNK.length())));
    }
    return out.toString();
  }
}
