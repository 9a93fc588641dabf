package org.contactaudit.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  @Test
  void pseudonymIsTheFirstSixteenBytesOfHmacSha256() {
    // RFC 4231 test case 1: key 0x0b * 20, data "Hi There", HMAC-SHA-256
    // b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7.
    byte[] key = new byte[20];
    Arrays.fill(key, (byte) 0x0b);
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b", Pseudonymizer.withKey(key).pseudonym("Hi There"));
  }

  @Test
  void keyIsCopiedSoLaterChangesToTheArrayDoNotMatter() {
    byte[] key = new byte[16];
    Pseudonymizer p = Pseudonymizer.withKey(key);
    String before = p.pseudonym("+8613800138000");
    key[0] = 1;
    assertEquals(before, p.pseudonym("+8613800138000"));
    assertNotEquals(before, Pseudonymizer.withKey(key).pseudonym("+8613800138000"));
  }

  @Test
  void keyShorterThanSixteenBytesIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.withKey(new byte[15]));
    assertEquals(
        "the pseudonymization key has 15 bytes; use at least 16 random bytes", e.getMessage());
  }
}
