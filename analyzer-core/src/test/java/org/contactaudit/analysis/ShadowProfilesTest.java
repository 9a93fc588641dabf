package org.contactaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contactaudit.audit.World;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

class ShadowProfilesTest {
  private static final long DAY = 86_400_000L;

  /**
   * A(1), B(2), C(3) exist always, D(4) from day 10. Shadow numbers 900, 901, 902, 903. A holds
   * 900, 901 and D; B holds 900, 901 and 903 until day 5; C holds 900 and 902 until day 5; D holds
   * 902.
   */
  private static ContactGraph graph() {
    return new World()
        .account("A", 1)
        .account("B", 2)
        .account("C", 3)
        .account("D", 4, 10 * DAY, Times.NEVER)
        .holdsNumber("A", 900)
        .holdsNumber("A", 901)
        .holds("A", "D")
        .holdsNumber("B", 900)
        .holdsNumber("B", 901)
        .holdsNumber("B", 903, Times.ALWAYS, 5 * DAY)
        .holdsNumber("C", 900)
        .holdsNumber("C", 902, Times.ALWAYS, 5 * DAY)
        .holdsNumber("D", 902)
        .graph();
  }

  private static Map<String, Long> histogram(long... counts) {
    String[] labels = {"1", "2", "3-4", "5-9", "10-19", "20-49", "50-99", "100+"};
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      out.put(labels[i], i < counts.length ? counts[i] : 0L);
    }
    return out;
  }

  private static List<String> listed(ContactGraph g, ShadowProfiles p, int k) {
    List<String> out = new ArrayList<>();
    p.forEachHeldByAtLeast(k, (x, h) -> out.add(g.numberKey(x) + ":" + h));
    return out;
  }

  @Test
  void beforeDJoinsItsNumberIsAShadowToo() {
    ContactGraph g = graph();
    ShadowProfiles p = ShadowProfiles.of(g, DAY);
    // 900 by A, B, C; 901 by A, B; 902 by C (D does not exist yet); 903 by B; D's number by A.
    assertEquals(5, p.shadowNumbers());
    assertEquals(3, p.maxHolders());
    assertEquals(histogram(3, 1, 1), p.histogram());
    assertEquals(5, p.heldByAtLeast(1));
    assertEquals(2, p.heldByAtLeast(2));
    assertEquals(1, p.heldByAtLeast(3));
    assertEquals(0, p.heldByAtLeast(4));
    assertEquals(3 + 2 + 1 + 1 + 1, p.signUpReach(1));
    assertEquals(3 + 2, p.signUpReach(2));
    // In number id order: the order of first appearance.
    assertEquals(List.of("4:1", "900:3", "901:2", "903:1", "902:1"), listed(g, p, 1));
    assertEquals(List.of("900:3", "901:2"), listed(g, p, 2));
    assertEquals(DAY, p.at());
  }

  @Test
  void afterDJoinsAndDeletionsOnlyHeldShadowNumbersCount() {
    ContactGraph g = graph();
    ShadowProfiles p = ShadowProfiles.of(g, 20 * DAY);
    // D's number is a user number now; 902 is held by D only; nobody holds 903 any more.
    assertEquals(3, p.shadowNumbers());
    assertEquals(histogram(1, 1, 1), p.histogram());
    assertEquals(List.of("900:3", "901:2", "902:1"), listed(g, p, 1));
    assertEquals(6, p.signUpReach(1));
    assertEquals(3, p.signUpReach(3));
  }

  @Test
  void aGraphWithoutShadowsHasNoProfiles() {
    ContactGraph g = new World().account("A", 1).account("B", 2).holds("A", "B").graph();
    ShadowProfiles p = ShadowProfiles.of(g, Times.END_OF_TIME);
    assertEquals(0, p.shadowNumbers());
    assertEquals(0, p.maxHolders());
    assertEquals(0, p.signUpReach(1));
    assertEquals(histogram(), p.histogram());
  }

  @Test
  void aHubLandsInTheTopBucket() {
    World w = new World();
    for (int a = 0; a < 120; a++) {
      w.account("a" + a, 1000 + a).holdsNumber("a" + a, 5);
    }
    ShadowProfiles p = ShadowProfiles.of(w.graph(), Times.END_OF_TIME);
    assertEquals(histogram(0, 0, 0, 0, 0, 0, 0, 1), p.histogram());
    assertEquals(120, p.signUpReach(100));
    assertEquals(0, p.signUpReach(121));
  }
}
