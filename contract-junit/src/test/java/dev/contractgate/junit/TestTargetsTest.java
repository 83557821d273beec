package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Backends the test starts itself ({@code @ContractBaseUrl}), calls with the test's own headers, query and body
 * ({@code ContractClient.request}), and provider states ({@code @ProviderState}) before a probe.
 */
class TestTargetsTest {

  @TempDir static Path tree;

  /** What the fixtures did, in order. */
  static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void write_contract_tree() throws IOException {
    // A public namespace (no token) with one endpoint whose probe needs a provider state, and one that takes a body.
    Path ns = Files.createDirectories(tree.resolve("shop/1.0.0/schemas"));
    Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /shop/\n");
    Files.writeString(ns.resolve("item.schema.json"), """
        {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
        """);
    Files.writeString(tree.resolve("shop/1.0.0/endpoints.yaml"), """
        endpoints:
          - id: items.detail
            method: GET
            path: items/{id}
            responses:
              "200": {schema: schemas/item.schema.json}
              "404": {}
            probe:
              path: {id: "7"}
              state: item 7 exists
          - id: items.create
            method: POST
            path: items
            responses:
              "200": {schema: schemas/item.schema.json}
            probe:
              body: {name: "from the probe"}
        """);
  }

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  private static EngineRun run() {
    return EngineRun.with().parameter("contract.contracts", "dir:" + tree);
  }

  /** A WireMock backend that knows item 7 only once the state says so. */
  static WireMockServer backend() {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.stubFor(post(urlPathEqualTo("/shop/items")).willReturn(okJson("{\"id\": 8, \"name\": \"new\"}")));
    return server;
  }

  static void item7(WireMockServer server) {
    LOG.add("state: item 7 exists");
    server.stubFor(get(urlPathEqualTo("/shop/items/7")).willReturn(okJson("{\"id\": 7, \"name\": \"lamp\"}")));
  }

  // ---- @ContractBaseUrl

  @Test
  void a_static_base_url_method_is_read_after_before_all_started_the_backend() {
    EngineExecutionResults results = run().run(StaticMethodTestCase.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(LOG).containsExactly("started", "baseUrl()", "state: item 7 exists", "called 200");
  }

  @Test
  void an_instance_field_of_type_uri_gives_the_base_url() {
    EngineExecutionResults results = run().run(InstanceUriFieldTestCase.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void the_annotated_member_wins_over_the_configured_base_url() {
    // contract.baseUrl points at a closed port; the test class's own backend must be used instead.
    EngineExecutionResults results = run().parameter("contract.baseUrl", "http://127.0.0.1:9")
        .run(InstanceUriFieldTestCase.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void two_base_url_members_fail_naming_both() {
    String message = EngineRun.onlyFailureMessage(run().run(TwoBaseUrlsTestCase.class));
    assertThat(message).contains("More than one @ContractBaseUrl in", "TwoBaseUrlsTestCase.a", "TwoBaseUrlsTestCase.b()",
        "keep @ContractBaseUrl on one of them");
  }

  @Test
  void a_base_url_member_of_another_type_fails_naming_the_type() {
    String message = EngineRun.onlyFailureMessage(run().run(WrongTypeTestCase.class));
    assertThat(message).contains("Cannot read the base URL from WrongTypeTestCase.port", "String or java.net.URI",
        "but was : int");
  }

  @Test
  void a_null_base_url_fails_with_a_hint_to_start_the_backend_first() {
    String message = EngineRun.onlyFailureMessage(run().run(NullBaseUrlTestCase.class));
    assertThat(message).contains("No base URL from @ContractBaseUrl NullBaseUrlTestCase.url()", "but was : null",
        "start the backend before the first call");
  }

  @Test
  void an_invalid_base_url_names_the_member_it_came_from() {
    String message = EngineRun.onlyFailureMessage(run().run(InvalidBaseUrlTestCase.class));
    assertThat(message).contains("Invalid contract.baseUrl (from @ContractBaseUrl InvalidBaseUrlTestCase.url)",
        "\"localhost-8080\"");
  }

  // ---- ContractClient.request

  @Test
  void a_request_carries_the_tests_headers_query_and_body_and_masks_secret_headers() {
    EngineExecutionResults results = run().run(RequestTestCase.class);
    assertThat(EngineRun.failures(results)).isEmpty();
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  // ---- provider states

  @Test
  void probes_run_their_provider_state_first() {
    EngineExecutionResults results = run().run(ProbesWithStateTestCase.class);
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(LOG).containsExactly("state: item 7 exists");
  }

  @Test
  void a_probe_whose_state_has_no_method_fails_naming_the_state_and_the_class() {
    EngineExecutionResults results = run().run(ProbesWithoutStateMethodTestCase.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    String message = EngineRun.failures(results).get(0).getMessage();
    assertThat(message).contains("items.detail", "provider state \"item 7 exists\" could not be set up",
        "a method @ProviderState(\"item 7 exists\") in " + ProbesWithoutStateMethodTestCase.class.getName(),
        "docs/junit.md#provider-states");
  }

  @Test
  void a_state_set_in_code_runs_for_a_registry_and_url_without_a_client() {
    EngineExecutionResults results = run().run(ProbesWithStateInCodeTestCase.class);
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(LOG).containsExactly("in code");
  }

  // ---- fixtures

  @ContractTest
  static class StaticMethodTestCase {
    static WireMockServer server = backend();

    @ContractBaseUrl
    static String baseUrl() {
      LOG.add("baseUrl()");
      return server.baseUrl();
    }

    @BeforeAll
    static void start() {
      server.start();
      LOG.add("started");
    }

    @AfterAll
    static void stop() {
      server.stop();
    }

    @ProviderState("item 7 exists")
    static void item7() {
      TestTargetsTest.item7(server);
    }

    @Test
    void call(ContractClient client) {
      ContractResponse response = client.call("shop", "items.detail");
      LOG.add("called " + response.status());
      assertThat(response).hasStatus(200).matchesContract();
    }
  }

  @ContractTest
  static class InstanceUriFieldTestCase {
    static WireMockServer server = backend();

    @ContractBaseUrl URI base;

    @BeforeAll
    static void start() {
      server.start();
      server.stubFor(post(urlPathEqualTo("/shop/items")).willReturn(okJson("{\"id\": 8, \"name\": \"x\"}")));
    }

    @AfterAll
    static void stop() {
      server.stop();
    }

    @BeforeEach
    void set() {
      base = URI.create(server.baseUrl());
    }

    @Test
    void call(ContractClient client) {
      assertThat(client.call("shop", "items.create")).hasStatus(200).matchesContract();
      assertThat(client.baseUrl()).isEqualTo(server.baseUrl() + "/");
    }
  }

  @ContractTest
  static class TwoBaseUrlsTestCase {
    @ContractBaseUrl static String a = "http://127.0.0.1:1";

    @ContractBaseUrl
    static String b() {
      return "http://127.0.0.1:2";
    }

    @Test
    void call(ContractClient client) {}
  }

  @ContractTest
  static class WrongTypeTestCase {
    @ContractBaseUrl static int port = 8080;

    @Test
    void call(ContractClient client) {}
  }

  @ContractTest
  static class NullBaseUrlTestCase {
    @ContractBaseUrl
    static String url() {
      return null;
    }

    @Test
    void call(ContractClient client) {}
  }

  @ContractTest
  static class InvalidBaseUrlTestCase {
    @ContractBaseUrl static String url = "localhost-8080";

    @Test
    void call(ContractClient client) {}
  }

  @ContractTest
  static class RequestTestCase {
    static WireMockServer server = backend();

    @ContractBaseUrl
    static String url() {
      return server.baseUrl();
    }

    @BeforeAll
    static void start() {
      server.start();
      // Echoes the secret header back, as a careless backend might.
      server.stubFor(post(urlPathEqualTo("/shop/items")).willReturn(okJson(
          "{\"id\": \"s3cr3t-value\", \"name\": \"x\"}")));
    }

    @AfterAll
    static void stop() {
      server.stop();
    }

    @Test
    void call(ContractClient client) {
      ContractResponse response = client.request("shop", "items.create")
          .header("X-Request-Id", "req-1")
          .header("X-Session-Token", "s3cr3t-value")
          .query("dryRun", "true")
          .body("{\"name\": \"from the test\"}")
          .send();
      server.verify(postRequestedFor(urlPathEqualTo("/shop/items"))
          .withHeader("X-Request-Id", equalTo("req-1"))
          .withHeader("X-Session-Token", equalTo("s3cr3t-value"))
          .withQueryParam("dryRun", equalTo("true"))
          .withRequestBody(equalToJson("{\"name\": \"from the test\"}")));
      assertThat(response.request()).isEqualTo("POST /shop/items?dryRun=true");
      // The response breaks the contract; its failure message must not carry the secret header's value.
      AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> assertThat(response).matchesContract());
      assertThat(failure.getMessage()).contains("/id", "(redacted)").doesNotContain("s3cr3t-value");
    }
  }

  @ContractTest
  static class ProbesWithStateTestCase {
    static WireMockServer server = backend();

    @ContractBaseUrl
    static String url() {
      return server.baseUrl();
    }

    @BeforeAll
    static void start() {
      server.start();
    }

    @AfterAll
    static void stop() {
      server.stop();
    }

    @ProviderState("item 7 exists")
    void item7() {
      TestTargetsTest.item7(server);
    }

    @TestFactory
    Stream<DynamicNode> probes(ContractClient client) {
      return ContractProbes.of(client).tests();
    }
  }

  @ContractTest
  static class ProbesWithoutStateMethodTestCase {
    static WireMockServer server = backend();

    @ContractBaseUrl
    static String url() {
      return server.baseUrl();
    }

    @BeforeAll
    static void start() {
      server.start();
    }

    @AfterAll
    static void stop() {
      server.stop();
    }

    @TestFactory
    Stream<DynamicNode> probes(ContractClient client) {
      return ContractProbes.of(client).tests();
    }
  }

  @ContractTest
  static class ProbesWithStateInCodeTestCase {
    static WireMockServer server = backend();

    @BeforeAll
    static void start() {
      server.start();
    }

    @AfterAll
    static void stop() {
      server.stop();
    }

    @TestFactory
    Stream<DynamicNode> probes(dev.contractgate.registry.ContractRegistry registry) {
      return ContractProbes.of(registry, server.baseUrl()).state("item 7 exists", () -> {
        LOG.add("in code");
        server.stubFor(get(urlPathEqualTo("/shop/items/7")).willReturn(okJson("{\"id\": 7, \"name\": \"lamp\"}")));
      }).tests();
    }
  }
}
