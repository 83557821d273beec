package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Regexes.MAX_REPEAT;
import static dev.contractgate.diff.engine.Regexes.bounded;

import dev.contractgate.diff.engine.Regexes.Unsupported;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;

/**
 * A recursive-descent parser for the ECMA-262 pattern grammar (Annex B is not followed: a lone {@code {}
 * or {@code ]} is refused rather than read as a literal). A term is kept as four automata: the strings it
 * matches with no anchor, with {@code ^} at its start, with {@code $} at its end, and with both.
 */
final class RegexParser {
  static final String LINE_TERMINATORS = "\n\r\u2028\u2029";
  private static final String SPACES = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
      + "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

  private final String p;
  private int i;

  RegexParser(String pattern) {
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
