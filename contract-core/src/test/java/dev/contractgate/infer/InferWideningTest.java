package dev.contractgate.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.testing.Recordings;
import dev.contractgate.validate.ResponseValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code from}: each keyword that rejects a recorded value is widened just enough, and nothing else changes. */
class InferWideningTest {

  static final String SCHEMA = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["id", "code", "status"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "integer", "minimum": 1, "maximum": 100},
          "code": {"type": "string", "pattern": "^[A-Z]+$", "maxLength": 4},
          "status": {"const": "ok"},
          "kind": {"oneOf": [{"type": "string", "enum": ["a", "b"]}, {"type": "integer"}]},
          "at": {"type": "string", "format": "date-time"},
          "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
          "untouched": {"type": "string", "minLength": 3}
        }
      }
      """;

  @Test
  void should_widen_each_rejecting_keyword_just_enough(@TempDir Path dir) throws IOException {
    // GIVEN
    Path tree = dir.resolve("tree");
    Path v = Files.createDirectories(tree.resolve("shop/1.0.0/schemas"));
    Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /api/shop/\n");
    Files.writeString(tree.resolve("shop/1.0.0/endpoints.yaml"), """
        endpoints:
          - id: item.detail
            method: GET
            path: items/{id}
            responses:
              "200": {schema: schemas/item.schema.json}
        """);
    Files.writeString(v.resolve("item.schema.json"), SCHEMA);
    List<String> bodies = List.of(
        "{\"id\":5,\"code\":\"AB\",\"status\":\"ok\",\"untouched\":\"abcd\"}",
        "{\"id\":0,\"code\":\"ab-12\",\"status\":\"ok\"}",
        "{\"id\":250,\"code\":\"X\",\"status\":\"degraded\",\"kind\":true,\"at\":\"yesterday\",\"tags\":[]}",
        "{\"id\":null,\"status\":\"ok\",\"extra\":{\"n\":1}}");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      lines.add(Recordings.line("GET", "/api/shop/items/" + (i + 1), 200, bodies.get(i)));
    }
    Path rec = Files.write(dir.resolve("rec.ndjson"), lines);
    ContractRegistry registry = ContractRegistry.load(tree);
    // WHEN
    InferredVersion proposal = Inference.builder("shop", "/api/shop/", "1.1.0").from(registry, "1.0.0").build()
        .run(List.of(rec));
    proposal.writeTo(tree, false);
    // THEN every recorded body is accepted by the proposal
    ContractRegistry after = ContractRegistry.load(tree);
    ContractVersion v2 = after.requireVersion("shop", "1.1.0");
    var schema = v2.endpoints().get(0).responses().get(200).schema().orElseThrow();
    for (String b : bodies) {
      assertThat(ResponseValidator.of(after).validateBody(schema, b)).as(b).isEmpty();
    }
    JsonNode s = after.schemaDocument("shop/1.1.0/schemas/item.schema.json").orElseThrow();
    assertThat(s.at("/properties/id/type").toString()).isEqualTo("[\"integer\",\"null\"]");
    assertThat(s.at("/properties/id/minimum").asInt()).isZero();
    assertThat(s.at("/properties/id/maximum").asInt()).isEqualTo(250);
    assertThat(s.at("/properties/code/pattern").isMissingNode()).isTrue();
    assertThat(s.at("/properties/code/maxLength").asInt()).isEqualTo(5);
    assertThat(s.at("/properties/status/enum").toString()).isEqualTo("[\"ok\",\"degraded\"]");
    assertThat(s.at("/properties/kind/anyOf").size()).isEqualTo(3);
    assertThat(s.at("/properties/at/format").isMissingNode()).isTrue();
    assertThat(s.at("/properties/tags/minItems").asInt()).isZero();
    assertThat(s.at("/properties/extra/properties/n/type").asString()).isEqualTo("integer");
    assertThat(s.at("/required").toString()).isEqualTo("[\"id\",\"status\"]");
    assertThat(s.at("/x-inferred/widenedFrom").asString()).isEqualTo("1.0.0");
    // untouched keywords stay as they were
    assertThat(s.at("/properties/untouched").toString()).isEqualTo("{\"type\":\"string\",\"minLength\":3}");
    assertThat(s.at("/additionalProperties").asBoolean(true)).isFalse();
    assertThat(proposal.summary().problems()).containsEntry("rejected", 3L);
    assertThat(proposal.notes().get(0)).startsWith("proposed from shop@1.0.0: 3 responses it rejected,");
  }
}
