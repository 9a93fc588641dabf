package org.contactaudit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Policy;
import org.contactaudit.io.AuditInput;
import org.contactaudit.io.DatasetReader;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.output.VerdictsWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wall times of the Spark job in {@code local[2]} and of the single-machine engine on one larger
 * generated dataset ({@code -Dscale.accounts=N}, default 20,000 accounts, 20 entries and 4
 * recommendations an account), and the same number of verdict rows. Run with {@code -Pslow}.
 */
@Tag("slow")
class SparkScaleTest {
  @TempDir Path dir;

  @Test
  void timesBothEngines() throws IOException {
    int accounts = Integer.getInteger("scale.accounts", 20_000);
    Path input = dir.resolve("in");
    TestData.write(input, 7L, accounts, 20 * accounts, 4 * accounts);

    long start = System.nanoTime();
    ReadOptions read = ReadOptions.builder().defaultRegion("CN").build();
    AuditInput in = DatasetReader.read(InputPaths.inFolder(input), read, r -> {});
    List<Judgment> judgments =
        Auditor.of(in.graph(), in.consents(), Policy.defaults()).judgeAll(in, 2);
    long single = (System.nanoTime() - start) / 1_000_000;

    start = System.nanoTime();
    int code =
        SparkAuditJob.run(
            new String[] {
              "--input",
              input.toString(),
              "--out",
              dir.resolve("out").toString(),
              "--default-region",
              "CN",
              "--master",
              "local[2]"
            },
            Map.of(SparkAuditJob.KEY_VARIABLE, "a-test-key-of-at-least-16-bytes"));
    long spark = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, code);
    assertEquals(
        judgments.size(),
        SparkDifferentialTest.rows(dir.resolve("out/verdicts.csv"), VerdictsWriter.header())
            .size());
    System.err.printf(
        "scale: %d accounts, %d entries, %d recommendations judged: single machine %d ms,"
            + " spark local[2] %d ms%n",
        accounts, in.graph().entryCount(), judgments.size(), single, spark);
  }
}
