package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which places a response schema can produce, for consumer reads and flag gates ({@link SchemaPointers}). */
class SchemaPointersTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A list response whose items are a $ref into another file, with anyOf, allOf and open parts. */
  private static final Map<String, JsonNode> DOCS = Map.of(
      "ns/1.0.0/schemas/list.schema.json", JSON.readTree("""
          {"type": "object",
           "properties": {
             "items": {"type": "array", "items": {"$ref": "common.schema.json#/$defs/Post"}},
             "pair": {"type": "array", "prefixItems": [{"type": "string"}, {"$ref": "#/$defs/Point"}]},
             "labels": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Point"}},
             "byLang": {"type": "object", "patternProperties": {"^[a-z]{2}$": {"type": "object",
                        "properties": {"title": {"type": "string"}}}}},
             "extra": {"type": "object"},
             "feature_enabled": {"type": "boolean"}
           },
           "additionalProperties": false,
           "$defs": {"Point": {"type": "object", "properties": {"x": {"type": "number"}}}}}
          """),
      "ns/1.0.0/schemas/common.schema.json", JSON.readTree("""
          {"$defs": {
             "Post": {"allOf": [{"$ref": "#/$defs/Base"},
                                {"type": "object", "properties": {"slug": {"type": "string"}}}],
                      "anyOf": [{"type": "object", "properties": {"video": {"type": "object",
                                  "properties": {"url": {"type": "string"}}}}},
                                {"type": "object", "properties": {"image": {"type": "object",
                                  "properties": {"url": {"type": "string"}}}}}]},
             "Base": {"type": "object", "properties": {"id": {"type": "integer"},
                      "tags": {"type": "array", "items": {"type": "string"}}}}}}
          """));

  private static final List<SourceLocation> ROOT = List.of(new SourceLocation("ns/1.0.0/schemas/list.schema.json", ""));
  private final SchemaPointers pointers = SchemaPointers.of(DOCS::get);

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "", "/items", "/items/*", "/items/0/slug", "/items/*/id", "/items/*/tags/*", "/items/*/video/url",
      "/items/*/image/url", "/pair/1/x", "/pair/*", "/labels/anything/x", "/labels/*/x", "/byLang/ru/title",
      "/byLang/*/title", "/extra/whatever/below", "/feature_enabled", "/*"})
  void should_resolve_a_read_through_refs_combinators_and_arrays(String pointer) {
    assertThat(pointers.produces(ROOT, pointer)).as(pointer).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "/items/*/sluggg", "/items/*/videoUrl", "/items/*/id/value", "/pair/0/x", "/pair/2", "/labels/*/y",
      "/byLang/rus/title", "/nothing", "/items/title", "/feature_enabled/x"})
  void should_refuse_a_read_the_schema_cannot_produce(String pointer) {
    assertThat(pointers.produces(ROOT, pointer)).as(pointer).isFalse();
  }

  @Test
  void should_suggest_the_schemas_own_pointer_for_a_typo() {
    // WHEN
    var known = pointers.known(ROOT);
    // THEN
    assertThat(known).contains("/items/*/slug", "/items/*/video/url", "/labels/*/x", "/byLang/*/title");
    assertThat(SchemaPointers.suggest("/items/*/sluggg", known)).contains("/items/*/slug");
    assertThat(SchemaPointers.suggest("/items/*/vidoe/url", known)).contains("/items/*/video/url");
    assertThat(SchemaPointers.suggest("/completely/unrelated/place", known)).isEmpty();
  }

  @Test
  void should_tell_whether_a_flag_can_be_a_boolean() {
    assertThat(pointers.mayBeBoolean(ROOT, "/feature_enabled")).isTrue();
    assertThat(pointers.mayBeBoolean(ROOT, "/items/*/id")).isFalse();
    assertThat(pointers.mayBeBoolean(ROOT, "/extra/anything")).as("an open schema constrains nothing").isTrue();
  }
}
