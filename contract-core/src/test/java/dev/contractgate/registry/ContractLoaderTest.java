package dev.contractgate.registry;

import static dev.contractgate.testing.ContractTree.ORDER_SCHEMA;
import static dev.contractgate.testing.ContractTree.SHOP_ENDPOINTS;
import static dev.contractgate.testing.ContractTree.SHOP_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.testing.ContractTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractLoaderTest {

  @TempDir Path root;

  private ContractTree tree() {
    return ContractTree.in(root).withShop();
  }

  /** The baseline endpoints.yaml with more lines in the "200" response, each indented as a response key. */
  private static String responseWith(String... lines) {
    String anchor = "        schema: schemas/order.schema.json\n";
    return SHOP_ENDPOINTS.replace(anchor, anchor + String.join("", java.util.Arrays.stream(lines)
        .map(l -> "        " + l + "\n").toList()));
  }

  /** A second endpoint appended to the baseline endpoints.yaml. */
  private static String endpointsWith(String extraEndpoint) {
    return SHOP_ENDPOINTS + extraEndpoint;
  }

  @Test
  void should_load_the_baseline_tree() {
    // GIVEN
    ContractTree tree = tree();
    // WHEN
    ContractRegistry registry = tree.load();
    // THEN
    assertThat(registry.namespaces()).singleElement().satisfies(ns -> {
      assertThat(ns.id()).isEqualTo("shop");
      assertThat(ns.basePath()).isEqualTo("/api/shop/");
      assertThat(ns.sessionCookie()).contains("SHOP_SESSID");
      assertThat(ns.auth()).hasValueSatisfying(a -> assertThat(a.statusWithoutToken()).containsExactly(401, 403));
    });
    Endpoint endpoint = registry.requireEndpoint(registry.requireVersion("shop", "1.0.0"), "order.get");
    assertThat(endpoint.responses().get(200).contentType()).contains("application/json");
    assertThat(endpoint.probe()).hasValueSatisfying(p -> {
      assertThat(p.pathParams()).containsEntry("id", "1");
      assertThat(p.expectStatus()).isEqualTo(200);
    });
    assertThat(registry.schemaFiles()).containsExactly("shop/1.0.0/schemas/order.schema.json");
    assertThat(registry.compileAll()).isEqualTo(1);
  }

  @Nested
  class Syntax {

    @Test
    void should_fail_on_malformed_yaml_with_line_and_column() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", """
          basePath: /api/shop/
            description: indented by mistake
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/namespace.yaml");
      assertThat(e.where()).isEqualTo("line 2, column 14");
      assertThat(e.getMessage())
          .startsWith("Cannot read YAML: shop/namespace.yaml (line 2, column 14)")
          .contains("expected: well-formed YAML")
          .contains("but was : mapping values are not allowed here")
          .contains("hint    : check indentation and quoting around this line");
    }

    @Test
    void should_fail_on_malformed_json_schema_with_line_and_column() {
      // GIVEN
      ContractTree tree = tree().schema("shop", "1.0.0", "order.schema.json", """
          {
            "type": "object",,
            "required": ["id"]
          }
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/schemas/order.schema.json");
      assertThat(e.where()).isEqualTo("line 2, column 20");
      assertThat(e.getMessage())
          .startsWith("Cannot read JSON: shop/1.0.0/schemas/order.schema.json (line 2, column 20)")
          .contains("expected: well-formed JSON")
          .contains("but was : Unexpected character (',' (code 44))")
          .contains("hint    : check for a missing comma, quote or bracket just before this position");
    }

    @Test
    void should_name_both_lines_of_a_duplicate_yaml_key() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", """
          basePath: /api/shop/
          description: The shop
          basePath: /api/other/
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/namespace.yaml");
      assertThat(e.where()).isEqualTo("line 3, column 1");
      assertThat(e.getMessage())
          .contains("expected: each key once per object")
          .contains("but was : key \"basePath\" a second time (first at line 1)")
          .contains("hint    : remove one of the two");
    }

    @Test
    void should_name_both_lines_of_a_duplicate_json_key() {
      // GIVEN
      ContractTree tree = tree().schema("shop", "1.0.0", "order.schema.json", """
          {
            "type": "object",
            "properties": {
              "id": {"type": "integer"}
            },
            "type": "array"
          }
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/schemas/order.schema.json");
      assertThat(e.where()).isEqualTo("line 6, column 3");
      assertThat(e.getMessage())
          .startsWith("Cannot read JSON")
          .contains("expected: each key once per object")
          .contains("but was : key \"type\" a second time (first at line 2)")
          .contains("hint    : remove one of the two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "\n\n"})
    void should_fail_on_an_empty_yaml_file(String content) {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", content);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.where()).isEmpty();
      assertThat(e.getMessage())
          .startsWith("Cannot read YAML: shop/1.0.0/endpoints.yaml\n")
          .contains("expected: a YAML document")
          .contains("but was : an empty file")
          .contains("hint    : write the document, or delete the file if it is not needed");
    }

    @Test
    void should_fail_on_an_empty_schema_file() {
      // GIVEN
      ContractTree tree = tree().schema("shop", "1.0.0", "order.schema.json", "");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/schemas/order.schema.json");
      assertThat(e.getMessage()).contains("expected: a JSON document").contains("but was : an empty file");
    }

    @Test
    void should_fail_on_content_after_the_json_document() {
      // GIVEN
      ContractTree tree = tree().schema("shop", "1.0.0", "order.schema.json", ORDER_SCHEMA + "{}\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/schemas/order.schema.json");
      assertThat(e.where()).isEqualTo("line 8, column 1");
      assertThat(e.getMessage())
          .contains("expected: one JSON value")
          .contains("but was : more content after the end of the first value")
          .contains("hint    : a file holds exactly one document");
    }
    @Test
    void should_fail_on_a_second_yaml_document() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", SHOP_NAMESPACE + "---\nbasePath: /api/other/\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/namespace.yaml");
      assertThat(e.where()).startsWith("line 8");
      assertThat(e.getMessage())
          .contains("expected: one YAML value")
          .contains("but was : more content after the end of the first value");
    }

    @Test
    void should_fail_on_a_scalar_where_a_mapping_belongs() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", "/api/shop/\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/namespace.yaml");
      assertThat(e.where()).isEqualTo("line 1, column 1");
      assertThat(e.getMessage())
          .contains("expected: a mapping (the namespace)")
          .contains("but was : \"/api/shop/\"")
          .contains("hint    : write the namespace as key: value lines");
    }
  }

  @Nested
  class UnknownKeys {

    @Test
    void should_suggest_the_near_miss_for_an_unknown_namespace_key() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", "basepath: /api/shop/\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/namespace.yaml");
      assertThat(e.where()).isEqualTo("line 1, column 11, at /basepath");
      assertThat(e.getMessage())
          .startsWith("Cannot load contract: shop/namespace.yaml (line 1, column 11, at /basepath)")
          .contains("expected: one of [auth, basePath, description, owners, sessionCookie]")
          .contains("but was : unknown key \"basepath\"")
          .contains("hint    : did you mean \"basePath\"?");
    }

    @Test
    void should_point_to_the_docs_for_an_unknown_key_without_a_near_miss() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", SHOP_NAMESPACE + "xyzzyFrobnicate: true\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 7, column 18, at /xyzzyFrobnicate");
      assertThat(e.getMessage())
          .contains("but was : unknown key \"xyzzyFrobnicate\"")
          .contains("hint    : remove the key; see docs/contract-format.md")
          .doesNotContain("did you mean");
    }

    @Test
    void should_fail_on_an_unknown_key_in_the_auth_block() {
      // GIVEN
      ContractTree tree = tree().namespace("shop", SHOP_NAMESPACE.replace("tokenEnv:", "tokenEnvName:"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 5, column 17, at /auth/tokenEnvName");
      assertThat(e.getMessage())
          .contains("expected: one of [header, statusWithoutToken, tokenEnv]")
          .contains("but was : unknown key \"tokenEnvName\"")
          .contains("hint    : did you mean \"tokenEnv\"?");
    }

    @Test
    void should_fail_on_an_unknown_top_level_key_in_endpoints_yaml() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", "descripton: typo\n" + SHOP_ENDPOINTS);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.where()).isEqualTo("line 1, column 13, at /descripton");
      assertThat(e.getMessage())
          .contains("expected: one of [description, endpoints]")
          .contains("but was : unknown key \"descripton\"")
          .contains("hint    : did you mean \"description\"?");
    }

    @Test
    void should_fail_on_an_unknown_key_in_an_endpoint() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", SHOP_ENDPOINTS.replace("method: GET", "verb: GET"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 3, column 11, at /endpoints/0/verb");
      assertThat(e.getMessage())
          .contains("but was : unknown key \"verb\"")
          .contains("expected: one of [deprecated, featureFlag, id, method, path, probe, request, responses, summary, sunset]");
    }

    @Test
    void should_fail_on_an_unknown_key_in_a_response() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", responseWith("header: {Vary: {contains: [Origin]}}"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.where()).isEqualTo("line 8, column 17, at /endpoints/0/responses/200/header");
      assertThat(e.getMessage())
          .contains("expected: one of [contentType, cookies, headers, schema]")
          .contains("but was : unknown key \"header\"")
          .contains("hint    : did you mean \"headers\"?");
    }

    @Test
    void should_fail_on_an_unknown_key_in_a_consumer_file() {
      // GIVEN
      ContractTree tree = tree().consumer("shop-web", """
          namespace: shop
          version: 1.0.0
          read:
            order.get: [/id]
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("consumers/shop-web.yaml");
      assertThat(e.where()).isEqualTo("line 4, column 3, at /read");
      assertThat(e.getMessage())
          .contains("expected: one of [namespace, owners, reads, version]")
          .contains("but was : unknown key \"read\"")
          .contains("hint    : did you mean \"reads\"?");
    }

    @Test
    void should_fail_on_an_unknown_key_in_the_policy() {
      // GIVEN
      ContractTree tree = tree().policy("""
          limit:
            maxDepth: 10
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("contract-gate.yaml");
      assertThat(e.where()).isEqualTo("line 2, column 3, at /limit");
      assertThat(e.getMessage())
          .contains("expected: one of [exceptions, limits, severities]")
          .contains("but was : unknown key \"limit\"")
          .contains("hint    : did you mean \"limits\"?");
    }

    @Test
    void should_fail_on_an_unknown_key_in_the_policy_limits() {
      // GIVEN
      ContractTree tree = tree().policy("""
          limits:
            maxBytes: 10
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("contract-gate.yaml");
      assertThat(e.where()).isEqualTo("line 2, column 13, at /limits/maxBytes");
      assertThat(e.getMessage())
          .contains("expected: one of [maxBodyBytes, maxDepth]")
          .contains("but was : unknown key \"maxBytes\"");
    }
  }

  @Nested
  class TreeShape {

    @Test
    void should_fail_when_namespace_yaml_is_missing() {
      // GIVEN
      ContractTree tree = tree().delete("shop/namespace.yaml");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/namespace.yaml");
      assertThat(e.getMessage())
          .contains("expected: a namespace.yaml in every namespace folder")
          .contains("but was : missing file")
          .contains("hint    : create shop/namespace.yaml with at least 'basePath: /api/shop/'");
    }

    @Test
    void should_fail_when_endpoints_yaml_is_missing() {
      // GIVEN
      ContractTree tree = tree().directory("shop/1.1.0/schemas");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.1.0/endpoints.yaml");
      assertThat(e.getMessage())
          .contains("expected: an endpoints.yaml in every version folder")
          .contains("but was : missing file")
          .contains("hint    : create shop/1.1.0/endpoints.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "1.0", "v1.0.0", "1.0.0+build.5", "01.0.0", "1.0.0-01", "99999999999.0.0"})
    void should_fail_when_a_version_folder_is_not_a_semantic_version(String folder) {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", folder, SHOP_ENDPOINTS)
          .schema("shop", folder, "order.schema.json", ORDER_SCHEMA);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/" + folder + "/");
      assertThat(e.getMessage())
          .contains("expected: a version folder named as a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0)")
          .contains("but was : \"" + folder + "\"")
          .contains("hint    : rename the folder");
    }

    @Test
    void should_fail_when_a_namespace_has_no_version() {
      // GIVEN
      ContractTree tree = ContractTree.in(root).namespace("shop", SHOP_NAMESPACE);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/");
      assertThat(e.getMessage()).contains("but was : no version").contains("shop/1.0.0/endpoints.yaml");
    }

    @Test
    void should_fail_when_a_namespace_folder_name_is_invalid() {
      // GIVEN
      ContractTree tree = tree().namespace("Shop_2", SHOP_NAMESPACE);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("Shop_2/");
      assertThat(e.getMessage())
          .contains("expected: a namespace folder named like [a-z][a-z0-9-]*")
          .contains("but was : \"Shop_2\"");
    }

    @Test
    void should_fail_on_a_tree_without_any_namespace() {
      // GIVEN
      ContractTree tree = ContractTree.in(root)
          .file("README.md", "not a namespace")
          .consumer("shop-web", "namespace: shop\nversion: 1.0.0\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(root.toString());
      assertThat(e.getMessage())
          .contains("expected: at least one namespace folder with a namespace.yaml")
          .contains("but was : no namespace")
          .contains("hint    : create e.g. ivanpin/namespace.yaml");
    }

    @Test
    void should_fail_when_the_root_is_a_file() throws Exception {
      // GIVEN
      Path file = Files.writeString(root.resolve("contracts.yaml"), "basePath: /api/\n");
      // WHEN
      ContractException e = ContractTree.in(file).loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.getMessage())
          .contains("expected: a directory holding namespace folders")
          .contains("but was : a file")
          .contains("hint    : pass --contracts DIR");
    }

    @Test
    void should_fail_when_the_root_does_not_exist() {
      // WHEN
      ContractException e = ContractTree.in(root.resolve("nope")).loadFailure();
      // THEN
      assertThat(e.getMessage()).contains("but was : nothing at this path");
    }

    @Test
    void should_order_versions_by_semantic_version_precedence() {
      // GIVEN
      ContractTree tree = tree();
      for (String v : new String[] {"1.10.0", "1.2.0", "1.10.0-rc.1", "1.10.0-beta.11", "1.10.0-beta.2"}) {
        tree.endpoints("shop", v, SHOP_ENDPOINTS).schema("shop", v, "order.schema.json", ORDER_SCHEMA);
      }
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.versions("shop")).extracting(v -> v.version().toString())
          .containsExactly("1.0.0", "1.2.0", "1.10.0-beta.2", "1.10.0-beta.11", "1.10.0-rc.1", "1.10.0");
      assertThat(registry.latest("shop").version()).isEqualTo(SemVer.parse("1.10.0"));
    }
  }

  @Nested
  class Endpoints {

    @Test
    void should_name_both_positions_of_a_duplicate_endpoint_id() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", endpointsWith("""
            - id: order.get
              method: DELETE
              path: orders/{id}
              responses:
                "204": {}
          """));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.where()).isEqualTo("line 10, column 9, at /endpoints/1/id");
      assertThat(e.getMessage())
          .contains("expected: endpoint ids unique within a version")
          .contains("but was : \"order.get\" again (first at line 2, column 5)")
          .contains("hint    : rename one of the two endpoints");
    }

    @Test
    void should_fail_on_the_same_method_and_path_twice() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", endpointsWith("""
            - id: order.by-number
              method: GET
              path: orders/{number}
              responses:
                "200": {}
          """));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 12, column 11, at /endpoints/1/path");
      assertThat(e.getMessage())
          .contains("expected: one endpoint per method and path")
          .contains("but was : GET orders/{number} is also endpoint \"order.get\"")
          .contains("hint    : merge the two endpoints or change one path");
    }

    @Test
    void should_accept_the_same_path_with_another_method() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", endpointsWith("""
            - id: order.delete
              method: DELETE
              path: orders/{id}
              responses:
                "204": {}
          """));
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.latest("shop").endpoints()).extracting(Endpoint::id)
          .containsExactly("order.get", "order.delete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FETCH", "get"})
    void should_fail_on_an_invalid_http_method(String method) {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", SHOP_ENDPOINTS.replace("GET", method));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 3, column 13, at /endpoints/0/method");
      assertThat(e.getMessage())
          .contains("expected: one of [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]")
          .contains("but was : \"" + method + "\"")
          .contains("hint    : use an HTTP method name in upper case");
    }

    @Test
    void should_fail_when_an_endpoint_has_no_responses() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", """
          endpoints:
            - id: order.get
              method: GET
              path: orders
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 2, column 5, at /endpoints/0");
      assertThat(e.getMessage()).contains("expected: key \"responses\"").contains("but was : absent");
    }

    @Test
    void should_fail_when_the_endpoint_list_is_missing() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", "description: nothing yet\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.getMessage())
          .contains("expected: a non-empty list \"endpoints\"")
          .contains("but was : absent")
          .contains("hint    : list the endpoints of this version under 'endpoints:'");
    }

    @Test
    void should_fail_when_a_referenced_schema_file_is_missing() {
      // GIVEN
      ContractTree tree = tree().delete("shop/1.0.0/schemas/order.schema.json");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.where()).isEqualTo("line 7, column 17, at /endpoints/0/responses/200/schema");
      assertThat(e.getMessage())
          .contains("expected: an existing schema file")
          .contains("but was : \"schemas/order.schema.json\" (not found)")
          .contains("hint    : create shop/1.0.0/schemas/order.schema.json or fix the path (relative to shop/1.0.0/)");
    }

    @Test
    void should_fail_when_a_schema_fragment_does_not_exist() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0",
          SHOP_ENDPOINTS.replace("order.schema.json", "order.schema.json#/$defs/Order"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 7, column 17, at /endpoints/0/responses/200/schema");
      assertThat(e.getMessage())
          .contains("expected: a JSON pointer that exists in shop/1.0.0/schemas/order.schema.json")
          .contains("but was : \"#/$defs/Order\"")
          .contains("hint    : fix the fragment");
    }

    @Test
    void should_accept_a_schema_fragment_that_exists() {
      // GIVEN
      ContractTree tree = tree()
          .schema("shop", "1.0.0", "common.schema.json", """
              {"$defs": {"Order": {"type": "object", "required": ["id"]}}}
              """)
          .endpoints("shop", "1.0.0",
              SHOP_ENDPOINTS.replace("order.schema.json", "common.schema.json#/$defs/Order"));
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.latest("shop").endpoints().get(0).responses().get(200).schema())
          .hasValueSatisfying(s -> assertThat(s).hasToString("shop/1.0.0/schemas/common.schema.json#/$defs/Order"));
      assertThat(registry.compileAll()).isEqualTo(1);
    }

    @Test
    void should_fail_when_the_probe_misses_a_path_parameter() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0",
          SHOP_ENDPOINTS.replace("path: {id: 1}", "query: {lang: ru}"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 9, column 7, at /endpoints/0/probe");
      assertThat(e.getMessage())
          .contains("expected: a value for path parameter {id} under probe.path")
          .contains("but was : absent")
          .contains("hint    : add 'path: {id: ...}' to the probe");
    }

    @Test
    void should_fail_when_the_probe_names_an_unknown_path_parameter() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0",
          SHOP_ENDPOINTS.replace("path: {id: 1}", "path: {id: 1, slug: x}"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage())
          .contains("expected: only the path parameters of \"orders/{id}\"")
          .contains("but was : \"slug\"");
    }

    @Test
    void should_fail_on_an_invalid_header_regex() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0",
          responseWith("headers:", "  Cache-Control: {pattern: \"max-age=(\\\\d+\"}"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("shop/1.0.0/endpoints.yaml");
      assertThat(e.where()).isEqualTo("line 9, column 36, at /endpoints/0/responses/200/headers/Cache-Control/pattern");
      assertThat(e.getMessage())
          .contains("expected: a valid regular expression")
          .contains("but was : \"max-age=(\\d+\" (Unclosed group)")
          .contains("hint    : escape special characters with a backslash");
    }

    @Test
    void should_fail_on_a_header_expectation_with_two_checks() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0",
          responseWith("headers:", "  Vary: {contains: [Origin], equals: Origin}"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 9, column 17, at /endpoints/0/responses/200/headers/Vary");
      assertThat(e.getMessage())
          .contains("expected: exactly one of contains, equals, pattern, absent")
          .contains("but was : 2 keys");
    }

    @Test
    void should_read_header_expectations_and_cookies() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", responseWith(
          "headers:",
          "  Vary: {contains: [Origin, Accept-Encoding]}",
          "  X-Debug: {absent: true}",
          "  Cache-Control: {pattern: \"max-age=\\\\d+\"}",
          "  X-Api-Version: {equals: \"1\"}",
          "cookies: [SHOP_SESSID]"));
      // WHEN
      Endpoint.Response response = tree.load().latest("shop").endpoints().get(0).responses().get(200);
      // THEN
      assertThat(response.headers()).containsExactly(
          HeaderExpectation.matching("Cache-Control", "max-age=\\d+"),
          HeaderExpectation.contains("Vary", java.util.List.of("Origin", "Accept-Encoding")),
          HeaderExpectation.equalTo("X-Api-Version", "1"),
          HeaderExpectation.absent("X-Debug"));
      assertThat(response.cookies()).containsExactly("SHOP_SESSID");
    }

    @Test
    void should_fail_on_an_invalid_sunset_date() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0",
          SHOP_ENDPOINTS.replace("path: orders/{id}", "path: orders/{id}\n    deprecated: true\n    sunset: 2027-02-30"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 6, column 13, at /endpoints/0/sunset");
      assertThat(e.getMessage())
          .contains("expected: an ISO date (YYYY-MM-DD) for \"sunset\"")
          .contains("but was : \"2027-02-30\"");
    }

    @Test
    void should_fail_on_a_status_key_that_is_not_an_http_status() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", SHOP_ENDPOINTS.replace("\"200\":", "\"2xx\":"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 7, column 9, at /endpoints/0/responses/2xx");
      assertThat(e.getMessage())
          .contains("expected: an HTTP status from 100 to 599 as the key")
          .contains("but was : \"2xx\"");
    }
  }

  @Nested
  class Consumers {

    @Test
    void should_load_a_consumer_with_reads() {
      // GIVEN
      ContractTree tree = tree().consumer("shop-web", """
          namespace: shop
          version: 1.0.0
          owners: [web@shop.example]
          reads:
            order.get: [/id, /items/*/sku]
          """);
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.consumers()).singleElement().satisfies(c -> {
        assertThat(c.id()).isEqualTo("shop-web");
        assertThat(c.version()).isEqualTo(SemVer.parse("1.0.0"));
        assertThat(c.reads()).containsEntry("order.get", java.util.List.of("/id", "/items/*/sku"));
        assertThat(c.file()).isEqualTo("consumers/shop-web.yaml");
      });
    }

    @Test
    void should_fail_when_a_consumer_is_pinned_to_a_missing_version() {
      // GIVEN
      ContractTree tree = tree().consumer("shop-web", "namespace: shop\nversion: 1.1.0\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("consumers/shop-web.yaml");
      assertThat(e.where()).isEqualTo("line 2, column 10, at /version");
      assertThat(e.getMessage())
          .contains("expected: one of the versions of shop: [1.0.0]")
          .contains("but was : \"1.1.0\"")
          .contains("hint    : pin the consumer to a version that exists in the tree");
    }

    @Test
    void should_fail_when_a_consumer_names_a_missing_namespace() {
      // GIVEN
      ContractTree tree = tree().consumer("shop-web", "namespace: shoop\nversion: 1.0.0\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("consumers/shop-web.yaml");
      assertThat(e.where()).isEqualTo("line 1, column 12, at /namespace");
      assertThat(e.getMessage())
          .contains("expected: one of the namespaces [shop]")
          .contains("but was : \"shoop\"")
          .contains("hint    : fix the namespace id");
    }

    @Test
    void should_fail_when_a_consumer_reads_an_unknown_endpoint() {
      // GIVEN
      ContractTree tree = tree().consumer("shop-web", """
          namespace: shop
          version: 1.0.0
          reads:
            order.list: [/items]
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("consumers/shop-web.yaml");
      assertThat(e.where()).isEqualTo("line 4, column 15, at /reads/order.list");
      assertThat(e.getMessage())
          .contains("expected: an endpoint of shop@1.0.0")
          .contains("but was : \"order.list\"")
          .contains("hint    : use one of [order.get]");
    }

    @Test
    void should_fail_when_a_consumer_read_pattern_is_not_a_pointer() {
      // GIVEN
      ContractTree tree = tree().consumer("shop-web", """
          namespace: shop
          version: 1.0.0
          reads:
            order.get: [items.sku]
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage())
          .contains("expected: JSON pointer patterns starting with '/'")
          .contains("but was : \"items.sku\"");
    }
  }

  @Nested
  class PolicyFile {

    @Test
    void should_read_limits_severities_and_exceptions() {
      // GIVEN
      ContractTree tree = tree().policy("""
          limits:
            maxBodyBytes: 1000
            maxDepth: 12
          severities:
            response.enum.value-added: warning
          exceptions:
            - rule: response.property.removed
              location: shop/1.0.0/order.get
              reason: never read
              until: 2027-01-31
          """);
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.policy().limits().maxBodyBytes()).isEqualTo(1000);
      assertThat(registry.policy().limits().maxDepth()).isEqualTo(12);
      assertThat(registry.policy().severities()).containsEntry("response.enum.value-added", "warning");
      assertThat(registry.policy().exemptions()).singleElement().satisfies(x -> {
        assertThat(x.until()).contains(LocalDate.of(2027, 1, 31));
        assertThat(x.expired(LocalDate.of(2027, 2, 1))).isTrue();
        assertThat(x.expired(LocalDate.of(2027, 1, 31))).isFalse();
      });
    }

    @Test
    void should_fail_on_a_bad_severity_value() {
      // GIVEN
      ContractTree tree = tree().policy("""
          severities:
            response.enum.value-added: fatal
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("contract-gate.yaml");
      assertThat(e.where()).isEqualTo("line 2, column 30, at /severities/response.enum.value-added");
      assertThat(e.getMessage())
          .contains("expected: one of [breaking, info, off, warning]")
          .contains("but was : \"fatal\"")
          .contains("hint    : write the severity in lower case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "31.01.2027", "tomorrow"})
    void should_fail_on_a_bad_until_date(String until) {
      // GIVEN
      ContractTree tree = tree().policy("""
          exceptions:
            - rule: response.property.removed
              location: shop/1.0.0/order.get
              reason: never read
              until: %s
          """.formatted(until));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("contract-gate.yaml");
      assertThat(e.where()).isEqualTo("line 5, column 12, at /exceptions/0/until");
      assertThat(e.getMessage())
          .contains("expected: an ISO date (YYYY-MM-DD) for \"until\"")
          .contains("but was : \"" + until + "\"")
          .contains("hint    : write e.g. 2027-01-31");
    }

    @Test
    void should_fail_on_an_exception_without_reason() {
      // GIVEN
      ContractTree tree = tree().policy("""
          exceptions:
            - rule: response.property.removed
              location: shop/1.0.0/order.get
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 2, column 5, at /exceptions/0");
      assertThat(e.getMessage()).contains("expected: key \"reason\"").contains("but was : absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "ten", "4294967296"})
    void should_fail_on_a_bad_depth_limit(String value) {
      // GIVEN
      ContractTree tree = tree().policy("limits:\n  maxDepth: " + value + "\n");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo("contract-gate.yaml");
      assertThat(e.where()).isEqualTo("line 2, column 13, at /limits/maxDepth");
      assertThat(e.getMessage()).contains("for \"maxDepth\"").contains("hint    : write a nesting depth");
    }
  }
}
