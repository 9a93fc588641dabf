package org.contactaudit.phone;

/**
 * Turns raw phone cells into number keys for one run, deciding each distinct raw value once.
 *
 * <p>A key is a non-negative {@code long}: the E.164 digits in {@link PhoneMode#NUMBERS} mode, a
 * dense token id in {@link PhoneMode#TOKENS} mode. {@link PhoneNormalizer#INVALID} and {@link
 * PhoneNormalizer#SERVICE} report the cells that are not personal numbers. Not thread-safe: a run
 * decodes its inputs on one thread.
 */
public interface PhoneDecoder {
  /**
   * Decodes one raw cell.
   *
   * @return a key {@code >= 0}, {@link PhoneNormalizer#INVALID} or {@link PhoneNormalizer#SERVICE}
   */
  long decode(String raw);

  /**
   * The canonical text of a key, the input of its pseudonym: the E.164 number or the token. Never
   * write it out: it may be a raw phone number.
   */
  String canonical(long key);

  /** The mode of this decoder. */
  PhoneMode mode();

  /** How many distinct raw values were decided (the cost of normalization of a run). */
  int distinctRawValues();

  /** Decodes numbers with the given normalizer, each distinct raw value once. */
  static PhoneDecoder numbers(PhoneNormalizer normalizer) {
    return new NumberDecoder(normalizer);
  }

  /** Decodes opaque tokens, compared verbatim after trimming. */
  static PhoneDecoder tokens() {
    return new TokenDecoder();
  }
}
