package org.contactaudit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/** The figure in {@link ContactGraph}'s class comment. */
class ContactGraphMemoryTest {
  /**
   * 10,000 accounts with 100 phonebook entries each (duplicates merged): 50 numbers of other
   * accounts drawn uniformly, 50 shadow numbers drawn from a pool of 250,000, so that a shadow
   * number is held by two accounts on average and most by one to four.
   */
  static ContactGraph realisticUntimedGraph() {
    Random random = new Random(10_000);
    int accounts = 10_000;
    ContactGraphBuilder b = ContactGraph.builder();
    for (int a = 0; a < accounts; a++) {
      b.addAccount("u" + a, 8613000000000L + a, Times.ALWAYS, Times.NEVER);
    }
    for (int a = 0; a < accounts; a++) {
      for (int i = 0; i < 50; i++) {
        int s = random.nextInt(accounts - 1);
        b.addEntry(a, 8613000000000L + (s >= a ? s + 1 : s), Times.ALWAYS, Times.NEVER);
        b.addEntry(a, 8615000000000L + random.nextInt(250_000), Times.ALWAYS, Times.NEVER);
      }
    }
    return b.build();
  }

  @Test
  void adjacencyOfBothDirectionsCostsAtMostElevenBytesAnEntry() {
    ContactGraph g = realisticUntimedGraph();
    double perEntry = (double) g.adjacencyBytes() / g.entryCount();
    assertTrue(g.entryCount() > 990_000, "about 100 entries an account");
    assertEquals(0, g.timeBytes());
    assertTrue(perEntry <= 11.0, "bytes an entry: " + perEntry);
    // 8 bytes an entry (one int each way) plus the offsets: 4 bytes an account and a number.
    assertEquals(
        8L * g.entryCount() + 4L * (g.accountCount() + 1) + 4L * (g.numberCount() + 1),
        g.adjacencyBytes());
  }
}
