package org.contactaudit.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.contactaudit.analysis.Simulator;
import org.contactaudit.analysis.Strategy;
import org.contactaudit.audit.Auditor;
import org.contactaudit.audit.Policy;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.graph.ContactGraph;
import org.contactaudit.graph.ContactGraphBuilder;
import org.contactaudit.time.Times;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The top-k suggestions of one viewer per invocation, for each {@link Strategy}: candidate
 * generation over the CSR and the inverted phonebook, ranking, and for {@code CONSENT_SAFE} the
 * consent filter. The score is viewers per second; the {@code suggestions} counter is suggestions
 * per second (at most {@code k} = 10 per viewer).
 *
 * <p>The graph: {@code accounts} accounts in communities of 200, each holding 40 numbers (75% in
 * its community, 15% anywhere, 10% from a pool of shadow numbers a tenth the size of the accounts);
 * every account grants each setting with probability 0.8. Viewers are visited in a fixed random
 * order, one per invocation.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Simulator -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBenchmark {
  private static final int COMMUNITY = 200;
  private static final int DEGREE = 40;
  private static final int TOP_K = 10;
  private static final int VIEWERS = 4096;
  private static final long SHADOW_BASE = 1L << 40;

  @Param({"10000", "100000"})
  int accounts;

  @Param({
    "FORWARD_CONTACTS",
    "REVERSE_CONTACTS",
    "SHARED_CONTACTS",
    "CO_HOLDERS",
    "CHAINS",
    "CONSENT_SAFE"
  })
  Strategy strategy;

  Simulator simulator;
  int[] viewers;

  /** The viewer an invocation simulates: the next one in the fixed order, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** Suggestions made, reported per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Counters {
    public long suggestions;

    @Setup(Level.Iteration)
    public void reset() {
      suggestions = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(2020);
    ContactGraphBuilder b = ContactGraph.builder();
    for (int a = 0; a < accounts; a++) {
      b.addAccount("u" + a, 1_000_000_000L + a, Times.ALWAYS, Times.NEVER);
    }
    int shadows = Math.max(1, accounts / 10);
    for (int a = 0; a < accounts; a++) {
      int community = a / COMMUNITY * COMMUNITY;
      int size = Math.min(COMMUNITY, accounts - community);
      for (int e = 0; e < DEGREE; e++) {
        int roll = rnd.nextInt(100);
        long key;
        if (roll < 75) {
          key = 1_000_000_000L + community + rnd.nextInt(size);
        } else if (roll < 90) {
          key = 1_000_000_000L + rnd.nextInt(accounts);
        } else {
          key = SHADOW_BASE + rnd.nextInt(shadows);
        }
        if (key != 1_000_000_000L + a) {
          b.addEntry(a, key, Times.ALWAYS, Times.NEVER);
        }
      }
    }
    ContactGraph graph = b.build();
    ConsentLedgerBuilder consents = ConsentLedger.builder(accounts);
    String[] settings = {
      Policy.CONTACT_UPLOAD,
      Policy.DISCOVERABLE_BY_PHONE,
      Policy.SUGGEST_TO_CONTACTS,
      Policy.CONTACTS_FOR_OTHERS
    };
    for (int a = 0; a < accounts; a++) {
      for (String s : settings) {
        if (rnd.nextInt(10) < 8) {
          consents.add(a, s, true, ConsentSource.EXPLICIT, Times.ALWAYS);
        }
      }
    }
    Auditor auditor = Auditor.of(graph, consents.build(), Policy.defaults());
    simulator = Simulator.of(auditor, TOP_K);
    viewers = new int[VIEWERS];
    for (int i = 0; i < VIEWERS; i++) {
      viewers[i] = rnd.nextInt(accounts);
    }
  }

  /** The top-k of one viewer under the strategy. */
  @Benchmark
  public int[] suggest(Cursor cursor, Counters counters) {
    int v = viewers[cursor.next++ & (VIEWERS - 1)];
    int[] suggestions = simulator.suggest(strategy, v, Times.END_OF_TIME);
    counters.suggestions += suggestions.length;
    return suggestions;
  }
}
