package org.contactaudit.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.EvidenceFinder;
import org.contactaudit.graph.IdBuffer;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.Recommendations;
import org.contactaudit.time.Times;

/**
 * Judges recommendations on a frozen graph and consent ledger: the single-machine engine. It finds
 * all the evidence of a recommendation in one pass of an {@link EvidenceFinder} (mark one side's
 * phonebook and holders in bit sets, probe the other side's) and asks {@link Rules} about consent:
 * one lookup of the viewer's, the candidate's and each bridge's consents.
 *
 * <p>Built once, thread-safe, allocation-free per bridge: each thread reuses its own finder. A
 * judgment costs {@code O(d)} for phonebooks and holder lists of size {@code d}, and allocates only
 * the {@link Judgment}. {@link #isConsensual} answers the consent-safe question with no allocation.
 * A viewer's list of suggestions judged one after the other on one thread marks the viewer once
 * (see {@link EvidenceFinder}): a recommendation service filtering a list should do so, and an
 * export sorted by viewer and time is judged faster.
 *
 * <pre>{@code
 * Auditor auditor = Auditor.of(input.graph(), input.consents(), Policy.defaults());
 * Judgment j = auditor.judge("alice", "bob", Instant.parse("2020-06-01T10:00:00Z"));
 * }</pre>
 */
public final class Auditor {
  private static final int CHUNK = 1 << 16;

  private final ContactGraph graph;
  private final Rules rules;
  private final ConsentStates states;
  private final boolean timed;
  private final ThreadLocal<Scratch> scratch;

  private Auditor(ContactGraph graph, Rules rules) {
    this.graph = graph;
    this.rules = rules;
    this.states = rules.states();
    this.timed = graph.isTimed();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(graph.newEvidenceFinder()));
  }

  /**
   * An auditor over a graph and its consents under a policy.
   *
   * @throws IllegalArgumentException when the ledger does not cover the graph's accounts
   */
  public static Auditor of(ContactGraph graph, ConsentLedger consents, Policy policy) {
    if (consents.accountCount() != graph.accountCount()) {
      throw new IllegalArgumentException(
          "the consent ledger covers "
              + consents.accountCount()
              + " accounts and the graph "
              + graph.accountCount());
    }
    return new Auditor(graph, Rules.of(policy, consents, graph::registeredAt));
  }

  /** The graph judged on. */
  public ContactGraph graph() {
    return graph;
  }

  /** The rules applied. */
  public Rules rules() {
    return rules;
  }

  /**
   * Judges "{@code viewerId} was shown {@code candidateId} at {@code shownAt}".
   *
   * @throws UnknownAccountException naming an id the graph does not know, or an account that does
   *     not exist at {@code shownAt}
   * @throws IllegalArgumentException when viewer and candidate are the same account
   */
  public Judgment judge(String viewerId, String candidateId, Instant shownAt) {
    return judge(viewerId, candidateId, shownAt, null);
  }

  /**
   * Judges "{@code viewerId} was shown {@code candidateId} at {@code shownAt} with the explanation
   * {@code explanation}" ({@code in_contacts}, {@code mutual_contacts:3}, ...; null or empty for
   * none): the judgment also says whether the explanation was true and consensual.
   *
   * @throws UnknownAccountException naming an id the graph does not know, or an account that does
   *     not exist at {@code shownAt}
   * @throws IllegalArgumentException when viewer and candidate are the same account
   */
  public Judgment judge(String viewerId, String candidateId, Instant shownAt, String explanation) {
    long t = shownAt.toEpochMilli();
    return judge(account(viewerId), account(candidateId), t, explanation);
  }

  /**
   * Judges "{@code viewer} was shown {@code candidate} at {@code t}" by account ids.
   *
   * @throws UnknownAccountException for an id out of range or an account not live at {@code t}
   * @throws IllegalArgumentException when viewer and candidate are the same account
   */
  public Judgment judge(int viewer, int candidate, long t) {
    return judge(viewer, candidate, t, null);
  }

  /**
   * Judges "{@code viewer} was shown {@code candidate} at {@code t} with {@code explanation}" by
   * account ids.
   *
   * @throws UnknownAccountException for an id out of range or an account not live at {@code t}
   * @throws IllegalArgumentException when viewer and candidate are the same account
   */
  public Judgment judge(int viewer, int candidate, long t, String explanation) {
    check(viewer, candidate, t);
    Scratch s = scratch.get();
    s.tally.reset();
    s.tally.explanation(explanation);
    gather(viewer, candidate, t, s, false);
    return rules.decide(viewer, candidate, t, s.tally);
  }

  /**
   * The consent-safe filter: whether showing {@code candidateId} to {@code viewerId} at {@code t}
   * discloses nothing without consent, that is whether no piece of evidence is non-consensual
   * (verdict {@code OK}, or {@code UNEXPLAINED}: a suggestion the contact graph does not explain
   * discloses none of it). A suggestion explained only by deleted entries ({@code STALE}) is not
   * consensual.
   */
  public boolean isConsensual(String viewerId, String candidateId, Instant t) {
    long millis = t.toEpochMilli();
    return isConsensual(account(viewerId), account(candidateId), millis);
  }

  /** The consent-safe filter by account ids; allocation-free. */
  public boolean isConsensual(int viewer, int candidate, long t) {
    check(viewer, candidate, t);
    Scratch s = scratch.get();
    s.tally.reset();
    return !gather(viewer, candidate, t, s, true);
  }

  /**
   * Judges many recommendations in parallel and returns the judgments in their order.
   *
   * @param times the instant of each, in epoch milliseconds
   */
  public List<Judgment> judgeAll(int[] viewers, int[] candidates, long[] times) {
    if (viewers.length != candidates.length || viewers.length != times.length) {
      throw new IllegalArgumentException("viewers, candidates and times differ in length");
    }
    Judgment[] out = new Judgment[viewers.length];
    IntStream.range(0, out.length)
        .parallel()
        .forEach(i -> out[i] = judge(viewers[i], candidates[i], times[i]));
    return Arrays.asList(out);
  }

  /**
   * Judges every accepted recommendation of a run on {@code threads} threads, handing the judgments
   * to {@code sink} in input order, a chunk at a time, on the calling thread: while the sink takes
   * one chunk, the threads judge the next (memory stays bounded whatever the input: two chunks of
   * judgments). Recommendations without {@code shown_at} are judged at the run's as-of time.
   *
   * @throws RuntimeException what the sink throws, as it threw it, once the chunk being judged is
   *     done
   */
  public void judgeAll(AuditInput input, int threads, Consumer<Judgment> sink) {
    judgeAll(input, threads, sink, CHUNK);
  }

  /** {@link #judgeAll(AuditInput, int, Consumer)} in chunks of {@code chunk} recommendations. */
  void judgeAll(AuditInput input, int threads, Consumer<Judgment> sink, int chunk) {
    int size = input.recommendations().size();
    if (size == 0) {
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    Judgment[][] buffers = {new Judgment[Math.min(chunk, size)], new Judgment[0]};
    if (size > chunk) {
      buffers[1] = new Judgment[chunk];
    }
    Future<?> judging = null;
    try {
      judging = judgeChunk(pool, input, 0, Math.min(chunk, size), buffers[0]);
      for (int start = 0, k = 0; start < size; start += chunk, k ^= 1) {
        await(judging);
        int n = Math.min(chunk, size - start);
        int next = start + chunk;
        judging =
            next < size
                ? judgeChunk(pool, input, next, Math.min(chunk, size - next), buffers[k ^ 1])
                : null;
        Judgment[] judged = buffers[k];
        for (int i = 0; i < n; i++) {
          sink.accept(judged[i]);
        }
      }
    } finally {
      if (judging != null) {
        judging.cancel(false);
      }
      pool.shutdown();
      if (judging != null) {
        // the sink or a judgment failed: the chunk being judged ends before this returns
        awaitTermination(pool);
      }
    }
  }

  /** Starts judging recommendations {@code [from, from + n)} into {@code out} on the pool. */
  private Future<?> judgeChunk(
      ForkJoinPool pool, AuditInput input, int from, int n, Judgment[] out) {
    Recommendations recs = input.recommendations();
    return pool.submit(
        () ->
            IntStream.range(0, n)
                .parallel()
                .forEach(
                    i ->
                        out[i] =
                            judge(
                                recs.viewer(from + i),
                                recs.candidate(from + i),
                                input.judgedAt(from + i),
                                recs.explanation(from + i))));
  }

  private static void awaitTermination(ForkJoinPool pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(Future<?> judging) {
    try {
      judging.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("judging was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("judging failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Judges every accepted recommendation of a run and returns the judgments in input order. */
  public List<Judgment> judgeAll(AuditInput input, int threads) {
    List<Judgment> out = new ArrayList<>(input.recommendations().size());
    judgeAll(input, threads, out::add);
    return out;
  }

  // ---- evidence

  /**
   * Finds every piece of evidence and adds it to the scratch tally; without any, the kinds found
   * counting deleted entries. Then notes whether the primary kind's non-consensual pieces have a
   * pre-registration entry or a recycled number.
   *
   * @return whether a non-consensual piece was found (with {@code stopEarly}, found first); a
   *     recommendation explained only by deleted entries counts as one
   */
  private boolean gather(int v, int c, long t, Scratch s, boolean stopEarly) {
    // Read before the search, so that on a large graph these two cache misses overlap its own.
    int viewerGrants = states.at(v, t);
    int candidateGrants = states.at(c, t);
    EvidenceFinder found = s.finder;
    EvidenceTally tally = s.tally;
    if (!found.find(v, c, t)) {
      if (graph.hasDeletedEntries() && found.findStale(v, c, t)) {
        if (!stopEarly) {
          addStaleKinds(found, tally);
        }
        return true;
      }
      return false;
    }
    if (found.forward() || found.reverse()) {
      Kind kind =
          found.forward() && found.reverse()
              ? Kind.MUTUAL
              : found.forward() ? Kind.FORWARD : Kind.REVERSE;
      long missing = direct(kind, found, viewerGrants, candidateGrants);
      tally.add(kind, missing);
      if (stopEarly && missing != 0) {
        return true;
      }
      if (found.reverse() && tally.asksReverse()) {
        long reverse =
            kind == Kind.REVERSE
                ? missing
                : direct(Kind.REVERSE, found, viewerGrants, candidateGrants);
        tally.reverseEntry(reverse == 0);
      }
    }
    if (bridged(Kind.SHARED_CONTACT, found, viewerGrants, candidateGrants, t, s) && stopEarly) {
      return true;
    }
    if (bridged(Kind.CHAIN, found, viewerGrants, candidateGrants, t, s) && stopEarly) {
      return true;
    }
    bridged(Kind.CO_HOLDER, found, viewerGrants, candidateGrants, t, s);
    if (!stopEarly && graph.hasRecycledOrPreRegistration()) {
      annotate(v, c, t, viewerGrants, candidateGrants, s);
    }
    return tally.anyNonConsensual();
  }

  /**
   * What the direct piece of {@code kind} misses: its entry is the viewer's (holding the
   * candidate's number) for {@code FORWARD} and {@code MUTUAL}, the candidate's for {@code
   * REVERSE}, and its subject is the account whose number it holds.
   */
  private long direct(Kind kind, EvidenceFinder found, int vGrants, int cGrants) {
    boolean reverse = kind == Kind.REVERSE;
    if (rules.preRegistrationMatters(reverse ? vGrants : cGrants)
        && (reverse ? found.reversePre() : found.forwardPre())) {
      vGrants = rules.subjectGrants(kind, Role.VIEWER, vGrants, true);
      cGrants = rules.subjectGrants(kind, Role.CANDIDATE, cGrants, true);
    }
    return rules.fixedMissing(kind, vGrants, cGrants);
  }

  private static void addStaleKinds(EvidenceFinder found, EvidenceTally tally) {
    if (found.forward() || found.reverse()) {
      tally.addStale(
          found.forward() && found.reverse()
              ? Kind.MUTUAL
              : found.forward() ? Kind.FORWARD : Kind.REVERSE);
    }
    if (found.sharedContacts().size() > 0) {
      tally.addStale(Kind.SHARED_CONTACT);
    }
    if (found.chains().size() > 0) {
      tally.addStale(Kind.CHAIN);
    }
    if (found.coHolders().size() > 0) {
      tally.addStale(Kind.CO_HOLDER);
    }
  }

  private static IdBuffer bridges(Kind kind, EvidenceFinder found) {
    return kind == Kind.SHARED_CONTACT
        ? found.sharedContacts()
        : kind == Kind.CHAIN ? found.chains() : found.coHolders();
  }

  /**
   * Adds the pieces of one bridged kind to the tally: each bridge's missing consents are those of
   * the kind's viewer and candidate requirements, plus its own (a shared contact that is a shadow
   * number misses {@code bridge.shadow}). A bridge misses a setting when it does not grant it, so
   * the union of what the bridges miss is what the intersection of their grants lacks: the loop
   * only intersects grants and counts the bridges lacking a required one. A shared contact whose
   * owner grants {@code discoverable_by_phone} but not as a user is tested for pre-registration;
   * when the viewer's or the candidate's could be missed that way (a chain's or co-holder's entries
   * hold their numbers), the bridges are counted in groups ({@link #bridgedByEntries}).
   *
   * @return whether any of them is not consensual
   */
  private boolean bridged(
      Kind kind, EvidenceFinder found, int viewerGrants, int candidateGrants, long t, Scratch s) {
    IdBuffer bridges = bridges(kind, found);
    int n = bridges.size();
    if (n == 0) {
      return false;
    }
    int minute = Times.minuteKey(t);
    boolean viewerPre =
        kind == Kind.CO_HOLDER
            && graph.hasPreRegistration()
            && rules.preRegistrationMatters(viewerGrants);
    boolean candidatePre =
        kind != Kind.SHARED_CONTACT
            && graph.hasPreRegistration()
            && rules.preRegistrationMatters(candidateGrants);
    if (viewerPre || candidatePre) {
      return bridgedByEntries(
          kind, found, viewerPre, candidatePre, viewerGrants, candidateGrants, t, s);
    }
    int accounts = graph.accountCount();
    int required = rules.bridgeRequires(kind);
    boolean sharedPre = kind == Kind.SHARED_CONTACT && graph.hasPreRegistration();
    int common = -1;
    int lacking = 0;
    int shadows = 0;
    int i = 0;
    // Bridges are increasing: accounts' numbers first, then shadow numbers (shared contacts only).
    for (; i < n; i++) {
      int bridge = bridges.get(i);
      if (bridge >= accounts) {
        break;
      }
      if (timed && !graph.isLive(bridge, t)) {
        // a deleted or not yet registered account's number is a shadow number then
        shadows++;
        continue;
      }
      int grants = states.at(bridge, t, minute);
      if (sharedPre) {
        // branch-free: the owner's consent counts as a user's only when an entry predates it
        grants = rules.subjectGrants(grants, found.sharedPreBit(i));
      }
      common &= grants;
      lacking += (grants & required) != required ? 1 : 0;
    }
    shadows += n - i;
    long fixed = rules.fixedMissing(kind, viewerGrants, candidateGrants);
    int nonConsensual = fixed != 0 ? n : lacking + shadows;
    long missing =
        (nonConsensual > 0 ? fixed : 0)
            | rules.bridgeMissing(kind, common)
            | (shadows > 0 ? rules.shadowMissing() : 0);
    s.tally.add(kind, n - nonConsensual, nonConsensual, missing);
    s.tally.addShadowSharedContacts(shadows);
    return nonConsensual > 0;
  }

  /**
   * {@link #bridged} for a chain or co-holder when a pre-registration entry could change what the
   * viewer's or the candidate's consent gives: the bridges fall into up to four groups by which of
   * their entries (holding the viewer's, the candidate's number) are pre-registration, each group
   * with its own viewer and candidate requirements, and each group is counted like {@link #bridged}
   * counts all.
   */
  private boolean bridgedByEntries(
      Kind kind,
      EvidenceFinder found,
      boolean viewerPre,
      boolean candidatePre,
      int viewerGrants,
      int candidateGrants,
      long t,
      Scratch s) {
    IdBuffer bridges = bridges(kind, found);
    int n = bridges.size();
    int minute = Times.minuteKey(t);
    int required = rules.bridgeRequires(kind);
    int[] common = s.common;
    int[] lacking = s.lacking;
    int[] count = s.count;
    Arrays.fill(common, -1);
    Arrays.fill(lacking, 0);
    Arrays.fill(count, 0);
    for (int i = 0; i < n; i++) {
      int grants = states.at(bridges.get(i), t, minute);
      // branch-free: whether an entry is pre-registration follows no pattern
      int group =
          (viewerPre ? found.coHolderPreBit(i, false) : 0)
              | (candidatePre
                      ? (kind == Kind.CHAIN ? found.chainPreBit(i) : found.coHolderPreBit(i, true))
                      : 0)
                  << 1;
      common[group] &= grants;
      lacking[group] += (grants & required) != required ? 1 : 0;
      count[group]++;
    }
    long missing = 0;
    int nonConsensual = 0;
    for (int group = 0; group < 4; group++) {
      if (count[group] == 0) {
        continue;
      }
      long fixed =
          rules.fixedMissing(
              kind,
              rules.subjectGrants(kind, Role.VIEWER, viewerGrants, (group & 1) != 0),
              rules.subjectGrants(kind, Role.CANDIDATE, candidateGrants, (group & 2) != 0));
      int bad = fixed != 0 ? count[group] : lacking[group];
      nonConsensual += bad;
      missing |= (bad > 0 ? fixed : 0) | rules.bridgeMissing(kind, common[group]);
    }
    s.tally.add(kind, n - nonConsensual, nonConsensual, missing);
    return nonConsensual > 0;
  }

  /** What bridge {@code i} of a bridged kind misses, its entries tested for pre-registration. */
  private long pieceMissing(
      Kind kind, EvidenceFinder found, int i, int vGrants, int cGrants, long t, int minute) {
    int bridge = bridges(kind, found).get(i);
    if (kind == Kind.SHARED_CONTACT
        && (bridge >= graph.accountCount() || !graph.isLive(bridge, t))) {
      return rules.fixedMissing(kind, vGrants, cGrants) | rules.shadowMissing();
    }
    int bGrants = states.at(bridge, t, minute);
    boolean vPre =
        kind == Kind.CO_HOLDER
            && rules.preRegistrationMatters(vGrants)
            && found.coHolderPre(i, false);
    boolean cPre =
        kind != Kind.SHARED_CONTACT
            && rules.preRegistrationMatters(cGrants)
            && (kind == Kind.CHAIN ? found.chainPre(i) : found.coHolderPre(i, true));
    boolean bPre =
        kind == Kind.SHARED_CONTACT && rules.preRegistrationMatters(bGrants) && found.sharedPre(i);
    return rules.fixedMissing(
            kind,
            rules.subjectGrants(kind, Role.VIEWER, vGrants, vPre),
            rules.subjectGrants(kind, Role.CANDIDATE, cGrants, cPre))
        | rules.bridgeMissing(kind, rules.subjectGrants(kind, Role.BRIDGE, bGrants, bPre));
  }

  /**
   * Notes whether a non-consensual piece of the primary kind has a pre-registration entry, and
   * whether one has an entry holding a recycled number (its subject's). Only the primary kind's
   * pieces are read; each piece's bits are tested before its consents, which are read only for a
   * piece that would add a note.
   */
  private void annotate(int v, int c, long t, int vGrants, int cGrants, Scratch s) {
    EvidenceTally tally = s.tally;
    Kind kind = tally.primaryKind();
    if (kind == null) {
      return;
    }
    EvidenceFinder found = s.finder;
    switch (kind) {
      case FORWARD, MUTUAL -> note(kind, found.forwardPre(), graph.isRecycled(c), tally);
      case REVERSE -> note(kind, found.reversePre(), graph.isRecycled(v), tally);
      default -> {
        IdBuffer bridges = bridges(kind, found);
        int minute = Times.minuteKey(t);
        int accounts = graph.accountCount();
        boolean subjectsRecycled =
            kind != Kind.SHARED_CONTACT
                && (graph.isRecycled(c) || (kind == Kind.CO_HOLDER && graph.isRecycled(v)));
        for (int i = 0, n = bridges.size(); i < n; i++) {
          int b = bridges.get(i);
          boolean pre;
          boolean recycled;
          if (kind == Kind.SHARED_CONTACT) {
            if (b >= accounts || !graph.isLive(b, t)) {
              continue; // a shadow number has no subject
            }
            pre = found.sharedPre(i);
            recycled = graph.isRecycled(b);
          } else if (kind == Kind.CHAIN) {
            pre = found.chainPre(i);
            recycled = subjectsRecycled;
          } else {
            pre = found.coHolderPre(i, false) || found.coHolderPre(i, true);
            recycled = subjectsRecycled;
          }
          boolean adds =
              (pre && !tally.preRegistrationNoted(kind))
                  || (recycled && !tally.recycledNoted(kind));
          if (adds && pieceMissing(kind, found, i, vGrants, cGrants, t, minute) != 0) {
            note(kind, pre, recycled, tally);
            if (tally.preRegistrationNoted(kind)
                && (tally.recycledNoted(kind) || !graph.hasRecycledNumbers())) {
              return;
            }
          }
        }
      }
    }
  }

  private static void note(Kind kind, boolean preRegistration, boolean recycled, EvidenceTally t) {
    if (preRegistration) {
      t.markPreRegistration(kind);
    }
    if (recycled) {
      t.markRecycled(kind);
    }
  }

  private void check(int viewer, int candidate, long t) {
    checkAccount(viewer, t);
    checkAccount(candidate, t);
    if (viewer == candidate) {
      throw new IllegalArgumentException(
          "viewer and candidate are the same account '" + graph.accountId(viewer) + "'");
    }
  }

  private void checkAccount(int account, long t) {
    if (account < 0 || account >= graph.accountCount()) {
      throw new UnknownAccountException(
          Integer.toString(account),
          "account index " + account + " is not in the graph of " + graph.accountCount());
    }
    if (!graph.isLive(account, t)) {
      String id = graph.accountId(account);
      throw new UnknownAccountException(
          id, "account '" + id + "' does not exist at " + Times.format(t));
    }
  }

  private int account(String id) {
    int account = graph.accountIndex(id);
    if (account < 0) {
      throw new UnknownAccountException(id, "account '" + id + "' is not in the graph");
    }
    return account;
  }

  /** The finder and tally one thread reuses. */
  private static final class Scratch {
    final EvidenceFinder finder;
    final EvidenceTally tally = new EvidenceTally();

    /** Per group of {@link #bridgedByEntries}: the common grants, the bridges lacking, all. */
    final int[] common = new int[4];

    final int[] lacking = new int[4];
    final int[] count = new int[4];

    Scratch(EvidenceFinder finder) {
      this.finder = finder;
    }
  }
}
