package org.contactaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.contactaudit.io.InputFile;
import org.contactaudit.io.InputPaths;

/**
 * How much heap an input needs, from the size of its phonebook uploads (contacts.csv), which
 * dominate the memory of a run: about {@value #HEAP_PER_UPLOAD_ROW} bytes an upload row while the
 * graph is built, plus {@value #BASE_MB} MB. Calibrated on generated exports (2026-12-05: 2.68
 * million upload rows of 54 bytes each ran in a 256 MB heap and not in 192 MB, 0.38 million in 40
 * MB; 134 million did not fit in 8 GB): a little above what a run needs. A {@code .csv.gz} file is
 * taken as {@value #GZIP_RATIO} times its size unpacked. An estimate, used to warn before the build
 * and to say how much to give when memory runs out.
 */
final class HeapEstimate {
  static final int HEAP_PER_UPLOAD_ROW = 120;
  static final int CSV_BYTES_PER_UPLOAD_ROW = 54;
  static final int GZIP_RATIO = 5;
  static final int BASE_MB = 32;
  private static final long GB = 1L << 30;

  private final String fileName;
  private final long fileBytes;
  private final long rows;
  private final long heapBytes;

  private HeapEstimate(String fileName, long fileBytes, long rows) {
    this.fileName = fileName;
    this.fileBytes = fileBytes;
    this.rows = rows;
    this.heapBytes = rows * HEAP_PER_UPLOAD_ROW + BASE_MB * (1L << 20);
  }

  /** The estimate for the input files of a run; an unreadable file counts as empty. */
  static HeapEstimate of(InputPaths paths) {
    Path contacts = paths.path(InputFile.CONTACTS);
    long bytes;
    try {
      bytes = Files.size(contacts);
    } catch (IOException e) {
      bytes = 0;
    }
    long unpacked = contacts.toString().endsWith(".gz") ? bytes * GZIP_RATIO : bytes;
    return new HeapEstimate(
        String.valueOf(contacts.getFileName()), bytes, unpacked / CSV_BYTES_PER_UPLOAD_ROW);
  }

  /** A step that reads or builds. */
  @FunctionalInterface
  interface Step<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code step} (reading the input and building the graph) after warning, when this JVM's
   * heap is smaller than the estimate, how much the input needs; when the heap runs out, throws
   * {@link OutOfHeapException} saying so.
   */
  static <T> T guard(InputPaths paths, Progress progress, Step<T> step) throws IOException {
    HeapEstimate estimate = of(paths);
    long max = Runtime.getRuntime().maxMemory();
    if (estimate.exceeds(max)) {
      progress.warn("the run may stop out of memory: " + estimate.describe(max));
    }
    try {
      return step.run();
    } catch (OutOfMemoryError e) {
      throw new OutOfHeapException(
          "out of memory: " + estimate.describe(max) + "; nothing was written", e);
    }
  }

  /** The heap this input needs, in bytes. */
  long heapBytes() {
    return heapBytes;
  }

  /** Whether a heap of {@code maxHeap} bytes is smaller than the estimate. */
  boolean exceeds(long maxHeap) {
    return heapBytes > maxHeap;
  }

  /**
   * What the input needs against what the JVM has, and how to give it: the option, rounded up to
   * whole gigabytes, for the launcher and for {@code java}.
   */
  String describe(long maxHeap) {
    long gigabytes = Math.max(1, (heapBytes + GB - 1) / GB);
    return String.format(
        Locale.ROOT,
        "this input (%s %s, about %s upload rows) needs about %s of heap and the JVM has %s;"
            + " give it more with CONTACT_AUDIT_JAVA_OPTS=-Xmx%dg for the contact-audit launcher,"
            + " or java -Xmx%dg -jar contact-audit.jar",
        fileName,
        size(fileBytes),
        count(rows),
        size(heapBytes),
        size(maxHeap),
        gigabytes,
        gigabytes);
  }

  private static String size(long bytes) {
    if (bytes >= GB) {
      return String.format(Locale.ROOT, "%.1f GB", (double) bytes / GB);
    }
    return String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }

  private static String count(long n) {
    if (n >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1f million", n / 1e6);
    }
    return String.format(Locale.ROOT, "%,d", n);
  }
}
