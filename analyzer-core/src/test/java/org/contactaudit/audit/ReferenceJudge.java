package org.contactaudit.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately naive judge written from SPEC section 4 with sets and loops over a {@link World}:
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
      int shadowShared) {}

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
        && (!latest.byDefault() || policy.acceptDefaultConsent());
  }

  private Set<String> missing(Kind kind, String v, String c, String bridge, long t) {
    Set<String> out = new LinkedHashSet<>();
    for (Requirement r : policy.requirements(kind)) {
      String who = r.role() == Role.VIEWER ? v : r.role() == Role.CANDIDATE ? c : bridge;
      if (!granted(who, r.setting(), t)) {
        out.add(r.label());
      }
    }
    return out;
  }

  Result judge(String v, String c, long t) {
    long nv = world.numberOf(v);
    long nc = world.numberOf(c);
    Map<Kind, List<Set<String>>> pieces = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      pieces.put(k, new ArrayList<>());
    }
    boolean forward = holds(v, nc, t);
    boolean reverse = holds(c, nv, t);
    if (forward && reverse) {
      pieces.get(Kind.MUTUAL).add(missing(Kind.MUTUAL, v, c, null, t));
    } else if (forward) {
      pieces.get(Kind.FORWARD).add(missing(Kind.FORWARD, v, c, null, t));
    } else if (reverse) {
      pieces.get(Kind.REVERSE).add(missing(Kind.REVERSE, v, c, null, t));
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
        pieces.get(Kind.SHARED_CONTACT).add(m);
      } else {
        pieces.get(Kind.SHARED_CONTACT).add(missing(Kind.SHARED_CONTACT, v, c, owner, t));
      }
    }
    for (World.Account w : world.accounts) {
      String id = w.id();
      if (id.equals(v) || id.equals(c)) {
        continue;
      }
      if (holds(id, nv, t) && holds(id, nc, t)) {
        pieces.get(Kind.CO_HOLDER).add(missing(Kind.CO_HOLDER, v, c, id, t));
      }
      if (live(id, t) && holds(v, w.number(), t) && holds(id, nc, t)) {
        pieces.get(Kind.CHAIN).add(missing(Kind.CHAIN, v, c, id, t));
      }
    }
    Map<Kind, Integer> ok = new EnumMap<>(Kind.class);
    Map<Kind, Integer> bad = new EnumMap<>(Kind.class);
    int total = 0;
    int totalBad = 0;
    Kind primary = null;
    Set<String> primaryMissing = new HashSet<>();
    for (Kind k : Kind.values()) {
      int good = 0;
      int notGood = 0;
      for (Set<String> m : pieces.get(k)) {
        if (m.isEmpty()) {
          good++;
        } else {
          notGood++;
          if (primary == null || primary == k) {
            primaryMissing.addAll(m);
          }
        }
      }
      if (notGood > 0 && primary == null) {
        primary = k;
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
    return new Result(verdict, primary, primaryMissing, ok, bad, shadow);
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
        j.shadowSharedContacts());
  }
}
