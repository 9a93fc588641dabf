package org.contactaudit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's setup check, on a small world: the naive judge and the auditor agree. */
class JudgeAgreementTest {
  @Test
  void naiveJudgeAndAuditorAgreeOnTheBenchmarkPairs() {
    JudgeBenchmark.World w = new JudgeBenchmark.World();
    w.accounts = 2_000;
    w.window = JudgeBenchmark.QUERIES;
    w.setUp();
    assertTrue(JudgeBenchmark.agreement(w).startsWith("both judges agree"));
  }
}
