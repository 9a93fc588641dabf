package org.contactaudit.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/**
 * Random inputs built through {@link ContactGraph#builder()} and kept as a deliberately naive model
 * (sets of rows in external terms): every query at several instants answers the same, and so does
 * the graph built from the same rows shuffled.
 */
class ContactGraphPropertyTest {
  private static final int CASES = 300;

  /** Fewer shuffled cases: each builds and questions two graphs, and the model test covers more. */
  private static final int SHUFFLED_CASES = 150;

  record Account(String id, long key, long from, long to) {}

  record Row(String owner, long key, long from, long to) {}

  record Pair(String owner, long key) {}

  /** The naive model: rows in a list, every question answered by a scan. */
  static final class Model {
    final List<Account> accounts;
    final List<Row> rows;
    final Map<String, Account> byId = new HashMap<>();
    final Map<Long, String> ownerOfKey = new HashMap<>();

    /** (owner, key) to the rows of that pair. */
    final Map<Pair, List<Row>> pairs = new HashMap<>();

    final Set<Long> keys = new TreeSet<>();

    Model(List<Account> accounts, List<Row> rows) {
      this.accounts = accounts;
      this.rows = rows;
      for (Account a : accounts) {
        byId.put(a.id, a);
        ownerOfKey.put(a.key, a.id);
        keys.add(a.key);
      }
      for (Row r : rows) {
        pairs.computeIfAbsent(new Pair(r.owner, r.key), k -> new ArrayList<>()).add(r);
        keys.add(r.key);
      }
    }

    boolean live(String account, long t) {
      Account a = byId.get(account);
      return Times.within(a.from, a.to, t);
    }

    boolean holdsEver(String owner, long key) {
      return pairs.containsKey(new Pair(owner, key));
    }

    boolean holdsAt(String owner, long key, long t) {
      if (!live(owner, t)) {
        return false;
      }
      for (Row r : pairs.getOrDefault(new Pair(owner, key), List.of())) {
        if (Times.within(r.from, r.to, t)) {
          return true;
        }
      }
      return false;
    }

    Set<Long> keys() {
      return keys;
    }

    Set<Long> contacts(String owner, Long t) {
      Set<Long> out = new TreeSet<>();
      for (Row r : rows) {
        if (r.owner.equals(owner) && (t == null || holdsAt(owner, r.key, t))) {
          out.add(r.key);
        }
      }
      return out;
    }

    Set<String> holders(long key, Long t) {
      Set<String> out = new TreeSet<>();
      for (Row r : rows) {
        if (r.key == key && (t == null || holdsAt(r.owner, key, t))) {
          out.add(r.owner);
        }
      }
      return out;
    }

    Set<Long> shared(String v, String c, long t) {
      Set<Long> out = new TreeSet<>();
      if (!live(v, t) || !live(c, t)) {
        return out;
      }
      for (long x : keys()) {
        if (x != byId.get(v).key && x != byId.get(c).key && holdsAt(v, x, t) && holdsAt(c, x, t)) {
          out.add(x);
        }
      }
      return out;
    }

    Set<String> coHolders(String v, String c, long t) {
      Set<String> out = new TreeSet<>();
      if (!live(v, t) || !live(c, t)) {
        return out;
      }
      for (Account w : accounts) {
        if (!w.id.equals(v)
            && !w.id.equals(c)
            && holdsAt(w.id, byId.get(v).key, t)
            && holdsAt(w.id, byId.get(c).key, t)) {
          out.add(w.id);
        }
      }
      return out;
    }

    /** V → W and W → C between accounts that exist at t (else their numbers are shadows). */
    Set<String> chain(String v, String c, long t) {
      Set<String> out = new TreeSet<>();
      if (!live(v, t) || !live(c, t)) {
        return out;
      }
      for (Account w : accounts) {
        if (!w.id.equals(v)
            && !w.id.equals(c)
            && live(w.id, t)
            && holdsAt(v, w.key, t)
            && holdsAt(w.id, byId.get(c).key, t)) {
          out.add(w.id);
        }
      }
      return out;
    }

    long duplicates() {
      return rows.size() - new HashSet<>(rows).size();
    }
  }

  /** A random case: lifetimes, entries with times, repeats, shadow numbers, deletions. */
  static Model randomModel(Random random) {
    int n = 1 + random.nextInt(8);
    boolean timedAccounts = random.nextInt(3) > 0;
    boolean timedEntries = random.nextInt(3) > 0;
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long[] life = timedAccounts ? interval(random) : new long[] {Times.ALWAYS, Times.NEVER};
      accounts.add(new Account("acct-" + i, 100 + 7L * i, life[0], life[1]));
    }
    int shadows = random.nextInt(6);
    List<Row> rows = new ArrayList<>();
    for (int i = random.nextInt(30); i > 0; i--) {
      if (!rows.isEmpty() && random.nextInt(6) == 0) {
        rows.add(rows.get(random.nextInt(rows.size())));
        continue;
      }
      Account owner = accounts.get(random.nextInt(n));
      long key;
      if (shadows > 0 && random.nextBoolean()) {
        key = 9000 + random.nextInt(shadows);
      } else {
        key = accounts.get(random.nextInt(n)).key;
        if (key == owner.key) {
          continue;
        }
      }
      long[] iv = timedEntries ? interval(random) : new long[] {Times.ALWAYS, Times.NEVER};
      rows.add(new Row(owner.id, key, iv[0], iv[1]));
    }
    return new Model(accounts, rows);
  }

  private static long[] interval(Random random) {
    long from = random.nextInt(3) == 0 ? Times.ALWAYS : random.nextInt(10);
    long to =
        random.nextInt(3) == 0
            ? Times.NEVER
            : from == Times.ALWAYS ? random.nextInt(10) : from + random.nextInt(6);
    return new long[] {from, to};
  }

  static ContactGraph build(Model m, ContactGraphBuilder b) {
    for (Account a : m.accounts) {
      b.addAccount(a.id, a.key, a.from, a.to);
    }
    for (Row r : m.rows) {
      b.addEntry(b.accountIndex(r.owner), r.key, r.from, r.to);
    }
    return b.build();
  }

  private static Set<Long> keysOf(ContactGraph g, int[] numbers) {
    assertIncreasing(numbers);
    Set<Long> out = new TreeSet<>();
    for (int x : numbers) {
      out.add(g.numberKey(x));
    }
    return out;
  }

  private static Set<String> idsOf(ContactGraph g, int[] accounts) {
    assertIncreasing(accounts);
    Set<String> out = new TreeSet<>();
    for (int a : accounts) {
      out.add(g.accountId(a));
    }
    return out;
  }

  /** The one-pass finder answers what the separate queries answer, whichever side it marks. */
  private static void assertFinderAgrees(
      ContactGraph g, EvidenceFinder finder, int v, int c, long t) {
    IdBuffer buffer = g.newBuffer();
    boolean live = g.isLive(v, t) && g.isLive(c, t);
    boolean any = finder.find(v, c, t);
    String q = g.accountId(v) + " shown " + g.accountId(c) + " at " + t;
    assertEquals(live && g.holds(v, c, t), finder.forward(), "forward " + q);
    assertEquals(live && g.holds(c, v, t), finder.reverse(), "reverse " + q);
    g.sharedContacts(v, c, t, buffer);
    assertArrayEquals(buffer.toArray(), finder.sharedContacts().toArray(), "shared " + q);
    int found = buffer.size();
    g.chainBridges(v, c, t, buffer);
    assertArrayEquals(buffer.toArray(), finder.chains().toArray(), "chains " + q);
    found += buffer.size();
    g.coHolders(v, c, t, buffer);
    assertArrayEquals(buffer.toArray(), finder.coHolders().toArray(), "co-holders " + q);
    found += buffer.size();
    assertEquals(finder.forward() || finder.reverse() || found > 0, any, "any evidence " + q);
  }

  private static void assertIncreasing(int[] ids) {
    for (int i = 1; i < ids.length; i++) {
      assertTrue(ids[i - 1] < ids[i], "ids strictly increasing");
    }
  }

  /** Every answer of the graph in external terms, keyed by the question. */
  static Map<String, Object> answers(ContactGraph g, Model m, long[] instants) {
    Map<String, Object> out = new HashMap<>();
    IdBuffer buffer = g.newBuffer();
    EvidenceFinder finder = g.newEvidenceFinder();
    out.put("entryCount", g.entryCount());
    out.put("numberCount", g.numberCount());
    for (Account a : m.accounts) {
      int i = g.accountIndex(a.id);
      out.put("contacts " + a.id, keysOf(g, g.contacts(i)));
      out.put("contactCount " + a.id, g.contactCount(i));
      out.put("key " + a.id, g.numberKey(i));
      for (long t : instants) {
        out.put("live " + a.id + " " + t, g.isLive(i, t));
        out.put("contacts " + a.id + " " + t, keysOf(g, g.contacts(i, t)));
      }
    }
    for (long key : m.keys()) {
      int x = g.numberIndex(key);
      int owner = g.ownerOf(x);
      out.put("owner " + key, owner < 0 ? "" : g.accountId(owner));
      out.put("shadow " + key, g.isShadow(x));
      out.put("holders " + key, idsOf(g, g.holders(x)));
      out.put("holderCount " + key, g.holderCount(x));
      for (long t : instants) {
        out.put("shadow " + key + " " + t, g.isShadow(x, t));
        out.put("holders " + key + " " + t, idsOf(g, g.holders(x, t)));
        out.put("holderCount " + key + " " + t, g.holderCount(x, t));
      }
      for (Account a : m.accounts) {
        int i = g.accountIndex(a.id);
        out.put("holds " + a.id + " " + key, g.holds(i, x));
        for (long t : instants) {
          out.put("holds " + a.id + " " + key + " " + t, g.holds(i, x, t));
        }
      }
    }
    for (Account v : m.accounts) {
      for (Account c : m.accounts) {
        if (v == c) {
          continue;
        }
        int vi = g.accountIndex(v.id);
        int ci = g.accountIndex(c.id);
        for (long t : instants) {
          String q = v.id + " " + c.id + " " + t;
          g.sharedContacts(vi, ci, t, buffer);
          out.put("shared " + q, keysOf(g, buffer.toArray()));
          g.coHolders(vi, ci, t, buffer);
          out.put("coHolders " + q, idsOf(g, buffer.toArray()));
          g.chainBridges(vi, ci, t, buffer);
          out.put("chain " + q, idsOf(g, buffer.toArray()));
          assertFinderAgrees(g, finder, vi, ci, t);
        }
      }
    }
    return out;
  }

  /** What the naive model says, keyed like {@link #answers}. */
  static Map<String, Object> expected(Model m, long[] instants) {
    Map<String, Object> out = new HashMap<>();
    Set<String> pairs = new HashSet<>();
    m.rows.forEach(r -> pairs.add(r.owner + " " + r.key));
    out.put("entryCount", pairs.size());
    out.put("numberCount", m.keys().size());
    for (Account a : m.accounts) {
      out.put("contacts " + a.id, m.contacts(a.id, null));
      out.put("contactCount " + a.id, m.contacts(a.id, null).size());
      out.put("key " + a.id, a.key);
      for (long t : instants) {
        out.put("live " + a.id + " " + t, m.live(a.id, t));
        out.put("contacts " + a.id + " " + t, m.contacts(a.id, t));
      }
    }
    for (long key : m.keys()) {
      String owner = m.ownerOfKey.get(key);
      out.put("owner " + key, owner == null ? "" : owner);
      out.put("shadow " + key, owner == null);
      out.put("holders " + key, m.holders(key, null));
      out.put("holderCount " + key, m.holders(key, null).size());
      for (long t : instants) {
        out.put("shadow " + key + " " + t, owner == null || !m.live(owner, t));
        out.put("holders " + key + " " + t, m.holders(key, t));
        out.put("holderCount " + key + " " + t, m.holders(key, t).size());
      }
      for (Account a : m.accounts) {
        out.put("holds " + a.id + " " + key, m.holdsEver(a.id, key));
        for (long t : instants) {
          out.put("holds " + a.id + " " + key + " " + t, m.holdsAt(a.id, key, t));
        }
      }
    }
    for (Account v : m.accounts) {
      for (Account c : m.accounts) {
        if (v == c) {
          continue;
        }
        for (long t : instants) {
          String q = v.id + " " + c.id + " " + t;
          out.put("shared " + q, m.shared(v.id, c.id, t));
          out.put("coHolders " + q, m.coHolders(v.id, c.id, t));
          out.put("chain " + q, m.chain(v.id, c.id, t));
        }
      }
    }
    return out;
  }

  private static long[] instants(Random random) {
    return new long[] {
      Times.END_OF_TIME, -1, random.nextInt(12), random.nextInt(12), random.nextInt(12)
    };
  }

  private static void assertSameAnswers(
      Map<String, Object> expected, Map<String, Object> actual, String what) {
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), () -> what + ": " + e.getKey());
    }
  }

  @Test
  void everyQueryAgreesWithTheNaiveModelAtRandomInstants() {
    Random random = new Random(7_2024);
    for (int round = 0; round < CASES; round++) {
      Model m = randomModel(random);
      ContactGraphBuilder b = ContactGraph.builder();
      ContactGraph g = build(m, b);
      long[] instants = instants(random);
      assertSameAnswers(expected(m, instants), answers(g, m, instants), "case " + round);
      assertEquals(m.duplicates(), b.duplicatesMerged(), "case " + round + ": duplicates");
      assertTrue(g.maxDegree() >= 0);
    }
  }

  @Test
  void shuffledRowsGiveTheSameAnswersInExternalTerms() {
    Random random = new Random(11_2024);
    for (int round = 0; round < SHUFFLED_CASES; round++) {
      Model m = randomModel(random);
      List<Account> accounts = new ArrayList<>(m.accounts);
      List<Row> rows = new ArrayList<>(m.rows);
      Collections.shuffle(accounts, random);
      Collections.shuffle(rows, random);
      Model shuffled = new Model(accounts, rows);
      long[] instants = instants(random);
      ContactGraphBuilder b1 = ContactGraph.builder();
      ContactGraphBuilder b2 = ContactGraph.builder();
      Map<String, Object> first = answers(build(m, b1), m, instants);
      Map<String, Object> second = answers(build(shuffled, b2), m, instants);
      assertSameAnswers(first, second, "case " + round);
      assertEquals(b1.duplicatesMerged(), b2.duplicatesMerged());
    }
  }

  /**
   * On graphs of hundreds of accounts (ids spread over many words of the finder's bit sets, one
   * side much larger than the other, entries timed or not), the one-pass finder answers what the
   * separate queries answer, and leaves no mark behind: pairs are judged in a random order.
   */
  @Test
  void finderAgreesWithTheSeparateQueriesOnLargerGraphs() {
    Random random = new Random(5_2026);
    for (int round = 0; round < 12; round++) {
      boolean timed = round % 2 == 1;
      // Few shadow numbers: the finder clears its bit sets by one fill; many (half the rounds):
      // word by word for most pairs, by a fill for pairs with a large side.
      ContactGraph g = largerGraph(random, timed, round < 6, 1);
      int accounts = g.accountCount();
      EvidenceFinder finder = g.newEvidenceFinder();
      for (int q = 0; q < 2_000; q++) {
        int v = random.nextInt(accounts);
        int c = random.nextInt(accounts);
        if (v != c) {
          assertFinderAgrees(g, finder, v, c, random.nextInt(12));
        }
      }
    }
  }

  /**
   * The finder keeps the side it marked for the next question on the same account while its marks
   * hold: viewers shown lists of candidates, the instant changing now and then within its day or to
   * another day (times fall every eight hours, so that many elements start or end within the day of
   * an instant and some do not), the roles swapped now and then (the kept account is then the
   * candidate), accounts that do not exist at the instant in between.
   */
  @Test
  void finderKeepsAMarkedSideOnlyWhileItsMarksHold() {
    Random random = new Random(16_2026);
    long unit = DAY / 3;
    for (int round = 0; round < 12; round++) {
      boolean timed = round % 2 == 1;
      ContactGraph g = largerGraph(random, timed, round < 6, unit);
      int accounts = g.accountCount();
      EvidenceFinder finder = g.newEvidenceFinder();
      for (int list = 0; list < 150; list++) {
        int v = random.nextInt(accounts);
        long t = random.nextInt(12) * unit + random.nextInt(3) * (unit / 2);
        for (int i = random.nextInt(20); i > 0; i--) {
          int c = random.nextInt(accounts);
          switch (random.nextInt(8)) {
            case 0 -> t = random.nextInt(12) * unit;
            case 1, 2 -> t = t - Math.floorMod(t, DAY) + random.nextInt((int) DAY);
            default -> {}
          }
          if (v == c) {
            continue;
          }
          if (random.nextInt(6) == 0) {
            assertFinderAgrees(g, finder, c, v, t);
          } else {
            assertFinderAgrees(g, finder, v, c, t);
          }
        }
      }
    }
  }

  /**
   * A graph of 50 to 450 accounts, a few of them with phonebooks of hundreds, among a few hundred
   * shadow numbers or tens of thousands; when timed, registrations and entries start and end at
   * multiples of {@code unit} up to 15.
   */
  private static ContactGraph largerGraph(
      Random random, boolean timed, boolean fewShadows, long unit) {
    int accounts = 50 + random.nextInt(400);
    int shadows = fewShadows ? 1 + random.nextInt(600) : 20_000 + random.nextInt(20_000);
    ContactGraphBuilder b = ContactGraph.builder();
    for (int a = 0; a < accounts; a++) {
      long registered = timed && random.nextInt(10) == 0 ? random.nextInt(10) * unit : Times.ALWAYS;
      b.addAccount("a" + a, 1_000_000 + a, registered, Times.NEVER);
    }
    for (int a = 0; a < accounts; a++) {
      int size = random.nextInt(20) == 0 ? 200 + random.nextInt(400) : random.nextInt(40);
      for (int i = 0; i < size; i++) {
        long key =
            random.nextBoolean()
                ? 1_000_000 + random.nextInt(accounts)
                : 5_000_000 + random.nextInt(shadows);
        long from = timed ? random.nextInt(10) * unit : Times.ALWAYS;
        long to =
            timed && random.nextInt(4) == 0 ? from + (1 + random.nextInt(5)) * unit : Times.NEVER;
        if (key != 1_000_000 + a) {
          b.addEntry(a, key, from, to);
        }
      }
    }
    return b.build();
  }

  private static final long DAY = 86_400_000L;

  /** Instants at the edges of days and of the days that a day window holds (1970 to 2149). */
  private static final long[] BOUNDARIES = {
    Times.ALWAYS,
    -5_000_000_000_000L,
    -DAY - 1,
    0,
    DAY - 1,
    DAY,
    DAY + 1,
    1_590_000_000_123L,
    1_590_000_030_000L,
    1_590_019_200_000L,
    65_534 * DAY + 1,
    65_535 * DAY - 1,
    65_535 * DAY,
    65_536 * DAY + 1,
    Times.END_OF_TIME - 1,
    Times.NEVER
  };

  /**
   * The day windows answer as the intervals do ({@code validAt} against {@code valid}, for every
   * position of both directions; {@code isLive} against each account's lifetime), and the finder as
   * the separate queries, at instants around every boundary: the same millisecond, one either side,
   * within the day, a day either side. Lifetimes, entries that end, entries with several intervals,
   * entries that never end.
   */
  @Test
  void dayWindowsAgreeWithTheIntervalsAroundEveryBoundary() {
    Random random = new Random(30_2026);
    List<Long> instants = new ArrayList<>();
    for (long p : BOUNDARIES) {
      for (long d : new long[] {-DAY, -1, 0, 1, DAY / 2, DAY}) {
        long t = p + d;
        if ((d < 0 && t > p) || (d > 0 && t < p)) {
          continue; // overflow
        }
        instants.add(t);
      }
    }
    for (int round = 0; round < 40; round++) {
      int accounts = 2 + random.nextInt(12);
      ContactGraphBuilder b = ContactGraph.builder();
      long[][] lives = new long[accounts][];
      boolean anyLife = false;
      for (int a = 0; a < accounts; a++) {
        long[] life = random.nextInt(3) == 0 ? boundaryInterval(random) : new long[] {0, 0};
        if (life[1] == 0) {
          life = new long[] {Times.ALWAYS, Times.NEVER};
        }
        lives[a] = life;
        anyLife |= life[0] != Times.ALWAYS || life[1] != Times.NEVER;
        b.addAccount("a" + a, 1_000 + a, life[0], life[1]);
      }
      for (int i = random.nextInt(60); i > 0; i--) {
        int owner = random.nextInt(accounts);
        long key = random.nextBoolean() ? 1_000 + random.nextInt(accounts) : 5_000 + i % 7;
        if (key == 1_000 + owner) {
          continue;
        }
        long[] iv = boundaryInterval(random);
        b.addEntry(owner, key, iv[0], iv[1]);
        if (random.nextInt(5) == 0) {
          long[] again = boundaryInterval(random);
          b.addEntry(owner, key, again[0], again[1]);
        }
      }
      ContactGraph g = b.build();
      EvidenceFinder finder = g.newEvidenceFinder();
      for (long t : instants) {
        for (int a = 0; a < accounts; a++) {
          // Without any lifetime, every account exists at every instant, NEVER included.
          assertEquals(
              !anyLife || Times.within(lives[a][0], lives[a][1], t),
              g.isLive(a, t),
              "case " + round + " account " + a + " at " + t);
        }
        int day = DayWindows.key(t);
        for (int e = 0; e < g.entryCount(); e++) {
          for (boolean holder : new boolean[] {false, true}) {
            assertEquals(
                g.valid(holder, e, t),
                g.validAt(holder, e, t, day),
                "case " + round + (holder ? " holder position " : " entry ") + e + " at " + t);
          }
        }
        for (int v = 0; v < accounts; v++) {
          for (int c = 0; c < accounts; c++) {
            if (v != c) {
              assertFinderAgrees(g, finder, v, c, t);
            }
          }
        }
      }
    }
  }

  /** An interval {@code [from, to)} with both ends drawn from the boundaries, often open-ended. */
  private static long[] boundaryInterval(Random random) {
    long a = BOUNDARIES[random.nextInt(BOUNDARIES.length - 1)];
    long b =
        random.nextBoolean() ? Times.NEVER : BOUNDARIES[1 + random.nextInt(BOUNDARIES.length - 1)];
    return a < b ? new long[] {a, b} : new long[] {Times.ALWAYS, Times.NEVER};
  }
}
