package org.contactaudit.generate;

import java.util.SplittableRandom;

/**
 * Picks the candidates of recommendations as common strategies would, from the phonebooks made
 * again on demand.
 *
 * <p>The viewer's book must have been filled into {@code viewer} first. Each strategy answers a
 * candidate account or -1 when it found none within a few tries, and sets {@link #explanation}:
 * {@code in_contacts} for most forward ones (and, misleadingly, for some reverse ones), {@code
 * mutual_contacts:N} with the true count for most shared-contact ones, empty otherwise.
 */
final class Recommender {
  /** The strategies, in the order of {@link #WEIGHTS}. */
  static final String[] STRATEGIES = {
    "forward", "reverse", "shared_contact", "co_holder", "chain", "random"
  };

  private static final int[] WEIGHTS = {25, 20, 20, 10, 15, 10};
  private static final int TRIES = 6;

  private final Population pop;
  private final Book viewer;
  private final Book other;
  private final int[] block = Population.blockBuffer();
  String explanation = "";

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
    explanation = "";
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
    int c = accountIn(viewer, rng);
    if (c >= 0 && rng.nextInt(100) < 80) {
      explanation = "in_contacts";
    }
    return c;
  }

  private int reverse(SplittableRandom rng) {
    int c = holderOfViewer(rng);
    if (c >= 0 && rng.nextInt(100) < 30) {
      explanation = "in_contacts";
    }
    return c;
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
          if (rng.nextInt(100) < 85) {
            explanation = "mutual_contacts:" + mutual();
          }
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
