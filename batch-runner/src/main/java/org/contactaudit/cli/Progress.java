package org.contactaudit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run's phases: a bar redrawn in place on a terminal, plain log lines at most every
 * ten seconds otherwise (scheduler logs), nothing but warnings with {@code --quiet}.
 */
final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger("contact-audit");
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private static final long DRAW_EVERY_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter terminal;
  private final boolean quiet;

  /**
   * @param terminal where to draw bars, or null to log lines instead
   */
  Progress(PrintWriter terminal, boolean quiet) {
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** A phase of {@code total} steps ({@code 0} when unknown). */
  Phase start(String name, long total) {
    if (!quiet) {
      LOG.info("{}: started", name);
    }
    return new Phase(name, total);
  }

  /** Logs a line unless quiet. */
  void info(String message) {
    if (!quiet) {
      LOG.info(message);
    }
  }

  /** One phase: advance it as work is done, close it when the phase ends. */
  final class Phase implements AutoCloseable {
    private final String name;
    private final long total;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private long done;
    private String detail = "";

    private Phase(String name, long total) {
      this.name = name;
      this.total = total;
    }

    void advance(long steps) {
      done += steps;
      show();
    }

    /** Sets how far the phase is, with what it is working on (such as a file's name). */
    void at(String what, long doneSoFar) {
      detail = what;
      done = doneSoFar;
      show();
    }

    private void show() {
      if (quiet) {
        return;
      }
      long now = System.nanoTime();
      if (terminal != null && now - lastShown >= DRAW_EVERY_NANOS) {
        lastShown = now;
        terminal.print("\r" + bar());
        terminal.flush();
      } else if (terminal == null && now - lastShown >= LOG_EVERY_NANOS) {
        lastShown = now;
        LOG.info("{}: {}", name, count());
      }
    }

    private String bar() {
      int filled = total <= 0 ? 0 : (int) (WIDTH * Math.min(done, total) / total);
      return String.format(
          Locale.ROOT,
          "%-8s [%s%s] %s",
          name,
          "#".repeat(filled),
          "-".repeat(WIDTH - filled),
          count());
    }

    private String count() {
      if (total <= 0) {
        return String.format(Locale.ROOT, "%s%,d", detail.isEmpty() ? "" : detail + " ", done);
      }
      return String.format(Locale.ROOT, "%,d of %,d (%.0f%%)", done, total, 100.0 * done / total);
    }

    long millis() {
      return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
      if (quiet) {
        return;
      }
      if (terminal != null && total > 0) {
        terminal.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        terminal.flush();
      }
      LOG.info("{}: done in {} ms", name, millis());
    }
  }
}
