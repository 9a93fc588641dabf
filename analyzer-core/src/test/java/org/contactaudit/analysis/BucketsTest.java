package org.contactaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketsTest {
  @Test
  void bucketBoundaries() {
    Buckets b = new Buckets();
    for (int v : new int[] {0, 1, 2, 3, 4, 5, 9, 10, 19, 20, 49, 50, 99, 100, 100_000}) {
      b.add(v);
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("0", 1L);
    expected.put("1", 1L);
    expected.put("2", 1L);
    expected.put("3-4", 2L);
    expected.put("5-9", 2L);
    expected.put("10-19", 2L);
    expected.put("20-49", 2L);
    expected.put("50-99", 2L);
    expected.put("100+", 2L);
    assertEquals(expected, b.histogram(true));
    expected.remove("0");
    assertEquals(expected, b.histogram(false));
    assertEquals(
        "[1, 2, 3-4, 5-9, 10-19, 20-49, 50-99, 100+]", b.histogram(false).keySet().toString());
  }
}
