package org.contactaudit.io;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.ContactGraphBuilder;
import org.contactaudit.phone.PhoneDecoder;

/**
 * Reads the four input files of a run and accounts for every row (docs/DATA.md): each ends
 * accepted, duplicate, ignored or rejected with one {@link Reason}. The files are read in the order
 * accounts, contacts, consents, recommendations; every header is checked before any row is read, so
 * a missing file or column fails fast with an {@link InputException}.
 *
 * <p>Each row is decided by {@link RowClassifier} (where a row has several faults, it says which is
 * reported); this class merges what repeats an earlier row: the same phonebook entry, the same
 * consent record, the same recommendation.
 *
 * <p>Each file is parsed a batch ahead on a thread of its own ({@link ReadAhead}) while the rows
 * are decided on the calling thread, in file order: rejects reach the sink in file order all the
 * same.
 */
public final class DatasetReader {
  private final InputPaths paths;
  private final ReadOptions options;
  private final RejectSink sink;
  private final ReadListener listener;
  private final PhoneDecoder decoder;
  private final List<FileSummary> summaries = new ArrayList<>();

  private final ContactGraphBuilder graphBuilder = ContactGraph.builder();
  private final AccountTable accounts = new AccountTable();
  private final RowClassifier classifier;

  private DatasetReader(
      InputPaths paths, ReadOptions options, RejectSink sink, ReadListener listener) {
    this.paths = paths;
    this.options = options;
    this.sink = sink;
    this.listener = listener;
    this.decoder = options.newDecoder();
    this.classifier =
        new RowClassifier(
            options, decoder, accounts, paths.path(InputFile.ACCOUNTS).getFileName().toString());
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
      CsvTable.checkHeader(file, InputSource.of(paths.path(file)));
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
      ReadAhead.forEach(
          t,
          new CsvTable.RowVisitor() {
            @Override
            public void row(long line, String[] cells) {
              tally.read();
              handler.row(line, cells, tally::reject);
            }

            @Override
            public void malformed(long line, String detail) {
              tally.read();
              tally.reject(line, "", Reason.MALFORMED_ROW, RejectDetail.text(detail));
            }
          });
      bytes = t.bytes();
      sha256 = t.sha256();
    }
  }

  private void finish(FileTally tally) {
    summaries.add(tally.summary(bytes, sha256, table.unknownColumns()));
  }

  private void readAccounts() {
    FileTally tally = open(InputFile.ACCOUNTS);
    readRows(
        tally,
        (line, cells, rejections) -> {
          if (classifier.account(line, cells, rejections) == RowOutcome.DUPLICATE) {
            tally.duplicate(1);
          }
        });
    for (int a = 0; a < accounts.size(); a++) {
      graphBuilder.addAccount(
          accounts.id(a), accounts.key(a), accounts.registeredAt(a), accounts.deletedAt(a));
    }
    finish(tally);
  }

  private FileTally readContacts() {
    FileTally tally = open(InputFile.CONTACTS);
    readRows(
        tally,
        (line, cells, rejections) ->
            classifier.contact(line, cells, rejections, graphBuilder::addEntry));
    return tally;
  }

  private FileTally readConsents(ConsentLedgerBuilder ledger, boolean[] sourceChecked) {
    FileTally tally = open(InputFile.CONSENTS);
    sourceChecked[0] = table.hasColumn("source");
    readRows(
        tally,
        (line, cells, rejections) -> classifier.consent(line, cells, rejections, ledger::add));
    return tally;
  }

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
    RowClassifier.RecommendationReceiver receiver =
        (line, viewer, candidate, shownAt, surfaceCell, explanationCell) -> {
          String surface = interned.computeIfAbsent(surfaceCell, s -> s);
          String explanation = interned.computeIfAbsent(explanationCell, s -> s);
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
          lines.add(line);
          surfaces.add(surface);
          explanations.add(explanation);
        };
    readRows(
        tally,
        (line, cells, rejections) -> classifier.recommendation(line, cells, rejections, receiver));
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

  /** What a file reader does with one well-formed row. */
  private interface RowHandler {
    void row(long line, String[] cells, RowClassifier.Rejections rejections);
  }
}
