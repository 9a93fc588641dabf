package org.contactaudit.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** One element, then those of another iterator: a header line before a part's rows. */
final class PrependIterator<T> implements Iterator<T> {
  private final Iterator<T> rest;
  private T first;

  PrependIterator(T first, Iterator<T> rest) {
    this.first = first;
    this.rest = rest;
  }

  @Override
  public boolean hasNext() {
    return first != null || rest.hasNext();
  }

  @Override
  public T next() {
    if (first != null) {
      T f = first;
      first = null;
      return f;
    }
    if (!rest.hasNext()) {
      throw new NoSuchElementException();
    }
    return rest.next();
  }
}
