package org.contactaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.io.Recommendations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A run's recommendations judged in chunks: the sink takes one while the next is judged. */
class AuditorJudgeAllTest {
  private static final int ACCOUNTS = 12;
  private static final int RECOMMENDATIONS = 100;

  @TempDir Path dir;

  @ParameterizedTest(name = "chunks of {0} on {1} threads")
  @CsvSource({"7, 2", "7, 1", "1, 2", "50, 2", "100, 1", "1000, 2"})
  void theSinkTakesEveryJudgmentInInputOrder(int chunk, int threads) throws IOException {
    AuditInput input = input(RECOMMENDATIONS);
    Auditor auditor = Auditor.of(input.graph(), input.consents(), Policy.defaults());
    List<Judgment> judged = new ArrayList<>();

    auditor.judgeAll(input, threads, judged::add, chunk);

    Recommendations recs = input.recommendations();
    assertEquals(recs.size(), judged.size());
    for (int i = 0; i < recs.size(); i++) {
      Judgment one = auditor.judge(recs.viewer(i), recs.candidate(i), input.judgedAt(i));
      assertEquals(one, judged.get(i), "recommendation " + i);
    }
  }

  @Test
  void aRunWithoutRecommendationsHandsNothing() throws IOException {
    AuditInput input = input(0);
    Auditor auditor = Auditor.of(input.graph(), input.consents(), Policy.defaults());
    List<Judgment> judged = new ArrayList<>();

    auditor.judgeAll(input, 2, judged::add, 7);

    assertEquals(List.of(), judged);
  }

  @Test
  void whatTheSinkThrowsReachesTheCallerAsItWasThrown() throws IOException {
    AuditInput input = input(RECOMMENDATIONS);
    Auditor auditor = Auditor.of(input.graph(), input.consents(), Policy.defaults());
    IllegalStateException full = new IllegalStateException("disk full");
    List<Judgment> judged = new ArrayList<>();

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                auditor.judgeAll(
                    input,
                    2,
                    j -> {
                      if (judged.size() == 10) {
                        throw full;
                      }
                      judged.add(j);
                    },
                    7));

    assertSame(full, thrown);
    assertEquals(10, judged.size());
  }

  /**
   * {@value #ACCOUNTS} accounts, each holding the next two accounts' numbers, and {@code n}
   * recommendations between accounts {@code i % 12} and {@code (i * 5 + 1) % 12} at times a day
   * apart, so that verdicts, kinds and the times of consents vary along the input.
   */
  private AuditInput input(int n) throws IOException {
    StringBuilder accounts = new StringBuilder("account_id,phone,registered_at,deleted_at\n");
    StringBuilder contacts = new StringBuilder("owner_id,phone,uploaded_at,deleted_at\n");
    StringBuilder consents = new StringBuilder("account_id,setting,value,source,updated_at\n");
    for (int a = 0; a < ACCOUNTS; a++) {
      accounts.append("a").append(a).append(",").append(phone(a)).append(",2020-01-01,\n");
      for (int k = 1; k <= 2; k++) {
        contacts.append("a").append(a).append(",").append(phone((a + k) % ACCOUNTS));
        contacts.append(",2020-01-0").append(k + 1).append(",\n");
      }
      for (String setting : new String[] {"discoverable_by_phone", "suggest_to_contacts"}) {
        consents.append("a").append(a).append(",").append(setting).append(",");
        consents.append(a % 3 == 0 ? "false" : "true").append(",explicit,2020-0");
        consents.append(1 + a % 4).append("-15\n");
      }
    }
    StringBuilder recs = new StringBuilder("viewer_id,candidate_id,shown_at,surface,explanation\n");
    for (int i = 0; i < n; i++) {
      int v = i % ACCOUNTS;
      int c = (i * 5 + 1) % ACCOUNTS;
      if (c == v) {
        c = (c + 1) % ACCOUNTS;
      }
      recs.append("a").append(v).append(",a").append(c).append(",");
      recs.append(LocalDate.of(2020, 1, 1).plusDays(i)).append("T12:00:00Z,feed,\n");
    }
    Files.writeString(dir.resolve("accounts.csv"), accounts);
    Files.writeString(dir.resolve("contacts.csv"), contacts);
    Files.writeString(dir.resolve("consents.csv"), consents);
    Files.writeString(dir.resolve("recommendations.csv"), recs);
    AuditInput input =
        DatasetReader.read(
            InputPaths.inFolder(dir), ReadOptions.builder().defaultRegion("CN").build(), r -> {});
    assertEquals(n, input.recommendations().size(), "every recommendation accepted");
    return input;
  }

  private static String phone(int a) {
    return "+86138001380" + String.format("%02d", a);
  }
}
