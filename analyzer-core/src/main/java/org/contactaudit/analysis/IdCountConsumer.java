package org.contactaudit.analysis;

/** Receives an id (a number or an account) with a count, without boxing. */
@FunctionalInterface
public interface IdCountConsumer {
  /** Accepts one id and its count. */
  void accept(int id, int count);
}
