package org.contactaudit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.contactaudit.phone.PhoneNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
  private static final List<String> FILES =
      List.of("accounts.csv", "contacts.csv", "consents.csv", "recommendations.csv", "shape.json");
  private static final PhoneNormalizer CN = PhoneNormalizer.libphonenumber("CN");

  @TempDir static Path tmp;
  private static Path first;
  private static DatasetShape shape;

  private static GeneratorConfig.Builder small() {
    return GeneratorConfig.builder().accounts(2_000).seed(42);
  }

  @BeforeAll
  static void generate() throws IOException {
    first = tmp.resolve("first");
    shape = new DatasetGenerator(small().build()).generate(first);
  }

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
    Path again = tmp.resolve("again");
    new DatasetGenerator(small().build()).generate(again);
    for (String f : FILES) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
    Path other = tmp.resolve("other");
    new DatasetGenerator(small().seed(43).build()).generate(other);
    for (String f : FILES) {
      assertFalse(
          Arrays.equals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(other.resolve(f))),
          f);
    }
  }

  @Test
  void gzipHoldsTheSameBytes() throws IOException {
    Path gz = tmp.resolve("gz");
    new DatasetGenerator(small().gzip(true).build()).generate(gz);
    for (String f : FILES.subList(0, 4)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz.resolve(f + ".gz")))) {
        assertArrayEquals(Files.readAllBytes(first.resolve(f)), in.readAllBytes(), f);
      }
      assertFalse(Files.exists(gz.resolve(f)));
    }
  }

  @Test
  void headersAreThoseOfTheSpec() throws IOException {
    assertEquals("account_id,phone,registered_at,deleted_at", header("accounts.csv"));
    assertEquals("owner_id,phone,uploaded_at,deleted_at,contact_name", header("contacts.csv"));
    assertEquals("account_id,setting,value,source,updated_at", header("consents.csv"));
    assertEquals(
        "viewer_id,candidate_id,shown_at,surface,explanation", header("recommendations.csv"));
  }

  @Test
  void accountNumbersAreValidAndUniqueButForRecycledOnes() throws IOException {
    Map<Long, CSVRecord> seen = new HashMap<>();
    int recycled = 0;
    List<CSVRecord> accounts = read("accounts.csv");
    assertEquals(2_000, accounts.size());
    for (CSVRecord r : accounts) {
      long n = CN.normalize(r.get("phone"));
      assertTrue(n > 0, r.get("phone"));
      assertFalse(r.get("registered_at").isEmpty());
      CSVRecord other = seen.put(n, r);
      if (other != null) {
        recycled++;
        boolean otherFirst = other.get("registered_at").compareTo(r.get("registered_at")) < 0;
        CSVRecord earlier = otherFirst ? other : r;
        CSVRecord later = otherFirst ? r : other;
        assertFalse(earlier.get("deleted_at").isEmpty(), "recycled from a deleted account");
        assertTrue(
            later.get("registered_at").compareTo(earlier.get("deleted_at")) >= 0,
            "lifetimes do not overlap");
      }
    }
    assertEquals(shape.refinements().recycledNumbers(), recycled);
    assertTrue(recycled > 5, "recycled " + recycled);
    assertEquals(
        shape.deletedAccounts(),
        accounts.stream().filter(r -> !r.get("deleted_at").isEmpty()).count());
    assertTrue(shape.deletedAccounts() > 10 && shape.deletedAccounts() < 80);
  }

  @Test
  void shapeIsRealistic() {
    assertEquals(2_000, shape.accounts());
    assertEquals(0.5, shape.shadowShare(), 0.05);
    DatasetShape.PhonebookSizes sizes = shape.phonebookSizes();
    assertEquals(98, sizes.median(), 12, "median about 0.75 of the mean");
    assertEquals(130, sizes.mean(), 12);
    assertTrue(sizes.p99() > 400 && sizes.max() > 1000, sizes.toString());
    assertTrue(shape.reciprocity() > 0.2 && shape.reciprocity() < 0.8, "" + shape.reciprocity());
    assertTrue(shape.topHolderCounts().get(0) > 300, "hubs " + shape.topHolderCounts());
    assertTrue(
        shape.uploadedBeforeRegistration() > 200, "early " + shape.uploadedBeforeRegistration());
    shape.recommendationsByStrategy().forEach((s, n) -> assertTrue(n > 0, s));
  }

  /** Recomputes the shape from the files for the first 150 owners. */
  @Test
  void uploadsMatchTheShape() throws IOException {
    Map<Long, String> owners = new HashMap<>();
    for (CSVRecord r : read("accounts.csv")) {
      owners.put(CN.normalize(r.get("phone")), r.get("account_id"));
    }
    List<CSVRecord> contacts = read("contacts.csv");
    assertEquals(shape.uploadRows(), contacts.size());
    Map<String, Set<Long>> books = new HashMap<>();
    int invalid = 0;
    int service = 0;
    int rows = 0;
    for (CSVRecord r : contacts) {
      String owner = r.get("owner_id");
      if (books.size() == 150 && !books.containsKey(owner)) {
        break;
      }
      rows++;
      long n = CN.normalize(r.get("phone"));
      Set<Long> book = books.computeIfAbsent(owner, o -> new HashSet<>());
      if (n == PhoneNormalizer.INVALID) {
        invalid++;
      } else if (n == PhoneNormalizer.SERVICE) {
        service++;
      } else if (!owner.equals(owners.get(n))) {
        book.add(n);
      }
      assertFalse(r.get("uploaded_at").isEmpty());
    }
    assertTrue(invalid > 0 && invalid < rows * 0.01, "junk " + invalid + " of " + rows);
    assertTrue(service > 20, "service " + service);
    int[] sizes = books.values().stream().mapToInt(Set::size).sorted().toArray();
    assertEquals(98, sizes[sizes.length / 2], 25);
    Set<Long> numbers = new HashSet<>();
    books.values().forEach(numbers::addAll);
    long shadows = numbers.stream().filter(n -> !owners.containsKey(n)).count();
    assertEquals(0.5, (double) shadows / numbers.size(), 0.08);
  }

  @Test
  void consentsHaveHistories() throws IOException {
    Map<String, Integer> perSetting = new HashMap<>();
    Set<String> sources = new HashSet<>();
    for (CSVRecord r : read("consents.csv")) {
      assertTrue(DatasetGenerator.SETTINGS.contains(r.get("setting")), r.get("setting"));
      assertTrue(Set.of("true", "false").contains(r.get("value")));
      sources.add(r.get("source"));
      perSetting.merge(r.get("account_id") + "/" + r.get("setting"), 1, Integer::sum);
    }
    assertEquals(Set.of("default", "explicit"), sources);
    assertTrue(perSetting.containsValue(2), "some values change");
    assertEquals(shape.consentRows(), perSetting.values().stream().mapToInt(i -> i).sum());
  }

  @Test
  void recommendationsHaveSurfacesAndExplanations() throws IOException {
    Set<String> surfaces = new HashSet<>();
    List<String> explanations = new ArrayList<>();
    List<CSVRecord> recs = read("recommendations.csv");
    assertEquals(shape.recommendationRows(), recs.size());
    for (CSVRecord r : recs) {
      surfaces.add(r.get("surface"));
      String e = r.get("explanation").strip().toLowerCase(Locale.ROOT);
      assertTrue(
          e.isEmpty()
              || e.matches("in_contacts|has_your_number|friend_of_friend|mutual_contacts:[1-9]\\d*")
              || DatasetGenerator.UNRECOGNIZED.contains(r.get("explanation"))
              || DatasetGenerator.UNRECOGNIZED.contains('"' + r.get("explanation") + '"'),
          e);
      explanations.add(e);
      assertFalse(r.get("shown_at").isEmpty());
    }
    assertEquals(Set.of("feed", "contacts_tab", "notification", "search"), surfaces);
    assertTrue(explanations.contains("in_contacts"));
    assertTrue(explanations.stream().anyMatch(e -> e.startsWith("mutual_contacts:")));
    assertTrue(explanations.contains("has_your_number"));
    assertTrue(explanations.contains("friend_of_friend"));
    assertTrue(explanations.contains(""));
  }

  @Test
  void otherRegionsAndTinyRunsWork() throws IOException {
    Path us = tmp.resolve("us");
    DatasetShape usShape =
        new DatasetGenerator(small().accounts(300).defaultRegion("US").build()).generate(us);
    assertEquals("US", usShape.defaultRegion());
    PhoneNormalizer normalizer = PhoneNormalizer.libphonenumber("US");
    for (String line : Files.readAllLines(us.resolve("accounts.csv")).subList(1, 301)) {
      String phone = line.split(",")[1];
      assertTrue(phone.startsWith("+1") && normalizer.normalize(phone) > 0, phone);
    }
    DatasetShape one =
        new DatasetGenerator(small().accounts(1).shadowShare(0).build())
            .generate(tmp.resolve("one"));
    assertEquals(1, one.accounts());
    assertEquals(0, one.recommendationRows());
  }

  private static String header(String file) throws IOException {
    return Files.readAllLines(first.resolve(file), StandardCharsets.UTF_8).get(0);
  }

  private static List<CSVRecord> read(String file) throws IOException {
    try (Reader in = Files.newBufferedReader(first.resolve(file), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }
}
