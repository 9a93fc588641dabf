package org.contactaudit.io;

import java.util.List;
import java.util.Locale;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.phone.PhoneDecoder;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.phone.PhoneNormalizer;
import org.contactaudit.time.Times;

/**
 * The decision on each input row of docs/DATA.md, one row at a time: the one implementation that
 * {@link DatasetReader} and the distributed job both call, so that their row accounting cannot
 * disagree. A row is the cells of {@link InputFile#columns()} (from {@link CsvTable}); a row that
 * is taken in is handed to a typed receiver, any other is reported to {@link Rejections} with its
 * reason, column and a detail that never holds a raw phone number.
 *
 * <p>Where a row has several faults, the first in this order is reported: a missing required cell,
 * an unknown account, an invalid phone, time or value; then the reasons to ignore a harmless row.
 * What depends on other rows is not decided here: merging duplicates of contacts, consents and
 * recommendations is the caller's (the same fact again, see {@link DatasetReader}). Accounts are
 * the exception: a repeated or conflicting account is decided against the {@link AccountTable}
 * filled so far, so accounts.csv is classified in file order.
 *
 * <p>Not thread-safe (the phone decoder memoizes); one instance per thread or task.
 */
public final class RowClassifier {
  /** Marks a time cell that could not be parsed (already rejected). */
  private static final long BAD_TIME = Long.MIN_VALUE + 1;

  private final ReadOptions options;
  private final PhoneDecoder decoder;
  private final AccountTable accounts;
  private final String accountsFileName;

  /**
   * A classifier for one run.
   *
   * @param decoder decodes phone cells (shared with every file of the run, so keys agree)
   * @param accounts the accounts: filled by {@link #account}, read by the other files
   * @param accountsFileName the name of accounts.csv as given, for messages
   */
  public RowClassifier(
      ReadOptions options, PhoneDecoder decoder, AccountTable accounts, String accountsFileName) {
    this.options = options;
    this.decoder = decoder;
    this.accounts = accounts;
    this.accountsFileName = accountsFileName;
  }

  /** Receives the rows that are rejected or ignored. */
  @FunctionalInterface
  public interface Rejections {
    /** One row's fault; {@link Reason#outcome()} says whether it is rejected or ignored. */
    void reject(long line, String column, Reason reason, RejectDetail detail);
  }

  /** Receives an accepted phonebook entry. */
  @FunctionalInterface
  public interface EntryReceiver {
    /** The owner's account index holds the number {@code key} in {@code [from, to)}. */
    void entry(int owner, long key, long from, long to);
  }

  /** Receives an accepted consent record. */
  @FunctionalInterface
  public interface ConsentReceiver {
    /** A record; {@code setting} is in lower case, {@code updatedAt} may be ALWAYS. */
    void consent(int account, String setting, boolean value, ConsentSource source, long updatedAt);
  }

  /** Receives an accepted recommendation, before duplicates are merged. */
  @FunctionalInterface
  public interface RecommendationReceiver {
    /** A recommendation; {@code shownAt} is ALWAYS when the input had none. */
    void recommendation(
        long line, int viewer, int candidate, long shownAt, String surface, String explanation);
  }

  // ---- accounts

  /**
   * Classifies one row of accounts.csv and adds an accepted account to the table. A row equal to an
   * earlier account (same id, number and lifetime) adds nothing: it is a {@link
   * RowOutcome#DUPLICATE}, which the caller counts (it reaches no receiver).
   *
   * @return what became of the row: {@link RowOutcome#ACCEPTED}, {@link RowOutcome#DUPLICATE}, or
   *     the outcome of the reason reported to {@code rejections}
   */
  public RowOutcome account(long line, String[] cells, Rejections rejections) {
    Row row = new Row(InputFile.ACCOUNTS, line, cells, rejections);
    String id = row.required("account_id");
    String phone = row.required("phone");
    if (id == null || phone == null) {
      return row.outcome();
    }
    long key = phone(row, phone, "phone");
    if (key < 0) {
      if (key == PhoneNormalizer.SERVICE) {
        row.reject(
            "phone",
            Reason.INVALID_PHONE,
            "a service number (short code, toll-free, premium-rate, shared-cost or UAN)"
                + " cannot be an account's own number");
      }
      return row.outcome();
    }
    long from = row.time("registered_at", Times.ALWAYS);
    long to = row.time("deleted_at", Times.NEVER);
    if (from == BAD_TIME || to == BAD_TIME || !row.ordered(from, to, "deleted_at")) {
      return row.outcome();
    }
    int existing = accounts.index(id);
    if (existing >= 0) {
      if (accounts.key(existing) == key
          && accounts.registeredAt(existing) == from
          && accounts.deletedAt(existing) == to) {
        return RowOutcome.DUPLICATE;
      }
      row.reject(
          "account_id",
          Reason.DUPLICATE_ACCOUNT,
          RejectDetail.of(
              "account '",
              new RejectDetail.Account(id),
              "' is given on line ",
              accounts.line(existing),
              " with other data; keep one row per account"));
      return row.outcome();
    }
    int owner = accounts.overlapping(key, from, to);
    if (owner >= 0) {
      row.reject(
          "phone",
          Reason.PHONE_CONFLICT,
          RejectDetail.of(
              "the number belongs to account '",
              new RejectDetail.Account(accounts.id(owner)),
              "' (line ",
              accounts.line(owner),
              ") at the same time; accounts may share a number only when their lifetimes"
                  + " (registered_at to deleted_at) do not overlap"));
      return row.outcome();
    }
    accounts.add(id, key, from, to, line);
    return RowOutcome.ACCEPTED;
  }

  // ---- contacts

  /** Classifies one row of contacts.csv. */
  public void contact(long line, String[] cells, Rejections rejections, EntryReceiver receiver) {
    Row row = new Row(InputFile.CONTACTS, line, cells, rejections);
    String ownerId = row.required("owner_id");
    String phone = row.required("phone");
    if (ownerId == null || phone == null) {
      return;
    }
    int owner = account(row, ownerId, "owner_id");
    if (owner < 0) {
      return;
    }
    long key = phone(row, phone, "phone");
    if (key == PhoneNormalizer.INVALID) {
      return;
    }
    long from = row.time("uploaded_at", Times.ALWAYS);
    long to = row.time("deleted_at", Times.NEVER);
    if (from == BAD_TIME || to == BAD_TIME || !row.ordered(from, to, "deleted_at")) {
      return;
    }
    if (key == PhoneNormalizer.SERVICE) {
      row.reject(
          "phone", Reason.SERVICE_NUMBER, "a service number links everyone who holds it; ignored");
      return;
    }
    if (accounts.key(owner) == key) {
      row.reject("phone", Reason.OWN_NUMBER, "the owner's own number; ignored");
      return;
    }
    receiver.entry(owner, key, from, to);
  }

  // ---- consents

  /** Classifies one row of consents.csv. */
  public void consent(long line, String[] cells, Rejections rejections, ConsentReceiver receiver) {
    Row row = new Row(InputFile.CONSENTS, line, cells, rejections);
    String id = row.required("account_id");
    String setting = row.required("setting");
    String value = row.required("value");
    if (id == null || setting == null || value == null) {
      return;
    }
    int account = account(row, id, "account_id");
    if (account < 0) {
      return;
    }
    Boolean granted = parseBoolean(value);
    if (granted == null) {
      row.reject("value", Reason.INVALID_VALUE, "expected true/false, 1/0, yes/no or on/off");
      return;
    }
    ConsentSource source = parseSource(row.optional("source"));
    if (source == null) {
      row.reject("source", Reason.INVALID_VALUE, "expected explicit or default");
      return;
    }
    long updatedAt = row.time("updated_at", Times.ALWAYS);
    if (updatedAt == BAD_TIME) {
      return;
    }
    receiver.consent(account, setting.toLowerCase(Locale.ROOT), granted, source, updatedAt);
  }

  private static Boolean parseBoolean(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
      case "on":
        return Boolean.TRUE;
      case "false":
      case "0":
      case "no":
      case "off":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static ConsentSource parseSource(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "":
      case "explicit":
        return ConsentSource.EXPLICIT;
      case "default":
        return ConsentSource.DEFAULT;
      default:
        return null;
    }
  }

  // ---- recommendations

  /** Classifies one row of recommendations.csv. */
  public void recommendation(
      long line, String[] cells, Rejections rejections, RecommendationReceiver receiver) {
    Row row = new Row(InputFile.RECOMMENDATIONS, line, cells, rejections);
    String viewerId = row.required("viewer_id");
    String candidateId = row.required("candidate_id");
    if (viewerId == null || candidateId == null) {
      return;
    }
    int viewer = account(row, viewerId, "viewer_id");
    if (viewer < 0) {
      return;
    }
    int candidate = account(row, candidateId, "candidate_id");
    if (candidate < 0) {
      return;
    }
    if (viewer == candidate) {
      row.reject(
          "candidate_id", Reason.SELF_RECOMMENDATION, "the viewer is shown their own account");
      return;
    }
    long shownAt = row.time("shown_at", Times.ALWAYS);
    if (shownAt == BAD_TIME) {
      return;
    }
    long t = shownAt == Times.ALWAYS ? options.asOf() : shownAt;
    if (!accounts.live(viewer, t)) {
      row.reject(
          "viewer_id",
          Reason.ACCOUNT_NOT_LIVE,
          RejectDetail.of(
              "viewer '",
              new RejectDetail.Account(viewerId),
              "' did not exist when the recommendation was shown"));
      return;
    }
    if (!accounts.live(candidate, t)) {
      row.reject(
          "candidate_id",
          Reason.ACCOUNT_NOT_LIVE,
          RejectDetail.of(
              "candidate '",
              new RejectDetail.Account(candidateId),
              "' did not exist when the recommendation was shown"));
      return;
    }
    receiver.recommendation(
        line, viewer, candidate, shownAt, row.optional("surface"), row.optional("explanation"));
  }

  // ---- cells

  private int account(Row row, String id, String column) {
    int account = accounts.index(id);
    if (account < 0) {
      row.reject(column, Reason.UNKNOWN_ACCOUNT, unknownAccount(id, column));
    }
    return account;
  }

  /**
   * The detail of a cell that names no account: the id when the cell cannot be a phone number;
   * otherwise its keyed pseudonym, as numbers are named, or nothing without a key.
   */
  private RejectDetail unknownAccount(String cell, String column) {
    if (!mayBePhoneNumber(cell)) {
      return RejectDetail.of(
          "account '", new RejectDetail.Account(cell), "' is not in " + accountsFileName);
    }
    String named =
        options.numberNames() == null
            ? "not shown: it may be a phone number"
            : "it may be a phone number: number "
                + options.numberNames().pseudonym(canonical(cell));
    return RejectDetail.text(
        "the " + column + " cell names no account in " + accountsFileName + " (" + named + ")");
  }

  /** Whether a cell could hold a phone number: five digits or more anywhere in it. */
  static boolean mayBePhoneNumber(String cell) {
    int digits = 0;
    for (int i = 0; i < cell.length(); i++) {
      if (Character.isDigit(cell.charAt(i)) && ++digits >= 5) {
        return true;
      }
    }
    return false;
  }

  /** The text a number is pseudonymized over: its E.164 form when it is one, else the cell. */
  private String canonical(String cell) {
    if (decoder.mode() == PhoneMode.NUMBERS) {
      long key = decoder.decode(cell);
      if (key >= 0) {
        return decoder.canonical(key);
      }
    }
    return cell;
  }

  private long phone(Row row, String raw, String column) {
    long key = decoder.decode(raw);
    if (key == PhoneNormalizer.INVALID) {
      row.reject(
          column,
          Reason.INVALID_PHONE,
          decoder.mode() == PhoneMode.TOKENS
              ? "an empty token"
              : "not a valid phone number for default region " + options.defaultRegion());
    }
    return key;
  }

  /** One well-formed record with its line, and the means to reject it. */
  private static final class Row {
    private final List<String> columns;
    private final long line;
    private final String[] cells;
    private final Rejections rejections;
    private boolean rejected;
    private RowOutcome outcome = RowOutcome.ACCEPTED;

    Row(InputFile file, long line, String[] cells, Rejections rejections) {
      this.columns = file.columns();
      this.line = line;
      this.cells = cells;
      this.rejections = rejections;
    }

    /** The trimmed cell, or {@code null} after rejecting an empty one as MISSING_FIELD. */
    String required(String column) {
      String value = optional(column);
      if (value.isEmpty()) {
        if (!rejected) {
          reject(column, Reason.MISSING_FIELD, "the " + column + " cell is empty");
        }
        return null;
      }
      return value;
    }

    /** The trimmed cell, or an empty string when it or its column is absent. */
    String optional(String column) {
      return cells[columns.indexOf(column)];
    }

    /** The instant in a time cell, {@code unknown} when empty, BAD_TIME after rejecting it. */
    long time(String column, long unknown) {
      if (rejected) {
        return BAD_TIME;
      }
      String value = optional(column);
      if (value.isEmpty()) {
        return unknown;
      }
      try {
        return Times.parse(value);
      } catch (IllegalArgumentException e) {
        reject(
            column,
            Reason.INVALID_TIME,
            "not an ISO-8601 instant (2020-06-01T10:00:00Z) or date (2020-06-01)");
        return BAD_TIME;
      }
    }

    /** Whether {@code from <= to}; otherwise rejects the end column as INVALID_VALUE. */
    boolean ordered(long from, long to, String endColumn) {
      if (to < from) {
        reject(endColumn, Reason.INVALID_VALUE, endColumn + " is before the start of the interval");
        return false;
      }
      return true;
    }

    /** {@link RowOutcome#ACCEPTED} until a fault is reported, then the outcome of its reason. */
    RowOutcome outcome() {
      return outcome;
    }

    void reject(String column, Reason reason, String detail) {
      reject(column, reason, RejectDetail.text(detail));
    }

    void reject(String column, Reason reason, RejectDetail detail) {
      if (!rejected) {
        outcome = reason.outcome();
      }
      rejected = true;
      rejections.reject(line, column, reason, detail);
    }
  }
}
