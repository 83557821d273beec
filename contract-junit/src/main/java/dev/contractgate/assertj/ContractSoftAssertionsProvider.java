package dev.contractgate.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.junit.ContractResponse;
import dev.contractgate.validate.ValidationResult;
import org.apiguardian.api.API;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft variants of {@link ContractAssertions}; mix it into your own soft-assertion class to combine them with
 * other providers.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ContractSoftAssertionsProvider extends SoftAssertionsProvider {

  /** Like {@link ContractAssertions#assertThat(ContractResponse)}, collecting failures. */
  @CheckReturnValue
  default ResponseAssert assertThat(ContractResponse actual) {
    return proxy(ResponseAssert.class, ContractResponse.class, actual);
  }

  /** Like {@link ContractAssertions#assertThat(ValidationResult)}, collecting failures. */
  @CheckReturnValue
  default ValidationResultAssert assertThat(ValidationResult actual) {
    return proxy(ValidationResultAssert.class, ValidationResult.class, actual);
  }
}
