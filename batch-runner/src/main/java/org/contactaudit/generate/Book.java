package org.contactaudit.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One account's phonebook as made by {@link Population#fill}: the distinct persons it holds, with
 * constant-time membership through a stamp per person. A book is reused for many accounts; it is
 * not thread-safe.
 */
final class Book {
  final int[] block = Population.blockBuffer();
  private final int[] mark;
  private int stamp;
  private int[] items = new int[256];
  private int size;
  private int owner = -1;

  Book(int persons) {
    this.mark = new int[persons];
  }

  /** Empties the book for a new owner. */
  void reset(int account) {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      stamp = 1;
    }
    size = 0;
    owner = account;
  }

  /** The account whose book this is. */
  int owner() {
    return owner;
  }

  /** Adds a person unless held already. */
  void add(int person) {
    if (mark[person] != stamp) {
      mark[person] = stamp;
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = person;
    }
  }

  /** Keeps a random {@code k} of the persons when there are more. */
  void keepRandom(int k, SplittableRandom rng) {
    if (size <= k) {
      return;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(size - i);
      int t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    for (int i = k; i < size; i++) {
      mark[items[i]] = 0;
    }
    size = k;
  }

  /** Whether the book holds a person. */
  boolean contains(int person) {
    return mark[person] == stamp;
  }

  /** The number of persons held. */
  int size() {
    return size;
  }

  /** The person at an index in {@code [0, size())}. */
  int get(int i) {
    return items[i];
  }
}
