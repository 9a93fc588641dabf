package org.contactaudit.io;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.ContactGraphBuilder;
import org.contactaudit.phone.PhoneDecoder;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.phone.PhoneNormalizer;
import org.contactaudit.time.Times;

/**
 * Reads the four input files of a run and accounts for every row (SPEC section 2): each ends
 * accepted, duplicate, ignored or rejected with one {@link Reason}. The files are read in the order
 * accounts, contacts, consents, recommendations; every header is checked before any row is read, so
 * a missing file or column fails fast with an {@link InputException}.
 *
 * <p>Where a row has several faults, the first in this order is reported: a malformed row, a
 * missing required cell, an unknown account, an invalid phone, time or value; then the reasons to
 * ignore a harmless row.
 */
public final class DatasetReader {
  private final InputPaths paths;
  private final ReadOptions options;
  private final RejectSink sink;
  private final ReadListener listener;
  private final PhoneDecoder decoder;
  private final List<FileSummary> summaries = new ArrayList<>();

  private final ContactGraphBuilder graphBuilder = ContactGraph.builder();
  private final LongArrayList accountKeys = new LongArrayList();
  private final LongArrayList registeredAt = new LongArrayList();
  private final LongArrayList deletedAt = new LongArrayList();
  private final LongArrayList accountLines = new LongArrayList();
  private final List<String> accountIds = new ArrayList<>();

  private DatasetReader(
      InputPaths paths, ReadOptions options, RejectSink sink, ReadListener listener) {
    this.paths = paths;
    this.options = options;
    this.sink = sink;
    this.listener = listener;
    this.decoder = options.newDecoder();
  }

  /**
   * Reads a run's inputs.
   *
   * @param sink receives each rejected row, in file order
   * @throws InputException when a file or a required column is missing or a file is unreadable
   */
  public static AuditInput read(InputPaths paths, ReadOptions options, RejectSink sink) {
    return read(paths, options, sink, (file, rows, done) -> {});
  }

  /**
   * Reads a run's inputs, telling {@code listener} how far it got.
   *
   * @param sink receives each rejected row, in file order
   * @throws InputException when a file or a required column is missing or a file is unreadable
   */
  public static AuditInput read(
      InputPaths paths, ReadOptions options, RejectSink sink, ReadListener listener) {
    for (InputFile file : InputFile.values()) {
      CsvTable.checkHeader(file, paths.path(file));
    }
    return new DatasetReader(paths, options, sink, listener).readAll();
  }

  private AuditInput readAll() {
    readAccounts();
    FileTally contactsTally = readContacts();
    ContactGraph graph = graphBuilder.build();
    contactsTally.duplicate(graphBuilder.duplicatesMerged());
    finish(contactsTally);

    ConsentLedgerBuilder ledgerBuilder = ConsentLedger.builder(graph.accountCount());
    boolean[] sourceChecked = new boolean[1];
    FileTally consentsTally = readConsents(ledgerBuilder, sourceChecked);
    ConsentLedger ledger = ledgerBuilder.build();
    consentsTally.duplicate(ledgerBuilder.duplicatesMerged());
    finish(consentsTally);

    Recommendations recommendations = readRecommendations();
    return new AuditInput(
        graph,
        ledger,
        recommendations,
        List.copyOf(summaries),
        sourceChecked[0],
        options.asOf(),
        decoder);
  }

  // The table of the file being read, and its summary once read.
  private CsvTable table;
  private long bytes;
  private String sha256;

  private FileTally open(InputFile file) {
    table = CsvTable.open(file, paths.path(file));
    return new FileTally(file, table.name(), sink, listener);
  }

  private void readRows(FileTally tally, RowHandler handler) {
    try (CsvTable t = table) {
      t.forEach(
          new CsvTable.RowVisitor() {
            @Override
            public void row(long line, CSVRecord record) {
              tally.read();
              handler.row(new Row(line, record, t, tally));
            }

            @Override
            public void malformed(long line, String detail) {
              tally.read();
              tally.reject(line, "", Reason.MALFORMED_ROW, detail);
            }
          });
      bytes = t.bytes();
      sha256 = t.sha256();
    }
  }

  private void finish(FileTally tally) {
    summaries.add(tally.summary(bytes, sha256, table.unknownColumns()));
  }

  // ---- accounts

  private void readAccounts() {
    FileTally tally = open(InputFile.ACCOUNTS);
    readRows(
        tally,
        row -> {
          String id = row.required("account_id");
          String phone = row.required("phone");
          if (id == null || phone == null) {
            return;
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
            return;
          }
          long from = row.time("registered_at", Times.ALWAYS);
          long to = row.time("deleted_at", Times.NEVER);
          if (from == BAD_TIME || to == BAD_TIME || !row.ordered(from, to, "deleted_at")) {
            return;
          }
          int existing = graphBuilder.accountIndex(id);
          if (existing >= 0) {
            if (accountKeys.getLong(existing) == key
                && registeredAt.getLong(existing) == from
                && deletedAt.getLong(existing) == to) {
              row.duplicate();
              return;
            }
            row.reject(
                "account_id",
                Reason.DUPLICATE_ACCOUNT,
                "account '"
                    + id
                    + "' is given on line "
                    + accountLines.getLong(existing)
                    + " with other data; keep one row per account");
            return;
          }
          int owner = graphBuilder.accountOfNumber(key);
          if (owner >= 0) {
            row.reject(
                "phone",
                Reason.PHONE_CONFLICT,
                "the number already belongs to account '"
                    + accountIdAt(owner)
                    + "' (line "
                    + accountLines.getLong(owner)
                    + "); recycled numbers are not supported yet");
            return;
          }
          graphBuilder.addAccount(id, key, from, to);
          accountIds.add(id);
          accountKeys.add(key);
          registeredAt.add(from);
          deletedAt.add(to);
          accountLines.add(row.line);
        });
    finish(tally);
  }

  private String accountIdAt(int index) {
    return accountIds.get(index);
  }

  // ---- contacts

  private FileTally readContacts() {
    FileTally tally = open(InputFile.CONTACTS);
    readRows(
        tally,
        row -> {
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
                "phone",
                Reason.SERVICE_NUMBER,
                "a service number links everyone who holds it; ignored");
            return;
          }
          if (accountKeys.getLong(owner) == key) {
            row.reject("phone", Reason.OWN_NUMBER, "the owner's own number; ignored");
            return;
          }
          graphBuilder.addEntry(owner, key, from, to);
        });
    return tally;
  }

  // ---- consents

  private FileTally readConsents(ConsentLedgerBuilder ledger, boolean[] sourceChecked) {
    FileTally tally = open(InputFile.CONSENTS);
    sourceChecked[0] = table.column("source") >= 0;
    readRows(
        tally,
        row -> {
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
          ledger.add(account, setting.toLowerCase(Locale.ROOT), granted, source, updatedAt);
        });
    return tally;
  }

  static Boolean parseBoolean(String value) {
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

  private Recommendations readRecommendations() {
    FileTally tally = open(InputFile.RECOMMENDATIONS);
    IntArrayList viewers = new IntArrayList();
    IntArrayList candidates = new IntArrayList();
    LongArrayList shown = new LongArrayList();
    LongArrayList lines = new LongArrayList();
    List<String> surfaces = new ArrayList<>();
    List<String> explanations = new ArrayList<>();
    Map<String, String> interned = new HashMap<>();
    Long2IntOpenHashMap firstByHash = new Long2IntOpenHashMap();
    firstByHash.defaultReturnValue(-1);
    long[] duplicates = new long[1];
    readRows(
        tally,
        row -> {
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
                "candidate_id",
                Reason.SELF_RECOMMENDATION,
                "the viewer is shown their own account");
            return;
          }
          long shownAt = row.time("shown_at", Times.ALWAYS);
          if (shownAt == BAD_TIME) {
            return;
          }
          long t = shownAt == Times.ALWAYS ? options.asOf() : shownAt;
          if (!live(viewer, t)) {
            row.reject(
                "viewer_id",
                Reason.ACCOUNT_NOT_LIVE,
                "viewer '" + viewerId + "' did not exist when the recommendation was shown");
            return;
          }
          if (!live(candidate, t)) {
            row.reject(
                "candidate_id",
                Reason.ACCOUNT_NOT_LIVE,
                "candidate '" + candidateId + "' did not exist when the recommendation was shown");
            return;
          }
          String surface = interned.computeIfAbsent(row.optional("surface"), s -> s);
          String explanation = interned.computeIfAbsent(row.optional("explanation"), s -> s);
          // The same five fields again is the same fact. A 64-bit hash finds the earlier row and an
          // exact comparison confirms it; on the rare hash collision the row is kept, never merged.
          long hash = hash(viewer, candidate, shownAt, surface, explanation);
          int first = firstByHash.get(hash);
          if (first >= 0
              && viewers.getInt(first) == viewer
              && candidates.getInt(first) == candidate
              && shown.getLong(first) == shownAt
              && surfaces.get(first).equals(surface)
              && explanations.get(first).equals(explanation)) {
            duplicates[0]++;
            return;
          }
          if (first < 0) {
            firstByHash.put(hash, viewers.size());
          }
          viewers.add(viewer);
          candidates.add(candidate);
          shown.add(shownAt);
          lines.add(row.line);
          surfaces.add(surface);
          explanations.add(explanation);
        });
    tally.duplicate(duplicates[0]);
    finish(tally);
    return new Recommendations(
        viewers.toIntArray(),
        candidates.toIntArray(),
        shown.toLongArray(),
        lines.toLongArray(),
        surfaces.toArray(new String[0]),
        explanations.toArray(new String[0]));
  }

  private static long hash(int viewer, int candidate, long shownAt, String s, String e) {
    long h = viewer * 0x9E3779B97F4A7C15L;
    h = (h ^ candidate) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ shownAt) * 0x165667B19E3779F9L;
    h = (h ^ s.hashCode()) * 0x9E3779B97F4A7C15L;
    h = (h ^ e.hashCode()) * 0xC2B2AE3D27D4EB4FL;
    return h ^ (h >>> 31);
  }

  private boolean live(int account, long t) {
    return Times.within(registeredAt.getLong(account), deletedAt.getLong(account), t);
  }

  // ---- cells

  /** Marks a time cell that could not be parsed (already rejected). */
  private static final long BAD_TIME = Long.MIN_VALUE + 1;

  private int account(Row row, String id, String column) {
    int account = graphBuilder.accountIndex(id);
    if (account < 0) {
      row.reject(
          column,
          Reason.UNKNOWN_ACCOUNT,
          "account '" + id + "' is not in " + paths.path(InputFile.ACCOUNTS).getFileName());
    }
    return account;
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

  /** What a file reader does with one well-formed row. */
  private interface RowHandler {
    void row(Row row);
  }

  /** One well-formed record with its line, and the means to reject it. */
  private static final class Row {
    final long line;
    private final CSVRecord record;
    private final CsvTable table;
    private final FileTally tally;
    private boolean rejected;

    Row(long line, CSVRecord record, CsvTable table, FileTally tally) {
      this.line = line;
      this.record = record;
      this.table = table;
      this.tally = tally;
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
      int i = table.column(column);
      return i < 0 ? "" : record.get(i).strip();
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

    /** Counts the row as a repeat of an earlier one, merged. */
    void duplicate() {
      tally.duplicate(1);
    }

    void reject(String column, Reason reason, String detail) {
      rejected = true;
      tally.reject(line, column, reason, detail);
    }
  }
}
