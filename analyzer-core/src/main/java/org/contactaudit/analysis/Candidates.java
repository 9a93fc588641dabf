package org.contactaudit.analysis;

import java.util.Arrays;
import org.contactaudit.audit.EvidenceTally;
import org.contactaudit.graph.ContactGraph;

/**
 * The candidates of one viewer, scored for every {@link Strategy} at once in arrays indexed by
 * account, with the list of accounts touched so that clearing costs what generating cost. One per
 * thread, reused for every viewer; no allocation per viewer or candidate.
 *
 * <p>The viewer is given by its phonebook at {@code t} and the holders of its number at {@code t}:
 * a real account's ({@link #loadViewer}) or a probe's, a fake account that holds one number and
 * whose number nobody holds ({@link #loadProbe}). Generation walks the CSR from there:
 *
 * <ul>
 *   <li>direct edges: the viewer's user contacts and the holders of its number, {@code O(d)};
 *   <li>shared contacts: for each number {@code x} the viewer holds, the holders of {@code x};
 *   <li>co-holders: for each holder {@code W} of the viewer's number, {@code W}'s user contacts;
 *   <li>chains: for each account {@code W} the viewer holds, {@code W}'s user contacts;
 * </ul>
 *
 * so a viewer costs {@code O(Σ degrees of its two-hop neighbourhood)} to generate, plus {@code O(m
 * log m)} per ranking of its {@code m} candidates. Memory: 29 bytes per account and 12 bytes per
 * unit of {@link ContactGraph#maxDegree()}.
 */
final class Candidates {
  /** Generate direct edges (both directions). */
  static final int DIRECT = 1;

  /** Generate shared contacts. */
  static final int SHARED = 2;

  /** Generate co-holders. */
  static final int CO_HOLDERS = 4;

  /** Generate chains. */
  static final int CHAINS = 8;

  /** Generate everything. */
  static final int ALL = DIRECT | SHARED | CO_HOLDERS | CHAINS;

  private static final byte FORWARD_BIT = 1;
  private static final byte REVERSE_BIT = 2;

  private final ContactGraph graph;
  private final int accounts;
  private final byte[] direct;
  private final int[] shared;
  private final int[] coHolders;
  private final int[] chains;
  private final boolean[] seen;
  private final int[] touched;
  private int touchedSize;
  private final long[] keys;
  private final int[] phonebook;
  private int phonebookSize;
  private final int[] holders;
  private int holdersSize;
  private final int[] inner;

  /** A tally for judging probe suggestions. */
  final EvidenceTally tally = new EvidenceTally();

  /** The suggestions selected last, for the caller. */
  final int[] selected;

  Candidates(ContactGraph graph, int topK) {
    this.graph = graph;
    this.accounts = graph.accountCount();
    this.direct = new byte[accounts];
    this.shared = new int[accounts];
    this.coHolders = new int[accounts];
    this.chains = new int[accounts];
    this.seen = new boolean[accounts];
    this.touched = new int[accounts];
    this.keys = new long[accounts];
    int degree = Math.max(1, graph.maxDegree());
    this.phonebook = new int[degree];
    this.holders = new int[degree];
    this.inner = new int[degree];
    this.selected = new int[topK];
  }

  /** The sources a strategy's scores need. */
  static int sources(Strategy s) {
    return switch (s) {
      case FORWARD_CONTACTS, REVERSE_CONTACTS -> DIRECT;
      case SHARED_CONTACTS -> SHARED;
      case CO_HOLDERS -> CO_HOLDERS;
      case CHAINS -> CHAINS;
      case CONSENT_SAFE -> ALL;
    };
  }

  /** Takes the phonebook of account {@code v} and the holders of its number at {@code t}. */
  void loadViewer(int v, long t) {
    phonebookSize = graph.contactsInto(v, t, phonebook);
    holdersSize = graph.holdersInto(v, t, holders);
  }

  /** Takes a fake account that holds only number {@code x} and whose number nobody holds. */
  void loadProbe(int x) {
    phonebook[0] = x;
    phonebookSize = 1;
    holdersSize = 0;
  }

  /**
   * Scores the candidates of the loaded viewer at {@code t}.
   *
   * @param v the viewer's account id, excluded from the candidates, or {@code -1} for a probe
   * @param sources which scores to compute ({@link #DIRECT}, {@link #SHARED}, ...)
   */
  void generate(int v, long t, int sources) {
    if ((sources & DIRECT) != 0) {
      for (int i = 0; i < phonebookSize && phonebook[i] < accounts; i++) {
        int c = phonebook[i];
        if (c != v && graph.isLive(c, t)) {
          touch(c);
          direct[c] |= FORWARD_BIT;
        }
      }
      for (int i = 0; i < holdersSize; i++) {
        int c = holders[i];
        if (c != v) {
          touch(c);
          direct[c] |= REVERSE_BIT;
        }
      }
    }
    if ((sources & SHARED) != 0) {
      for (int i = 0; i < phonebookSize; i++) {
        int x = phonebook[i];
        if (x == v) {
          continue;
        }
        int n = graph.holdersInto(x, t, inner);
        for (int j = 0; j < n; j++) {
          int c = inner[j];
          if (c != v && c != x) {
            touch(c);
            shared[c]++;
          }
        }
      }
    }
    if ((sources & CO_HOLDERS) != 0) {
      for (int i = 0; i < holdersSize; i++) {
        if (holders[i] != v) {
          userContactsOf(holders[i], v, t, coHolders);
        }
      }
    }
    if ((sources & CHAINS) != 0) {
      for (int i = 0; i < phonebookSize && phonebook[i] < accounts; i++) {
        if (phonebook[i] != v) {
          userContactsOf(phonebook[i], v, t, chains);
        }
      }
    }
  }

  /** Counts a bridge {@code w} for each account other than {@code v} and {@code w} it holds. */
  private void userContactsOf(int w, int v, long t, int[] score) {
    int n = graph.contactsInto(w, t, inner);
    for (int j = 0; j < n && inner[j] < accounts; j++) {
      int c = inner[j];
      if (c != v && c != w && graph.isLive(c, t)) {
        touch(c);
        score[c]++;
      }
    }
  }

  private void touch(int c) {
    if (!seen[c]) {
      seen[c] = true;
      touched[touchedSize++] = c;
    }
  }

  /** How many accounts have any evidence with the viewer (among the sources generated). */
  int poolSize() {
    return touchedSize;
  }

  /**
   * Ranks the candidates of a strategy: score descending, then account id ascending.
   *
   * @return how many there are; {@link #ranked(int)} reads them in rank order
   */
  int rank(Strategy s) {
    int m = 0;
    for (int i = 0; i < touchedSize; i++) {
      int c = touched[i];
      int score = score(s, c);
      if (score > 0) {
        keys[m++] = ((long) (Integer.MAX_VALUE - score) << 32) | c;
      }
    }
    Arrays.sort(keys, 0, m);
    return m;
  }

  /** The candidate of rank {@code i} of the last {@link #rank}. */
  int ranked(int i) {
    return (int) keys[i];
  }

  private int score(Strategy s, int c) {
    int d = direct[c];
    return switch (s) {
      case FORWARD_CONTACTS -> (d & FORWARD_BIT) != 0 ? Integer.bitCount(d) : 0;
      case REVERSE_CONTACTS -> (d & REVERSE_BIT) != 0 ? Integer.bitCount(d) : 0;
      case SHARED_CONTACTS -> shared[c];
      case CO_HOLDERS -> coHolders[c];
      case CHAINS -> chains[c];
      case CONSENT_SAFE -> Integer.bitCount(d) + shared[c] + coHolders[c] + chains[c];
    };
  }

  /** Forgets every score, in time proportional to the accounts touched. */
  void clear() {
    for (int i = 0; i < touchedSize; i++) {
      int c = touched[i];
      direct[c] = 0;
      shared[c] = 0;
      coHolders[c] = 0;
      chains[c] = 0;
      seen[c] = false;
    }
    touchedSize = 0;
  }
}
