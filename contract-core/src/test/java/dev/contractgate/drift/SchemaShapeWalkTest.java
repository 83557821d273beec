package dev.contractgate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exactly which events the schema walk reports, in order: drift's unknown fields, enum values and "never seen". */
class SchemaShapeWalkTest {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static final String SCHEMA = """
      {
        "type": "object",
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/$defs/Post"}},
          "state": {"enum": ["draft", "published", 1]},
          "kind": {"const": "list"},
          "labels": {"type": "object", "additionalProperties": {"type": "object", "properties": {"text": {}}}},
          "counts": {"type": "object", "patternProperties": {"^[a-z]+$": {"enum": [1, 2]}}},
          "free": {"type": "object"},
          "a/b": {"type": "string"}
        },
        "allOf": [{"properties": {"extra": {"type": "string"}}}],
        "$defs": {
          "Post": {
            "type": "object",
            "properties": {
              "slug": {"type": "string"},
              "author": {"$ref": "#/$defs/Author"},
              "replies": {"type": "array", "items": {"$ref": "#/$defs/Post"}}
            },
            "anyOf": [{"properties": {"score": {"enum": [1.0, 2]}}}, {"properties": {"title": {}}}]
          },
          "Author": {"type": "object", "properties": {"name": {"type": "string"}}}
        }
      }
      """;

  static final String BODY = """
      {
        "items": [
          {"slug": "a", "author": {"name": "x", "email": "e"}, "score": 1, "title": "t",
           "replies": [{"slug": "b", "score": 3, "replies": [{"slug": "c", "extra": 1}]}]},
          {"slug": "d", "unknownHere": {"deep": 1}}
        ],
        "state": "archived",
        "kind": "list",
        "labels": {"en": {"text": "x", "more": 1}, "ru": {"text": "y"}},
        "counts": {"abc": 1, "xyz": 7, "A1": 3},
        "free": {"anything": {"goes": 1}},
        "a/b": "slash",
        "extra": "ok",
        "debug": true
      }
      """;

  static List<String> walk(String schema, String body, int maxDepth) {
    JsonNode doc = MAPPER.readTree(schema);
    SchemaShape shape = new SchemaShape(Map.of("s.json", doc)::get);
    List<String> events = new ArrayList<>();
    SchemaShape.Visitor v = new SchemaShape.Visitor() {
      @Override
      public void observed(String pattern) {
        events.add("observed " + pattern);
      }

      @Override
      public void unknown(String pattern) {
        events.add("unknown " + pattern);
      }

      @Override
      public void disallowed(String pattern, JsonNode value) {
        events.add("disallowed " + pattern + " " + value);
      }
    };
    shape.walk(SourceLocation.of("s.json"), MAPPER.readTree(body), v, maxDepth);
    return events;
  }

  @Test
  void should_report_every_property_unknown_field_and_disallowed_value_in_body_order() {
    // WHEN the same walk runs twice (the second time over what the first one remembered)
    List<String> first = walk(SCHEMA, BODY, 64);
    List<String> events = walk(SCHEMA, BODY, 64);
    // THEN
    assertThat(events).isEqualTo(first).containsExactly(
        "observed /items",
        "observed /items/*/slug",
        "observed /items/*/author",
        "observed /items/*/author/name",
        "unknown /items/*/author/email",
        "observed /items/*/score",
        "observed /items/*/title",
        "observed /items/*/replies",
        "observed /items/*/replies/*/slug",
        "observed /items/*/replies/*/score",
        "disallowed /items/*/replies/*/score 3",
        "observed /items/*/replies/*/replies",
        "observed /items/*/replies/*/replies/*/slug",
        "unknown /items/*/replies/*/replies/*/extra",
        "observed /items/*/slug",
        "unknown /items/*/unknownHere",
        "observed /state",
        "disallowed /state \"archived\"",
        "observed /kind",
        "observed /labels",
        "observed /labels/*/text",
        "unknown /labels/*/more",
        "observed /labels/*/text",
        "observed /counts",
        "disallowed /counts/* 7",
        "observed /free",
        "observed /a~1b",
        "observed /extra",
        "unknown /debug");
  }

  @Test
  void should_stop_at_the_depth_limit() {
    assertThat(walk(SCHEMA, BODY, 2)).contains("observed /items/*/replies", "observed /items/*/author")
        .doesNotContain("observed /items/*/author/name", "observed /items/*/replies/*/slug");
  }

  @Test
  void should_walk_the_same_pattern_through_many_shapes_of_a_map() {
    // GIVEN map keys that are data: every key a new name
    StringBuilder b = new StringBuilder("{\"labels\":{");
    for (int i = 0; i < 3000; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":{\"text\":1,\"x").append(i % 3).append("\":2}");
    }
    b.append("}}");
    // WHEN
    List<String> events = walk(SCHEMA, b.toString(), 64);
    // THEN
    assertThat(events).hasSize(1 + 3000 * 2).contains("unknown /labels/*/x0", "unknown /labels/*/x2")
        .filteredOn(e -> e.equals("observed /labels/*/text")).hasSize(3000);
  }
}
