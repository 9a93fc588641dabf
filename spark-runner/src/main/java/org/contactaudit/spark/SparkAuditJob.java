package org.contactaudit.spark;

import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.contactaudit.audit.EvidenceTally;
import org.contactaudit.audit.Judgment;
import org.contactaudit.audit.Kind;
import org.contactaudit.audit.Policy;
import org.contactaudit.audit.Rules;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.io.AccountTable;
import org.contactaudit.io.CsvTable;
import org.contactaudit.io.FileSummary;
import org.contactaudit.io.InputException;
import org.contactaudit.io.InputFile;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.io.Reason;
import org.contactaudit.io.Reject;
import org.contactaudit.io.RejectDetail;
import org.contactaudit.io.RowClassifier;
import org.contactaudit.io.RowOutcome;
import org.contactaudit.output.AccountNames;
import org.contactaudit.output.RejectsWriter;
import org.contactaudit.output.RunSummary;
import org.contactaudit.output.SummaryWriter;
import org.contactaudit.output.VerdictsWriter;
import org.contactaudit.phone.PhoneDecoder;
import org.contactaudit.phone.PhoneMode;
import org.contactaudit.phone.PhoneNormalizer;
import org.contactaudit.phone.Pseudonymizer;
import org.contactaudit.time.Times;
import scala.Tuple2;

/**
 * The audit of batch-runner on Apache Spark: the same inputs, the same row accounting, the same
 * judgments and the same outputs ({@code verdicts.csv/} and {@code rejects.csv/} as folders of
 * parts sorted by input line, {@code summary.json}, {@code _SUCCESS}), for inputs on any Hadoop
 * file system.
 *
 * <h2>How it works</h2>
 *
 * <ol>
 *   <li>Rows: accounts.csv is classified on the driver, in file order (a repeated or conflicting
 *       account depends on the rows before it); its {@link AccountTable} is broadcast. Each other
 *       file is split into records by one task (RFC 4180 records may span lines, and the line of
 *       each record is counted from the start), then spread over the cluster and classified there
 *       by analyzer-core's {@link RowClassifier}, the same code {@link
 *       org.contactaudit.io.DatasetReader} runs; phone numbers are normalized on the executors.
 *       Duplicates are merged as the single-machine reader does: an exact repeat of an account (on
 *       the driver), entries by distinct (owner, number, interval), recommendations by their five
 *       fields keeping the first line, consents by analyzer-core's ledger builder over the records
 *       in file order (on the driver: the ledger is broadcast anyway).
 *   <li>Evidence by joins, partitioned on account ids and numbers: each recommendation is joined
 *       with the viewer's phonebook (on owner) and with the live holders of the viewer's number (on
 *       number), each valid at its time {@code t}; the candidate's side is probed with equi-joins
 *       on (owner, number): FORWARD is the viewer holding the candidate's number, REVERSE the
 *       candidate holding the viewer's, SHARED_CONTACT a number of the viewer's phonebook that the
 *       candidate holds, CHAIN an account of the viewer's phonebook that holds the candidate's
 *       number, CO_HOLDER a holder of the viewer's number that holds the candidate's. Entries are
 *       first cut down to the owners and numbers that some recommendation touches, and a hub's
 *       thousands of holders are never listed per recommendation. A number maps to the account that
 *       has it and exists at {@code t} (a recycled number is several accounts' in turn). Each
 *       joined entry carries whether its interval counting at {@code t} began before the account
 *       whose number it holds registered (pre-registration), ORed per piece; each account whether
 *       another has its number (recycled). The recommendations without evidence, and only those (an
 *       anti-join), are searched again with deleted entries counted from their upload on: the kinds
 *       found make them {@code STALE}.
 *   <li>Rules: the pieces of each recommendation are grouped with it, and analyzer-core's {@link
 *       Rules} (built once per executor from the broadcast ledger and policy) say what each piece
 *       misses and decide the verdict, and judge the explanation shown: the rules exist once, in
 *       analyzer-core.
 * </ol>
 */
public final class SparkAuditJob {
  /** The environment variable holding the pseudonymization key, as for batch-runner. */
  static final String KEY_VARIABLE = "CONTACT_AUDIT_KEY";

  private static final int FORWARD_EDGE = 0;
  private static final int REVERSE_EDGE = 1;
  private static final int SHARED = 2;
  private static final int CHAIN = 3;
  private static final int CO_HOLDER = 4;

  /** Added to a type: a kind found only by the stale search. */
  private static final int STALE = 8;

  private static final Map<String, PhoneNormalizer> NORMALIZERS = new ConcurrentHashMap<>();

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final JobOptions options;
  private final Policy policy;
  private final int partitions;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  private Dataset<Row> accountFrame;

  private SparkAuditJob(SparkSession spark, JobOptions options, Policy policy) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.options = options;
    this.policy = policy;
    this.partitions =
        options.partitions() > 0 ? options.partitions() : 2 * jsc.defaultParallelism();
  }

  /** Runs the job with the command line and exits with its code (see {@link #run}). */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  /**
   * Runs the job. Exit codes as batch-runner's: 0 success; 1 a budget was exceeded (outputs
   * written); 2 usage error; 3 input error (a missing file or required column; nothing written); 4
   * internal or I/O error (nothing written).
   */
  public static int run(String[] args, Map<String, String> environment) {
    JobOptions options;
    Policy policy;
    try {
      options = JobOptions.parse(args);
      policy = policy(options);
      key(environment);
    } catch (JobOptions.UsageException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    SparkSession.Builder builder = SparkSession.builder().appName("contact-audit");
    if (options.master() != null) {
      builder
          .master(options.master())
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8");
    }
    if (options.partitions() > 0) {
      builder.config("spark.sql.shuffle.partitions", Integer.toString(options.partitions()));
    }
    SparkSession spark = builder.getOrCreate();
    try {
      boolean exceeded = new SparkAuditJob(spark, options, policy).audit();
      return exceeded ? 1 : 0;
    } catch (InputException e) {
      System.err.println("input error: " + e.getMessage());
      return 3;
    } catch (Exception e) {
      // IOException, RuntimeException, or Spark's checked SparkException when a task fails.
      InputException input = inputCause(e);
      if (input != null) {
        // A file that fails mid-way (a truncated .gz) fails the task that splits it into rows.
        System.err.println("input error: " + input.getMessage());
        return 3;
      }
      System.err.println("error: " + e);
      return 4;
    } finally {
      if (options.master() != null) {
        spark.stop();
      }
    }
  }

  /** The input error that failed a task, as Spark hands it to the driver wrapped, or null. */
  private static InputException inputCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InputException input) {
        return input;
      }
    }
    return null;
  }

  private static Policy policy(JobOptions options) throws JobOptions.UsageException {
    if (options.policy() == null) {
      return Policy.defaults();
    }
    try {
      return Policy.load(java.nio.file.Path.of(options.policy()));
    } catch (IOException e) {
      throw new JobOptions.UsageException(
          "--policy " + options.policy() + ": cannot be read (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw new JobOptions.UsageException("--policy " + e.getMessage());
    }
  }

  /** Checks the key as batch-runner does; no output of this job names a number with it yet. */
  private static void key(Map<String, String> environment) throws JobOptions.UsageException {
    String value = environment.get(KEY_VARIABLE);
    if (value == null || value.isBlank()) {
      throw new JobOptions.UsageException(
          "no pseudonymization key: set " + KEY_VARIABLE + " (at least 16 random bytes)");
    }
    try {
      Pseudonymizer.withKey(value.strip().getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new JobOptions.UsageException(KEY_VARIABLE + ": " + e.getMessage());
    }
  }

  // ---- the run

  /** Reads, judges and writes; returns whether a budget was exceeded. */
  private boolean audit() throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<InputFile, HadoopSource> sources = new EnumMap<>(InputFile.class);
    for (InputFile file : InputFile.values()) {
      sources.put(file, HadoopSource.inFolder(options.input(), file, conf));
    }
    for (InputFile file : InputFile.values()) {
      CsvTable.checkHeader(file, sources.get(file));
    }
    Path out = new Path(options.out());
    FileSystem fs = out.getFileSystem(conf);
    if (fs.exists(out) && !options.overwrite()) {
      throw new IOException(out + " already exists; pass --overwrite to replace it");
    }
    Path staging = new Path(out.getParent(), "." + out.getName() + ".staging-" + UUID.randomUUID());
    String runId = UUID.randomUUID().toString();
    JudgeContext context = null;
    try {
      long started = System.nanoTime();
      List<FileSummary> files = new ArrayList<>();
      List<JavaPairRDD<Long, String>> rejectLines = new ArrayList<>();

      AccountTable accounts = readAccounts(sources.get(InputFile.ACCOUNTS), files, rejectLines);
      Broadcast<AccountTable> accountsB = jsc.broadcast(accounts);
      accountFrame = accountFrame(accounts);
      String accountsName = sources.get(InputFile.ACCOUNTS).name();

      JavaRDD<RowResult> contacts =
          classify(InputFile.CONTACTS, sources.get(InputFile.CONTACTS), accountsB, accountsName);
      Dataset<Row> entries = entries(contacts);
      long[] contactCounts = summarize(InputFile.CONTACTS, sources, contacts, files, rejectLines);
      long entryRows = entries.count();
      replaceDuplicates(files, InputFile.CONTACTS, contactCounts[0] - entryRows);

      JavaRDD<RowResult> consents =
          classify(InputFile.CONSENTS, sources.get(InputFile.CONSENTS), accountsB, accountsName);
      summarize(InputFile.CONSENTS, sources, consents, files, rejectLines);
      List<RowResult> consentRecords =
          new ArrayList<>(
              consents.filter(RowResult::accepted).sortBy(o -> o.line, true, 1).collect());
      context = JudgeContext.of(runId, accounts, consentRecords, policy);
      ConsentLedgerBuilder ledger = context.ledgerBuilder();
      ledger.build();
      replaceDuplicates(files, InputFile.CONSENTS, ledger.duplicatesMerged());
      boolean sourceChecked;
      try (CsvTable t = CsvTable.open(InputFile.CONSENTS, sources.get(InputFile.CONSENTS))) {
        sourceChecked = t.hasColumn("source");
      }

      JavaRDD<RowResult> recOutcomes =
          classify(
              InputFile.RECOMMENDATIONS,
              sources.get(InputFile.RECOMMENDATIONS),
              accountsB,
              accountsName);
      long[] recCounts =
          summarize(InputFile.RECOMMENDATIONS, sources, recOutcomes, files, rejectLines);
      Dataset<Row> recs = recommendations(recOutcomes, accountsB);
      long kept = recs.count();
      replaceDuplicates(files, InputFile.RECOMMENDATIONS, recCounts[0] - kept);
      timings.put("read", (System.nanoTime() - started) / 1_000_000);

      started = System.nanoTime();
      Broadcast<JudgeContext> contextB = jsc.broadcast(context);
      boolean anyDeleted = !entries.where(col("to").notEqual(Times.NEVER)).isEmpty();
      JavaRDD<Judged> judged = judge(recs, entries, anyDeleted, contextB);
      judged.persist(StorageLevel.MEMORY_AND_DISK());
      Figures figures = judged.aggregate(new Figures(), Figures::add, Figures::merge);
      timings.put("judge", (System.nanoTime() - started) / 1_000_000);

      started = System.nanoTime();
      writeParts(
          judged.mapToPair(j -> new Tuple2<>(j.line, j.csv)),
          VerdictsWriter.header(),
          new Path(staging, "verdicts.csv"));
      JavaPairRDD<Long, String> rejects = rejectLines.get(0);
      for (int i = 1; i < rejectLines.size(); i++) {
        rejects = rejects.union(rejectLines.get(i));
      }
      writeParts(rejects, RejectsWriter.header(), new Path(staging, "rejects.csv"));
      RunSummary.GraphFigures graph = graphFigures(accounts, entries);
      List<RunSummary.Budget> budgets = budgets(files, figures);
      timings.put("write", (System.nanoTime() - started) / 1_000_000);
      RunSummary summary = summary(files, sourceChecked, graph, figures, budgets);
      try (OutputStream s = fs.create(new Path(staging, "summary.json"))) {
        SummaryWriter.mapper().writeValue(s, summary);
      }
      fs.create(new Path(staging, "_SUCCESS")).close();
      if (fs.exists(out)) {
        fs.delete(out, true);
      }
      if (!fs.rename(staging, out)) {
        throw new IOException("cannot rename " + staging + " to " + out);
      }
      return budgets.stream().anyMatch(RunSummary.Budget::exceeded);
    } finally {
      if (context != null) {
        context.release();
      }
      if (fs.exists(staging)) {
        fs.delete(staging, true);
      }
    }
  }

  // ---- rows

  private ReadOptions readOptions() {
    return readOptions(options.phoneMode(), options.defaultRegion(), options.asOf());
  }

  private static ReadOptions readOptions(PhoneMode mode, String region, long asOf) {
    return ReadOptions.builder().phoneMode(mode).defaultRegion(region).asOf(asOf).build();
  }

  /** A decoder for one task: numbers through the JVM's shared fast normalizer, or hashed tokens. */
  private static PhoneDecoder decoder(PhoneMode mode, String region) {
    if (mode == PhoneMode.TOKENS) {
      return new HashedTokenDecoder();
    }
    return PhoneDecoder.numbers(NORMALIZERS.computeIfAbsent(region, PhoneNormalizer::fast));
  }

  /** Classifies accounts.csv on the driver, in file order. */
  private AccountTable readAccounts(
      HadoopSource source, List<FileSummary> files, List<JavaPairRDD<Long, String>> rejectLines) {
    AccountTable accounts = new AccountTable();
    RowClassifier classifier =
        new RowClassifier(
            readOptions(),
            decoder(options.phoneMode(), options.defaultRegion()),
            accounts,
            source.name());
    long[] byReason = new long[Reason.values().length];
    long[] read = new long[1];
    long[] duplicate = new long[1];
    List<RowResult> rejected = new ArrayList<>();
    RowClassifier.Rejections rejections =
        (line, column, reason, detail) -> {
          byReason[reason.ordinal()]++;
          rejected.add(RowResult.rejected(line, column, reason, detail.toString()));
        };
    String sha256;
    List<String> unknown;
    try (CsvTable table = CsvTable.open(InputFile.ACCOUNTS, source)) {
      table.forEach(
          new CsvTable.RowVisitor() {
            @Override
            public void row(long line, String[] cells) {
              read[0]++;
              if (classifier.account(line, cells, rejections) == RowOutcome.DUPLICATE) {
                duplicate[0]++;
              }
            }

            @Override
            public void malformed(long line, String detail) {
              read[0]++;
              rejections.reject(line, "", Reason.MALFORMED_ROW, RejectDetail.text(detail));
            }
          });
      sha256 = table.sha256();
      unknown = List.copyOf(table.unknownColumns());
    }
    files.add(
        fileSummary(InputFile.ACCOUNTS, source, read[0], byReason, duplicate[0], sha256, unknown));
    rejectLines.add(rejectLines(InputFile.ACCOUNTS, source.name(), jsc.parallelize(rejected, 1)));
    return accounts;
  }

  /**
   * Splits a file into records in one task, spreads them over the cluster and classifies each on
   * the executors. The result ends with the file's trailer and is persisted: it is read for the
   * accounting, the rejects and the accepted rows.
   */
  private JavaRDD<RowResult> classify(
      InputFile file, HadoopSource source, Broadcast<AccountTable> accounts, String accountsName) {
    PhoneMode mode = options.phoneMode();
    String region = options.defaultRegion();
    long asOf = options.asOf();
    JavaRDD<RowResult> out =
        jsc.parallelize(List.of(source), 1)
            .mapPartitions(it -> parse(file, it.next()))
            .repartition(partitions)
            .mapPartitions(
                rows -> {
                  RowClassifier classifier =
                      new RowClassifier(
                          readOptions(mode, region, asOf),
                          decoder(mode, region),
                          accounts.value(),
                          accountsName);
                  return new MappedIterator<>(rows, row -> classify(file, classifier, row));
                });
    out.persist(StorageLevel.MEMORY_AND_DISK());
    return out;
  }

  private static Iterator<ParsedRow> parse(InputFile file, HadoopSource source) {
    CsvTable table = CsvTable.open(file, source);
    return new Iterator<>() {
      private ParsedRow next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          ParsedRow[] found = new ParsedRow[1];
          boolean more =
              table.next(
                  new CsvTable.RowVisitor() {
                    @Override
                    public void row(long line, String[] cells) {
                      found[0] = new ParsedRow(line, cells, null, null);
                    }

                    @Override
                    public void malformed(long line, String detail) {
                      found[0] = new ParsedRow(line, null, detail, null);
                    }
                  });
          if (more) {
            next = found[0];
          } else {
            done = true;
            next = new ParsedRow(-1, null, null, table.sha256());
            table.close();
          }
        }
        return next != null;
      }

      @Override
      public ParsedRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ParsedRow r = next;
        next = null;
        return r;
      }
    };
  }

  private static RowResult classify(InputFile file, RowClassifier classifier, ParsedRow row) {
    if (row.sha256 != null) {
      return RowResult.trailer(row.sha256);
    }
    if (row.malformed != null) {
      return RowResult.rejected(row.line, "", Reason.MALFORMED_ROW, row.malformed);
    }
    RowResult[] result = new RowResult[1];
    RowClassifier.Rejections rejections =
        (line, column, reason, detail) ->
            result[0] = RowResult.rejected(line, column, reason, detail.toString());
    switch (file) {
      case CONTACTS ->
          classifier.contact(
              row.line,
              row.cells,
              rejections,
              (owner, key, from, to) -> {
                RowResult o = accepted(row.line);
                o.account = owner;
                o.key = key;
                o.from = from;
                o.to = to;
                result[0] = o;
              });
      case CONSENTS ->
          classifier.consent(
              row.line,
              row.cells,
              rejections,
              (account, setting, value, source, updatedAt) -> {
                RowResult o = accepted(row.line);
                o.account = account;
                o.text = setting;
                o.value = value;
                o.source = source;
                o.from = updatedAt;
                result[0] = o;
              });
      case RECOMMENDATIONS ->
          classifier.recommendation(
              row.line,
              row.cells,
              rejections,
              (line, viewer, candidate, shownAt, surface, explanation) -> {
                RowResult o = accepted(line);
                o.account = viewer;
                o.candidate = candidate;
                o.from = shownAt;
                o.text = surface;
                o.text2 = explanation;
                result[0] = o;
              });
      default -> throw new IllegalArgumentException(file + " is classified on the driver");
    }
    return result[0];
  }

  private static RowResult accepted(long line) {
    RowResult o = new RowResult();
    o.line = line;
    return o;
  }

  /**
   * Counts a file's outcomes into its summary and adds its rejects.
   *
   * @return the number of accepted rows before duplicates are merged, in element 0
   */
  private long[] summarize(
      InputFile file,
      Map<InputFile, HadoopSource> sources,
      JavaRDD<RowResult> outcomes,
      List<FileSummary> files,
      List<JavaPairRDD<Long, String>> rejectLines) {
    Map<Integer, Long> counts =
        outcomes
            .map(o -> o.isTrailer() ? -2 : o.reason == null ? -1 : o.reason.ordinal())
            .countByValue();
    long[] byReason = new long[Reason.values().length];
    long read = 0;
    for (Map.Entry<Integer, Long> e : counts.entrySet()) {
      if (e.getKey() >= 0) {
        byReason[e.getKey()] = e.getValue();
      }
      if (e.getKey() >= -1) {
        read += e.getValue();
      }
    }
    String sha256 = outcomes.filter(RowResult::isTrailer).first().sha256;
    List<String> unknown;
    HadoopSource source = sources.get(file);
    try (CsvTable t = CsvTable.open(file, source)) {
      unknown = List.copyOf(t.unknownColumns());
    }
    files.add(fileSummary(file, source, read, byReason, 0, sha256, unknown));
    rejectLines.add(
        rejectLines(
            file,
            source.name(),
            outcomes.filter(o -> o.reason != null && o.reason.outcome() == RowOutcome.REJECTED)));
    return new long[] {counts.getOrDefault(-1, 0L)};
  }

  private static FileSummary fileSummary(
      InputFile file,
      HadoopSource source,
      long read,
      long[] byReason,
      long duplicate,
      String sha256,
      List<String> unknown) {
    Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
    long ignored = 0;
    long rejected = 0;
    for (Reason r : Reason.values()) {
      long n = byReason[r.ordinal()];
      if (n > 0) {
        reasons.put(r, n);
        if (r.outcome() == RowOutcome.IGNORED) {
          ignored += n;
        } else {
          rejected += n;
        }
      }
    }
    return new FileSummary(
        file,
        source.name(),
        source.size(),
        sha256,
        read,
        read - duplicate - ignored - rejected,
        duplicate,
        ignored,
        rejected,
        Map.copyOf(reasons),
        unknown);
  }

  private static void replaceDuplicates(List<FileSummary> files, InputFile file, long duplicate) {
    for (int i = 0; i < files.size(); i++) {
      FileSummary f = files.get(i);
      if (f.file() == file) {
        files.set(
            i,
            new FileSummary(
                f.file(),
                f.name(),
                f.bytes(),
                f.sha256(),
                f.read(),
                f.accepted() - duplicate,
                f.duplicate() + duplicate,
                f.ignored(),
                f.rejected(),
                f.reasons(),
                f.unknownColumns()));
      }
    }
  }

  /** The rejects.csv lines of a file's rejected rows, keyed to sort by file, then line. */
  private static JavaPairRDD<Long, String> rejectLines(
      InputFile file, String name, JavaRDD<RowResult> rejected) {
    long fileKey = (long) file.ordinal() << 48;
    return rejected.mapToPair(
        o ->
            new Tuple2<>(
                fileKey | o.line,
                csv(
                    RejectsWriter.cells(
                        new Reject(name, o.line, o.column, o.reason, o.detail),
                        AccountNames.asGiven()))));
  }

  private static String csv(List<Object> cells) {
    return CSVFormat.RFC4180.format(cells.toArray());
  }

  // ---- tables

  private static final StructType ENTRY =
      new StructType()
          .add("owner", DataTypes.IntegerType, false)
          .add("num", DataTypes.LongType, false)
          .add("from", DataTypes.LongType, false)
          .add("to", DataTypes.LongType, false);

  private static final StructType RECOMMENDATION =
      new StructType()
          .add("line", DataTypes.LongType, false)
          .add("v", DataTypes.IntegerType, false)
          .add("c", DataTypes.IntegerType, false)
          .add("shown", DataTypes.LongType, false)
          .add("surface", DataTypes.StringType, false)
          .add("explanation", DataTypes.StringType, false)
          .add("vkey", DataTypes.LongType, false)
          .add("ckey", DataTypes.LongType, false);

  private static final StructType ACCOUNT =
      new StructType()
          .add("a", DataTypes.IntegerType, false)
          .add("akey", DataTypes.LongType, false)
          .add("reg", DataTypes.LongType, false)
          .add("del", DataTypes.LongType, false);

  /** The distinct entry intervals (owner, number, from, to), persisted. */
  private Dataset<Row> entries(JavaRDD<RowResult> contacts) {
    JavaRDD<Row> rows =
        contacts
            .filter(RowResult::accepted)
            .map(o -> RowFactory.create(o.account, o.key, o.from, o.to));
    Dataset<Row> entries = spark.createDataFrame(rows, ENTRY).distinct();
    entries.persist(StorageLevel.MEMORY_AND_DISK());
    return entries;
  }

  /** The accepted recommendations, each kept at its first line, with the judging time t. */
  private Dataset<Row> recommendations(
      JavaRDD<RowResult> outcomes, Broadcast<AccountTable> accounts) {
    JavaRDD<Row> rows =
        outcomes
            .filter(RowResult::accepted)
            .map(
                o ->
                    RowFactory.create(
                        o.line,
                        o.account,
                        o.candidate,
                        o.from,
                        o.text,
                        o.text2,
                        accounts.value().key(o.account),
                        accounts.value().key(o.candidate)));
    Dataset<Row> recs =
        spark
            .createDataFrame(rows, RECOMMENDATION)
            .groupBy("v", "c", "shown", "surface", "explanation", "vkey", "ckey")
            .agg(min("line").as("line"))
            .withColumn(
                "t",
                when(col("shown").equalTo(Times.ALWAYS), lit(options.asOf()))
                    .otherwise(col("shown")));
    recs.persist(StorageLevel.MEMORY_AND_DISK());
    return recs;
  }

  /**
   * The accounts as (a, akey, reg, del, recycled), persisted: {@code recycled} says that another
   * account has the same number (a lifetime before or after this one's).
   */
  private Dataset<Row> accountFrame(AccountTable accounts) {
    Dataset<Row> frame = accountRows(accounts);
    Dataset<Row> shared =
        frame
            .groupBy("akey")
            .count()
            .where(col("count").gt(1))
            .select(col("akey").as("shared_key"));
    Dataset<Row> out =
        frame
            .join(shared, frame.col("akey").equalTo(shared.col("shared_key")), "left")
            .select(
                frame.col("a"),
                frame.col("akey"),
                frame.col("reg"),
                frame.col("del"),
                shared.col("shared_key").isNotNull().as("recycled"));
    out.persist(StorageLevel.MEMORY_AND_DISK());
    return out;
  }

  private Dataset<Row> accountRows(AccountTable accounts) {
    List<Row> rows = new ArrayList<>(accounts.size());
    for (int a = 0; a < accounts.size(); a++) {
      rows.add(
          RowFactory.create(a, accounts.key(a), accounts.registeredAt(a), accounts.deletedAt(a)));
    }
    return spark.createDataFrame(rows, ACCOUNT);
  }

  // ---- evidence

  /**
   * Whether an entry interval counts at {@code t}: valid then or, in the stale search, uploaded at
   * or before {@code t} whenever it was deleted.
   */
  private static Column valid(Column from, Column to, Column t, boolean stale) {
    Column began = from.leq(t);
    return stale ? began : began.and(t.lt(to));
  }

  /** Whether an account with this lifetime exists at {@code t}. */
  private static Column live(Column reg, Column del, Column t) {
    return reg.leq(t).and(t.lt(del));
  }

  /**
   * Every piece of evidence as (rid, type, bridge, owner, vpre, cpre, bpre, rec): FORWARD_EDGE and
   * REVERSE_EDGE without bridge, SHARED with the number and the account owning it at {@code t} (-1
   * for a shadow number), CHAIN and CO_HOLDER with the account as both. {@code vpre}, {@code cpre}
   * and {@code bpre} say that an entry of the piece holding the viewer's, candidate's or bridge's
   * number is pre-registration (an interval counting at {@code t} began before that subject
   * registered), {@code rec} that one of the piece's subjects has a recycled number.
   *
   * <p>Each bridged kind enumerates the viewer's side (its phonebook, the holders of its number)
   * and probes the candidate's side with an equi-join on (owner, number): the candidate's holder
   * list, which may be a hub's thousands, is never materialized per recommendation. A number maps
   * to the account that has it and exists at {@code t}: with recycled numbers several accounts have
   * the key, and only one of them at a time.
   *
   * @param r the recommendations as (rid, v, c, t, vkey, ckey, vreg, creg, vrec, crec)
   * @param stale whether entries deleted at or before {@code t} count from their upload on (the
   *     stale search of docs/POLICY.md; accounts' deletions still count)
   */
  private static Dataset<Row> evidence(
      Dataset<Row> r, Dataset<Row> allEntries, Dataset<Row> allAccounts, boolean stale) {
    // Fresh columns: the stale search's recommendations descend from both tables already.
    Dataset<Row> entries = renamed(allEntries, "owner", "num", "from", "to");
    Dataset<Row> accounts = renamed(allAccounts, "a", "akey", "reg", "del", "recycled");
    // Only the entries some recommendation can use: hubs held by thousands stay out unless touched.
    Dataset<Row> viewers = r.select(col("v").as("owner")).distinct();
    Dataset<Row> viewerKeys = r.select(col("vkey").as("num")).distinct();
    Dataset<Row> ofViewers =
        entries.join(viewers, entries.col("owner").equalTo(viewers.col("owner")), "left_semi");
    Dataset<Row> holdersOfViewers =
        entries
            .join(viewerKeys, entries.col("num").equalTo(viewerKeys.col("num")), "left_semi")
            .join(accounts, col("owner").equalTo(col("a")));

    // The viewer's phonebook at t with the earliest counting upload of each number, and the live
    // holders of the viewer's number at t.
    Dataset<Row> ev =
        r.join(ofViewers, r.col("v").equalTo(ofViewers.col("owner")))
            .where(valid(ofViewers.col("from"), ofViewers.col("to"), r.col("t"), stale))
            .groupBy(
                r.col("rid"),
                r.col("v"),
                r.col("c"),
                r.col("t"),
                r.col("vkey"),
                r.col("ckey"),
                r.col("vreg"),
                r.col("creg"),
                r.col("vrec"),
                r.col("crec"),
                ofViewers.col("num").as("x"))
            .agg(min(ofViewers.col("from")).as("xfrom"));
    ev.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> hv =
        r.join(holdersOfViewers, r.col("vkey").equalTo(holdersOfViewers.col("num")))
            .where(
                valid(holdersOfViewers.col("from"), holdersOfViewers.col("to"), r.col("t"), stale)
                    .and(
                        live(holdersOfViewers.col("reg"), holdersOfViewers.col("del"), r.col("t"))))
            .select(
                r.col("rid"),
                r.col("v"),
                r.col("c"),
                r.col("t"),
                r.col("ckey"),
                r.col("vreg"),
                r.col("creg"),
                r.col("vrec"),
                r.col("crec"),
                holdersOfViewers.col("owner").as("w"),
                holdersOfViewers.col("from").as("wfrom"));

    Column no = lit(false);
    Column none = lit(-1);
    Dataset<Row> forward =
        ev.where(col("x").equalTo(col("ckey")))
            .select(
                col("rid"),
                lit(FORWARD_EDGE).as("type"),
                lit(0L).as("bridge"),
                none.as("owner"),
                no.as("vpre"),
                col("xfrom").lt(col("creg")).as("cpre"),
                no.as("bpre"),
                col("crec").as("rec"));
    Dataset<Row> reverse =
        holds(r, "c", "vkey", entries, stale)
            .select(
                col("rid"),
                lit(REVERSE_EDGE).as("type"),
                lit(0L).as("bridge"),
                none.as("owner"),
                col("hfrom").lt(col("vreg")).as("vpre"),
                no.as("cpre"),
                no.as("bpre"),
                col("vrec").as("rec"));
    Dataset<Row> sharedHeld =
        holds(
            ev.where(col("x").notEqual(col("vkey")).and(col("x").notEqual(col("ckey")))),
            "c",
            "x",
            entries,
            stale);
    Dataset<Row> x =
        accounts.select(
            col("a").as("x_a"),
            col("akey").as("x_key"),
            col("reg").as("x_reg"),
            col("del").as("x_del"),
            col("recycled").as("x_rec"));
    Column owned =
        sharedHeld
            .col("x")
            .equalTo(x.col("x_key"))
            .and(live(x.col("x_reg"), x.col("x_del"), sharedHeld.col("t")));
    Column xreg = x.col("x_reg");
    Dataset<Row> shared =
        sharedHeld
            .join(x, owned, "left")
            .select(
                col("rid"),
                lit(SHARED).as("type"),
                col("x").as("bridge"),
                coalesce(col("x_a"), none).as("owner"),
                no.as("vpre"),
                no.as("cpre"),
                coalesce(col("xfrom").lt(xreg).or(col("hfrom").lt(xreg)), no).as("bpre"),
                coalesce(col("x_rec"), no).as("rec"));
    Dataset<Row> userContacts =
        ev.join(
                accounts,
                ev.col("x")
                    .equalTo(accounts.col("akey"))
                    .and(live(accounts.col("reg"), accounts.col("del"), ev.col("t"))))
            .select(
                col("rid"),
                col("v"),
                col("c"),
                col("t"),
                col("ckey"),
                col("creg"),
                col("crec"),
                col("a").as("w"))
            .where(col("w").notEqual(col("v")).and(col("w").notEqual(col("c"))));
    Dataset<Row> chain =
        holds(userContacts, "w", "ckey", entries, stale)
            .select(
                col("rid"),
                lit(CHAIN).as("type"),
                col("w").cast("long").as("bridge"),
                col("w").as("owner"),
                no.as("vpre"),
                col("hfrom").lt(col("creg")).as("cpre"),
                no.as("bpre"),
                col("crec").as("rec"));
    Dataset<Row> coHolder =
        holds(
                hv.where(col("w").notEqual(col("v")).and(col("w").notEqual(col("c")))),
                "w",
                "ckey",
                entries,
                stale)
            .select(
                col("rid"),
                lit(CO_HOLDER).as("type"),
                col("w").cast("long").as("bridge"),
                col("w").as("owner"),
                col("wfrom").lt(col("vreg")).as("vpre"),
                col("hfrom").lt(col("creg")).as("cpre"),
                no.as("bpre"),
                col("vrec").or(col("crec")).as("rec"));
    return forward
        .union(reverse)
        .union(shared)
        .union(chain)
        .union(coHolder)
        .groupBy("rid", "type", "bridge", "owner")
        .agg(
            bool_or(col("vpre")).as("vpre"),
            bool_or(col("cpre")).as("cpre"),
            bool_or(col("bpre")).as("bpre"),
            bool_or(col("rec")).as("rec"));
  }

  /** The columns of a table under their own names, as new columns of a new dataset. */
  private static Dataset<Row> renamed(Dataset<Row> table, String... names) {
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = table.col(names[i]).as(names[i]);
    }
    return table.select(columns);
  }

  /**
   * The rows of {@code rows} (which have {@code rid} and {@code t}) whose account column {@code
   * owner} holds the number in column {@code number} at {@code t}, one per counting interval with
   * its start as {@code hfrom}: an equi-join on (owner, number) with the entries. The owner is an
   * account that exists at {@code t}: the viewer or candidate of an accepted recommendation, or an
   * account found live at {@code t} by the caller.
   */
  private static Dataset<Row> holds(
      Dataset<Row> rows, String owner, String number, Dataset<Row> entries, boolean stale) {
    Dataset<Row> e =
        entries.select(
            col("owner").as("h_owner"),
            col("num").as("h_num"),
            col("from").as("h_from"),
            col("to").as("h_to"));
    Column on =
        rows.col(owner).equalTo(e.col("h_owner")).and(rows.col(number).equalTo(e.col("h_num")));
    return rows.join(e, on)
        .where(valid(e.col("h_from"), e.col("h_to"), rows.col("t"), stale))
        .select(rows.col("*"), e.col("h_from").as("hfrom"));
  }

  /**
   * The recommendations as (rid, v, c, t, vkey, ckey, vreg, creg, vrec, crec): the registration of
   * viewer and candidate and whether their numbers are recycled, by joins on the accounts.
   */
  private static Dataset<Row> withAccounts(Dataset<Row> recs, Dataset<Row> accounts) {
    Dataset<Row> va =
        accounts.select(col("a").as("va"), col("reg").as("vreg"), col("recycled").as("vrec"));
    Dataset<Row> ca =
        accounts.select(col("a").as("ca"), col("reg").as("creg"), col("recycled").as("crec"));
    Dataset<Row> r =
        recs.select(col("line").as("rid"), col("v"), col("c"), col("t"), col("vkey"), col("ckey"));
    return r.join(va, r.col("v").equalTo(va.col("va")))
        .join(ca, r.col("c").equalTo(ca.col("ca")))
        .select("rid", "v", "c", "t", "vkey", "ckey", "vreg", "creg", "vrec", "crec");
  }

  /**
   * The evidence of every recommendation at its {@code t} (see {@link #evidence}), and for those
   * that have none, the kinds the stale search finds, as pieces of type {@code STALE + kind type}
   * without bridge: run only on the recommendations without evidence, and only when some entry was
   * deleted.
   */
  private Dataset<Row> allEvidence(Dataset<Row> recs, Dataset<Row> entries, boolean anyDeleted) {
    Dataset<Row> r = withAccounts(recs, accountFrame);
    r.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pieces = evidence(r, entries, accountFrame, false);
    if (!anyDeleted) {
      return pieces;
    }
    pieces.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> found = pieces.select(col("rid").as("found")).distinct();
    Dataset<Row> without = r.join(found, r.col("rid").equalTo(found.col("found")), "left_anti");
    Column no = lit(false);
    Dataset<Row> stale =
        evidence(without, entries, accountFrame, true)
            .select(
                col("rid"),
                col("type").plus(STALE).as("type"),
                lit(0L).as("bridge"),
                lit(-1).as("owner"),
                no.as("vpre"),
                no.as("cpre"),
                no.as("bpre"),
                no.as("rec"))
            .distinct();
    return pieces.union(stale);
  }

  /** Groups the pieces with their recommendation and asks analyzer-core's rules for a judgment. */
  private JavaRDD<Judged> judge(
      Dataset<Row> recs,
      Dataset<Row> entries,
      boolean anyDeleted,
      Broadcast<JudgeContext> context) {
    JavaPairRDD<Long, Row> pieces =
        allEvidence(recs, entries, anyDeleted)
            .javaRDD()
            .mapToPair(row -> new Tuple2<>(row.getLong(0), row));
    JavaPairRDD<Long, Row> byRid =
        recs.select("line", "v", "c", "t", "shown", "surface", "explanation")
            .javaRDD()
            .mapToPair(row -> new Tuple2<>(row.getLong(0), row));
    return byRid
        .cogroup(pieces, partitions)
        .mapPartitions(
            groups -> {
              JudgeContext ctx = context.value();
              Rules rules = ctx.rules();
              AccountTable table = ctx.accounts();
              EvidenceTally tally = new EvidenceTally();
              return new MappedIterator<>(
                  groups,
                  g -> {
                    Row rec = g._2()._1().iterator().next();
                    return judgeOne(rec, g._2()._2(), rules, table, tally);
                  });
            });
  }

  /**
   * Judges one recommendation from its pieces (rows of {@link #allEvidence}: type, bridge, owner,
   * vpre, cpre, bpre, rec after the rid) as the single-machine {@link
   * org.contactaudit.audit.Auditor} does: each piece's missing consents from {@link Rules}, with
   * the pre-registration flags of its subjects; then the flags of the primary kind's non-consensual
   * pieces, what {@code has_your_number} needs, and without evidence the kinds of the stale search.
   */
  private static Judged judgeOne(
      Row rec, Iterable<Row> pieces, Rules rules, AccountTable table, EvidenceTally tally) {
    long line = rec.getLong(0);
    int v = rec.getInt(1);
    int c = rec.getInt(2);
    long t = rec.getLong(3);
    tally.reset();
    tally.explanation(rec.getString(6));
    Row forward = null;
    Row reverse = null;
    boolean staleForward = false;
    boolean staleReverse = false;
    for (Row p : pieces) {
      int type = p.getInt(1);
      switch (type) {
        case FORWARD_EDGE -> forward = p;
        case REVERSE_EDGE -> reverse = p;
        case SHARED, CHAIN, CO_HOLDER -> {
          if (type == SHARED && p.getInt(3) < 0) {
            tally.addShadowSharedContacts(1);
          }
          tally.add(bridgedKind(type), pieceMissing(p, v, c, t, rules));
        }
        default -> {
          if (type < STALE) {
            throw new IllegalStateException("unknown evidence type " + type);
          }
          switch (type - STALE) {
            case FORWARD_EDGE -> staleForward = true;
            case REVERSE_EDGE -> staleReverse = true;
            default -> tally.addStale(bridgedKind(type - STALE));
          }
        }
      }
    }
    Kind staleDirect = directKind(staleForward, staleReverse);
    if (staleDirect != null) {
      tally.addStale(staleDirect);
    }
    Kind direct = directKind(forward != null, reverse != null);
    if (direct != null) {
      tally.add(direct, directMissing(direct, forward, reverse, v, c, t, rules));
      if (reverse != null && tally.asksReverse()) {
        tally.reverseEntry(
            rules.fixedMissing(Kind.REVERSE, v, c, t, reverse.getBoolean(4), false) == 0);
      }
    }
    annotate(tally, direct, forward, reverse, pieces, v, c, t, rules);
    Judgment j = rules.decide(v, c, t, tally);
    String csv =
        csv(
            VerdictsWriter.cells(
                line, table.id(v), table.id(c), rec.getLong(4), rec.getString(5), j));
    return new Judged(line, csv, j);
  }

  /** The kind of a bridged piece type. */
  private static Kind bridgedKind(int type) {
    return switch (type) {
      case SHARED -> Kind.SHARED_CONTACT;
      case CHAIN -> Kind.CHAIN;
      case CO_HOLDER -> Kind.CO_HOLDER;
      default -> throw new IllegalStateException("unknown evidence type " + type);
    };
  }

  /** MUTUAL with both direct edges, FORWARD or REVERSE with one, null with none. */
  private static Kind directKind(boolean forward, boolean reverse) {
    if (forward && reverse) {
      return Kind.MUTUAL;
    }
    return forward ? Kind.FORWARD : reverse ? Kind.REVERSE : null;
  }

  /**
   * What the direct piece misses: its entry is the viewer's for FORWARD and MUTUAL (subject the
   * candidate), the candidate's for REVERSE (subject the viewer).
   */
  private static long directMissing(
      Kind kind, Row forward, Row reverse, int v, int c, long t, Rules rules) {
    return kind == Kind.REVERSE
        ? rules.fixedMissing(kind, v, c, t, reverse.getBoolean(4), false)
        : rules.fixedMissing(kind, v, c, t, false, forward.getBoolean(5));
  }

  /** What a bridged piece misses, its subjects' entries tested for pre-registration. */
  private static long pieceMissing(Row p, int v, int c, long t, Rules rules) {
    Kind kind = bridgedKind(p.getInt(1));
    return rules.fixedMissing(kind, v, c, t, p.getBoolean(4), p.getBoolean(5))
        | rules.bridgeMissing(kind, p.getInt(3), t, p.getBoolean(6));
  }

  /**
   * Notes whether a non-consensual piece of the primary kind has a pre-registration entry, and
   * whether one has a subject with a recycled number, as {@link org.contactaudit.audit.Auditor}'s
   * judgments do.
   */
  private static void annotate(
      EvidenceTally tally,
      Kind direct,
      Row forward,
      Row reverse,
      Iterable<Row> pieces,
      int v,
      int c,
      long t,
      Rules rules) {
    Kind primary = tally.primaryKind();
    if (primary == null) {
      return;
    }
    if (primary == direct) {
      boolean isReverse = primary == Kind.REVERSE;
      Row entry = isReverse ? reverse : forward;
      note(tally, primary, entry.getBoolean(isReverse ? 4 : 5), entry.getBoolean(7));
      return;
    }
    for (Row p : pieces) {
      int type = p.getInt(1);
      if ((type == SHARED || type == CHAIN || type == CO_HOLDER)
          && bridgedKind(type) == primary
          && pieceMissing(p, v, c, t, rules) != 0) {
        note(
            tally, primary, p.getBoolean(4) || p.getBoolean(5) || p.getBoolean(6), p.getBoolean(7));
      }
    }
  }

  private static void note(EvidenceTally tally, Kind kind, boolean pre, boolean recycled) {
    if (pre) {
      tally.markPreRegistration(kind);
    }
    if (recycled) {
      tally.markRecycled(kind);
    }
  }

  // ---- outputs

  /**
   * Writes lines as a folder of parts sorted by key, each part with the header, CRLF line ends as
   * batch-runner's files.
   */
  private void writeParts(JavaPairRDD<Long, String> lines, String[] header, Path folder) {
    String head = csv(List.of((Object[]) header));
    JavaRDD<String> parts =
        lines
            .sortByKey(true, partitions)
            .values()
            .mapPartitions(
                it -> {
                  if (!it.hasNext()) {
                    return Collections.emptyIterator();
                  }
                  return new PrependIterator<>(head, it);
                });
    spark
        .createDataset(parts.rdd(), Encoders.STRING())
        .write()
        .option("lineSep", "\r\n")
        .text(folder.toString());
  }

  private RunSummary.GraphFigures graphFigures(AccountTable accounts, Dataset<Row> entries) {
    Dataset<Row> pairs = entries.select("owner", "num").distinct();
    long entryCount = pairs.count();
    Dataset<Row> accountKeys = accountFrame.select(col("akey").as("num"));
    long shadow = pairs.select("num").distinct().join(accountKeys, "num", "left_anti").count();
    boolean timedEntries =
        !entries
            .where(col("from").notEqual(Times.ALWAYS).or(col("to").notEqual(Times.NEVER)))
            .isEmpty();
    boolean timedAccounts = false;
    for (int a = 0; a < accounts.size() && !timedAccounts; a++) {
      timedAccounts =
          accounts.registeredAt(a) != Times.ALWAYS || accounts.deletedAt(a) != Times.NEVER;
    }
    int users = accounts.size();
    int numbers = Math.toIntExact(users + shadow);
    long adjacency = 4L * ((users + 1) + entryCount + (numbers + 1) + entryCount);
    long intervals = entries.count();
    long timeBytes = 0;
    if (timedEntries) {
      timeBytes += (intervals == entryCount ? 0 : 4L * (entryCount + 1)) + 16L * intervals;
      timeBytes += 4L * entryCount;
    }
    if (timedAccounts) {
      timeBytes += 20L * users; // lifetimes and their day windows
    }
    if (timedEntries || timedAccounts) {
      timeBytes += 8L * entryCount; // the day windows of both directions
    }
    return new RunSummary.GraphFigures(
        users,
        numbers,
        users,
        numbers - users,
        entryCount,
        timedEntries || timedAccounts,
        adjacency,
        entryCount == 0 ? 0 : Math.round(10.0 * adjacency / entryCount) / 10.0,
        timeBytes);
  }

  private List<RunSummary.Budget> budgets(List<FileSummary> files, Figures figures) {
    List<RunSummary.Budget> budgets = new ArrayList<>();
    if (options.maxRejectRate() != null) {
      budgets.add(RunSummary.Budget.rejectRate(options.maxRejectRate(), files));
    }
    if (options.failOnLeakRate() != null) {
      double rate = figures.figures().leakRate();
      budgets.add(
          new RunSummary.Budget(
              "fail_on_leak_rate",
              options.failOnLeakRate(),
              rate,
              rate > options.failOnLeakRate()));
    }
    return budgets;
  }

  private RunSummary summary(
      List<FileSummary> files,
      boolean sourceChecked,
      RunSummary.GraphFigures graph,
      Figures figures,
      List<RunSummary.Budget> budgets) {
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("engine", "spark " + spark.version());
    opts.put("phone_mode", options.phoneMode().name().toLowerCase(Locale.ROOT));
    opts.put("default_region", readOptions().defaultRegion());
    opts.put(
        "as_of",
        options.asOf() == Times.END_OF_TIME ? "end of time" : Times.format(options.asOf()));
    opts.put("partitions", partitions);
    List<String> notes = new ArrayList<>();
    if (!sourceChecked) {
      notes.add(RunSummary.SOURCE_NOT_CHECKED);
    }
    List<RunSummary.Input> inputs = new ArrayList<>();
    for (FileSummary f : files) {
      inputs.add(RunSummary.Input.of(f));
    }
    return new RunSummary(
        new RunSummary.Tool("contact-audit-spark", version()),
        startedAt,
        opts,
        policy.entries(),
        sourceChecked,
        notes,
        inputs,
        graph,
        figures.figures(),
        null,
        null,
        List.of(),
        budgets,
        Collections.unmodifiableMap(new LinkedHashMap<>(timings)));
  }

  private static String version() {
    String v = SparkAuditJob.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
