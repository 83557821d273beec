package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the backend answered to one call, together with the contract endpoint and version it was called by,
 * so that {@code assertThat(response).matchesContract()} knows what to check against.
 *
 * <p>Not a record on purpose: it remembers the token values the call sent, to {@link #redact} them from
 * messages, and a record would expose them as a component and in {@code toString()}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractResponse {

  private static final String REDACTED = "(redacted)";

  private final ContractRegistry registry;
  private final ContractVersion version;
  private final Endpoint endpoint;
  private final String request;
  private final ObservedResponse response;
  private final List<String> secrets;

  ContractResponse(ContractRegistry registry, ContractVersion version, Endpoint endpoint, String request,
      ObservedResponse response, List<String> secrets) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.version = Objects.requireNonNull(version, "version");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.request = Objects.requireNonNull(request, "request");
    this.response = Objects.requireNonNull(response, "response");
    this.secrets = secrets.stream().filter(s -> !s.isBlank()).toList();
  }

  /**
   * A response obtained some other way (MockMvc, a recorded file, your own HTTP client), to be asserted
   * against an endpoint of a contract version.
   */
  public static ContractResponse of(ContractRegistry registry, ContractVersion version, Endpoint endpoint,
      ObservedResponse response) {
    return new ContractResponse(registry, version, endpoint,
        endpoint.method() + " " + endpoint.fullPath(registry.requireNamespace(version.namespace()).basePath()),
        response, List.of());
  }

  /** The contracts the call was made by. */
  public ContractRegistry registry() {
    return registry;
  }

  /** The contract version the call was made by. */
  public ContractVersion version() {
    return version;
  }

  /** The endpoint that was called. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** {@code GET /api/ivanpin/services/blog/list.php?lang=ru}: method, path and query, never a header. */
  public String request() {
    return request;
  }

  public int status() {
    return response.status();
  }

  /** Header values by lower-case name. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** All values of a header (case-insensitive name). */
  public List<String> header(String name) {
    return response.header(name);
  }

  /** The body as text, empty when there was none. */
  public String body() {
    return response.body();
  }

  /** Status, headers and body, as the core validator takes them. */
  public ObservedResponse observed() {
    return response;
  }

  /** Checks this response against the endpoint it was called by. */
  public ValidationResult validate() {
    return ResponseValidator.of(registry).validate(version, endpoint, response);
  }

  /**
   * The text with every token value this call sent replaced by {@code (redacted)}, including truncated
   * prefixes of it: a backend that echoes the token must not leak it into a test report.
   */
  public String redact(String text) {
    return dev.contractgate.record.Redaction.maskSecrets(text, secrets, REDACTED);
  }

  /** {@code ContractResponse[ivanpin@1.2.0 blog.list, GET /api/... -> 200, 512 chars]}: no headers, no body. */
  @Override
  public String toString() {
    return "ContractResponse[" + version.label() + " " + endpoint.id() + ", " + redact(request) + " -> "
        + response.status() + ", " + response.body().length() + " chars]";
  }
}
