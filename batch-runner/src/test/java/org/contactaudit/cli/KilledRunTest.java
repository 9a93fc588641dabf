package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while it writes leaves no output under the target: a real child JVM is killed once
 * verdicts.csv is being written in the staging folder.
 */
class KilledRunTest {
  @TempDir static Path data;

  @BeforeAll
  static void writeALargeEnoughExport() throws IOException {
    int accounts = 10_000;
    try (BufferedWriter a = Files.newBufferedWriter(data.resolve("accounts.csv"));
        BufferedWriter c = Files.newBufferedWriter(data.resolve("contacts.csv"));
        BufferedWriter r = Files.newBufferedWriter(data.resolve("recommendations.csv"))) {
      a.write("account_id,phone\n");
      c.write("owner_id,phone\n");
      r.write("viewer_id,candidate_id\n");
      for (int i = 0; i < accounts; i++) {
        a.write("u" + i + ",+861390" + String.format("%07d", i) + "\n");
        for (int k = 1; k <= 10; k++) {
          c.write("u" + i + ",+861390" + String.format("%07d", (i + k * 7919) % accounts) + "\n");
        }
        for (int k = 1; k <= 10; k++) {
          r.write("u" + i + ",u" + ((i + k * 104_729) % accounts) + "\n");
        }
      }
    }
    Files.writeString(data.resolve("consents.csv"), "account_id,setting,value\n");
  }

  private Process start(Path out) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.contactaudit.cli.Main",
            "audit",
            "--input",
            data.toString(),
            "--default-region",
            "CN",
            "--threads",
            "1",
            "--out",
            out.toString());
    pb.environment().put(AuditOutputOptions.KEY_VARIABLE, Cli.KEY);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static Optional<Path> staging(Path parent) throws IOException {
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> p.getFileName().toString().contains(".staging-")).findFirst();
    }
  }

  /** Waits until the child writes verdicts.csv in its staging folder. */
  private static boolean waitForVerdicts(Path parent, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      Optional<Path> s = staging(parent);
      if (s.isPresent() && Files.exists(s.get().resolve("verdicts.csv"))) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  @Test
  void sigkillDuringWritingLeavesNoTarget(@TempDir Path parent) throws Exception {
    Path out = parent.resolve("out");
    Process p = start(out);
    assertTrue(waitForVerdicts(parent, p), "the child reached the judge phase");
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertFalse(Files.exists(out), "no output under the target");
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void sigtermDuringWritingLeavesNothingAtAll(@TempDir Path parent) throws Exception {
    Path out = parent.resolve("out");
    Process p = start(out);
    assertTrue(waitForVerdicts(parent, p), "the child reached the judge phase");
    p.destroy();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(out));
    try (Stream<Path> s = Files.list(parent)) {
      assertTrue(s.toList().isEmpty(), "the shutdown hook removed the staging folder");
    }
  }
}
