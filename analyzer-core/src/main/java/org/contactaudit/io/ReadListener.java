package org.contactaudit.io;

/** Hears how far a run has read, for progress bars and scheduler logs. */
@FunctionalInterface
public interface ReadListener {
  /** Rows read per report: a listener hears of each file every this many rows, and at its end. */
  int EVERY = 1 << 16;

  /**
   * Reports that {@code rows} rows of {@code file} have been read so far.
   *
   * @param done whether the file is read to its end
   */
  void rowsRead(InputFile file, long rows, boolean done);
}
