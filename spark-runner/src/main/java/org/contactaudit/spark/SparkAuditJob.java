package org.contactaudit.spark;

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
 *       thousands of holders are never listed per recommendation.
 *   <li>Rules: the pieces of each recommendation are grouped with it, and analyzer-core's {@link
 *       Rules} (built once per executor from the broadcast ledger and policy) say what each piece
 *       misses and decide the verdict: the rules exist once, in analyzer-core.
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
      JavaRDD<Judged> judged = judge(recs, entries, accounts, contextB);
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

  private Dataset<Row> accountFrame(AccountTable accounts) {
    List<Row> rows = new ArrayList<>(accounts.size());
    for (int a = 0; a < accounts.size(); a++) {
      rows.add(
          RowFactory.create(a, accounts.key(a), accounts.registeredAt(a), accounts.deletedAt(a)));
    }
    return spark.createDataFrame(rows, ACCOUNT);
  }

  // ---- evidence

  private static Column valid(Dataset<Row> e, Column t) {
    return e.col("from").leq(t).and(t.lt(e.col("to")));
  }

  /**
   * Every piece of evidence as (rid, type, bridge): FORWARD_EDGE and REVERSE_EDGE without bridge,
   * SHARED with the number, CHAIN and CO_HOLDER with the account.
   *
   * <p>Each bridged kind enumerates the viewer's side (its phonebook, the holders of its number)
   * and probes the candidate's side with an equi-join on (owner, number): the candidate's holder
   * list, which may be a hub's thousands, is never materialized per recommendation.
   */
  private Dataset<Row> evidence(Dataset<Row> recs, Dataset<Row> entries, Dataset<Row> accounts) {
    Dataset<Row> r =
        recs.select("line", "v", "c", "t", "vkey", "ckey").withColumnRenamed("line", "rid");
    // Only the entries some recommendation can use: hubs held by thousands stay out unless touched.
    Dataset<Row> viewers = r.select(col("v").as("owner")).distinct();
    Dataset<Row> viewerKeys = r.select(col("vkey").as("num")).distinct();
    Dataset<Row> ofViewers =
        entries.join(viewers, entries.col("owner").equalTo(viewers.col("owner")), "left_semi");
    Dataset<Row> holdersOfViewers =
        entries
            .join(viewerKeys, entries.col("num").equalTo(viewerKeys.col("num")), "left_semi")
            .join(accounts, col("owner").equalTo(col("a")));

    // The viewer's phonebook at t, and the live holders of the viewer's number at t.
    Dataset<Row> ev =
        r.join(ofViewers, r.col("v").equalTo(ofViewers.col("owner")))
            .where(valid(ofViewers, r.col("t")))
            .select(
                r.col("rid"),
                r.col("v"),
                r.col("c"),
                r.col("t"),
                r.col("vkey"),
                r.col("ckey"),
                ofViewers.col("num").as("x"))
            .distinct();
    ev.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> hv =
        r.join(holdersOfViewers, r.col("vkey").equalTo(holdersOfViewers.col("num")))
            .where(
                valid(holdersOfViewers, r.col("t"))
                    .and(holdersOfViewers.col("reg").leq(r.col("t")))
                    .and(r.col("t").lt(holdersOfViewers.col("del"))))
            .select(
                r.col("rid"),
                r.col("v"),
                r.col("c"),
                r.col("t"),
                r.col("ckey"),
                holdersOfViewers.col("owner").as("w"));

    Dataset<Row> forward =
        ev.where(col("x").equalTo(col("ckey")))
            .select(col("rid"), lit(FORWARD_EDGE).as("type"), lit(0L).as("bridge"));
    Dataset<Row> reverse =
        holds(r, "c", "vkey", entries, false)
            .select(col("rid"), lit(REVERSE_EDGE).as("type"), lit(0L).as("bridge"));
    Dataset<Row> shared =
        holds(
                ev.where(col("x").notEqual(col("vkey")).and(col("x").notEqual(col("ckey")))),
                "c",
                "x",
                entries,
                false)
            .select(col("rid"), lit(SHARED).as("type"), col("x").as("bridge"));
    Dataset<Row> userContacts =
        ev.join(accounts, ev.col("x").equalTo(accounts.col("akey")))
            .select(col("rid"), col("v"), col("c"), col("t"), col("ckey"), col("a").as("w"))
            .where(col("w").notEqual(col("v")).and(col("w").notEqual(col("c"))));
    Dataset<Row> chain =
        holds(userContacts, "w", "ckey", entries, true)
            .select(col("rid"), lit(CHAIN).as("type"), col("w").cast("long").as("bridge"));
    Dataset<Row> coHolder =
        holds(
                hv.where(col("w").notEqual(col("v")).and(col("w").notEqual(col("c")))),
                "w",
                "ckey",
                entries,
                false)
            .select(col("rid"), lit(CO_HOLDER).as("type"), col("w").cast("long").as("bridge"));
    return forward.union(reverse).union(shared).union(chain).union(coHolder).distinct();
  }

  /**
   * The rows of {@code rows} (which have {@code rid} and {@code t}) whose account column {@code
   * owner} holds the number in column {@code number} at {@code t}: an equi-join on (owner, number)
   * with the entries; {@code liveOwner} also requires the owner to exist at {@code t} (the viewer
   * and candidate of an accepted recommendation always do).
   */
  private Dataset<Row> holds(
      Dataset<Row> rows, String owner, String number, Dataset<Row> entries, boolean liveOwner) {
    Dataset<Row> e =
        entries.select(
            col("owner").as("h_owner"),
            col("num").as("h_num"),
            col("from").as("h_from"),
            col("to").as("h_to"));
    Column on =
        rows.col(owner).equalTo(e.col("h_owner")).and(rows.col(number).equalTo(e.col("h_num")));
    Column t = rows.col("t");
    Column valid = e.col("h_from").leq(t).and(t.lt(e.col("h_to")));
    Dataset<Row> held = rows.join(e, on).where(valid).select(rows.col("*"));
    if (liveOwner) {
      Dataset<Row> a =
          accountFrame.select(col("a").as("l_a"), col("reg").as("l_reg"), col("del").as("l_del"));
      held =
          held.join(a, held.col(owner).equalTo(a.col("l_a")))
              .where(a.col("l_reg").leq(held.col("t")).and(held.col("t").lt(a.col("l_del"))))
              .select(held.col("*"));
    }
    return held;
  }

  /** Groups the pieces with their recommendation and asks analyzer-core's rules for a judgment. */
  private JavaRDD<Judged> judge(
      Dataset<Row> recs,
      Dataset<Row> entries,
      AccountTable accounts,
      Broadcast<JudgeContext> context) {
    JavaPairRDD<Long, Tuple2<Integer, Long>> pieces =
        evidence(recs, entries, accountFrame)
            .javaRDD()
            .mapToPair(
                row -> new Tuple2<>(row.getLong(0), new Tuple2<>(row.getInt(1), row.getLong(2))));
    JavaPairRDD<Long, Row> byRid =
        recs.select("line", "v", "c", "t", "shown", "surface")
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

  private static Judged judgeOne(
      Row rec,
      Iterable<Tuple2<Integer, Long>> pieces,
      Rules rules,
      AccountTable table,
      EvidenceTally tally) {
    long line = rec.getLong(0);
    int v = rec.getInt(1);
    int c = rec.getInt(2);
    long t = rec.getLong(3);
    tally.reset();
    boolean forward = false;
    boolean reverse = false;
    for (Tuple2<Integer, Long> p : pieces) {
      int type = p._1();
      long bridge = p._2();
      switch (type) {
        case FORWARD_EDGE -> forward = true;
        case REVERSE_EDGE -> reverse = true;
        case SHARED -> {
          int owner = table.ownerOfKey(bridge);
          if (owner < 0 || !table.live(owner, t)) {
            owner = -1;
            tally.addShadowSharedContacts(1);
          }
          tally.add(
              Kind.SHARED_CONTACT,
              rules.fixedMissing(Kind.SHARED_CONTACT, v, c, t)
                  | rules.bridgeMissing(Kind.SHARED_CONTACT, owner, t));
        }
        case CHAIN ->
            tally.add(
                Kind.CHAIN,
                rules.fixedMissing(Kind.CHAIN, v, c, t)
                    | rules.bridgeMissing(Kind.CHAIN, (int) bridge, t));
        case CO_HOLDER ->
            tally.add(
                Kind.CO_HOLDER,
                rules.fixedMissing(Kind.CO_HOLDER, v, c, t)
                    | rules.bridgeMissing(Kind.CO_HOLDER, (int) bridge, t));
        default -> throw new IllegalStateException("unknown evidence type " + type);
      }
    }
    if (forward || reverse) {
      Kind kind = forward && reverse ? Kind.MUTUAL : forward ? Kind.FORWARD : Kind.REVERSE;
      tally.add(kind, rules.fixedMissing(kind, v, c, t));
    }
    Judgment j = rules.decide(v, c, t, tally);
    String csv =
        csv(
            VerdictsWriter.cells(
                line, table.id(v), table.id(c), rec.getLong(4), rec.getString(5), j));
    return new Judged(line, csv, j);
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
    Dataset<Row> accountKeys = accountFrame(accounts).select(col("akey").as("num"));
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
