package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the recordings of one endpoint showed.
 *
 * @param namespace the namespace id
 * @param version the contract version checked against
 * @param endpoint the endpoint id
 * @param request method and full path template, e.g. {@code GET /api/ivanpin/services/blog/{slug}/}
 * @param count responses recorded for it (truncated bodies are not counted)
 * @param conforming how many of them had no violation
 * @param violations violations grouped by rule, pointer pattern and schema location, most frequent first
 * @param unknownFields properties seen in bodies that the schema does not declare, by pointer pattern
 * @param disallowedValues values seen where the schema has an {@code enum} that does not list them, one group
 *     per pattern and value
 * @param neverSeen property patterns the schema declares that no recorded body had
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EndpointDrift(
    String namespace,
    String version,
    String endpoint,
    String request,
    long count,
    long conforming,
    List<DriftGroup> violations,
    List<DriftGroup> unknownFields,
    List<DriftGroup> disallowedValues,
    List<String> neverSeen) {

  public EndpointDrift {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(request, "request");
    violations = List.copyOf(violations);
    unknownFields = List.copyOf(unknownFields);
    disallowedValues = List.copyOf(disallowedValues);
    neverSeen = List.copyOf(neverSeen);
  }

  /** Percent of conforming responses, 100 when nothing was recorded. */
  public double conformance() {
    return count == 0 ? 100.0 : 100.0 * conforming / count;
  }

  /** {@code ivanpin@1.2.0}. */
  public String label() {
    return namespace + "@" + version;
  }

  /** True when responses were recorded and fewer than {@code minPercent} percent conform. */
  public boolean below(double minPercent) {
    return count > 0 && conformance() < minPercent;
  }
}
