package org.contactaudit.io;

/** Why an input row was rejected or ignored (docs/DATA.md). */
public enum Reason {
  /** Unbalanced quotes or a wrong number of fields. */
  MALFORMED_ROW(RowOutcome.REJECTED),
  /** A required cell is empty. */
  MISSING_FIELD(RowOutcome.REJECTED),
  /** The phone cell cannot be a phone number for the default region. */
  INVALID_PHONE(RowOutcome.REJECTED),
  /** A time cell is neither an ISO-8601 instant nor a date. */
  INVALID_TIME(RowOutcome.REJECTED),
  /** A cell holds a value outside its domain, or an interval ends before it starts. */
  INVALID_VALUE(RowOutcome.REJECTED),
  /** An upload owner, consent holder, viewer or candidate that is not in accounts.csv. */
  UNKNOWN_ACCOUNT(RowOutcome.REJECTED),
  /** An account id already given with different data. */
  DUPLICATE_ACCOUNT(RowOutcome.REJECTED),
  /** A number that already belongs to another account. */
  PHONE_CONFLICT(RowOutcome.REJECTED),
  /** A recommendation whose viewer is its candidate. */
  SELF_RECOMMENDATION(RowOutcome.REJECTED),
  /** A viewer or candidate that did not exist when the recommendation was shown. */
  ACCOUNT_NOT_LIVE(RowOutcome.REJECTED),
  /** A phonebook entry of a service number (short code, toll-free, premium, shared-cost, UAN). */
  SERVICE_NUMBER(RowOutcome.IGNORED),
  /** A phonebook entry of the owner's own number. */
  OWN_NUMBER(RowOutcome.IGNORED);

  private final RowOutcome outcome;

  Reason(RowOutcome outcome) {
    this.outcome = outcome;
  }

  /** {@link RowOutcome#REJECTED} or {@link RowOutcome#IGNORED}. */
  public RowOutcome outcome() {
    return outcome;
  }
}
