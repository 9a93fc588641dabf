package org.contactaudit.graph;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import org.contactaudit.time.Times;
import org.jgrapht.Graph;

/**
 * The contact graph of docs/POLICY.md, frozen into primitive arrays: who holds which number, and
 * its inverse, the inverted phonebook.
 *
 * <h2>Ids</h2>
 *
 * Accounts have dense ids {@code 0..accountCount()-1} in the order they were added. Numbers have
 * dense ids too, and the number of account {@code a} has the id {@code a}: ids below {@code
 * accountCount()} are user numbers, the others shadow numbers (no account owns them). An account
 * {@code H} holds account {@code S} ({@code H → S}) when it holds number id {@code S}.
 *
 * <h2>Layout and memory</h2>
 *
 * <ul>
 *   <li>forward CSR: {@code fwdOffsets[a] .. fwdOffsets[a+1]} index {@code fwdTargets}, the
 *       strictly increasing number ids that account {@code a} holds; an entry's position there is
 *       its entry id;
 *   <li>inverted CSR (the inverted phonebook): {@code invOffsets[x] .. invOffsets[x+1]} index
 *       {@code invHolders}, the strictly increasing ids of the accounts holding number {@code x};
 *   <li>with times only: {@code invEdge} maps an inverted position to its entry id, the validity
 *       intervals of each entry, and the lifetimes of the accounts.
 * </ul>
 *
 * <p>Without times the two directions cost 8 bytes an entry plus 4 bytes an account and 4 bytes a
 * number for the offsets. Measured with {@link #adjacencyBytes()} on an untimed graph of 10,000
 * accounts with 100 phonebook entries each, half of them numbers of other accounts and half shadow
 * numbers drawn from a pool of 250,000 (998,701 entries after merging repeats, 226,166 numbers):
 * 8.95 bytes an entry ({@code ContactGraphMemoryTest}); were every shadow number held only once, it
 * would be 10.1. The number keys and the lookup tables from external ids add about 20 bytes a
 * number. With times, an entry costs 28 bytes more: its interval (16), the inverse map (4) and the
 * day windows of its two positions (8), which let the evidence finder check validity next to the
 * runs it reads; an account's lifetime costs 20 bytes (its two ends and their day window).
 *
 * <h2>Time</h2>
 *
 * Methods taking an instant {@code t} answer as the graph was at {@code t}: an entry counts when
 * one of its intervals holds {@code t} and its owner exists at {@code t}; a user number is a shadow
 * number at {@code t} when its owner does not exist then. Methods without an instant describe every
 * entry ever uploaded. Immutable and thread-safe.
 *
 * <h2>Recycled numbers</h2>
 *
 * Accounts whose lifetimes do not overlap may have the same number. Each has its own number id (its
 * account id), and an entry holding the number is an entry for each of them, with the same
 * intervals; at {@code t} it counts only for the account that owns the number then ({@link
 * #ownerAt}): from its registration until the next owner registers (the first owner from always).
 * Between a deletion and the next registration the number belongs to the deleted account: a shadow
 * number. Methods without an instant list such an entry under every account that had the number.
 * The ownership costs 20 bytes an account, only when some number is shared; the day windows of the
 * entries already clip their intervals to it, so validity costs what it costs without.
 *
 * <h2>Pre-registration and deleted entries</h2>
 *
 * {@link #isPreRegistration} tells whether an entry valid at {@code t} was uploaded before the
 * account whose number it holds registered; {@link #staleValid} whether an entry counts at {@code
 * t} when every interval deleted at or before {@code t} is taken as still valid (the stale search
 * of {@link EvidenceFinder#findStale}).
 */
public final class ContactGraph {
  private final String[] accountIds;
  private final Object2IntOpenHashMap<String> accountIndex;
  private final long[] registeredAt;
  private final long[] deletedAt;

  /**
   * Each account's lifetime as a {@link DayWindows day window}, or null without lifetimes: {@link
   * #isLive} reads one {@code int} instead of two {@code long}s (a judgment asks it of every
   * account's number among its shared contacts, at scattered accounts).
   */
  private final int[] lifeWindows;

  private final long[] numberKeys;
  private final Long2IntOpenHashMap numberIndex;
  final int[] fwdOffsets;
  final int[] fwdTargets;
  final int[] invOffsets;
  final int[] invHolders;
  private final int[] invEdge;
  private final Intervals intervals;

  /**
   * With times only, the {@link DayWindows} of each position of {@code fwdTargets} (the entry's
   * interval) and of {@code invHolders} (the entry's interval within its holder's lifetime). See
   * {@link #validAt}.
   */
  final int[] fwdWindows;

  final int[] invWindows;

  private final int maxDegree;

  /** Who owns a recycled number when, or null when no number is shared. */
  private final Ownership ownership;

  /**
   * With pre-registration only, per position of {@code fwdTargets} and of {@code invHolders}
   * (bits): whether its entry holds an account's number and starts before that account registered
   * (for an entry with several intervals, its earliest does; {@link #preAt} then compares at the
   * instant). Null when no entry is uploaded before the account it holds registered.
   */
  final long[] fwdPre;

  final long[] invPre;

  ContactGraph(
      String[] accountIds,
      Object2IntOpenHashMap<String> accountIndex,
      long[] registeredAt,
      long[] deletedAt,
      long[] numberKeys,
      Long2IntOpenHashMap numberIndex,
      int[] fwdOffsets,
      int[] fwdTargets,
      int[] invOffsets,
      int[] invHolders,
      int[] invEdge,
      Intervals intervals,
      Ownership ownership) {
    this.accountIds = accountIds;
    this.accountIndex = accountIndex;
    this.registeredAt = registeredAt;
    this.deletedAt = deletedAt;
    this.numberKeys = numberKeys;
    this.numberIndex = numberIndex;
    this.fwdOffsets = fwdOffsets;
    this.fwdTargets = fwdTargets;
    this.invOffsets = invOffsets;
    this.invHolders = invHolders;
    this.invEdge = invEdge;
    this.intervals = intervals;
    this.ownership = ownership;
    if (isTimed()) {
      int always = DayWindows.of(Times.ALWAYS, Times.NEVER);
      this.fwdWindows = new int[fwdTargets.length];
      for (int e = 0; e < fwdWindows.length; e++) {
        int x = fwdTargets[e];
        fwdWindows[e] =
            intervals == null ? always : intervals.dayWindow(e, ownedFrom(x), ownedTo(x));
      }
      this.invWindows = new int[invHolders.length];
      for (int p = 0; p < invWindows.length; p++) {
        int h = invHolders[p];
        long lifeFrom = registeredAt == null ? Times.ALWAYS : registeredAt[h];
        long lifeTo = registeredAt == null ? Times.NEVER : deletedAt[h];
        if (ownership != null) {
          int x = fwdTargets[invEdge[p]];
          lifeFrom = Math.max(lifeFrom, ownedFrom(x));
          lifeTo = Math.min(lifeTo, ownedTo(x));
        }
        invWindows[p] =
            intervals == null
                ? DayWindows.of(lifeFrom, lifeTo)
                : intervals.dayWindow(invEdge[p], lifeFrom, lifeTo);
      }
    } else {
      this.fwdWindows = null;
      this.invWindows = null;
    }
    if (registeredAt != null) {
      this.lifeWindows = new int[registeredAt.length];
      for (int a = 0; a < lifeWindows.length; a++) {
        lifeWindows[a] = DayWindows.of(registeredAt[a], deletedAt[a]);
      }
    } else {
      this.lifeWindows = null;
    }
    int max = 0;
    for (int a = 0; a < accountIds.length; a++) {
      max = Math.max(max, fwdOffsets[a + 1] - fwdOffsets[a]);
    }
    for (int x = 0; x < numberKeys.length; x++) {
      max = Math.max(max, invOffsets[x + 1] - invOffsets[x]);
    }
    this.maxDegree = max;
    long[] fwd = null;
    long[] inv = null;
    if (registeredAt != null) {
      fwd = new long[(fwdTargets.length + 63) >>> 6];
      boolean any = false;
      for (int e = 0; e < fwdTargets.length; e++) {
        if (startsBeforeRegistration(e, fwdTargets[e])) {
          fwd[e >>> 6] |= 1L << e;
          any = true;
        }
      }
      if (any) {
        inv = new long[(invHolders.length + 63) >>> 6];
        for (int x = 0; x < accountIds.length; x++) {
          for (int p = invOffsets[x]; p < invOffsets[x + 1]; p++) {
            if (startsBeforeRegistration(invEdge == null ? -1 : invEdge[p], x)) {
              inv[p >>> 6] |= 1L << p;
            }
          }
        }
      } else {
        fwd = null;
      }
    }
    this.fwdPre = fwd;
    this.invPre = inv;
  }

  /**
   * Whether entry {@code e}, holding number {@code x}, starts before account {@code x} registered.
   */
  private boolean startsBeforeRegistration(int e, int x) {
    if (x >= accountIds.length || registeredAt[x] == Times.ALWAYS) {
      return false;
    }
    return intervals == null || intervals.earliestFrom(e) < registeredAt[x];
  }

  /** Whether some entry is uploaded before the account whose number it holds registered. */
  public boolean hasPreRegistration() {
    return fwdPre != null;
  }

  /**
   * Whether the entry at {@code position} of a phonebook or, for a holder, of a list of holders, an
   * entry valid at {@code t}, is pre-registration then: one bit for most; an entry with several
   * intervals compares the earliest valid at {@code t}.
   */
  boolean preAt(boolean holder, int position, long t) {
    return preBit(holder, position, t) != 0;
  }

  /**
   * {@link #preAt} as 1 or 0, without a branch on the answer (about two entries in five of the
   * timed benchmark world are pre-registration, in no order the processor could predict): only an
   * element whose day window is {@link DayWindows#EXACT} takes the rare path.
   */
  int preBit(boolean holder, int position, long t) {
    long[] bits = holder ? invPre : fwdPre;
    if (bits == null) {
      return 0;
    }
    int bit = (int) (bits[position >>> 6] >>> position & 1);
    // An entry with several intervals has an EXACT day window, next to the run just read: only
    // then are the intervals read.
    if ((holder ? invWindows : fwdWindows)[position] == DayWindows.EXACT && bit != 0) {
      int e = holder ? invEdge[position] : position;
      if (intervals != null && intervals.isMulti(e)) {
        long began = intervals.earliestValidFrom(e, t);
        return began != Times.NEVER && began < registeredAt[fwdTargets[e]] ? 1 : 0;
      }
    }
    return bit;
  }

  /** A builder: add accounts, then entries, then {@link ContactGraphBuilder#build()}. */
  public static ContactGraphBuilder builder() {
    return new ContactGraphBuilder();
  }

  // ---- ids

  /** The number of accounts. */
  public int accountCount() {
    return accountIds.length;
  }

  /** The number of distinct numbers: the accounts' own and those held in phonebooks. */
  public int numberCount() {
    return numberKeys.length;
  }

  /** The number of distinct entries (owner, number) over all time. */
  public int entryCount() {
    return fwdTargets.length;
  }

  /** The external id of an account. */
  public String accountId(int account) {
    return accountIds[account];
  }

  /** The id of the account with this external id, or {@code -1}. */
  public int accountIndex(String accountId) {
    return accountIndex.getInt(accountId);
  }

  /** The key of a number (see {@link org.contactaudit.phone.PhoneDecoder}). */
  public long numberKey(int number) {
    return numberKeys[number];
  }

  /** The id of the number with this key, or {@code -1}. */
  public int numberIndex(long key) {
    return numberIndex.get(key);
  }

  /**
   * The account whose number has this id, or {@code -1} for a shadow number: constant time. For a
   * recycled number, the account of this id, which owns it only part of the time ({@link #owns}).
   */
  public int ownerOf(int number) {
    return number < accountIds.length ? number : -1;
  }

  /**
   * The account that owns the number with this key at {@code t} and exists then, or {@code -1} (a
   * shadow number then, or a key the graph does not know): a hash lookup, then a walk over the
   * accounts that share the number, at most as many as had it.
   */
  public int ownerAt(long key, long t) {
    int first = numberIndex.get(key);
    if (first < 0 || first >= accountIds.length) {
      return -1;
    }
    int a = numberAt(first, t);
    return isLive(a, t) ? a : -1;
  }

  /**
   * The number id that the phone number of {@code number} has at {@code t}: {@code number} itself
   * but for a recycled number, whose id at {@code t} is that of the account owning it then.
   */
  public int numberAt(int number, long t) {
    if (ownership == null || number >= accountIds.length || owns(number, t)) {
      return number;
    }
    int a = numberIndex.get(numberKeys[number]);
    for (int next = ownership.next(a); next >= 0 && ownership.from(next) <= t; ) {
      a = next;
      next = ownership.next(a);
    }
    return a;
  }

  /**
   * Whether the number id {@code number} refers at {@code t} to its account: always for a number no
   * other account has had; for a recycled one, while its account owns it (from its registration
   * until the next owner registers).
   */
  public boolean owns(int number, long t) {
    return ownership == null || number >= accountIds.length || ownership.owns(number, t);
  }

  /** Whether some number is shared by accounts whose lifetimes do not overlap. */
  public boolean hasRecycledNumbers() {
    return ownership != null;
  }

  /** Whether another account has, had or will have the number of {@code account}. */
  public boolean isRecycled(int account) {
    return ownership != null && ownership.isShared(account);
  }

  private long ownedFrom(int number) {
    return ownership == null || number >= accountIds.length ? Times.ALWAYS : ownership.from(number);
  }

  private long ownedTo(int number) {
    return ownership == null || number >= accountIds.length ? Times.NEVER : ownership.to(number);
  }

  /** When the account registered, or {@link Times#ALWAYS} when unknown. */
  public long registeredAt(int account) {
    return registeredAt == null ? Times.ALWAYS : registeredAt[account];
  }

  /** When the account was deleted, or {@link Times#NEVER}. */
  public long deletedAt(int account) {
    return registeredAt == null ? Times.NEVER : deletedAt[account];
  }

  /** True when the input had upload or deletion times, so answers depend on the instant. */
  public boolean isTimed() {
    return intervals != null || registeredAt != null;
  }

  // ---- time

  /** True when the account exists at {@code t}. */
  public boolean isLive(int account, long t) {
    if (registeredAt == null) {
      return true;
    }
    int window = lifeWindows[account];
    int day = DayWindows.key(t);
    if (DayWindows.unsure(window, day)) {
      return Times.within(registeredAt[account], deletedAt[account], t);
    }
    return DayWindows.bit(window, day) != 0;
  }

  /** True when no account owns the number at {@code t}. */
  public boolean isShadow(int number, long t) {
    return number >= accountIds.length || !isLive(number, t);
  }

  // ---- pre-registration and deleted entries

  /**
   * Whether the entry of {@code holder} holding the number of account {@code subject} is
   * pre-registration at {@code t}: its interval valid at {@code t} (the earliest, if several are)
   * began before {@code subject} registered ({@code uploaded_at < registered_at}; an unknown upload
   * is before every known registration, an unknown registration after no upload). False when no
   * such entry is valid at {@code t}. Time {@code O(log degree)}.
   */
  public boolean isPreRegistration(int holder, int subject, long t) {
    if (fwdPre == null) {
      return false;
    }
    int e = entry(holder, subject);
    return e >= 0 && entryValid(e, t) && preAt(false, e, t);
  }

  /**
   * True when some number is recycled or some entry was uploaded before the account whose number it
   * holds registered: only then can a judgment note either.
   */
  public boolean hasRecycledOrPreRegistration() {
    return ownership != null || fwdPre != null;
  }

  /** True when some entry was deleted: only then can {@link #staleValid} differ from validity. */
  public boolean hasDeletedEntries() {
    return intervals != null && intervals.anyDeleted();
  }

  /**
   * Whether the element at {@code position} of a phonebook or, for a holder, of a list of holders
   * counts at {@code t} when every interval deleted at or before {@code t} is taken as still valid:
   * one of its intervals began at or before {@code t}, its number refers to its account then and,
   * for a holder, the holder exists then (a deleted account holds nothing).
   */
  boolean staleValid(boolean holder, int position, long t) {
    if (intervals == null) {
      return valid(holder, position, t);
    }
    int e = holder ? invEdge[position] : position;
    if (!owns(fwdTargets[e], t)) {
      return false;
    }
    if (holder && !isLive(invHolders[position], t)) {
      return false;
    }
    return intervals.earliestFrom(e) <= t;
  }

  /** True when no account ever owns the number. */
  public boolean isShadow(int number) {
    return number >= accountIds.length;
  }

  // ---- holds

  /** True when the account ever held the number: time {@code O(log degree)}. */
  public boolean holds(int account, int number) {
    return entry(account, number) >= 0;
  }

  /** True when the account holds the number at {@code t}: time {@code O(log degree)}. */
  public boolean holds(int account, int number, long t) {
    int e = entry(account, number);
    return e >= 0 && isLive(account, t) && entryValid(e, t);
  }

  /** How many numbers the account ever held. */
  public int contactCount(int account) {
    return fwdOffsets[account + 1] - fwdOffsets[account];
  }

  /** How many accounts ever held the number. */
  public int holderCount(int number) {
    return invOffsets[number + 1] - invOffsets[number];
  }

  /** The largest of all contact and holder counts: the capacity of an {@link IdBuffer}. */
  public int maxDegree() {
    return maxDegree;
  }

  /** The numbers the account ever held, increasing: a copy, time {@code O(degree)}. */
  public int[] contacts(int account) {
    return Arrays.copyOfRange(fwdTargets, fwdOffsets[account], fwdOffsets[account + 1]);
  }

  /** The numbers the account holds at {@code t}, increasing. */
  public int[] contacts(int account, long t) {
    if (!isLive(account, t)) {
      return new int[0];
    }
    int from = fwdOffsets[account];
    int to = fwdOffsets[account + 1];
    int[] out = new int[to - from];
    int n = 0;
    for (int e = from; e < to; e++) {
      if (entryValid(e, t)) {
        out[n++] = fwdTargets[e];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The accounts that ever held the number, increasing: the inverted phonebook. */
  public int[] holders(int number) {
    return Arrays.copyOfRange(invHolders, invOffsets[number], invOffsets[number + 1]);
  }

  /** The accounts that hold the number at {@code t}, increasing. */
  public int[] holders(int number, long t) {
    int from = invOffsets[number];
    int to = invOffsets[number + 1];
    int[] out = new int[to - from];
    int n = 0;
    for (int p = from; p < to; p++) {
      if (holderValid(p, t)) {
        out[n++] = invHolders[p];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** How many accounts hold the number at {@code t}. */
  public int holderCount(int number, long t) {
    if (!isTimed()) {
      return holderCount(number);
    }
    int n = 0;
    for (int p = invOffsets[number], to = invOffsets[number + 1]; p < to; p++) {
      if (holderValid(p, t)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The numbers the account holds at {@code t}, increasing, written to {@code out} without
   * allocating: time {@code O(degree)}.
   *
   * @param out at least {@link #maxDegree()} long
   * @return how many were written
   */
  public int contactsInto(int account, long t, int[] out) {
    if (!isLive(account, t)) {
      return 0;
    }
    int n = 0;
    for (int e = fwdOffsets[account], to = fwdOffsets[account + 1]; e < to; e++) {
      if (entryValid(e, t)) {
        out[n++] = fwdTargets[e];
      }
    }
    return n;
  }

  /**
   * The accounts that hold the number at {@code t}, increasing, written to {@code out} without
   * allocating: time {@code O(holders)}.
   *
   * @param out at least {@link #maxDegree()} long
   * @return how many were written
   */
  public int holdersInto(int number, long t, int[] out) {
    int n = 0;
    for (int p = invOffsets[number], to = invOffsets[number + 1]; p < to; p++) {
      if (holderValid(p, t)) {
        out[n++] = invHolders[p];
      }
    }
    return n;
  }

  // ---- evidence kernels

  /** A buffer large enough for every evidence query on this graph. */
  public IdBuffer newBuffer() {
    return new IdBuffer(maxDegree, true);
  }

  /**
   * A finder of all the evidence of a recommendation in one pass, for one thread: what the judge
   * uses. See {@link EvidenceFinder} for its cost.
   */
  public EvidenceFinder newEvidenceFinder() {
    return new EvidenceFinder(this);
  }

  /**
   * The numbers other than {@code v}'s and {@code c}'s own that both accounts hold at {@code t}
   * (bridges of {@code SHARED_CONTACT}), written to {@code out}. One intersection of the two
   * phonebooks.
   *
   * @return how many were found
   */
  public int sharedContacts(int v, int c, long t, IdBuffer out) {
    return sharedContacts(v, c, t, false, out);
  }

  int sharedContacts(int v, int c, long t, boolean stale, IdBuffer out) {
    return bridges(
        stale,
        fwdOffsets[v],
        fwdOffsets[v + 1],
        false,
        fwdOffsets[c],
        fwdOffsets[c + 1],
        false,
        v,
        c,
        t,
        out);
  }

  /**
   * The accounts other than {@code v} and {@code c} that hold both their numbers at {@code t}
   * (bridges of {@code CO_HOLDER}). One intersection of two lists of the inverted phonebook.
   *
   * @return how many were found
   */
  public int coHolders(int v, int c, long t, IdBuffer out) {
    return coHolders(v, c, t, false, out);
  }

  int coHolders(int v, int c, long t, boolean stale, IdBuffer out) {
    return bridges(
        stale,
        invOffsets[v],
        invOffsets[v + 1],
        true,
        invOffsets[c],
        invOffsets[c + 1],
        true,
        v,
        c,
        t,
        out);
  }

  /**
   * The accounts {@code W} other than {@code v} and {@code c} such that {@code v} holds {@code W}'s
   * number and {@code W} holds {@code c}'s number at {@code t} (bridges of {@code CHAIN}). One
   * intersection of the user part of {@code v}'s phonebook with the holders of {@code c}. A
   * candidate that does not exist at {@code t} has a shadow number then: no account holds it.
   *
   * @return how many were found
   */
  public int chainBridges(int v, int c, long t, IdBuffer out) {
    return chainBridges(v, c, t, false, out);
  }

  int chainBridges(int v, int c, long t, boolean stale, IdBuffer out) {
    return bridges(
        stale,
        fwdOffsets[v],
        userContactsEnd(v),
        false,
        invOffsets[c],
        invOffsets[c + 1],
        true,
        v,
        c,
        t,
        out);
  }

  /**
   * The ids other than {@code v} and {@code c} common to two runs and valid at {@code t} in both
   * (with {@code stale}, {@link #staleValid}), written to {@code out}; none when either account
   * does not exist at {@code t}. A run is {@code [from, to)} of {@code invHolders} when {@code
   * holders}, else of {@code fwdTargets}.
   */
  private int bridges(
      boolean stale,
      int aFrom,
      int aTo,
      boolean aHolders,
      int bFrom,
      int bTo,
      boolean bHolders,
      int v,
      int c,
      long t,
      IdBuffer out) {
    out.size = 0;
    if (!isLive(v, t) || !isLive(c, t)) {
      return 0;
    }
    int[] a = aHolders ? invHolders : fwdTargets;
    int[] b = bHolders ? invHolders : fwdTargets;
    int n = SortedIntersection.intersect(a, aFrom, aTo, b, bFrom, bTo, out.posA, out.posB);
    int found = 0;
    for (int i = 0; i < n; i++) {
      int x = a[out.posA[i]];
      boolean ok =
          stale
              ? staleValid(aHolders, out.posA[i], t) && staleValid(bHolders, out.posB[i], t)
              : valid(aHolders, out.posA[i], t) && valid(bHolders, out.posB[i], t);
      if (x != v && x != c && ok) {
        out.values[found++] = x;
      }
    }
    out.size = found;
    return found;
  }

  /**
   * Whether the element at {@code position} of a phonebook or, for a holder, of a list of holders
   * is valid at {@code t}.
   */
  boolean valid(boolean holder, int position, long t) {
    return holder ? holderValid(position, t) : entryValid(position, t);
  }

  /**
   * {@link #valid} in one load for most elements, given {@code day = DayWindows.key(t)}: the
   * element's {@link DayWindows} window answers unless {@code t} falls in the day of one of its
   * ends, or the element has several intervals; only then are its intervals read. Timed graphs
   * only.
   */
  boolean validAt(boolean holder, int position, long t, int day) {
    int window = (holder ? invWindows : fwdWindows)[position];
    return DayWindows.unsure(window, day)
        ? valid(holder, position, t)
        : DayWindows.bit(window, day) != 0;
  }

  // ---- views and figures

  /**
   * A JGraphT view of the account-to-account graph over all time, without copying: vertices are
   * account ids, an edge {@code H → S} (encoded as {@code (long) H << 32 | S}) means that {@code H}
   * ever held {@code S}'s number. Unmodifiable; usable by JGraphT's algorithms.
   */
  public Graph<Integer, Long> asAccountGraph() {
    return new AccountGraphView(this);
  }

  /** Bytes held by the two adjacency directions (offsets and ids, without times). */
  public long adjacencyBytes() {
    return 4L * (fwdOffsets.length + fwdTargets.length + invOffsets.length + invHolders.length);
  }

  /**
   * Bytes held by times: intervals, the inverse entry map, the account lifetimes (with their day
   * windows) and the day windows of both directions.
   */
  public long timeBytes() {
    long bytes = intervals == null ? 0 : intervals.bytes();
    bytes += fwdWindows == null ? 0 : 4L * (fwdWindows.length + invWindows.length);
    bytes += invEdge == null ? 0 : 4L * invEdge.length;
    bytes += registeredAt == null ? 0 : 20L * registeredAt.length;
    bytes += fwdPre == null ? 0 : 8L * (fwdPre.length + invPre.length);
    bytes += ownership == null ? 0 : ownership.bytes();
    return bytes;
  }

  // ---- internals

  int entry(int account, int number) {
    return SortedIntersection.indexOf(
        fwdTargets, fwdOffsets[account], fwdOffsets[account + 1], number);
  }

  int userContactsEnd(int account) {
    return SortedIntersection.lowerBound(
        fwdTargets, fwdOffsets[account], fwdOffsets[account + 1], accountIds.length);
  }

  boolean entryValid(int entry, long t) {
    return (intervals == null || intervals.valid(entry, t))
        && (ownership == null || owns(fwdTargets[entry], t));
  }

  boolean holderValid(int invPos, long t) {
    if (intervals == null && registeredAt == null) {
      return true;
    }
    int holder = invHolders[invPos];
    return isLive(holder, t)
        && (intervals == null || intervals.valid(invEdge[invPos], t))
        && (ownership == null || owns(fwdTargets[invEdge[invPos]], t));
  }
}
