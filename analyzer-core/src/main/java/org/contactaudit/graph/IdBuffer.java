package org.contactaudit.graph;

/**
 * A reusable buffer for the ids that an evidence query finds, sized for one graph by {@link
 * ContactGraph#newBuffer()} (or owned by an {@link EvidenceFinder}). Not thread-safe: give each
 * thread its own. Each query overwrites it.
 */
public final class IdBuffer {
  final int[] posA;
  final int[] posB;
  final int[] values;
  int size;

  /**
   * @param positions whether the query needs room for the positions of an intersection too
   */
  IdBuffer(int capacity, boolean positions) {
    this.posA = positions ? new int[capacity] : null;
    this.posB = positions ? new int[capacity] : null;
    this.values = new int[capacity];
  }

  /** How many ids the last query found. */
  public int size() {
    return size;
  }

  /** The {@code i}-th id found by the last query, in increasing order. */
  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " of " + size + " ids");
    }
    return values[i];
  }

  /** A copy of the ids found by the last query. */
  public int[] toArray() {
    return java.util.Arrays.copyOf(values, size);
  }
}
