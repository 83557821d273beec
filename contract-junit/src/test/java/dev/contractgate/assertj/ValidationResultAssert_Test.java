package dev.contractgate.assertj;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contractgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ValidationResultAssert_Test {

  private static final ValidationResult VALID = Responses.validBlogList().validate();
  private static final ValidationResult BROKEN = Responses.brokenBlogList().validate();

  @Test
  void has_no_violations_passes_for_a_valid_result() {
    assertThat(VALID).hasNoViolations().hasViolationCount(0);
  }

  @Test
  void has_no_violations_fails_with_the_rendered_result() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(BROKEN).hasNoViolations());
    // THEN
    assertThat(thrown).hasMessage(BROKEN.render());
  }

  @Test
  void has_violation_at_passes_and_fails_by_pointer() {
    // WHEN
    assertThat(BROKEN).hasViolationAt("/items/0/title");
    Throwable thrown = catchThrowable(() -> assertThat(VALID).hasViolationAt("/items/0/title"));
    // THEN
    assertThat(thrown).hasMessageContaining("expected: a violation at /items/0/title")
        .hasMessageEndingWith("but was : no violations");
  }

  @Test
  void has_violation_count_fails_with_expected_and_actual_counts() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(BROKEN).hasViolationCount(1));
    // THEN
    assertThat(thrown).isInstanceOfSatisfying(AssertionFailedError.class, e -> {
      assertThat(e.getExpected().getValue()).isEqualTo(1);
      assertThat(e.getActual().getValue()).isEqualTo(2);
    });
    assertThat(thrown).hasMessageStartingWith("Expected 1 violation but found 2").hasMessageContaining(BROKEN.render());
  }
}
