package org.contactaudit.io;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses a {@link CsvTable} on a thread of its own while the caller handles its records, so that on
 * two cores the parsing (commons-csv, trimming the cells, hashing the bytes) and the handling
 * (phone numbers, times, the graph builder) overlap instead of taking turns. The visitor sees every
 * record on the calling thread, in file order, exactly as {@link CsvTable#forEach} would show them;
 * what the parsing throws (an unreadable file) reaches the caller as it was thrown, after the
 * records read before it. What the visitor throws stops the parsing.
 *
 * <p>Records travel in batches of {@value #BATCH}; at most {@value #QUEUED} batches wait, so memory
 * stays bounded whatever the file. The table is the parsing thread's until {@link #forEach}
 * returns.
 */
final class ReadAhead {
  private static final int BATCH = 1_024;
  private static final int QUEUED = 8;
  private static final long POLL_MILLIS = 50;

  private final CsvTable table;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
  private volatile boolean stopped;

  private ReadAhead(CsvTable table) {
    this.table = table;
  }

  /** Visits every record of {@code table}, in file order, parsing ahead on another thread. */
  static void forEach(CsvTable table, CsvTable.RowVisitor visitor) {
    new ReadAhead(table).run(visitor);
  }

  private void run(CsvTable.RowVisitor visitor) {
    Thread parser = new Thread(this::parse, "contact-audit-parse-" + table.name());
    parser.setDaemon(true);
    parser.start();
    try {
      Batch batch;
      do {
        batch = take(parser);
        for (int i = 0; i < batch.size; i++) {
          if (batch.malformed[i] != null) {
            visitor.malformed(batch.lines[i], batch.malformed[i]);
          } else {
            visitor.row(batch.lines[i], batch.cells[i]);
          }
        }
        if (batch.failure instanceof RuntimeException e) {
          throw e;
        }
        if (batch.failure instanceof Error e) {
          throw e;
        }
      } while (!batch.last);
    } finally {
      stopped = true;
      queue.clear();
      joinUninterruptibly(parser);
    }
  }

  /**
   * The parsing thread: batches of records until the end of the file, a failure or a stop. A batch
   * is handed over only once the next one exists, so that a failure (out of memory, most likely)
   * always lands in a batch not yet handed over.
   */
  private void parse() {
    Batch batch = new Batch();
    try {
      while (!stopped && table.next(batch)) {
        if (batch.size == BATCH) {
          Batch full = batch;
          batch = new Batch();
          put(full);
        }
      }
    } catch (RuntimeException | Error e) {
      batch.failure = e;
    }
    batch.last = true;
    put(batch);
  }

  private void put(Batch batch) {
    try {
      while (!stopped && !queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        // the caller is still handling earlier batches
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  /**
   * The next batch; fails rather than waits forever when the parsing thread ended without handing
   * over its last batch (it died of an error thrown while handing over, or was interrupted).
   */
  private Batch take(Thread parser) {
    try {
      while (true) {
        Batch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (batch != null) {
          return batch;
        }
        if (!parser.isAlive()) {
          batch = queue.poll();
          if (batch == null) {
            throw new IllegalStateException(
                table.name() + ": parsing stopped before the end of the file");
          }
          return batch;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(table.name() + ": reading was interrupted", e);
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records in file order: a well-formed one has cells, a malformed one a detail. */
  private static final class Batch implements CsvTable.RowVisitor {
    final long[] lines = new long[BATCH];
    final String[][] cells = new String[BATCH][];
    final String[] malformed = new String[BATCH];
    int size;
    Throwable failure;
    boolean last;

    @Override
    public void row(long line, String[] rowCells) {
      lines[size] = line;
      cells[size++] = rowCells;
    }

    @Override
    public void malformed(long line, String detail) {
      lines[size] = line;
      malformed[size++] = detail;
    }
  }
}
