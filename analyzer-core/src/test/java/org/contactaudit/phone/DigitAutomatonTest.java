package org.contactaudit.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The automata must decide exactly as java.util.regex does on strings of digits. */
class DigitAutomatonTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final MetadataSource METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();

  @Test
  void matchesEveryMetadataPatternAsJavaRegexDoes() {
    Random random = new Random(7);
    int compiled = 0;
    for (PhoneMetadata metadata : allMetadata()) {
      for (PhoneNumberDesc desc : descs(metadata)) {
        String pattern = desc.getNationalNumberPattern();
        if (pattern.isEmpty()) {
          continue;
        }
        DigitAutomaton automaton = DigitAutomaton.compile(pattern);
        assertNotNull(automaton, metadata.getId() + ": " + pattern);
        compiled++;
        Pattern regex = Pattern.compile(pattern);
        for (String s : samples(desc.getExampleNumber(), random)) {
          assertEquals(
              regex.matcher(s).matches(),
              (automaton.tags(automaton.run(digits(s), 0, s.length())) & 1) != 0,
              metadata.getId() + " /" + pattern + "/ on " + s);
        }
      }
    }
    assertTrue(compiled > 1000, compiled + " patterns");
  }

  @Test
  void findsPrefixesAsLookingAtDoes() {
    Random random = new Random(8);
    for (PhoneMetadata metadata : allMetadata()) {
      List<String> prefixes = new ArrayList<>();
      prefixes.add(metadata.getInternationalPrefix());
      prefixes.add(metadata.getNationalPrefixForParsing());
      if (metadata.hasLeadingDigits()) {
        prefixes.add(metadata.getLeadingDigits());
      }
      for (String pattern : prefixes) {
        if (pattern == null || pattern.isEmpty()) {
          continue;
        }
        Pattern regex = Pattern.compile(pattern);
        DigitAutomaton exact = DigitAutomaton.compile(pattern);
        DigitAutomaton anchored = DigitAutomaton.compileWithEndAnchors(pattern);
        assertNotNull(anchored, pattern);
        for (String s : samples(metadata.getGeneralDesc().getExampleNumber(), random)) {
          for (String input : List.of(s, "0" + s, "00" + s, "1" + s, "8" + s, "011" + s)) {
            Matcher m = regex.matcher(input);
            boolean found = m.lookingAt();
            assertEquals(
                found,
                anchored.matchesAtStart(digits(input), 0, input.length()),
                pattern + " on " + input);
            if (exact != null) {
              int prefix = exact.shortestMatchingPrefix(digits(input), 0, input.length());
              assertEquals(found, prefix >= 0, pattern + " on " + input);
              int tags = exact.prefixTags(digits(input), 0, input.length());
              assertEquals(found, (tags & 1) != 0, pattern + " on " + input);
              if (found && exact.prefixFree()) {
                assertEquals(m.end(), prefix, pattern + " on " + input);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void rejectsWhatItCannotCompileExactly() {
    for (String pattern :
        List.of("\\d+?", "1*+", "a", "^1", "1$", "(?=1)2", "(1)\\1", ".", "[a]")) {
      assertNull(DigitAutomaton.compile(pattern), pattern);
    }
    DigitAutomaton anchored = DigitAutomaton.compileWithEndAnchors("(1\\d)$|0");
    for (String input : List.of("12", "05", "0", "123", "1", "21", "")) {
      assertEquals(
          Pattern.compile("(1\\d)$|0").matcher(input).lookingAt(),
          anchored.matchesAtStart(digits(input), 0, input.length()),
          input);
    }
    for (String pattern : List.of("1$$", "1$\\d*", "1$2", "$", "(?:1$|2)3?")) {
      DigitAutomaton automaton = DigitAutomaton.compileWithEndAnchors(pattern);
      for (String input : List.of("", "1", "12", "2", "23", "3")) {
        assertEquals(
            Pattern.compile(pattern).matcher(input).lookingAt(),
            automaton.matchesAtStart(digits(input), 0, input.length()),
            pattern + " on " + input);
      }
    }
  }

  @Test
  void knowsTagsAndPrefixFreedom() {
    assertTrue(DigitAutomaton.compile("00|1(?:[12]\\d|79)\\d\\d00").prefixFree());
    assertFalse(DigitAutomaton.compile("010|0[0-2]").prefixFree());
    assertFalse(DigitAutomaton.compile("0?").prefixFree());
    DigitAutomaton types = DigitAutomaton.compile(List.of("1\\d", "[^2]3", "(?:12|3)+"));
    int state = types.run(digits("812"), 1, 3);
    assertEquals(0b101, types.tags(state));
    assertEquals(DigitAutomaton.DEAD, types.run(digits("999"), 0, 3));
    assertEquals(DigitAutomaton.DEAD, DigitAutomaton.compile("").run(digits("1"), 0, 1));
  }

  /** The digits of a string of ASCII digits, as the automata read them. */
  private static byte[] digits(String s) {
    byte[] digits = new byte[s.length()];
    for (int i = 0; i < digits.length; i++) {
      digits[i] = (byte) (s.charAt(i) - '0');
    }
    return digits;
  }

  private static List<PhoneMetadata> allMetadata() {
    List<PhoneMetadata> all = new ArrayList<>();
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      all.add(METADATA.getMetadataForRegion(region));
    }
    for (int code : new TreeSet<>(UTIL.getSupportedGlobalNetworkCallingCodes())) {
      all.add(METADATA.getMetadataForNonGeographicalRegion(code));
    }
    return all;
  }

  private static List<PhoneNumberDesc> descs(PhoneMetadata m) {
    return List.of(
        m.getGeneralDesc(),
        m.getFixedLine(),
        m.getMobile(),
        m.getTollFree(),
        m.getPremiumRate(),
        m.getSharedCost(),
        m.getPersonalNumber(),
        m.getVoip(),
        m.getPager(),
        m.getUan(),
        m.getVoicemail());
  }

  /** The example, its prefixes and one-digit changes, and random digit strings. */
  private static List<String> samples(String example, Random random) {
    List<String> out = new ArrayList<>();
    out.add("");
    if (!example.isEmpty()) {
      for (int i = 0; i <= example.length(); i++) {
        out.add(example.substring(0, i));
        out.add(example.substring(0, i) + random.nextInt(10) + example.substring(i));
        if (i < example.length()) {
          out.add(example.substring(0, i) + random.nextInt(10) + example.substring(i + 1));
        }
      }
    }
    for (int i = 0; i < 30; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(16);
      for (int j = 0; j < length; j++) {
        s.append((char) ('0' + random.nextInt(10)));
      }
      out.add(s.toString());
    }
    return out;
  }
}
