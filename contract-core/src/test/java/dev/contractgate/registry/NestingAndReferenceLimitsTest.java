package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.contractgate.testing.ContractTree;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One nesting limit from reading to writing ({@link LocatedDocument#MAX_DEPTH}), chains of references that
 * load without recursion, and in-place chains (what validation follows without descending into the value)
 * refused past the same limit, each at load with the file and the pointer.
 */
class NestingAndReferenceLimitsTest {

  private static final String FILE = "shop/1.0.0/schemas/order.schema.json";

  @TempDir Path root;

  /** A schema whose JSON nests {@code levels} levels: {"items": {"items": ... {"type": "integer"}}}. */
  private static String nested(int levels) {
    return "{\"items\":".repeat(levels - 1) + "{\"type\":\"integer\"}" + "}".repeat(levels - 1);
  }

  private ContractTree shop(String schema) {
    return ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json", schema);
  }

  private List<Violation> validate(ContractRegistry registry, String body) {
    return ResponseValidator.of(registry).withLimits(new Policy.Limits(1 << 20, 500))
        .validate("shop", "1.0.0", "order.get", ObservedResponse.json(200, body)).violations();
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 600, 1000})
  void should_refuse_a_schema_nested_deeper_than_the_limit_at_load_with_file_line_and_pointer(int levels) {
    // GIVEN
    shop(nested(levels));
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.where()).startsWith("line 1, column ").contains(", at /items/items/");
    assertThat(e.expected()).isEqualTo("at most 500 levels of nesting (objects and arrays)");
    assertThat(e.actual()).isEqualTo("level 501");
    assertThat(e.hint()).contains("docs/limits.md");
  }

  @Test
  void should_load_compile_and_validate_a_schema_nested_exactly_to_the_limit() {
    // GIVEN 500 levels: what loads is also compiled, validated and written out
    ContractRegistry registry = shop(nested(500)).load();
    // WHEN
    int compiled = registry.compileAll();
    List<Violation> violations = validate(registry, "[".repeat(499) + "\"x\"" + "]".repeat(499));
    // THEN
    assertThat(compiled).isEqualTo(1);
    assertThat(violations).singleElement().extracting(Violation::rule).isEqualTo("body.type");
  }

  @Test
  void should_refuse_a_yaml_file_nested_deeper_than_the_limit() {
    // GIVEN an endpoints.yaml whose probe body nests 600 levels
    ContractTree.in(root).withShop().endpoints("shop", "1.0.0", """
        endpoints:
          - id: order.get
            method: POST
            path: orders
            responses:
              "200": {schema: schemas/order.schema.json}
            probe:
              body: %s
        """.formatted("[".repeat(600) + "]".repeat(600)));
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
    assertThat(e.where()).startsWith("line 8, column ").contains(", at /endpoints/0/probe/body/0/0/");
  }

  @Test
  void should_refuse_a_body_depth_limit_above_the_document_limit() {
    // GIVEN
    ContractTree.in(root).withShop().policy("limits:\n  maxDepth: 1000\n");
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("contract-gate.yaml");
    assertThat(e.expected()).contains("from 1 to 500");
  }

  @Test
  void should_load_and_validate_a_chain_of_references_through_2000_files() {
    // GIVEN s0.json -> s1.json -> ... -> s2000.json, each one level of properties deeper
    ContractTree tree = ContractTree.in(root).withShop();
    int n = 2000;
    for (int i = 0; i < n; i++) {
      tree.schema("shop", "1.0.0", "s" + i + ".json",
          "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"s" + (i + 1) + ".json\"}}}");
    }
    tree.schema("shop", "1.0.0", "s" + n + ".json", "{\"type\": \"object\"}");
    tree.schema("shop", "1.0.0", "order.schema.json", "{\"$ref\": \"s0.json\"}");
    // WHEN
    ContractRegistry registry = assertTimeoutPreemptively(Duration.ofSeconds(60), tree::load);
    // THEN
    assertThat(registry.schemaFiles()).hasSize(n + 2);
    assertThat(registry.compileAll()).isEqualTo(1);
    assertThat(validate(registry, "{\"a\": {\"a\": {\"a\": 5}}}")).singleElement()
        .satisfies(v -> assertThat(v.instancePointer()).isEqualTo("/a/a/a"));
  }

  @Test
  void should_refuse_a_chain_of_5000_references_in_one_file_at_load() {
    // GIVEN #/$defs/d0 -> d1 -> ... -> d5000
    int n = 5000;
    StringBuilder defs = new StringBuilder();
    for (int i = 0; i < n; i++) {
      defs.append("\"d").append(i).append("\": {\"$ref\": \"#/$defs/d").append(i + 1).append("\"},\n");
    }
    shop("{\"$ref\": \"#/$defs/d0\", \"$defs\": {\n" + defs + "\"d" + n + "\": {\"type\": \"object\"}}}");
    // WHEN
    ContractException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ContractTree.in(root).loadFailure());
    // THEN
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.where()).isEqualTo("line 1, column 1");
    assertThat(e.expected()).startsWith("at most 500 levels of $ref, allOf, anyOf");
    assertThat(e.actual()).isEqualTo("a chain of more than 500 levels from here");
  }

  @Test
  void should_load_a_chain_of_references_within_the_limit() {
    // GIVEN a chain of 200 references with a sibling keyword each (not bare)
    int n = 200;
    StringBuilder defs = new StringBuilder();
    for (int i = 0; i < n; i++) {
      defs.append("\"d").append(i).append("\": {\"$ref\": \"#/$defs/d").append(i + 1)
          .append("\", \"minLength\": 1},\n");
    }
    ContractRegistry registry =
        shop("{\"$ref\": \"#/$defs/d0\", \"$defs\": {\n" + defs + "\"d" + n + "\": {\"type\": \"object\"}}}").load();
    // WHEN
    List<Violation> violations = validate(registry, "5");
    // THEN
    assertThat(violations).singleElement().extracting(Violation::rule).isEqualTo("body.type");
  }

  @Test
  void should_refuse_an_in_place_cycle_that_validation_could_not_leave() {
    // GIVEN A is allOf [B], B is anyOf [A, string]: validating any value would never end
    shop("""
        {
          "$ref": "#/$defs/A",
          "$defs": {
            "A": {"allOf": [{"$ref": "#/$defs/B"}]},
            "B": {"anyOf": [{"$ref": "#/$defs/A"}, {"type": "string"}]}
          }
        }
        """);
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.where()).startsWith("line ").contains(", at /$defs/");
    assertThat(e.actual()).contains("never descends into the value");
  }

  @Test
  void should_load_a_recursive_schema_that_descends_into_the_value() {
    // GIVEN a tree of nodes: the recursion goes through properties
    ContractRegistry registry = shop("""
        {"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object",
          "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}
        """).load();
    // WHEN
    List<Violation> violations = validate(registry, "{\"children\": [{\"children\": [5]}]}");
    // THEN
    assertThat(violations).singleElement().satisfies(v -> assertThat(v.instancePointer())
        .isEqualTo("/children/0/children/0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"properties\": {\"a\": {\"minimum\": \"x\"}}}|/properties/a/minimum",
      "{\"properties\": {\"a\": {\"items\": 5}}}|/properties/a/items",
      "{\"$defs\": {\"x\": {\"allOf\": {}}}}|/$defs/x/allOf",
  })
  void should_refuse_a_schema_that_cannot_compile_at_load_with_its_pointer(String input) {
    // GIVEN
    String[] parts = input.split("\\|");
    shop(parts[0]);
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.where()).endsWith(", at " + parts[1]);
  }
}
