package dev.contractgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiImportTest {

  @TempDir Path tmp;

  static final String HEAD_30 = """
      openapi: 3.0.3
      info: {title: T, version: 1.0.0}
      servers: [{url: /api/t}]
      """;

  /** A 3.0 description whose GET /x answers 200 with the given schema (YAML flow or block, indented 12). */
  static String responseSpec(String schemaYaml, String components) {
    return HEAD_30 + """
        paths:
          /x:
            get:
              operationId: getX
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
        """ + indent(schemaYaml, 16) + (components.isEmpty() ? "" : "components:\n  schemas:\n" + indent(components, 4));
  }

  static String indent(String text, int n) {
    return text.stripIndent().lines().map(l -> " ".repeat(n) + l).reduce("", (a, b) -> a + b + "\n");
  }

  Path spec(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  ImportedVersion convert(String text) throws IOException {
    return OpenApiImport.convert(spec("spec.yaml", text), "t", "1.0.0", Optional.empty());
  }

  static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }

  static JsonNode schemaOf(ImportedVersion v, String endpointId, int status) {
    Endpoint e = v.version().endpoint(endpointId).orElseThrow();
    return v.schemas().get(e.responses().get(status).schema().orElseThrow().file());
  }

  static JsonNode component(ImportedVersion v, String file, String name) {
    return v.schemas().get("t/1.0.0/schemas/" + file).get("$defs").get(name);
  }

  @Nested
  class Nullable {

    @Test
    void should_turn_nullable_next_to_type_into_a_type_array() throws IOException {
      // GIVEN
      ImportedVersion v = convert(responseSpec("""
          type: object
          properties:
            a: {type: string, nullable: true}
            b: {type: [integer], nullable: true}
            c: {type: string, nullable: false}
          """, ""));
      // WHEN
      JsonNode props = schemaOf(v, "get-x", 200).get("properties");
      // THEN
      assertThat(props.get("a")).isEqualTo(json("{\"type\":[\"string\",\"null\"]}"));
      assertThat(props.get("b")).isEqualTo(json("{\"type\":[\"integer\",\"null\"]}"));
      assertThat(props.get("c")).isEqualTo(json("{\"type\":\"string\"}"));
    }

    @Test
    void should_wrap_nullable_without_type_next_to_ref_allOf_anyOf_oneOf_in_anyOf_with_null() throws IOException {
      // GIVEN
      ImportedVersion v = convert(responseSpec("""
          type: object
          properties:
            r: {$ref: '#/components/schemas/A', nullable: true}
            all: {allOf: [{$ref: '#/components/schemas/A'}], nullable: true}
            any: {anyOf: [{type: string}, {type: integer}], nullable: true}
            one: {oneOf: [{type: string}, {type: integer}], nullable: true}
            free: {nullable: true}
          """, "A: {type: object}"));
      // WHEN
      JsonNode props = schemaOf(v, "get-x", 200).get("properties");
      // THEN
      assertThat(props.get("r")).isEqualTo(json(
          "{\"anyOf\":[{\"$ref\":\"components.schema.json#/$defs/A\"},{\"type\":\"null\"}]}"));
      assertThat(props.get("all")).isEqualTo(json(
          "{\"anyOf\":[{\"allOf\":[{\"$ref\":\"components.schema.json#/$defs/A\"}]},{\"type\":\"null\"}]}"));
      assertThat(props.get("any")).isEqualTo(json(
          "{\"anyOf\":[{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]},{\"type\":\"null\"}]}"));
      assertThat(props.get("one").get("anyOf").get(1)).isEqualTo(json("{\"type\":\"null\"}"));
      assertThat(props.get("free")).isEqualTo(json("{}"));
    }

    @Test
    void should_add_null_to_the_enum_of_a_nullable_enum() throws IOException {
      ImportedVersion v = convert(responseSpec("{type: string, enum: [a, b], nullable: true}", ""));
      assertThat(schemaOf(v, "get-x", 200).get("enum")).isEqualTo(json("[\"a\",\"b\",null]"));
      assertThat(schemaOf(v, "get-x", 200).get("type")).isEqualTo(json("[\"string\",\"null\"]"));
    }

    @Test
    void should_map_nullable_inside_components_too() throws IOException {
      ImportedVersion v = convert(responseSpec("{$ref: '#/components/schemas/A'}",
          "A: {type: object, properties: {n: {type: number, nullable: true}}}"));
      assertThat(component(v, "components.schema.json", "A").at("/properties/n/type"))
          .isEqualTo(json("[\"number\",\"null\"]"));
    }
  }

  @Nested
  class Dialect {

    @Test
    void should_turn_boolean_exclusive_bounds_into_numbers_and_example_into_examples() throws IOException {
      ImportedVersion v = convert(responseSpec("""
          type: object
          properties:
            a: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}
            b: {type: integer, minimum: 0, exclusiveMinimum: false}
            c: {type: string, example: hello}
          """, ""));
      JsonNode props = schemaOf(v, "get-x", 200).get("properties");
      assertThat(props.get("a")).isEqualTo(json("{\"type\":\"integer\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":10}"));
      assertThat(props.get("b")).isEqualTo(json("{\"type\":\"integer\",\"minimum\":0}"));
      assertThat(props.get("c")).isEqualTo(json("{\"type\":\"string\",\"examples\":[\"hello\"]}"));
    }

    @Test
    void should_pass_a_3_1_schema_through_apart_from_references() throws IOException {
      String text = """
          openapi: 3.1.0
          info: {title: T, version: 1.0.0}
          paths:
            /x:
              get:
                operationId: getX
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            a: {type: [string, 'null'], exclusiveMinimum: 3, example: q}
                            b: {$ref: '#/components/schemas/B', description: kept}
          components:
            schemas:
              B: {type: integer}
          """;
      ImportedVersion v = convert(text);
      JsonNode props = schemaOf(v, "get-x", 200).get("properties");
      assertThat(props.get("a")).isEqualTo(json("{\"type\":[\"string\",\"null\"],\"exclusiveMinimum\":3,\"example\":\"q\"}"));
      assertThat(props.get("b")).isEqualTo(json("{\"$ref\":\"components.schema.json#/$defs/B\",\"description\":\"kept\"}"));
    }
  }

  @Nested
  class Directions {

    static final String PET = """
        Pet:
          type: object
          required: [id, name, password]
          properties:
            id: {type: integer, readOnly: true}
            name: {type: string}
            password: {type: string, writeOnly: true}
            ref: {$ref: '#/components/schemas/Stamp'}
        Stamp: {type: string, readOnly: true}
        """;

    static final String SPEC = HEAD_30 + """
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
        """ + indent(PET, 4);

    @Test
    void should_drop_read_only_properties_from_request_schemas_and_write_only_ones_from_responses() throws IOException {
      // WHEN
      ImportedVersion v = convert(SPEC);
      // THEN
      Endpoint e = v.version().endpoint("create-pet").orElseThrow();
      assertThat(v.schemas().get(e.request().body().orElseThrow().file()).get("$ref").asString())
          .isEqualTo("components.request.schema.json#/$defs/Pet");
      assertThat(v.schemas().get(e.responses().get(201).schema().orElseThrow().file()).get("$ref").asString())
          .isEqualTo("components.response.schema.json#/$defs/Pet");
      JsonNode request = component(v, "components.request.schema.json", "Pet");
      assertThat(request.get("properties").propertyNames()).containsExactly("name", "password");
      assertThat(request.get("required")).isEqualTo(json("[\"name\",\"password\"]"));
      JsonNode response = component(v, "components.response.schema.json", "Pet");
      assertThat(response.get("properties").propertyNames()).containsExactly("id", "name", "ref");
      assertThat(response.get("required")).isEqualTo(json("[\"id\",\"name\"]"));
      assertThat(v.schemas()).doesNotContainKey("t/1.0.0/schemas/components.schema.json");
    }

    @Test
    void should_drop_read_only_query_parameters_never_and_keep_inline_request_schemas_per_direction() throws IOException {
      ImportedVersion v = convert(HEAD_30 + """
          paths:
            /a:
              put:
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, v]
                        properties:
                          id: {type: integer, readOnly: true}
                          v: {type: string}
                responses:
                  '204': {description: ok}
          """);
      Endpoint e = v.version().endpoints().get(0);
      assertThat(e.id()).isEqualTo("put.a");
      JsonNode body = v.schemas().get(e.request().body().orElseThrow().file());
      assertThat(body.get("properties").propertyNames()).containsExactly("v");
      assertThat(body.get("required")).isEqualTo(json("[\"v\"]"));
    }
  }

  @Nested
  class Data {

    @Test
    void should_leave_ref_looking_objects_in_example_examples_default_enum_and_const_untouched() throws IOException {
      // GIVEN: none of these "$ref"s exists, and one is remote: as data they must not matter
      ImportedVersion v = convert(responseSpec("""
          type: object
          example: {link: {$ref: '#/components/schemas/Missing'}}
          default: {$ref: 'https://example.com/x.json'}
          properties:
            e: {enum: [{$ref: other.yaml#/X}]}
            c: {const: {$ref: '#/nowhere'}}
            s: {type: object, examples: [{$ref: '#/paths'}]}
          """, ""));
      // WHEN
      JsonNode s = schemaOf(v, "get-x", 200);
      // THEN
      assertThat(s.get("examples")).isEqualTo(json("[{\"link\":{\"$ref\":\"#/components/schemas/Missing\"}}]"));
      assertThat(s.get("default")).isEqualTo(json("{\"$ref\":\"https://example.com/x.json\"}"));
      assertThat(s.at("/properties/e/enum")).isEqualTo(json("[{\"$ref\":\"other.yaml#/X\"}]"));
      assertThat(s.at("/properties/c/const")).isEqualTo(json("{\"$ref\":\"#/nowhere\"}"));
      assertThat(s.at("/properties/s/examples")).isEqualTo(json("[{\"$ref\":\"#/paths\"}]"));
    }

    @Test
    void should_write_a_tree_that_loads_although_examples_hold_ref_looking_data() throws IOException {
      ImportedVersion v = convert(responseSpec("{$ref: '#/components/schemas/A'}",
          "A: {type: object, example: {$ref: 'https://example.com/a'}, properties: {example: {type: string}}}"));
      v.writeTo(tmp.resolve("tree"), false);
      ContractRegistry r = ContractRegistry.load(tmp.resolve("tree"));
      assertThat(r.compileAll()).isEqualTo(1);
    }
  }

  @Nested
  class Refusals {

    @Test
    void should_refuse_a_remote_ref_naming_the_pointer_and_line() throws IOException {
      ContractException e = catchThrowableOfType(ContractException.class, () -> convert(responseSpec("""
          type: object
          properties:
            a: {$ref: 'https://example.com/schemas/a.json'}
          """, "")));
      assertThat(e.getMessage())
          .startsWith("Cannot import OpenAPI description: " + tmp.resolve("spec.yaml"))
          .contains("line 16, column 29", "/paths/~1x/get/responses/200/content/application~1json/schema/properties/a/$ref")
          .contains("\"https://example.com/schemas/a.json\": a remote reference")
          .contains("hint    : bundle the description into one self-contained file");
    }

    @Test
    void should_name_the_pointer_of_a_refused_ref_inside_combinators_and_escaped_names() throws IOException {
      ContractException e = catchThrowableOfType(ContractException.class, () -> convert(responseSpec("""
          type: object
          properties:
            'a/b~c':
              anyOf:
                - {type: string}
                - {items: {$ref: 'https://example.com/x.json'}}
          """, "")));
      assertThat(e.getMessage()).contains(
          "/paths/~1x/get/responses/200/content/application~1json/schema/properties/a~1b~0c/anyOf/1/items/$ref");
    }

    @Test
    void should_refuse_a_ref_to_another_file_and_to_a_missing_component() throws IOException {
      ContractException other = catchThrowableOfType(ContractException.class,
          () -> convert(responseSpec("{$ref: 'common.yaml#/Pet'}", "")));
      assertThat(other.getMessage()).contains("\"common.yaml#/Pet\": a reference to another file");
      ContractException missing = catchThrowableOfType(ContractException.class,
          () -> convert(responseSpec("{$ref: '#/components/schemas/Nope'}", "A: {type: string}")));
      assertThat(missing.getMessage()).contains("\"#/components/schemas/Nope\": no such component");
    }

    @Test
    void should_refuse_duplicate_component_names_naming_both_lines() throws IOException {
      String text = responseSpec("{$ref: '#/components/schemas/A'}", """
          A: {type: string}
          B: {type: integer}
          A: {type: object}
          """);
      ContractException e = catchThrowableOfType(ContractException.class, () -> convert(text));
      assertThat(e.getMessage())
          .contains("spec.yaml (line 19, column 5)")
          .contains("key \"A\" a second time (first at line 17)");
    }

    @Test
    void should_refuse_malformed_yaml_with_file_and_line() throws IOException {
      ContractException e = catchThrowableOfType(ContractException.class,
          () -> convert(HEAD_30 + "paths:\n  /x:\n    get: {responses: [\n"));
      assertThat(e.getMessage()).startsWith("Cannot read YAML: " + tmp.resolve("spec.yaml") + " (line ");
      assertThat(e.where()).startsWith("line ");
    }

    @Test
    void should_refuse_swagger_2() throws IOException {
      ContractException e = catchThrowableOfType(ContractException.class,
          () -> convert("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n"));
      assertThat(e.getMessage()).contains("but was : Swagger 2.0").contains("convert it to OpenAPI 3 first");
    }
  }

  @Nested
  class Ids {

    @Test
    void should_normalise_operation_ids_and_fall_back_to_method_and_path() throws IOException {
      ImportedVersion v = convert(HEAD_30 + """
          paths:
            /pets/{petId}:
              get: {operationId: Pets.GetByID, responses: {'200': {description: ok}}}
              put: {operationId: update pet/v2, responses: {'200': {description: ok}}}
              delete: {operationId: 2fa_Reset, responses: {'200': {description: ok}}}
              patch: {responses: {'200': {description: ok}}}
            /pets:
              get: {operationId: listPets, responses: {'200': {description: ok}}}
          """);
      assertThat(v.version().endpoints()).extracting(Endpoint::id)
          .containsExactly("pets.get-by-id", "update-pet-v2", "op-2fa_reset", "patch.pets.pet-id", "list-pets");
    }

    @Test
    void should_collapse_runs_of_separators_and_trim_them_from_each_segment() {
      assertThat(Operations.normaliseId("--List  Pets--")).isEqualTo("list-pets");
      assertThat(Operations.normaliseId("Get--By---ID.-x-")).isEqualTo("get-by-id.x");
      assertThat(Operations.normaliseId("a..b")).isEqualTo("a.b");
      assertThat(Operations.normaliseId("-.-")).isEmpty();
    }

    @Test
    void should_give_colliding_ids_a_deterministic_suffix_in_document_order() throws IOException {
      ImportedVersion v = convert(HEAD_30 + """
          paths:
            /a:
              get: {operationId: listPets, responses: {'200': {description: ok}}}
            /b:
              get: {operationId: list-pets, responses: {'200': {description: ok}}}
            /c:
              get: {operationId: ListPets, responses: {'200': {description: ok}}}
            /d:
              get: {operationId: list-pets-2, responses: {'200': {description: ok}}}
          """);
      assertThat(v.version().endpoints()).extracting(Endpoint::id)
          .containsExactly("list-pets", "list-pets-3", "list-pets-4", "list-pets-2");
      assertThat(v.notes()).contains("GET /b: id \"list-pets\" is already used by an earlier operation; this one is"
          + " \"list-pets-3\"");
    }
  }

  @Nested
  class Tree {

    static final String V1 = HEAD_30 + """
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Shop-Token}
        paths:
          /orders/{id}:
            get:
              operationId: orders.get
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: expand, in: query, schema: {type: boolean}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, total]
                        properties:
                          id: {type: string}
                          total: {type: number}
        """;

    @Test
    void should_write_a_tree_that_loads_with_namespace_endpoints_and_schemas() throws IOException {
      // WHEN
      OpenApiImport.importInto(spec("v1.yaml", V1), tmp.resolve("tree"), "shop", "1.0.0", Optional.empty(), false);
      // THEN
      ContractRegistry r = ContractRegistry.load(tmp.resolve("tree"));
      assertThat(r.requireNamespace("shop").basePath()).isEqualTo("/api/t/");
      assertThat(r.requireNamespace("shop").auth().orElseThrow().header()).isEqualTo("X-Shop-Token");
      assertThat(r.requireNamespace("shop").auth().orElseThrow().tokenEnv()).isEqualTo("SHOP_API_TOKEN");
      Endpoint e = r.requireEndpoint(r.requireVersion("shop", "1.0.0"), "orders.get");
      assertThat(e.path()).isEqualTo("orders/{id}");
      assertThat(r.schemaDocument(e.request().query().orElseThrow().file()).orElseThrow())
          .isEqualTo(json("""
              {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
               "properties":{"expand":{"type":"boolean"}}}"""));
      assertThat(r.compileAll()).isEqualTo(2);
      assertThat(Files.readString(tmp.resolve("tree/shop/namespace.yaml"))).contains("tokenEnv: SHOP_API_TOKEN");
      try (var s = Files.list(tmp.resolve("tree/shop"))) {
        assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("namespace.yaml", "1.0.0");
      }
    }

    @Test
    void should_report_a_removed_required_response_property_between_two_imported_versions_as_breaking()
        throws IOException {
      // GIVEN
      Path tree = tmp.resolve("tree");
      OpenApiImport.importInto(spec("v1.yaml", V1), tree, "shop", "1.0.0", Optional.empty(), false);
      String v2 = V1.replace("required: [id, total]", "required: [id]").replace("total: {type: number}\n", "");
      OpenApiImport.importInto(spec("v2.yaml", v2), tree, "shop", "1.1.0", Optional.empty(), false);
      ContractRegistry r = ContractRegistry.load(tree);
      // WHEN
      VersionDiff d = ContractDiff.compare(r, r.requireVersion("shop", "1.0.0"), r.requireVersion("shop", "1.1.0"),
          DiffPolicy.defaults(), LocalDate.of(2026, 1, 1));
      // THEN
      List<Change> breaking = d.changes().stream().map(EndpointChange::change)
          .filter(c -> c.severity() == Severity.BREAKING).toList();
      assertThat(breaking).extracting(Change::ruleId).contains("response.property.required-removed");
      assertThat(breaking).extracting(Change::path).contains("/total");
    }

    @Test
    void should_refuse_an_existing_version_without_force_and_replace_it_with_force() throws IOException {
      Path tree = tmp.resolve("tree");
      OpenApiImport.importInto(spec("v1.yaml", V1), tree, "shop", "1.0.0", Optional.empty(), false);
      ContractException e = catchThrowableOfType(ContractException.class,
          () -> OpenApiImport.importInto(spec("v1.yaml", V1), tree, "shop", "1.0.0", Optional.empty(), false));
      assertThat(e.getMessage()).contains("it exists already").contains("pass --force to replace it");
      String renamed = V1.replace("orders.get", "orders.fetch");
      OpenApiImport.importInto(spec("v1b.yaml", renamed), tree, "shop", "1.0.0", Optional.empty(), true);
      ContractRegistry r = ContractRegistry.load(tree);
      assertThat(r.requireVersion("shop", "1.0.0").endpoints()).extracting(Endpoint::id).containsExactly("orders.fetch");
      try (var s = Files.list(tree.resolve("shop"))) {
        assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("namespace.yaml", "1.0.0");
      }
    }

    @Test
    void should_write_nothing_when_the_conversion_fails() throws IOException {
      Path tree = tmp.resolve("tree");
      String broken = V1.replace("id: {type: string}\n", "id: {$ref: 'http://x/y'}\n");
      catchThrowableOfType(ContractException.class,
          () -> OpenApiImport.importInto(spec("b.yaml", broken), tree, "shop", "1.0.0", Optional.empty(), false));
      assertThat(tree.resolve("shop")).doesNotExist();
    }

    @Test
    void should_keep_an_existing_namespace_yaml_and_its_base_path() throws IOException {
      Path tree = tmp.resolve("tree");
      Files.createDirectories(tree.resolve("shop"));
      Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /api/\n");
      OpenApiImport.importInto(spec("v1.yaml", V1), tree, "shop", "1.0.0", Optional.empty(), false);
      ContractRegistry r = ContractRegistry.load(tree);
      assertThat(r.requireNamespace("shop").auth()).isEmpty();
      assertThat(r.requireVersion("shop", "1.0.0").endpoints().get(0).path()).isEqualTo("t/orders/{id}");
    }
  }
}
