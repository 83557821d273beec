package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * A schema's {@code pattern} (ECMA-262 syntax, as JSON Schema says) run by {@code java.util.regex} with a budget.
 *
 * <p>Two things make an author's regex unsafe to run as it is written. ECMA-262 syntax that Java lacks
 * ({@code [^]}, {@code []}, {@code (?<a_b>...)}, <code>&#92;u&#123;1F600&#125;</code>, a lone <code>&#123;</code>) is
 * translated by {@link #compile}; what cannot be translated is an {@link InvalidPattern} that the loader reports
 * with the file, the schema pointer and the pattern as written. And a backtracking engine can take exponential
 * time ({@code ^(a+)+\1$}): every match counts the characters the engine reads, and past {@link #budget(int)}
 * reads it stops with {@link BudgetExceeded} instead of running on (docs/limits.md).
 */
@API(status = INTERNAL, since = "0.1")
public final class SchemaRegex {

  /** Character reads every value may take, whatever its length. */
  public static final long BASE_STEPS = 1_000_000L;
  /** Further character reads per character of the value. */
  public static final long STEPS_PER_CHAR = 100L;
  /** Character reads one response body may take over all its patterns. */
  public static final long STEPS_PER_BODY = 50_000_000L;

  private static final ThreadLocal<Meter> METER = new ThreadLocal<>();

  private final String source;
  private final Pattern pattern;

  private SchemaRegex(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /** A pattern that cannot be used; the message says why, without the rewritten pattern. */
  public static final class InvalidPattern extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidPattern(String message) {
      super(message);
    }
  }

  /** A match that read more characters than its budget allows. */
  public static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pattern;
    private final int length;
    private final long steps;
    private final boolean body;

    BudgetExceeded(String pattern, int length, long steps, boolean body) {
      super("the pattern \"" + pattern + "\" was stopped after " + steps + " steps on a value of " + length
          + " characters" + (body ? ", the last of the body's " + STEPS_PER_BODY : ""), null, false, false);
      this.pattern = pattern;
      this.length = length;
      this.steps = steps;
      this.body = body;
    }

    /** True when it was the response body's budget for all its patterns that ran out, not this value's. */
    public boolean body() {
      return body;
    }

    /** The pattern as the author wrote it. */
    public String pattern() {
      return pattern;
    }

    /** The length of the value that was being matched. */
    public int length() {
      return length;
    }

    /** The steps taken before stopping. */
    public long steps() {
      return steps;
    }
  }

  /**
   * Compiles an ECMA-262 pattern.
   *
   * @throws InvalidPattern when the pattern is not valid, or uses ECMA-262 syntax that has no translation
   */
  public static SchemaRegex compile(String ecma) {
    String java = toJava(ecma);
    try {
      return new SchemaRegex(ecma, Pattern.compile(java));
    } catch (PatternSyntaxException e) {
      throw new InvalidPattern(e.getDescription());
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidPattern("a pattern Java cannot compile (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The pattern as written. */
  public String source() {
    return source;
  }

  /** The budget of one match on a value of {@code length} characters. */
  public static long budget(int length) {
    return BASE_STEPS + STEPS_PER_CHAR * length;
  }

  /**
   * Whether the pattern matches somewhere in {@code text} (JSON Schema patterns are not anchored).
   *
   * @throws BudgetExceeded when the match needs more than {@link #budget(int)} character reads
   */
  public boolean find(CharSequence text) {
    return find(pattern, source, text);
  }

  /**
   * As {@link #find(CharSequence)} for a pattern in Java's own syntax (a header expectation's), with the same
   * budget.
   *
   * @throws BudgetExceeded when the match needs more than {@link #budget(int)} character reads
   */
  public static boolean find(Pattern pattern, CharSequence text) {
    return find(pattern, pattern.pattern(), text);
  }

  private static boolean find(Pattern pattern, String source, CharSequence text) {
    Meter meter = METER.get();
    long own = budget(text.length());
    long budget = meter == null ? own : Math.min(own, Math.max(0, meter.left));
    Counting counting = new Counting(text, budget);
    try {
      Matcher m = pattern.matcher(counting);
      return m.find();
    } catch (Stop | StackOverflowError e) {
      throw new BudgetExceeded(source, text.length(), budget - Math.max(0, counting.left), budget < own);
    } finally {
      if (meter != null) {
        meter.left -= budget - Math.max(0, counting.left);
      }
    }
  }

  /**
   * Counts the pattern steps of one response body on this thread: {@link #STEPS_PER_BODY} for all of its
   * patterns together, and every match that went over budget is remembered instead of thrown (the schema's
   * {@code pattern} check then fails for that value, and the caller reports {@link Meter#exceeded()}).
   */
  public static Meter meter() {
    Meter m = new Meter(METER.get());
    METER.set(m);
    return m;
  }

  /** See {@link #meter()}; closing it ends the count on this thread. */
  public static final class Meter implements AutoCloseable {
    private final Meter outer;
    private long left = STEPS_PER_BODY;
    private final Map<String, BudgetExceeded> exceeded = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    private Meter(Meter outer) {
      this.outer = outer;
    }

    /** Every value that went over budget, with the value, in the order they happened. */
    public List<Map.Entry<String, BudgetExceeded>> exceeded() {
      List<Map.Entry<String, BudgetExceeded>> out = new ArrayList<>();
      for (String key : order) {
        out.add(Map.entry(key.substring(key.indexOf('\u0000') + 1), exceeded.get(key)));
      }
      return out;
    }

    boolean seen(String pattern, String value) {
      return exceeded.containsKey(pattern + '\u0000' + value);
    }

    void record(String value, BudgetExceeded e) {
      String key = e.pattern() + '\u0000' + value;
      if (exceeded.putIfAbsent(key, e) == null) {
        order.add(key);
      }
    }

    @Override
    public void close() {
      if (outer == null) {
        METER.remove();
      } else {
        METER.set(outer);
      }
    }
  }

  /**
   * What networknt compiles {@code pattern} and {@code patternProperties} with: the translation and the budget
   * above. Inside a {@link #meter()}, a value over budget does not match (and is remembered); outside of one,
   * it throws {@link BudgetExceeded}.
   */
  public static final RegularExpressionFactory FACTORY = regex -> {
    SchemaRegex compiled = compile(regex);
    return new RegularExpression() {
      @Override
      public boolean matches(String value) {
        Meter meter = METER.get();
        if (meter != null && meter.seen(regex, value)) {
          return false;
        }
        try {
          return compiled.find(value);
        } catch (BudgetExceeded e) {
          if (meter == null) {
            throw e;
          }
          meter.record(value, e);
          return false;
        }
      }
    };
  };

  /** Thrown by {@link Counting} past its budget; carries no stack, it only unwinds the matcher. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** A view of the value that counts the characters the matcher reads and stops it past the budget. */
  private static final class Counting implements CharSequence {
    private final CharSequence text;
    private long left;

    Counting(CharSequence text, long budget) {
      this.text = text;
      this.left = budget;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw new Stop();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  // ---- ECMA-262 → java.util.regex ----

  /**
   * Rewrites ECMA-262 syntax that {@code java.util.regex} lacks or reads differently; everything else is
   * passed on as it is.
   */
  static String toJava(String p) {
    StringBuilder out = new StringBuilder(p.length() + 8);
    Map<String, String> names = new HashMap<>();
    boolean inClass = false;
    int n = p.length();
    for (int i = 0; i < n; i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new InvalidPattern("a backslash at the end of the pattern");
        }
        char d = p.charAt(i + 1);
        if (d == 'u' && i + 2 < n && p.charAt(i + 2) == '{') {
          int close = p.indexOf('}', i + 3);
          String hex = close < 0 ? "" : p.substring(i + 3, close);
          if (!hex.matches("[0-9A-Fa-f]{1,6}") || Integer.parseInt(hex, 16) > 0x10FFFF) {
            throw new InvalidPattern("\\u{...} must hold a code point in hex, at most 10FFFF");
          }
          out.append("\\x{").append(hex).append('}');
          i = close;
        } else if (d == 'k' && i + 2 < n && p.charAt(i + 2) == '<') {
          int close = p.indexOf('>', i + 3);
          if (close < 0) {
            throw new InvalidPattern("\\k< without a closing '>'");
          }
          out.append("\\k<").append(javaName(p.substring(i + 3, close), names)).append('>');
          i = close;
        } else if ((d == 'p' || d == 'P') && i + 2 < n && p.charAt(i + 2) == '{') {
          int close = p.indexOf('}', i + 3);
          if (close < 0) {
            throw new InvalidPattern("\\" + d + "{ without a closing '}'");
          }
          out.append(p, i, close + 1); // a property such as \p{L}: its braces are not a quantifier
          i = close;
        } else if (d == 'v' || (d == 'b' && inClass)) {
          out.append(d == 'v' ? "\\x0B" : "\\x08"); // Java's \v is a class of line breaks; [\b] is a backspace
          i++;
        } else if (d == '0' && !(i + 2 < n && Character.isDigit(p.charAt(i + 2)))) {
          out.append("\\x00");
          i++;
        } else if (d == 'd' || d == 'D' || d == 'w' || d == 'W' || d == 's' || d == 'S' || d == 'b' || d == 'B'
            || d == 'p' || d == 'P' || d == 'u' || d == 'x' || d == 'c' || d == 'f' || d == 'n' || d == 'r'
            || d == 't' || d == 'k' || Character.isDigit(d) || !Character.isLetter(d)) {
          out.append(c).append(d);
          i++;
        } else {
          // ECMA-262 (Annex B) reads an unknown escape such as \a or \z as the letter; Java would not.
          out.append(Character.isLetterOrDigit(d) ? String.valueOf(d) : "\\" + d);
          i++;
        }
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
          out.append(']');
        } else if (c == '[' || c == '&') {
          // Java reads [a[b]] as a union and && as an intersection; in ECMA-262 both are plain characters.
          out.append('\\').append(c);
        } else {
          out.append(c);
        }
        continue;
      }
      switch (c) {
        case '[' -> {
          if (p.startsWith("[]", i)) {
            out.append("(?:(?!))"); // the empty class matches nothing
            i += 1;
          } else if (p.startsWith("[^]", i)) {
            out.append("[\\s\\S]"); // any character, line breaks included
            i += 2;
          } else {
            inClass = true;
            out.append('[');
            if (i + 1 < n && p.charAt(i + 1) == '^') {
              out.append('^');
              i++;
            }
            if (i + 1 < n && p.charAt(i + 1) == ']') {
              // never reached for [] and [^], kept for clarity: a ']' right after '[' closes the class
              out.append("\\]");
              i++;
            }
          }
        }
        case '(' -> {
          if (p.startsWith("(?<", i) && !p.startsWith("(?<=", i) && !p.startsWith("(?<!", i)) {
            int close = p.indexOf('>', i + 3);
            if (close < 0) {
              throw new InvalidPattern("a named group without a closing '>'");
            }
            out.append("(?<").append(javaName(p.substring(i + 3, close), names)).append('>');
            i = close;
          } else {
            out.append(c);
          }
        }
        case '{' -> {
          int end = quantifierEnd(p, i);
          if (end < 0) {
            out.append("\\{"); // Annex B: a brace that starts no quantifier is the character itself
          } else {
            out.append(p, i, end + 1);
            i = end;
          }
        }
        case '}' -> out.append("\\}");
        case '$' -> out.append("\\z"); // without the m flag, $ is the end of the input only
        default -> out.append(c);
      }
    }
    if (inClass) {
      throw new InvalidPattern("a character class '[' without its closing ']'");
    }
    return RegularExpressions.replaceLongformCharacterProperties(out.toString());
  }

  /** The index of the '}' of a quantifier {n}, {n,} or {n,m} starting at {@code i}, or -1. */
  private static int quantifierEnd(String p, int i) {
    int j = i + 1;
    int digits = 0;
    while (j < p.length() && Character.isDigit(p.charAt(j))) {
      j++;
      digits++;
    }
    if (digits == 0) {
      return -1;
    }
    if (j < p.length() && p.charAt(j) == ',') {
      j++;
      while (j < p.length() && Character.isDigit(p.charAt(j))) {
        j++;
      }
    }
    return j < p.length() && p.charAt(j) == '}' ? j : -1;
  }

  /** Java group names are letters and digits, starting with a letter; others get a stable stand-in. */
  private static String javaName(String name, Map<String, String> names) {
    if (name.matches("[A-Za-z][A-Za-z0-9]*")) {
      return name;
    }
    if (name.isEmpty()) {
      throw new InvalidPattern("a named group without a name");
    }
    return names.computeIfAbsent(name, k -> "cgName" + names.size() + "x");
  }
}
