package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A frontend that reads one namespace: the contract version it was built against and, optionally, the
 * fields it reads per endpoint (JSON pointer patterns where {@code *} matches one array index or key).
 *
 * @param id file name without {@code .yaml}, e.g. {@code ivanpin-web}
 * @param namespace the namespace it calls
 * @param version the contract version it is built against
 * @param owners who to ask about it
 * @param reads endpoint id to pointer patterns; empty when the consumer does not declare them
 * @param file where it is declared (tree-relative)
 * @param gated endpoint id to (pointer pattern to the flag it is read behind, as {@code when:} names it: a field
 *     name, a flag pointer, or {@code endpoint}); only the gated reads appear
 * @since 0.2
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Consumer(
    String id,
    String namespace,
    SemVer version,
    List<String> owners,
    Map<String, List<String>> reads,
    String file,
    Map<String, Map<String, String>> gated) {

  public Consumer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    owners = List.copyOf(owners);
    reads = Map.copyOf(reads);
    Objects.requireNonNull(file, "file");
    Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>();
    gated.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    gated = java.util.Collections.unmodifiableMap(copy);
  }

  /** A consumer whose reads are all ungated. */
  public Consumer(String id, String namespace, SemVer version, List<String> owners, Map<String, List<String>> reads,
      String file) {
    this(id, namespace, version, owners, reads, file, Map.of());
  }

  /** The flag a read is behind ({@code when:}), if it is gated. */
  public Optional<String> when(String endpoint, String pointer) {
    return Optional.ofNullable(gated.getOrDefault(endpoint, Map.of()).get(pointer));
  }
}
