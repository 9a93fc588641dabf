package org.contactaudit.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.contactaudit.audit.ExplanationVerdict;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Verdict;
import org.contactaudit.output.RunSummary;
import org.contactaudit.output.VerdictTally;

/**
 * The verdict counts of a run, summed over partitions ({@link #add}, {@link #merge}) and laid out
 * by batch-runner's {@link VerdictTally#figures(long[], long[], long[], Map, long[], long, long)}.
 */
final class Figures implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] verdicts = new long[Verdict.values().length];
  private final long[] primary = new long[Kind.values().length];
  private final long[] kinds = new long[Kind.values().length];
  private final HashMap<String, Long> missing = new HashMap<>();
  private final long[] explanations = new long[ExplanationVerdict.values().length];
  private long preRegistration;
  private long recycled;

  Figures add(Judged j) {
    verdicts[j.verdict]++;
    if (j.explanation >= 0) {
      explanations[j.explanation]++;
    }
    preRegistration += j.preRegistration ? 1 : 0;
    recycled += j.recycled ? 1 : 0;
    for (Kind k : Kind.values()) {
      if ((j.kinds & 1 << k.ordinal()) != 0) {
        kinds[k.ordinal()]++;
      }
    }
    if (j.primary >= 0) {
      primary[j.primary]++;
      for (String m : j.missing) {
        missing.merge(m, 1L, Long::sum);
      }
    }
    return this;
  }

  Figures merge(Figures other) {
    for (int i = 0; i < verdicts.length; i++) {
      verdicts[i] += other.verdicts[i];
    }
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] += other.kinds[i];
      primary[i] += other.primary[i];
    }
    other.missing.forEach((k, v) -> missing.merge(k, v, Long::sum));
    for (int i = 0; i < explanations.length; i++) {
      explanations[i] += other.explanations[i];
    }
    preRegistration += other.preRegistration;
    recycled += other.recycled;
    return this;
  }

  RunSummary.VerdictFigures figures() {
    return VerdictTally.figures(
        verdicts, primary, kinds, missing, explanations, preRegistration, recycled);
  }
}
