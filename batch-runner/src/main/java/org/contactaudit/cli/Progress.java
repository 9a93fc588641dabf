package org.contactaudit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run's phases: a bar redrawn in place on a terminal, plain log lines at most every
 * ten seconds otherwise (scheduler logs), nothing but warnings with {@code --quiet}.
 *
 * <p>On a terminal the bar owns the last line: every log line of the run goes through {@link #info}
 * or a phase, which erase the bar, log, and draw it again below, so log lines stand above the bar
 * instead of being appended to it. A phase whose size is unknown counts what it has done; the read
 * phase fills one step a file.
 */
final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger("contact-audit");
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private static final long DRAW_EVERY_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter terminal;
  private final boolean quiet;
  private final LongSupplier clock;

  /** The bar on the terminal's last line, or an empty string. */
  private String drawn = "";

  /**
   * @param terminal where to draw bars, or null to log lines instead
   */
  Progress(PrintWriter terminal, boolean quiet) {
    this(terminal, quiet, System::nanoTime);
  }

  Progress(PrintWriter terminal, boolean quiet, LongSupplier clock) {
    this.terminal = terminal;
    this.quiet = quiet;
    this.clock = clock;
  }

  /** A phase of {@code total} steps ({@code 0} when unknown). */
  Phase start(String name, long total) {
    info(name + ": started");
    return new Phase(name, total);
  }

  /** Logs a line unless quiet, above the bar on a terminal. */
  void info(String message) {
    if (quiet) {
      return;
    }
    String bar = drawn;
    erase();
    LOG.info(message);
    if (!bar.isEmpty()) {
      draw(bar);
    }
  }

  /** Logs a warning, even when quiet, above the bar on a terminal. */
  void warn(String message) {
    String bar = drawn;
    erase();
    LOG.warn(message);
    if (!bar.isEmpty()) {
      draw(bar);
    }
  }

  private void draw(String bar) {
    terminal.print("\r" + bar);
    terminal.flush();
    drawn = bar;
  }

  private void erase() {
    if (!drawn.isEmpty()) {
      terminal.print("\r" + " ".repeat(drawn.length()) + "\r");
      terminal.flush();
      drawn = "";
    }
  }

  /** One phase: advance it as work is done, close it when the phase ends. */
  final class Phase implements AutoCloseable {
    private final String name;
    private final long total;
    private final long started = clock.getAsLong();
    private long lastShown = started;
    private long done;
    private String detail = "";

    private Phase(String name, long total) {
      this.name = name;
      this.total = total;
    }

    /** Counts {@code steps} more done. */
    void advance(long steps) {
      done += steps;
      show(false);
    }

    /**
     * Sets what the phase is working on (such as a file's name and its rows so far); without a
     * known size, {@code doneSoFar} is also how far it is.
     */
    void at(String what, long doneSoFar) {
      detail = what;
      if (total <= 0) {
        done = doneSoFar;
      }
      show(false);
    }

    private void show(boolean now) {
      if (quiet) {
        return;
      }
      long time = clock.getAsLong();
      if (terminal != null && (now || time - lastShown >= DRAW_EVERY_NANOS)) {
        lastShown = time;
        draw(bar());
      } else if (terminal == null && time - lastShown >= LOG_EVERY_NANOS) {
        lastShown = time;
        LOG.info("{}: {}", name, count());
      }
    }

    String bar() {
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
      String what = detail.isEmpty() ? "" : detail + " ";
      if (total <= 0) {
        return String.format(Locale.ROOT, "%s%,d", what, done);
      }
      return String.format(
          Locale.ROOT, "%s%,d of %,d (%.0f%%)", what, done, total, 100.0 * done / total);
    }

    long millis() {
      return (clock.getAsLong() - started) / 1_000_000;
    }

    @Override
    public void close() {
      if (quiet) {
        return;
      }
      erase();
      LOG.info("{}: done in {} ms", name, millis());
    }
  }
}
