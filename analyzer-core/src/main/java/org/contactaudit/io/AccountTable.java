package org.contactaudit.io;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.contactaudit.time.Times;

/**
 * The accepted accounts of a run in input order: dense index, external id, number key, lifetime and
 * the line that gave each. {@link RowClassifier} fills it from accounts.csv and reads it for the
 * other three files. About 60 bytes an account plus its id. Serializable, so that a distributed
 * engine can ship it to its workers; not thread-safe while it is filled, read-only afterwards.
 */
public final class AccountTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> ids = new ArrayList<>();
  private final Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
  private final Long2IntOpenHashMap ownerOfKey = new Long2IntOpenHashMap();
  private final LongArrayList keys = new LongArrayList();
  private final LongArrayList registeredAt = new LongArrayList();
  private final LongArrayList deletedAt = new LongArrayList();
  private final LongArrayList lines = new LongArrayList();

  /** Per account, the next account added with the same number (a recycled number), or -1. */
  private final IntArrayList sameNumber = new IntArrayList();

  /** An empty table. */
  public AccountTable() {
    index.defaultReturnValue(-1);
    ownerOfKey.defaultReturnValue(-1);
  }

  void add(String id, long key, long from, long to, long line) {
    int account = ids.size();
    index.put(id, account);
    int first = ownerOfKey.get(key);
    if (first < 0) {
      ownerOfKey.put(key, account);
    } else {
      int last = first;
      while (sameNumber.getInt(last) >= 0) {
        last = sameNumber.getInt(last);
      }
      sameNumber.set(last, account);
    }
    sameNumber.add(-1);
    ids.add(id);
    keys.add(key);
    registeredAt.add(from);
    deletedAt.add(to);
    lines.add(line);
  }

  /** How many accounts. */
  public int size() {
    return ids.size();
  }

  /** The index of the account with this external id, or {@code -1}. */
  public int index(String id) {
    return index.getInt(id);
  }

  /**
   * The first account added whose number has this key, or {@code -1}; a recycled number has others
   * ({@link #ownerAt}).
   */
  public int ownerOfKey(long key) {
    return ownerOfKey.get(key);
  }

  /**
   * The account that has the number with this key and exists at {@code t}, or {@code -1}: accounts
   * that share a number have lifetimes that do not overlap, so at most one does.
   */
  public int ownerAt(long key, long t) {
    for (int a = ownerOfKey.get(key); a >= 0; a = sameNumber.getInt(a)) {
      if (live(a, t)) {
        return a;
      }
    }
    return -1;
  }

  /**
   * An account with the number {@code key} whose lifetime overlaps {@code [from, to)}, or {@code
   * -1}: the accounts that would make a new one with that number a {@code PHONE_CONFLICT}.
   */
  public int overlapping(long key, long from, long to) {
    for (int a = ownerOfKey.get(key); a >= 0; a = sameNumber.getInt(a)) {
      if (registeredAt(a) < to && from < deletedAt(a)) {
        return a;
      }
    }
    return -1;
  }

  /** The external id of an account. */
  public String id(int account) {
    return ids.get(account);
  }

  /** The number key of an account's phone. */
  public long key(int account) {
    return keys.getLong(account);
  }

  /** When the account was registered, or {@link Times#ALWAYS}. */
  public long registeredAt(int account) {
    return registeredAt.getLong(account);
  }

  /** When the account was deleted, or {@link Times#NEVER}. */
  public long deletedAt(int account) {
    return deletedAt.getLong(account);
  }

  /** The line of accounts.csv that gave the account. */
  public long line(int account) {
    return lines.getLong(account);
  }

  /** Whether the account exists at {@code t}. */
  public boolean live(int account, long t) {
    return Times.within(registeredAt(account), deletedAt(account), t);
  }
}
