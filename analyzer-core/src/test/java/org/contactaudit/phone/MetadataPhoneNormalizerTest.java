package org.contactaudit.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Differential tests: {@link MetadataPhoneNormalizer} must give libphonenumber's outcome on every
 * input, and must decide the common forms without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetadataPhoneNormalizerTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /**
   * Default regions: large exports, odd ones (Italian leading zero, transform rules), and regions
   * that are not their calling code's main region and have leading digits (GG, JM, KZ).
   */
  private static final List<String> REGIONS =
      List.of(
          "CN", "US", "DE", "GB", "IN", "BR", "FR", "JP", "IT", "AR", "MX", "RU", "CA", "AU", "GG",
          "JM", "KZ");

  /** Regions whose national prefix the fast path models, so their common forms must be fast. */
  private static final List<String> MODELLED = List.of("CN", "US", "DE", "GB", "IN", "FR", "IT");

  @Test
  void agreesWithLibphonenumberOnASeededSample() {
    Differential check = new Differential();
    Random random = new Random(6);
    for (String region : REGIONS) {
      List<String> inputs = new ArrayList<>();
      for (int i = 0; i < 1200; i++) {
        List<String> writings;
        if (random.nextInt(5) == 0) {
          String[] number =
              PhoneInputs.SHORT_EXAMPLES.get(random.nextInt(PhoneInputs.SHORT_EXAMPLES.size()));
          writings = PhoneInputs.shortWritings(number[0], number[1]);
        } else {
          PhoneNumber number =
              PhoneInputs.EXAMPLES.get(random.nextInt(PhoneInputs.EXAMPLES.size()));
          writings = PhoneInputs.writings(number, region);
        }
        String s = writings.get(random.nextInt(writings.size()));
        inputs.add(random.nextInt(3) == 0 ? PhoneInputs.mutate(s, random) : s);
      }
      for (int i = 0; i < 300; i++) {
        inputs.add(PhoneInputs.randomDigits(random));
        inputs.add(PhoneInputs.randomJunk(random));
      }
      inputs.addAll(decorated(region, random, 300));
      check.compare(region, inputs);
    }
    check.assertAgreed();
    assertTrue(check.fast * 2 > check.compared, check.summary());
  }

  /**
   * The forms decided fast since the fast path read extensions, letters and short numbers: each of
   * {@code rounds} rounds adds an example's writing with an extension, one with letters, its
   * national number as dialled locally, and a changed example short number.
   */
  private static List<String> decorated(String region, Random random, int rounds) {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      PhoneNumber number = PhoneInputs.EXAMPLES.get(random.nextInt(PhoneInputs.EXAMPLES.size()));
      List<String> writings = PhoneInputs.writings(number, region);
      inputs.add(PhoneInputs.withExtension(writings.get(random.nextInt(writings.size())), random));
      inputs.add(PhoneInputs.withLetters(writings.get(random.nextInt(writings.size())), random));
      inputs.add(PhoneInputs.local(UTIL.getNationalSignificantNumber(number), random));
      String[] code =
          PhoneInputs.SHORT_EXAMPLES.get(random.nextInt(PhoneInputs.SHORT_EXAMPLES.size()));
      inputs.add(PhoneInputs.mutate(code[1], random));
    }
    return inputs;
  }

  @Test
  @Tag("slow")
  void agreesWithLibphonenumberOnMillions() {
    Differential check = new Differential();
    Random random = new Random(66);
    List<String> regions = new ArrayList<>(REGIONS);
    regions.addAll(List.of("NZ", "SG", "ZA", "NG", "ID", "KR", "ES", "NL", "CH", "AT"));
    for (String region : regions) {
      List<String> corpus = corpus(region);
      List<String> inputs = new ArrayList<>(corpus);
      for (int round = 0; round < 2; round++) {
        for (String s : corpus) {
          inputs.add(PhoneInputs.mutate(s, random));
        }
      }
      for (String s : corpus) {
        inputs.add(PhoneInputs.withExtension(s, random));
        inputs.add(PhoneInputs.withLetters(s, random));
      }
      inputs.addAll(decorated(region, random, 20_000));
      for (int i = 0; i < 20_000; i++) {
        inputs.add(PhoneInputs.randomDigits(random));
        inputs.add(PhoneInputs.randomJunk(random));
      }
      check.compare(region, inputs);
    }
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      List<String> inputs = new ArrayList<>();
      for (PhoneNumber number : PhoneInputs.EXAMPLES) {
        inputs.add(UTIL.format(number, PhoneNumberFormat.E164));
        inputs.add(UTIL.format(number, PhoneNumberFormat.NATIONAL));
        inputs.add(UTIL.formatOutOfCountryCallingNumber(number, region));
        inputs.add(PhoneInputs.local(UTIL.getNationalSignificantNumber(number), random));
      }
      for (String[] number : PhoneInputs.SHORT_EXAMPLES) {
        inputs.add(number[1]);
        inputs.add(PhoneInputs.mutate(number[1], random));
      }
      inputs.addAll(decorated(region, random, 200));
      check.compare(region, inputs);
    }
    check.assertAgreed();
    assertTrue(check.compared > 1_000_000, check.summary());
  }

  @Test
  void agreesWithLibphonenumberAtTheMaximumInputLength() {
    int max = MetadataPhoneNormalizer.MAX_INPUT_LENGTH;
    List<String> numbers =
        List.of(
            "+86 138 0013 8000",
            "138-0013-8000",
            "(650) 253-0000",
            "030 1234567",
            "650-253-0000 ext. 12",
            "1-800-FLOWERS",
            "110");
    List<String> inputs = new ArrayList<>();
    for (int length = max; length <= max + 1; length++) {
      for (String number : numbers) {
        int pad = length - number.length();
        inputs.add(number + " ".repeat(pad));
        inputs.add(" ".repeat(pad) + number);
        inputs.add(number + "-".repeat(pad));
        inputs.add("(".repeat(pad) + number);
      }
      inputs.add("1".repeat(length));
      inputs.add("+" + "8".repeat(length - 1));
      inputs.add("650-253-0000" + " ".repeat(length - 18) + "ext 12");
      inputs.add("1-800-" + "A".repeat(length - 6));
      inputs.add("x".repeat(length));
    }
    for (String input : inputs) {
      assertTrue(input.length() == max || input.length() == max + 1, input);
    }
    Differential check = new Differential();
    for (String region : List.of("CN", "US", "DE")) {
      check.compare(region, inputs);
    }
    check.assertAgreed();
    // The limit is where libphonenumber puts it: a padded valid number is valid up to it only.
    PhoneNormalizer reference = PhoneNormalizer.libphonenumber("CN");
    String padded = "+86 138 0013 8000";
    assertEquals(8613800138000L, reference.normalize(padded + " ".repeat(max - padded.length())));
    assertEquals(
        PhoneNormalizer.INVALID,
        reference.normalize(padded + " ".repeat(max + 1 - padded.length())));
  }

  /**
   * One fresh instance shared by several threads, on numbers of every calling code: it runs first
   * in this class, so that most calling codes are compiled lazily while the threads race on them.
   */
  @Test
  @Order(1)
  void agreesWithLibphonenumberFromSeveralThreadsOnOneInstance() throws Exception {
    String region = "US";
    Random random = new Random(16);
    List<String> inputs = new ArrayList<>();
    Set<Integer> codes = new TreeSet<>();
    for (PhoneNumber number : PhoneInputs.EXAMPLES) {
      codes.add(number.getCountryCode());
      String national = UTIL.format(number, PhoneNumberFormat.NATIONAL);
      inputs.add(UTIL.format(number, PhoneNumberFormat.E164));
      inputs.add(UTIL.format(number, PhoneNumberFormat.INTERNATIONAL));
      inputs.add(UTIL.formatOutOfCountryCallingNumber(number, region));
      inputs.add(national);
      inputs.add(PhoneInputs.withExtension(national, random));
      inputs.add(PhoneInputs.withLetters(national, random));
      inputs.add(PhoneInputs.local(UTIL.getNationalSignificantNumber(number), random));
    }
    for (String[] number : PhoneInputs.SHORT_EXAMPLES) {
      inputs.add("+" + number[0] + " " + number[1]);
      inputs.add(number[1]);
    }
    int uncompiled = 0;
    for (int code : codes) {
      uncompiled += CallingCodePlans.isCompiled(code) ? 0 : 1;
    }
    PhoneNormalizer reference = PhoneNormalizer.libphonenumber(region);
    long[] expected = new long[inputs.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = reference.normalize(inputs.get(i));
    }

    PhoneNormalizer shared = PhoneNormalizer.fast(region);
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> disagreements = new ArrayList<>();
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> wrong = new ArrayList<>();
                  for (int i = 0; i < expected.length; i++) {
                    long actual = shared.normalize(inputs.get(i));
                    if (actual != expected[i] && wrong.size() < 10) {
                      wrong.add(
                          "'" + inputs.get(i) + "': expected " + expected[i] + ", got " + actual);
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<List<String>> result : results) {
        disagreements.addAll(result.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    String summary =
        threads
            + " threads, "
            + inputs.size()
            + " inputs each, "
            + uncompiled
            + " of "
            + codes.size()
            + " calling codes not compiled before";
    assertTrue(disagreements.isEmpty(), summary + "; disagreements:\n" + disagreements);
    assertTrue(uncompiled > 0, summary + ": the lazy compile was not exercised");
  }

  @Test
  void decidesTheCommonFormsFast() {
    assertFast(
        "CN",
        "+86 138 0013 8000",
        "+8613800138000",
        "138-0013-8000",
        "(138) 0013 8000",
        "0086 13800138000",
        "010 6552 9988",
        "(010) 65529988",
        "+86 10 6552 9988",
        "12345678901",
        "+1 650-253-0000",
        "001 650 253 0000");
    assertFast(
        "US",
        "+1 650-253-0000",
        "(650) 253-0000",
        "650.253.0000",
        "1 650 253 0000",
        "011 86 138 0013 8000",
        "+86 138 0013 8000",
        "+44 20 7946 0958",
        "+49 30 1234567",
        "1-800-253-0000");
    assertFast("DE", "030 1234567", "+49 (0)30 1234567", "0171 1234567", "0049 171 1234567");
    assertFast("GB", "020 7946 0958", "07400 123456", "+44 7400 123456", "0044 20 7946 0958");
    assertFast("FR", "01 23 45 67 89", "06 12 34 56 78", "+33 6 12 34 56 78");
    assertFast("IT", "06 1234 5678", "+39 06 1234 5678", "312 345 6789", "0039 312 345 6789");
    assertFast("IN", "098765 43210", "+91 98765 43210", "98765-43210");
  }

  @Test
  void decidesExtensionsFast() {
    assertFast(
        "CN",
        "+86 138 0013 8000 ext. 12",
        "138-0013-8000 x123",
        "010 6552 9988 EXT: 5",
        "+86 10 6552 9988 extension 12345678901234567890",
        "13800138000 int 9",
        "(010) 65529988 anexo 42",
        "13800138000xt-7");
    assertFast(
        "US",
        "650-253-0000 x123",
        "(650) 253-0000 Ext. 4",
        "+1 650 253 0000 EXTN 1",
        "+44 20 7946 0958 x 12");
    assertFast("DE", "030 1234567-ext 89");
    assertFast("GB", "020 7946 0958 ext 123");
  }

  @Test
  void decidesVanityLettersFast() {
    assertFast("CN", "400-810-TAXI", "138 0013 8000 ab");
    assertFast("US", "1-800-FLOWERS", "1-800-flowers", "1 800 CALL NOW");
    assertFast("DE", "030 1234567 Durchwahl");
    assertFast("GB", "0800 FLOWERS");
  }

  @Test
  void decidesShortCodesFast() {
    assertFast("CN", "10086", "95588", "110", "12345");
    assertFast("US", "911", "611");
    assertFast("DE", "110", "112");
    assertFast("GB", "999", "112");
  }

  @Test
  void decidesLocallyDialledNumbersFast() {
    assertFast("US", "2530000", "253-0000");
    assertFast("CN", "6552 9988", "65529988");
    assertFast("DE", "1234567");
    assertFast("GB", "7946 0958");
  }

  @Test
  void leavesDoubtfulLettersToLibphonenumber() {
    MetadataPhoneNormalizer fast = new MetadataPhoneNormalizer("US");
    for (String raw :
        List.of(
            "650-253-0000 x1234567890", // too many digits for the label x: no extension
            "650-253-0000 #12",
            "650-253-0000;ext=12",
            "650-253-0000,,12",
            "650/253-0000 x12", // a slash, then x: a second number
            "650-253-0000 ext 12 34",
            "1-800-FLOWERS 2",
            "65CALL",
            "650-253-0000 \uFF58 12")) {
      assertFalse(fast.decidedFast(raw), "decided fast: " + raw);
    }
  }

  @Test
  void decidesMostExampleNumbersFast() {
    for (String region : MODELLED) {
      MetadataPhoneNormalizer fast = new MetadataPhoneNormalizer(region);
      int international = 0;
      int fastInternational = 0;
      for (PhoneNumber number : PhoneInputs.EXAMPLES) {
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        international++;
        fastInternational += fast.decidedFast(e164) ? 1 : 0;
      }
      assertTrue(
          fastInternational * 10 >= international * 8,
          region + ": " + fastInternational + " of " + international + " E.164 examples fast");
      for (PhoneNumberType type : List.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        String national = UTIL.format(example, PhoneNumberFormat.NATIONAL);
        assertTrue(fast.decidedFast(national), region + " " + type + " national: " + national);
      }
    }
  }

  @Test
  void decidesLikeLibphonenumberOnKnownNumbers() {
    PhoneNormalizer cn = PhoneNormalizer.fast("CN");
    assertEquals(8613800138000L, cn.normalize("138-0013-8000"));
    assertEquals(8613800138000L, cn.normalize("+86 138 0013 8000"));
    assertEquals(PhoneNormalizer.SERVICE, cn.normalize("400 810 8888"));
    assertEquals(PhoneNormalizer.SERVICE, cn.normalize("110"));
    assertEquals(PhoneNormalizer.INVALID, cn.normalize("not a number"));
    assertEquals(PhoneNormalizer.INVALID, cn.normalize(""));
    assertEquals(PhoneNormalizer.INVALID, cn.normalize(null));
    PhoneNormalizer it = PhoneNormalizer.fast("IT");
    assertEquals(390612345678L, it.normalize("06 1234 5678"));
    assertEquals("CN", cn.defaultRegion());
  }

  @Test
  void withoutADefaultRegionOnlyInternationalNumbersAreValid() {
    PhoneNormalizer fast = PhoneNormalizer.fast("ZZ");
    PhoneNormalizer reference = PhoneNormalizer.libphonenumber("ZZ");
    for (String raw : List.of("+86 138 0013 8000", "13800138000", "0086 138 0013 8000", "x")) {
      assertEquals(reference.normalize(raw), fast.normalize(raw), raw);
    }
    assertEquals(8613800138000L, fast.normalize("+86 138 0013 8000"));
    assertEquals(PhoneNormalizer.INVALID, fast.normalize("13800138000"));
  }

  @Test
  void rejectsAnUnknownRegionAsTheReferenceDoes() {
    assertThrows(IllegalArgumentException.class, () -> PhoneNormalizer.fast("XX"));
    assertEquals("DE", PhoneNormalizer.fast(" de ").defaultRegion());
  }

  private static void assertFast(String region, String... inputs) {
    MetadataPhoneNormalizer fast = new MetadataPhoneNormalizer(region);
    PhoneNormalizer reference = PhoneNormalizer.libphonenumber(region);
    for (String input : inputs) {
      assertTrue(fast.decidedFast(input), region + ": not decided fast: " + input);
      assertEquals(reference.normalize(input), fast.normalize(input), region + ": " + input);
    }
  }

  /** All writings of all examples and example short numbers, as exported in {@code region}. */
  private static List<String> corpus(String region) {
    List<String> corpus = new ArrayList<>();
    for (PhoneNumber number : PhoneInputs.EXAMPLES) {
      corpus.addAll(PhoneInputs.writings(number, region));
    }
    for (String[] number : PhoneInputs.SHORT_EXAMPLES) {
      corpus.addAll(PhoneInputs.shortWritings(number[0], number[1]));
    }
    return corpus;
  }

  /** Compares the two normalizers and keeps the first disagreements. */
  private static final class Differential {
    private final List<String> disagreements = new ArrayList<>();
    private long compared;
    private long fast;

    void compare(String region, List<String> inputs) {
      PhoneNormalizer reference = PhoneNormalizer.libphonenumber(region);
      MetadataPhoneNormalizer candidate = new MetadataPhoneNormalizer(region);
      for (String input : inputs) {
        long expected = reference.normalize(input);
        long actual = candidate.normalize(input);
        compared++;
        fast += candidate.decidedFast(input) ? 1 : 0;
        if (expected != actual && disagreements.size() < 30) {
          disagreements.add(region + " '" + input + "': expected " + expected + ", got " + actual);
        }
      }
    }

    void assertAgreed() {
      assertTrue(
          disagreements.isEmpty(),
          summary() + "; disagreements:\n" + String.join("\n", disagreements));
    }

    String summary() {
      return compared + " inputs compared, " + fast + " decided on the fast path";
    }
  }
}
