package org.contactaudit.phone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: the first 16 bytes of HMAC-SHA-256 of a value, in lower-case hex. The same key
 * and value always give the same pseudonym, so pseudonyms join across runs that share a key;
 * without the key they cannot be reversed by enumerating phone numbers. Thread-safe.
 */
public final class Pseudonymizer {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 16;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private Pseudonymizer(byte[] keyBytes) {
    this.key = new SecretKeySpec(keyBytes, ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /**
   * A pseudonymizer with the given key.
   *
   * @throws IllegalArgumentException when the key is shorter than 16 bytes
   */
  public static Pseudonymizer withKey(byte[] keyBytes) {
    if (keyBytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the pseudonymization key has "
              + keyBytes.length
              + " bytes; use at least "
              + MIN_KEY_BYTES
              + " random bytes");
    }
    return new Pseudonymizer(keyBytes.clone());
  }

  /** The pseudonym of a value: 32 lower-case hex characters. */
  public String pseudonym(String value) {
    byte[] mac = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac, 0, 16);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }
}
