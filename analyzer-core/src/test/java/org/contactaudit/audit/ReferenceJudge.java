package org.contactaudit.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contactaudit.time.Times;

/**
 * A deliberately naive judge written from docs/POLICY.md with sets and loops over a {@link World}:
 * no graph, no ledger, no bit masks. The auditor must agree with it on every field.
 */
final class ReferenceJudge {
  /** What the reference decides, in plain collections. */
  record Result(
      Verdict verdict,
      Kind primary,
      Set<String> missing,
      Map<Kind, Integer> consensual,
      Map<Kind, Integer> nonConsensual,
      int shadowShared,
      Set<Kind> kinds,
      ExplanationVerdict explanation,
      boolean preRegistration,
      boolean recycled) {}

  /** One piece of evidence: what it misses, whether an entry is pre-registration, recycled. */
  private record Piece(Set<String> missing, boolean pre, boolean recycled) {}

  private final World world;
  private final Policy policy;

  ReferenceJudge(World world, Policy policy) {
    this.world = world;
    this.policy = policy;
  }

  boolean live(String account, long t) {
    for (World.Account a : world.accounts) {
      if (a.id().equals(account)) {
        return a.from() <= t && t < a.to();
      }
    }
    return false;
  }

  boolean holds(String holder, long number, long t) {
    if (!live(holder, t)) {
      return false;
    }
    for (World.Entry e : world.entries) {
      if (e.owner().equals(holder) && e.number() == number && e.from() <= t && t < e.to()) {
        return true;
      }
    }
    return false;
  }

  /** Holds at {@code t} counting every upload deleted at or before {@code t} as still valid. */
  boolean holdsStale(String holder, long number, long t) {
    if (!live(holder, t)) {
      return false;
    }
    for (World.Entry e : world.entries) {
      if (e.owner().equals(holder) && e.number() == number && e.from() <= t) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the holder's entry of {@code subject}'s number valid at {@code t} (the earliest, if
   * several) was uploaded before {@code subject} registered.
   */
  boolean pre(String holder, String subject, long t) {
    long number = world.numberOf(subject);
    long earliest = Long.MAX_VALUE;
    boolean any = false;
    for (World.Entry e : world.entries) {
      if (e.owner().equals(holder) && e.number() == number && e.from() <= t && t < e.to()) {
        earliest = any ? Math.min(earliest, e.from()) : e.from();
        any = true;
      }
    }
    long registered = world.registeredAt(subject);
    return any && registered != Times.ALWAYS && earliest < registered;
  }

  /** Whether another account has the same number. */
  boolean recycled(String account) {
    long number = world.numberOf(account);
    return world.accounts.stream().anyMatch(a -> a.number() == number && !a.id().equals(account));
  }

  /** The account owning a number at {@code t}, or null when it is a shadow number then. */
  String ownerAt(long number, long t) {
    for (World.Account a : world.accounts) {
      if (a.number() == number && live(a.id(), t)) {
        return a.id();
      }
    }
    return null;
  }

  boolean granted(String account, String logical, long t) {
    return granted(account, logical, t, false);
  }

  /** With {@code asUser}: only by a record with a known time at or after the registration. */
  boolean granted(String account, String logical, long t, boolean asUser) {
    String setting = policy.settingName(logical);
    World.Consent latest = null;
    for (World.Consent c : world.consents) {
      if (c.account().equals(account) && c.setting().equals(setting) && c.time() <= t) {
        if (latest == null || c.time() >= latest.time()) {
          latest = c;
        }
      }
    }
    return latest != null
        && latest.value()
        && (!latest.byDefault() || policy.acceptDefaultConsent())
        && (!asUser
            || latest.time() != Times.ALWAYS && latest.time() >= world.registeredAt(account));
  }

  private Set<String> missing(Kind kind, String v, String c, String bridge, long t) {
    return missing(kind, v, c, bridge, t, Set.of());
  }

  /**
   * What a piece misses; the roles in {@code preRoles} are subjects of a pre-registration entry.
   */
  private Set<String> missing(
      Kind kind, String v, String c, String bridge, long t, Set<Role> preRoles) {
    Set<String> out = new LinkedHashSet<>();
    for (Requirement r : policy.requirements(kind)) {
      String who = r.role() == Role.VIEWER ? v : r.role() == Role.CANDIDATE ? c : bridge;
      boolean asUser =
          preRoles.contains(r.role()) && r.setting().equals(Policy.DISCOVERABLE_BY_PHONE);
      if (!granted(who, r.setting(), t, asUser)) {
        out.add(r.label());
      }
    }
    return out;
  }

  private static Set<Role> roles(boolean viewer, boolean candidate, boolean bridge) {
    Set<Role> out = new HashSet<>();
    if (viewer) {
      out.add(Role.VIEWER);
    }
    if (candidate) {
      out.add(Role.CANDIDATE);
    }
    if (bridge) {
      out.add(Role.BRIDGE);
    }
    return out;
  }

  Result judge(String v, String c, long t) {
    return judge(v, c, t, "");
  }

  Result judge(String v, String c, long t, String explanation) {
    long nv = world.numberOf(v);
    long nc = world.numberOf(c);
    Map<Kind, List<Piece>> pieces = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      pieces.put(k, new ArrayList<>());
    }
    boolean forward = holds(v, nc, t);
    boolean reverse = holds(c, nv, t);
    boolean forwardPre = forward && pre(v, c, t);
    boolean reversePre = reverse && pre(c, v, t);
    if (forward) {
      Kind k = reverse ? Kind.MUTUAL : Kind.FORWARD;
      pieces
          .get(k)
          .add(
              new Piece(
                  missing(k, v, c, null, t, roles(false, forwardPre, false)),
                  forwardPre,
                  recycled(c)));
    } else if (reverse) {
      pieces
          .get(Kind.REVERSE)
          .add(
              new Piece(
                  missing(Kind.REVERSE, v, c, null, t, roles(reversePre, false, false)),
                  reversePre,
                  recycled(v)));
    }
    Set<Long> numbers = new HashSet<>();
    world.accounts.forEach(a -> numbers.add(a.number()));
    world.entries.forEach(e -> numbers.add(e.number()));
    int shadow = 0;
    for (long x : numbers) {
      if (x == nv || x == nc || !holds(v, x, t) || !holds(c, x, t)) {
        continue;
      }
      String owner = ownerAt(x, t);
      if (owner == null) {
        shadow++;
        Set<String> m = missing(Kind.SHARED_CONTACT, v, c, null, t);
        m.removeIf(label -> label.startsWith("bridge."));
        m.add("bridge.shadow");
        pieces.get(Kind.SHARED_CONTACT).add(new Piece(m, false, false));
      } else {
        boolean p = pre(v, owner, t) || pre(c, owner, t);
        pieces
            .get(Kind.SHARED_CONTACT)
            .add(
                new Piece(
                    missing(Kind.SHARED_CONTACT, v, c, owner, t, roles(false, false, p)),
                    p,
                    recycled(owner)));
      }
    }
    for (World.Account w : world.accounts) {
      String id = w.id();
      if (id.equals(v) || id.equals(c)) {
        continue;
      }
      if (holds(id, nv, t) && holds(id, nc, t)) {
        boolean pv = pre(id, v, t);
        boolean pc = pre(id, c, t);
        pieces
            .get(Kind.CO_HOLDER)
            .add(
                new Piece(
                    missing(Kind.CO_HOLDER, v, c, id, t, roles(pv, pc, false)),
                    pv || pc,
                    recycled(v) || recycled(c)));
      }
      if (live(id, t) && holds(v, w.number(), t) && holds(id, nc, t)) {
        boolean pc = pre(id, c, t);
        pieces
            .get(Kind.CHAIN)
            .add(
                new Piece(
                    missing(Kind.CHAIN, v, c, id, t, roles(false, pc, false)), pc, recycled(c)));
      }
    }
    Map<Kind, Integer> ok = new EnumMap<>(Kind.class);
    Map<Kind, Integer> bad = new EnumMap<>(Kind.class);
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    int total = 0;
    int totalBad = 0;
    Kind primary = null;
    Set<String> primaryMissing = new HashSet<>();
    boolean primaryPre = false;
    boolean primaryRecycled = false;
    for (Kind k : Kind.values()) {
      int good = 0;
      int notGood = 0;
      for (Piece piece : pieces.get(k)) {
        if (piece.missing().isEmpty()) {
          good++;
        } else {
          notGood++;
          if (primary == null || primary == k) {
            primaryMissing.addAll(piece.missing());
            primaryPre |= piece.pre();
            primaryRecycled |= piece.recycled();
          }
        }
      }
      if (notGood > 0 && primary == null) {
        primary = k;
      }
      if (good + notGood > 0) {
        kinds.add(k);
      }
      ok.put(k, good);
      bad.put(k, notGood);
      total += good + notGood;
      totalBad += notGood;
    }
    Verdict verdict =
        total == 0
            ? Verdict.UNEXPLAINED
            : totalBad == 0 ? Verdict.OK : totalBad == total ? Verdict.LEAK : Verdict.AT_RISK;
    if (verdict == Verdict.UNEXPLAINED) {
      kinds = staleKinds(v, c, t);
      if (!kinds.isEmpty()) {
        verdict = Verdict.STALE;
        primary = kinds.iterator().next();
        primaryMissing = Set.of("entry.deleted");
      }
    }
    boolean reverseConsensual =
        reverse && missing(Kind.REVERSE, v, c, null, t, roles(reversePre, false, false)).isEmpty();
    return new Result(
        verdict,
        primary,
        primaryMissing,
        ok,
        bad,
        shadow,
        kinds,
        explain(explanation, ok, bad, forward, reverse, reverseConsensual),
        primaryPre && primary != null && verdict != Verdict.STALE,
        primaryRecycled && primary != null && verdict != Verdict.STALE);
  }

  /** The kinds found counting deleted uploads as still valid (accounts' deletions still count). */
  private Set<Kind> staleKinds(String v, String c, long t) {
    long nv = world.numberOf(v);
    long nc = world.numberOf(c);
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    boolean forward = holdsStale(v, nc, t);
    boolean reverse = holdsStale(c, nv, t);
    if (forward || reverse) {
      kinds.add(forward && reverse ? Kind.MUTUAL : forward ? Kind.FORWARD : Kind.REVERSE);
    }
    Set<Long> numbers = new HashSet<>();
    world.entries.forEach(e -> numbers.add(e.number()));
    for (long x : numbers) {
      if (x != nv && x != nc && holdsStale(v, x, t) && holdsStale(c, x, t)) {
        kinds.add(Kind.SHARED_CONTACT);
      }
    }
    for (World.Account w : world.accounts) {
      String id = w.id();
      if (id.equals(v) || id.equals(c)) {
        continue;
      }
      if (holdsStale(id, nv, t) && holdsStale(id, nc, t)) {
        kinds.add(Kind.CO_HOLDER);
      }
      if (live(id, t) && holdsStale(v, w.number(), t) && holdsStale(id, nc, t)) {
        kinds.add(Kind.CHAIN);
      }
    }
    return kinds;
  }

  /** The explanation's verdict, read off the table of docs/POLICY.md with strings. */
  private static ExplanationVerdict explain(
      String text,
      Map<Kind, Integer> ok,
      Map<Kind, Integer> bad,
      boolean forward,
      boolean reverse,
      boolean reverseConsensual) {
    String e = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (e.isEmpty()) {
      return null;
    }
    boolean supported;
    boolean isTrue;
    if (e.equals("in_contacts")) {
      supported = ok.get(Kind.FORWARD) + ok.get(Kind.MUTUAL) > 0;
      isTrue = forward;
    } else if (e.equals("has_your_number")) {
      supported = reverse && reverseConsensual;
      isTrue = reverse;
    } else if (e.equals("friend_of_friend")) {
      supported = ok.get(Kind.CHAIN) > 0;
      isTrue = ok.get(Kind.CHAIN) + bad.get(Kind.CHAIN) > 0;
    } else if (e.matches("mutual_contacts:[0-9]+")
        && new java.math.BigInteger(e.substring(16)).signum() > 0) {
      java.math.BigInteger n = new java.math.BigInteger(e.substring(16));
      supported = n.compareTo(java.math.BigInteger.valueOf(ok.get(Kind.SHARED_CONTACT))) <= 0;
      isTrue =
          n.compareTo(
                  java.math.BigInteger.valueOf(
                      ok.get(Kind.SHARED_CONTACT) + bad.get(Kind.SHARED_CONTACT)))
              <= 0;
    } else {
      return ExplanationVerdict.UNRECOGNIZED;
    }
    return supported
        ? ExplanationVerdict.SUPPORTED
        : isTrue ? ExplanationVerdict.DISCLOSES : ExplanationVerdict.FALSE;
  }

  /** The auditor's judgment in the reference's terms. */
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
        j.shadowSharedContacts(),
        j.kinds(),
        j.explanationVerdict().orElse(null),
        j.preRegistration(),
        j.recycledNumber());
  }
}
