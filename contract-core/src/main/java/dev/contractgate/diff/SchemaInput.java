package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.LocatedDocument;
import dev.contractgate.registry.SchemaChecks;
import dev.contractgate.registry.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * A schema file (JSON or YAML) with the files of its folder, read on demand: {@code $ref}s may reach
   * files beside it or below it, never outside the folder, and neither may a symbolic link they pass through
   * (the file given itself may be a link). A file that does not exist reads as {@code null}. Each file is
   * checked as the contract tree's loader checks schemas ({@code SchemaChecks}: patterns, keyword values).
   */
  public static SchemaInput ofFile(Path file) {
    // Normalised first: the user's own path may go up ("../old.json"); only $refs are confined to the folder.
    Path dir = file.toAbsolutePath().normalize().getParent();
    Path realDir;
    try {
      realDir = dir.toRealPath();
    } catch (IOException e) {
      realDir = dir;
    }
    Path containedIn = realDir;
    String given = file.getFileName().toString();
    Map<String, JsonNode> cache = new ConcurrentHashMap<>();
    Function<String, JsonNode> documents = name -> cache.computeIfAbsent(name, f -> {
      Path p = dir.resolve(f).normalize();
      if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
        return null;
      }
      try {
        if (!f.equals(given) && !p.toRealPath().startsWith(containedIn)) {
          // Named as the $ref names it; the link's target is not shown.
          throw ContractException.builder("Cannot read input", f)
              .expected("a file inside the folder of " + given)
              .butWas("a symbolic link that leads outside that folder (target not shown)")
              .hint("copy the schema into the folder instead of linking to it")
              .build();
        }
      } catch (IOException e) {
        return null;
      }
      try (InputStream in = Files.newInputStream(p)) {
        // The path as the user can find it, in any error message.
        LocatedDocument doc = LocatedDocument.parse(p.toString(), in, LocatedDocument.Syntax.forFile(f));
        SchemaChecks.check(doc, "Cannot read input");
        return doc.root();
      } catch (IOException e) {
        throw ContractException.builder("Cannot read input", p.toString())
            .expected("a readable file")
            .butWas(e.toString())
            .hint("check the file's permissions")
            .build();
      }
    });
    return new SchemaInput(documents, SourceLocation.of(file.getFileName().toString()));
  }
}
