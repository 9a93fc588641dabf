package org.contactaudit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.contactaudit.phone.PhoneNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of the refinements of docs/POLICY.md, checked from the CSV files alone: each at the
 * rate of the configuration, within a tolerance.
 */
class RefinementsTest {
  private static final PhoneNormalizer CN = PhoneNormalizer.libphonenumber("CN");
  private static final Set<String> FORMS =
      Set.of("in_contacts", "has_your_number", "mutual_contacts", "friend_of_friend");

  @TempDir static Path tmp;
  private static Path dir;
  private static DatasetShape shape;
  private static GeneratorConfig config;

  private static final Map<String, Account> accounts = new HashMap<>();
  private static final Map<Long, List<Account>> owners = new HashMap<>();
  private static final List<CSVRecord> contacts = new ArrayList<>();
  private static final Map<String, Set<Long>> books = new HashMap<>();
  private static final Map<Long, Set<String>> holders = new HashMap<>();

  private record Account(String id, long number, long registered, long deleted) {}

  private static GeneratorConfig.Builder builder() {
    return GeneratorConfig.builder()
        .accounts(1_500)
        .meanPhonebook(60)
        .seed(7)
        .deletedAccountShare(0.2)
        .preRegistrationConsentShare(0.3)
        .staleShare(0.02);
  }

  @BeforeAll
  static void generate() throws IOException {
    config = builder().build();
    dir = tmp.resolve("refinements");
    shape = new DatasetGenerator(config).generate(dir);
    for (CSVRecord r : read("accounts.csv")) {
      Account a =
          new Account(
              r.get("account_id"),
              CN.normalize(r.get("phone")),
              time(r.get("registered_at"), Long.MIN_VALUE),
              time(r.get("deleted_at"), Long.MAX_VALUE));
      accounts.put(a.id(), a);
      owners.computeIfAbsent(a.number(), n -> new ArrayList<>()).add(a);
    }
    for (CSVRecord r : read("contacts.csv")) {
      long n = CN.normalize(r.get("phone"));
      if (n > 0) {
        contacts.add(r);
        books.computeIfAbsent(r.get("owner_id"), o -> new HashSet<>()).add(n);
        holders.computeIfAbsent(n, x -> new HashSet<>()).add(r.get("owner_id"));
      }
    }
  }

  @Test
  void recycledNumbersChangeHandsWithoutOverlap() {
    long deleted = accounts.values().stream().filter(a -> a.deleted() != Long.MAX_VALUE).count();
    int handOvers = 0;
    int sameInstant = 0;
    for (List<Account> same : owners.values()) {
      if (same.size() < 2) {
        continue;
      }
      assertEquals(2, same.size());
      Account before =
          same.get(0).registered() < same.get(1).registered() ? same.get(0) : same.get(1);
      Account after = before == same.get(0) ? same.get(1) : same.get(0);
      assertTrue(
          after.registered() >= before.deleted(), before.id() + " and " + after.id() + " overlap");
      handOvers++;
      sameInstant += after.registered() == before.deleted() ? 1 : 0;
    }
    assertEquals(shape.refinements().recycledNumbers(), handOvers);
    assertEquals(shape.refinements().recycledAtSameInstant(), sameInstant);
    assertEquals(config.recycledNumberShare(), (double) handOvers / deleted, 0.1);
    assertEquals(DatasetGenerator.SAME_INSTANT_SHARE, (double) sameInstant / handOvers, 0.12);

    int stillHeld = 0;
    for (CSVRecord r : contacts) {
      List<Account> same = owners.get(CN.normalize(r.get("phone")));
      if (same != null && same.size() == 2) {
        Account before =
            same.get(0).registered() < same.get(1).registered() ? same.get(0) : same.get(1);
        Account after = before == same.get(0) ? same.get(1) : same.get(0);
        long up = time(r.get("uploaded_at"), Long.MIN_VALUE);
        long del = time(r.get("deleted_at"), Long.MAX_VALUE);
        if (up < before.deleted() && del > after.registered()) {
          stillHeld++;
        }
      }
    }
    assertTrue(stillHeld > handOvers, "entries of the old owner still valid: " + stillHeld);
  }

  @Test
  void numbersAreUploadedBeforeTheirOwnersRegisterAndConsentsFallOnBothSides() throws IOException {
    int held = 0;
    int early = 0;
    Set<String> uploadedEarly = new HashSet<>();
    for (CSVRecord r : contacts) {
      List<Account> same = owners.get(CN.normalize(r.get("phone")));
      if (same == null) {
        continue;
      }
      long up = time(r.get("uploaded_at"), Long.MIN_VALUE);
      for (Account a : same) {
        if (up < a.registered() && !a.id().equals(r.get("owner_id"))) {
          uploadedEarly.add(a.id());
        }
      }
      if (same.size() == 1 && !same.get(0).id().equals(r.get("owner_id"))) {
        held++;
        early += up < same.get(0).registered() ? 1 : 0;
      }
    }
    assertEquals(0.42, (double) early / held, 0.06, early + " of " + held);

    Map<String, List<Long>> discoverable = new HashMap<>();
    for (CSVRecord r : read("consents.csv")) {
      if (r.get("setting").equals("discoverable_by_phone")) {
        discoverable
            .computeIfAbsent(r.get("account_id"), a -> new ArrayList<>())
            .add(time(r.get("updated_at"), Long.MIN_VALUE));
      }
    }
    int before = 0;
    int both = 0;
    int atRegistration = 0;
    int onlyAfter = 0;
    for (Map.Entry<String, List<Long>> e : discoverable.entrySet()) {
      long registered = accounts.get(e.getKey()).registered();
      List<Long> times = e.getValue();
      boolean anyBefore = times.stream().anyMatch(t -> t < registered);
      boolean anyAfter = times.stream().anyMatch(t -> t >= registered);
      if (anyBefore) {
        assertTrue(uploadedEarly.contains(e.getKey()), "made before registering: " + e.getKey());
        before++;
        both += anyAfter ? 1 : 0;
        atRegistration += times.contains(registered) ? 1 : 0;
      } else if (anyAfter && uploadedEarly.contains(e.getKey())) {
        onlyAfter++;
      }
    }
    assertEquals(shape.refinements().preRegistrationConsents(), before);
    assertEquals(shape.refinements().confirmedAfterRegistration(), both);
    assertEquals(
        config.preRegistrationConsentShare(), (double) before / uploadedEarly.size(), 0.06);
    assertEquals(DatasetGenerator.CONFIRMED_SHARE, (double) both / before, 0.12);
    assertTrue(atRegistration > 0, "a confirmation at the instant of registration");
    assertTrue(onlyAfter > uploadedEarly.size() / 3, "records made as a user: " + onlyAfter);
  }

  @Test
  void staleRecommendationsHaveOnlyADeletedLink() throws IOException {
    List<CSVRecord> recs = read("recommendations.csv");
    int stale = 0;
    int atDeletion = 0;
    for (CSVRecord r : recs) {
      String v = r.get("viewer_id");
      String c = r.get("candidate_id");
      long t = time(r.get("shown_at"), Long.MAX_VALUE);
      long number = accounts.get(c).number();
      Set<String> h = new HashSet<>(holders.getOrDefault(number, Set.of()));
      h.remove(c);
      if (!h.equals(Set.of(v))) {
        continue;
      }
      long lastDeletion = Long.MIN_VALUE;
      boolean validAtT = false;
      for (CSVRecord e : contacts) {
        if (e.get("owner_id").equals(v) && CN.normalize(e.get("phone")) == number) {
          long del = time(e.get("deleted_at"), Long.MAX_VALUE);
          validAtT |= del > t;
          lastDeletion = Math.max(lastDeletion, del);
        }
      }
      if (validAtT) {
        continue;
      }
      Set<Long> shared = new HashSet<>(books.getOrDefault(v, Set.of()));
      shared.retainAll(books.getOrDefault(c, Set.of()));
      shared.remove(number);
      assertTrue(shared.isEmpty(), v + " and " + c + " share numbers");
      assertTrue(
          !books.getOrDefault(c, Set.of()).contains(accounts.get(v).number()),
          c + " holds the number of " + v);
      stale++;
      atDeletion += lastDeletion == t ? 1 : 0;
    }
    assertEquals(shape.refinements().staleRecommendations(), stale);
    assertEquals(config.staleShare(), (double) stale / recs.size(), 0.005);
    assertEquals(DatasetGenerator.SHOWN_AT_DELETION_SHARE, (double) atDeletion / stale, 0.12);
  }

  @Test
  void explanationsTakeEveryFormTrueAndFalse() throws IOException {
    List<CSVRecord> recs = read("recommendations.csv");
    Map<String, int[]> truth = new HashMap<>();
    int empty = 0;
    int unrecognized = 0;
    int claims = 0;
    int odd = 0;
    Set<String> oddForms = new HashSet<>();
    for (CSVRecord r : recs) {
      String cell = r.get("explanation");
      if (cell.isEmpty()) {
        empty++;
        continue;
      }
      String text = cell.strip().toLowerCase(Locale.ROOT);
      String form = text.startsWith("mutual_contacts:") ? "mutual_contacts" : text;
      int n = form.equals("mutual_contacts") ? Integer.parseInt(text.substring(16)) : 0;
      if (!FORMS.contains(form) || (form.equals("mutual_contacts") && n < 1)) {
        assertTrue(
            DatasetGenerator.UNRECOGNIZED.contains(cell.contains(",") ? quoted(cell) : cell));
        unrecognized++;
        continue;
      }
      claims++;
      if (!cell.equals(text)) {
        odd++;
        oddForms.add(form);
      }
      boolean isTrue = holds(form, n, r.get("viewer_id"), r.get("candidate_id"));
      truth.computeIfAbsent(form, f -> new int[2])[isTrue ? 0 : 1]++;
    }
    GeneratorConfig.ExplanationMix mix = config.explanationMix();
    assertEquals(mix.none(), (double) empty / recs.size(), 0.02);
    assertEquals(mix.unrecognized(), (double) unrecognized / recs.size(), 0.01);
    assertEquals(DatasetGenerator.ODD_SHARE, (double) odd / claims, 0.02);
    assertEquals(FORMS, oddForms);
    assertEquals(FORMS, truth.keySet());
    int allTrue = 0;
    for (Map.Entry<String, int[]> e : truth.entrySet()) {
      int[] tf = e.getValue();
      assertTrue(tf[0] > 50 && tf[1] > 20, e.getKey() + " true " + tf[0] + ", false " + tf[1]);
      allTrue += tf[0];
    }
    assertTrue(allTrue > 0.6 * claims, "claims mostly made from the evidence: " + allTrue);
    Set<String> texts = new HashSet<>();
    recs.forEach(r -> texts.add(r.get("explanation")));
    assertTrue(texts.contains("because you might like them"));
    assertTrue(texts.contains("nearby, recently active"));
  }

  @Test
  void rerunsAreByteIdentical() throws IOException {
    Path again = tmp.resolve("again");
    new DatasetGenerator(builder().build()).generate(again);
    for (String f :
        List.of(
            "accounts.csv", "contacts.csv", "consents.csv", "recommendations.csv", "shape.json")) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
  }

  /** Whether a claim is true of the phonebooks, whatever the times. */
  private static boolean holds(String form, int n, String v, String c) {
    Set<Long> vBook = books.getOrDefault(v, Set.of());
    Set<Long> cBook = books.getOrDefault(c, Set.of());
    long vNumber = accounts.get(v).number();
    long cNumber = accounts.get(c).number();
    switch (form) {
      case "in_contacts":
        return vBook.contains(cNumber);
      case "has_your_number":
        return cBook.contains(vNumber);
      case "mutual_contacts":
        Set<Long> shared = new HashSet<>(vBook);
        shared.retainAll(cBook);
        shared.remove(vNumber);
        shared.remove(cNumber);
        return shared.size() >= n;
      default:
        for (String w : holders.getOrDefault(cNumber, Set.of())) {
          if (!w.equals(v) && !w.equals(c) && vBook.contains(accounts.get(w).number())) {
            return true;
          }
        }
        return false;
    }
  }

  private static String quoted(String cell) {
    return '"' + cell + '"';
  }

  private static long time(String cell, long unknown) {
    return cell.isEmpty() ? unknown : Instant.parse(cell).getEpochSecond();
  }

  private static List<CSVRecord> read(String file) throws IOException {
    try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
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
