package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ECMA-262 translation and the step budget, on their own. */
class SchemaRegexTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "[^]          | [\\s\\S]",
      "a[]b         | a(?:(?!))b",
      "(?<a_b>x)\\k<a_b> | (?<cgName0x>x)\\k<cgName0x>",
      "(?<ok>x)     | (?<ok>x)",
      "\\u{1F600}   | \\x{1F600}",
      "a{           | a\\{",
      "a{2,3}       | a{2,3}",
      "a{,3}        | a\\{,3\\}",
      "[[a&&b]      | [\\[a\\&\\&b]",
      "^a$          | ^a\\z",
      "[$]          | [$]",
      "\\v[\\b]\\0  | \\x0B[\\x08]\\x00",
      "\\p{Letter}  | \\p{L}",
      "(?<=a)(?<!b) | (?<=a)(?<!b)",
  })
  void should_translate_ecma_262_syntax_for_java(String ecma, String java) {
    assertThat(SchemaRegex.toJava(ecma.strip())).isEqualTo(java.strip());
    Pattern.compile(java.strip()); // and Java reads the result
  }

  @ParameterizedTest
  @ValueSource(strings = {"(", "[a", "a\\", "\\u{110000}", "(?<>x)", "a**"})
  void should_refuse_what_cannot_run_without_showing_a_rewritten_pattern(String ecma) {
    Throwable thrown = catchThrowable(() -> SchemaRegex.compile(ecma));
    assertThat(thrown).isInstanceOf(SchemaRegex.InvalidPattern.class);
    assertThat(thrown.getMessage()).doesNotContain("\\z").doesNotContain("cgName");
  }

  @Test
  void should_stop_a_match_past_its_budget_and_say_how_far_it_got() {
    SchemaRegex r = SchemaRegex.compile("^(a+)+\\1$");
    String value = "a".repeat(39) + "b";
    Throwable thrown = catchThrowable(() -> r.find(value));
    assertThat(thrown).isInstanceOfSatisfying(SchemaRegex.BudgetExceeded.class, e -> {
      assertThat(e.pattern()).isEqualTo("^(a+)+\\1$");
      assertThat(e.length()).isEqualTo(40);
      assertThat(e.steps()).isEqualTo(SchemaRegex.budget(40));
      assertThat(e.body()).isFalse();
    });
  }

  @Test
  void should_share_one_budget_across_the_values_of_a_body() {
    SchemaRegex r = SchemaRegex.compile("^(a+)+\\1$");
    int stopped = 0;
    boolean lastWasTheBody = false;
    try (SchemaRegex.Meter meter = SchemaRegex.meter()) {
      for (int i = 0; i < 60; i++) {
        try {
          r.find("a".repeat(39) + "b" + i);
        } catch (SchemaRegex.BudgetExceeded e) {
          stopped++;
          lastWasTheBody = e.body();
        }
      }
    }
    // About 50 values use up the body's budget; the rest stop at once.
    assertThat(stopped).isEqualTo(60);
    assertThat(lastWasTheBody).isTrue();
    assertThat(SchemaRegex.compile("^a+$").find("aaa")).isTrue();
  }
}
