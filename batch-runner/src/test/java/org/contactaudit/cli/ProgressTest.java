package org.contactaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bar on a terminal: log lines above it, never appended to it; the read bar fills. */
class ProgressTest {
  private long now;

  @Test
  void logLinesEraseTheBarAndTheReadBarFills() {
    StringWriter screen = new StringWriter();
    Progress progress = new Progress(new PrintWriter(screen), false, () -> now);
    String empty = "read     [" + "-".repeat(30) + "] accounts.csv 10 rows 0 of 4 (0%)";
    String erase = "\r" + " ".repeat(empty.length()) + "\r";
    try (Progress.Phase read = progress.start("read", 4)) {
      now += 200_000_000L;
      read.at("accounts.csv 10 rows", 10);
      assertEquals("\r" + empty, screen.toString());

      progress.info("read: accounts.csv 10 rows");
      assertEquals("\r" + empty + erase + "\r" + empty, screen.toString(), "erased, then redrawn");

      for (int file = 0; file < 4; file++) {
        now += 200_000_000L;
        read.advance(1);
      }
      assertTrue(screen.toString().endsWith("\r" + full()), screen.toString());
    }
    assertTrue(
        screen.toString().endsWith("\r" + " ".repeat(full().length()) + "\r"), "closing erases it");
  }

  private static String full() {
    return "read     [" + "#".repeat(30) + "] accounts.csv 10 rows 4 of 4 (100%)";
  }

  @Test
  void quietDrawsNothing() {
    StringWriter screen = new StringWriter();
    Progress progress = new Progress(new PrintWriter(screen), true, () -> now);
    try (Progress.Phase judge = progress.start("judge", 10)) {
      now += 200_000_000L;
      judge.advance(5);
      progress.info("judge: halfway");
    }
    assertEquals("", screen.toString());
  }
}
