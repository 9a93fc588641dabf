package org.contactaudit.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The histogram buckets of the analyses, roughly logarithmic: {@code 0} (audiences only), {@code
 * 1}, {@code 2}, {@code 3-4}, {@code 5-9}, {@code 10-19}, {@code 20-49}, {@code 50-99}, {@code
 * 100+}.
 */
final class Buckets {
  private static final int[] LOWER = {0, 1, 2, 3, 5, 10, 20, 50, 100};
  private static final String[] LABELS = {
    "0", "1", "2", "3-4", "5-9", "10-19", "20-49", "50-99", "100+"
  };

  private final long[] counts = new long[LOWER.length];

  /** Counts one value (non-negative). */
  void add(int value) {
    int b = LOWER.length - 1;
    while (LOWER[b] > value) {
      b--;
    }
    counts[b]++;
  }

  /**
   * The histogram in bucket order, every bucket present (zero counts too).
   *
   * @param withZero whether the bucket {@code 0} is listed
   */
  Map<String, Long> histogram(boolean withZero) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int b = withZero ? 0 : 1; b < LOWER.length; b++) {
      out.put(LABELS[b], counts[b]);
    }
    return Collections.unmodifiableMap(out);
  }
}
