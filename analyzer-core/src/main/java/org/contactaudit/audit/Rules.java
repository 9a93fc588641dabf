package org.contactaudit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.contactaudit.consent.ConsentLedger;

/**
 * The rules of docs/POLICY.md in one pure place: what consent a piece of evidence misses at an
 * instant, and the verdict on the evidence of a recommendation. Every engine (the single-machine
 * {@link Auditor}, the distributed job) finds evidence its own way and calls these rules, so they
 * cannot disagree.
 *
 * <p>A missing consent is a bit: bit {@code i} is the requirement {@code terms().get(i)}, in the
 * order viewer, candidate, bridge, then {@code bridge.shadow}. A piece is consensual when its mask
 * is zero. Consents are read through {@link ConsentStates}: one bit mask an account and instant, so
 * a bridge costs one memory access and a few mask tests. Immutable and thread-safe; every method is
 * allocation-free but {@link #decide}.
 *
 * <h2>Pre-registration</h2>
 *
 * Each kind asks {@code discoverable_by_phone} of the subjects whose numbers its entries hold: the
 * candidate for {@code FORWARD}, {@code MUTUAL} and {@code CHAIN}, the viewer for {@code REVERSE},
 * the bridge for {@code SHARED_CONTACT}, both for {@code CO_HOLDER}. When such an entry is
 * pre-registration (uploaded before its subject registered), the engine says so and that subject's
 * {@code discoverable_by_phone} counts only when granted as a user ({@link ConsentStates#AS_USER}).
 */
public final class Rules {
  private static final Kind[] KINDS = Kind.values();

  /** The missing consent of a {@code STALE} recommendation: it used a deleted entry. */
  public static final String DELETED_ENTRY = "entry.deleted";

  private static final List<String> STALE_MISSING = List.of(DELETED_ENTRY);

  /** Up to this many terms, the label lists of every mask are made once (1,024 by default). */
  private static final int CACHED_TERMS = 12;

  private final Policy policy;
  private final ConsentLedger ledger;
  private final boolean acceptDefault;
  private final List<String> terms;
  private final List<List<String>> labelsByMask;
  private final long shadowBit;
  private final ConsentStates states;

  /** Per kind and viewer or candidate requirement: the bit of its setting in viewer + candidate. */
  private final int[][] fixedGrantBit;

  private final long[][] fixedBit;
  private final int[][] bridgeGrantBit;
  private final int[] bridgeRequired;
  private final long[][] bridgeBit;

  /**
   * The bit of {@code discoverable_by_phone} in the grants, or -1 when the policy never reads it.
   */
  private final int subjectBit;

  /** Per kind: whether the viewer, the candidate, the bridge is a subject of its entries. */
  private final boolean[] viewerSubject;

  private final boolean[] candidateSubject;
  private final boolean[] bridgeSubject;

  private Rules(Policy policy, ConsentLedger ledger, IntToLongFunction registeredAt) {
    this.policy = policy;
    this.ledger = ledger;
    this.acceptDefault = policy.acceptDefaultConsent();
    List<Requirement> order = new ArrayList<>();
    for (Role role : Role.values()) {
      for (Kind kind : Kind.values()) {
        for (Requirement r : policy.requirements(kind)) {
          if (r.role() == role && !order.contains(r)) {
            order.add(r);
          }
        }
      }
    }
    order.add(Policy.SHADOW_BRIDGE);
    if (order.size() > Long.SIZE) {
      throw new IllegalArgumentException(
          "the policy names " + order.size() + " distinct requirements; at most 64 are supported");
    }
    List<String> labels = new ArrayList<>();
    order.forEach(r -> labels.add(r.label()));
    this.terms = List.copyOf(labels);
    this.labelsByMask = terms.size() <= CACHED_TERMS ? allLabels(terms.size()) : null;
    this.shadowBit = 1L << (order.size() - 1);

    // Every setting the policy reads gets one bit of the consent states.
    List<String> read = new ArrayList<>();
    for (Requirement r : order) {
      if (!r.equals(Policy.SHADOW_BRIDGE) && !read.contains(r.setting())) {
        read.add(r.setting());
      }
    }
    int[] ledgerSettings = new int[read.size()];
    for (int i = 0; i < ledgerSettings.length; i++) {
      ledgerSettings[i] = ledger.settingIndex(policy.settingName(read.get(i)));
    }
    this.subjectBit = read.indexOf(Policy.DISCOVERABLE_BY_PHONE);
    this.states =
        new ConsentStates(ledger, ledgerSettings, acceptDefault, subjectBit, registeredAt);
    int kindCount = Kind.values().length;
    viewerSubject = new boolean[kindCount];
    candidateSubject = new boolean[kindCount];
    bridgeSubject = new boolean[kindCount];
    viewerSubject[Kind.REVERSE.ordinal()] = true;
    viewerSubject[Kind.CO_HOLDER.ordinal()] = true;
    candidateSubject[Kind.FORWARD.ordinal()] = true;
    candidateSubject[Kind.MUTUAL.ordinal()] = true;
    candidateSubject[Kind.CHAIN.ordinal()] = true;
    candidateSubject[Kind.CO_HOLDER.ordinal()] = true;
    bridgeSubject[Kind.SHARED_CONTACT.ordinal()] = true;

    int kinds = Kind.values().length;
    fixedGrantBit = new int[kinds][];
    fixedBit = new long[kinds][];
    bridgeGrantBit = new int[kinds][];
    bridgeRequired = new int[kinds];
    bridgeBit = new long[kinds][];
    for (Kind kind : Kind.values()) {
      List<Requirement> fixed = new ArrayList<>();
      List<Requirement> bridge = new ArrayList<>();
      for (Requirement r : policy.requirements(kind)) {
        (r.role() == Role.BRIDGE ? bridge : fixed).add(r);
      }
      int k = kind.ordinal();
      fixedGrantBit[k] = new int[fixed.size()];
      fixedBit[k] = new long[fixed.size()];
      for (int i = 0; i < fixed.size(); i++) {
        Requirement r = fixed.get(i);
        fixedGrantBit[k][i] = read.indexOf(r.setting()) + (r.role() == Role.VIEWER ? 0 : 32);
        fixedBit[k][i] = 1L << order.indexOf(r);
      }
      bridgeGrantBit[k] = new int[bridge.size()];
      bridgeBit[k] = new long[bridge.size()];
      for (int i = 0; i < bridge.size(); i++) {
        Requirement r = bridge.get(i);
        bridgeGrantBit[k][i] = read.indexOf(r.setting());
        bridgeRequired[k] |= 1 << bridgeGrantBit[k][i];
        bridgeBit[k][i] = 1L << order.indexOf(r);
      }
    }
  }

  /**
   * The rules of a policy over the consents of a ledger.
   *
   * @param registeredAt when each account of the ledger registered ({@link
   *     org.contactaudit.time.Times#ALWAYS} when unknown): a subject's consent after a
   *     pre-registration upload counts only when given at or after it
   */
  public static Rules of(Policy policy, ConsentLedger ledger, IntToLongFunction registeredAt) {
    return new Rules(policy, ledger, registeredAt);
  }

  /** The policy these rules apply. */
  public Policy policy() {
    return policy;
  }

  /** The consent ledger these rules read. */
  public ConsentLedger ledger() {
    return ledger;
  }

  /** The requirement of each bit of a missing-consent mask, as {@code role.setting}. */
  public List<String> terms() {
    return terms;
  }

  /** The consents of viewer and candidate that a piece of {@code kind} misses at {@code t}. */
  public long fixedMissing(Kind kind, int viewer, int candidate, long t) {
    return fixedMissing(kind, states.at(viewer, t), states.at(candidate, t));
  }

  /**
   * The consents of viewer and candidate that a piece of {@code kind} misses at {@code t}, when the
   * piece's entry holding the viewer's (candidate's) number is pre-registration: then that
   * subject's {@code discoverable_by_phone} counts only when granted as a user. A flag for a role
   * that is no subject of {@code kind} changes nothing.
   */
  public long fixedMissing(
      Kind kind, int viewer, int candidate, long t, boolean viewerPre, boolean candidatePre) {
    return fixedMissing(
        kind,
        subjectGrants(kind, Role.VIEWER, states.at(viewer, t), viewerPre),
        subjectGrants(kind, Role.CANDIDATE, states.at(candidate, t), candidatePre));
  }

  /**
   * The consents of a bridge that a piece of {@code kind} misses at {@code t}.
   *
   * @param bridge the bridge's account (for a shared contact, the owner of the number), or {@code
   *     -1} for a shadow number, which misses {@code bridge.shadow} and nothing else
   */
  public long bridgeMissing(Kind kind, int bridge, long t) {
    return bridge < 0 ? shadowBit : bridgeMissing(kind, states.at(bridge, t));
  }

  /**
   * {@link #bridgeMissing(Kind, int, long)} when the piece's entry holding the bridge's number is
   * pre-registration (a shared contact's owner as subject).
   */
  public long bridgeMissing(Kind kind, int bridge, long t, boolean bridgePre) {
    return bridge < 0
        ? shadowBit
        : bridgeMissing(kind, subjectGrants(kind, Role.BRIDGE, states.at(bridge, t), bridgePre));
  }

  /**
   * The grants of {@code role} as a piece of {@code kind} reads them: with {@code pre} and the role
   * a subject of the kind, {@code discoverable_by_phone} only when granted as a user.
   */
  int subjectGrants(Kind kind, Role role, int grants, boolean pre) {
    if (!pre || subjectBit < 0 || !isSubject(kind, role)) {
      return grants;
    }
    return grants & ~(1 << subjectBit) | (grants >>> ConsentStates.AS_USER & 1) << subjectBit;
  }

  /**
   * A shared contact's owner's grants as a piece reads them, without a branch: with {@code pre} 1
   * (an entry of the piece is pre-registration), {@code discoverable_by_phone} only when granted as
   * a user; with 0, as they are.
   */
  int subjectGrants(int grants, int pre) {
    if (subjectBit < 0) {
      return grants;
    }
    int asUser = grants >>> ConsentStates.AS_USER & 1;
    // pre = 1: the subject bit becomes the as-user bit; pre = 0: it stays
    int bit = grants >>> subjectBit & 1;
    return grants & ~(1 << subjectBit) | (bit & (asUser | (pre ^ 1))) << subjectBit;
  }

  /** Whether {@code role} is a subject of an entry of {@code kind}. */
  boolean isSubject(Kind kind, Role role) {
    int k = kind.ordinal();
    return switch (role) {
      case VIEWER -> viewerSubject[k];
      case CANDIDATE -> candidateSubject[k];
      case BRIDGE -> bridgeSubject[k];
    };
  }

  /**
   * Whether a pre-registration entry could change what a subject with these grants misses: its
   * {@code discoverable_by_phone} is granted, but not as a user.
   */
  boolean preRegistrationMatters(int grants) {
    return subjectBit >= 0
        && (grants >>> subjectBit & 1) != 0
        && (grants >>> ConsentStates.AS_USER & 1) == 0;
  }

  /**
   * The consent states these rules read: {@link ConsentStates#at} gives the settings an account
   * grants at an instant, as the bits {@link #fixedMissing(Kind, int, int)} and {@link
   * #bridgeMissing(Kind, int)} read, one lookup an account and judgment.
   */
  ConsentStates states() {
    return states;
  }

  /** The {@code bridge.shadow} bit: what a shadow number misses. */
  long shadowMissing() {
    return shadowBit;
  }

  /**
   * {@link #fixedMissing(Kind, int, int, long)} from the viewer's and candidate's grants, without a
   * branch on them: a requirement's bit survives the mask {@code grantBit - 1} only when its grant
   * bit is zero.
   */
  long fixedMissing(Kind kind, int viewerGrants, int candidateGrants) {
    int k = kind.ordinal();
    int[] grantBits = fixedGrantBit[k];
    long[] bits = fixedBit[k];
    long grants = (viewerGrants & 0xFFFF_FFFFL) | (long) candidateGrants << 32;
    long missing = 0;
    for (int i = 0; i < grantBits.length; i++) {
      missing |= bits[i] & (((grants >>> grantBits[i]) & 1) - 1);
    }
    return missing;
  }

  /** The grants a bridge of {@code kind} must have, as the bits of {@link #states()}. */
  int bridgeRequires(Kind kind) {
    return bridgeRequired[kind.ordinal()];
  }

  /** {@link #bridgeMissing(Kind, int, long)} for a bridge account from its grants, branch-free. */
  long bridgeMissing(Kind kind, int bridgeGrants) {
    int k = kind.ordinal();
    int[] grantBits = bridgeGrantBit[k];
    long[] bits = bridgeBit[k];
    long missing = 0;
    for (int i = 0; i < grantBits.length; i++) {
      missing |= bits[i] & (((bridgeGrants >>> grantBits[i]) & 1L) - 1);
    }
    return missing;
  }

  /** Whether an account grants a logical setting at {@code t} under this policy. */
  public boolean granted(int account, String logicalSetting, long t) {
    int s = ledger.settingIndex(policy.settingName(logicalSetting));
    return ledger.granted(account, s, t, acceptDefault);
  }

  /**
   * The verdict on the evidence in {@code tally}: {@code UNEXPLAINED} without evidence, {@code OK}
   * when every piece is consensual, {@code LEAK} when none is, {@code AT_RISK} otherwise; the
   * primary kind is the most severe with non-consensual evidence, and its missing consents the
   * union over its non-consensual pieces. Without evidence but with kinds found counting deleted
   * entries ({@link EvidenceTally#addStale}), {@code STALE}: the primary kind is the most severe of
   * those, the missing consent {@value #DELETED_ENTRY}. The explanation's verdict is read off the
   * same evidence; it never changes the recommendation's verdict.
   */
  public Judgment decide(int viewer, int candidate, long t, EvidenceTally tally) {
    int[] counts = tally.counts;
    int kinds = EvidenceTally.KIND_COUNT;
    long consensualPieces = 0;
    long nonConsensualPieces = 0;
    int primary = -1;
    int found = 0;
    for (int k = kinds - 1; k >= 0; k--) {
      consensualPieces += counts[k];
      nonConsensualPieces += counts[kinds + k];
      primary = counts[kinds + k] > 0 ? k : primary;
      found |= counts[k] + counts[kinds + k] > 0 ? 1 << k : 0;
    }
    Verdict verdict;
    List<String> missing;
    if (consensualPieces + nonConsensualPieces == 0) {
      found = tally.staleKinds;
      verdict = found == 0 ? Verdict.UNEXPLAINED : Verdict.STALE;
      primary = found == 0 ? -1 : Integer.numberOfTrailingZeros(found);
      missing = found == 0 ? List.of() : STALE_MISSING;
    } else {
      if (nonConsensualPieces == 0) {
        verdict = Verdict.OK;
      } else if (consensualPieces == 0) {
        verdict = Verdict.LEAK;
      } else {
        verdict = Verdict.AT_RISK;
      }
      missing = primary < 0 ? List.of() : labels(tally.missing[primary]);
    }
    boolean leaking = verdict == Verdict.LEAK || verdict == Verdict.AT_RISK;
    return new Judgment(
        viewer,
        candidate,
        t,
        verdict,
        primary < 0 ? null : KINDS[primary],
        missing,
        counts.clone(),
        tally.shadowSharedContacts,
        found,
        Explanation.verdict(tally.explanation, counts, tally.reverseHeld, tally.reverseConsensual),
        leaking && (tally.preRegistration >>> primary & 1) != 0,
        leaking && (tally.recycled >>> primary & 1) != 0);
  }

  /** The labels of the bits of a mask, in term order. */
  public List<String> labels(long mask) {
    if (labelsByMask != null && mask >= 0 && mask < labelsByMask.size()) {
      return labelsByMask.get((int) mask);
    }
    return computeLabels(mask);
  }

  /**
   * The labels of every mask of {@code n} terms, made once so that judging allocates no label list.
   */
  private List<List<String>> allLabels(int n) {
    List<List<String>> all = new ArrayList<>(1 << n);
    for (long mask = 0; mask < 1L << n; mask++) {
      all.add(computeLabels(mask));
    }
    return List.copyOf(all);
  }

  private List<String> computeLabels(long mask) {
    List<String> out = new ArrayList<>(Long.bitCount(mask));
    for (long m = mask; m != 0; m &= m - 1) {
      out.add(terms.get(Long.numberOfTrailingZeros(m)));
    }
    return List.copyOf(out);
  }
}
