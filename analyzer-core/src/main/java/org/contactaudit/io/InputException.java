package org.contactaudit.io;

/**
 * A fatal input problem: a missing file, a missing required column, an unreadable file. The message
 * names the file and, where there is one, the column; it never holds a raw phone number.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String column;

  InputException(String file, String column, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.column = column;
  }

  /** The file at fault. */
  public String file() {
    return file;
  }

  /** The column at fault, or an empty string. */
  public String column() {
    return column;
  }
}
