package org.contactaudit.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneDecoderTest {
  /** Delegates to libphonenumber and records every raw value it is asked to decide. */
  private static final class CountingNormalizer implements PhoneNormalizer {
    final List<String> asked = new ArrayList<>();
    private final PhoneNormalizer real = PhoneNormalizer.libphonenumber("CN");

    @Override
    public long normalize(String raw) {
      asked.add(raw);
      return real.normalize(raw);
    }

    @Override
    public String defaultRegion() {
      return real.defaultRegion();
    }
  }

  @Test
  void numbersDecideEachDistinctRawValueOnce() {
    CountingNormalizer counting = new CountingNormalizer();
    PhoneDecoder d = PhoneDecoder.numbers(counting);
    List<String> cells =
        List.of("+8613800138000", "10086", "garbage", "138 0013 8000", "10086", "+8613800138000");
    List<Long> keys = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String cell : cells) {
        keys.add(d.decode(cell));
      }
    }
    assertEquals(List.of("+8613800138000", "10086", "garbage", "138 0013 8000"), counting.asked);
    assertEquals(4, d.distinctRawValues());
    assertEquals(
        List.of(
            8613800138000L,
            PhoneNormalizer.SERVICE,
            PhoneNormalizer.INVALID,
            8613800138000L,
            PhoneNormalizer.SERVICE,
            8613800138000L),
        keys.subList(12, 18));
    assertEquals("+8613800138000", d.canonical(8613800138000L));
    assertEquals(PhoneMode.NUMBERS, d.mode());
  }

  @Test
  void tokensAreTrimmedAndGetDenseIdsInOrderOfFirstAppearance() {
    PhoneDecoder d = PhoneDecoder.tokens();
    assertEquals(0, d.decode("h:abc"));
    assertEquals(1, d.decode("H:ABC"));
    assertEquals(0, d.decode("  h:abc\t"));
    assertEquals(2, d.decode("10086"));
    assertEquals(PhoneNormalizer.INVALID, d.decode("   "));
    assertEquals(PhoneNormalizer.INVALID, d.decode(null));
    assertEquals(3, d.distinctRawValues());
    assertEquals("h:abc", d.canonical(0));
    assertEquals("10086", d.canonical(2));
    assertEquals(PhoneMode.TOKENS, d.mode());
  }
}
