package org.contactaudit.bench;

import java.util.concurrent.TimeUnit;
import org.contactaudit.graph.ContactGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the contact graph from entry arrays: {@code ContactGraphBuilder} (accounts, then one
 * {@code addEntry} per entry with the number's E.164 key, then {@code build()}) beside JGraphT's
 * {@code DefaultDirectedGraph} and jgrapht-opt's {@code SparseIntDirectedGraph} (built from a list
 * of edge pairs) over the same holds edges. Time per build; the README turns it into entries/s. The
 * baselines get dense vertex ids ready-made while the builder maps number keys to ids itself, which
 * favours them. Heap per entry of each structure: {@link MemoryFootprint}; the adjacency bytes per
 * entry of the contact graph are printed at the end of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class GraphBuildBenchmark {
  @Param({"10000", "100000"})
  int accounts;

  private BenchGraphs.Dataset data;

  @Setup(Level.Trial)
  public void setUp() {
    data = BenchGraphs.generate(accounts, 42);
  }

  @TearDown(Level.Trial)
  public void printBytesPerEntry() {
    ContactGraph g = data.graph();
    System.out.printf(
        "%n[memory] accounts=%d entries=%d numbers=%d: ContactGraph adjacency %.2f bytes/entry"
            + " (adjacencyBytes()/entryCount()); heap of every structure: MemoryFootprint%n",
        g.accountCount(),
        g.entryCount(),
        g.numberCount(),
        (double) g.adjacencyBytes() / g.entryCount());
  }

  /** The library: number keys in, forward CSR and the inverted phonebook out. */
  @Benchmark
  public ContactGraph contactGraph() {
    return data.graph();
  }

  /** JGraphT's general-purpose graph: accounts and numbers as vertices, an edge per entry. */
  @Benchmark
  public DefaultDirectedGraph<Integer, DefaultEdge> jgraphtDefaultDirected() {
    return data.jgrapht();
  }

  /** jgrapht-opt's immutable CSR graph with incoming edges, from a list of edge pairs. */
  @Benchmark
  public SparseIntDirectedGraph jgraphtSparse() {
    return data.sparse();
  }
}
