package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.validate.ObservedResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One recorded request and its response, as a recording holds it: already redacted.
 *
 * @param time when the exchange happened, if the source says
 * @param method upper-case HTTP method ({@code ANY} for a WireMock mapping that matches every method)
 * @param target path and query as sent, e.g. {@code /api/ivanpin/services/blog/list.php?lang=ru}
 * @param status the response status
 * @param headers selected response headers by lower-case name, redacted
 * @param body the response body as text, redacted; empty when there was none
 * @param truncated true when the body was longer than the recorder's limit and is cut
 * @param namespace the namespace the recorder matched, if it had a registry
 * @param endpoint the endpoint id the recorder matched, if any
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordedExchange(
    Optional<Instant> time,
    String method,
    String target,
    int status,
    Map<String, List<String>> headers,
    String body,
    boolean truncated,
    Optional<String> namespace,
    Optional<String> endpoint) {

  public RecordedExchange {
    Objects.requireNonNull(time, "time");
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(target, "target");
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
    lower.replaceAll((k, v) -> List.copyOf(v));
    headers = Collections.unmodifiableMap(lower);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** The target without its query. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** All values of a response header (case-insensitive name). */
  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The response part, for {@link dev.contractgate.validate.ResponseValidator}. */
  public ObservedResponse response() {
    return new ObservedResponse(status, headers, body);
  }
}
