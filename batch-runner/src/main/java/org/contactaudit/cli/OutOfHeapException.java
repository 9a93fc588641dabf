package org.contactaudit.cli;

/** The run ran out of heap: the message says how much this input needs and how to give it. */
final class OutOfHeapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutOfHeapException(String message, OutOfMemoryError cause) {
    super(message, cause);
  }
}
