package org.contactaudit.audit;

/** An account id that the graph does not know, or an account that does not exist at an instant. */
public final class UnknownAccountException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String accountId;

  UnknownAccountException(String accountId, String message) {
    super(message);
    this.accountId = accountId;
  }

  /** The offending account id, as given. */
  public String accountId() {
    return accountId;
  }
}
