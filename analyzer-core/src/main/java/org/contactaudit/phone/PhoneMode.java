package org.contactaudit.phone;

/** What the phone columns of a run hold. */
public enum PhoneMode {
  /** Phone numbers in any format, normalized to E.164 with a default region. */
  NUMBERS,
  /** Opaque tokens (pseudonyms or hashes made by the export), compared verbatim after trimming. */
  TOKENS
}
