package org.contactaudit.generate;

import java.util.SplittableRandom;

/**
 * Picks the candidates of recommendations as common strategies would, from the phonebooks made
 * again on demand.
 *
 * <p>The viewer's book must have been filled into {@code viewer} first. Each strategy answers a
 * candidate account or -1 when it found none within a few tries, and sets {@link #form} to the
 * explanation that its evidence supports: {@link #IN_CONTACTS} for a forward pick, {@link
 * #HAS_YOUR_NUMBER} for a reverse one, {@link #MUTUAL_CONTACTS} (with the shared count in {@link
 * #count}) for a shared-contact one, {@link #FRIEND_OF_FRIEND} for a chain, {@link #NONE} for the
 * others.
 */
final class Recommender {
  /** The strategies, in the order of {@link #WEIGHTS}. */
  static final String[] STRATEGIES = {
    "forward", "reverse", "shared_contact", "co_holder", "chain", "random"
  };

  /** No explanation form fits the evidence. */
  static final int NONE = 0;

  /** {@code in_contacts}: the viewer holds the candidate's number. */
  static final int IN_CONTACTS = 1;

  /** {@code has_your_number}: the candidate holds the viewer's number. */
  static final int HAS_YOUR_NUMBER = 2;

  /** {@code mutual_contacts:N}: both hold N numbers. */
  static final int MUTUAL_CONTACTS = 3;

  /** {@code friend_of_friend}: a contact of the viewer holds the candidate's number. */
  static final int FRIEND_OF_FRIEND = 4;

  private static final int[] WEIGHTS = {25, 20, 20, 10, 15, 10};
  private static final int TRIES = 6;

  private final Population pop;
  private final Book viewer;
  private final Book other;
  private final int[] block = Population.blockBuffer();
  int form;
  int count;

  Recommender(Population pop, Book viewer, Book other) {
    this.pop = pop;
    this.viewer = viewer;
    this.other = other;
  }

  /** Draws a strategy by its weight. */
  static int strategy(SplittableRandom rng) {
    int r = rng.nextInt(100);
    for (int s = 0; s < WEIGHTS.length; s++) {
      r -= WEIGHTS[s];
      if (r < 0) {
        return s;
      }
    }
    return WEIGHTS.length - 1;
  }

  /** A candidate for the viewer by a strategy, or -1. */
  int candidate(int strategy, SplittableRandom rng) {
    form = NONE;
    count = 0;
    switch (strategy) {
      case 0:
        return forward(rng);
      case 1:
        return reverse(rng);
      case 2:
        return shared(rng);
      case 3:
        return coHolder(rng);
      case 4:
        return chain(rng);
      default:
        return random(rng);
    }
  }

  private int forward(SplittableRandom rng) {
    form = IN_CONTACTS;
    return accountIn(viewer, rng);
  }

  private int reverse(SplittableRandom rng) {
    form = HAS_YOUR_NUMBER;
    return holderOfViewer(rng);
  }

  /** Someone who holds a number that the viewer holds too. */
  private int shared(SplittableRandom rng) {
    if (viewer.size() == 0) {
      return -1;
    }
    int x = viewer.get(rng.nextInt(viewer.size()));
    if (!pop.inCommunity(x)) {
      return -1;
    }
    int v = viewer.owner();
    for (int i = 0; i < TRIES; i++) {
      int c;
      if (pop.isHub(x)) {
        c = rng.nextInt(pop.accounts);
      } else {
        int type = rng.nextInt(3);
        int n = pop.members(type, x, block);
        c = block[rng.nextInt(n)];
        if (!pop.tie(type, x, c)) {
          continue;
        }
      }
      if (c < pop.accounts && c != v && c != x) {
        pop.fill(other, c);
        if (other.contains(x)) {
          form = MUTUAL_CONTACTS;
          count = mutual();
          return c;
        }
      }
    }
    return -1;
  }

  /** Someone else whose number is held by one who holds the viewer's number. */
  private int coHolder(SplittableRandom rng) {
    return holderOfViewer(rng) < 0 ? -1 : accountIn(other, rng);
  }

  /** Someone whose number is held by one whose number the viewer holds. */
  private int chain(SplittableRandom rng) {
    int w = accountIn(viewer, rng);
    if (w < 0) {
      return -1;
    }
    pop.fill(other, w);
    form = FRIEND_OF_FRIEND;
    return accountIn(other, rng);
  }

  private int random(SplittableRandom rng) {
    for (int i = 0; i < TRIES; i++) {
      int c = rng.nextInt(pop.accounts);
      if (c != viewer.owner()) {
        return c;
      }
    }
    return -1;
  }

  /** An account that holds the viewer's number, found among the viewer's communities. */
  private int holderOfViewer(SplittableRandom rng) {
    int v = viewer.owner();
    for (int i = 0; i < TRIES; i++) {
      int type = rng.nextInt(3);
      int n = pop.members(type, v, block);
      int c = block[rng.nextInt(n)];
      if (c < pop.accounts && c != v && pop.tie(type, v, c)) {
        pop.fill(other, c);
        if (other.contains(v)) {
          return c;
        }
      }
    }
    return -1;
  }

  /** An account held in a book other than the viewer, or -1. */
  private int accountIn(Book book, SplittableRandom rng) {
    for (int i = 0; i < TRIES && book.size() > 0; i++) {
      int c = book.get(rng.nextInt(book.size()));
      if (c < pop.accounts && c != viewer.owner()) {
        return c;
      }
    }
    return -1;
  }

  private int mutual() {
    int n = 0;
    for (int i = 0; i < other.size(); i++) {
      if (viewer.contains(other.get(i))) {
        n++;
      }
    }
    return n;
  }
}
