package org.contactaudit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Policy;
import org.contactaudit.audit.Verdict;
import org.junit.jupiter.api.Test;

/** The benchmark's setup check, on small worlds: the naive judge and the auditor agree. */
class JudgeAgreementTest {
  private static final int ACCOUNTS = 2_000;

  @Test
  void naiveJudgeAndAuditorAgreeOnTheBenchmarkPairs() {
    JudgeBenchmark.World w = world(false, "shuffled");
    assertTrue(JudgeBenchmark.agreement(w).startsWith("both judges agree"));
  }

  @Test
  void naiveJudgeAndAuditorAgreeOnTheBenchmarkPairsOfATimedWorld() {
    JudgeBenchmark.World w = world(true, "shuffled");
    assertTrue(JudgeBenchmark.agreement(w).startsWith("both judges agree"));
  }

  /**
   * Judged as lists of one viewer's suggestions, the auditor's finder keeps the viewer's marks from
   * one judgment to the next (and from {@code judge} to {@code isConsensual} of the same pair): the
   * judgments still agree with the naive judge's, on the timed world too.
   */
  @Test
  void naiveJudgeAndAuditorAgreeOnListsOfSuggestions() {
    for (boolean timed : new boolean[] {false, true}) {
      JudgeBenchmark.World w = world(timed, "lists");
      assertTrue(JudgeBenchmark.agreement(w).startsWith("both judges agree"));
    }
  }

  /**
   * The timed world's times matter to the judgments: judged on the untimed world of the same seed
   * (the same phonebooks and consents, without times), most of the timed world's pairs get another
   * judgment; more of them are unexplained (evidence not valid at {@code SHOWN_AT}), and some have
   * more shadow shared contacts (numbers whose owner does not exist then). A naive judge that
   * ignored time would give the untimed judgments, so the agreement check above would fail.
   */
  @Test
  void theTimesOfATimedWorldChangeJudgments() {
    JudgeBenchmark.World w = world(true, "shuffled");
    BenchGraphs.Dataset untimed = BenchGraphs.generate(ACCOUNTS, 42);
    Auditor ignoringTime = Auditor.of(untimed.graph(), untimed.ledger(), Policy.defaults());
    int differ = 0;
    int moreUnexplained = 0;
    int moreShadows = 0;
    for (int q = 0; q < JudgeBenchmark.QUERIES; q++) {
      NaiveJudge.Result timed =
          NaiveJudge.Result.of(
              w.auditor.judge(w.viewer[q], w.candidate[q], JudgeBenchmark.SHOWN_AT));
      NaiveJudge.Result ignoring =
          NaiveJudge.Result.of(
              ignoringTime.judge(w.viewer[q], w.candidate[q], JudgeBenchmark.SHOWN_AT));
      differ += timed.equals(ignoring) ? 0 : 1;
      moreUnexplained +=
          (timed.verdict() == Verdict.UNEXPLAINED ? 1 : 0)
              - (ignoring.verdict() == Verdict.UNEXPLAINED ? 1 : 0);
      moreShadows += timed.shadowShared() > ignoring.shadowShared() ? 1 : 0;
    }
    assertTrue(
        differ > JudgeBenchmark.QUERIES / 2,
        differ + " of " + JudgeBenchmark.QUERIES + " pairs judged otherwise without times");
    assertTrue(moreUnexplained > 0, moreUnexplained + " more unexplained pairs with times");
    assertTrue(moreShadows > 0, moreShadows + " pairs with more shadow shared contacts");
  }

  private static JudgeBenchmark.World world(boolean timed, String order) {
    JudgeBenchmark.World w = new JudgeBenchmark.World();
    w.accounts = ACCOUNTS;
    w.window = JudgeBenchmark.QUERIES;
    w.timed = timed;
    w.order = order;
    w.setUp();
    return w;
  }
}
