package dev.contractgate.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.VersionDiff;
import dev.contractgate.junit.ContractResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Entry point for contract assertions; import its {@code assertThat} methods statically next to AssertJ's.
 *
 * <pre>{@code
 * assertThat(client.call("ivanpin", "blog.list")).hasStatus(200).matchesContract();
 * assertThat(ResponseValidator.of(registry).validate("ivanpin", "1.2.0", "blog.list", observed)).hasNoViolations();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractAssertions {

  private ContractAssertions() {}

  /** Assertions on a response returned by {@link dev.contractgate.junit.ContractClient}. */
  @CheckReturnValue
  public static ResponseAssert assertThat(ContractResponse actual) {
    return new ResponseAssert(actual);
  }

  /** Assertions on the outcome of {@link dev.contractgate.validate.ResponseValidator}. */
  @CheckReturnValue
  public static ValidationResultAssert assertThat(ValidationResult actual) {
    return new ValidationResultAssert(actual);
  }

  /**
   * Assertions on the diff of two contract versions: {@code assertThat(diff).hasNoBreakingChanges()}.
   *
   * @since 0.1
   */
  @CheckReturnValue
  public static VersionDiffAssert assertThat(VersionDiff actual) {
    return new VersionDiffAssert(actual);
  }
}
