package org.contactaudit.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts the outcomes of one file's rows while it is read. */
final class FileTally {
  private final InputFile file;
  private final String name;
  private final RejectSink sink;
  private final ReadListener listener;
  private final long[] byReason = new long[Reason.values().length];
  private long read;
  private long duplicate;
  private long ignored;
  private long rejected;

  FileTally(InputFile file, String name, RejectSink sink, ReadListener listener) {
    this.file = file;
    this.name = name;
    this.sink = sink;
    this.listener = listener;
  }

  String name() {
    return name;
  }

  void read() {
    if (++read % ReadListener.EVERY == 0) {
      listener.rowsRead(file, read, false);
    }
  }

  void duplicate(long count) {
    duplicate += count;
  }

  /** Counts an ignored or rejected row; only rejected rows reach the sink. */
  void reject(long line, String column, Reason reason, RejectDetail detail) {
    byReason[reason.ordinal()]++;
    if (reason.outcome() == RowOutcome.IGNORED) {
      ignored++;
    } else {
      rejected++;
      sink.accept(new Reject(name, line, column, reason, detail));
    }
  }

  FileSummary summary(long bytes, String sha256, List<String> unknownColumns) {
    listener.rowsRead(file, read, true);
    Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      if (byReason[r.ordinal()] > 0) {
        reasons.put(r, byReason[r.ordinal()]);
      }
    }
    long accepted = read - duplicate - ignored - rejected;
    return new FileSummary(
        file,
        name,
        bytes,
        sha256,
        read,
        accepted,
        duplicate,
        ignored,
        rejected,
        Map.copyOf(reasons),
        List.copyOf(unknownColumns));
  }
}
