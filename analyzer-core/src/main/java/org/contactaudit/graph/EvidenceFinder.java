package org.contactaudit.graph;

import java.util.Arrays;

/**
 * Finds all the evidence between a viewer {@code V} and a candidate {@code C} at an instant in one
 * pass, by marking: the two direct edges ({@code V → C}, {@code C → V}) and the bridges of the
 * three bridged kinds, the same answers as {@link ContactGraph#holds(int, int, long)}, {@link
 * ContactGraph#sharedContacts}, {@link ContactGraph#chainBridges} and {@link
 * ContactGraph#coHolders} together, at a fraction of their cost.
 *
 * <h2>Technique</h2>
 *
 * The three bridged kinds intersect four sorted runs: {@code V}'s phonebook with {@code C}'s
 * (shared contacts), {@code V}'s phonebook with {@code C}'s holders (chains) and {@code V}'s
 * holders with {@code C}'s holders (co-holders). The finder marks the two runs of one side, the
 * side with fewer elements, in two bit sets (its phonebook by number id, its holders by account
 * id), then walks the other side's two runs once and tests each element's bits. The direct edges
 * are two bit tests more ({@code V} holds {@code C} when {@code C}'s number, id {@code C}, is
 * marked). A merge intersection's steps depend on each other; these tests do not, so the processor
 * overlaps them.
 *
 * <p>Time {@code O(m + p)}: {@code 3m} for the {@code m} elements of the marked side (read, mark,
 * clear), {@code p} for the probed side's elements, with no branch that depends on the data. On a
 * small graph, whose bit sets are less than {@value #FILL_RATIO} words a marked element, one fill
 * of the bit sets clears them faster than a write per element. Memory: two bits a number, plus
 * three buffers of {@link ContactGraph#maxDegree()} ids (the bit sets of a graph of 10 million
 * numbers take 2.5 MB).
 *
 * <h2>Lists of suggestions</h2>
 *
 * The marks stay set after a {@code find} and are cleared when another side must be marked. The
 * next question on the same account (either role) at an instant where its marks hold only probes
 * the other side: {@code p} instead of {@code 3m + p}, and the kept side's runs are not read again.
 * The marks hold at any instant on an untimed graph; on a timed one at the same instant, and at any
 * instant of the same day when every marked element's day window answered without an exact
 * comparison. When the viewer is the viewer of the previous question (the same day, on a timed
 * graph), it is marked even if it is the larger side: an app shows a list of suggestions to one
 * viewer at a time, and judging such a list in order marks its viewer once.
 *
 * <h2>Time</h2>
 *
 * On a timed graph the marked side marks only its elements valid at the instant, and each hit of
 * the probe is checked at its position on the probed side. Both read the graph's day windows, which
 * lie parallel to the runs ({@link ContactGraph#validAt}): one {@code int} next to each element
 * instead of its intervals scattered over the entries, so validity costs about the memory traffic
 * of the runs themselves. Only an element that starts or ends in the day of the instant, or has
 * several intervals, is compared exactly.
 *
 * <p>Not thread-safe: each thread makes its own with {@link ContactGraph#newEvidenceFinder()} and
 * reuses it. Each {@link #find} overwrites the previous answer; the bridges of each kind are listed
 * in increasing id order. The two accounts themselves are never found as bridges, without a test:
 * nobody holds their own number ({@link ContactGraphBuilder#addEntry} refuses it), so neither
 * account is ever marked or probed where it could match.
 */
public final class EvidenceFinder {
  /** Ids in a 64-byte cache line. */
  private static final int LINE = 16;

  private final ContactGraph g;
  private final boolean timed;
  private final long[] numberMarks;
  private final long[] holderMarks;

  /** The words of {@link #holderMarks} that hold accounts: the only ones ever set. */
  private final int accountWords;

  /** Filling both bit sets beats clearing each marked word below this ratio. */
  private static final int FILL_RATIO = 8;

  /** Set in what {@link #validBit} returns when only an exact comparison answered. */
  private static final int EXACTLY = 2;

  private final IdBuffer shared;
  private final IdBuffer chains;
  private final IdBuffer coHolders;
  private boolean forward;
  private boolean reverse;
  private int touched;

  /**
   * The account whose side the bit sets hold, or -1; on a timed graph as it is at {@link #markedT},
   * and at every instant of the day {@link #markedDay} when {@link #markedForDay}.
   */
  private int marked = -1;

  private long markedT;
  private int markedDay;
  private boolean markedForDay;

  /** The viewer of the previous {@link #find}, and the day of its instant. */
  private int lastViewer = -1;

  private int lastDay;

  EvidenceFinder(ContactGraph g) {
    this.g = g;
    this.timed = g.isTimed();
    this.numberMarks = new long[(g.numberCount() + 63) >>> 6];
    // Sized for numbers too, so that any number id may be tested against it (never set there).
    this.holderMarks = new long[(g.numberCount() + 63) >>> 6];
    this.accountWords = (g.accountCount() + 63) >>> 6;
    this.shared = new IdBuffer(g.maxDegree(), false);
    this.chains = new IdBuffer(g.maxDegree(), false);
    this.coHolders = new IdBuffer(g.maxDegree(), false);
  }

  /**
   * Finds the evidence for "{@code v} was shown {@code c} at {@code t}". Without evidence when
   * either account does not exist at {@code t}.
   *
   * @return whether any evidence was found
   */
  public boolean find(int v, int c, long t) {
    forward = false;
    reverse = false;
    shared.size = 0;
    chains.size = 0;
    coHolders.size = 0;
    int day = DayWindows.key(t);
    boolean streak = v == lastViewer && (!timed || day == lastDay);
    lastViewer = v;
    lastDay = day;
    if (!g.isLive(v, t) || !g.isLive(c, t)) {
      return false;
    }
    int[] fo = g.fwdOffsets;
    int[] io = g.invOffsets;
    long sizeV = (long) fo[v + 1] - fo[v] + io[v + 1] - io[v];
    long sizeC = (long) fo[c + 1] - fo[c] + io[c + 1] - io[c];
    int kept = isKept(v, t, day) ? v : isKept(c, t, day) ? c : -1;
    // Keep a marked side; else mark the viewer of a list (see the class comment) or the smaller.
    boolean markV = kept >= 0 ? kept == v : streak || sizeV <= sizeC;
    if (kept < 0) {
      touched = touch(v) ^ touch(c);
      if (marked >= 0) {
        clearSide(marked);
      }
      marked = markV ? v : c;
      markedT = t;
      markedDay = day;
      markedForDay = markSide(marked, t, day);
    } else {
      touched = touch(markV ? c : v);
    }
    if (markV) {
      forward = isSet(numberMarks, c);
      reverse = isSet(holderMarks, c);
      // shared contacts: C's phonebook against V's; chains and co-holders: C's holders against
      // V's phonebook and V's holders.
      shared.size = probe(g.fwdTargets, fo[c], fo[c + 1], numberMarks, shared.values);
      probeTwice(g.invHolders, io[c], io[c + 1], numberMarks, chains, holderMarks, coHolders);
      resolve(shared, false, t, day);
      resolve(chains, true, t, day);
    } else {
      forward = isSet(holderMarks, v);
      reverse = isSet(numberMarks, v);
      // shared contacts and chains: V's phonebook against C's phonebook and C's holders;
      // co-holders: V's holders against C's holders.
      probeTwice(g.fwdTargets, fo[v], fo[v + 1], numberMarks, shared, holderMarks, chains);
      coHolders.size = probe(g.invHolders, io[v], io[v + 1], holderMarks, coHolders.values);
      resolve(shared, false, t, day);
      resolve(chains, false, t, day);
    }
    resolve(coHolders, true, t, day);
    return forward || reverse || shared.size + chains.size + coHolders.size > 0;
  }

  /** Whether the bit sets hold {@code a}'s side as it is at {@code t}, of day {@code day}. */
  private boolean isKept(int a, long t, int day) {
    return a == marked && (!timed || t == markedT || markedForDay && day == markedDay);
  }

  /**
   * Reads one cell of every cache line of {@code a}'s two runs: independent loads that the
   * processor issues together with those of the other side, before the work starts, so that on a
   * graph larger than the caches the misses overlap instead of following one another, line after
   * line and run after run (Java has no prefetch instruction). On a timed graph, their day windows
   * too (measured: touching only the marked side's, which are all read, is slower).
   *
   * @return a value kept only so that the loads are not optimized away
   */
  private int touch(int a) {
    int[] fo = g.fwdOffsets;
    int[] io = g.invOffsets;
    int x = touchRun(g.fwdTargets, fo[a], fo[a + 1]) ^ touchRun(g.invHolders, io[a], io[a + 1]);
    if (timed) {
      x ^= touchRun(g.fwdWindows, fo[a], fo[a + 1]) ^ touchRun(g.invWindows, io[a], io[a + 1]);
    }
    return x;
  }

  private static int touchRun(int[] a, int from, int to) {
    if (from >= to) {
      return 0;
    }
    int x = a[to - 1]; // the last line, which the steps below miss when the run is not aligned
    for (int i = from; i < to; i += LINE) {
      x ^= a[i];
    }
    return x;
  }

  /** Whether the viewer holds the candidate's number: direct evidence. */
  public boolean forward() {
    return forward;
  }

  /** Whether the candidate holds the viewer's number: direct evidence. */
  public boolean reverse() {
    return reverse;
  }

  /** The numbers other than theirs own that both hold: bridges of {@code SHARED_CONTACT}. */
  public IdBuffer sharedContacts() {
    return shared;
  }

  /** The accounts {@code W} with {@code V → W → C}: bridges of {@code CHAIN}. */
  public IdBuffer chains() {
    return chains;
  }

  /** The accounts other than the two that hold both their numbers: bridges of {@code CO_HOLDER}. */
  public IdBuffer coHolders() {
    return coHolders;
  }

  // ---- marking

  /**
   * Marks {@code a}'s phonebook and {@code a}'s holders, on a timed graph only the elements valid
   * at {@code t}: their day windows lie next to the runs, so this reads no scattered interval (bar
   * the rare element that only an exact comparison answers), and a hit of the other side's probe is
   * then valid on this side.
   *
   * @return whether the marks hold for every instant of the day {@code day}: no element needed an
   *     exact comparison (always, on an untimed graph)
   */
  private boolean markSide(int a, long t, int day) {
    int[] targets = g.fwdTargets;
    int[] holders = g.invHolders;
    long[] marks = numberMarks;
    long[] hold = holderMarks;
    int bookFrom = g.fwdOffsets[a];
    int bookTo = g.fwdOffsets[a + 1];
    int holdersFrom = g.invOffsets[a];
    int holdersTo = g.invOffsets[a + 1];
    if (!timed) {
      for (int e = bookFrom; e < bookTo; e++) {
        int x = targets[e];
        marks[x >>> 6] |= 1L << x;
      }
      for (int p = holdersFrom; p < holdersTo; p++) {
        int w = holders[p];
        hold[w >>> 6] |= 1L << w;
      }
      return true;
    }
    int seen = 0;
    int[] windows = g.fwdWindows;
    for (int e = bookFrom; e < bookTo; e++) {
      int x = targets[e];
      int valid = validBit(windows[e], false, e, t, day);
      seen |= valid;
      marks[x >>> 6] |= (long) (valid & 1) << x;
    }
    windows = g.invWindows;
    for (int p = holdersFrom; p < holdersTo; p++) {
      int w = holders[p];
      int valid = validBit(windows[p], true, p, t, day);
      seen |= valid;
      hold[w >>> 6] |= (long) (valid & 1) << w;
    }
    return (seen & EXACTLY) == 0;
  }

  /**
   * 1 when the element at {@code position}, whose window is {@code window}, is valid at {@code t},
   * else 0; plus {@link #EXACTLY} when its window could not tell for the whole day {@code day}.
   */
  private int validBit(int window, boolean holders, int position, long t, int day) {
    if (DayWindows.unsure(window, day)) {
      return g.valid(holders, position, t) ? 1 | EXACTLY : EXACTLY;
    }
    return DayWindows.bit(window, day);
  }

  /**
   * Clears every bit {@link #markSide} set for {@code a}: word by word, or by filling the two bit
   * sets when that writes less (a small graph).
   */
  private void clearSide(int a) {
    int[] fo = g.fwdOffsets;
    int[] io = g.invOffsets;
    if (numberMarks.length + accountWords
        <= FILL_RATIO * ((long) fo[a + 1] - fo[a] + io[a + 1] - io[a])) {
      Arrays.fill(numberMarks, 0);
      Arrays.fill(holderMarks, 0, accountWords, 0);
      return;
    }
    int[] targets = g.fwdTargets;
    for (int e = fo[a], to = fo[a + 1]; e < to; e++) {
      numberMarks[targets[e] >>> 6] = 0;
    }
    int[] holders = g.invHolders;
    for (int p = io[a], to = io[a + 1]; p < to; p++) {
      holderMarks[holders[p] >>> 6] = 0;
    }
  }

  private static boolean isSet(long[] marks, int id) {
    return (marks[id >>> 6] & 1L << id) != 0;
  }

  // ---- probing: branch-free

  /**
   * Writes to {@code out} the positions in {@code [from, to)} of the ids whose bit is set (see
   * {@link #resolve}).
   *
   * @return how many were written
   */
  private static int probe(int[] ids, int from, int to, long[] marks, int[] out) {
    int n = 0;
    for (int p = from; p < to; p++) {
      int x = ids[p];
      out[n] = p;
      n += (int) (marks[x >>> 6] >>> x) & 1;
    }
    return n;
  }

  /**
   * Writes the positions in {@code [from, to)} of the ids whose bit is set in {@code marksA} to
   * {@code outA}, and of those whose bit is set in {@code marksB} to {@code outB}, in one pass.
   */
  private static void probeTwice(
      int[] ids, int from, int to, long[] marksA, IdBuffer outA, long[] marksB, IdBuffer outB) {
    int[] a = outA.values;
    int[] b = outB.values;
    int na = 0;
    int nb = 0;
    for (int p = from; p < to; p++) {
      int x = ids[p];
      int word = x >>> 6;
      a[na] = p;
      na += (int) (marksA[word] >>> x) & 1;
      b[nb] = p;
      nb += (int) (marksB[word] >>> x) & 1;
    }
    outA.size = na;
    outB.size = nb;
  }

  // ---- from positions to ids

  /**
   * Replaces the probed positions in {@code hits} by their ids, in a run of {@code invHolders} when
   * {@code holders}, else of {@code fwdTargets}; on a timed graph keeps only those valid at {@code
   * t} (the marked side was valid when marked).
   */
  private void resolve(IdBuffer hits, boolean holders, long t, int day) {
    int[] ids = holders ? g.invHolders : g.fwdTargets;
    int[] values = hits.values;
    int n = hits.size;
    if (!timed) {
      for (int i = 0; i < n; i++) {
        values[i] = ids[values[i]];
      }
      return;
    }
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int p = values[i];
      if (g.validAt(holders, p, t, day)) {
        values[kept++] = ids[p];
      }
    }
    hits.size = kept;
  }
}
