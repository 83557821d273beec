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
          c = new Compiled(new Parser(pattern).find(), null);
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
      s = a.intersection(Parser.complementChars(Parser.LINE_TERMINATORS).repeat()).getShortestExample(true);
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

  /**
   * A recursive-descent parser for the ECMA-262 pattern grammar (Annex B is not followed: a lone {@code {}
   * or {@code ]} is refused rather than read as a literal). A term is kept as four automata: the strings it
   * matches with no anchor, with {@code ^} at its start, with {@code $} at its end, and with both.
   */
  static final class Parser {
    static final String LINE_TERMINATORS = "\n\r\u2028\u2029";
    private static final String SPACES = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
        + "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    private final String p;
    private int i;

    Parser(String pattern) {
      this.p = pattern;
    }

    /** [plain, ^x, x$, ^x$]. */
    private static final int PLAIN = 0;
    private static final int START = 1;
    private static final int END = 2;

    Automaton find() {
      Automaton[] r = disjunction();
      if (i < p.length()) {
        throw new Unsupported("unexpected '" + p.charAt(i) + "' at offset " + i);
      }
      Automaton any = BasicAutomata.makeAnyString();
      Automaton out = any.concatenate(r[PLAIN]).concatenate(any);
      out = out.union(r[START].concatenate(any)).union(any.concatenate(r[END])).union(r[START | END]);
      return bounded(out);
    }

    private static Automaton[] none() {
      Automaton[] r = new Automaton[4];
      for (int k = 0; k < 4; k++) {
        r[k] = BasicAutomata.makeEmpty();
      }
      return r;
    }

    private static Automaton[] of(Automaton plain) {
      Automaton[] r = none();
      r[PLAIN] = plain;
      return r;
    }

    private Automaton[] disjunction() {
      Automaton[] r = alternative();
      while (i < p.length() && p.charAt(i) == '|') {
        i++;
        Automaton[] b = alternative();
        for (int k = 0; k < 4; k++) {
          r[k] = bounded(r[k].union(b[k]));
        }
      }
      return r;
    }

    private Automaton[] alternative() {
      Automaton[] r = of(BasicAutomata.makeEmptyString());
      while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
        r = concat(r, term());
      }
      return r;
    }

    /** Concatenation: a {@code ^} in the second part needs an empty first part, a {@code $} in the first an empty second. */
    private static Automaton[] concat(Automaton[] x, Automaton[] y) {
      Automaton[] r = none();
      Automaton eps = BasicAutomata.makeEmptyString();
      for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
          if (x[a].isEmpty() || y[b].isEmpty()) {
            continue;
          }
          Automaton l = (b & START) != 0 ? x[a].intersection(eps) : x[a];
          Automaton m = (a & END) != 0 ? y[b].intersection(eps) : y[b];
          int f = a | b;
          r[f] = bounded(r[f].union(l.concatenate(m)));
        }
      }
      return r;
    }

    private Automaton[] term() {
      char c = p.charAt(i);
      if (c == '^' || c == '$') {
        i++;
        Automaton[] r = none();
        r[c == '^' ? START : END] = BasicAutomata.makeEmptyString();
        return r;
      }
      if (c == '\\' && i + 1 < p.length() && (p.charAt(i + 1) == 'b' || p.charAt(i + 1) == 'B')) {
        throw new Unsupported("a word boundary (\\" + p.charAt(i + 1) + ") is an assertion the translation does"
            + " not represent");
      }
      Automaton[] atom = atom();
      return quantified(atom);
    }

    private Automaton[] quantified(Automaton[] atom) {
      if (i >= p.length()) {
        return atom;
      }
      char c = p.charAt(i);
      int min;
      int max;
      if (c == '*') {
        min = 0;
        max = -1;
        i++;
      } else if (c == '+') {
        min = 1;
        max = -1;
        i++;
      } else if (c == '?') {
        min = 0;
        max = 1;
        i++;
      } else if (c == '{') {
        int close = p.indexOf('}', i);
        String body = close < 0 ? "" : p.substring(i + 1, close);
        if (!body.matches("\\d+(,\\d*)?")) {
          throw new Unsupported("a '{' that is not a quantifier (write \\{ for a literal brace)");
        }
        String[] parts = body.split(",", -1);
        min = parseBound(parts[0]);
        max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : parseBound(parts[1]);
        if (max >= 0 && max < min) {
          throw new Unsupported("a quantifier {" + body + "} out of order");
        }
        i = close + 1;
      } else {
        return atom;
      }
      if (i < p.length() && p.charAt(i) == '?') {
        i++; // lazy: the same language
      }
      if (i < p.length() && "*+?{".indexOf(p.charAt(i)) >= 0) {
        throw new Unsupported("a quantifier after a quantifier");
      }
      for (int k = 1; k < 4; k++) {
        if (!atom[k].isEmpty()) {
          throw new Unsupported("an anchor inside a repeated group");
        }
      }
      Automaton a = atom[PLAIN];
      return of(bounded(max < 0 ? a.repeat(min) : a.repeat(min, max)));
    }

    private static int parseBound(String s) {
      if (s.length() > 6 || Integer.parseInt(s) > MAX_REPEAT) {
        throw new Unsupported("a repetition bound above " + MAX_REPEAT);
      }
      return Integer.parseInt(s);
    }

    private Automaton[] atom() {
      char c = p.charAt(i);
      switch (c) {
        case '(':
          return group();
        case '.':
          i++;
          return of(complementChars(LINE_TERMINATORS));
        case '[':
          return of(charClass());
        case '\\':
          return of(escape(false));
        case '*': case '+': case '?': case '{':
          throw new Unsupported("a quantifier '" + c + "' with nothing to repeat");
        case '}': case ']':
          throw new Unsupported("a lone '" + c + "' (write \\" + c + " for the literal)");
        default:
          i++;
          return of(BasicAutomata.makeChar(c));
      }
    }

    private Automaton[] group() {
      i++;
      if (p.startsWith("?:", i)) {
        i += 2;
      } else if (p.startsWith("?=", i) || p.startsWith("?!", i) || p.startsWith("?<=", i)
          || p.startsWith("?<!", i)) {
        throw new Unsupported("a look-around (" + p.substring(i - 1, Math.min(p.length(), i + 3))
            + "...) is not a regular-language construct the translation represents");
      } else if (p.startsWith("?<", i)) {
        int close = p.indexOf('>', i);
        if (close < 0 || !p.substring(i + 2, close).matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
          throw new Unsupported("a malformed group name");
        }
        i = close + 1;
      } else if (i < p.length() && p.charAt(i) == '?') {
        throw new Unsupported("an unknown group kind (?" + (i + 1 < p.length() ? p.charAt(i + 1) : "") + ")");
      }
      Automaton[] r = disjunction();
      if (i >= p.length() || p.charAt(i) != ')') {
        throw new Unsupported("an unclosed group");
      }
      i++;
      return r;
    }

    private Automaton charClass() {
      i++;
      boolean negate = i < p.length() && p.charAt(i) == '^';
      if (negate) {
        i++;
      }
      Automaton set = BasicAutomata.makeEmpty();
      while (true) {
        if (i >= p.length()) {
          throw new Unsupported("an unclosed character class");
        }
        char c = p.charAt(i);
        if (c == ']') {
          i++;
          break;
        }
        int loChar;
        Automaton single;
        if (c == '\\') {
          single = escape(true);
          loChar = singleChar(single);
        } else {
          i++;
          loChar = c;
          single = BasicAutomata.makeChar(c);
        }
        if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          i++;
          int hiChar;
          if (p.charAt(i) == '\\') {
            Automaton h = escape(true);
            hiChar = singleChar(h);
          } else {
            hiChar = p.charAt(i++);
          }
          if (loChar < 0 || hiChar < 0) {
            throw new Unsupported("a class escape (\\d, \\w, \\s) as a range end");
          }
          if (hiChar < loChar) {
            throw new Unsupported("a character range out of order");
          }
          single = BasicAutomata.makeCharRange((char) loChar, (char) hiChar);
        }
        set = set.union(single);
      }
      set = bounded(set);
      return negate ? bounded(BasicAutomata.makeAnyChar().minus(set)) : set;
    }

    /** The one char a one-char automaton accepts, or -1. */
    private static int singleChar(Automaton a) {
      if (a.getSingleton() != null) {
        return a.getSingleton().length() == 1 ? a.getSingleton().charAt(0) : -1;
      }
      State s = a.getInitialState();
      if (s.getTransitions().size() == 1) {
        Transition t = s.getTransitions().iterator().next();
        if (t.getMin() == t.getMax() && t.getDest().isAccept() && t.getDest().getTransitions().isEmpty()) {
          return t.getMin();
        }
      }
      return -1;
    }

    static Automaton complementChars(String chars) {
      Automaton set = BasicAutomata.makeEmpty();
      for (char c : chars.toCharArray()) {
        set = set.union(BasicAutomata.makeChar(c));
      }
      return BasicAutomata.makeAnyChar().minus(set);
    }

    private static Automaton chars(String chars) {
      Automaton set = BasicAutomata.makeEmpty();
      for (char c : chars.toCharArray()) {
        set = set.union(BasicAutomata.makeChar(c));
      }
      return set;
    }

    private static Automaton word() {
      return BasicAutomata.makeCharRange('a', 'z').union(BasicAutomata.makeCharRange('A', 'Z'))
          .union(BasicAutomata.makeCharRange('0', '9')).union(BasicAutomata.makeChar('_'));
    }

    /** An escape; {@code inClass} reads {@code \b} as backspace and {@code \-} as a hyphen. */
    private Automaton escape(boolean inClass) {
      i++;
      if (i >= p.length()) {
        throw new Unsupported("a trailing backslash");
      }
      char c = p.charAt(i++);
      switch (c) {
        case 'd':
          return BasicAutomata.makeCharRange('0', '9');
        case 'D':
          return BasicAutomata.makeAnyChar().minus(BasicAutomata.makeCharRange('0', '9'));
        case 'w':
          return word();
        case 'W':
          return BasicAutomata.makeAnyChar().minus(word());
        case 's':
          return chars(SPACES);
        case 'S':
          return complementChars(SPACES);
        case 't':
          return BasicAutomata.makeChar('\t');
        case 'n':
          return BasicAutomata.makeChar('\n');
        case 'r':
          return BasicAutomata.makeChar('\r');
        case 'v':
          return BasicAutomata.makeChar('\u000b');
        case 'f':
          return BasicAutomata.makeChar('\f');
        case 'b':
          if (inClass) {
            return BasicAutomata.makeChar('\b');
          }
          throw new Unsupported("a word boundary");
        case '0':
          if (i < p.length() && Character.isDigit(p.charAt(i))) {
            throw new Unsupported("an octal escape");
          }
          return BasicAutomata.makeChar('\0');
        case 'c':
          if (i < p.length() && Character.isLetter(p.charAt(i)) && p.charAt(i) < 128) {
            return BasicAutomata.makeChar((char) (p.charAt(i++) % 32));
          }
          throw new Unsupported("a malformed control escape \\c");
        case 'x':
          return BasicAutomata.makeChar((char) hex(2));
        case 'u':
          if (i < p.length() && p.charAt(i) == '{') {
            throw new Unsupported("a \\u{...} escape, which needs the unicode flag");
          }
          return BasicAutomata.makeChar((char) hex(4));
        case 'k':
          throw new Unsupported("a named back-reference (\\k) is not regular");
        case 'p': case 'P':
          throw new Unsupported("a Unicode property escape (\\" + c + "), which needs the unicode flag");
        default:
          if (c >= '1' && c <= '9') {
            throw new Unsupported("a back-reference (\\" + c + ") is not regular");
          }
          if (Character.isLetterOrDigit(c)) {
            throw new Unsupported("an unknown escape \\" + c);
          }
          return BasicAutomata.makeChar(c);
      }
    }

    private int hex(int n) {
      if (i + n > p.length() || !p.substring(i, i + n).matches("[0-9A-Fa-f]+")) {
        throw new Unsupported("a malformed hex escape");
      }
      int v = Integer.parseInt(p.substring(i, i + n), 16);
      i += n;
      return v;
    }
  }
}
