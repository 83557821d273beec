package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.SourceLocation;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * One side of a comparison: where the schema starts and how to read the files its {@code $ref}s reach.
 *
 * @param documents tree-relative file → parsed document, {@code null} when the file does not exist
 * @param root the schema to compare (file + JSON pointer)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SchemaInput(Function<String, JsonNode> documents, SourceLocation root) {

  public SchemaInput {
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(root, "root");
  }

  /** A self-contained schema, known as {@code schema.json}; {@code $ref}s may only point into it. */
  public static SchemaInput of(JsonNode schema) {
    return of("schema.json", schema);
  }

  /** A self-contained schema held under {@code file}. */
  public static SchemaInput of(String file, JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    return new SchemaInput(Map.of(file, schema)::get, SourceLocation.of(file));
  }
}
