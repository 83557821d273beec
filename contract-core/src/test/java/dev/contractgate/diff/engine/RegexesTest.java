package dev.contractgate.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexesTest {

  private static Regexes.Verdict cmp(String o, String n) {
    Regexes.Verdict v = Regexes.compare(o, 0, -1, n, 0, -1);
    if (v.decided()) {
      if (v.gained() != null) {
        assertThat(n == null || Pattern.compile(n).matcher(v.gained()).find()).isTrue();
        assertThat(o != null && Pattern.compile(o).matcher(v.gained()).find()).isFalse();
      }
      if (v.lost() != null) {
        assertThat(o == null || Pattern.compile(o).matcher(v.lost()).find()).isTrue();
        assertThat(n != null && Pattern.compile(n).matcher(v.lost()).find()).isFalse();
      }
    }
    return v;
  }

  @Test
  void a_rewrite_that_keeps_the_language_is_equal() {
    assertThat(cmp("^[0-9]+$", "^\\d+$")).isEqualTo(new Regexes.Verdict(null, null, null));
    assertThat(cmp("^[A-Za-z0-9_]{3}$", "^\\w\\w\\w$")).isEqualTo(new Regexes.Verdict(null, null, null));
    assertThat(cmp("abc", ".*abc")).isEqualTo(new Regexes.Verdict(null, null, null));
    assertThat(cmp("^(?:a|b)", "^[ab]")).isEqualTo(new Regexes.Verdict(null, null, null));
  }

  @Test
  void narrowed_widened_and_incomparable_carry_witnesses() {
    Regexes.Verdict wider = cmp("^[a-z]+$", "^[a-z0-9]+$");
    assertThat(wider.gained()).isNotNull();
    assertThat(wider.lost()).isNull();
    Regexes.Verdict narrower = cmp("abc", "^abc");
    assertThat(narrower.gained()).isNull();
    assertThat(narrower.lost()).isEqualTo(" abc");
    Regexes.Verdict both = cmp("^a", "^b");
    assertThat(both.gained()).isEqualTo("b");
    assertThat(both.lost()).isEqualTo("a");
  }

  @Test
  void a_pattern_is_unanchored() {
    Regexes.Compiled c = Regexes.compile("a|^b$");
    assertThat(Regexes.finds(c, "xxax")).isTrue();
    assertThat(Regexes.finds(c, "b")).isTrue();
    assertThat(Regexes.finds(c, "xb")).isFalse();
    assertThat(Regexes.finds(Regexes.compile("a^b"), "a^b")).isFalse();
    assertThat(Regexes.finds(Regexes.compile("$^"), "")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("$^"), "x")).isFalse();
    assertThat(Regexes.finds(Regexes.compile("^$"), "")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("(^|x)a"), "ba")).isFalse();
    assertThat(Regexes.finds(Regexes.compile("(^|x)a"), "bxa")).isTrue();
  }

  @Test
  void what_is_not_regular_or_not_exact_stays_unknown_with_a_reason() {
    assertThat(Regexes.compile("^(a+)\\1$").reason()).contains("back-reference");
    assertThat(Regexes.compile("^(?=a)").reason()).contains("look-around");
    assertThat(Regexes.compile("(?<!a)b").reason()).contains("look-around");
    assertThat(Regexes.compile("\\bword").reason()).contains("word boundary");
    assertThat(Regexes.compile("\\p{L}").reason()).contains("unicode flag");
    assertThat(Regexes.compile("(^a)*").reason()).contains("anchor");
    assertThat(Regexes.compile("a{2").exact()).isFalse();
    assertThat(Regexes.compile("(a").exact()).isFalse();
    assertThat(cmp("^a", "(a)\\1").decided()).isFalse();
  }

  @Test
  void the_state_bound_refuses_blowups_quickly() {
    long t = System.nanoTime();
    Regexes.Compiled c = Regexes.compile("a[ab]{40}$");
    assertThat(c.exact()).isFalse();
    assertThat(c.reason()).contains("states");
    assertThat(System.nanoTime() - t).isLessThan(5_000_000_000L);
  }

  @Test
  void lengths_restrict_the_comparison() {
    // the new pattern accepts longer strings, but maxLength keeps them out
    Regexes.Verdict v = Regexes.compare("^[a-z]{1,3}$", 0, 3, "^[a-z]+$", 0, 3);
    assertThat(v.decided()).isTrue();
    assertThat(v.gained()).isNull();
    assertThat(v.lost()).isNull();
  }

  @Test
  void escapes_and_classes_follow_ecma_262() {
    assertThat(Regexes.finds(Regexes.compile("^\\s$"), "\u00a0")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^.$"), "\n")).isFalse();
    assertThat(Regexes.finds(Regexes.compile("^.$"), "\u2028")).isFalse();
    assertThat(Regexes.finds(Regexes.compile("^[\\b]$"), "\b")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^\\u0041\\x42\\cJ$"), "AB\n")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^[^]$"), "z")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^[-a]+$"), "-a")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^[a-]+$"), "-a")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^(?<year>\\d{4})-\\d{2}$"), "2024-01")).isTrue();
    assertThat(Regexes.finds(Regexes.compile("^\\+?[1-9]\\d{1,14}$"), "+4917612345678")).isTrue();
  }
}
