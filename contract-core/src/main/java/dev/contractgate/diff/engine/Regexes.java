package dev.contractgate.diff.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Regex inclusion for {@code pattern}, {@code patternProperties} and {@code propertyNames}: an ECMA-262
 * pattern (no flags, the JSON Schema dialect) is translated into a finite automaton over UTF-16 code units
 * that accepts exactly the strings in which the pattern finds a match (a JSON Schema pattern is unanchored).
 *
 * <p>The translation is exact or it refuses: back-references, look-arounds, word boundaries, {@code \p{..}},
 * anchors inside a repetition, malformed syntax, and automata past {@link #MAX_STATES} states give a
 * {@link Compiled} with a reason and no automaton. Determinisation is done here, state by state, so the bound
 * holds while it runs and a pattern such as {@code a.{40}} cannot exhaust the heap.
 *
 * <p>The brics library keeps static mutable state (state numbering), so every use goes through one lock.
 */
final class Regexes {

  /** The most states any intermediate deterministic automaton may have. */
  static final int MAX_STATES = 4_000;
  /** The largest repetition bound that is expanded. */
  static final int MAX_REPEAT = 1_000;

  private static final Object LOCK = new Object();
  private static final int CACHE = 512;
  private static final Map<String, Compiled> cache = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Compiled> e) {
      return size() > CACHE;
    }
  };

  private Regexes() {}

  /** A translated pattern: {@code find} accepts the strings the pattern finds a match in, or null and why. */
  record Compiled(Automaton find, String reason) {
    boolean exact() {
      return find != null;
    }
  }

  /**
   * The outcome of comparing two string languages. {@code reason} is non-null when it is not decided;
   * otherwise {@code gained} is a string only the new side accepts (or null) and {@code lost} a string only the
   * old side accepts (or null).
   */
  record Verdict(String reason, String gained, String lost) {
    boolean decided() {
      return reason == null;
    }
  }

  /** Not exactly representable; the message says why. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  static Compiled compile(String pattern) {
    synchronized (LOCK) {
      Compiled c = cache.get(pattern);
      if (c == null) {
        try {
          c = new Compiled(new RegexParser(pattern).find(), null);
        } catch (Unsupported e) {
          c = new Compiled(null, e.getMessage());
        } catch (StackOverflowError e) {
          c = new Compiled(null, "the pattern nests too deeply");
        }
        cache.put(pattern, c);
      }
      return c;
    }
  }

  /** Whether {@code s} contains a match of the translated pattern (for tests). */
  static boolean finds(Compiled c, String s) {
    synchronized (LOCK) {
      return c.find().run(s);
    }
  }

  /**
   * Compares the strings accepted by the old side ({@code oldPattern}, null for none, within lengths
   * {@code [oldMin, oldMax]}, -1 for no maximum) with the new side's. Only the pattern is judged: a gained
   * string is one the new pattern accepts within the new lengths that the old pattern rejects, so the length
   * keywords, reported on their own, and this verdict together are exact.
   */
  static Verdict compare(String oldPattern, long oldMin, long oldMax, String newPattern, long newMin,
      long newMax) {
    Compiled o = oldPattern == null ? null : compile(oldPattern);
    Compiled n = newPattern == null ? null : compile(newPattern);
    if (o != null && !o.exact()) {
      return new Verdict("old pattern " + Canon.quote(oldPattern) + ": " + o.reason(), null, null);
    }
    if (n != null && !n.exact()) {
      return new Verdict("new pattern " + Canon.quote(newPattern) + ": " + n.reason(), null, null);
    }
    synchronized (LOCK) {
      try {
        Automaton any = BasicAutomata.makeAnyString();
        Automaton ao = o == null ? any : o.find();
        Automaton an = n == null ? any : n.find();
        String gained = example(bounded(an.intersection(lengths(newMin, newMax)).minus(ao)));
        String lost = example(bounded(ao.intersection(lengths(oldMin, oldMax)).minus(an)));
        return new Verdict(null, gained, lost);
      } catch (Unsupported e) {
        return new Verdict(e.getMessage(), null, null);
      }
    }
  }

  /** A string in {@code pattern} (null: any string) and outside every one of {@code others}, or null. */
  static Verdict someOutside(String pattern, List<String> others, Set<String> except) {
    List<String> all = new ArrayList<>(others);
    if (pattern != null) {
      all.add(pattern);
    }
    for (String p : all) {
      Compiled c = compile(p);
      if (!c.exact()) {
        return new Verdict("pattern " + Canon.quote(p) + ": " + c.reason(), null, null);
      }
    }
    synchronized (LOCK) {
      try {
        Automaton a = pattern == null ? BasicAutomata.makeAnyString() : compile(pattern).find();
        for (String p : others) {
          a = bounded(a.minus(compile(p).find()));
        }
        for (String name : new TreeSet<>(except)) {
          a = a.minus(BasicAutomata.makeString(name));
        }
        return new Verdict(null, example(a), null);
      } catch (Unsupported e) {
        return new Verdict(e.getMessage(), null, null);
      }
    }
  }

  /** Strings of length min..max (max -1: no maximum); bounds past 256 are dropped, which only loses precision. */
  /** A string both patterns find a match in ({@code gained}), or null when none. */
  static Verdict intersects(String a, String b) {
    Compiled x = compile(a);
    Compiled y = compile(b);
    if (!x.exact() || !y.exact()) {
      return new Verdict("pattern " + Canon.quote(x.exact() ? b : a) + ": " + (x.exact() ? y : x).reason(), null,
          null);
    }
    synchronized (LOCK) {
      try {
        return new Verdict(null, example(bounded(x.find().intersection(y.find()))), null);
      } catch (Unsupported e) {
        return new Verdict(e.getMessage(), null, null);
      }
    }
  }

  private static Automaton lengths(long min, long max) {
    if (min > 256 || max > 256) {
      return BasicAutomata.makeAnyString();
    }
    Automaton dot = BasicAutomata.makeAnyChar();
    return max < 0 ? dot.repeat((int) Math.max(min, 0)) : dot.repeat((int) Math.max(min, 0), (int) max);
  }

  /** The shortest example, preferring printable ASCII, then no line terminators; null when empty. */
  private static String example(Automaton a) {
    if (a.isEmpty()) {
      return null;
    }
    Automaton ascii = BasicAutomata.makeCharRange(' ', '~').repeat();
    String s = a.intersection(ascii).getShortestExample(true);
    if (s == null) {
      s = a.intersection(RegexParser.complementChars(RegexParser.LINE_TERMINATORS).repeat()).getShortestExample(true);
    }
    return s == null ? a.getShortestExample(true) : s;
  }

  /** Determinises {@code a} under the state bound and minimises it. */
  static Automaton bounded(Automaton a) {
    if (!a.isDeterministic()) {
      a = determinize(a);
    }
    if (a.getNumberOfStates() > MAX_STATES) {
      throw new Unsupported("its automaton passes " + MAX_STATES + " states");
    }
    a.minimize();
    return a;
  }

  /** The subset construction, refusing past {@link #MAX_STATES} states. */
  private static Automaton determinize(Automaton nfa) {
    nfa.expandSingleton();
    TreeSet<Character> cuts = new TreeSet<>();
    for (State s : nfa.getStates()) {
      for (Transition t : s.getTransitions()) {
        cuts.add(t.getMin());
        if (t.getMax() < Character.MAX_VALUE) {
          cuts.add((char) (t.getMax() + 1));
        }
      }
    }
    cuts.add('\0');
    char[] points = new char[cuts.size()];
    int k = 0;
    for (char c : cuts) {
      points[k++] = c;
    }
    // an accepting state that loops on every char accepts every continuation: a subset holding one is that state
    State universal = null;
    for (State s : nfa.getStates()) {
      if (s.isAccept()) {
        for (Transition t : s.getTransitions()) {
          if (t.getDest() == s && t.getMin() == Character.MIN_VALUE && t.getMax() == Character.MAX_VALUE) {
            universal = s;
          }
        }
      }
    }
    Map<Set<State>, State> made = new HashMap<>();
    ArrayDeque<Set<State>> work = new ArrayDeque<>();
    Set<State> start = Set.of(nfa.getInitialState());
    State s0 = new State();
    made.put(start, s0);
    work.add(start);
    while (!work.isEmpty()) {
      Set<State> set = work.poll();
      State from = made.get(set);
      for (State s : set) {
        if (s.isAccept()) {
          from.setAccept(true);
          break;
        }
      }
      for (int i = 0; i < points.length; i++) {
        char lo = points[i];
        char hi = i + 1 < points.length ? (char) (points[i + 1] - 1) : Character.MAX_VALUE;
        java.util.HashSet<State> to = new java.util.HashSet<>();
        for (State s : set) {
          for (Transition t : s.getTransitions()) {
            if (t.getMin() <= lo && lo <= t.getMax()) {
              to.add(t.getDest());
            }
          }
        }
        if (to.isEmpty()) {
          continue;
        }
        if (universal != null) {
          for (State t : to) {
            if (t.isAccept() && loopsOnAll(t)) {
              to = new java.util.HashSet<>(Set.of(universal));
              break;
            }
          }
        }
        State dest = made.get(to);
        if (dest == null) {
          if (made.size() >= MAX_STATES) {
            throw new Unsupported("its automaton passes " + MAX_STATES + " states");
          }
          dest = new State();
          made.put(to, dest);
          work.add(to);
        }
        from.addTransition(new Transition(lo, hi, dest));
      }
    }
    Automaton d = new Automaton();
    d.setInitialState(s0);
    d.setDeterministic(true);
    d.restoreInvariant();
    return d;
  }

  private static boolean loopsOnAll(State s) {
    for (Transition t : s.getTransitions()) {
      if (t.getDest() == s && t.getMin() == Character.MIN_VALUE && t.getMax() == Character.MAX_VALUE) {
        return true;
      }
    }
    return false;
  }
}
