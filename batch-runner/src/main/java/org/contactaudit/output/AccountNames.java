package org.contactaudit.output;

import org.contactaudit.io.RejectDetail;
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

  /** A reject detail with every account id it names written as {@link #name}. */
  public String detail(RejectDetail detail) {
    return detail.render(this::name);
  }
}
