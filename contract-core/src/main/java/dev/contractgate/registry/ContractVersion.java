package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One version of one namespace's contract: the endpoints it promises.
 *
 * @param namespace the namespace id
 * @param version its semantic version
 * @param description what changed in this version, may be empty
 * @param endpoints in file order
 * @param file the {@code endpoints.yaml} it was read from (tree-relative)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContractVersion(
    String namespace, SemVer version, String description, List<Endpoint> endpoints, String file) {

  public ContractVersion {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(file, "file");
  }

  /** The endpoint with this id. */
  public Optional<Endpoint> endpoint(String id) {
    return endpoints.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** {@code ivanpin@1.2.0}: how findings and messages name a version. */
  public String label() {
    return namespace + "@" + version;
  }
}
