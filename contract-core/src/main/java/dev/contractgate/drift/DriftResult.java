package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Report;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a drift run found, per endpoint and overall.
 *
 * @param files the recordings read, as given
 * @param endpoints every endpoint of the checked versions, recorded or not, sorted by namespace and id
 * @param unmatched requests under a checked namespace's base path that match no endpoint, by method and path
 * @param unreadable lines or entries that are not exchanges: at most the configured number of examples,
 *     the value is the problem
 * @param unreadableCount how many there were
 * @param recordings items read, unreadable ones included
 * @param outsideNamespaces exchanges under no checked namespace's base path (pages, assets, other APIs),
 *     skipped
 * @param withoutResponse exchanges with status 0 (a HAR entry for a request that got no answer), skipped
 * @param truncated exchanges whose body the recorder cut, skipped
 * @param millis how long the run took
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DriftResult(
    List<String> files,
    List<EndpointDrift> endpoints,
    List<DriftGroup> unmatched,
    List<Sample> unreadable,
    long unreadableCount,
    long recordings,
    long outsideNamespaces,
    long withoutResponse,
    long truncated,
    long millis) {

  public DriftResult {
    files = List.copyOf(files);
    endpoints = List.copyOf(endpoints);
    unmatched = List.copyOf(unmatched);
    unreadable = List.copyOf(unreadable);
  }

  /** Responses matched to an endpoint and validated. */
  public long validated() {
    return endpoints.stream().mapToLong(EndpointDrift::count).sum();
  }

  /** Requests that matched no endpoint. */
  public long unmatchedCount() {
    return unmatched.stream().mapToLong(DriftGroup::count).sum();
  }

  /** The endpoint, if it was checked. */
  public java.util.Optional<EndpointDrift> endpoint(String namespace, String endpointId) {
    return endpoints.stream().filter(e -> e.namespace().equals(namespace) && e.endpoint().equals(endpointId)).findFirst();
  }

  /** Endpoints with recorded responses of which fewer than {@code minPercent} percent conform. */
  public List<EndpointDrift> below(double minPercent) {
    return endpoints.stream().filter(e -> e.below(minPercent)).toList();
  }
}
