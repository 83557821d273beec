package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.contractgate.openapi.ImportedVersion;
import dev.contractgate.openapi.OpenApiImport;
import dev.contractgate.testing.ContractTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * YAML aliases are expanded, within a budget of values per file, in every YAML we read (contract files and
 * OpenAPI descriptions go through {@link LocatedDocument}); and messages about a file say what is really
 * there and where.
 */
class YamlAndEncodingTest {

  @TempDir Path root;

  private static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }

  @Test
  void should_expand_aliases_in_a_probe_body() {
    // GIVEN a probe body that repeats an anchored object
    ContractRegistry registry = ContractTree.in(root).withShop().endpoints("shop", "1.0.0", """
        endpoints:
          - id: order.get
            method: POST
            path: orders
            responses:
              "200": {schema: schemas/order.schema.json}
            probe:
              body:
                billing: &address {street: Main 1, city: Berlin}
                shipping: *address
        """).load();
    // WHEN
    JsonNode body = registry.latest("shop").endpoint("order.get").orElseThrow().probe().orElseThrow().body()
        .orElseThrow();
    // THEN
    assertThat(body).isEqualTo(json("""
        {"billing": {"street": "Main 1", "city": "Berlin"}, "shipping": {"street": "Main 1", "city": "Berlin"}}
        """));
  }

  @Test
  void should_expand_an_alias_to_a_schema_in_an_openapi_description() throws IOException {
    // GIVEN the 200 response's schema is an alias of a schema anchored earlier in the description
    Path spec = Files.writeString(root.resolve("spec.yaml"), """
        openapi: 3.0.3
        info: {title: T, version: 1.0.0}
        x-shared:
          petlist: &petlist {type: array, items: {type: string}}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: *petlist
        """);
    // WHEN
    ImportedVersion v = OpenApiImport.convert(spec, "t", "1.0.0", Optional.empty());
    // THEN
    Endpoint e = v.version().endpoints().get(0);
    JsonNode schema = v.schemas().get(e.responses().get(200).schema().orElseThrow().file());
    assertThat(schema.get("type").asString()).isEqualTo("array");
    assertThat(schema.get("items")).isEqualTo(json("{\"type\": \"string\"}"));
  }

  @Test
  void should_refuse_aliases_that_expand_beyond_the_budget_with_line_and_column() {
    // GIVEN "billion laughs": each level nine aliases of the one before
    StringBuilder yaml = new StringBuilder("basePath: /api/shop/\ndescription: x\nx0: &x0 [lol]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("x").append(i).append(": &x").append(i).append(" [")
          .append(("*x" + (i - 1) + ", ").repeat(8)).append("*x").append(i - 1).append("]\n");
    }
    ContractTree.in(root).withShop().namespace("shop", yaml.toString());
    // WHEN
    ContractException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ContractTree.in(root).loadFailure());
    // THEN
    assertThat(e.file()).isEqualTo("shop/namespace.yaml");
    assertThat(e.where()).matches("line \\d+, column \\d+");
    assertThat(e.actual()).isEqualTo("aliases that expand to more than 100000 values");
  }

  @Test
  void should_refuse_an_alias_to_an_anchor_that_is_not_defined() {
    // GIVEN
    ContractTree.in(root).withShop().namespace("shop", "basePath: /api/shop/\ndescription: *nowhere\n");
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/namespace.yaml");
    assertThat(e.getMessage()).contains("line 2");
  }

  @Test
  void should_report_a_bad_byte_at_its_line_and_column() throws IOException {
    // GIVEN line 3 holds a byte that is not UTF-8 after "owners: [j"
    ContractTree.in(root).withShop();
    byte[] head = "basePath: /api/shop/\ndescription: Shop\nowners: [j".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "rg]\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xF6; // ö in Latin-1
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Files.write(root.resolve("shop/namespace.yaml"), bytes);
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/namespace.yaml");
    assertThat(e.where()).isEqualTo("line 3, column 11");
    assertThat(e.expected()).isEqualTo("UTF-8 text");
    assertThat(e.actual()).contains("0xF6");
  }

  @Test
  void should_say_a_directory_where_a_schema_file_should_be() {
    // GIVEN schemas/order.schema.json is a folder
    ContractTree.in(root).withShop().delete("shop/1.0.0/schemas/order.schema.json")
        .directory("shop/1.0.0/schemas/order.schema.json");
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
    assertThat(e.actual()).contains("a directory, not a file").doesNotContain("not found");
  }

  @Test
  void should_say_a_directory_where_namespace_yaml_should_be() {
    // GIVEN
    ContractTree.in(root).withShop().delete("shop/namespace.yaml").directory("shop/namespace.yaml");
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/namespace.yaml");
    assertThat(e.actual()).isEqualTo("a directory, not a file");
  }

  @Test
  void should_say_a_directory_where_a_referenced_schema_file_should_be() {
    // GIVEN
    ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json", "{\"$ref\": \"common.json\"}")
        .directory("shop/1.0.0/schemas/common.json");
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/1.0.0/schemas/order.schema.json");
    assertThat(e.actual()).contains("a directory, not a file").doesNotContain("does not exist");
  }

  @Test
  void should_refuse_a_policy_that_is_a_directory() {
    // GIVEN
    ContractTree.in(root).withShop().directory("contract-gate.yaml");
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("contract-gate.yaml");
    assertThat(e.actual()).isEqualTo("a directory, not a file");
  }
}
