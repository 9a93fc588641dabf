package org.contactaudit.output;

import org.contactaudit.phone.Pseudonymizer;

/** How account ids are written: as given, or pseudonymized with the run's key when the run asks. */
public final class AccountNames {
  private final Pseudonymizer pseudonymizer;

  private AccountNames(Pseudonymizer pseudonymizer) {
    this.pseudonymizer = pseudonymizer;
  }

  /** Ids as given. */
  public static AccountNames asGiven() {
    return new AccountNames(null);
  }

  /** Ids pseudonymized with the key. */
  public static AccountNames pseudonymized(Pseudonymizer pseudonymizer) {
    return new AccountNames(pseudonymizer);
  }

  /** The name to write for an account id. */
  public String name(String accountId) {
    return pseudonymizer == null
        ? accountId
        : "acct_" + pseudonymizer.pseudonym("account:" + accountId);
  }

  /**
   * A reject detail with every quoted account id ({@code 'u42'}) replaced by its name: the details
   * of the reader quote account ids and nothing else.
   */
  public String detail(String detail) {
    if (pseudonymizer == null) {
      return detail;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int open = detail.indexOf('\'', i);
      int close = open < 0 ? -1 : detail.indexOf('\'', open + 1);
      if (close < 0) {
        return out.append(detail, i, detail.length()).toString();
      }
      out.append(detail, i, open + 1).append(name(detail.substring(open + 1, close))).append('\'');
      i = close + 1;
    }
  }
}
