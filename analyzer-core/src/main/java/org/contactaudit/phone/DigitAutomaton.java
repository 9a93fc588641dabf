package org.contactaudit.phone;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic automaton over the ten ASCII digits, compiled from up to 31 regular expressions
 * at once. Each state carries a tag mask: bit {@code i} is set when the digits read so far are a
 * string of the language of expression {@code i}. One pass over a number therefore tells which of
 * the expressions match it in full, exactly as {@link java.util.regex.Matcher#matches()} would on a
 * string of digits.
 *
 * <p>The expressions are the digit patterns of libphonenumber's metadata. The compiler accepts
 * digits, {@code \d}, classes of digits and digit ranges (negated too), groups {@code (...)} and
 * {@code (?:...)}, alternation and the greedy quantifiers {@code ? * + {n} {n,} {n,m}}, and, for
 * {@link #compileWithEndAnchors}, the end anchor {@code $}; anything else (lazy or possessive
 * quantifiers, other anchors, letters, look-arounds, back-references) is rejected, and the caller
 * then keeps the expression on its slow path. On digit strings, capture groups and greediness do
 * not change which strings match, so the automaton is exact for full matches and for the question
 * "does some prefix match".
 *
 * <p>Cost: compiling is a subset construction followed by minimization, done once per region;
 * matching is one table lookup per digit of a decoded digit array, without allocation. Immutable
 * and thread-safe.
 */
final class DigitAutomaton {
  /** The state with no way to accept: once reached, nothing matches. */
  static final int DEAD = 0;

  // States are numbered 0 (dead), 1 (start), ... while compiling; the matcher names a state by its
  // row's offset in the transition table (number times STRIDE), so a step is one add and one load.
  private static final int START = 1;

  // The alphabet: the ten digits, and the end of the input, read only by the end anchor of an
  // automaton compiled with compileWithEndAnchors.
  private static final int END = 10;
  private static final int SYMBOLS = 11;
  private static final int STRIDE = SYMBOLS;

  private static final int STATE_LIMIT = 20_000;

  /** The most expressions one automaton compiles: one bit of an {@code int} tag mask each. */
  static final int MAX_TAGS = 31;

  private final int[] next;
  private final int[] accept;

  private DigitAutomaton(int[] next, int[] accept) {
    this.next = next;
    this.accept = accept;
  }

  /**
   * Compiles the expressions; an empty or null expression matches nothing (as in libphonenumber,
   * which never matches a number against an empty pattern).
   *
   * @return the automaton, or null when an expression uses a construct the compiler rejects or the
   *     automaton would be too large
   */
  static DigitAutomaton compile(List<String> patterns) {
    return compile(patterns, false);
  }

  /** Compiles a single expression (tag 0); see {@link #compile(List)}. */
  static DigitAutomaton compile(String pattern) {
    return compile(List.of(pattern), false);
  }

  /**
   * Compiles a single expression (tag 0) that may hold end anchors {@code $}, each read as a symbol
   * that only the end of the input supplies; {@link #matchesAtStart} then answers {@code
   * lookingAt()} exactly.
   */
  static DigitAutomaton compileWithEndAnchors(String pattern) {
    return compile(List.of(pattern), true);
  }

  private static DigitAutomaton compile(List<String> patterns, boolean endAnchors) {
    if (patterns.size() > MAX_TAGS) {
      throw new IllegalArgumentException("at most " + MAX_TAGS + " patterns");
    }
    Nfa nfa = new Nfa();
    int start = nfa.newState();
    for (int tag = 0; tag < patterns.size(); tag++) {
      String pattern = patterns.get(tag);
      if (pattern == null || pattern.isEmpty()) {
        continue;
      }
      Node ast;
      try {
        ast = new Parser(pattern, endAnchors).parse();
      } catch (IllegalArgumentException e) {
        return null;
      }
      int entry = nfa.newState();
      nfa.epsilon(start, entry);
      int exit = nfa.build(ast, entry);
      nfa.tags.set(exit, nfa.tags.get(exit) | (1 << tag));
    }
    return determinize(nfa, start);
  }

  /** The tag mask of a state: the expressions that match the digits read to reach it. */
  int tags(int state) {
    return accept[state / STRIDE];
  }

  /**
   * Reads the digits {@code d[from, to)} (values 0 to 9) and returns the state reached ({@link
   * #DEAD} when nothing can match; the dead state never leaves itself).
   */
  int run(byte[] d, int from, int to) {
    int state = START * STRIDE;
    for (int i = from; i < to; i++) {
      state = next[state + d[i]];
    }
    return state;
  }

  /**
   * The number of digits of the shortest prefix of {@code d[from, to)} that matches expression 0,
   * or -1 if none does.
   */
  int shortestMatchingPrefix(byte[] d, int from, int to) {
    int walked = walk(d, from, to);
    return walked >= 0 ? walked : -1;
  }

  /**
   * Whether expression 0 matches at the start of {@code d[from, to)} as {@link
   * java.util.regex.Matcher#lookingAt()} would: some prefix is accepted, or, for an automaton
   * compiled {@link #compileWithEndAnchors with end anchors}, the whole input followed by the end
   * anchors that hold there.
   */
  boolean matchesAtStart(byte[] d, int from, int to) {
    int walked = walk(d, from, to);
    if (walked >= 0) {
      return true;
    }
    // At the end of the input every end anchor holds, however many follow one another.
    int state = -1 - walked;
    for (int anchors = 0; anchors < accept.length && state != DEAD; anchors++) {
      state = next[state + END];
      if ((accept[state / STRIDE] & 1) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads {@code d[from, to)} until a prefix matches expression 0 or the dead state is reached: one
   * pass, stopping early, without allocation.
   *
   * @return the number of digits of the shortest matching prefix (0 or more), or else {@code -1 -
   *     state} for the state reached ({@code -1} for {@link #DEAD}, less for a live state at the
   *     end of the input)
   */
  private int walk(byte[] d, int from, int to) {
    if ((accept[START] & 1) != 0) {
      return 0;
    }
    int state = START * STRIDE;
    for (int i = from; i < to; i++) {
      state = next[state + d[i]];
      if (state == DEAD) {
        return -1;
      }
      if ((accept[state / STRIDE] & 1) != 0) {
        return i + 1 - from;
      }
    }
    return -1 - state;
  }

  /**
   * The tags of all the prefixes of {@code d[from, to)}, the empty one included: bit {@code i} is
   * set when expression {@code i} matches some prefix, as {@link
   * java.util.regex.Matcher#lookingAt()} would. Stops at the dead state.
   */
  int prefixTags(byte[] d, int from, int to) {
    int state = START * STRIDE;
    int tags = accept[START];
    for (int i = from; i < to && state != DEAD; i++) {
      state = next[state + d[i]];
      tags |= accept[state / STRIDE];
    }
    return tags;
  }

  /**
   * Whether the language of expression 0 is prefix-free and lacks the empty string: then at most
   * one prefix of any input matches, so a regex engine's {@code lookingAt()} must end exactly where
   * {@link #shortestMatchingPrefix} says, whatever its backtracking order.
   */
  boolean prefixFree() {
    int states = accept.length;
    if ((accept[START] & 1) != 0) {
      return false;
    }
    for (int s = 0; s < states; s++) {
      if ((accept[s] & 1) == 0) {
        continue;
      }
      BitSet seen = new BitSet(states);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int d = 0; d < 10; d++) {
        int t = next[s * STRIDE + d] / STRIDE;
        if (!seen.get(t)) {
          seen.set(t);
          queue.add(t);
        }
      }
      while (!queue.isEmpty()) {
        int t = queue.poll();
        if ((accept[t] & 1) != 0) {
          return false;
        }
        for (int d = 0; d < 10; d++) {
          int u = next[t * STRIDE + d] / STRIDE;
          if (!seen.get(u)) {
            seen.set(u);
            queue.add(u);
          }
        }
      }
    }
    return true;
  }

  private static DigitAutomaton determinize(Nfa nfa, int nfaStart) {
    Map<BitSet, Integer> ids = new HashMap<>();
    List<BitSet> sets = new ArrayList<>();
    BitSet dead = new BitSet();
    ids.put(dead, DEAD);
    sets.add(dead);
    BitSet first = nfa.closure(single(nfaStart));
    ids.put(first, START);
    sets.add(first);
    int[] table = new int[64 * SYMBOLS];
    for (int id = 1; id < sets.size(); id++) {
      BitSet set = sets.get(id);
      for (int d = 0; d < SYMBOLS; d++) {
        BitSet moved = nfa.closure(nfa.move(set, d));
        Integer target = ids.get(moved);
        if (target == null) {
          if (sets.size() >= STATE_LIMIT) {
            return null;
          }
          target = sets.size();
          ids.put(moved, target);
          sets.add(moved);
        }
        if (table.length < (id + 1) * SYMBOLS) {
          table = Arrays.copyOf(table, table.length * 2);
        }
        table[id * SYMBOLS + d] = target;
      }
    }
    int states = sets.size();
    int[] tags = new int[states];
    for (int id = 1; id < states; id++) {
      BitSet set = sets.get(id);
      for (int s = set.nextSetBit(0); s >= 0; s = set.nextSetBit(s + 1)) {
        tags[id] |= nfa.tags.get(s);
      }
    }
    return minimize(Arrays.copyOf(table, states * SYMBOLS), tags);
  }

  /**
   * Moore's partition refinement: states are equivalent when they carry the same tags and step to
   * equivalent states on every digit. The dead state keeps number 0 and the start state number 1.
   */
  private static DigitAutomaton minimize(int[] table, int[] tags) {
    int states = tags.length;
    int[] block = new int[states];
    Map<Integer, Integer> byTags = new HashMap<>();
    for (int s = 0; s < states; s++) {
      block[s] = byTags.computeIfAbsent(tags[s], k -> byTags.size());
    }
    int blocks = byTags.size();
    while (true) {
      Map<List<Integer>, Integer> signatures = new HashMap<>();
      int[] refined = new int[states];
      for (int s = 0; s < states; s++) {
        List<Integer> signature = new ArrayList<>(SYMBOLS + 1);
        signature.add(block[s]);
        for (int d = 0; d < SYMBOLS; d++) {
          signature.add(block[table[s * SYMBOLS + d]]);
        }
        refined[s] = signatures.computeIfAbsent(signature, k -> signatures.size());
      }
      block = refined;
      if (signatures.size() == blocks) {
        break;
      }
      blocks = signatures.size();
    }
    // Renumber so that the dead state's block is 0 and the start state's block is 1.
    int[] number = new int[blocks];
    Arrays.fill(number, -1);
    int count = 0;
    number[block[DEAD]] = count++;
    if (number[block[START]] < 0) {
      number[block[START]] = count++;
    }
    for (int s = 0; s < states; s++) {
      if (number[block[s]] < 0) {
        number[block[s]] = count++;
      }
    }
    int size = Math.max(count, 2);
    int[] next = new int[size * STRIDE];
    int[] accept = new int[size];
    for (int s = 0; s < states; s++) {
      int b = number[block[s]];
      accept[b] = tags[s];
      for (int d = 0; d < SYMBOLS; d++) {
        next[b * STRIDE + d] = number[block[table[s * SYMBOLS + d]]] * STRIDE;
      }
    }
    return new DigitAutomaton(next, accept);
  }

  private static BitSet single(int state) {
    BitSet set = new BitSet();
    set.set(state);
    return set;
  }

  /** A parsed expression. */
  private abstract static class Node {}

  /** One digit out of a set (bit {@code d} for digit {@code d}). */
  private static final class Digits extends Node {
    final int mask;

    Digits(int mask) {
      this.mask = mask;
    }
  }

  private static final class Sequence extends Node {
    final List<Node> parts;

    Sequence(List<Node> parts) {
      this.parts = parts;
    }
  }

  private static final class Choice extends Node {
    final List<Node> options;

    Choice(List<Node> options) {
      this.options = options;
    }
  }

  /** {@code min} to {@code max} repetitions; {@code max < 0} means unbounded. */
  private static final class Repeat extends Node {
    final Node body;
    final int min;
    final int max;

    Repeat(Node body, int min, int max) {
      this.body = body;
      this.min = min;
      this.max = max;
    }
  }

  /** A recursive-descent parser of the digit-only subset of java.util.regex syntax. */
  private static final class Parser {
    private static final int MAX_REPEAT = 100;

    private final String text;
    private final boolean endAnchors;
    private int pos;

    Parser(String text, boolean endAnchors) {
      this.text = text;
      this.endAnchors = endAnchors;
    }

    Node parse() {
      Node node = choice();
      if (pos != text.length()) {
        throw unsupported();
      }
      return node;
    }

    private Node choice() {
      List<Node> options = new ArrayList<>();
      options.add(sequence());
      while (pos < text.length() && text.charAt(pos) == '|') {
        pos++;
        options.add(sequence());
      }
      return options.size() == 1 ? options.get(0) : new Choice(options);
    }

    private Node sequence() {
      List<Node> parts = new ArrayList<>();
      while (pos < text.length() && text.charAt(pos) != '|' && text.charAt(pos) != ')') {
        parts.add(quantified(atom()));
      }
      return parts.size() == 1 ? parts.get(0) : new Sequence(parts);
    }

    private Node atom() {
      char c = text.charAt(pos++);
      if (c >= '0' && c <= '9') {
        return new Digits(1 << (c - '0'));
      }
      switch (c) {
        case '\\':
          if (pos < text.length() && text.charAt(pos) == 'd') {
            pos++;
            return new Digits(0x3FF);
          }
          throw unsupported();
        case '[':
          return new Digits(digitClass());
        case '$':
          if (endAnchors) {
            return new Digits(1 << END);
          }
          throw unsupported();
        case '(':
          if (text.startsWith("?:", pos)) {
            pos += 2;
          } else if (pos < text.length() && text.charAt(pos) == '?') {
            throw unsupported();
          }
          Node inner = choice();
          expect(')');
          return inner;
        default:
          throw unsupported();
      }
    }

    private int digitClass() {
      boolean negated = pos < text.length() && text.charAt(pos) == '^';
      if (negated) {
        pos++;
      }
      int mask = 0;
      boolean first = true;
      while (true) {
        if (pos >= text.length()) {
          throw unsupported();
        }
        char c = text.charAt(pos++);
        if (c == ']' && !first) {
          break;
        }
        first = false;
        if (c == '\\' && pos < text.length() && text.charAt(pos) == 'd') {
          pos++;
          mask |= 0x3FF;
        } else if (c >= '0' && c <= '9') {
          int low = c - '0';
          int high = low;
          if (pos + 1 < text.length()
              && text.charAt(pos) == '-'
              && text.charAt(pos + 1) >= '0'
              && text.charAt(pos + 1) <= '9') {
            high = text.charAt(pos + 1) - '0';
            pos += 2;
            if (high < low) {
              throw unsupported();
            }
          }
          for (int d = low; d <= high; d++) {
            mask |= 1 << d;
          }
        } else {
          throw unsupported();
        }
      }
      return negated ? ~mask & 0x3FF : mask;
    }

    private Node quantified(Node atom) {
      Node node = atom;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        int min;
        int max;
        if (c == '?') {
          min = 0;
          max = 1;
          pos++;
        } else if (c == '*') {
          min = 0;
          max = -1;
          pos++;
        } else if (c == '+') {
          min = 1;
          max = -1;
          pos++;
        } else if (c == '{') {
          pos++;
          min = number();
          if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            max = pos < text.length() && text.charAt(pos) == '}' ? -1 : number();
          } else {
            max = min;
          }
          expect('}');
          if (max >= 0 && max < min || min > MAX_REPEAT || max > MAX_REPEAT) {
            throw unsupported();
          }
        } else {
          break;
        }
        if (pos < text.length() && (text.charAt(pos) == '?' || text.charAt(pos) == '+')) {
          throw unsupported(); // lazy or possessive
        }
        node = new Repeat(node, min, max);
      }
      return node;
    }

    private int number() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start || pos - start > 3) {
        throw unsupported();
      }
      return Integer.parseInt(text, start, pos, 10);
    }

    private void expect(char c) {
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw unsupported();
      }
      pos++;
    }

    private IllegalArgumentException unsupported() {
      return new IllegalArgumentException("unsupported construct at " + pos);
    }
  }

  /**
   * A Thompson automaton. {@link #build} adds edges out of the state it is given and into fresh
   * states only, never into that state, so fragments can be chained state to state.
   */
  private static final class Nfa {
    final List<int[]> digitEdges = new ArrayList<>(); // pairs (mask, target), flattened
    final List<int[]> epsilonEdges = new ArrayList<>();
    final List<Integer> tags = new ArrayList<>();

    int newState() {
      digitEdges.add(new int[0]);
      epsilonEdges.add(new int[0]);
      tags.add(0);
      return tags.size() - 1;
    }

    void epsilon(int from, int to) {
      int[] old = epsilonEdges.get(from);
      int[] edges = Arrays.copyOf(old, old.length + 1);
      edges[old.length] = to;
      epsilonEdges.set(from, edges);
    }

    void digits(int from, int mask, int to) {
      int[] old = digitEdges.get(from);
      int[] edges = Arrays.copyOf(old, old.length + 2);
      edges[old.length] = mask;
      edges[old.length + 1] = to;
      digitEdges.set(from, edges);
    }

    /** Builds {@code node} starting at {@code entry}; returns the state where it ends. */
    int build(Node node, int entry) {
      if (node instanceof Digits) {
        int exit = newState();
        digits(entry, ((Digits) node).mask, exit);
        return exit;
      }
      if (node instanceof Sequence) {
        int at = entry;
        for (Node part : ((Sequence) node).parts) {
          at = build(part, at);
        }
        return at;
      }
      if (node instanceof Choice) {
        int exit = newState();
        for (Node option : ((Choice) node).options) {
          int start = newState();
          epsilon(entry, start);
          epsilon(build(option, start), exit);
        }
        return exit;
      }
      Repeat repeat = (Repeat) node;
      int at = entry;
      for (int i = 0; i < repeat.min; i++) {
        int start = newState();
        epsilon(at, start);
        at = build(repeat.body, start);
      }
      if (repeat.max < 0) {
        int loop = newState();
        epsilon(at, loop);
        int start = newState();
        epsilon(loop, start);
        epsilon(build(repeat.body, start), loop);
        return loop;
      }
      for (int i = repeat.min; i < repeat.max; i++) {
        int skip = newState();
        epsilon(at, skip);
        int start = newState();
        epsilon(at, start);
        epsilon(build(repeat.body, start), skip);
        at = skip;
      }
      return at;
    }

    BitSet closure(BitSet states) {
      BitSet result = (BitSet) states.clone();
      ArrayDeque<Integer> stack = new ArrayDeque<>();
      for (int s = states.nextSetBit(0); s >= 0; s = states.nextSetBit(s + 1)) {
        stack.push(s);
      }
      while (!stack.isEmpty()) {
        for (int t : epsilonEdges.get(stack.pop())) {
          if (!result.get(t)) {
            result.set(t);
            stack.push(t);
          }
        }
      }
      return result;
    }

    BitSet move(BitSet states, int digit) {
      BitSet result = new BitSet();
      for (int s = states.nextSetBit(0); s >= 0; s = states.nextSetBit(s + 1)) {
        int[] edges = digitEdges.get(s);
        for (int i = 0; i < edges.length; i += 2) {
          if ((edges[i] & (1 << digit)) != 0) {
            result.set(edges[i + 1]);
          }
        }
      }
      return result;
    }
  }
}
