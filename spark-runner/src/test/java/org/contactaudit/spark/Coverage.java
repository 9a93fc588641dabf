package org.contactaudit.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.contactaudit.audit.ExplanationVerdict;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Verdict;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.io.Recommendations;

/**
 * How often each refinement of docs/POLICY.md occurs among the judgments both engines agreed on,
 * counted from the single-machine judgments and graph, so that a differential test cannot pass
 * without comparing them.
 */
final class Coverage {
  private static final String CONSENT_AS_USER = "pre-registration entry, consent as a user";
  private static final List<String> FORMS =
      List.of("in_contacts", "has_your_number", "mutual_contacts", "friend_of_friend");

  private final Map<String, Integer> counts = new TreeMap<>();

  private Coverage() {}

  static Coverage of(SparkDifferentialTest.Agreement run) {
    Coverage c = new Coverage();
    ContactGraph g = run.input().graph();
    Recommendations recs = run.input().recommendations();
    List<Judgment> judgments = run.judgments();
    for (int i = 0; i < judgments.size(); i++) {
      c.count(g, judgments.get(i), recs.explanation(i));
    }
    System.out.println("refinement coverage: " + c.counts);
    return c;
  }

  private void add(String key) {
    counts.merge(key, 1, Integer::sum);
  }

  private int get(String key) {
    return counts.getOrDefault(key, 0);
  }

  private void count(ContactGraph g, Judgment j, String explanation) {
    int v = j.viewer();
    int c = j.candidate();
    long t = j.at();
    if (j.verdict() == Verdict.STALE) {
      add("STALE");
      Kind primary = j.primaryKind().orElseThrow();
      add("STALE " + primary);
      if ((primary != Kind.REVERSE && g.holds(v, c, t - 1))
          || (primary != Kind.FORWARD && g.holds(c, v, t - 1))) {
        add("STALE direct entry deleted at t");
      }
    }
    if (j.preRegistration()) {
      add("pre_registration");
    }
    if (j.recycledNumber()) {
      add("recycled_number");
    }
    if ((j.kinds().contains(Kind.FORWARD) || j.kinds().contains(Kind.MUTUAL))
        && g.isPreRegistration(v, c, t)
        && !j.missingConsents().contains("candidate.discoverable_by_phone")) {
      add(CONSENT_AS_USER);
    }
    if (g.isRecycled(c) && g.registeredAt(c) == t && g.holds(v, c, t)) {
      int old = g.ownerAt(g.numberKey(c), t - 1);
      if (old >= 0 && old != c && g.deletedAt(old) == t) {
        add("hand-over instant");
      }
    }
    for (int a = 0; a < g.accountCount(); a++) {
      if (g.isRecycled(a)
          && g.deletedAt(a) == t
          && g.ownerAt(g.numberKey(a), t) < 0
          && g.holds(v, a, t)
          && g.holds(c, a, t)) {
        add("gap between owners");
        break;
      }
    }
    countExplanation(j, explanation);
  }

  private void countExplanation(Judgment j, String raw) {
    ExplanationVerdict verdict = j.explanationVerdict().orElse(null);
    if (verdict == null) {
      add("explanation empty or blank");
      return;
    }
    add("explanation " + verdict);
    String text = raw.strip().toLowerCase(Locale.ROOT);
    if (verdict == ExplanationVerdict.UNRECOGNIZED) {
      return;
    }
    if (!text.equals(raw)) {
      add("explanation odd case or blanks");
    }
    String form = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
    add(form + " " + verdict);
    if (form.equals("has_your_number") && j.kinds().contains(Kind.MUTUAL)) {
      add("has_your_number on MUTUAL " + verdict);
    }
    if (form.equals("mutual_contacts")) {
      int n = Integer.parseInt(text.substring(text.indexOf(':') + 1));
      int consensual = j.consensual(Kind.SHARED_CONTACT);
      int total = consensual + j.nonConsensual(Kind.SHARED_CONTACT);
      if (n < consensual) {
        add("mutual_contacts:N below the consensual count");
      } else if (n == consensual) {
        add("mutual_contacts:N at the consensual count");
      } else if (n == total) {
        add("mutual_contacts:N at the total count");
      } else if (n > total) {
        add("mutual_contacts:N above the total count");
      }
    }
  }

  /** Asserts that each named case occurs at least as often as given. */
  void atLeast(Map<String, Integer> minimum) {
    minimum.forEach(
        (key, min) ->
            assertTrue(get(key) >= min, key + " occurs " + get(key) + " times: " + counts));
  }

  /**
   * Asserts that each explanation verdict occurs {@code min} times, and with {@code forms} that
   * each form is supported, disclosing and false, and {@code mutual_contacts:N} below, at and above
   * the counts of shared contacts.
   */
  void explanations(int min, boolean forms) {
    for (ExplanationVerdict v : ExplanationVerdict.values()) {
      atLeast(Map.of("explanation " + v, min));
    }
    atLeast(Map.of("explanation empty or blank", min));
    if (!forms) {
      return;
    }
    for (String form : FORMS) {
      for (ExplanationVerdict v : ExplanationVerdict.values()) {
        if (v != ExplanationVerdict.UNRECOGNIZED) {
          atLeast(Map.of(form + " " + v, 1));
        }
      }
    }
    atLeast(
        Map.of(
            "explanation odd case or blanks",
            5,
            "has_your_number on MUTUAL " + ExplanationVerdict.SUPPORTED,
            1,
            "mutual_contacts:N below the consensual count",
            1,
            "mutual_contacts:N at the consensual count",
            1,
            "mutual_contacts:N at the total count",
            1,
            "mutual_contacts:N above the total count",
            1));
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
