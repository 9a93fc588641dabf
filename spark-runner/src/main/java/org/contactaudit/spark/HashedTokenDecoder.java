package org.contactaudit.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.contactaudit.phone.PhoneDecoder;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.phone.PhoneNormalizer;

/**
 * Opaque tokens decoded to keys every task agrees on without a shared dictionary: the first 63 bits
 * of the SHA-256 of the trimmed token. Two distinct tokens collide with a probability of about
 * {@code n² / 2⁶⁴} for {@code n} tokens (below 10⁻⁶ for 10⁶ tokens); only equality of keys is used,
 * so the verdicts are those of {@link PhoneDecoder#tokens()}.
 */
final class HashedTokenDecoder implements PhoneDecoder {
  private final MessageDigest sha256;
  private int decided;

  HashedTokenDecoder() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  @Override
  public long decode(String raw) {
    String token = raw == null ? "" : raw.strip();
    if (token.isEmpty()) {
      return PhoneNormalizer.INVALID;
    }
    decided++;
    byte[] d = sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    long key = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      key = key << 8 | (d[i] & 0xFF);
    }
    return key & Long.MAX_VALUE;
  }

  @Override
  public String canonical(long key) {
    throw new UnsupportedOperationException("hashed tokens cannot be turned back into text");
  }

  @Override
  public PhoneMode mode() {
    return PhoneMode.TOKENS;
  }

  @Override
  public int distinctRawValues() {
    return decided;
  }
}
