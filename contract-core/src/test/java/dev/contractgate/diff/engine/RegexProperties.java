package dev.contractgate.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The translation of ECMA-262 patterns into automata agrees with {@code java.util.regex} {@code find()} on
 * random regular patterns from a small grammar and random strings over a small alphabet (on that alphabet,
 * without line terminators or non-ASCII spaces, ECMA-262 and Java read the same patterns the same way).
 */
class RegexProperties {

  private static final String ALPHABET = "abc01_- .x";

  @Property(tries = 1500, seed = "20261203")
  void the_automaton_finds_what_java_finds_fixed_seed(@ForAll long seed) {
    check(seed);
    Statistics.coverage(c -> c.check("exact").percentage(p -> p > 85));
  }

  @Property(tries = 300)
  void the_automaton_finds_what_java_finds_random_seeds(@ForAll long seed) {
    check(seed);
  }

  private static void check(long seed) {
    Random r = new Random(seed);
    String pattern = pattern(r, 2);
    Pattern java = Pattern.compile(pattern);
    Regexes.Compiled c = Regexes.compile(pattern);
    if (!c.exact()) {
      // this grammar is regular: only an anchor inside a repetition, or the state bound, refuses it
      assertThat(c.reason()).as(pattern).containsAnyOf("anchor", "states");
      Statistics.collect(c.reason().contains("anchor") ? "anchor in a repetition" : "state bound");
      return;
    }
    Statistics.collect("exact");
    for (int k = 0; k < 60; k++) {
      StringBuilder s = new StringBuilder();
      int len = r.nextInt(9);
      for (int j = 0; j < len; j++) {
        s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      String text = s.toString();
      assertThat(Regexes.finds(c, text)).as("/%s/ on \"%s\"", pattern, text).isEqualTo(java.matcher(text).find());
    }
    Automaton sigma = BasicAutomata.makeCharSet(ALPHABET).repeat();
    String in = c.find().intersection(sigma).getShortestExample(true);
    if (in != null) {
      assertThat(java.matcher(in).find()).as("/%s/ on its own example \"%s\"", pattern, in).isTrue();
    }
    String out = sigma.minus(c.find()).getShortestExample(true);
    if (out != null) {
      assertThat(java.matcher(out).find()).as("/%s/ on its counter-example \"%s\"", pattern, out).isFalse();
    }
  }

  /** A random pattern: alternatives of sequences of quantified atoms, anchors anywhere. */
  static String pattern(Random r, int depth) {
    StringBuilder b = new StringBuilder();
    int alts = 1 + (r.nextInt(4) == 0 ? 1 : 0);
    for (int a = 0; a < alts; a++) {
      if (a > 0) {
        b.append('|');
      }
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) {
        int pick = r.nextInt(20);
        if (pick == 0) {
          b.append('^');
          continue;
        }
        if (pick == 1) {
          b.append('$');
          continue;
        }
        b.append(atom(r, depth));
        b.append(quantifier(r));
      }
    }
    return b.toString();
  }

  private static String atom(Random r, int depth) {
    int pick = r.nextInt(depth > 0 ? 14 : 12);
    switch (pick) {
      case 0: return ".";
      case 1: return "\\d";
      case 2: return "\\w";
      case 3: return "\\s";
      case 4: return "\\D";
      case 5: return "[abc]";
      case 6: return "[^a0]";
      case 7: return "[a-c0-1]";
      case 8: return "[\\d_-]";
      case 9: return "\\.";
      case 10: return "\\x61";
      case 11: return String.valueOf("abc01_-x".charAt(r.nextInt(8)));
      case 12: return "(?:" + pattern(r, depth - 1) + ")";
      default: return "(" + pattern(r, depth - 1) + ")";
    }
  }

  private static String quantifier(Random r) {
    switch (r.nextInt(12)) {
      case 0: return "*";
      case 1: return "+";
      case 2: return "?";
      case 3: return "{2}";
      case 4: return "{1,3}";
      case 5: return "{2,}";
      case 6: return "*?";
      case 7: return "{0,2}";
      default: return "";
    }
  }
}
