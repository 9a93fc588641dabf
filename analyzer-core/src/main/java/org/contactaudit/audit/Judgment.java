package org.contactaudit.audit;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;

/**
 * The verdict on one recommendation: viewer {@code V} shown candidate {@code C} at {@code at}, with
 * the evidence behind it. Immutable; equal when every field is.
 */
public final class Judgment {
  private final int viewer;
  private final int candidate;
  private final long at;
  private final Verdict verdict;
  private final Kind primaryKind;
  private final List<String> missingConsents;

  /** Per kind: consensual pieces at its ordinal, non-consensual ones after all kinds'. */
  private final int[] counts;

  private final int shadowSharedContacts;

  /**
   * The kinds of evidence, bits by ordinal: from {@link #counts}, or for STALE those found then.
   */
  private final int kinds;

  private final ExplanationVerdict explanationVerdict;
  private final boolean preRegistration;
  private final boolean recycledNumber;

  Judgment(
      int viewer,
      int candidate,
      long at,
      Verdict verdict,
      Kind primaryKind,
      List<String> missingConsents,
      int[] counts,
      int shadowSharedContacts,
      int kinds,
      ExplanationVerdict explanationVerdict,
      boolean preRegistration,
      boolean recycledNumber) {
    this.viewer = viewer;
    this.candidate = candidate;
    this.at = at;
    this.verdict = verdict;
    this.primaryKind = primaryKind;
    this.missingConsents = missingConsents;
    this.counts = counts;
    this.shadowSharedContacts = shadowSharedContacts;
    this.kinds = kinds;
    this.explanationVerdict = explanationVerdict;
    this.preRegistration = preRegistration;
    this.recycledNumber = recycledNumber;
  }

  /** The viewer's account id. */
  public int viewer() {
    return viewer;
  }

  /** The candidate's account id. */
  public int candidate() {
    return candidate;
  }

  /** The instant at which it was judged, in epoch milliseconds. */
  public long at() {
    return at;
  }

  /** The verdict. */
  public Verdict verdict() {
    return verdict;
  }

  /**
   * The most severe kind with non-consensual evidence, for {@code LEAK} and {@code AT_RISK}; for
   * {@code STALE} the most severe kind found counting deleted entries; empty otherwise.
   */
  public Optional<Kind> primaryKind() {
    return Optional.ofNullable(primaryKind);
  }

  /**
   * Every kind with evidence, consensual or not, from the most severe; for {@code STALE} the kinds
   * found counting deleted entries.
   */
  public Set<Kind> kinds() {
    EnumSet<Kind> set = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) {
      if ((kinds >>> k.ordinal() & 1) != 0) {
        set.add(k);
      }
    }
    return Collections.unmodifiableSet(set);
  }

  /**
   * The consents missing from the primary evidence, as {@code role.setting}: the union over its
   * non-consensual pieces, in the policy's order; {@code entry.deleted} for {@code STALE}. Empty
   * for {@code OK} and {@code UNEXPLAINED}.
   */
  public List<String> missingConsents() {
    return missingConsents;
  }

  /** How many pieces of this kind are consensual (bridges, or 1 for a direct kind). */
  public int consensual(Kind kind) {
    return counts[kind.ordinal()];
  }

  /** How many pieces of this kind are not consensual. */
  public int nonConsensual(Kind kind) {
    return counts[EvidenceTally.KIND_COUNT + kind.ordinal()];
  }

  /** How many of the shared contacts are shadow numbers at {@link #at()}. */
  public int shadowSharedContacts() {
    return shadowSharedContacts;
  }

  /**
   * What the app's explanation says about the evidence at {@link #at()}; empty when none was given.
   */
  public Optional<ExplanationVerdict> explanationVerdict() {
    return Optional.ofNullable(explanationVerdict);
  }

  /**
   * Whether a non-consensual piece of the primary kind has a pre-registration entry: one whose
   * number was uploaded before its subject registered (Ling v. Douyin).
   */
  public boolean preRegistration() {
    return preRegistration;
  }

  /**
   * Whether a non-consensual piece of the primary kind has an entry holding a recycled number: one
   * that more than one account has had.
   */
  public boolean recycledNumber() {
    return recycledNumber;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Judgment)) {
      return false;
    }
    Judgment j = (Judgment) o;
    return viewer == j.viewer
        && candidate == j.candidate
        && at == j.at
        && verdict == j.verdict
        && primaryKind == j.primaryKind
        && missingConsents.equals(j.missingConsents)
        && Arrays.equals(counts, j.counts)
        && shadowSharedContacts == j.shadowSharedContacts
        && kinds == j.kinds
        && explanationVerdict == j.explanationVerdict
        && preRegistration == j.preRegistration
        && recycledNumber == j.recycledNumber;
  }

  @Override
  public int hashCode() {
    int h = 31 * viewer + candidate;
    h = 31 * h + Long.hashCode(at);
    h = 31 * h + verdict.hashCode();
    h = 31 * h + missingConsents.hashCode();
    h = 31 * h + kinds;
    return 31 * h + Arrays.hashCode(counts);
  }

  /**
   * The judgment with accounts by their index in the graph, for example {@code Judgment[#0 -> #1 at
   * 2020-02-01T09:00:00Z: LEAK, primary REVERSE, missing [viewer.discoverable_by_phone,
   * candidate.suggest_to_contacts], kinds [REVERSE (0 consensual, 1 not)]]}; {@link
   * #toString(ContactGraph)} names them by their ids.
   */
  @Override
  public String toString() {
    return toString(account -> "#" + account);
  }

  /**
   * The judgment with accounts named by their ids in {@code graph}, the graph it was judged on: for
   * example {@code Judgment[ling -> zhou at 2020-02-01T09:00:00Z: LEAK, primary REVERSE, missing
   * [viewer.discoverable_by_phone, candidate.suggest_to_contacts], kinds [REVERSE (0 consensual, 1
   * not)]]}.
   */
  public String toString(ContactGraph graph) {
    return toString(graph::accountId);
  }

  private String toString(IntFunction<String> accountName) {
    StringBuilder s = new StringBuilder("Judgment[");
    s.append(accountName.apply(viewer)).append(" -> ").append(accountName.apply(candidate));
    String when = Times.format(at);
    if (when.isEmpty()) {
      when = at == Times.ALWAYS ? "the beginning of time" : "the end of time";
    }
    s.append(" at ").append(when);
    s.append(": ").append(verdict);
    if (primaryKind != null) {
      s.append(", primary ").append(primaryKind).append(", missing ").append(missingConsents);
    }
    boolean first = true;
    for (Kind k : Kind.values()) {
      int c = consensual(k);
      int n = nonConsensual(k);
      if (c + n > 0) {
        s.append(first ? ", kinds [" : ", ").append(k);
        s.append(" (").append(c).append(" consensual, ").append(n).append(" not");
        if (k == Kind.SHARED_CONTACT && shadowSharedContacts > 0) {
          s.append(", ").append(shadowSharedContacts).append(" shadow");
        }
        s.append(')');
        first = false;
      }
    }
    if (!first) {
      s.append(']');
    }
    if (verdict == Verdict.STALE) {
      s.append(", found only counting deleted entries ").append(kinds());
    }
    if (preRegistration) {
      s.append(", pre-registration upload");
    }
    if (recycledNumber) {
      s.append(", recycled number");
    }
    if (explanationVerdict != null) {
      s.append(", explanation ").append(explanationVerdict);
    }
    return s.append(']').toString();
  }
}
