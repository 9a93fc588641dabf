package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs killed with SIGTERM and SIGKILL: every run ends with {@code --out} absent, the
 * previous output intact, or the new one complete with _SUCCESS; a SIGTERM leaves nothing beside
 * it, and what a SIGKILL leaves beside it is removed by the next run into the same place.
 */
class KilledRunTest {
  private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(staging|previous)-(\\d+)-.*");

  @TempDir static Path data;

  @BeforeAll
  static void writeAnExport() throws IOException {
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

  private static Process start(Path out, boolean overwrite) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
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
                out.toString()));
    if (overwrite) {
      command.add("--overwrite");
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put(AuditOutputOptions.KEY_VARIABLE, Cli.KEY);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  /** Reads the child's log until {@code line} appears (or the log ends); drains the rest. */
  private static boolean awaitLog(Process p, String line) throws IOException {
    BufferedReader log =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    for (String l = log.readLine(); l != null; l = log.readLine()) {
      if (l.endsWith(line)) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (log.readLine() != null) {
                      // discard
                    }
                  } catch (IOException e) {
                    // the child is gone
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return true;
      }
    }
    return false;
  }

  private static void complete(Path out, boolean overwrite) throws Exception {
    Process p = start(out, overwrite);
    p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void sigkillWhileJudgingLeavesNoTargetAndTheNextRunRemovesWhatItLeft(@TempDir Path parent)
      throws Exception {
    Path out = parent.resolve("out");
    Process p = start(out, false);
    assertTrue(awaitLog(p, "judge: started"), "the child reached the judge phase");
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(out), "no output under the target");
    List<String> left = names(parent);
    assertEquals(1, left.size(), left.toString());
    assertTrue(left.get(0).startsWith(".out.staging-" + p.pid() + "-"), left.toString());

    complete(out, false);
    assertEquals(List.of("out"), names(parent));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void sigtermWhileJudgingLeavesNothingAtAll(@TempDir Path parent) throws Exception {
    Path out = parent.resolve("out");
    Process p = start(out, false);
    assertTrue(awaitLog(p, "judge: started"), "the child reached the judge phase");
    p.destroy();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(List.of(), names(parent), "the writing thread removed the staging folder");
  }

  @Test
  void fiveKillsAtSpreadOutMoments(@TempDir Path parent) throws Exception {
    killLoop(parent, 5);
  }

  @Test
  @Tag("slow")
  void sixtyKillsAtSpreadOutMoments(@TempDir Path parent) throws Exception {
    killLoop(parent, 60);
  }

  /**
   * Kills runs at moments spread from the child's start to past a whole run's time, alternating
   * SIGTERM and SIGKILL, into a target with a previous output (--overwrite) and into a new one.
   */
  private static void killLoop(Path parent, int kills) throws Exception {
    Path kept = parent.resolve("out");
    long started = System.nanoTime();
    complete(kept, false);
    long runNanos = System.nanoTime() - started;
    List<String> files = names(kept);
    byte[] verdicts = Files.readAllBytes(kept.resolve("verdicts.csv"));
    Path fresh = parent.resolve("new");
    Set<Long> sigkilled = new HashSet<>();
    for (int i = 0; i < kills; i++) {
      boolean sigkill = i % 2 == 1;
      boolean overwrite = i % 4 < 2;
      Path out = overwrite ? kept : fresh;
      long delay = (long) (runNanos * 1.2 * (i + 0.5) / kills);
      Process p = start(out, overwrite);
      p.getErrorStream().close();
      if (!p.waitFor(delay, TimeUnit.NANOSECONDS)) {
        if (sigkill) {
          p.destroyForcibly();
          sigkilled.add(p.pid());
        } else {
          p.destroy();
        }
      }
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kill " + i + " ended");
      String what = "kill " + i + (sigkill ? " (SIGKILL)" : " (SIGTERM)") + " after " + delay;
      if (overwrite || Files.exists(out)) {
        assertEquals(files, names(out), what + ": complete, old or new");
        assertArrayEquals(verdicts, Files.readAllBytes(out.resolve("verdicts.csv")), what);
      }
      for (String name : names(parent)) {
        Matcher m = LEFTOVER.matcher(name);
        if (m.matches()) {
          assertTrue(
              sigkilled.contains(Long.parseLong(m.group(3))),
              what + ": only a SIGKILL leaves " + name);
        } else {
          assertTrue(name.equals("out") || name.equals("new"), what + ": " + name);
        }
      }
      if (!overwrite) {
        deleteTree(fresh);
      }
    }
    complete(kept, true);
    complete(fresh, false);
    assertEquals(List.of("new", "out"), names(parent), "the last runs removed every leftover");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
