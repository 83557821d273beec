package dev.contractgate.openapi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes synthetic OpenAPI 3.0 descriptions in block-style YAML, of a chosen size, with the shapes that break
 * other tools: self-referencing components, deep {@code allOf} chains through {@code $ref}, {@code nullable}
 * next to {@code $ref} and {@code allOf}, {@code $ref}-looking objects inside examples, readOnly and writeOnly
 * properties.
 *
 * <p>Variant 1 is the "next version" of variant 0: component {@code S3} loses its required response
 * property {@code name}, {@code S5.status} gains an enum value, every component gains an optional property,
 * and the last operation is removed.
 *
 * <pre>
 * java -cp ... dev.contractgate.openapi.OpenApiGen 3000 /tmp/oas [CHAIN]   # writes /tmp/oas/v1.yaml and /tmp/oas/v2.yaml
 * </pre>
 */
final class OpenApiGen {

  /** Default length of each allOf chain (S(i) allOf S(i+1) ... ). */
  static final int CHAIN = 250;

  private OpenApiGen() {}

  public static void main(String[] args) throws IOException {
    int schemas = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int chain = args.length > 2 ? Integer.parseInt(args[2]) : CHAIN;
    Files.createDirectories(dir);
    write(dir.resolve("v1.yaml"), schemas, 0, chain);
    write(dir.resolve("v2.yaml"), schemas, 1, chain);
    System.out.println("wrote " + dir.resolve("v1.yaml") + " (" + Files.size(dir.resolve("v1.yaml")) + " bytes) and "
        + dir.resolve("v2.yaml") + " (" + Files.size(dir.resolve("v2.yaml")) + " bytes)");
  }

  static void write(Path file, int schemas, int variant, int chain) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      generate(w, schemas, variant, chain);
    }
  }

  /** About 1.9 KB per component schema. */
  static void generate(Appendable w, int schemas, int variant, int chain) throws IOException {
    w.append("openapi: 3.0.3\ninfo:\n  title: Synthetic API\n  version: ").append(variant == 0 ? "1.0.0" : "1.1.0")
        .append("\nservers:\n  - url: https://api.example.com/api/synthetic\npaths:\n");
    int ops = Math.max(1, schemas / 2);
    for (int i = 0; i < ops - variant; i++) {
      w.append("  /items").append(String.valueOf(i)).append("/{id}:\n");
      w.append("    parameters:\n      - name: id\n        in: path\n        required: true\n        schema:\n          type: string\n");
      w.append("    get:\n      operationId: getItem").append(String.valueOf(i)).append('\n');
      w.append("      parameters:\n        - name: fields\n          in: query\n          schema:\n            type: string\n");
      w.append("        - name: limit\n          in: query\n          required: true\n          schema:\n            type: integer\n            minimum: 0\n            exclusiveMinimum: true\n");
      w.append("      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/S").append(String.valueOf(i)).append("'\n");
      w.append("        '404':\n          description: missing\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Error'\n");
      w.append("    put:\n      operationId: putItem").append(String.valueOf(i)).append('\n');
      w.append("      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/S").append(String.valueOf(i)).append("'\n");
      w.append("      responses:\n        '204':\n          description: stored\n");
    }
    w.append("components:\n  schemas:\n");
    w.append("    Error:\n      type: object\n      properties:\n        message:\n          type: string\n");
    for (int i = 0; i < schemas; i++) {
      String s = "S" + i;
      w.append("    ").append(s).append(":\n");
      w.append("      description: Synthetic component number ").append(String.valueOf(i))
          .append(", with enough prose to look like a real description of a resource.\n");
      w.append("      type: object\n      required:\n        - id\n");
      if (!(variant == 1 && i == 3)) {
        w.append("        - name\n");
      }
      w.append("      properties:\n");
      w.append("        id:\n          type: integer\n          format: int64\n          readOnly: true\n");
      if (!(variant == 1 && i == 3)) {
        w.append("        name:\n          type: string\n          maxLength: 200\n          example: widget\n");
      }
      w.append("        secret:\n          type: string\n          writeOnly: true\n");
      w.append("        status:\n          type: string\n          enum:\n            - active\n            - archived\n");
      if (variant == 1 && i == 5) {
        w.append("            - deleted\n");
      }
      w.append("        price:\n          type: number\n          minimum: 0\n          exclusiveMinimum: true\n          nullable: true\n");
      w.append("        tags:\n          type: array\n          items:\n            type: string\n            minLength: 1\n");
      // Self reference, nullable next to $ref.
      w.append("        parent:\n          $ref: '#/components/schemas/").append(s).append("'\n          nullable: true\n");
      // Deep allOf chains: S(i) -> S(i+1) within a chain of CHAIN components.
      if ((i + 1) % chain != 0 && i + 1 < schemas) {
        w.append("        next:\n          allOf:\n            - $ref: '#/components/schemas/S").append(String.valueOf(i + 1))
            .append("'\n          nullable: true\n");
      }
      // A recursive anyOf back to the chain's start.
      w.append("        alt:\n          anyOf:\n            - $ref: '#/components/schemas/S")
          .append(String.valueOf(i - i % chain)).append("'\n            - type: string\n");
      if (variant == 1) {
        w.append("        added:\n          type: boolean\n");
      }
      w.append("      example:\n        id: ").append(String.valueOf(i))
          .append("\n        name: widget\n        link:\n          $ref: '#/components/schemas/NotAComponent'\n");
    }
  }
}
