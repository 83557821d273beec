package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.testing.ContractTree;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 2020-12 plain-name fragments ({@code $anchor}) and {@code $id}-relative references inside one document. */
@Timeout(20)
class RefAnchorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  @Test
  void a_tree_with_anchor_references_loads_and_validates() throws Exception {
    ContractTree tree = ContractTree.in(Files.createDirectories(tmp.resolve("tree"))).withShop()
        .schema("shop", "1.0.0", "order.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "total": {"$ref": "#money"},
                "customer": {"$ref": "common.schema.json#customer"}
              },
              "$defs": {"Money": {"$anchor": "money", "type": "integer", "minimum": 0}}
            }
            """).schema("shop", "1.0.0", "common.schema.json", """
            {"$defs": {"Customer": {"$anchor": "customer", "type": "object", "required": ["email"],
              "properties": {"email": {"type": "string"}}}}}
            """);
    ContractRegistry registry = tree.load();
    ValidationResult ok = ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
        ObservedResponse.json(200, "{\"total\": 3, \"customer\": {\"email\": \"a@b.c\"}}"));
    ValidationResult bad = ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
        ObservedResponse.json(200, "{\"total\": -1, \"customer\": {}}"));
    assertThat(ok.violations()).isEmpty();
    assertThat(bad.violations()).hasSize(2);
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void ids_set_the_base_of_references_inside_one_document() throws Exception {
    JsonNode doc = json("""
        {"$id": "https://example.com/schemas/order",
         "$defs": {"address": {"$id": "address", "$anchor": "addr", "type": "object",
                               "properties": {"zip": {"$anchor": "zip", "type": "string"}}}},
         "properties": {"ship": {"$ref": "address"}}}
        """);
    SchemaIds ids = new SchemaIds(Map.of("s.json", doc)::get);
    SourceLocation from = new SourceLocation("s.json", "/properties/ship");
    assertThat(ids.resolve(from, "address")).isEqualTo(new SourceLocation("s.json", "/$defs/address"));
    assertThat(ids.resolve(from, "https://example.com/schemas/address#/properties/zip"))
        .isEqualTo(new SourceLocation("s.json", "/$defs/address/properties/zip"));
    assertThat(ids.resolve(from, "address#zip"))
        .isEqualTo(new SourceLocation("s.json", "/$defs/address/properties/zip"));
    assertThat(ids.resolve(from, "https://example.com/schemas/order#/$defs"))
        .isEqualTo(new SourceLocation("s.json", "/$defs"));
    // inside the embedded resource, a plain name is that resource's anchor
    SourceLocation inside = new SourceLocation("s.json", "/$defs/address/properties/zip");
    assertThat(ids.resolve(inside, "#addr")).isEqualTo(new SourceLocation("s.json", "/$defs/address"));
    // a relative path that names no resource of the document is a file in the tree, as before
    assertThat(ids.resolve(from, "common.json#/$defs/X")).isEqualTo(new SourceLocation("common.json", "/$defs/X"));
    // a remote reference that names nothing in the document stays refused
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ids.resolve(from, "https://example.org/x.json")))
        .isInstanceOf(Refs.RefException.class).hasMessageContaining("remote");
    // an anchor of the root resource is not one of the embedded resource
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ids.resolve(from, "#zip")))
        .isInstanceOf(Refs.RefException.class).hasMessageContaining("no $anchor");
  }

  @Test
  void a_tree_with_a_relative_nested_id_loads_and_validates() throws Exception {
    ContractTree tree = ContractTree.in(Files.createDirectories(tmp.resolve("tree"))).withShop()
        .schema("shop", "1.0.0", "order.schema.json", """
            {
              "$id": "https://example.com/schemas/order",
              "type": "object",
              "properties": {"customer": {"$ref": "customer#email"}},
              "$defs": {"c": {"$id": "customer", "type": "object",
                              "properties": {"email": {"$anchor": "email", "type": "string"}}}}
            }
            """);
    ContractRegistry registry = tree.load();
    assertThat(ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
        ObservedResponse.json(200, "{\"customer\": \"a@b.c\"}")).violations()).isEmpty();
    assertThat(ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
        ObservedResponse.json(200, "{\"customer\": 7}")).violations()).hasSize(1);
  }

  @Test
  void anchors_under_escaped_names_and_array_items_resolve_to_their_pointers() throws Exception {
    // The index builds a schema's pointer only when an $id or anchor needs it: the pointer must still escape
    // "/" and "~" in member names and count array items.
    JsonNode doc = json("""
        {"$defs": {"a/b~c": {"anyOf": [{"type": "null"}, {"$anchor": "deep", "type": "string"}]}},
         "properties": {"x": {"$ref": "#deep"}}}
        """);
    SchemaIds ids = new SchemaIds(Map.of("s.json", doc)::get);
    assertThat(ids.resolve(new SourceLocation("s.json", "/properties/x"), "#deep"))
        .isEqualTo(new SourceLocation("s.json", "/$defs/a~1b~0c/anyOf/1"));
  }

  @Test
  void an_index_knows_whether_a_document_has_an_id_or_anchor_outside_data() throws Exception {
    Map<String, JsonNode> docs = Map.of(
        "plain.json", json("{\"$defs\": {\"A\": {\"type\": \"string\", \"examples\": [{\"$id\": \"x\"}]},"
            + " \"B\": {\"properties\": {\"id\": {\"type\": \"string\"}}}}}"),
        "anchored.json", json("{\"$defs\": {\"A\": {\"items\": [{\"$anchor\": \"a\"}]}}}"),
        "draft4.json", json("{\"definitions\": {\"A\": {\"id\": \"#a\", \"type\": \"string\"}}}"));
    SchemaIds ids = new SchemaIds(docs::get);
    // an $id inside examples is data, and a property named "id" is a name, not a keyword
    assertThat(ids.scoped("plain.json")).isFalse();
    assertThat(ids.scoped("anchored.json")).isTrue();
    assertThat(ids.scoped("draft4.json")).isTrue();
    assertThat(ids.scoped("missing.json")).as("unknown: assume the worst").isTrue();
  }

  @Test
  void a_path_and_an_anchor_reach_into_a_file_whose_root_has_an_id_of_its_own() throws Exception {
    // The file is fetched by its path; its root resource is then named by its $id, and so are its anchors.
    Map<String, JsonNode> docs = Map.of(
        "order.json", json("{\"properties\": {\"total\": {\"$ref\": \"common.json#money\"}}}"),
        "common.json", json("{\"$id\": \"https://example.com/common\","
            + " \"$defs\": {\"Money\": {\"$anchor\": \"money\", \"type\": \"integer\"}}}"));
    SchemaIds ids = new SchemaIds(docs::get);
    assertThat(ids.resolve(new SourceLocation("order.json", "/properties/total"), "common.json#money"))
        .isEqualTo(new SourceLocation("common.json", "/$defs/Money"));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> ids.resolve(new SourceLocation("order.json", "/properties/total"), "common.json#cash")))
        .isInstanceOf(Refs.RefException.class).hasMessageContaining("no $anchor of common.json defines");
  }

  @Test
  void a_tree_whose_shared_file_has_a_root_id_loads_and_validates_through_path_and_anchor() throws Exception {
    ContractTree tree = ContractTree.in(Files.createDirectories(tmp.resolve("tree"))).withShop()
        .schema("shop", "1.0.0", "order.schema.json", """
            {"type": "object", "properties": {"total": {"$ref": "common.schema.json#money"}}}
            """).schema("shop", "1.0.0", "common.schema.json", """
            {"$id": "https://example.com/common",
             "$defs": {"Money": {"$anchor": "money", "type": "integer", "minimum": 0}}}
            """);
    ContractRegistry registry = tree.load();
    assertThat(ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
        ObservedResponse.json(200, "{\"total\": 3}")).violations()).isEmpty();
    assertThat(ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
        ObservedResponse.json(200, "{\"total\": -1}")).violations()).hasSize(1);
  }
}
