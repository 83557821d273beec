package dev.contractgate.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.junit.ContractResponse;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.report.Facts;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ContractResponse}. Failure messages name the contract, the endpoint and every
 * violation, with the token the call sent redacted.
 *
 * <p>Not final, and its methods neither: {@link ContractSoftAssertions} subclasses it at runtime to collect
 * failures. Do not subclass it yourself.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ResponseAssert extends AbstractAssert<ResponseAssert, ContractResponse> {

  /** Use {@link ContractAssertions#assertThat(ContractResponse)}; public for soft assertions only. */
  public ResponseAssert(ContractResponse actual) {
    super(actual, ResponseAssert.class);
  }

  /**
   * Verifies that the response matches the contract of the endpoint it was called by: a declared status,
   * the headers and cookies the contract asks for, and a body that validates against the schema.
   *
   * <pre>{@code
   * // passes when the backend answers as ivanpin@1.2.0 blog.list promises
   * assertThat(client.call("ivanpin", "blog.list")).matchesContract();
   *
   * // fails with one block per violation:
   * //   Response does not match contract ivanpin@1.2.0 blog.list (GET ...), status 200 (1 violation)
   * //
   * //   [1] at /items/0/title
   * //       expected: type "string"
   * //       but was : number 42
   * //       ...
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ResponseAssert matchesContract() {
    isNotNull();
    return check(actual.validate());
  }

  /**
   * Verifies that the response matches an endpoint of the newest version of a namespace, whatever endpoint
   * it was called by.
   *
   * <pre>{@code
   * assertThat(response).matchesContract("ivanpin", "blog.list");   // passes or fails as matchesContract()
   * assertThat(response).matchesContract("ivanpin", "no.such");     // fails: names the known endpoints
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ResponseAssert matchesContract(String namespace, String endpointId) {
    isNotNull();
    ContractRegistry registry = actual.registry();
    return check(against(registry, registry.latest(namespace), endpointId));
  }

  /**
   * Verifies that the response matches an endpoint of a given contract version, e.g. the one a frontend is
   * pinned to.
   *
   * <pre>{@code
   * assertThat(response).matchesContract("ivanpin", "1.0.0", "blog.list");   // still served to old frontends?
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ResponseAssert matchesContract(String namespace, String version, String endpointId) {
    isNotNull();
    ContractRegistry registry = actual.registry();
    return check(against(registry, registry.requireVersion(namespace, version), endpointId));
  }

  /**
   * Same as {@link #matchesContract()}; reads better after another assertion.
   *
   * <pre>{@code
   * assertThat(response).hasStatus(200).hasNoViolations();
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ResponseAssert hasNoViolations() {
    return matchesContract();
  }

  /**
   * Verifies that validating the response against its endpoint finds a violation at a JSON pointer (or at
   * {@code header:Vary}, {@code status}, {@code cookie:NAME}): for tests that prove a check catches a
   * broken response.
   *
   * <pre>{@code
   * assertThat(responseWithoutTitle).hasViolationAt("/items/0/title");   // passes
   * assertThat(validResponse).hasViolationAt("/items/0/title");          // fails: "but was : no violations"
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ResponseAssert hasViolationAt(String pointer) {
    isNotNull();
    ValidationResult result = actual.validate();
    if (!Failures.hasViolationAt(result, pointer)) {
      throw failure(Failures.literal(actual.redact(Failures.noViolationAt(result, pointer))));
    }
    return myself;
  }

  /**
   * Verifies the HTTP status; a failure carries expected and actual values for the IDE's diff view.
   *
   * <pre>{@code
   * assertThat(response).hasStatus(200);   // fails for a 404: "expected: 200, but was : 404"
   * }</pre>
   *
   * @return this
   * @since 0.1
   */
  public ResponseAssert hasStatus(int expected) {
    isNotNull();
    if (actual.status() != expected) {
      StringBuilder b = new StringBuilder("Expected status " + expected + " from " + actual.version().label()
          + " " + actual.endpoint().id() + " (" + actual.request() + ")");
      Facts.append(b, "expected", String.valueOf(expected));
      Facts.append(b, "but was", String.valueOf(actual.status()));
      String message = b.toString();
      throw failureWithActualExpected(actual.status(), expected, Failures.literal(actual.redact(message)));
    }
    return myself;
  }

  private ValidationResult against(ContractRegistry registry, ContractVersion version, String endpointId) {
    return ResponseValidator.of(registry).validate(version, registry.requireEndpoint(version, endpointId), actual.observed());
  }

  private ResponseAssert check(ValidationResult result) {
    if (!result.isValid()) {
      throw failure(Failures.literal(actual.redact(result.render())));
    }
    return myself;
  }
}
