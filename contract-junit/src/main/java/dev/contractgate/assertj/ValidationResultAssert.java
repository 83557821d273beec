package dev.contractgate.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Facts;
import dev.contractgate.validate.ValidationResult;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ValidationResult}, e.g. from validating a recorded response.
 *
 * <p>Not final, and its methods neither: {@link ContractSoftAssertions} subclasses it at runtime to collect
 * failures. Do not subclass it yourself.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ValidationResultAssert extends AbstractAssert<ValidationResultAssert, ValidationResult> {

  /** Use {@link ContractAssertions#assertThat(ValidationResult)}; public for soft assertions only. */
  public ValidationResultAssert(ValidationResult actual) {
    super(actual, ValidationResultAssert.class);
  }

  /**
   * Verifies that the response had no violations; the failure message is {@link ValidationResult#render()}.
   *
   * <pre>{@code
   * assertThat(validator.validate("ivanpin", "1.2.0", "blog.list", conforming)).hasNoViolations();  // passes
   * assertThat(validator.validate("ivanpin", "1.2.0", "blog.list", broken)).hasNoViolations();      // fails
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ValidationResultAssert hasNoViolations() {
    isNotNull();
    if (!actual.isValid()) {
      throw failure(Failures.literal(actual.render()));
    }
    return myself;
  }

  /**
   * Verifies that there is a violation at a JSON pointer (or {@code header:Vary}, {@code status}, ...).
   *
   * <pre>{@code
   * assertThat(resultOfBodyWithoutTitle).hasViolationAt("/items/0/title");   // passes
   * assertThat(resultOfConformingBody).hasViolationAt("/items/0/title");     // fails
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ValidationResultAssert hasViolationAt(String pointer) {
    isNotNull();
    if (!Failures.hasViolationAt(actual, pointer)) {
      throw failure(Failures.literal(Failures.noViolationAt(actual, pointer)));
    }
    return myself;
  }

  /**
   * Verifies the number of violations; a failure carries expected and actual counts.
   *
   * <pre>{@code
   * assertThat(result).hasViolationCount(2);   // fails for 1: "expected: 2, but was : 1" plus the rendering
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ValidationResultAssert hasViolationCount(int expected) {
    isNotNull();
    int count = actual.violations().size();
    if (count != expected) {
      StringBuilder b = new StringBuilder("Expected " + expected + (expected == 1 ? " violation" : " violations")
          + " but found " + count);
      Facts.append(b, "expected", String.valueOf(expected));
      Facts.append(b, "but was", String.valueOf(count));
      throw failureWithActualExpected(count, expected, Failures.literal(b + "\n\n" + actual.render()));
    }
    return myself;
  }
}
