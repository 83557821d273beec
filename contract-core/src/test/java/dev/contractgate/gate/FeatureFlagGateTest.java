package dev.contractgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.gate.ProbeResult.Kind;
import dev.contractgate.gate.ProbeResult.Outcome;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.FeatureFlag;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * verify and a backend-owned flag: blog.list's feature_enabled gates readingTime and tags in the example
 * tree, and services.catalog is a flag endpoint.
 */
class FeatureFlagGateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static ContractRegistry registry;
  MockWebServer server;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));
    LiveGateTest.registry = registry;
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The blog.list example, changed. */
  static MockResponse blogList(UnaryOperator<ObjectNode> change) {
    Endpoint e = registry.latest("ivanpin").endpoint("blog.list").orElseThrow();
    SourceLocation schema = e.responses().get(200).schema().orElseThrow();
    ObjectNode body = (ObjectNode) registry.schemaDocument(schema.file()).orElseThrow().at(schema.pointer())
        .path("examples").get(0).deepCopy();
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Vary", "Origin").body(change.apply(body).toString()).build();
  }

  ProbeResult probe(String endpoint, UnaryOperator<ObjectNode> blogList, boolean catalogMissing) {
    server.setDispatcher(LiveGateTest.conforming(p -> p.endsWith("/blog/list.php") ? blogList(blogList)
        : catalogMissing && p.endsWith("/services/catalog.php") ? new MockResponse.Builder().code(404)
            .body("<h1>Not Found</h1>").build() : null));
    return LiveGate.builder(registry).baseUrl(server.url("/").toString()).environment(LiveGateTest.ENV::get)
        .timeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(20)).build().run().results().stream()
        .filter(r -> r.endpoint().equals(endpoint) && r.kind() == Kind.CONTRACT).findFirst().orElseThrow();
  }

  static ObjectNode eachItem(ObjectNode body, java.util.function.Consumer<ObjectNode> change) {
    for (JsonNode item : body.path("items")) {
      change.accept((ObjectNode) item);
    }
    return body;
  }

  @Test
  void should_fail_a_true_flag_without_the_data_it_gates_naming_the_flag() {
    // WHEN the flag says true but the second post has no readingTime
    ProbeResult r = probe("blog.list", b -> {
      ((ObjectNode) b.path("items").get(1)).remove("readingTime");
      return b;
    }, false);
    // THEN
    assertThat(r.outcome()).isEqualTo(Outcome.VIOLATED);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("feature.gated-field-missing");
      assertThat(v.instancePointer()).isEqualTo("/items/1/readingTime");
      assertThat(v.expected()).contains("feature_enabled is true");
      assertThat(v.hint()).contains("feature_enabled: false");
    });
  }

  @Test
  void should_accept_a_false_flag_without_the_gated_fields() {
    // WHEN the backend has not filled reading time and tags yet
    ProbeResult r = probe("blog.list", b -> eachItem(b.put("feature_enabled", false), i -> {
      i.remove("readingTime");
      i.remove("tags");
    }), false);
    // THEN
    assertThat(r.outcome()).as(r.violations().toString()).isEqualTo(Outcome.PASSED);
    assertThat(r.message()).contains("feature_enabled=false");
  }

  @Test
  void should_require_the_flag_to_be_a_boolean() {
    // WHEN the flag comes as the string "true"
    ProbeResult r = probe("blog.list", b -> b.put("feature_enabled", "true"), false);
    // THEN
    assertThat(r.outcome()).isEqualTo(Outcome.VIOLATED);
    assertThat(r.violations()).anySatisfy(v -> {
      assertThat(v.rule()).isEqualTo("feature.flag-not-boolean");
      assertThat(v.instancePointer()).isEqualTo("/feature_enabled");
      assertThat(v.expected()).contains("feature flag feature_enabled");
      assertThat(v.actual()).isEqualTo("a string");
    });
  }

  @Test
  void should_report_a_flag_endpoints_404_as_feature_off_and_not_another_endpoints() {
    // WHEN services.catalog is not shipped yet
    ProbeResult catalog = probe("services.catalog", b -> b, true);
    // THEN
    assertThat(catalog.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(catalog.status()).isEqualTo(404);
    assertThat(catalog.message()).contains("feature off");
  }

  @Test
  void should_waive_required_gated_fields_only_while_the_flag_is_false() {
    // GIVEN an endpoint whose flag gates /items/*/tags/* and a schema that requires tags
    FeatureFlag flag = new FeatureFlag(Optional.of("/on"), List.of("/items/*/tags/*"));
    Endpoint e = new Endpoint("x.list", "GET", "x", "", false, Optional.empty(), Optional.of(flag),
        Endpoint.Request.none(), Map.of(200, new Endpoint.Response(200, Optional.empty(), Optional.empty(), List.of(),
            List.of())), Optional.empty(), new SourceLocation("x/1.0.0/endpoints.yaml", "/endpoints/0"));
    Violation required = new Violation("body.required", "/items/0/tags", Optional.empty(), "required property \"tags\"",
        "absent", "");
    Violation other = new Violation("body.required", "/items/0/title", Optional.empty(), "required property \"title\"",
        "absent", "");
    // WHEN
    List<Violation> off = new ArrayList<>(List.of(required, other));
    FlagChecks.apply(e, 200, "{\"on\": false, \"items\": [{}]}", off);
    List<Violation> on = new ArrayList<>(List.of(required, other));
    FlagChecks.apply(e, 200, "{\"on\": true, \"items\": [{}]}", on);
    // THEN
    assertThat(off).containsExactly(other);
    assertThat(on).contains(required, other).noneMatch(v -> v.rule().equals("feature.gated-field-missing"));
  }
}
