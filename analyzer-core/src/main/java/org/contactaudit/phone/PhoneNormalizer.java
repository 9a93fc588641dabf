package org.contactaudit.phone;

/**
 * Normalizes a raw phone cell to an E.164 number held as a {@code long}: the digits after the
 * {@code +} (a country code never starts with 0, so the digits map one-to-one to the value).
 *
 * <p>The outcome is encoded in the returned value so that no object is allocated per cell: a
 * non-negative value is a personal number, {@link #INVALID} is a cell that cannot be a phone
 * number, {@link #SERVICE} a number that libphonenumber classifies as a service number (a short
 * code, toll-free, premium-rate, shared-cost or UAN number). Implementations are thread-safe.
 */
public interface PhoneNormalizer {
  /** The outcome of a cell that is not a phone number. */
  long INVALID = -1;

  /** The outcome of a service number: ignored with reason {@code SERVICE_NUMBER}. */
  long SERVICE = -2;

  /**
   * Normalizes one raw cell.
   *
   * @return the E.164 digits, {@link #INVALID} or {@link #SERVICE}
   */
  long normalize(String raw);

  /** The default region used for numbers written without an international prefix. */
  String defaultRegion();

  /**
   * The reference normalizer: Google's libphonenumber, about 20 µs a number.
   *
   * @param defaultRegion a CLDR region code such as {@code CN} or {@code US}
   * @throws IllegalArgumentException naming the region when libphonenumber does not know it
   */
  static PhoneNormalizer libphonenumber(String defaultRegion) {
    return new LibphonenumberNormalizer(defaultRegion);
  }

  /**
   * A normalizer that gives exactly the outcomes of {@link #libphonenumber(String)} for every
   * input, and decides the common forms (digits with {@code +}, the international or national
   * prefix, spaces, dashes, dots, parentheses, slashes; extensions such as {@code ext. 12} or
   * {@code x123}; vanity letters such as {@code 1-800-FLOWERS}; short numbers and locally dialled
   * numbers) from libphonenumber's metadata and short-number metadata compiled into digit automata,
   * in about 60 to 90 ns a cell on an export mix (JMH, {@code benchmarks/README.md}) without
   * allocation; it leaves the other forms to libphonenumber. The automata of a calling code are
   * compiled on its first number (milliseconds).
   *
   * @param defaultRegion a CLDR region code such as {@code CN} or {@code US}
   * @throws IllegalArgumentException naming the region when libphonenumber does not know it
   */
  static PhoneNormalizer fast(String defaultRegion) {
    return new MetadataPhoneNormalizer(defaultRegion);
  }

  /** The E.164 text ({@code +} and digits) of a normalized number. */
  static String e164(long number) {
    return "+" + number;
  }
}
