package org.contactaudit.output;

import java.io.IOException;

/**
 * The output folder cannot be written: the message names the target and what to do, never a raw
 * phone number nor the staging folder.
 */
public final class OutputException extends IOException {
  private static final long serialVersionUID = 1L;

  OutputException(String message) {
    super(message);
  }

  OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
