package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A response as the backend sent it: status, headers and body text.
 *
 * @param status the HTTP status
 * @param headers header values by lower-case name, in the order received
 * @param body the body as text (UTF-8), empty when there is none
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ObservedResponse(int status, Map<String, List<String>> headers, String body) {

  public ObservedResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
    lower.replaceAll((k, v) -> List.copyOf(v));
    headers = Collections.unmodifiableMap(lower);
  }

  /** A JSON response with {@code Content-Type: application/json}. */
  public static ObservedResponse json(int status, String body) {
    return new ObservedResponse(status, Map.of("Content-Type", List.of("application/json")), body);
  }

  /** This response with one more header value. */
  public ObservedResponse withHeader(String name, String value) {
    Map<String, List<String>> copy = new TreeMap<>(headers);
    List<String> values = new ArrayList<>(copy.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    values.add(value);
    copy.put(name.toLowerCase(Locale.ROOT), values);
    return new ObservedResponse(status, copy, body);
  }

  /** All values of a header (case-insensitive name). */
  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }
}
