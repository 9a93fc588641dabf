package org.contactaudit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.contactaudit.time.Times;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.junit.jupiter.api.Test;

class AccountGraphViewTest {
  /** Accounts 0..n-1 with keys 1000+i; {@code edges} are {holder, subject} pairs; plus shadows. */
  private static ContactGraph graph(int n, int[][] edges, int shadowsPerAccount) {
    ContactGraphBuilder b = ContactGraph.builder();
    for (int i = 0; i < n; i++) {
      b.addAccount("u" + i, 1000 + i, Times.ALWAYS, Times.NEVER);
    }
    for (int[] e : edges) {
      b.addEntry(e[0], 1000 + e[1], Times.ALWAYS, Times.NEVER);
    }
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < shadowsPerAccount; s++) {
        b.addEntry(i, 50_000 + i + s, Times.ALWAYS, Times.NEVER);
      }
    }
    return b.build();
  }

  @Test
  void kosarajuFindsTheStronglyConnectedComponents() {
    // 0 ⇄ 1 → 2 → 3 → 2, 4 alone, 5 → 0; shadow numbers must not become vertices.
    int[][] edges = {{0, 1}, {1, 0}, {1, 2}, {2, 3}, {3, 2}, {5, 0}};
    Graph<Integer, Long> view = graph(6, edges, 2).asAccountGraph();
    Set<Set<Integer>> sccs =
        new KosarajuStrongConnectivityInspector<>(view)
            .stronglyConnectedSets().stream().map(HashSet::new).collect(Collectors.toSet());
    assertEquals(Set.of(Set.of(0, 1), Set.of(2, 3), Set.of(4), Set.of(5)), sccs);
  }

  @Test
  void edgesAndDegreesAgreeWithTheGraph() {
    Random random = new Random(5);
    int n = 40;
    Set<List<Integer>> pairs = new HashSet<>();
    while (pairs.size() < 200) {
      int h = random.nextInt(n);
      int s = random.nextInt(n);
      if (h != s) {
        pairs.add(List.of(h, s));
      }
    }
    int[][] edges = pairs.stream().map(p -> new int[] {p.get(0), p.get(1)}).toArray(int[][]::new);
    ContactGraph g = graph(n, edges, 3);
    Graph<Integer, Long> view = g.asAccountGraph();
    assertEquals(n, view.vertexSet().size());
    assertEquals(pairs.size(), view.edgeSet().size());
    Set<List<Integer>> seen = new HashSet<>();
    for (long e : view.edgeSet()) {
      seen.add(List.of(view.getEdgeSource(e), view.getEdgeTarget(e)));
      assertTrue(view.containsEdge(e));
    }
    assertEquals(pairs, seen);
    for (int v = 0; v < n; v++) {
      int out = 0;
      int in = 0;
      for (List<Integer> p : pairs) {
        out += p.get(0) == v ? 1 : 0;
        in += p.get(1) == v ? 1 : 0;
      }
      assertEquals(out, view.outDegreeOf(v));
      assertEquals(in, view.inDegreeOf(v));
      assertEquals(out + in, view.degreeOf(v));
      assertEquals(out, view.outgoingEdgesOf(v).size());
      assertEquals(in, view.incomingEdgesOf(v).size());
      assertEquals(in + out, view.edgesOf(v).size());
      int source = v;
      Set<Integer> expectedTargets =
          pairs.stream()
              .filter(p -> p.get(0) == source)
              .map(p -> p.get(1))
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(
          expectedTargets,
          view.outgoingEdgesOf(v).stream()
              .map(view::getEdgeTarget)
              .collect(Collectors.toCollection(TreeSet::new)));
      Set<Integer> expectedSources =
          pairs.stream()
              .filter(p -> p.get(1) == source)
              .map(p -> p.get(0))
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(
          expectedSources,
          view.incomingEdgesOf(v).stream()
              .map(view::getEdgeSource)
              .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  @Test
  void lookupsOutsideTheGraphAndChangesAreRefused() {
    Graph<Integer, Long> view = graph(3, new int[][] {{0, 1}}, 1).asAccountGraph();
    assertEquals(0L << 32 | 1, view.getEdge(0, 1));
    assertNull(view.getEdge(1, 0));
    assertNull(view.getEdge(0, 3));
    assertFalse(view.containsVertex(3));
    assertFalse(view.containsEdge(0L << 32 | 3));
    assertFalse(view.edgeSet().contains(1L << 32));
    assertThrows(IllegalArgumentException.class, () -> view.outDegreeOf(3));
    assertThrows(UnsupportedOperationException.class, () -> view.addEdge(1, 0));
    assertThrows(UnsupportedOperationException.class, () -> view.removeVertex(0));
    assertTrue(view.getType().isDirected());
  }

  @Test
  void emptyGraphHasNoVerticesAndNoEdges() {
    Graph<Integer, Long> view = ContactGraph.builder().build().asAccountGraph();
    assertEquals(0, view.vertexSet().size());
    assertEquals(0, view.edgeSet().size());
    assertFalse(view.edgeSet().iterator().hasNext());
  }
}
