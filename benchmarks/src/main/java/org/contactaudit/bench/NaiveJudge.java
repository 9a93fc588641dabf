package org.contactaudit.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Verdict;
import org.contactaudit.time.Times;

/**
 * The judge a competent engineer would write first from the rules of docs/POLICY.md with the JDK's
 * collections: phonebooks as {@code HashMap<String, Set<String>>} (account id to E.164 numbers),
 * the inverted phonebook the same way, and consent records in a {@code HashMap}. It follows the
 * rules literally (default policy) but looks things up in hash sets and walks the smaller side of
 * each intersection, rather than scanning everything like the test suite's reference judge: the
 * fair baseline of {@code JudgeBenchmark}. Consents are read at {@code t}.
 *
 * <p>The sets hold every entry ever uploaded. In a timed world each element found while
 * intersecting is then checked at {@code t} with two more maps: owner to number to the intervals in
 * which the entry is valid (two for a number uploaded again), and account to the interval in which
 * it exists. An account holds a number at {@code t} when it exists then and the entry is valid
 * then; a number whose owner does not exist at {@code t} is a shadow number then. In an untimed
 * world a flag skips these checks, so that its cost is that of the untimed judge.
 *
 * <p>In a timed world it also applies the refinements of docs/POLICY.md: an entry uploaded before
 * the account whose number it holds registered needs that account's {@code discoverable_by_phone}
 * granted by a record made at or after registering, and a recommendation without evidence is
 * searched again with deleted entries counted as still valid ({@code STALE}).
 */
final class NaiveJudge {
  /** One consent record. */
  record Consent(long time, boolean value, boolean byDefault) {}

  /** The instants {@code [from, to)}. */
  private record Interval(long from, long to) {
    boolean holds(long t) {
      return Times.within(from, to, t);
    }
  }

  /**
   * One requirement of a kind: whose consent ({@code viewer}, {@code candidate}, {@code bridge}).
   */
  private record Requirement(String role, String setting) {
    String label() {
      return role + "." + setting;
    }
  }

  /** The outcome, in the terms of docs/POLICY.md. */
  record Result(
      Verdict verdict,
      Kind primary,
      Set<String> missing,
      Map<Kind, Integer> consensual,
      Map<Kind, Integer> nonConsensual,
      int shadowShared) {

    /** The auditor's judgment in the same terms, to check that both agree. */
    static Result of(Judgment j) {
      Map<Kind, Integer> ok = new EnumMap<>(Kind.class);
      Map<Kind, Integer> bad = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        ok.put(k, j.consensual(k));
        bad.put(k, j.nonConsensual(k));
      }
      return new Result(
          j.verdict(),
          j.primaryKind().orElse(null),
          new HashSet<>(j.missingConsents()),
          ok,
          bad,
          j.shadowSharedContacts());
    }
  }

  private static final Map<Kind, List<Requirement>> REQUIRES = new EnumMap<>(Kind.class);

  static {
    REQUIRES.put(Kind.MUTUAL, reqs("viewer.contact_upload", "candidate.discoverable_by_phone"));
    REQUIRES.put(Kind.FORWARD, reqs("viewer.contact_upload", "candidate.discoverable_by_phone"));
    REQUIRES.put(
        Kind.REVERSE,
        reqs(
            "candidate.contact_upload",
            "candidate.suggest_to_contacts",
            "viewer.discoverable_by_phone"));
    REQUIRES.put(
        Kind.SHARED_CONTACT,
        reqs(
            "viewer.contact_upload",
            "candidate.contact_upload",
            "candidate.contacts_for_others",
            "bridge.discoverable_by_phone"));
    REQUIRES.put(
        Kind.CO_HOLDER,
        reqs(
            "bridge.contact_upload",
            "bridge.contacts_for_others",
            "viewer.discoverable_by_phone",
            "candidate.discoverable_by_phone"));
    REQUIRES.put(
        Kind.CHAIN,
        reqs(
            "viewer.contact_upload",
            "bridge.contact_upload",
            "bridge.contacts_for_others",
            "candidate.discoverable_by_phone"));
  }

  private static List<Requirement> reqs(String... labels) {
    List<Requirement> out = new ArrayList<>();
    for (String label : labels) {
      int dot = label.indexOf('.');
      out.add(new Requirement(label.substring(0, dot), label.substring(dot + 1)));
    }
    return List.copyOf(out);
  }

  private final Map<String, Set<String>> phonebooks;
  private final Map<String, Set<String>> holders;
  private final Map<String, String> phoneOf;
  private final Map<String, String> ownerOf;
  private final Map<String, Map<String, List<Consent>>> consents;
  private final boolean timed;

  /** Timed only: owner id to E.164 number to the intervals in which the entry is valid. */
  private final Map<String, Map<String, List<Interval>>> entryTimes;

  /** Timed only: account id to the interval in which the account exists. */
  private final Map<String, Interval> lifetimes;

  private NaiveJudge(
      Map<String, Set<String>> phonebooks,
      Map<String, Set<String>> holders,
      Map<String, String> phoneOf,
      Map<String, String> ownerOf,
      Map<String, Map<String, List<Consent>>> consents,
      boolean timed,
      Map<String, Map<String, List<Interval>>> entryTimes,
      Map<String, Interval> lifetimes) {
    this.phonebooks = phonebooks;
    this.holders = holders;
    this.phoneOf = phoneOf;
    this.ownerOf = ownerOf;
    this.consents = consents;
    this.timed = timed;
    this.entryTimes = entryTimes;
    this.lifetimes = lifetimes;
  }

  /** The naive judge over a synthetic world, its maps built the obvious way. */
  static NaiveJudge of(BenchGraphs.Dataset d) {
    Map<String, Set<String>> phonebooks = d.phonebooks();
    Map<String, String> phoneOf = new HashMap<>();
    Map<String, String> ownerOf = new HashMap<>();
    for (int a = 0; a < d.accounts; a++) {
      phoneOf.put(d.accountId(a), d.e164(a));
      ownerOf.put(d.e164(a), d.accountId(a));
    }
    Map<String, Map<String, List<Consent>>> consents = new HashMap<>();
    for (int i = 0; i < d.consentAccount.length; i++) {
      consents
          .computeIfAbsent(d.accountId(d.consentAccount[i]), k -> new HashMap<>())
          .computeIfAbsent(BenchGraphs.SETTINGS.get(d.consentSetting[i]), k -> new ArrayList<>())
          .add(new Consent(d.consentTime[i], d.consentValue[i], d.consentDefault[i]));
    }
    // Stable: of records with the same time, the later row stays later and wins.
    consents.values().forEach(m -> m.values().forEach(l -> l.sort(BY_TIME)));
    Map<String, Map<String, List<Interval>>> entryTimes = new HashMap<>();
    Map<String, Interval> lifetimes = new HashMap<>();
    if (d.timed()) {
      for (int a = 0; a < d.accounts; a++) {
        lifetimes.put(d.accountId(a), new Interval(d.registeredAt[a], d.deletedAt[a]));
        Map<String, List<Interval>> book = new HashMap<>();
        for (int e = d.offsets[a]; e < d.offsets[a + 1]; e++) {
          List<Interval> times = new ArrayList<>();
          times.add(new Interval(d.uploadedAt[e], d.removedAt[e]));
          if (d.reuploadedAt[e] != Times.NEVER) {
            times.add(new Interval(d.reuploadedAt[e], Times.NEVER));
          }
          book.put(d.e164(d.entries[e]), times);
        }
        entryTimes.put(d.accountId(a), book);
      }
    }
    return new NaiveJudge(
        phonebooks,
        BenchGraphs.Dataset.holders(phonebooks),
        phoneOf,
        ownerOf,
        consents,
        d.timed(),
        entryTimes,
        lifetimes);
  }

  private static final Comparator<Consent> BY_TIME = Comparator.comparingLong(Consent::time);

  /**
   * Judges "{@code v} was shown {@code c} at {@code t}".
   *
   * @throws IllegalArgumentException when either account does not exist at {@code t}
   */
  Result judge(String v, String c, long t) {
    Tally tally = new Tally();
    gather(v, c, t, tally, false);
    return tally.result();
  }

  /** Whether no piece of evidence is non-consensual; stops at the first that is. */
  boolean isConsensual(String v, String c, long t) {
    return !gather(v, c, t, new Tally(), true);
  }

  /** Finds the evidence; returns whether it stopped early on a non-consensual piece. */
  private boolean gather(String v, String c, long t, Tally tally, boolean stopEarly) {
    if (!exists(v, t) || !exists(c, t)) {
      throw new IllegalArgumentException(v + " or " + c + " does not exist at " + Times.format(t));
    }
    String pv = phoneOf.get(v);
    String pc = phoneOf.get(c);
    Set<String> bookV = phonebooks.getOrDefault(v, Set.of());
    Set<String> bookC = phonebooks.getOrDefault(c, Set.of());
    // V and C exist at t: they hold what their valid entries list.
    boolean forward = bookV.contains(pc) && valid(v, pc, t);
    boolean reverse = bookC.contains(pv) && valid(c, pv, t);
    if (forward || reverse) {
      Kind kind = forward && reverse ? Kind.MUTUAL : forward ? Kind.FORWARD : Kind.REVERSE;
      // the entry V holds C (FORWARD, MUTUAL) or C holds V (REVERSE), its subject the other
      boolean pre = kind == Kind.REVERSE ? pre(c, v, t) : pre(v, c, t);
      boolean ok =
          piece(
              tally,
              kind,
              v,
              c,
              null,
              t,
              kind == Kind.REVERSE && pre,
              kind != Kind.REVERSE && pre,
              false);
      if (!ok && stopEarly) {
        return true;
      }
    }
    // SHARED_CONTACT: numbers x that both hold, other than their own.
    Set<String> small = bookV.size() <= bookC.size() ? bookV : bookC;
    Set<String> large = small == bookV ? bookC : bookV;
    for (String x : small) {
      if (x.equals(pv)
          || x.equals(pc)
          || !large.contains(x)
          || !valid(v, x, t)
          || !valid(c, x, t)) {
        continue;
      }
      String owner = ownerOf.get(x);
      boolean ok;
      if (owner == null || !exists(owner, t)) {
        tally.shadowShared++;
        ok = shadowPiece(tally, v, c, t);
      } else {
        boolean pre = pre(v, owner, t) || pre(c, owner, t);
        ok = piece(tally, Kind.SHARED_CONTACT, v, c, owner, t, false, false, pre);
      }
      if (!ok && stopEarly) {
        return true;
      }
    }
    // CHAIN: V holds W's number and W holds C's number.
    Set<String> holdersC = holders.getOrDefault(pc, Set.of());
    if (holdersC.size() <= bookV.size()) {
      for (String w : holdersC) {
        String pw = phoneOf.get(w);
        if (!w.equals(v)
            && !w.equals(c)
            && bookV.contains(pw)
            && valid(v, pw, t)
            && holdsAt(w, pc, t)) {
          if (!piece(tally, Kind.CHAIN, v, c, w, t, false, pre(w, c, t), false) && stopEarly) {
            return true;
          }
        }
      }
    } else {
      for (String x : bookV) {
        String w = ownerOf.get(x);
        if (w != null
            && !w.equals(v)
            && !w.equals(c)
            && holdersC.contains(w)
            && valid(v, x, t)
            && holdsAt(w, pc, t)) {
          if (!piece(tally, Kind.CHAIN, v, c, w, t, false, pre(w, c, t), false) && stopEarly) {
            return true;
          }
        }
      }
    }
    // CO_HOLDER: W holds both their numbers.
    Set<String> holdersV = holders.getOrDefault(pv, Set.of());
    Set<String> fewer = holdersV.size() <= holdersC.size() ? holdersV : holdersC;
    Set<String> more = fewer == holdersV ? holdersC : holdersV;
    for (String w : fewer) {
      if (!w.equals(v)
          && !w.equals(c)
          && more.contains(w)
          && holdsAt(w, pv, t)
          && holdsAt(w, pc, t)) {
        if (!piece(tally, Kind.CO_HOLDER, v, c, w, t, pre(w, v, t), pre(w, c, t), false)
            && stopEarly) {
          return true;
        }
      }
    }
    if (timed && tally.isEmpty()) {
      staleKinds(v, c, t, tally);
      return stopEarly && !tally.stale.isEmpty();
    }
    return false;
  }

  /**
   * Without evidence at {@code t}: the kinds found when every entry deleted at or before {@code t}
   * counts as valid from its upload on (accounts that do not exist at {@code t} still hold
   * nothing).
   */
  private void staleKinds(String v, String c, long t, Tally tally) {
    String pv = phoneOf.get(v);
    String pc = phoneOf.get(c);
    Set<String> bookV = phonebooks.getOrDefault(v, Set.of());
    Set<String> bookC = phonebooks.getOrDefault(c, Set.of());
    boolean forward = bookV.contains(pc) && uploaded(v, pc, t);
    boolean reverse = bookC.contains(pv) && uploaded(c, pv, t);
    if (forward || reverse) {
      tally.stale.add(forward && reverse ? Kind.MUTUAL : forward ? Kind.FORWARD : Kind.REVERSE);
    }
    for (String x : bookV) {
      if (!x.equals(pc) && bookC.contains(x) && uploaded(v, x, t) && uploaded(c, x, t)) {
        tally.stale.add(Kind.SHARED_CONTACT);
        break;
      }
    }
    for (String w : holders.getOrDefault(pc, Set.of())) {
      if (w.equals(v) || w.equals(c) || !exists(w, t) || !uploaded(w, pc, t)) {
        continue;
      }
      String pw = phoneOf.get(w);
      if (bookV.contains(pw) && uploaded(v, pw, t)) {
        tally.stale.add(Kind.CHAIN);
      }
      if (holders.getOrDefault(pv, Set.of()).contains(w) && uploaded(w, pv, t)) {
        tally.stale.add(Kind.CO_HOLDER);
      }
    }
  }

  /** Whether {@code owner}'s entry for {@code x} was uploaded at or before {@code t}. */
  private boolean uploaded(String owner, String x, long t) {
    for (Interval i : entryTimes.get(owner).get(x)) {
      if (i.from() <= t) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code holder}'s entry for the number of {@code subject}, valid at {@code t}, was
   * uploaded before {@code subject} registered (an unknown upload is before every known
   * registration); false in an untimed world.
   */
  private boolean pre(String holder, String subject, long t) {
    if (!timed) {
      return false;
    }
    long registered = lifetimes.get(subject).from();
    if (registered == Times.ALWAYS) {
      return false;
    }
    for (Interval i : entryTimes.get(holder).get(phoneOf.get(subject))) {
      if (i.holds(t) && i.from() < registered) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code account} exists at {@code t}. */
  private boolean exists(String account, long t) {
    return !timed || lifetimes.get(account).holds(t);
  }

  /**
   * Whether the entry of {@code owner}'s phonebook for {@code x}, an entry it ever had, is valid at
   * {@code t}, the owner's existence aside.
   */
  private boolean valid(String owner, String x, long t) {
    if (!timed) {
      return true;
    }
    for (Interval i : entryTimes.get(owner).get(x)) {
      if (i.holds(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code owner}, who ever held {@code x}, holds it at {@code t}. */
  private boolean holdsAt(String owner, String x, long t) {
    return !timed || (exists(owner, t) && valid(owner, x, t));
  }

  /**
   * Adds one piece of evidence; returns whether it is consensual. A role whose flag is set is the
   * subject of a pre-registration entry: its {@code discoverable_by_phone} counts only when granted
   * as a user.
   */
  private boolean piece(
      Tally tally,
      Kind kind,
      String v,
      String c,
      String bridge,
      long t,
      boolean viewerPre,
      boolean candidatePre,
      boolean bridgePre) {
    boolean ok = true;
    for (Requirement r : REQUIRES.get(kind)) {
      String who = r.role().equals("viewer") ? v : r.role().equals("candidate") ? c : bridge;
      boolean pre =
          r.role().equals("viewer")
              ? viewerPre
              : r.role().equals("candidate") ? candidatePre : bridgePre;
      if (!granted(who, r.setting(), t, pre && r.setting().equals("discoverable_by_phone"))) {
        ok = false;
        tally.missing(kind).add(r.label());
      }
    }
    tally.count(kind, ok);
    return ok;
  }

  /** A shared contact that is a shadow number: never consensual. */
  private boolean shadowPiece(Tally tally, String v, String c, long t) {
    for (Requirement r : REQUIRES.get(Kind.SHARED_CONTACT)) {
      if (!r.role().equals("bridge")
          && !granted(r.role().equals("viewer") ? v : c, r.setting(), t)) {
        tally.missing(Kind.SHARED_CONTACT).add(r.label());
      }
    }
    tally.missing(Kind.SHARED_CONTACT).add("bridge.shadow");
    tally.count(Kind.SHARED_CONTACT, false);
    return false;
  }

  /** The latest record at or before {@code t}; granted when true and not set by default. */
  private boolean granted(String account, String setting, long t) {
    return granted(account, setting, t, false);
  }

  /** {@link #granted(String, String, long)}, by a record made at or after registering. */
  private boolean granted(String account, String setting, long t, boolean asUser) {
    List<Consent> records = consents.getOrDefault(account, Map.of()).get(setting);
    if (records == null) {
      return false;
    }
    Consent latest = null;
    for (Consent r : records) {
      if (r.time() <= t) {
        latest = r;
      }
    }
    return latest != null
        && latest.value()
        && !latest.byDefault()
        && (!asUser
            || latest.time() != Times.ALWAYS && latest.time() >= lifetimes.get(account).from());
  }

  /** The evidence found so far. */
  private static final class Tally {
    final int[] consensual = new int[Kind.values().length];
    final int[] nonConsensual = new int[Kind.values().length];
    final Map<Kind, Set<String>> missing = new EnumMap<>(Kind.class);
    final Set<Kind> stale = java.util.EnumSet.noneOf(Kind.class);
    int shadowShared;

    boolean isEmpty() {
      for (Kind k : Kind.values()) {
        if (consensual[k.ordinal()] + nonConsensual[k.ordinal()] > 0) {
          return false;
        }
      }
      return true;
    }

    Set<String> missing(Kind kind) {
      return missing.computeIfAbsent(kind, k -> new HashSet<>());
    }

    void count(Kind kind, boolean ok) {
      (ok ? consensual : nonConsensual)[kind.ordinal()]++;
    }

    Result result() {
      int all = 0;
      int bad = 0;
      Kind primary = null;
      Map<Kind, Integer> ok = new EnumMap<>(Kind.class);
      Map<Kind, Integer> notOk = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        all += consensual[k.ordinal()] + nonConsensual[k.ordinal()];
        bad += nonConsensual[k.ordinal()];
        if (primary == null && nonConsensual[k.ordinal()] > 0) {
          primary = k;
        }
        ok.put(k, consensual[k.ordinal()]);
        notOk.put(k, nonConsensual[k.ordinal()]);
      }
      Verdict verdict =
          all == 0
              ? Verdict.UNEXPLAINED
              : bad == 0 ? Verdict.OK : bad == all ? Verdict.LEAK : Verdict.AT_RISK;
      Set<String> primaryMissing = primary == null ? Set.of() : missing.get(primary);
      if (all == 0 && !stale.isEmpty()) {
        verdict = Verdict.STALE;
        primary = stale.iterator().next();
        primaryMissing = Set.of("entry.deleted");
      }
      return new Result(verdict, primary, primaryMissing, ok, notOk, shadowShared);
    }
  }
}
