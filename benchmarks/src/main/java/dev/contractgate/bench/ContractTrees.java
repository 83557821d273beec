package dev.contractgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes synthetic contract trees to a directory, for the gate and registry benchmarks. */
public final class ContractTrees {

  /** The namespace of the generated trees (public: no token). */
  public static final String NAMESPACE = "bench";
  /** Its base path. */
  public static final String BASE_PATH = "/api/bench/";

  private static final String COMMON = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {
          "Image": {
            "type": "object",
            "required": ["url", "width", "height"],
            "properties": {
              "url": {"type": "string", "format": "uri"},
              "width": {"type": "integer", "minimum": 1},
              "height": {"type": "integer", "minimum": 1},
              "alt": {"type": "string"}
            }
          },
          "Lang": {"type": "string", "enum": ["ru", "en"]}
        }
      }
      """;

  private ContractTrees() {}

  /** The JSON body every endpoint {@code i} of a generated tree answers with (valid against its schema). */
  public static String body(int i) {
    return "{\"id\":" + (i + 1) + ",\"name\":\"item " + i + "\",\"lang\":\"ru\",\"price\":" + (i % 90 + 10)
        + ".5,\"tags\":[\"a\",\"b\"],\"image\":{\"url\":\"https://example.com/i/" + i
        + ".jpg\",\"width\":640,\"height\":480}}";
  }

  /**
   * A tree with one namespace, one version and {@code endpoints} GET endpoints {@code items/e<i>}, each with a
   * probe and its own response schema file ({@code schemas/e<i>.schema.json}, referencing a shared
   * {@code common.schema.json}), so the tree has {@code endpoints + 1} schema files.
   */
  public static Path write(Path root, int endpoints) {
    try {
      Files.createDirectories(root);
      Files.writeString(root.resolve("contract-gate.yaml"), "limits:\n  maxBodyBytes: 2097152\n  maxDepth: 64\n");
      Path ns = Files.createDirectories(root.resolve(NAMESPACE));
      Files.writeString(ns.resolve("namespace.yaml"),
          "description: synthetic namespace for the benchmarks\nbasePath: " + BASE_PATH + "\n");
      Path version = Files.createDirectories(ns.resolve("1.0.0"));
      Path schemas = Files.createDirectories(version.resolve("schemas"));
      Files.writeString(schemas.resolve("common.schema.json"), COMMON);
      StringBuilder yaml = new StringBuilder("description: synthetic endpoints\nendpoints:\n");
      for (int i = 0; i < endpoints; i++) {
        Files.writeString(schemas.resolve("e" + i + ".schema.json"), schema(i), StandardCharsets.UTF_8);
        yaml.append("  - id: items.e").append(i).append('\n')
            .append("    method: GET\n")
            .append("    path: items/e").append(i).append('\n')
            .append("    responses:\n")
            .append("      \"200\":\n")
            .append("        schema: schemas/e").append(i).append(".schema.json\n")
            .append("        contentType: application/json\n")
            .append("    probe:\n")
            .append("      query: {lang: ru}\n");
      }
      Files.writeString(version.resolve("endpoints.yaml"), yaml.toString());
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String schema(int i) {
    return """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "item %d",
          "type": "object",
          "required": ["id", "name", "lang"],
          "properties": {
            "id": {"type": "integer", "minimum": 1},
            "name": {"type": "string", "minLength": 1, "maxLength": %d},
            "lang": {"$ref": "common.schema.json#/$defs/Lang"},
            "price": {"type": "number", "minimum": 0},
            "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]+$"}},
            "image": {"$ref": "common.schema.json#/$defs/Image"},
            "related": {"type": "array", "items": {"$ref": "#"}}
          }
        }
        """.formatted(i, 100 + i);
  }

  /** Deletes a tree written by {@link #write}. */
  public static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
