package org.contactaudit.spark;

import java.io.Serializable;
import java.util.List;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;

/** One judged recommendation on its way out: its verdicts.csv line and what the summary counts. */
final class Judged implements Serializable {
  private static final long serialVersionUID = 1L;

  final long line;
  final String csv;
  final int verdict;
  final int primary;
  final int kinds;
  final String[] missing;
  final int explanation;
  final boolean preRegistration;
  final boolean recycled;

  Judged(long line, String csv, Judgment j) {
    this.line = line;
    this.csv = csv;
    this.verdict = j.verdict().ordinal();
    this.primary = j.primaryKind().map(Kind::ordinal).orElse(-1);
    int mask = 0;
    for (Kind k : j.kinds()) {
      mask |= 1 << k.ordinal();
    }
    this.kinds = mask;
    List<String> m = j.missingConsents();
    this.missing = m.toArray(new String[0]);
    this.explanation = j.explanationVerdict().map(Enum::ordinal).orElse(-1);
    this.preRegistration = j.preRegistration();
    this.recycled = j.recycledNumber();
  }
}
