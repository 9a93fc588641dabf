package org.contactaudit.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a reject says, in words safe to write out, with the account ids it names kept apart from the
 * words: a writer that names accounts otherwise (keyed pseudonyms) renders them with {@link
 * #render}, and nothing is ever parsed back out of the text. Two details are equal when they read
 * the same with the ids as given.
 */
public final class RejectDetail implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The text around the ids: one more piece than ids. */
  private final List<String> text;

  private final List<String> accounts;

  private RejectDetail(List<String> text, List<String> accounts) {
    this.text = text;
    this.accounts = accounts;
  }

  /** A detail that names no account. */
  public static RejectDetail text(String text) {
    return new RejectDetail(List.of(text), List.of());
  }

  /**
   * A detail of words and account ids, in order: each {@link String} part is words, each {@link
   * Account} part an id.
   */
  static RejectDetail of(Object... parts) {
    List<String> text = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Account a) {
        text.add(words.toString());
        words.setLength(0);
        accounts.add(a.id());
      } else {
        words.append(part);
      }
    }
    text.add(words.toString());
    return new RejectDetail(
        Collections.unmodifiableList(text), Collections.unmodifiableList(accounts));
  }

  /** An account id inside a detail. */
  record Account(String id) {}

  /** The account ids this detail names, in order. */
  public List<String> accounts() {
    return accounts;
  }

  /** The detail with every account id written as {@code name} gives it. */
  public String render(UnaryOperator<String> name) {
    StringBuilder out = new StringBuilder(text.get(0));
    for (int i = 0; i < accounts.size(); i++) {
      out.append(name.apply(accounts.get(i))).append(text.get(i + 1));
    }
    return out.toString();
  }

  /** The detail with the account ids as given. */
  @Override
  public String toString() {
    return render(UnaryOperator.identity());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RejectDetail d && toString().equals(d.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
