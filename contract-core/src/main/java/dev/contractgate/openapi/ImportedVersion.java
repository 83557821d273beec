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
 * @param surface what the description says beyond the contract (form bodies, header parameters, security
 *     ...), which {@link OpenApiImport#compare} compares too
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ImportedVersion(Namespace namespace, ContractVersion version, Map<String, JsonNode> schemas,
    List<String> notes, Surface surface) {

  public ImportedVersion {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
    notes = List.copyOf(notes);
    Objects.requireNonNull(surface, "surface");
  }

  /** A version with nothing beyond its contract. */
  public ImportedVersion(Namespace namespace, ContractVersion version, Map<String, JsonNode> schemas,
      List<String> notes) {
    this(namespace, version, schemas, notes, Surface.EMPTY);
  }

  /**
   * Schema lookup by tree-relative path, {@code null} for unknown files (what the diff engine takes): the
   * version's schemas, then the description's side schemas that only the diff compares.
   */
  public Function<String, JsonNode> documents() {
    return file -> {
      JsonNode doc = schemas.get(file);
      return doc != null ? doc : surface.schemas().get(file);
    };
  }

  /**
   * What the diff of this description reads only in part or not at all: the import's notes and the
   * surface's, one sentence each.
   */
  public List<String> diffNotes() {
    List<String> out = new java.util.ArrayList<>();
    for (String note : notes) {
      // Left out: what the import derived (auth), and what it leaves out of the contract but the diff
      // compares from the description (range and default responses, bodies that are not JSON).
      if (!note.startsWith("auth: ") && !note.contains("skipped (the contract names exact statuses")
          && !note.contains("(diff compares its schema)")) {
        out.add(note);
      }
    }
    out.addAll(surface.data().notes());
    return out;
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
