package dev.contractgate.openapi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * One OpenAPI description converted into a contract version, in memory: the namespace it belongs to, its
 * endpoints, and its schema documents by tree-relative path ({@code ns/1.0.0/schemas/pets-list.200.schema.json}).
 *
 * @param namespace the namespace as the description defines it (base path, auth)
 * @param version the endpoints; their schema locations are keys of {@code schemas}
 * @param schemas schema documents by tree-relative path, in the order they were built
 * @param notes what the import skipped or derived, one sentence each (for people)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ImportedVersion(Namespace namespace, ContractVersion version, Map<String, JsonNode> schemas,
    List<String> notes) {

  public ImportedVersion {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
    notes = List.copyOf(notes);
  }

  /** Schema lookup by tree-relative path, {@code null} for unknown files (what the diff engine takes). */
  public Function<String, JsonNode> documents() {
    return schemas::get;
  }

  /**
   * Writes {@code tree/<ns>/<version>/} (and {@code tree/<ns>/namespace.yaml} when the namespace has none; an
   * existing one is kept). All or nothing: files are written into a hidden folder beside the target and then
   * moved into place.
   *
   * @param force replace an existing version folder
   * @return the version folder
   * @throws ContractException when the version exists and {@code force} is false, or the tree is not writable
   */
  public Path writeTo(Path tree, boolean force) {
    return ContractWriter.write(this, tree, force);
  }
}
