package org.contactaudit.io;

/**
 * A rejected or ignored input row: where it is and why. Never carries a raw phone number.
 *
 * @param file the file's name as given, such as {@code contacts.csv}
 * @param line the physical line where the row starts (the header is line 1)
 * @param column the column at fault, or an empty string for the whole row
 * @param reason why
 * @param detail what was wrong and what to do, in words safe to write out, with the account ids it
 *     names as structured parts ({@link RejectDetail#accounts()})
 */
public record Reject(String file, long line, String column, Reason reason, RejectDetail detail) {
  /** A reject whose detail names no account. */
  public Reject(String file, long line, String column, Reason reason, String detail) {
    this(file, line, column, reason, RejectDetail.text(detail));
  }
}
