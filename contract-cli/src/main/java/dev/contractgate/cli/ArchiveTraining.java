package dev.contractgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The representative run whose loaded classes the launcher's class-data archive holds (see the
 * {@code contract-gate} script). The archive used to hold the classes of whatever command happened to run
 * first after a build: after a first {@code --help}, every later diff loaded its classes from the jar again
 * and a diff of two small schemas took 0.2 s more CPU. This runs, in one JVM and with everything it prints
 * discarded, the commands whose start-up counts: {@code diff} of two OpenAPI descriptions, of two schema files
 * and of two versions of the packaged example contracts, in every report format; {@code check-history} and
 * {@code list} of the examples; the help. Its inputs are written to a temporary folder and removed after.
 * Exits 0 whatever the commands return: only the classes they load matter.
 */
final class ArchiveTraining {

  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("contract-gate-training");
    try {
      for (String[] command : commands(dir)) {
        try {
          ContractCli.run(discard(), discard(), command);
        } catch (RuntimeException | LinkageError e) {
          // the next command still loads its classes
        }
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    System.exit(0); // threads a command left behind (none expected) must not keep the launcher waiting
  }

  static List<String[]> commands(Path dir) throws IOException {
    Path oldSpec = write(dir, "old.yaml", OLD_SPEC);
    Path newSpec = write(dir, "new.yaml", NEW_SPEC);
    // large descriptions come as JSON, which a parser of its own reads
    Path oldJson = write(dir, "old.json", json(OLD_SPEC));
    Path newJson = write(dir, "new.json", json(NEW_SPEC));
    Path oldSchema = write(dir, "old.schema.json", OLD_SCHEMA);
    Path newSchema = write(dir, "new.schema.json", NEW_SCHEMA);
    String reports = dir.resolve("reports").toString();
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"diff", oldSpec.toString(), newSpec.toString()});
    out.add(new String[] {"diff", oldJson.toString(), newJson.toString()});
    out.add(new String[] {"diff", oldSpec.toString(), newSpec.toString(), "--report-dir", reports});
    out.add(new String[] {"diff", oldSchema.toString(), newSchema.toString()});
    out.add(new String[] {"diff", "--contracts", ContractsOption.EXAMPLES, "--namespace", "ivanpin", "--from", "1.0.0",
        "--to", "1.2.0"});
    out.add(new String[] {"check-history", "--contracts", ContractsOption.EXAMPLES});
    out.add(new String[] {"list", "--contracts", ContractsOption.EXAMPLES});
    out.add(new String[] {"diff", "--help"});
    out.add(new String[] {"--help"});
    return out;
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String json(String yaml) {
    tools.jackson.databind.JsonNode tree = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(yaml);
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(tree);
  }

  private static PrintWriter discard() {
    return new PrintWriter(Writer.nullWriter());
  }

  /** Two versions of a small description that change what the engine and the report read most often. */
  private static final String OLD_SPEC = """
      openapi: 3.0.3
      info: {title: Training, version: 1.0.0}
      paths:
        /pets/{petId}:
          parameters:
            - {name: petId, in: path, required: true, schema: {type: integer}}
          get:
            operationId: getPet
            parameters:
              - {name: fields, in: query, schema: {type: string}}
            responses:
              '200':
                description: ok
                headers:
                  X-Rate-Limit: {schema: {type: integer}}
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
          patch:
            operationId: updatePet
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
            responses:
              '200': {description: ok}
        /pets:
          post:
            operationId: createPet
            security: [{}, {bearer: []}]
            requestBody:
              content:
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    properties:
                      name: {type: string, maxLength: 40}
                      weight: {type: number}
            responses:
              '201':
                description: created
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
        /owners:
          get:
            operationId: listOwners
            responses:
              '200': {description: ok}
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer}
          oauth:
            type: oauth2
            flows: {clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {read: Read, write: Write}}}
        schemas:
          Price:
            allOf: [{type: number, minimum: 0.5}, {multipleOf: 0.01}]
          Pet:
            type: object
            required: [id, name]
            properties:
              id: {type: integer, format: int64}
              name: {type: string, description: The name.}
              tag: {type: string, nullable: true}
              status: {type: string, enum: [available, sold]}
              born: {type: string, format: date}
              owner: {$ref: '#/components/schemas/Owner'}
              price: {$ref: '#/components/schemas/Price'}
          Owner:
            type: object
            properties:
              email: {type: string, format: email}
              pets:
                type: array
                items: {$ref: '#/components/schemas/Pet'}
      """;

  private static final String NEW_SPEC = """
      openapi: 3.0.3
      info: {title: Training, version: 2.0.0}
      paths:
        /pets/{id}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
          get:
            operationId: getPet
            parameters:
              - {name: fields, in: query, required: true, schema: {type: string}}
              - {name: X-Trace, in: header, schema: {type: string}}
            responses:
              '200':
                description: ok
                headers:
                  X-Rate-Limit: {schema: {type: integer}}
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
          patch:
            operationId: updatePet
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
            responses:
              '200': {description: ok}
        /pets:
          post:
            operationId: createPet
            security: [{bearer: []}]
            requestBody:
              content:
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    required: [name]
                    properties:
                      name: {type: string, maxLength: 20}
                      weight: {type: integer}
            responses:
              '201':
                description: created
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer}
          oauth:
            type: oauth2
            flows: {clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {read: Read}}}
        schemas:
          Price:
            allOf: [{type: number, minimum: 1.5}, {multipleOf: 0.01}]
          Pet:
            type: object
            required: [id, name, status]
            properties:
              id: {type: integer, format: int64}
              name: {type: string, description: What the pet is called.}
              tag: {type: string, nullable: false}
              status: {type: string, enum: [available, pending, sold, lost]}
              born: {type: string, format: date-time}
              owner: {$ref: '#/components/schemas/Owner'}
              price: {$ref: '#/components/schemas/Price'}
          Owner:
            type: object
            properties:
              email: {type: string, format: email}
              pets:
                type: array
                maxItems: 10
                items: {$ref: '#/components/schemas/Pet'}
      """;

  private static final String OLD_SCHEMA = """
      {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["id"],
       "properties": {"id": {"type": "string"}, "total": {"type": "number", "minimum": 0},
         "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}}},
       "$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string", "pattern": "^[A-Z]+$"}}}}}
      """;

  private static final String NEW_SCHEMA = """
      {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["id", "total"],
       "properties": {"id": {"type": "string", "format": "uuid"}, "total": {"type": "integer", "minimum": 1},
         "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}, "minItems": 1}},
       "$defs": {"Item": {"type": "object", "properties": {"sku": {"type": "string", "pattern": "^[A-Z0-9]+$"}},
         "additionalProperties": false}}}
      """;
}
