package org.contactaudit.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.contactaudit.audit.World;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/** The allocation-free readers agree with the copying ones on random worlds. */
class ContactGraphIntoTest {
  private static final long DAY = 86_400_000L;

  @Test
  void intoAgreesWithTheCopies() {
    Random rnd = new Random(7);
    for (int round = 0; round < 500; round++) {
      ContactGraph g = World.random(rnd).graph();
      int[] out = new int[g.maxDegree()];
      for (long t : new long[] {Times.ALWAYS, 3 * DAY, 12 * DAY, Times.END_OF_TIME}) {
        for (int a = 0; a < g.accountCount(); a++) {
          int n = g.contactsInto(a, t, out);
          assertArrayEquals(g.contacts(a, t), Arrays.copyOf(out, n), "contacts of " + a);
        }
        for (int x = 0; x < g.numberCount(); x++) {
          int n = g.holdersInto(x, t, out);
          assertArrayEquals(g.holders(x, t), Arrays.copyOf(out, n), "holders of " + x);
        }
      }
    }
  }
}
