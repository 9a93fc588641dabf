package org.contactaudit.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.contactaudit.time.Times;
import org.junit.jupiter.api.Test;

/** The queries of {@link ContactGraph} on small graphs drawn by hand. */
class ContactGraphTest {
  private static final long A = 861001, B = 861002, C = 861003, D = 861004;
  private static final long X1 = 869001, X2 = 869002;

  /**
   * a holds b, c, x1, x2; b holds a, x1; c holds b, x1, x2; d holds c. Ids: accounts 0..3 in order,
   * then x1 = 4 and x2 = 5 in order of first appearance.
   */
  private static ContactGraph untimed() {
    ContactGraphBuilder b = ContactGraph.builder();
    b.addAccount("a", A, Times.ALWAYS, Times.NEVER);
    b.addAccount("b", B, Times.ALWAYS, Times.NEVER);
    b.addAccount("c", C, Times.ALWAYS, Times.NEVER);
    b.addAccount("d", D, Times.ALWAYS, Times.NEVER);
    b.addEntry(0, X1, Times.ALWAYS, Times.NEVER);
    b.addEntry(0, C, Times.ALWAYS, Times.NEVER);
    b.addEntry(0, B, Times.ALWAYS, Times.NEVER);
    b.addEntry(0, X2, Times.ALWAYS, Times.NEVER);
    b.addEntry(1, A, Times.ALWAYS, Times.NEVER);
    b.addEntry(1, X1, Times.ALWAYS, Times.NEVER);
    b.addEntry(2, B, Times.ALWAYS, Times.NEVER);
    b.addEntry(2, X1, Times.ALWAYS, Times.NEVER);
    b.addEntry(2, X2, Times.ALWAYS, Times.NEVER);
    b.addEntry(3, C, Times.ALWAYS, Times.NEVER);
    b.addEntry(3, C, Times.ALWAYS, Times.NEVER);
    ContactGraph g = b.build();
    assertEquals(1, b.duplicatesMerged());
    return g;
  }

  @Test
  void idsCountsAndOwners() {
    ContactGraph g = untimed();
    assertEquals(4, g.accountCount());
    assertEquals(6, g.numberCount());
    assertEquals(10, g.entryCount());
    assertFalse(g.isTimed());
    assertEquals("c", g.accountId(2));
    assertEquals(2, g.accountIndex("c"));
    assertEquals(-1, g.accountIndex("e"));
    assertEquals(4, g.numberIndex(X1));
    assertEquals(5, g.numberIndex(X2));
    assertEquals(-1, g.numberIndex(12345));
    assertEquals(X2, g.numberKey(5));
    assertEquals(1, g.ownerOf(1));
    assertEquals(-1, g.ownerOf(4));
    assertFalse(g.isShadow(3));
    assertTrue(g.isShadow(4));
    assertTrue(g.isLive(0, Times.END_OF_TIME));
    assertEquals(4, g.maxDegree());
  }

  @Test
  void holdsContactsAndHolders() {
    ContactGraph g = untimed();
    assertTrue(g.holds(0, 1));
    assertFalse(g.holds(1, 2));
    assertFalse(g.holds(0, 0));
    assertArrayEquals(new int[] {1, 2, 4, 5}, g.contacts(0));
    assertArrayEquals(new int[] {1, 2, 4, 5}, g.contacts(0, Times.END_OF_TIME));
    assertArrayEquals(new int[] {0, 4}, g.contacts(1));
    assertArrayEquals(new int[] {0, 1, 2}, g.holders(4));
    assertArrayEquals(new int[] {0, 3}, g.holders(2));
    assertArrayEquals(new int[] {}, g.holders(3));
    assertArrayEquals(new int[] {0, 3}, g.holders(2, 0));
    assertEquals(4, g.contactCount(0));
    assertEquals(3, g.holderCount(4));
    assertEquals(3, g.holderCount(4, 0));
  }

  @Test
  void sharedContactsAreNumbersBothHoldButNeverTheirOwn() {
    ContactGraph g = untimed();
    IdBuffer out = g.newBuffer();
    assertEquals(3, g.sharedContacts(0, 2, 0, out));
    assertArrayEquals(new int[] {1, 4, 5}, out.toArray());
    // a holds b's number and b holds a's: neither is a shared contact of a and b.
    assertEquals(1, g.sharedContacts(0, 1, 0, out));
    assertEquals(4, out.get(0));
    assertThrows(IndexOutOfBoundsException.class, () -> out.get(1));
    assertEquals(0, g.sharedContacts(3, 1, 0, out));
    assertEquals(0, out.size());
  }

  @Test
  void coHoldersHoldBothNumbers() {
    ContactGraph g = untimed();
    IdBuffer out = g.newBuffer();
    assertEquals(1, g.coHolders(1, 2, 0, out));
    assertArrayEquals(new int[] {0}, out.toArray());
    assertEquals(0, g.coHolders(0, 1, 0, out));
  }

  @Test
  void chainBridgesAreAccountsTheViewerHoldsThatHoldTheCandidate() {
    ContactGraph g = untimed();
    IdBuffer out = g.newBuffer();
    assertEquals(1, g.chainBridges(3, 1, 0, out));
    assertArrayEquals(new int[] {2}, out.toArray());
    assertEquals(1, g.chainBridges(1, 2, 0, out));
    assertArrayEquals(new int[] {0}, out.toArray());
    assertEquals(1, g.chainBridges(0, 1, 0, out));
    assertArrayEquals(new int[] {2}, out.toArray());
    assertEquals(0, g.chainBridges(2, 3, 0, out), "nobody holds d");
  }

  /**
   * a (always) holds b in [10, 20) and [30, never), x1 from 15; b exists in [5, 25); c exists from
   * 12 and holds a and b from 0; x1 is shadow.
   */
  private static ContactGraph timed() {
    ContactGraphBuilder b = ContactGraph.builder();
    b.addAccount("a", A, Times.ALWAYS, Times.NEVER);
    b.addAccount("b", B, 5, 25);
    b.addAccount("c", C, 12, Times.NEVER);
    b.addEntry(0, B, 30, Times.NEVER);
    b.addEntry(0, B, 10, 20);
    b.addEntry(0, X1, 15, Times.NEVER);
    b.addEntry(2, A, 0, Times.NEVER);
    b.addEntry(2, B, 0, Times.NEVER);
    b.addEntry(2, X1, Times.ALWAYS, Times.NEVER);
    b.addEntry(0, B, 10, 20);
    ContactGraph g = b.build();
    assertEquals(1, b.duplicatesMerged());
    return g;
  }

  @Test
  void entriesCountOnlyInTheirIntervalsAndWhileTheOwnerExists() {
    ContactGraph g = timed();
    assertTrue(g.isTimed());
    assertEquals(5, g.entryCount());
    assertFalse(g.holds(0, 1, 9));
    assertTrue(g.holds(0, 1, 10));
    assertFalse(g.holds(0, 1, 20));
    assertTrue(g.holds(0, 1, 30));
    assertTrue(g.holds(0, 1, Times.END_OF_TIME));
    assertTrue(g.holds(0, 1), "ever held");
    assertFalse(g.holds(2, 0, 11), "c does not exist before 12");
    assertTrue(g.holds(2, 0, 12));
    assertArrayEquals(new int[] {}, g.contacts(2, 11));
    assertArrayEquals(new int[] {0, 1, 3}, g.contacts(2, 12));
    assertArrayEquals(new int[] {1}, g.contacts(0, 14));
    assertArrayEquals(new int[] {3}, g.contacts(0, 25));
    assertArrayEquals(new int[] {0, 2}, g.holders(1, 12));
    assertArrayEquals(new int[] {0}, g.holders(1, 11), "c does not exist before 12");
    assertArrayEquals(new int[] {}, g.holders(1, 9));
    assertEquals(2, g.holderCount(3, 15));
    assertEquals(0, g.holderCount(3, 11));
  }

  @Test
  void accountsExistInTheirLifetimeAndTheirNumberIsShadowOtherwise() {
    ContactGraph g = timed();
    assertFalse(g.isLive(1, 4));
    assertTrue(g.isLive(1, 5));
    assertFalse(g.isLive(1, 25));
    assertTrue(g.isShadow(1, 25));
    assertFalse(g.isShadow(1, 24));
    assertFalse(g.isShadow(1));
    assertTrue(g.isShadow(3, 15));
    assertTrue(g.isLive(2, Times.END_OF_TIME));
    assertFalse(g.isLive(1, Times.END_OF_TIME));
  }

  @Test
  void evidenceKernelsAnswerAtTheInstant() {
    ContactGraph g = timed();
    IdBuffer out = g.newBuffer();
    // a and c share b while a holds it ([10, 20)) and x1 from 15 (a's entry), from 12 (c exists).
    assertEquals(0, g.sharedContacts(0, 2, 11, out));
    assertEquals(1, g.sharedContacts(0, 2, 14, out));
    assertArrayEquals(new int[] {1}, out.toArray());
    assertEquals(2, g.sharedContacts(0, 2, 15, out));
    assertArrayEquals(new int[] {1, 3}, out.toArray());
    assertEquals(1, g.sharedContacts(0, 2, 22, out));
    assertArrayEquals(new int[] {3}, out.toArray());
    // c holds a and b from 12; b exists until 25.
    assertEquals(1, g.coHolders(0, 1, 12, out));
    assertEquals(0, g.coHolders(0, 1, 25, out));
    // c → a → b only while a holds b: [10, 20), and b exists.
    assertEquals(1, g.chainBridges(2, 1, 15, out));
    assertArrayEquals(new int[] {0}, out.toArray());
    assertEquals(0, g.chainBridges(2, 1, 22, out));
  }

  @Test
  void chainBridgesNeedTheCandidateToExist() {
    ContactGraph g = timed();
    IdBuffer out = g.newBuffer();
    // At 30 a holds b's number again, but b was deleted at 25: a holds a shadow number.
    assertTrue(g.holds(0, 1, 30));
    assertEquals(0, g.chainBridges(2, 1, 30, out));
    assertEquals(0, g.coHolders(2, 1, 30, out));
    assertEquals(0, g.sharedContacts(2, 1, 30, out));
  }

  @Test
  void builderRefusesWhatTheGraphCannotHold() {
    ContactGraphBuilder b = ContactGraph.builder();
    b.addAccount("a", A, Times.ALWAYS, Times.NEVER);
    assertThrows(
        IllegalArgumentException.class, () -> b.addAccount("a", B, Times.ALWAYS, Times.NEVER));
    assertThrows(
        IllegalArgumentException.class, () -> b.addAccount("b", A, Times.ALWAYS, Times.NEVER));
    assertThrows(
        IllegalArgumentException.class, () -> b.addAccount("b", -1, Times.ALWAYS, Times.NEVER));
    IllegalArgumentException own =
        assertThrows(
            IllegalArgumentException.class, () -> b.addEntry(0, A, Times.ALWAYS, Times.NEVER));
    assertEquals("account 'a' cannot hold its own number", own.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.addEntry(1, B, 0, 1));
    b.addEntry(0, X1, Times.ALWAYS, Times.NEVER);
    assertThrows(
        IllegalStateException.class, () -> b.addAccount("b", B, Times.ALWAYS, Times.NEVER));
    assertThrows(IllegalStateException.class, b::duplicatesMerged);
    b.build();
    assertThrows(IllegalStateException.class, b::build);
  }
}
