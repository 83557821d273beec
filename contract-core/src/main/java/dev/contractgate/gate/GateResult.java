package dev.contractgate.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * All probes of one live-gate run, sorted by namespace, endpoint and kind.
 *
 * @param baseUrl the backend that was checked
 * @param results one per probe
 * @param millis wall time of the whole run
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GateResult(String baseUrl, List<ProbeResult> results, long millis) {

  public GateResult {
    Objects.requireNonNull(baseUrl, "baseUrl");
    results = results.stream()
        .sorted(Comparator.comparing(ProbeResult::namespace)
            .thenComparing(ProbeResult::endpoint)
            .thenComparing(ProbeResult::kind))
        .toList();
  }

  public boolean passed() {
    return results.stream().noneMatch(r -> r.outcome().failed());
  }

  /** True when no probe got any response: the backend is down or the URL is wrong, not the contract. */
  public boolean unreachable() {
    return !results.isEmpty() && results.stream().allMatch(r -> r.outcome() == ProbeResult.Outcome.UNREACHABLE);
  }

  public long failures() {
    return results.stream().filter(r -> r.outcome().failed()).count();
  }
}
