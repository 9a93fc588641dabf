package org.contactaudit.phone;

import static org.contactaudit.phone.PhoneNormalizer.INVALID;
import static org.contactaudit.phone.PhoneNormalizer.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {
  @ParameterizedTest(name = "{0} in {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "+86 138 0013 8000   | CN | 8613800138000",
        "138 0013 8000       | CN | 8613800138000",
        "0086 138 0013 8000  | CN | 8613800138000",
        "+86 138 0013 8000   | US | 8613800138000",
        "+86 138 0013 8000   | ZZ | 8613800138000",
        "010-12345678        | CN | 861012345678",
        "(650) 253-0000      | US | 16502530000",
        "+1 650 253 0000     | ZZ | 16502530000",
        "+39 06 6982 1234    | ZZ | 390669821234",
      })
  void personalNumbersAreTheirE164DigitsAsALong(String raw, String region, long expected) {
    assertEquals(expected, PhoneNormalizer.libphonenumber(region).normalize(raw));
  }

  @ParameterizedTest(name = "{0} in {1} is a service number")
  @CsvSource(
      delimiter = '|',
      value = {
        "10086            | CN",
        "95588            | CN",
        "400-812-3123     | CN",
        "+86 400 812 3123 | ZZ",
        "+8610086         | ZZ",
        "800-820-8820     | CN",
        "1-800-555-0199   | US",
        "+1 800 555 0199  | CN",
        "1-900-555-0199   | US",
        "911              | US",
      })
  void shortCodesTollFreeAndSharedCostAreService(String raw, String region) {
    assertEquals(SERVICE, PhoneNormalizer.libphonenumber(region).normalize(raw));
  }

  @ParameterizedTest(name = "{0} in {1} is invalid")
  @CsvSource(
      delimiter = '|',
      value = {
        "abc              | CN",
        "12345            | CN",
        "1380013800       | CN",
        "13800138000      | ZZ",
        "10086            | ZZ",
        "(650) 253-0000   | CN",
        "+86 138 0013 800 | ZZ",
      })
  void cellsThatAreNotNumbersAreInvalid(String raw, String region) {
    assertEquals(INVALID, PhoneNormalizer.libphonenumber(region).normalize(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankAndNullCellsAreInvalid(String raw) {
    PhoneNormalizer n = PhoneNormalizer.libphonenumber("CN");
    assertEquals(INVALID, n.normalize(raw));
    assertEquals(INVALID, n.normalize(null));
  }

  @ParameterizedTest
  @CsvSource({"cn,CN", "' us ',US", "ZZ,ZZ", "zz,ZZ"})
  void regionIsTrimmedAndUpperCased(String region, String expected) {
    assertEquals(expected, PhoneNormalizer.libphonenumber(region).defaultRegion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "", "001", "CHN"})
  void unknownRegionIsRefusedByName(String region) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PhoneNormalizer.libphonenumber(region));
    assertEquals(
        "unknown default region '"
            + region
            + "': use a two-letter region code such as CN, US or DE, or ZZ for none",
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void e164TextIsPlusAndDigits() {
    assertEquals("+8613800138000", PhoneNormalizer.e164(8613800138000L));
  }
}
