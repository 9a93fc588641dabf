package org.contactaudit.bench;

import java.lang.ref.Reference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.contactaudit.graph.ContactGraph;

/**
 * The heap each graph structure retains, per entry, on the benchmark worlds. No object-layout tool
 * is on the class path, so this measures the used heap after full collections before and after
 * building a structure while keeping it reachable: a rough figure (within a few percent when run
 * with {@code -XX:+UseSerialGC}, as {@code run.sh} does), beside the exact adjacency bytes of the
 * contact graph computed from its array sizes.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmx12g -cp benchmarks/target/benchmarks.jar \
 *     org.contactaudit.bench.MemoryFootprint 10000 100000
 * </pre>
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    for (String arg : args.length == 0 ? new String[] {"10000"} : args) {
      BenchGraphs.Dataset d = BenchGraphs.generate(Integer.parseInt(arg), 42);
      System.out.printf(
          "accounts=%d entries=%d numbers=%d%n", d.accounts, d.entryCount(), d.numbers);
      ContactGraph g = measure(d, "ContactGraph (everything, ids and key maps included)", d::graph);
      System.out.printf(
          "  %-58s %8.1f bytes/entry (adjacencyBytes()/entryCount(), exact)%n",
          "ContactGraph adjacency arrays only", (double) g.adjacencyBytes() / g.entryCount());
      measure(d, "HashMap<String, Set<String>> phonebooks", d::phonebooks);
      measure(
          d,
          "HashMap<String, Set<String>> phonebooks + inverted",
          () -> {
            Map<String, Set<String>> books = d.phonebooks();
            return List.of(books, BenchGraphs.Dataset.holders(books));
          });
      measure(d, "JGraphT DefaultDirectedGraph<Integer, DefaultEdge>", d::jgrapht);
      measure(d, "jgrapht-opt SparseIntDirectedGraph (incoming edges)", d::sparse);
    }
  }

  private static <T> T measure(BenchGraphs.Dataset d, String name, Supplier<T> build)
      throws InterruptedException {
    long before = usedAfterGc();
    T structure = build.get();
    long after = usedAfterGc();
    Reference.reachabilityFence(structure);
    System.out.printf(
        "  %-58s %8.1f bytes/entry (%,d MB)%n",
        name, (double) (after - before) / d.entryCount(), (after - before) >> 20);
    return structure;
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
