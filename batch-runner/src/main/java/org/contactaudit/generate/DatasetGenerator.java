package org.contactaudit.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes a synthetic dataset of the four input files of the data contract (docs/DATA.md) and
 * returns its shape.
 *
 * <p>The same configuration (seed included) gives byte-identical files. The people, communities and
 * phonebooks are described in {@link Population}; on top of them this class adds what real exports
 * have: numbers in the raw formats people type, duplicate rows, junk cells, service numbers, own
 * numbers, upload and deletion times, re-uploads after deletion, registrations spread over the
 * window (so some numbers are uploaded before their owner registers), deleted accounts, consent
 * histories and recommendations made by several strategies, with explanations.
 *
 * <p>It also makes the cases of the refinements of docs/POLICY.md, at the rates of the
 * configuration: numbers recycled from deleted accounts to later ones ({@link
 * GeneratorConfig#recycledNumberShare()}), {@code discoverable_by_phone} records made before
 * registering by accounts whose number was uploaded before they registered ({@link
 * GeneratorConfig#preRegistrationConsentShare()}), recommendations whose only link is an entry
 * deleted before they were shown ({@link GeneratorConfig#staleShare()}) and explanations of every
 * form, true, false and unrecognized ({@link GeneratorConfig#explanationMix()}).
 *
 * <p>Memory is a few primitive arrays: about 50 bytes per person and 35 per account, so about 135
 * bytes per account at the default shadow share; rows are streamed out. One thread does the work.
 */
public final class DatasetGenerator {
  /** The setting that a subject grants to be found by number. */
  static final String DISCOVERABLE = "discoverable_by_phone";

  /** The consent settings of docs/POLICY.md. */
  static final List<String> SETTINGS =
      List.of(
          "contact_upload",
          "discoverable_by_phone",
          "suggest_to_contacts",
          "contacts_for_others",
          "activity_visible_to_contacts");

  private static final String[] SURFACES = {"feed", "contacts_tab", "notification", "search"};
  private static final int[] SURFACE_PERCENT = {50, 30, 12, 8};
  private static final long DAY = 86_400;

  /** The share of number hand-overs where the new account registers at the old one's deletion. */
  static final double SAME_INSTANT_SHARE = 0.25;

  /** The share of early {@code discoverable_by_phone} records granted again after registering. */
  static final double CONFIRMED_SHARE = 0.5;

  /** The share of those confirmations made at the instant of registration. */
  static final double AT_REGISTRATION_SHARE = 0.2;

  /** The share of stale recommendations shown at the instant their entry was deleted. */
  static final double SHOWN_AT_DELETION_SHARE = 0.25;

  /** The share of non-empty explanations written in odd case or with surrounding blanks. */
  static final double ODD_SHARE = 0.1;

  private static final int TRIES = 8;
  private static final int STALE_TRIES = 40;

  /** The explanation forms by {@link Recommender} form, in lower, upper and title case. */
  private static final String[][] FORMS = {
    {"", "", ""},
    {"in_contacts", "IN_CONTACTS", "In_Contacts"},
    {"has_your_number", "HAS_YOUR_NUMBER", "Has_Your_Number"},
    {"mutual_contacts:", "MUTUAL_CONTACTS:", "Mutual_Contacts:"},
    {"friend_of_friend", "FRIEND_OF_FRIEND", "Friend_Of_Friend"}
  };

  private static final String[] BLANKS = {"", " ", "  "};

  /** Texts that are no form of the contract, already encoded as CSV cells. */
  static final List<String> UNRECOGNIZED =
      List.of(
          "because you might like them",
          "people you may know",
          "in contacts",
          "mutual_contacts:0",
          "\"nearby, recently active\"");

  private static final long SALT_ACCOUNT = 0x101;
  private static final long SALT_ROWS = 0x102;
  private static final long SALT_CONSENT = 0x103;
  private static final long SALT_RECS = 0x104;
  private static final long SALT_RECYCLE = 0x105;
  private static final long SALT_STALE = 0x106;
  private static final long SALT_EARLY = 0x107;
  private static final long SALT_EXPLAIN = 0x108;

  private final GeneratorConfig config;

  /** A generator for a configuration. */
  public DatasetGenerator(GeneratorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The file name of an input in this run: {@code name.csv} or {@code name.csv.gz}. */
  private String fileName(String name) {
    return name + (config.gzip() ? ".csv.gz" : ".csv");
  }

  /**
   * Writes {@code accounts}, {@code contacts}, {@code consents} and {@code recommendations} (as
   * {@code .csv} or {@code .csv.gz}) and {@code shape.json} into a folder, made when missing; files
   * of the same names are replaced.
   *
   * @return the shape of the dataset
   * @throws IllegalArgumentException when the region cannot hold that many numbers
   */
  public DatasetShape generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    Run run = new Run(new Population(config));
    try {
      run.lifetimes();
      run.recycle();
      run.stale();
      run.accounts(dir.resolve(fileName("accounts")));
      run.contacts(dir.resolve(fileName("contacts")));
      run.consents(dir.resolve(fileName("consents")));
      run.recommendations(dir.resolve(fileName("recommendations")));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    DatasetShape shape = run.shape();
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("shape.json").toFile(), shape);
    return shape;
  }

  /** The state of one run. */
  private final class Run {
    private final Population pop;
    private final NumberPlan plan;
    private final long start = config.start().getEpochSecond();
    private final long end = config.end().getEpochSecond();
    private final long[] registered;
    private final long[] deleted;

    /**
     * For a deleted account whose number went to a later account, that account, and for the later
     * account, the deleted one; -1 otherwise.
     */
    private final int[] link;

    /** Whether an account registered with a number of its own that only a stale entry holds. */
    private final boolean[] fresh;

    private final int[] holders;
    private final long[] firstUpload;
    private final int[] sizes;
    private final Book viewer;
    private final Book other;
    private final Map<String, Long> byStrategy = new LinkedHashMap<>();
    private int[] freshAccounts = new int[0];
    private long[] freshNumbers = new long[0];
    private final Stale stale = new Stale();
    private final long[] explained = new long[FORMS.length];
    private long deletedAccounts;
    private long uploadRows;
    private long consentRows;
    private long recommendationRows;
    private long recycled;
    private long recycledAtSameInstant;
    private long preRegistrationEntries;
    private long preRegistrationConsents;
    private long confirmedAfterRegistration;
    private long unrecognized;
    private long fromEvidence;
    private long atRandom;
    private long oddlyWritten;

    Run(Population pop) {
      this.pop = pop;
      this.plan = pop.plan;
      this.registered = new long[pop.accounts];
      this.deleted = new long[pop.accounts];
      this.link = new int[pop.accounts];
      Arrays.fill(link, -1);
      this.fresh = new boolean[pop.accounts];
      this.holders = new int[pop.persons];
      this.firstUpload = new long[pop.accounts];
      Arrays.fill(firstUpload, CsvOut.NONE);
      this.sizes = new int[pop.accounts];
      this.viewer = new Book(pop.persons);
      this.other = new Book(pop.persons);
      for (String s : Recommender.STRATEGIES) {
        byStrategy.put(s, 0L);
      }
      byStrategy.put("recycled", 0L);
      byStrategy.put("stale", 0L);
      byStrategy.put("self", 0L);
    }

    private SplittableRandom rng(long salt, int account) {
      return new SplittableRandom(Population.hash(config.seed(), salt, account));
    }

    /** Registrations spread over the first 95% of the window; a few accounts deleted later. */
    void lifetimes() {
      long span = end - start;
      for (int a = 0; a < pop.accounts; a++) {
        SplittableRandom rng = rng(SALT_ACCOUNT, a);
        registered[a] = start + (long) (rng.nextDouble() * span * 0.95);
        deleted[a] = CsvOut.NONE;
        if (rng.nextDouble() < config.deletedAccountShare()) {
          deleted[a] = registered[a] + 1 + (long) (rng.nextDouble() * (end - registered[a] - 1));
          deletedAccounts++;
        }
      }
    }

    /**
     * Hands the numbers of a share of the deleted accounts to accounts that are never deleted: the
     * new owner registers at the deletion (a quarter of the time) or up to 90 days after it. Every
     * entry that holds either person then holds that number.
     */
    void recycle() {
      for (int a = 0; a < pop.accounts; a++) {
        if (deleted[a] == CsvOut.NONE) {
          continue;
        }
        SplittableRandom rng = rng(SALT_RECYCLE, a);
        if (rng.nextDouble() >= config.recycledNumberShare()) {
          continue;
        }
        for (int i = 0; i < TRIES; i++) {
          int b = rng.nextInt(pop.accounts);
          if (deleted[b] != CsvOut.NONE || link[b] >= 0) {
            continue;
          }
          long gap = end - deleted[a] - 1;
          boolean same = gap < 1 || rng.nextDouble() < SAME_INSTANT_SHARE;
          registered[b] =
              same
                  ? deleted[a]
                  : deleted[a] + 1 + (long) (rng.nextDouble() * Math.min(90 * DAY, gap));
          link[a] = b;
          link[b] = a;
          pop.recycle(b, a);
          recycled++;
          recycledAtSameInstant += same ? 1 : 0;
          break;
        }
      }
    }

    /**
     * Picks the stale recommendations: each candidate gets a number of its own that nobody else
     * holds, and one viewer whose phonebook shares no number with the candidate's and that holds
     * that number on one entry only, deleted at or before the recommendation is shown. An account
     * that finds no such viewer passes its turn to the next one, so that the count meets the share.
     */
    void stale() {
      double p = Math.min(1, config.staleShare() * config.recommendationsPerAccount());
      boolean[] viewing = new boolean[pop.accounts];
      long owed = 0;
      for (int c = 0; c < pop.accounts; c++) {
        if ((Population.hash(config.seed(), SALT_STALE, c) >>> 11) * 0x1.0p-53 < p) {
          owed++;
        }
        if (owed == 0 || deleted[c] != CsvOut.NONE || link[c] >= 0 || viewing[c]) {
          continue;
        }
        SplittableRandom rng = rng(SALT_STALE, c);
        pop.fill(other, c);
        for (int i = 0; i < STALE_TRIES; i++) {
          int v = rng.nextInt(pop.accounts);
          if (v == c || link[v] >= 0 || fresh[v]) {
            continue;
          }
          long lo = Math.max(registered[v], registered[c]);
          long hi = Math.min(end, deleted[v]);
          if (hi - lo < 16 || !unrelated(v)) {
            continue;
          }
          long third = (hi - lo) / 3;
          long up = lo + (long) (rng.nextDouble() * third);
          long del = up + 1 + (long) (rng.nextDouble() * third);
          long shown =
              rng.nextDouble() < SHOWN_AT_DELETION_SHARE
                  ? del
                  : del + (long) (rng.nextDouble() * (hi - del));
          stale.add(v, c, up, del, shown);
          fresh[c] = true;
          viewing[v] = true;
          owed--;
          break;
        }
      }
      freshAccounts = Arrays.copyOf(stale.candidate, stale.size);
      freshNumbers = new long[stale.size];
      for (int i = 0; i < stale.size; i++) {
        freshNumbers[i] = pop.spareNumber();
      }
      stale.sortByViewer();
    }

    /**
     * Whether a viewer's phonebook shares no number with the candidate's, filled into {@code
     * other}, and the candidate's does not hold the viewer's number.
     */
    private boolean unrelated(int v) {
      if (other.contains(v)) {
        return false;
      }
      pop.fill(viewer, v);
      for (int i = 0; i < other.size(); i++) {
        int x = other.get(i);
        if (viewer.contains(x) || (x < pop.accounts && link[x] >= 0 && viewer.contains(link[x]))) {
          return false;
        }
      }
      return true;
    }

    /** The number an account registered with. */
    private long accountNumber(int a) {
      return fresh[a] ? freshNumbers[Arrays.binarySearch(freshAccounts, a)] : pop.number(a);
    }

    void accounts(Path file) throws IOException {
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("account_id", "phone", "registered_at", "deleted_at");
        for (int a = 0; a < pop.accounts; a++) {
          accountId(out, a).comma();
          plan.appendE164(out, accountNumber(a));
          out.comma().time(registered[a]).comma().time(deleted[a]).endRow();
        }
      }
    }

    void contacts(Path file) throws IOException {
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("owner_id", "phone", "uploaded_at", "deleted_at", "contact_name");
        int k = 0;
        for (int a = 0; a < pop.accounts; a++) {
          pop.fill(viewer, a);
          sizes[a] = viewer.size();
          SplittableRandom rng = rng(SALT_ROWS, a);
          phonebook(out, a, rng);
          for (; k < stale.size && stale.viewer[k] == a; k++) {
            int c = stale.candidate[k];
            accountId(out, a).comma();
            plan.append(out, accountNumber(c), plan.style(rng));
            out.comma().time(stale.uploaded[k]).comma().time(stale.deleted[k]).comma();
            out.str(Names.person(pop.personHash(c), rng)).endRow();
          }
        }
        uploadRows = out.rows() - 1;
      }
    }

    /**
     * The rows of one phonebook. Most entries come with the first upload, shortly after the account
     * registered, the others with later syncs; some are deleted, and a fifth of those are uploaded
     * again later.
     */
    private void phonebook(CsvOut out, int a, SplittableRandom rng) {
      long limit = Math.min(end, deleted[a]);
      long first =
          registered[a] + (long) (rng.nextDouble() * Math.min(3 * DAY, limit - registered[a]));
      for (int i = 0; i < viewer.size(); i++) {
        int p = viewer.get(i);
        holders[p]++;
        long up =
            rng.nextInt(100) < 80 ? first : first + (long) (rng.nextDouble() * (limit - first));
        if (p < pop.accounts) {
          firstUpload[p] = Math.min(firstUpload[p], up);
          if (!fresh[p] && up < lastRegistration(p)) {
            preRegistrationEntries++;
          }
        }
        long del = CsvOut.NONE;
        if (limit - up > 1 && rng.nextDouble() < config.deletedEntryShare()) {
          del = up + 1 + (long) (rng.nextDouble() * (limit - up - 1));
        }
        long hash = pop.personHash(p);
        String name = pop.isHub(p) ? Names.business(hash) : Names.person(hash, rng);
        int style = plan.style(rng);
        entry(out, a, p, style, up, del, name);
        if (rng.nextDouble() < config.duplicateShare()) {
          entry(out, a, p, rng.nextBoolean() ? style : plan.style(rng), up, del, name);
        }
        if (del != CsvOut.NONE && limit - del > 1 && rng.nextInt(100) < 20) {
          long again = del + 1 + (long) (rng.nextDouble() * (limit - del - 1));
          entry(out, a, p, plan.style(rng), again, CsvOut.NONE, name);
        }
        if (rng.nextDouble() < config.junkShare()) {
          accountId(out, a).comma().str(plan.junk.get(rng.nextInt(plan.junk.size())));
          out.comma().time(up).comma().comma().str(Names.junk(rng)).endRow();
        }
      }
      if (!plan.serviceNumbers.isEmpty() && rng.nextInt(100) < 35) {
        for (int k = 1 + rng.nextInt(3); k > 0; k--) {
          String number = plan.serviceNumbers.get(rng.nextInt(plan.serviceNumbers.size()));
          accountId(out, a).comma().str(number).comma().time(first).comma().comma();
          out.str(Names.service(rng)).endRow();
        }
      }
      if (rng.nextInt(100) == 0) {
        accountId(out, a).comma();
        plan.append(out, accountNumber(a), plan.style(rng));
        out.comma().time(first).comma().comma().str("Me").endRow();
      }
    }

    private void entry(CsvOut out, int a, int p, int style, long up, long del, String name) {
      accountId(out, a).comma();
      plan.append(out, pop.number(p), style);
      out.comma().time(up).comma().time(del).comma().str(name).endRow();
    }

    /**
     * When the last account to own a person's number registered: for a deleted account whose number
     * went to a later one, the later one's registration.
     */
    private long lastRegistration(int p) {
      return link[p] >= 0 && deleted[p] != CsvOut.NONE ? registered[link[p]] : registered[p];
    }

    /** Whether someone uploaded an account's number before the account registered. */
    private boolean uploadedBeforeRegistering(int a) {
      if (fresh[a]) {
        return false;
      }
      long first = firstUpload[a];
      if (link[a] >= 0 && deleted[a] == CsvOut.NONE) {
        first = Math.min(first, firstUpload[link[a]]);
      }
      return first < registered[a];
    }

    /**
     * For each account and setting: no record, a default record at registration, or an explicit
     * choice within a week of it; sometimes changed later. A share of the accounts whose number was
     * uploaded before they registered instead get a granted {@code discoverable_by_phone} record
     * made before registering (or at an unknown time), half of them granted again after.
     */
    void consents(Path file) throws IOException {
      GeneratorConfig.ConsentMix mix = config.consentMix();
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("account_id", "setting", "value", "source", "updated_at");
        for (int a = 0; a < pop.accounts; a++) {
          SplittableRandom rng = rng(SALT_CONSENT, a);
          long limit = Math.min(end, deleted[a]);
          boolean early =
              uploadedBeforeRegistering(a)
                  && rng(SALT_EARLY, a).nextDouble() < config.preRegistrationConsentShare();
          for (String setting : SETTINGS) {
            boolean write = !(early && setting.equals(DISCOVERABLE));
            if (!write) {
              earlyConsent(out, a, limit);
            }
            double r = rng.nextDouble();
            if (r < mix.none()) {
              continue;
            }
            boolean byDefault = r < mix.none() + mix.defaultOnly();
            long t = registered[a];
            boolean value = true;
            if (!byDefault) {
              t += (long) (rng.nextDouble() * Math.min(7 * DAY, limit - t));
              value = rng.nextDouble() < mix.granted();
            }
            if (write) {
              consent(out, a, setting, value, byDefault, t);
            }
            if (limit - t > 1 && rng.nextDouble() < mix.changed()) {
              long changed = t + 1 + (long) (rng.nextDouble() * (limit - t - 1));
              if (write) {
                consent(out, a, setting, !value, false, changed);
              }
            }
          }
        }
        consentRows = out.rows() - 1;
      }
    }

    /**
     * A granted {@code discoverable_by_phone} record made before registering: at an unknown time or
     * up to 30 days before; half of the time granted again at or after registering.
     */
    private void earlyConsent(CsvOut out, int a, long limit) {
      SplittableRandom rng = rng(SALT_EARLY + 1, a);
      long before = registered[a] - start;
      long t = CsvOut.NONE;
      if (before > 0 && rng.nextBoolean()) {
        t = registered[a] - 1 - (long) (rng.nextDouble() * Math.min(30 * DAY, before));
      }
      consent(out, a, DISCOVERABLE, true, false, t);
      preRegistrationConsents++;
      if (rng.nextDouble() < CONFIRMED_SHARE) {
        long after =
            rng.nextDouble() < AT_REGISTRATION_SHARE
                ? registered[a]
                : registered[a]
                    + (long) (rng.nextDouble() * Math.min(7 * DAY, limit - registered[a]));
        consent(out, a, DISCOVERABLE, true, false, after);
        confirmedAfterRegistration++;
      }
    }

    private void consent(
        CsvOut out, int a, String setting, boolean value, boolean byDefault, long t) {
      accountId(out, a).comma().str(setting).comma().str(value ? "true" : "false").comma();
      out.str(byDefault ? "default" : "explicit").comma().time(t).endRow();
    }

    /**
     * A Poisson number of recommendations per viewer, each by a strategy drawn by weight (falling
     * back to the next strategies, then to a random account), shown while both accounts exist (but
     * for 2%), on a surface drawn by weight. A junk share of them recommends the viewer to itself.
     * A forward pick of a deleted account whose number went to a later one recommends the later one
     * instead, when the viewer exists after it registered. Then the viewer's stale recommendations.
     */
    void recommendations(Path file) throws IOException {
      Recommender recommender = new Recommender(pop, viewer, other);
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("viewer_id", "candidate_id", "shown_at", "surface", "explanation");
        int k = 0;
        for (int v = 0; v < pop.accounts; v++) {
          SplittableRandom rng = rng(SALT_RECS, v);
          SplittableRandom says = rng(SALT_EXPLAIN, v);
          int count = Population.poisson(rng, config.recommendationsPerAccount());
          if (count > 0) {
            pop.fill(viewer, v);
          }
          for (int j = 0; j < count; j++) {
            String strategy = "self";
            int c = v;
            int form = Recommender.NONE;
            int shared = 0;
            if (rng.nextDouble() >= config.junkShare()) {
              int s = Recommender.strategy(rng);
              c = -1;
              for (int i = 0; c < 0 && i < Recommender.STRATEGIES.length; i++) {
                strategy = Recommender.STRATEGIES[(s + i) % Recommender.STRATEGIES.length];
                c = recommender.candidate((s + i) % Recommender.STRATEGIES.length, rng);
              }
              if (c < 0) {
                continue;
              }
              form = recommender.form;
              shared = recommender.count;
              if (form == Recommender.IN_CONTACTS
                  && link[c] >= 0
                  && deleted[c] != CsvOut.NONE
                  && Math.min(end, deleted[v]) - Math.max(registered[v], registered[link[c]]) > 1) {
                c = link[c];
                strategy = "recycled";
              }
            }
            byStrategy.merge(strategy, 1L, Long::sum);
            long lo = Math.max(registered[v], registered[c]);
            long hi = Math.min(end, Math.min(deleted[v], deleted[c]));
            long shown =
                hi - lo > 1 && rng.nextInt(100) < 98
                    ? lo + (long) (rng.nextDouble() * (hi - lo))
                    : start + (long) (rng.nextDouble() * (end - start));
            accountId(out, v).comma();
            accountId(out, c).comma().time(shown).comma().str(surface(rng)).comma();
            explanation(out, says, form, shared);
            out.endRow();
          }
          for (; k < stale.size && stale.viewer[k] == v; k++) {
            byStrategy.merge("stale", 1L, Long::sum);
            accountId(out, v).comma();
            accountId(out, stale.candidate[k]).comma().time(stale.shown[k]).comma();
            out.str(surface(rng)).comma();
            explanation(out, says, Recommender.IN_CONTACTS, 0);
            out.endRow();
          }
        }
        recommendationRows = out.rows() - 1;
      }
    }

    /**
     * Writes an explanation cell by the explanation mix: empty, unrecognized text, a claim drawn at
     * random, or the claim of the evidence form ({@code mutual_contacts:N} with the shared count,
     * or one or two more a fifth of the time); a share of the claims in odd case or with blanks.
     */
    private void explanation(CsvOut out, SplittableRandom rng, int evidence, int shared) {
      GeneratorConfig.ExplanationMix mix = config.explanationMix();
      double r = rng.nextDouble();
      if (r < mix.none()) {
        explained[Recommender.NONE]++;
        return;
      }
      if (r < mix.none() + mix.unrecognized()) {
        unrecognized++;
        out.str(UNRECOGNIZED.get(rng.nextInt(UNRECOGNIZED.size())));
        return;
      }
      int form = evidence;
      int n = shared;
      if (form == Recommender.NONE || r < mix.none() + mix.unrecognized() + mix.random()) {
        form = 1 + rng.nextInt(FORMS.length - 1);
        n = 1 + rng.nextInt(5);
        atRandom++;
      } else {
        fromEvidence++;
        if (form == Recommender.MUTUAL_CONTACTS && rng.nextInt(5) == 0) {
          n += 1 + rng.nextInt(2);
        }
      }
      explained[form]++;
      String lead = "";
      String trail = "";
      int letters = 0;
      if (rng.nextDouble() < ODD_SHARE) {
        oddlyWritten++;
        lead = BLANKS[rng.nextInt(BLANKS.length)];
        trail = BLANKS[rng.nextInt(BLANKS.length)];
        letters = rng.nextInt(3);
        if (letters == 0 && lead.isEmpty() && trail.isEmpty()) {
          letters = 1;
        }
      }
      out.str(lead).str(FORMS[form][letters]);
      if (form == Recommender.MUTUAL_CONTACTS) {
        out.num(n);
      }
      out.str(trail);
    }

    private String surface(SplittableRandom rng) {
      int r = rng.nextInt(100);
      for (int i = 0; i < SURFACES.length - 1; i++) {
        r -= SURFACE_PERCENT[i];
        if (r < 0) {
          return SURFACES[i];
        }
      }
      return SURFACES[SURFACES.length - 1];
    }

    private CsvOut accountId(CsvOut out, int a) {
      return out.chr('u').num(a + 1L);
    }

    DatasetShape shape() {
      long users = 0;
      long shadows = 0;
      long shadowsHeldOnce = 0;
      long over100 = 0;
      long over1000 = 0;
      int[] top = new int[10];
      for (int p = 0; p < holders.length; p++) {
        int h = holders[p];
        if (h == 0) {
          continue;
        }
        if (p < pop.accounts && link[p] >= 0 && deleted[p] == CsvOut.NONE && holders[link[p]] > 0) {
          continue;
        }
        if (p < pop.accounts && !fresh[p]) {
          users++;
        } else {
          shadows++;
          shadowsHeldOnce += h == 1 ? 1 : 0;
        }
        over100 += h >= 100 ? 1 : 0;
        over1000 += h >= 1000 ? 1 : 0;
        if (h > top[top.length - 1]) {
          int i = top.length - 1;
          for (; i > 0 && top[i - 1] < h; i--) {
            top[i] = top[i - 1];
          }
          top[i] = h;
        }
      }
      List<Integer> topList = new ArrayList<>();
      for (int h : top) {
        if (h > 0) {
          topList.add(h);
        }
      }
      users += stale.size;
      long distinct = users + shadows;
      int[] sample = reciprocitySample();
      return new DatasetShape(
          config.seed(),
          config.defaultRegion(),
          pop.accounts,
          deletedAccounts,
          uploadedBeforeRegistration(),
          uploadRows,
          distinct,
          users,
          shadows,
          distinct == 0 ? 0 : (double) shadows / distinct,
          shadowsHeldOnce,
          phonebookSizes(),
          sample[1] == 0 ? 0 : (double) sample[0] / sample[1],
          sample[2],
          topList,
          over100,
          over1000,
          consentRows,
          recommendationRows,
          byStrategy,
          new DatasetShape.Refinements(
              recycled,
              recycledAtSameInstant,
              preRegistrationEntries,
              preRegistrationConsents,
              confirmedAfterRegistration,
              byStrategy.get("stale"),
              byStrategy.get("recycled"),
              new DatasetShape.Explanations(
                  explained[Recommender.NONE],
                  explained[Recommender.IN_CONTACTS],
                  explained[Recommender.HAS_YOUR_NUMBER],
                  explained[Recommender.MUTUAL_CONTACTS],
                  explained[Recommender.FRIEND_OF_FRIEND],
                  unrecognized,
                  fromEvidence,
                  atRandom,
                  oddlyWritten)));
    }

    private long uploadedBeforeRegistration() {
      long n = 0;
      for (int a = 0; a < pop.accounts; a++) {
        n += uploadedBeforeRegistering(a) ? 1 : 0;
      }
      return n;
    }

    private DatasetShape.PhonebookSizes phonebookSizes() {
      int[] sorted = sizes.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).asLongStream().sum() / (double) sorted.length;
      return new DatasetShape.PhonebookSizes(
          mean,
          rank(sorted, 0.5),
          rank(sorted, 0.9),
          rank(sorted, 0.99),
          sorted[sorted.length - 1]);
    }

    private int rank(int[] sorted, double q) {
      return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
    }

    /**
     * Over up to 1000 accounts spread evenly, the account-to-account holds and how many of them are
     * returned: {returned, holds, accounts sampled}.
     */
    private int[] reciprocitySample() {
      int n = Math.min(pop.accounts, 1000);
      int returned = 0;
      int holds = 0;
      for (int i = 0; i < n; i++) {
        int a = (int) ((long) i * pop.accounts / n);
        pop.fill(viewer, a);
        for (int j = 0; j < viewer.size(); j++) {
          int b = viewer.get(j);
          if (b < pop.accounts) {
            holds++;
            pop.fill(other, b);
            returned += other.contains(a) ? 1 : 0;
          }
        }
      }
      return new int[] {returned, holds, n};
    }
  }

  /** The stale recommendations: viewer, candidate and the times of the entry and the showing. */
  private static final class Stale {
    int size;
    int[] viewer = new int[16];
    int[] candidate = new int[16];
    long[] uploaded = new long[16];
    long[] deleted = new long[16];
    long[] shown = new long[16];

    void add(int v, int c, long up, long del, long at) {
      if (size == viewer.length) {
        int n = 2 * size;
        viewer = Arrays.copyOf(viewer, n);
        candidate = Arrays.copyOf(candidate, n);
        uploaded = Arrays.copyOf(uploaded, n);
        deleted = Arrays.copyOf(deleted, n);
        shown = Arrays.copyOf(shown, n);
      }
      viewer[size] = v;
      candidate[size] = c;
      uploaded[size] = up;
      deleted[size] = del;
      shown[size] = at;
      size++;
    }

    /** Orders the rows by viewer (each candidate has one row, so the order is total). */
    void sortByViewer() {
      sort(viewer);
    }

    private void sort(int[] by) {
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] = (long) by[i] << 32 | i;
      }
      Arrays.sort(keys);
      int[] v = new int[size];
      int[] c = new int[size];
      long[] up = new long[size];
      long[] del = new long[size];
      long[] at = new long[size];
      for (int i = 0; i < size; i++) {
        int from = (int) keys[i];
        v[i] = viewer[from];
        c[i] = candidate[from];
        up[i] = uploaded[from];
        del[i] = deleted[from];
        at[i] = shown[from];
      }
      viewer = v;
      candidate = c;
      uploaded = up;
      deleted = del;
      shown = at;
    }
  }
}
