package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * One operation of a contract version: method, path, request and response schemas, header expectations and
 * the probe the live gate sends.
 *
 * @param id unique in its version, e.g. {@code blog.list}
 * @param method upper-case HTTP method
 * @param path relative to the namespace's base path; {@code {name}} marks a path parameter
 * @param summary free text, may be empty
 * @param deprecated whether consumers should move away from it
 * @param sunset when a deprecated endpoint may be removed
 * @param featureFlag the backend-owned flag of the feature this endpoint serves, if any (a boolean response
 *     field, or the endpoint itself)
 * @param request schemas of the query and body
 * @param responses by HTTP status, sorted
 * @param probe the request a live check sends, if declared
 * @param source where it is declared
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Endpoint(
    String id,
    String method,
    String path,
    String summary,
    boolean deprecated,
    Optional<LocalDate> sunset,
    Optional<FeatureFlag> featureFlag,
    Request request,
    Map<Integer, Response> responses,
    Optional<Probe> probe,
    SourceLocation source) {

  public Endpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(sunset, "sunset");
    Objects.requireNonNull(featureFlag, "featureFlag");
    Objects.requireNonNull(request, "request");
    responses = Collections.unmodifiableMap(new TreeMap<>(responses));
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(source, "source");
  }

  /** The full path under a base path: {@code /api/ivanpin/services/blog/list.php}. */
  public String fullPath(String basePath) {
    return basePath.endsWith("/") ? basePath + path : basePath + "/" + path;
  }

  /**
   * The request side of an endpoint.
   *
   * @param query schema of the query parameters, seen as one JSON object
   * @param body schema of the JSON request body
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Request(Optional<SourceLocation> query, Optional<SourceLocation> body) {
    public Request {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(body, "body");
    }

    public static Request none() {
      return new Request(Optional.empty(), Optional.empty());
    }
  }

  /**
   * What the endpoint answers with one status.
   *
   * @param status the HTTP status
   * @param schema the body schema, if the body is JSON
   * @param contentType the expected media type (parameters ignored when comparing)
   * @param headers expectations by header name, sorted case-insensitively
   * @param cookies cookies the response must set
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Response(
      int status,
      Optional<SourceLocation> schema,
      Optional<String> contentType,
      List<HeaderExpectation> headers,
      List<String> cookies) {
    public Response {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(contentType, "contentType");
      headers = List.copyOf(headers);
      cookies = List.copyOf(cookies);
    }
  }

  /**
   * The request a live check sends to this endpoint.
   *
   * @param pathParams values for the path's {@code {name}} parameters
   * @param query query parameters
   * @param body JSON body, if any
   * @param expectStatus the status the check expects
   * @param state the provider state the backend must be in before the probe is sent (a state handler of the
   *     test class, or the {@code verify --state-hook}, sets it up), if any
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Probe(
      Map<String, String> pathParams, Map<String, String> query, Optional<JsonNode> body, int expectStatus,
      Optional<String> state) {
    public Probe {
      pathParams = Collections.unmodifiableMap(new TreeMap<>(pathParams));
      query = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(state, "state");
    }

    /** A probe that needs no provider state. */
    public Probe(Map<String, String> pathParams, Map<String, String> query, Optional<JsonNode> body, int expectStatus) {
      this(pathParams, query, body, expectStatus, Optional.empty());
    }
  }
}
