package dev.contractgate.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One walk per document answers the engine's questions about it (depth, foreign keywords, files named). */
class DocumentFactsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A document whose deepest value sits {@code levels} levels down (the document itself is level 1). */
  private static JsonNode nested(int levels, boolean arrays) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode inner = f.stringNode("leaf");
    for (int i = 1; i < levels; i++) {
      if (arrays && i % 2 == 0) {
        ArrayNode a = f.arrayNode();
        a.add(inner);
        inner = a;
      } else {
        ObjectNode o = f.objectNode();
        o.set("k", inner);
        inner = o;
      }
    }
    return inner;
  }

  @Test
  void a_document_is_too_deep_from_the_first_value_past_the_limit() {
    assertThat(DocumentFacts.of("a.json", nested(DocumentFacts.MAX_DEPTH, false)).deep()).isFalse();
    assertThat(DocumentFacts.of("a.json", nested(DocumentFacts.MAX_DEPTH + 1, false)).deep()).isTrue();
    assertThat(DocumentFacts.of("a.json", nested(DocumentFacts.MAX_DEPTH, true)).deep()).isFalse();
    assertThat(DocumentFacts.of("a.json", nested(DocumentFacts.MAX_DEPTH + 1, true)).deep()).isTrue();
  }

  @Test
  void boolean_nullable_and_exclusive_bounds_are_foreign_to_the_validator() throws Exception {
    assertThat(DocumentFacts.of("a.json", JSON.readTree("{\"properties\": {\"x\": {\"nullable\": true}}}")).foreign())
        .isTrue();
    assertThat(DocumentFacts.of("a.json", JSON.readTree("{\"allOf\": [{\"exclusiveMinimum\": false}]}")).foreign())
        .isTrue();
    // the 2020-12 numeric form, and a property merely named "nullable", are not
    assertThat(DocumentFacts.of("a.json", JSON.readTree(
        "{\"exclusiveMinimum\": 0, \"properties\": {\"nullable\": {\"type\": \"boolean\"}}}")).foreign()).isFalse();
  }

  @Test
  void the_files_named_by_references_are_listed_once_in_order_without_the_document_itself() throws Exception {
    JsonNode doc = JSON.readTree("""
        {"properties": {
           "a": {"$ref": "common/money.json#/$defs/Money"},
           "b": {"$ref": "#/$defs/Local"},
           "c": {"items": [{"$ref": "addresses.json"}, {"$ref": "common/money.json"}]},
           "d": {"$ref": "a.json#/x"},
           "e": {"$ref": "https://example.com/remote.json"},
           "f": {"$ref": "../../../outside.json"}
         },
         "$defs": {"Local": {"type": "string"}}}
        """);
    DocumentFacts facts = DocumentFacts.of("schemas/a.json", doc);
    assertThat(facts.files()).containsExactly("schemas/addresses.json", "schemas/common/money.json");
    assertThat(facts.deep()).isFalse();
    assertThat(facts.foreign()).isFalse();
    assertThat(facts.scoped()).isFalse();
  }

  @Test
  void a_boolean_or_empty_document_has_no_facts() throws Exception {
    assertThat(DocumentFacts.of("a.json", JSON.readTree("true"))).isEqualTo(new DocumentFacts(false, false, false, List.of()));
    assertThat(DocumentFacts.of("a.json", JSON.readTree("{}"))).isEqualTo(new DocumentFacts(false, false, false, List.of()));
  }

  @Test
  void an_id_or_anchor_anywhere_makes_a_document_scoped() throws Exception {
    for (String keyword : List.of("$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor")) {
      JsonNode doc = JSON.readTree("{\"$defs\": {\"A\": {\"items\": [{\"" + keyword + "\": \"x\"}]}}}");
      assertThat(DocumentFacts.of("a.json", doc).scoped()).as(keyword).isTrue();
    }
    // a property named "id" is a schema, not a string
    assertThat(DocumentFacts.of("a.json", JSON.readTree("{\"properties\": {\"id\": {\"type\": \"string\"}}}"))
        .scoped()).isFalse();
  }
}
