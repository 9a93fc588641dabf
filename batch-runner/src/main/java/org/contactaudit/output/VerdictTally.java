package org.contactaudit.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contactaudit.audit.ExplanationVerdict;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Verdict;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.io.Recommendations;
import org.contactaudit.time.Times;

/**
 * Counts the judgments of a run as they stream by, in input order, and keeps the first few leaks as
 * examples for people. Not thread-safe: fed by the one thread that writes verdicts.csv.
 */
public final class VerdictTally {
  private static final int EXAMPLES = 12;

  private final ContactGraph graph;
  private final Recommendations recommendations;
  private final AccountNames names;
  private final long[] verdicts = new long[Verdict.values().length];
  private final long[] primary = new long[Kind.values().length];
  private final long[] kinds = new long[Kind.values().length];
  private final Map<String, Long> missing = new LinkedHashMap<>();
  private final long[] explanations = new long[ExplanationVerdict.values().length];
  private final long[] flagged = new long[2];
  private final List<RunSummary.Example> examples = new ArrayList<>();
  private int next;

  /** A tally for the recommendations of a run. */
  public VerdictTally(ContactGraph graph, Recommendations recommendations, AccountNames names) {
    this.graph = graph;
    this.recommendations = recommendations;
    this.names = names;
  }

  /** Counts the judgment of the next recommendation. */
  public void add(Judgment j) {
    int i = next++;
    verdicts[j.verdict().ordinal()]++;
    for (Kind k : j.kinds()) {
      kinds[k.ordinal()]++;
    }
    j.explanationVerdict().ifPresent(e -> explanations[e.ordinal()]++);
    flagged[0] += j.preRegistration() ? 1 : 0;
    flagged[1] += j.recycledNumber() ? 1 : 0;
    if (j.primaryKind().isPresent()) {
      primary[j.primaryKind().get().ordinal()]++;
      for (String m : j.missingConsents()) {
        missing.merge(m, 1L, Long::sum);
      }
      if (examples.size() < EXAMPLES && j.verdict() == Verdict.LEAK) {
        examples.add(example(i, j));
      }
    }
  }

  /** The number of LEAK, AT_RISK and STALE judgments: those that disclose without consent. */
  public long leaking() {
    return leaking(verdicts);
  }

  private static long leaking(long[] verdicts) {
    return verdicts[Verdict.LEAK.ordinal()]
        + verdicts[Verdict.AT_RISK.ordinal()]
        + verdicts[Verdict.STALE.ordinal()];
  }

  /** The number of judgments. */
  public long judged() {
    return next;
  }

  /** The share of LEAK, AT_RISK and STALE among the judgments (0 without judgments). */
  public double leakRate() {
    return next == 0 ? 0 : (double) leaking() / next;
  }

  /** The verdict figures. */
  public RunSummary.VerdictFigures figures() {
    return figures(verdicts, primary, kinds, missing, explanations, flagged[0], flagged[1]);
  }

  /**
   * The verdict figures from counts indexed by {@link Verdict}, {@link Kind} and {@link
   * ExplanationVerdict} ordinals: the one place that lays them out, for this tally and for the
   * distributed job.
   *
   * @param missing the count of each missing consent over LEAK, AT_RISK and STALE
   * @param preRegistration the LEAK and AT_RISK judgments with pre-registration evidence
   * @param recycled the LEAK and AT_RISK judgments with evidence through a recycled number
   */
  public static RunSummary.VerdictFigures figures(
      long[] verdicts,
      long[] primary,
      long[] kinds,
      Map<String, Long> missing,
      long[] explanations,
      long preRegistration,
      long recycled) {
    long judged = 0;
    for (long n : verdicts) {
      judged += n;
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      counts.put(v.name(), verdicts[v.ordinal()]);
      rates.put(v.name(), judged == 0 ? 0 : (double) verdicts[v.ordinal()] / judged);
    }
    Map<String, Long> primaryKinds = new LinkedHashMap<>();
    Map<String, Long> allKinds = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      primaryKinds.put(k.name(), primary[k.ordinal()]);
      allKinds.put(k.name(), kinds[k.ordinal()]);
    }
    Map<String, Long> sortedMissing = new LinkedHashMap<>();
    missing.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sortedMissing.put(e.getKey(), e.getValue()));
    double leakRate = judged == 0 ? 0 : (double) leaking(verdicts) / judged;
    Map<String, Long> explained = new LinkedHashMap<>();
    for (ExplanationVerdict e : ExplanationVerdict.values()) {
      explained.put(e.name(), explanations[e.ordinal()]);
    }
    return new RunSummary.VerdictFigures(
        judged,
        counts,
        rates,
        leakRate,
        primaryKinds,
        allKinds,
        sortedMissing,
        explained,
        preRegistration,
        recycled);
  }

  /** The first leaks of the run, for people. */
  public List<RunSummary.Example> examples() {
    return List.copyOf(examples);
  }

  private RunSummary.Example example(int i, Judgment j) {
    List<String> kindNames = new ArrayList<>();
    StringBuilder evidence = new StringBuilder();
    for (Kind k : j.kinds()) {
      kindNames.add(k.name());
      if (evidence.length() > 0) {
        evidence.append("; ");
      }
      evidence.append(describe(k, j));
    }
    return new RunSummary.Example(
        recommendations.line(i),
        names.name(graph.accountId(j.viewer())),
        names.name(graph.accountId(j.candidate())),
        Times.format(recommendations.shownAt(i)),
        j.verdict().name(),
        j.primaryKind().map(Kind::name).orElse(""),
        kindNames,
        j.missingConsents(),
        evidence.toString());
  }

  private static String describe(Kind k, Judgment j) {
    int ok = j.consensual(k);
    int notOk = j.nonConsensual(k);
    String what =
        switch (k) {
          case MUTUAL -> "each holds the other's number";
          case FORWARD -> "the viewer holds the candidate's number";
          case REVERSE -> "the candidate holds the viewer's number";
          case SHARED_CONTACT -> (ok + notOk) + " shared contact(s)";
          case CO_HOLDER -> (ok + notOk) + " account(s) hold both numbers";
          case CHAIN -> (ok + notOk) + " contact(s) of the viewer hold the candidate's number";
        };
    String consent =
        notOk == 0 ? "consensual" : ok == 0 ? "without consent" : notOk + " without consent";
    String shadow =
        k == Kind.SHARED_CONTACT && j.shadowSharedContacts() > 0
            ? ", " + j.shadowSharedContacts() + " of them shadow numbers"
            : "";
    return k.name() + ": " + what + shadow + " (" + consent + ")";
  }

  /** The figures of a contact graph. */
  public static RunSummary.GraphFigures graphFigures(ContactGraph g) {
    int users = g.accountCount();
    long entries = g.entryCount();
    return new RunSummary.GraphFigures(
        users,
        g.numberCount(),
        users,
        g.numberCount() - users,
        entries,
        g.isTimed(),
        g.adjacencyBytes(),
        entries == 0 ? 0 : Math.round(10.0 * g.adjacencyBytes() / entries) / 10.0,
        g.timeBytes());
  }
}
