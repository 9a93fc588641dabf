package org.contactaudit.generate;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people of a synthetic dataset and who holds whose number.
 *
 * <p>Persons {@code 0 .. accounts-1} have accounts, the others are non-users. Most non-users are
 * community members like the account holders; the rest, outsiders, belong to no community: each is
 * drawn into phonebooks about once (held by 0, 1, 2... accounts, Poisson), and they make about
 * {@value #OUTSIDER_SHARE} of the held shadow numbers, the long tail of a shadow-profile
 * distribution. Every person has a unique number.
 *
 * <p>Every community member has a log-normal phonebook size (for non-users: how sociable they are)
 * and a place in a global order (a seeded affine permutation). The global order is cut into cities
 * of {@value #CITY} places; each member belongs to one family (a run of 1-8 places in the global
 * order), one workplace (8-120) and one school or circle of friends (20-200), the last two runs of
 * a per-city shuffled order. Two members of one community are tied with a probability of the
 * community type times the sociability ({@code min(1, size / median)}) of each, decided by a hash
 * of the unordered pair, so ties are symmetric; each side keeps the other's number with probability
 * {@value #KEEP}.
 *
 * <p>An account's phonebook takes its community ties up to {@value #COMMUNITY_SHARE} of its size, a
 * few hubs (clinics, shops: one non-user per 300 accounts, drawn by Pareto(2) weights, so that the
 * big ones are held by thousands), its outsiders, and fills the rest with long-range ties: mostly
 * people of the same city, some from anywhere. Community ties are mostly returned, long-range ties
 * rarely.
 *
 * <p>A phonebook is a pure function of the seed and the account, so that it can be made again at
 * any time (to answer "does C hold V?") without keeping the contact graph in memory. Memory is two
 * int arrays per community type (order and place), the number and the size: 36 bytes a person.
 */
final class Population {
  static final int FAMILY = 0;
  static final int WORK = 1;
  static final int SCHOOL = 2;
  private static final int TYPES = 3;

  private static final double[] TIE = {0.9, 0.5, 0.4};
  private static final double KEEP = 0.92;
  private static final int CITY = 50_000;
  private static final double SIGMA = 0.75;
  private static final double COMMUNITY_SHARE = 0.8;
  private static final double HUB_SHARE = 0.04;
  private static final int LOCAL_PERCENT = 70;
  private static final double OUTSIDER_SHARE = 0.3;
  private static final int MAX_BLOCK = 200;
  private static final int[] FAMILY_PERCENT = {8, 17, 25, 25, 12, 7, 4, 2};

  private static final long SALT_GLOBAL = 0x1;
  private static final long SALT_ORDER = 0x2;
  private static final long SALT_BLOCKS = 0x3;
  private static final long SALT_HUBS = 0x4;
  private static final long SALT_NUMBERS = 0x5;
  private static final long SALT_BOOK = 0x6;
  private static final long SALT_KEEP = 0x7;
  private static final long SALT_TARGET = 0x8;
  private static final long SALT_TIE = 0x10;

  final int accounts;
  final int persons;
  private final int community;
  private final double outsidersPerBook;
  final NumberPlan plan;
  private final long seed;
  private final long[] numbers;
  private final Affine slots;
  private final long space;
  private long nextSlot;
  private final int[][] order = new int[TYPES][];
  private final int[][] place = new int[TYPES][];
  private final int[][] starts = new int[TYPES][];
  private final double[] tieScale = new double[TYPES];
  private final long keepThreshold = threshold(KEEP);
  private final int[] hubs;
  private final int[] hubAlias;
  private final double[] hubProb;
  private final int[] hubsSorted;
  private final double logMedian;
  private final int maxBook;
  private final int[] target;
  private final double perMedian;

  Population(GeneratorConfig config) {
    this.seed = config.seed();
    this.accounts = config.accounts();
    double shadows = accounts * config.shadowShare() / (1 - config.shadowShare());
    int outsiders = (int) Math.round(shadows * OUTSIDER_SHARE / (1 - StrictMath.exp(-1)));
    this.community = accounts + (int) Math.round(shadows * (1 - OUTSIDER_SHARE));
    this.persons = community + outsiders;
    this.outsidersPerBook = (double) outsiders / accounts;
    this.plan = NumberPlan.forRegion(config.defaultRegion());
    this.space = Math.min(plan.capacity(), 3_000_000_000L);
    if (space < persons) {
      throw new IllegalArgumentException(
          "region " + plan.region + " has room for " + space + " numbers, " + persons + " needed");
    }
    this.slots = Affine.random(space, new SplittableRandom(hash(seed, SALT_NUMBERS, -1)));
    this.numbers = new long[persons];
    for (int p = 0; p < persons; p++) {
      numbers[p] = nextNumber(persons);
    }
    Affine global = Affine.random(community, new SplittableRandom(hash(seed, SALT_GLOBAL, 0)));
    int lastCity = community % CITY == 0 ? CITY : community % CITY;
    for (int t = 0; t < TYPES; t++) {
      SplittableRandom r = new SplittableRandom(hash(seed, SALT_ORDER, t));
      long mul = BigInteger.valueOf(CITY + r.nextInt(CITY)).nextProbablePrime().longValue();
      long add = r.nextLong(CITY);
      Affine full = Affine.of(mul, add, Math.min(CITY, community));
      Affine last = Affine.of(mul, add, lastCity);
      order[t] = new int[community];
      place[t] = new int[community];
      for (int o = 0; o < community; o++) {
        long g = o;
        if (t != FAMILY) {
          long cityStart = o / CITY * CITY;
          g = cityStart + (community - cityStart < CITY ? last : full).apply(o - cityStart);
        }
        int person = (int) global.invert(g);
        order[t][o] = person;
        place[t][person] = o;
      }
      starts[t] = blocks(t, community, new SplittableRandom(hash(seed, SALT_BLOCKS, t)));
      tieScale[t] = TIE[t] * (1L << 53);
    }
    int hubCount = Math.max(1, Math.min(Math.max(5, accounts / 300), community / 10));
    this.hubs = pickHubs(hubCount, new SplittableRandom(hash(seed, SALT_HUBS, 0)));
    this.hubProb = new double[hubCount];
    this.hubAlias = new int[hubCount];
    SplittableRandom weights = new SplittableRandom(hash(seed, SALT_HUBS, 1));
    double[] w = new double[hubCount];
    for (int i = 0; i < hubCount; i++) {
      w[i] = Math.min(1000, 1 / StrictMath.sqrt(1 - weights.nextDouble()));
    }
    alias(w, hubProb, hubAlias);
    this.hubsSorted = hubs.clone();
    Arrays.sort(hubsSorted);
    this.logMedian = StrictMath.log(config.meanPhonebook()) - SIGMA * SIGMA / 2;
    this.maxBook = (int) Math.min(config.maxPhonebook(), persons - 1L);
    this.perMedian = 1 / StrictMath.exp(logMedian);
    this.target = new int[community];
    for (int p = 0; p < community; p++) {
      target[p] = targetSize(new SplittableRandom(hash(seed, SALT_TARGET, p)));
    }
  }

  /** The E.164 digits of a person's number. */
  long number(int person) {
    return numbers[person];
  }

  /**
   * Gives an account the number of an earlier one: from now on {@link #number} answers the same
   * number for both, so the entries that hold either person hold that number.
   */
  void recycle(int to, int from) {
    numbers[to] = numbers[from];
  }

  /** A number that belongs to no person: a new one each call, the same sequence for a seed. */
  long spareNumber() {
    return nextNumber(persons);
  }

  /** The next valid number of the plan's slots in the seeded order. */
  private long nextNumber(int wanted) {
    while (true) {
      if (nextSlot >= space || nextSlot > 20L * wanted + 10_000) {
        throw new IllegalArgumentException("too few valid numbers found for region " + plan.region);
      }
      long n = plan.numberAt(slots.apply(nextSlot++));
      if (n >= 0) {
        return n;
      }
    }
  }

  /** Whether a person's number is a hub: a business held by many. */
  boolean isHub(int person) {
    return Arrays.binarySearch(hubsSorted, person) >= 0;
  }

  /** A stable hash of a person, for names. */
  long personHash(int person) {
    return hash(seed, SALT_NUMBERS, person);
  }

  /** Whether a person belongs to communities (outsiders do not). */
  boolean inCommunity(int person) {
    return person < community;
  }

  /**
   * Writes the members of a person's community of a type (the person included) into {@code out}.
   *
   * @return how many members were written
   */
  int members(int type, int person, int[] out) {
    int[] s = starts[type];
    int b = Arrays.binarySearch(s, place[type][person]);
    if (b < 0) {
      b = -b - 2;
    }
    int from = s[b];
    int to = b + 1 < s.length ? s[b + 1] : community;
    System.arraycopy(order[type], from, out, 0, to - from);
    return to - from;
  }

  /** Whether two members of a community of a type are tied (symmetric). */
  boolean tie(int type, int x, int y) {
    double p = tieScale[type] * sociability(x) * sociability(y);
    return (hash(seed, SALT_TIE + type, pair(x, y)) >>> 11) < p;
  }

  /** {@code min(1, size / median size)}: people with small phonebooks have fewer ties. */
  private double sociability(int person) {
    return Math.min(1, target[person] * perMedian);
  }

  private boolean keeps(int holder, int person) {
    return (hash(seed ^ SALT_KEEP, holder, person) >>> 11) < keepThreshold;
  }

  /** A buffer large enough for any community. */
  static int[] blockBuffer() {
    return new int[MAX_BLOCK];
  }

  /** Makes an account's phonebook, the same every time for the same seed. */
  void fill(Book book, int account) {
    book.reset(account);
    SplittableRandom rng = new SplittableRandom(hash(seed, SALT_BOOK, account));
    int wanted = target[account];
    int[] block = book.block;
    for (int t = 0; t < TYPES; t++) {
      int n = members(t, account, block);
      for (int i = 0; i < n; i++) {
        int m = block[i];
        if (m != account && tie(t, account, m) && keeps(account, m)) {
          book.add(m);
        }
      }
    }
    book.keepRandom((int) Math.round(wanted * COMMUNITY_SHARE), rng);
    int hubsWanted = poisson(rng, wanted * HUB_SHARE);
    for (int i = 0; i < hubsWanted; i++) {
      int h = hub(rng);
      if (h != account) {
        book.add(h);
      }
    }
    for (int k = poisson(rng, outsidersPerBook); k > 0; k--) {
      book.add(community + rng.nextInt(persons - community));
    }
    int cityStart = place[FAMILY][account] / CITY * CITY;
    int citySize = Math.min(CITY, community - cityStart);
    for (int attempts = 4 * wanted + 16; book.size() < wanted && attempts > 0; attempts--) {
      int p =
          rng.nextInt(100) < LOCAL_PERCENT
              ? order[FAMILY][cityStart + rng.nextInt(citySize)]
              : rng.nextInt(community);
      if (p != account) {
        book.add(p);
      }
    }
  }

  private int targetSize(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    double gauss = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    long size = Math.round(StrictMath.exp(logMedian + SIGMA * gauss));
    return (int) Math.max(Math.min(size, maxBook), Math.min(1, maxBook));
  }

  private int hub(SplittableRandom rng) {
    int i = rng.nextInt(hubs.length);
    return rng.nextDouble() < hubProb[i] ? hubs[i] : hubs[hubAlias[i]];
  }

  private int[] pickHubs(int count, SplittableRandom rng) {
    Set<Integer> seen = new HashSet<>();
    int[] out = new int[count];
    int nonUsers = community - accounts;
    for (int n = 0; n < count; ) {
      int p =
          nonUsers > 0 && rng.nextInt(100) < 75
              ? accounts + rng.nextInt(nonUsers)
              : rng.nextInt(community);
      if (seen.add(p)) {
        out[n++] = p;
      }
    }
    return out;
  }

  private static int[] blocks(int type, int persons, SplittableRandom rng) {
    int[] out = new int[persons / 3 + 16];
    int n = 0;
    for (int p = 0; p < persons; ) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = p;
      p += blockSize(type, rng);
    }
    return Arrays.copyOf(out, n);
  }

  private static int blockSize(int type, SplittableRandom rng) {
    switch (type) {
      case FAMILY:
        int r = rng.nextInt(100);
        for (int size = 0; size < FAMILY_PERCENT.length; size++) {
          r -= FAMILY_PERCENT[size];
          if (r < 0) {
            return size + 1;
          }
        }
        return FAMILY_PERCENT.length;
      case WORK:
        return 8 + rng.nextInt(113);
      default:
        return 20 + rng.nextInt(MAX_BLOCK - 19);
    }
  }

  /** Vose's alias method: O(1) draws from the weights. */
  private static void alias(double[] w, double[] prob, int[] alias) {
    int n = w.length;
    double sum = Arrays.stream(w).sum();
    double[] scaled = new double[n];
    Deque<Integer> small = new ArrayDeque<>();
    Deque<Integer> large = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      scaled[i] = w[i] * n / sum;
      (scaled[i] < 1 ? small : large).add(i);
    }
    while (!small.isEmpty() && !large.isEmpty()) {
      int s = small.poll();
      int l = large.poll();
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).add(l);
    }
    for (Deque<Integer> rest : List.of(small, large)) {
      for (int i : rest) {
        prob[i] = 1;
        alias[i] = i;
      }
    }
  }

  /** A Poisson draw: Knuth's method for small means, a rounded normal for large ones. */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double u1 = 1 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double g = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
      return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * g));
    }
    double limit = StrictMath.exp(-mean);
    int k = 0;
    for (double p = rng.nextDouble(); p > limit; p *= rng.nextDouble()) {
      k++;
    }
    return k;
  }

  private static long pair(int x, int y) {
    return x < y ? ((long) x << 32) | y : ((long) y << 32) | x;
  }

  private static long threshold(double p) {
    return (long) (p * (1L << 53));
  }

  /** A well-mixed hash of a seed, a salt and a value (SplitMix64 finalizer). */
  static long hash(long seed, long salt, long value) {
    return mix(seed + mix(salt * 0x9E3779B97F4A7C15L + mix(value)));
  }

  private static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A bijection {@code x -> (mul * x + add) mod size} on {@code [0, size)}. */
  private record Affine(long mul, long inv, long add, long size) {
    static Affine random(long size, SplittableRandom rng) {
      long prime =
          BigInteger.valueOf(size + rng.nextLong(size + 1)).nextProbablePrime().longValue();
      return of(prime, rng.nextLong(size), size);
    }

    /** {@code mul} must be a prime larger than every size it is used with. */
    static Affine of(long prime, long add, long size) {
      long m = prime % size;
      long inv =
          size == 1 ? 0 : BigInteger.valueOf(m).modInverse(BigInteger.valueOf(size)).longValue();
      return new Affine(m, inv, add % size, size);
    }

    long apply(long x) {
      return (mul * x + add) % size;
    }

    long invert(long y) {
      return Math.floorMod(y - add, size) * inv % size;
    }
  }
}
