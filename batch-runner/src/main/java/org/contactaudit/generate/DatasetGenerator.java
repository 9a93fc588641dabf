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
 * Writes a synthetic dataset of the four input files of the data contract (SPEC section 2) and
 * returns its shape.
 *
 * <p>The same configuration (seed included) gives byte-identical files. The people, communities and
 * phonebooks are described in {@link Population}; on top of them this class adds what real exports
 * have: numbers in the raw formats people type, duplicate rows, junk cells, service numbers, own
 * numbers, upload and deletion times, re-uploads after deletion, registrations spread over the
 * window (so some numbers are uploaded before their owner registers), deleted accounts, consent
 * histories and recommendations made by several strategies.
 *
 * <p>Memory is a few primitive arrays: about 50 bytes per person and 30 per account, so about 130
 * bytes per account at the default shadow share; rows are streamed out. One thread does the work.
 */
public final class DatasetGenerator {
  /** The consent settings of SPEC section 4. */
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

  private static final long SALT_ACCOUNT = 0x101;
  private static final long SALT_ROWS = 0x102;
  private static final long SALT_CONSENT = 0x103;
  private static final long SALT_RECS = 0x104;

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
    private final int[] holders;
    private final long[] firstUpload;
    private final int[] sizes;
    private final Book viewer;
    private final Book other;
    private final Map<String, Long> byStrategy = new LinkedHashMap<>();
    private long deletedAccounts;
    private long uploadRows;
    private long consentRows;
    private long recommendationRows;

    Run(Population pop) {
      this.pop = pop;
      this.plan = pop.plan;
      this.registered = new long[pop.accounts];
      this.deleted = new long[pop.accounts];
      this.holders = new int[pop.persons];
      this.firstUpload = new long[pop.accounts];
      Arrays.fill(firstUpload, CsvOut.NONE);
      this.sizes = new int[pop.accounts];
      this.viewer = new Book(pop.persons);
      this.other = new Book(pop.persons);
      for (String s : Recommender.STRATEGIES) {
        byStrategy.put(s, 0L);
      }
      byStrategy.put("self", 0L);
    }

    private SplittableRandom rng(long salt, int account) {
      return new SplittableRandom(Population.hash(config.seed(), salt, account));
    }

    /** Registrations spread over the first 95% of the window; a few accounts deleted later. */
    void accounts(Path file) throws IOException {
      long span = end - start;
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("account_id", "phone", "registered_at", "deleted_at");
        for (int a = 0; a < pop.accounts; a++) {
          SplittableRandom rng = rng(SALT_ACCOUNT, a);
          registered[a] = start + (long) (rng.nextDouble() * span * 0.95);
          deleted[a] = CsvOut.NONE;
          if (rng.nextDouble() < config.deletedAccountShare()) {
            deleted[a] = registered[a] + 1 + (long) (rng.nextDouble() * (end - registered[a] - 1));
            deletedAccounts++;
          }
          accountId(out, a).comma();
          plan.appendE164(out, pop.number(a));
          out.comma().time(registered[a]).comma().time(deleted[a]).endRow();
        }
      }
    }

    void contacts(Path file) throws IOException {
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("owner_id", "phone", "uploaded_at", "deleted_at", "contact_name");
        for (int a = 0; a < pop.accounts; a++) {
          pop.fill(viewer, a);
          sizes[a] = viewer.size();
          phonebook(out, a, rng(SALT_ROWS, a));
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
        entry(out, a, a, plan.style(rng), first, CsvOut.NONE, "Me");
      }
    }

    private void entry(CsvOut out, int a, int p, int style, long up, long del, String name) {
      accountId(out, a).comma();
      plan.append(out, pop.number(p), style);
      out.comma().time(up).comma().time(del).comma().str(name).endRow();
    }

    /**
     * For each account and setting: no record, a default record at registration, or an explicit
     * choice within a week of it; sometimes changed later.
     */
    void consents(Path file) throws IOException {
      GeneratorConfig.ConsentMix mix = config.consentMix();
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("account_id", "setting", "value", "source", "updated_at");
        for (int a = 0; a < pop.accounts; a++) {
          SplittableRandom rng = rng(SALT_CONSENT, a);
          long limit = Math.min(end, deleted[a]);
          for (String setting : SETTINGS) {
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
            consent(out, a, setting, value, byDefault, t);
            if (limit - t > 1 && rng.nextDouble() < mix.changed()) {
              consent(
                  out,
                  a,
                  setting,
                  !value,
                  false,
                  t + 1 + (long) (rng.nextDouble() * (limit - t - 1)));
            }
          }
        }
        consentRows = out.rows() - 1;
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
     */
    void recommendations(Path file) throws IOException {
      Recommender recommender = new Recommender(pop, viewer, other);
      try (CsvOut out = CsvOut.open(file, config.gzip())) {
        out.header("viewer_id", "candidate_id", "shown_at", "surface", "explanation");
        for (int v = 0; v < pop.accounts; v++) {
          SplittableRandom rng = rng(SALT_RECS, v);
          int count = Population.poisson(rng, config.recommendationsPerAccount());
          if (count > 0) {
            pop.fill(viewer, v);
          }
          for (int k = 0; k < count; k++) {
            String strategy = "self";
            int c = v;
            String explanation = "";
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
              explanation = recommender.explanation;
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
            out.str(explanation).endRow();
          }
        }
        recommendationRows = out.rows() - 1;
      }
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
        if (p < pop.accounts) {
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
          byStrategy);
    }

    private long uploadedBeforeRegistration() {
      long n = 0;
      for (int a = 0; a < pop.accounts; a++) {
        n += firstUpload[a] < registered[a] ? 1 : 0;
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
}
