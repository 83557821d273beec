package dev.contractgate.stub;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One canned answer of a stub backend, independent of the HTTP server that serves it (WireMock in the
 * command and the JUnit module, anything else in a user's test).
 *
 * @param namespace the namespace id
 * @param version the contract version it was generated from
 * @param endpoint the endpoint id
 * @param method upper-case HTTP method
 * @param pathRegex the full path as a regular expression: path parameters match one segment
 * @param tokenHeader the header that must be present for this answer, when the namespace requires a token
 * @param status the status to answer with
 * @param headers response headers
 * @param body response body (JSON text)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Stub(
    String namespace,
    String version,
    String endpoint,
    String method,
    String pathRegex,
    Optional<String> tokenHeader,
    int status,
    Map<String, String> headers,
    String body) {

  public Stub {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathRegex, "pathRegex");
    Objects.requireNonNull(tokenHeader, "tokenHeader");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** This stub answering with another body. */
  public Stub withBody(String newBody) {
    return new Stub(namespace, version, endpoint, method, pathRegex, tokenHeader, status, headers, newBody);
  }

  /** This stub with one header set (or removed when {@code value} is null). */
  public Stub withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    if (value != null) {
      h.put(name, value);
    }
    return new Stub(namespace, version, endpoint, method, pathRegex, tokenHeader, status, h, body);
  }

  /** This stub answering whether or not a token is sent. */
  public Stub withoutTokenCheck() {
    return new Stub(namespace, version, endpoint, method, pathRegex, Optional.empty(), status, headers, body);
  }
}
