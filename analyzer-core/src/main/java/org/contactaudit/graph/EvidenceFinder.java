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
 * numbers take 2.5 MB); on a timed graph four bits a number and five buffers.
 *
 * <h2>Lists of suggestions</h2>
 *
 * The marks stay set after a {@code find} and are cleared when another side must be marked. The
 * next question on the same account (either role) at an instant where its marks hold only probes
 * the other side: {@code p} instead of {@code 3m + p}, and the kept side's runs are not read again.
 * The marks hold at any instant on an untimed graph, and at any instant of the same day on a timed
 * one (see below). When the viewer is the viewer of the previous question (the same day, on a timed
 * graph), it is marked even if it is the larger side: an app shows a list of suggestions to one
 * viewer at a time, and judging such a list in order marks its viewer once.
 *
 * <h2>Time</h2>
 *
 * On a timed graph the marked side marks only its elements valid for the whole day of the instant
 * (and the maybes below), and each hit of the probe is checked at its position on the probed side.
 * Both read the graph's day windows, which lie parallel to the runs ({@link ContactGraph#validAt}):
 * one {@code int} next to each element instead of its intervals scattered over the entries, so
 * validity costs about the memory traffic of the runs themselves. Only an element that starts or
 * ends in the day of the instant, or has several intervals (a number uploaded again after its
 * deletion), is compared exactly: on the probed side when it is a hit; on the marked side it is
 * marked as well as noted in a third bit set ("maybe"), and compared exactly only when the probe
 * hits it and at the instant asked. So the marks hold for the whole day, and the marked side's
 * intervals, scattered in memory, are read for a few hits instead of for every such element it has.
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

  /**
   * On a timed graph, the marked elements whose day window could not tell for the whole day (the
   * maybes): their bits, and their ids to clear them by (numbers from the start of {@code
   * maybeIds}, holders from its end); null on an untimed graph.
   */
  private final long[] numberMaybe;

  private final long[] holderMaybe;
  private final int[] maybeIds;
  private int maybeNumbers;
  private int maybeHolders;

  private final IdBuffer shared;
  private final IdBuffer chains;
  private final IdBuffer coHolders;

  /**
   * With pre-registration only: the pre-registration bits ({@link ContactGraph#fwdPre}) of the
   * marked side's elements, by id like the marks; and the probed position of each bridge found, in
   * the order of the bridges. Null on a graph without pre-registration.
   */
  private final long[] numberPre;

  private final long[] holderPre;
  private final int[] sharedAt;
  private final int[] chainsAt;
  private final int[] coHoldersAt;

  /** The viewer, the candidate and the instant of the last {@link #find}. */
  private int lastC;

  private long lastT;

  private boolean forward;
  private boolean reverse;
  private int touched;

  /**
   * The account whose side the bit sets hold, or -1; on a timed graph as it is during the day
   * {@link #markedDay}, its maybe elements aside.
   */
  private int marked = -1;

  private int markedDay;

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
    this.numberMaybe = timed ? new long[numberMarks.length] : null;
    this.holderMaybe = timed ? new long[holderMarks.length] : null;
    this.maybeIds = timed ? new int[2 * g.maxDegree()] : null;
    this.shared = new IdBuffer(g.maxDegree(), false);
    this.chains = new IdBuffer(g.maxDegree(), false);
    this.coHolders = new IdBuffer(g.maxDegree(), false);
    boolean pre = g.hasPreRegistration();
    this.numberPre = pre ? new long[numberMarks.length] : null;
    this.holderPre = pre ? new long[holderMarks.length] : null;
    this.sharedAt = pre ? new int[g.maxDegree()] : null;
    this.chainsAt = pre ? new int[g.maxDegree()] : null;
    this.coHoldersAt = pre ? new int[g.maxDegree()] : null;
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
    lastC = c;
    lastT = t;
    if (!g.isLive(v, t) || !g.isLive(c, t)) {
      return false;
    }
    int[] fo = g.fwdOffsets;
    int[] io = g.invOffsets;
    long sizeV = (long) fo[v + 1] - fo[v] + io[v + 1] - io[v];
    long sizeC = (long) fo[c + 1] - fo[c] + io[c + 1] - io[c];
    int kept = isKept(v, day) ? v : isKept(c, day) ? c : -1;
    // Keep a marked side; else mark the viewer of a list (see the class comment) or the smaller.
    boolean markV = kept >= 0 ? kept == v : streak || sizeV <= sizeC;
    if (kept < 0) {
      touched = touch(v) ^ touch(c);
      if (marked >= 0) {
        clearSide(marked);
      }
      marked = markV ? v : c;
      markedDay = day;
      markSide(marked, day);
    } else {
      touched = touch(markV ? c : v);
    }
    if (markV) {
      forward = isMarked(false, c, t);
      reverse = isMarked(true, c, t);
      // shared contacts: C's phonebook against V's; chains and co-holders: C's holders against
      // V's phonebook and V's holders.
      shared.size = probe(g.fwdTargets, fo[c], fo[c + 1], numberMarks, shared.values);
      probeTwice(g.invHolders, io[c], io[c + 1], numberMarks, chains, holderMarks, coHolders);
      resolve(shared, false, false, t, day, sharedAt);
      resolve(chains, true, false, t, day, chainsAt);
    } else {
      forward = isMarked(true, v, t);
      reverse = isMarked(false, v, t);
      // shared contacts and chains: V's phonebook against C's phonebook and C's holders;
      // co-holders: V's holders against C's holders.
      probeTwice(g.fwdTargets, fo[v], fo[v + 1], numberMarks, shared, holderMarks, chains);
      coHolders.size = probe(g.invHolders, io[v], io[v + 1], holderMarks, coHolders.values);
      resolve(shared, false, false, t, day, sharedAt);
      resolve(chains, false, true, t, day, chainsAt);
    }
    resolve(coHolders, true, true, t, day, coHoldersAt);
    return forward || reverse || shared.size + chains.size + coHolders.size > 0;
  }

  /** Whether the bit sets hold {@code a}'s side as it is during the day {@code day}. */
  private boolean isKept(int a, int day) {
    return a == marked && (!timed || day == markedDay);
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

  /**
   * Finds the evidence for "{@code v} was shown {@code c} at {@code t}" as if every upload entry
   * deleted at or before {@code t} were still valid from its upload on (accounts' deletions still
   * count): the stale search of docs/POLICY.md, asked of a recommendation without evidence. Marks
   * every element of one side, valid or not, probes the other side as {@link #find} does, and
   * compares the few hits exactly on both sides; then clears the marks, so the next {@link #find}
   * marks afresh. Overwrites the answer like {@link #find}. Time {@code O(m + p)} plus {@code O(log
   * m)} a hit.
   *
   * @return whether any evidence was found
   */
  public boolean findStale(int v, int c, long t) {
    forward = false;
    reverse = false;
    shared.size = 0;
    chains.size = 0;
    coHolders.size = 0;
    if (!g.isLive(v, t) || !g.isLive(c, t)) {
      return false;
    }
    int vc = g.entry(v, c);
    int cv = g.entry(c, v);
    forward = vc >= 0 && g.staleValid(false, vc, t);
    reverse = cv >= 0 && g.staleValid(false, cv, t);
    int a = marked == c ? c : v;
    if (marked >= 0 && marked != a) {
      clearSide(marked);
    }
    markAll(a);
    marked = a;
    int[] fo = g.fwdOffsets;
    int[] io = g.invOffsets;
    if (a == v) {
      shared.size = probe(g.fwdTargets, fo[c], fo[c + 1], numberMarks, shared.values);
      probeTwice(g.invHolders, io[c], io[c + 1], numberMarks, chains, holderMarks, coHolders);
      resolveStale(shared, false, false, t);
      resolveStale(chains, true, false, t);
    } else {
      probeTwice(g.fwdTargets, fo[v], fo[v + 1], numberMarks, shared, holderMarks, chains);
      coHolders.size = probe(g.invHolders, io[v], io[v + 1], holderMarks, coHolders.values);
      resolveStale(shared, false, false, t);
      resolveStale(chains, false, true, t);
    }
    resolveStale(coHolders, true, true, t);
    clearSide(a);
    marked = -1;
    return forward || reverse || shared.size + chains.size + coHolders.size > 0;
  }

  /** Marks every element of {@code a}'s phonebook and holders, whatever its validity. */
  private void markAll(int a) {
    int[] targets = g.fwdTargets;
    for (int e = g.fwdOffsets[a], to = g.fwdOffsets[a + 1]; e < to; e++) {
      int x = targets[e];
      numberMarks[x >>> 6] |= 1L << x;
    }
    int[] holders = g.invHolders;
    for (int p = g.invOffsets[a], to = g.invOffsets[a + 1]; p < to; p++) {
      int w = holders[p];
      holderMarks[w >>> 6] |= 1L << w;
    }
  }

  /**
   * {@link #resolve} for {@link #findStale}: keeps the hits whose elements on both sides count when
   * deleted entries are taken as still valid, the marked side's found by binary search.
   */
  private void resolveStale(IdBuffer hits, boolean holders, boolean markedHolders, long t) {
    int[] ids = holders ? g.invHolders : g.fwdTargets;
    int[] values = hits.values;
    int kept = 0;
    for (int i = 0, n = hits.size; i < n; i++) {
      int p = values[i];
      int id = ids[p];
      if (g.staleValid(holders, p, t)
          && g.staleValid(markedHolders, markedPosition(markedHolders, id), t)) {
        values[kept++] = id;
      }
    }
    hits.size = kept;
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
   * during the day {@code day}, plus as maybe those whose window cannot tell for the whole day:
   * their day windows lie next to the runs, so this reads no scattered interval, and a hit of the
   * other side's probe is then valid on this side, or a maybe ({@link #isValidMark}).
   */
  private void markSide(int a, int day) {
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
      return;
    }
    int[] windows = g.fwdWindows;
    for (int e = bookFrom; e < bookTo; e++) {
      int x = targets[e];
      marks[x >>> 6] |= (long) markBit(windows[e], day, x, false) << x;
    }
    windows = g.invWindows;
    for (int p = holdersFrom; p < holdersTo; p++) {
      int w = holders[p];
      hold[w >>> 6] |= (long) markBit(windows[p], day, w, true) << w;
    }
    if (numberPre != null) {
      long[] pre = g.fwdPre;
      for (int e = bookFrom; e < bookTo; e++) {
        int x = targets[e];
        numberPre[x >>> 6] |= (pre[e >>> 6] >>> e & 1) << x;
      }
      pre = g.invPre;
      for (int p = holdersFrom; p < holdersTo; p++) {
        int w = holders[p];
        holderPre[w >>> 6] |= (pre[p >>> 6] >>> p & 1) << w;
      }
    }
  }

  /**
   * 1 when an element whose window is {@code window} is valid during the day {@code day}, else 0; 1
   * too, noting {@code id} as a maybe, when its window cannot tell for the whole day.
   */
  private int markBit(int window, int day, int id, boolean holders) {
    if (DayWindows.unsure(window, day)) {
      if (holders) {
        holderMaybe[id >>> 6] |= 1L << id;
        maybeIds[maybeIds.length - ++maybeHolders] = id;
      } else {
        numberMaybe[id >>> 6] |= 1L << id;
        maybeIds[maybeNumbers++] = id;
      }
      return 1;
    }
    return DayWindows.bit(window, day);
  }

  /**
   * Clears every bit {@link #markSide} set for {@code a}: word by word, or by filling the two bit
   * sets when that writes less (a small graph).
   */
  private void clearSide(int a) {
    for (int i = 0; i < maybeNumbers; i++) {
      numberMaybe[maybeIds[i] >>> 6] = 0;
    }
    for (int i = 1; i <= maybeHolders; i++) {
      holderMaybe[maybeIds[maybeIds.length - i] >>> 6] = 0;
    }
    maybeNumbers = 0;
    maybeHolders = 0;
    int[] fo = g.fwdOffsets;
    int[] io = g.invOffsets;
    if (numberMarks.length + accountWords
        <= FILL_RATIO * ((long) fo[a + 1] - fo[a] + io[a + 1] - io[a])) {
      Arrays.fill(numberMarks, 0);
      Arrays.fill(holderMarks, 0, accountWords, 0);
      if (numberPre != null) {
        Arrays.fill(numberPre, 0);
        Arrays.fill(holderPre, 0, accountWords, 0);
      }
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
    if (numberPre != null) {
      for (int e = fo[a], to = fo[a + 1]; e < to; e++) {
        numberPre[targets[e] >>> 6] = 0;
      }
      for (int p = io[a], to = io[a + 1]; p < to; p++) {
        holderPre[holders[p] >>> 6] = 0;
      }
    }
  }

  private static boolean isSet(long[] marks, int id) {
    return (marks[id >>> 6] & 1L << id) != 0;
  }

  /**
   * Whether {@code id} is marked on the marked side's holders (or phonebook) as an element valid at
   * {@code t}: the direct edges.
   */
  private boolean isMarked(boolean holders, int id, long t) {
    return isSet(holders ? holderMarks : numberMarks, id)
        && (!timed || isValidMark(holders, id, t));
  }

  /**
   * Whether the marked side's element {@code id} of its holders (or phonebook), whose bit is set,
   * is valid at {@code t}: yes unless it is a maybe, which is then found in its run (by binary
   * search, in a run just read) and compared exactly. Timed graphs only.
   */
  private boolean isValidMark(boolean holders, int id, long t) {
    if (!isSet(holders ? holderMaybe : numberMaybe, id)) {
      return true;
    }
    return g.valid(holders, markedPosition(holders, id), t);
  }

  /** The position of {@code id} in the marked side's holders (or phonebook): a binary search. */
  private int markedPosition(boolean holders, int id) {
    int[] offsets = holders ? g.invOffsets : g.fwdOffsets;
    return Arrays.binarySearch(
        holders ? g.invHolders : g.fwdTargets, offsets[marked], offsets[marked + 1], id);
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
   * t} on both sides: at their position, and on the marked side's holders when {@code
   * markedHolders} (else its phonebook), where the marks were valid for the day but for maybes.
   */
  private void resolve(
      IdBuffer hits, boolean holders, boolean markedHolders, long t, int day, int[] at) {
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
      if (g.validAt(holders, p, t, day) && isValidMark(markedHolders, ids[p], t)) {
        if (at != null) {
          at[kept] = p;
        }
        values[kept++] = ids[p];
      }
    }
    hits.size = kept;
  }

  // ---- pre-registration of the entries found

  /** Whether the entry "the viewer holds the candidate's number" is pre-registration. */
  public boolean forwardPre() {
    // V marked: C in V's phonebook; C marked: V among C's holders
    return marked == lastViewer ? markedPre(false, lastC) : markedPre(true, lastViewer);
  }

  /** Whether the entry "the candidate holds the viewer's number" is pre-registration. */
  public boolean reversePre() {
    // V marked: C among V's holders; C marked: V in C's phonebook
    return marked == lastViewer ? markedPre(true, lastC) : markedPre(false, lastViewer);
  }

  /** Whether the viewer's or the candidate's entry of shared contact {@code i} is one. */
  public boolean sharedPre(int i) {
    return sharedPreBit(i) != 0;
  }

  /** {@link #sharedPre} as 1 or 0, without a branch on the answer. */
  public int sharedPreBit(int i) {
    return sharedAt == null
        ? 0
        : markedPreBit(false, shared.values[i]) | g.preBit(false, sharedAt[i], lastT);
  }

  /** Whether the entry "bridge {@code i} of a chain holds the candidate's number" is one. */
  public boolean chainPre(int i) {
    return chainPreBit(i) != 0;
  }

  /** {@link #chainPre} as 1 or 0, without a branch on the answer. */
  public int chainPreBit(int i) {
    if (chainsAt == null) {
      return 0;
    }
    // V marked: the candidate's holders were probed; C marked: they were marked
    return marked == lastViewer
        ? g.preBit(true, chainsAt[i], lastT)
        : markedPreBit(true, chains.values[i]);
  }

  /**
   * Whether the entry "co-holder {@code i} holds the candidate's number" ({@code candidate}) or
   * "... the viewer's number" is one.
   */
  public boolean coHolderPre(int i, boolean candidate) {
    return coHolderPreBit(i, candidate) != 0;
  }

  /** {@link #coHolderPre} as 1 or 0, without a branch on the answer. */
  public int coHolderPreBit(int i, boolean candidate) {
    if (coHoldersAt == null) {
      return 0;
    }
    boolean markedSide = candidate != (marked == lastViewer);
    return markedSide
        ? markedPreBit(true, coHolders.values[i])
        : g.preBit(true, coHoldersAt[i], lastT);
  }

  private boolean markedPre(boolean holders, int id) {
    return markedPreBit(holders, id) != 0;
  }

  /**
   * Whether the marked side's element {@code id} (found, so valid at the last instant) is
   * pre-registration, as 1 or 0: its bit, and for a maybe (an entry with several intervals among
   * them) the exact answer at its position, the only branch taken rarely.
   */
  private int markedPreBit(boolean holders, int id) {
    long[] bits = holders ? holderPre : numberPre;
    if (bits == null) {
      return 0;
    }
    long maybe = (holders ? holderMaybe : numberMaybe)[id >>> 6] >>> id;
    int bit = (int) (bits[id >>> 6] >>> id & 1);
    if ((maybe & bit) != 0) {
      return g.preBit(holders, markedPosition(holders, id), lastT);
    }
    return bit;
  }
}
