package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Consumer(
    String id,
    String namespace,
    SemVer version,
    List<String> owners,
    Map<String, List<String>> reads,
    String file) {

  public Consumer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    owners = List.copyOf(owners);
    reads = Map.copyOf(reads);
    Objects.requireNonNull(file, "file");
  }
}
