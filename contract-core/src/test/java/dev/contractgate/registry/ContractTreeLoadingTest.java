package dev.contractgate.registry;

import static dev.contractgate.testing.ContractTree.ORDER_SCHEMA;
import static dev.contractgate.testing.ContractTree.SHOP_ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.testing.ContractTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading contract trees through {@link ContractRegistry#load}: what a good tree turns into, and the roots
 * that are not a tree at all. Trees with one bad file are cases of {@link BadContractTreeCasesTest}.
 */
class ContractTreeLoadingTest {

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
  class TreeRoot {

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
  }

  @Nested
  class ProviderStates {

    @Test
    void should_read_the_state_a_probe_needs() {
      // GIVEN
      ContractTree tree = tree().endpoints("shop", "1.0.0", SHOP_ENDPOINTS.replace("path: {id: 1}",
          "path: {id: 1}\n      state: order 1 exists"));
      // WHEN
      Endpoint endpoint = tree.load().requireEndpoint(tree.load().latest("shop"), "order.get");
      // THEN
      assertThat(endpoint.probe()).hasValueSatisfying(p -> assertThat(p.state()).contains("order 1 exists"));
    }

    @Test
    void should_have_no_state_when_the_probe_names_none() {
      ContractRegistry registry = tree().load();
      assertThat(registry.requireEndpoint(registry.latest("shop"), "order.get").probe())
          .hasValueSatisfying(p -> assertThat(p.state()).isEmpty());
    }

    @Test
    void should_refuse_an_empty_or_non_text_state_naming_the_file_and_line() {
      for (String bad : new String[] {"state: \"\"", "state: [a, b]"}) {
        // GIVEN
        ContractTree tree = tree().endpoints("shop", "1.0.0", SHOP_ENDPOINTS.replace("path: {id: 1}",
            "path: {id: 1}\n      " + bad));
        // WHEN
        ContractException e = tree.loadFailure();
        // THEN
        assertThat(e.getMessage()).as(bad).contains("shop/1.0.0/endpoints.yaml", "a non-empty string for \"state\"",
            "name the provider state");
        assertThat(e.getMessage()).as(bad).containsPattern("line \\d+|:\\d+");
      }
    }
  }

  @Nested
  class Versions {

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
  }

  @Nested
  class Consumers {

    @Test
    void should_load_a_consumer_with_reads() {
      // GIVEN
      ContractTree tree = tree().schema("shop", "1.0.0", "order.schema.json", """
          {"type": "object", "properties": {"id": {"type": "integer"},
            "items": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}}}}
          """).consumer("shop-web", """
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
  }
}
