package org.contactaudit.graph;

import it.unimi.dsi.fastutil.ints.IntSets;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The account-to-account graph of a {@link ContactGraph} as an unmodifiable JGraphT graph, read
 * straight from its CSR arrays. An edge {@code H → S} is the {@code long} {@code (long) H << 32 |
 * S}; out-edges are the user part of {@code H}'s phonebook, in-edges the holders of {@code S}'s
 * number. {@code outDegreeOf} costs {@code O(log degree)}, {@code inDegreeOf} constant time.
 */
final class AccountGraphView extends AbstractGraph<Integer, Long> {
  private static final GraphType TYPE =
      new DefaultGraphType.Builder()
          .directed()
          .allowSelfLoops(false)
          .allowMultipleEdges(false)
          .weighted(false)
          .modifiable(false)
          .build();

  private final ContactGraph g;
  private final int accounts;
  private long edgeCount = -1;

  AccountGraphView(ContactGraph g) {
    this.g = g;
    this.accounts = g.accountCount();
  }

  private static long edge(int source, int target) {
    return (long) source << 32 | target;
  }

  private boolean isAccount(Object v) {
    return v instanceof Integer && (Integer) v >= 0 && (Integer) v < accounts;
  }

  private int vertex(Integer v) {
    if (!isAccount(v)) {
      throw new IllegalArgumentException("no such vertex in graph: " + v);
    }
    return v;
  }

  @Override
  public Set<Long> getAllEdges(Integer source, Integer target) {
    Long e = getEdge(source, target);
    return e == null ? Collections.emptySet() : Collections.singleton(e);
  }

  @Override
  public Long getEdge(Integer source, Integer target) {
    if (!isAccount(source) || !isAccount(target)) {
      return null;
    }
    return g.holds(source, target) ? edge(source, target) : null;
  }

  @Override
  public Supplier<Integer> getVertexSupplier() {
    return null;
  }

  @Override
  public Supplier<Long> getEdgeSupplier() {
    return null;
  }

  @Override
  public Long addEdge(Integer source, Integer target) {
    throw unmodifiable();
  }

  @Override
  public boolean addEdge(Integer source, Integer target, Long e) {
    throw unmodifiable();
  }

  @Override
  public Integer addVertex() {
    throw unmodifiable();
  }

  @Override
  public boolean addVertex(Integer v) {
    throw unmodifiable();
  }

  @Override
  public boolean containsEdge(Long e) {
    return e != null && getEdge(getEdgeSource(e), getEdgeTarget(e)) != null;
  }

  @Override
  public boolean containsVertex(Integer v) {
    return isAccount(v);
  }

  @Override
  public Set<Long> edgeSet() {
    return new EdgeSet(0, accounts, true);
  }

  @Override
  public int degreeOf(Integer v) {
    return inDegreeOf(v) + outDegreeOf(v);
  }

  @Override
  public Set<Long> edgesOf(Integer v) {
    Set<Long> all = new java.util.LinkedHashSet<>(outgoingEdgesOf(v));
    all.addAll(incomingEdgesOf(v));
    return Collections.unmodifiableSet(all);
  }

  @Override
  public int inDegreeOf(Integer v) {
    return g.holderCount(vertex(v));
  }

  @Override
  public Set<Long> incomingEdgesOf(Integer v) {
    return new InEdges(vertex(v));
  }

  @Override
  public int outDegreeOf(Integer v) {
    int a = vertex(v);
    return g.userContactsEnd(a) - g.fwdOffsets[a];
  }

  @Override
  public Set<Long> outgoingEdgesOf(Integer v) {
    int a = vertex(v);
    return new EdgeSet(a, a + 1, false);
  }

  @Override
  public Long removeEdge(Integer source, Integer target) {
    throw unmodifiable();
  }

  @Override
  public boolean removeEdge(Long e) {
    throw unmodifiable();
  }

  @Override
  public boolean removeVertex(Integer v) {
    throw unmodifiable();
  }

  @Override
  public Set<Integer> vertexSet() {
    return IntSets.unmodifiable(IntSets.fromTo(0, accounts));
  }

  @Override
  public Integer getEdgeSource(Long e) {
    return (int) (e >>> 32);
  }

  @Override
  public Integer getEdgeTarget(Long e) {
    return (int) (long) e;
  }

  @Override
  public GraphType getType() {
    return TYPE;
  }

  @Override
  public double getEdgeWeight(Long e) {
    return DEFAULT_EDGE_WEIGHT;
  }

  @Override
  public void setEdgeWeight(Long e, double weight) {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("the account graph view is unmodifiable");
  }

  /** The out-edges of the accounts {@code [from, to)}. */
  private final class EdgeSet extends AbstractSet<Long> {
    private final int from;
    private final int to;
    private final boolean all;

    EdgeSet(int from, int to, boolean all) {
      this.from = from;
      this.to = to;
      this.all = all;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Long)) {
        return false;
      }
      long e = (Long) o;
      int source = (int) (e >>> 32);
      return source >= from && source < to && containsEdge(e);
    }

    @Override
    public int size() {
      if (!all) {
        return outDegreeOf(from);
      }
      if (edgeCount < 0) {
        long n = 0;
        for (int a = 0; a < accounts; a++) {
          n += g.userContactsEnd(a) - g.fwdOffsets[a];
        }
        edgeCount = n;
      }
      return (int) Math.min(Integer.MAX_VALUE, edgeCount);
    }

    @Override
    public Iterator<Long> iterator() {
      return new Iterator<>() {
        private int source = from;
        private int pos = g.fwdOffsets[from];
        private int end = from < to ? g.userContactsEnd(from) : pos;

        @Override
        public boolean hasNext() {
          while (pos >= end && source < to - 1) {
            source++;
            pos = g.fwdOffsets[source];
            end = g.userContactsEnd(source);
          }
          return pos < end;
        }

        @Override
        public Long next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return edge(source, g.fwdTargets[pos++]);
        }
      };
    }
  }

  /** The in-edges of one account: the holders of its number. */
  private final class InEdges extends AbstractSet<Long> {
    private final int target;

    InEdges(int target) {
      this.target = target;
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof Long && (int) (long) (Long) o == target && containsEdge((Long) o);
    }

    @Override
    public int size() {
      return g.holderCount(target);
    }

    @Override
    public Iterator<Long> iterator() {
      return new Iterator<>() {
        private int pos = g.invOffsets[target];
        private final int end = g.invOffsets[target + 1];

        @Override
        public boolean hasNext() {
          return pos < end;
        }

        @Override
        public Long next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return edge(g.invHolders[pos++], target);
        }
      };
    }
  }
}
