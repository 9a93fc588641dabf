package org.contactaudit.bench;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.contactaudit.audit.Policy;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.ContactGraphBuilder;
import org.contactaudit.time.Times;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;

/**
 * Realistic synthetic contact data for the benchmarks, deterministic per seed.
 *
 * <ul>
 *   <li>Phonebook sizes are log-normal ({@code sigma = 1}, drawn with a median of 83 so that the
 *       reciprocated friendships below bring the median to about 100; mean about 170), capped at
 *       5,000: a few "shop" accounts upload thousands of numbers.
 *   <li>Accounts live in communities of 150 (assigned through a random permutation, so ids carry no
 *       locality). About 45% of a phonebook are community members, mostly reciprocal (a friendship
 *       is held both ways with probability 0.8); 25% are the community's non-users (a pool of 110
 *       shadow numbers); the rest are far ties: random accounts and random shadow numbers of the
 *       whole population.
 *   <li>Hub numbers (clinics, shops: shadow fixed lines in Beijing) are held by thousands: hub
 *       {@code j} is in a phonebook with probability {@code 0.3 / (j + 1)^0.8}.
 *   <li>About half of the distinct numbers in uploads are shadow numbers ({@link #main} prints the
 *       figures).
 *   <li>Consents: each account and setting has an explicit grant (60%), an explicit denial (15%), a
 *       grant by default (20%) or no record (5%); one pair in ten changed its value once, so its
 *       timeline has two records.
 * </ul>
 *
 * <p>A world is untimed (every account exists and every entry is valid from {@link Times#ALWAYS} to
 * {@link Times#NEVER}) or timed. A timed world has the same accounts, phonebooks and consents as
 * the untimed world of the same seed, its times drawn from a second generator (seed {@code + 1}):
 *
 * <ul>
 *   <li>Accounts register at a time uniform in [{@link #FIRST_REGISTRATION}, {@link
 *       #LAST_REGISTRATION}), except 3% that register in September 2020 ({@link #LATE_REGISTRATION}
 *       and the month after), after {@code JudgeBenchmark.SHOWN_AT}; of the others, 1% are deleted
 *       at a time uniform between their registration and {@link #LAST_REGISTRATION}, before {@code
 *       SHOWN_AT}. The others are never deleted.
 *   <li>Each account uploads its phonebook once, at a time uniform between its registration and the
 *       end of its life or {@link #HORIZON}, whichever comes first: about a quarter of the uploads
 *       come after {@code SHOWN_AT}. An entry is valid from its upload on, except 5% that are
 *       deleted at a time uniform between their upload and {@link #HORIZON}; a fifth of those (1%
 *       of the entries, as in a generated export) are uploaded again at a time uniform between
 *       their deletion and {@code HORIZON}, and valid from then on: entries with two intervals.
 *       These times are drawn after all the others, which they leave as they were without them.
 * </ul>
 *
 * <p>At {@code SHOWN_AT} about 4% of the accounts do not exist and about 30% of the entries are not
 * valid ({@link #main} prints the figures).
 *
 * <p>Numbers are dense ids: {@code 0..accounts-1} are the accounts' own numbers (China Mobile
 * {@code +86 138...}), the others shadow numbers ({@code +86 139...} and hub fixed lines {@code +86
 * 10 6200...}), all valid for libphonenumber.
 */
final class BenchGraphs {
  static final int COMMUNITY = 150;
  static final int COMMUNITY_SHADOWS = 110;
  static final int DRAWN_MEDIAN = 83;
  static final int MAX_PHONEBOOK = 5_000;
  static final long ACCOUNT_BASE = 86_138_0000_0000L;
  static final long SHADOW_BASE = 86_139_0000_0000L;
  static final long HUB_BASE = 86_10_6200_0000L;
  static final List<String> SETTINGS =
      List.of(
          Policy.CONTACT_UPLOAD,
          Policy.DISCOVERABLE_BY_PHONE,
          Policy.SUGGEST_TO_CONTACTS,
          Policy.CONTACTS_FOR_OTHERS,
          Policy.ACTIVITY_VISIBLE_TO_CONTACTS);

  /** The time of the earlier record of a consent that changed, and of the later one. */
  static final long CHANGED_FROM = Times.parse("2019-01-01");

  static final long CHANGED_TO = Times.parse("2020-01-01");

  /** Registrations of a timed world: most in [FIRST_REGISTRATION, LAST_REGISTRATION). */
  static final long FIRST_REGISTRATION = Times.parse("2015-01-01");

  static final long LAST_REGISTRATION = Times.parse("2020-05-01");

  /** The month in which the late accounts of a timed world register. */
  static final long LATE_REGISTRATION = Times.parse("2020-09-01");

  static final long LATE_REGISTRATION_END = Times.parse("2020-10-01");

  /** Uploads and entry deletions of a timed world happen before this. */
  static final long HORIZON = Times.parse("2021-01-01");

  private BenchGraphs() {}

  /** One synthetic world: accounts, their phonebooks and their consents. */
  static final class Dataset {
    final int accounts;
    final int numbers;
    final int hubs;
    final long[] numberKeys;
    final int[] community;
    final String[] accountIds;

    /** Phonebooks in CSR form: account {@code a} holds {@code entries[offsets[a]..]}. */
    final int[] offsets;

    final int[] entries;

    /** Consent records in file order. */
    final int[] consentAccount;

    final byte[] consentSetting;
    final boolean[] consentValue;
    final boolean[] consentDefault;
    final long[] consentTime;

    /**
     * A timed world's times, {@code null} in an untimed one: account {@code a} exists in {@code
     * [registeredAt[a], deletedAt[a])}, entry {@code e} is valid in {@code [uploadedAt[e],
     * removedAt[e])} and from {@code reuploadedAt[e]} on ({@link Times#NEVER} for most).
     */
    final long[] registeredAt;

    final long[] deletedAt;
    final long[] uploadedAt;
    final long[] removedAt;
    final long[] reuploadedAt;

    private Dataset(
        int accounts,
        int numbers,
        int hubs,
        long[] numberKeys,
        int[] community,
        int[] offsets,
        int[] entries,
        Consents consents,
        Timeline timeline) {
      this.accounts = accounts;
      this.numbers = numbers;
      this.hubs = hubs;
      this.numberKeys = numberKeys;
      this.community = community;
      this.accountIds = new String[accounts];
      for (int a = 0; a < accounts; a++) {
        accountIds[a] = "u" + a;
      }
      this.offsets = offsets;
      this.entries = entries;
      this.consentAccount = consents.account.toIntArray();
      this.consentSetting = consents.setting();
      this.consentValue = consents.value();
      this.consentDefault = consents.byDefault();
      this.consentTime = consents.time();
      this.registeredAt = timeline == null ? null : timeline.registeredAt();
      this.deletedAt = timeline == null ? null : timeline.deletedAt();
      this.uploadedAt = timeline == null ? null : timeline.uploadedAt();
      this.removedAt = timeline == null ? null : timeline.removedAt();
      this.reuploadedAt = timeline == null ? null : timeline.reuploadedAt();
    }

    int entryCount() {
      return entries.length;
    }

    /** Whether the world has times. */
    boolean timed() {
      return registeredAt != null;
    }

    /** Whether account {@code a} exists at {@code t}: always in an untimed world. */
    boolean exists(int a, long t) {
      return registeredAt == null || Times.within(registeredAt[a], deletedAt[a], t);
    }

    /**
     * Whether entry {@code e} is valid at {@code t}, its owner's existence aside: always in an
     * untimed world.
     */
    boolean entryValid(int e, long t) {
      return uploadedAt == null
          || Times.within(uploadedAt[e], removedAt[e], t)
          || Times.within(reuploadedAt[e], Times.NEVER, t);
    }

    String accountId(int account) {
      return accountIds[account];
    }

    /** The E.164 text of a number id. */
    String e164(int number) {
      return "+" + numberKeys[number];
    }

    /** The graph through the public builder from the entry arrays: accounts, entries, times. */
    ContactGraph graph() {
      boolean timed = timed();
      ContactGraphBuilder b = ContactGraph.builder();
      for (int a = 0; a < accounts; a++) {
        b.addAccount(
            accountIds[a],
            numberKeys[a],
            timed ? registeredAt[a] : Times.ALWAYS,
            timed ? deletedAt[a] : Times.NEVER);
      }
      for (int a = 0; a < accounts; a++) {
        for (int e = offsets[a]; e < offsets[a + 1]; e++) {
          b.addEntry(
              a,
              numberKeys[entries[e]],
              timed ? uploadedAt[e] : Times.ALWAYS,
              timed ? removedAt[e] : Times.NEVER);
          if (timed && reuploadedAt[e] != Times.NEVER) {
            b.addEntry(a, numberKeys[entries[e]], reuploadedAt[e], Times.NEVER);
          }
        }
      }
      return b.build();
    }

    /** The consent ledger through the public builder, records in file order. */
    ConsentLedger ledger() {
      ConsentLedgerBuilder b = ConsentLedger.builder(accounts);
      for (int i = 0; i < consentAccount.length; i++) {
        b.add(
            consentAccount[i],
            SETTINGS.get(consentSetting[i]),
            consentValue[i],
            consentDefault[i] ? ConsentSource.DEFAULT : ConsentSource.EXPLICIT,
            consentTime[i]);
      }
      return b.build();
    }

    /**
     * JGraphT's general-purpose graph: vertex {@code a} for account {@code a}, vertex {@code
     * accounts + x} for number {@code x}, an edge per entry.
     */
    DefaultDirectedGraph<Integer, DefaultEdge> jgrapht() {
      DefaultDirectedGraph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
      for (int v = 0; v < accounts + numbers; v++) {
        g.addVertex(v);
      }
      for (int a = 0; a < accounts; a++) {
        for (int e = offsets[a]; e < offsets[a + 1]; e++) {
          g.addEdge(a, accounts + entries[e]);
        }
      }
      return g;
    }

    /** jgrapht-opt's immutable CSR graph with incoming edges, same vertices as {@link #jgrapht}. */
    SparseIntDirectedGraph sparse() {
      List<Pair<Integer, Integer>> edges = new ArrayList<>(entries.length);
      for (int a = 0; a < accounts; a++) {
        for (int e = offsets[a]; e < offsets[a + 1]; e++) {
          edges.add(Pair.of(a, accounts + entries[e]));
        }
      }
      return new SparseIntDirectedGraph(
          accounts + numbers, edges, IncomingEdgesSupport.FULL_INCOMING_EDGES);
    }

    /**
     * Owner id to the set of E.164 numbers ever in their phonebook; strings shared between sets.
     */
    Map<String, Set<String>> phonebooks() {
      String[] e164 = new String[numbers];
      for (int x = 0; x < numbers; x++) {
        e164[x] = e164(x);
      }
      Map<String, Set<String>> out = new HashMap<>();
      for (int a = 0; a < accounts; a++) {
        Set<String> book = new HashSet<>();
        for (int e = offsets[a]; e < offsets[a + 1]; e++) {
          book.add(e164[entries[e]]);
        }
        out.put(accountId(a), book);
      }
      return out;
    }

    /** The inverse of {@link #phonebooks}: E.164 number to the ids of the accounts holding it. */
    static Map<String, Set<String>> holders(Map<String, Set<String>> phonebooks) {
      Map<String, Set<String>> out = new HashMap<>();
      phonebooks.forEach(
          (owner, book) -> {
            for (String x : book) {
              out.computeIfAbsent(x, k -> new HashSet<>()).add(owner);
            }
          });
      return out;
    }

    /** Whether account {@code a} holds number {@code x}. */
    boolean holds(int a, int x) {
      for (int e = offsets[a]; e < offsets[a + 1]; e++) {
        if (entries[e] == x) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Generates an untimed world of {@code accounts} accounts.
   *
   * @param seed the same seed gives the same world
   */
  static Dataset generate(int accounts, long seed) {
    return generate(accounts, seed, false);
  }

  /**
   * Generates a world of {@code accounts} accounts, timed or not (see the class comment).
   *
   * @param seed the same seed gives the same world; a timed world and the untimed world of one seed
   *     differ only in their times
   */
  static Dataset generate(int accounts, long seed, boolean timed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int communities = (accounts + COMMUNITY - 1) / COMMUNITY;
    int[] perm = permutation(accounts, rnd);
    int[] community = new int[accounts];
    int[][] members = new int[communities][];
    for (int k = 0; k < communities; k++) {
      members[k] = new int[Math.min(COMMUNITY, accounts - k * COMMUNITY)];
    }
    for (int a = 0; a < accounts; a++) {
      community[perm[a]] = a / COMMUNITY;
      members[a / COMMUNITY][a % COMMUNITY] = perm[a];
    }
    int hubs = Math.max(20, accounts / 500);
    // Number ids: accounts, then community shadows, then far shadows, then hubs.
    int communityShadowBase = accounts;
    int farShadowBase = communityShadowBase + communities * COMMUNITY_SHADOWS;
    int farShadows = accounts / 2;
    int hubBase = farShadowBase + farShadows;
    int numbers = hubBase + hubs;

    int[] size = new int[accounts];
    for (int a = 0; a < accounts; a++) {
      double z = rnd.nextGaussian();
      size[a] = (int) Math.max(1, Math.min(MAX_PHONEBOOK, Math.round(DRAWN_MEDIAN * Math.exp(z))));
    }
    IntArrayList[] books = new IntArrayList[accounts];
    for (int a = 0; a < accounts; a++) {
      books[a] = new IntArrayList(size[a] + 8);
    }
    double[] hubProbability = new double[hubs];
    for (int j = 0; j < hubs; j++) {
      hubProbability[j] = 0.3 / Math.pow(j + 1, 0.8);
    }
    for (int a = 0; a < accounts; a++) {
      int k = community[a];
      int[] circle = members[k];
      int d = size[a];
      int friends = Math.min(circle.length - 1, (int) Math.round(0.45 * d));
      for (int i = 0; i < friends; i++) {
        int b = circle[rnd.nextInt(circle.length)];
        if (b == a) {
          continue;
        }
        books[a].add(b);
        if (rnd.nextDouble() < 0.8) {
          books[b].add(a);
        }
      }
      int locals = Math.min(COMMUNITY_SHADOWS, (int) Math.round(0.25 * d));
      for (int i = 0; i < locals; i++) {
        books[a].add(communityShadowBase + k * COMMUNITY_SHADOWS + rnd.nextInt(COMMUNITY_SHADOWS));
      }
      int far = d - friends - locals;
      for (int i = 0; i < far; i++) {
        books[a].add(
            rnd.nextBoolean()
                ? rnd.nextInt(accounts)
                : rnd.nextInt(3) == 0
                    ? communityShadowBase + rnd.nextInt(communities * COMMUNITY_SHADOWS)
                    : farShadowBase + rnd.nextInt(farShadows));
      }
      for (int j = 0; j < hubs; j++) {
        if (rnd.nextDouble() < hubProbability[j]) {
          books[a].add(hubBase + j);
        }
      }
    }
    int[] offsets = new int[accounts + 1];
    IntArrayList all = new IntArrayList();
    for (int a = 0; a < accounts; a++) {
      int[] book = books[a].toIntArray();
      books[a] = null;
      Arrays.sort(book);
      int n = 0;
      for (int i = 0; i < book.length; i++) {
        if (book[i] != a && (n == 0 || book[n - 1] != book[i])) {
          book[n++] = book[i];
        }
      }
      // An upload lists its numbers in no particular order.
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = book[i];
        book[i] = book[j];
        book[j] = t;
      }
      all.addElements(all.size(), book, 0, n);
      offsets[a + 1] = all.size();
    }
    long[] keys = new long[numbers];
    for (int x = 0; x < numbers; x++) {
      keys[x] =
          x < accounts
              ? ACCOUNT_BASE + x * 7919L % 1_0000_0000L
              : x < hubBase ? SHADOW_BASE + (x - accounts) : HUB_BASE + (x - hubBase);
    }
    return new Dataset(
        accounts,
        numbers,
        hubs,
        keys,
        community,
        offsets,
        all.toIntArray(),
        consents(accounts, rnd),
        timed ? timeline(offsets, new SplittableRandom(seed + 1)) : null);
  }

  /** A timed world's times (see the class comment), for the phonebooks {@code offsets} delimit. */
  private static Timeline timeline(int[] offsets, SplittableRandom rnd) {
    int accounts = offsets.length - 1;
    long[] registered = new long[accounts];
    long[] deleted = new long[accounts];
    long[] uploaded = new long[offsets[accounts]];
    long[] removed = new long[offsets[accounts]];
    for (int a = 0; a < accounts; a++) {
      int kind = rnd.nextInt(100);
      if (kind < 3) {
        registered[a] = rnd.nextLong(LATE_REGISTRATION, LATE_REGISTRATION_END);
        deleted[a] = Times.NEVER;
      } else {
        registered[a] = rnd.nextLong(FIRST_REGISTRATION, LAST_REGISTRATION);
        deleted[a] = kind < 4 ? rnd.nextLong(registered[a], LAST_REGISTRATION) + 1 : Times.NEVER;
      }
      long upload = rnd.nextLong(registered[a], Math.min(deleted[a], HORIZON));
      for (int e = offsets[a]; e < offsets[a + 1]; e++) {
        uploaded[e] = upload;
        removed[e] = rnd.nextInt(20) == 0 ? rnd.nextLong(upload, HORIZON) + 1 : Times.NEVER;
      }
    }
    long[] reuploaded = new long[removed.length];
    for (int e = 0; e < removed.length; e++) {
      reuploaded[e] =
          removed[e] < HORIZON && rnd.nextInt(5) == 0
              ? rnd.nextLong(removed[e], HORIZON) + 1
              : Times.NEVER;
    }
    return new Timeline(registered, deleted, uploaded, removed, reuploaded);
  }

  /** The times of a timed world (see {@link Dataset}). */
  private record Timeline(
      long[] registeredAt,
      long[] deletedAt,
      long[] uploadedAt,
      long[] removedAt,
      long[] reuploadedAt) {}

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static Consents consents(int accounts, SplittableRandom rnd) {
    Consents c = new Consents();
    for (int a = 0; a < accounts; a++) {
      for (int s = 0; s < SETTINGS.size(); s++) {
        int r = rnd.nextInt(100);
        if (r < 5) {
          continue;
        }
        boolean value = r < 65 || r >= 80;
        boolean byDefault = r >= 80;
        if (rnd.nextInt(10) == 0) {
          c.add(a, s, !value, false, CHANGED_FROM);
          c.add(a, s, value, byDefault, CHANGED_TO);
        } else {
          c.add(a, s, value, byDefault, Times.ALWAYS);
        }
      }
    }
    return c;
  }

  /** Consent records being generated. */
  private static final class Consents {
    final IntArrayList account = new IntArrayList();
    final IntArrayList settings = new IntArrayList();
    final IntArrayList flags = new IntArrayList();
    final LongArrayList times = new LongArrayList();

    void add(int a, int setting, boolean value, boolean byDefault, long time) {
      account.add(a);
      settings.add(setting);
      flags.add((value ? 1 : 0) | (byDefault ? 2 : 0));
      times.add(time);
    }

    byte[] setting() {
      byte[] out = new byte[settings.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) settings.getInt(i);
      }
      return out;
    }

    boolean[] value() {
      boolean[] out = new boolean[flags.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (flags.getInt(i) & 1) != 0;
      }
      return out;
    }

    boolean[] byDefault() {
      boolean[] out = new boolean[flags.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (flags.getInt(i) & 2) != 0;
      }
      return out;
    }

    long[] time() {
      return times.toLongArray();
    }
  }

  /** Prints the figures of the generated worlds: {@code BenchGraphs 10000 100000}. */
  public static void main(String[] args) {
    for (String arg : args.length == 0 ? new String[] {"10000"} : args) {
      int n = Integer.parseInt(arg);
      long start = System.nanoTime();
      Dataset d = generate(n, 42);
      long ms = (System.nanoTime() - start) / 1_000_000;
      int[] holders = new int[d.numbers];
      for (int x : d.entries) {
        holders[x]++;
      }
      int userHeld = 0;
      int shadowHeld = 0;
      int maxHolders = 0;
      int heldByThousand = 0;
      for (int x = 0; x < d.numbers; x++) {
        if (holders[x] > 0) {
          if (x < n) {
            userHeld++;
          } else {
            shadowHeld++;
          }
        }
        maxHolders = Math.max(maxHolders, holders[x]);
        heldByThousand += holders[x] >= 1000 ? 1 : 0;
      }
      int[] sizes = new int[n];
      long reciprocal = 0;
      long userEntries = 0;
      for (int a = 0; a < n; a++) {
        sizes[a] = d.offsets[a + 1] - d.offsets[a];
        for (int e = d.offsets[a]; e < d.offsets[a + 1]; e++) {
          int b = d.entries[e];
          if (b < n) {
            userEntries++;
            reciprocal += d.holds(b, a) ? 1 : 0;
          }
        }
      }
      Arrays.sort(sizes);
      System.out.printf(
          "accounts=%d entries=%d (generated in %d ms) phonebook median=%d p99=%d max=%d%n"
              + "  distinct numbers held=%d, of which shadow=%.1f%%; holders max=%d,"
              + " numbers held by >=1000 accounts=%d; user entries reciprocal=%.1f%%;"
              + " consent records=%d%n",
          n,
          d.entryCount(),
          ms,
          sizes[n / 2],
          sizes[(int) (n * 0.99)],
          sizes[n - 1],
          userHeld + shadowHeld,
          100.0 * shadowHeld / (userHeld + shadowHeld),
          maxHolders,
          heldByThousand,
          100.0 * reciprocal / userEntries,
          d.consentAccount.length);
      printTimes(generate(n, 42, true), JudgeBenchmark.SHOWN_AT);
    }
  }

  /** Prints what of a timed world does not exist or is not valid at {@code t}. */
  private static void printTimes(Dataset d, long t) {
    int late = 0;
    int gone = 0;
    for (int a = 0; a < d.accounts; a++) {
      late += t < d.registeredAt[a] ? 1 : 0;
      gone += d.deletedAt[a] <= t ? 1 : 0;
    }
    long ownerAbsent = 0;
    long notYet = 0;
    long removed = 0;
    long twice = 0;
    for (int a = 0; a < d.accounts; a++) {
      for (int e = d.offsets[a]; e < d.offsets[a + 1]; e++) {
        twice += d.reuploadedAt[e] != Times.NEVER ? 1 : 0;
        if (!d.exists(a, t)) {
          ownerAbsent++;
        } else if (t < d.uploadedAt[e]) {
          notYet++;
        } else if (!d.entryValid(e, t)) {
          removed++;
        }
      }
    }
    long entries = d.entryCount();
    System.out.printf(
        "  timed, at %s: accounts not existing=%.1f%% (registered later %.1f%%, deleted %.1f%%);"
            + " entries not valid=%.1f%% (owner not existing %.1f%%, uploaded later %.1f%%,"
            + " deleted %.1f%%); entries uploaded again after a deletion=%.1f%%%n",
        Times.format(t),
        100.0 * (late + gone) / d.accounts,
        100.0 * late / d.accounts,
        100.0 * gone / d.accounts,
        100.0 * (ownerAbsent + notYet + removed) / entries,
        100.0 * ownerAbsent / entries,
        100.0 * notYet / entries,
        100.0 * removed / entries,
        100.0 * twice / entries);
  }
}
