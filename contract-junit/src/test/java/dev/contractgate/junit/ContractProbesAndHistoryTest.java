package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ContractProbesAndHistoryTest {

  static List<DynamicTest> flatten(Stream<DynamicNode> nodes) {
    List<DynamicTest> out = new ArrayList<>();
    nodes.forEach(n -> {
      if (n instanceof DynamicContainer c) {
        out.addAll(flatten(c.getChildren().map(x -> (DynamicNode) x)));
      } else {
        out.add((DynamicTest) n);
      }
    });
    return out;
  }

  @Test
  void should_pass_one_probe_test_per_endpoint_against_a_conforming_backend() throws Throwable {
    try (Backend backend = Backend.start()) {
      List<DynamicTest> tests = flatten(ContractProbes.of(Backend.REGISTRY, backend.baseUrl())
          .environment(Backend.TOKENS).tests());
      int endpoints = Backend.REGISTRY.latest("ivanpin").endpoints().size()
          + Backend.REGISTRY.latest("wgp").endpoints().size();
      assertThat(tests).hasSize(endpoints * 2);
      assertThat(tests).extracting(DynamicTest::getDisplayName).contains("blog.list", "blog.list (without token)");
      for (DynamicTest t : tests) {
        t.getExecutable().execute();
      }
    }
  }

  @Test
  void should_fail_the_probe_of_a_broken_endpoint_with_its_violations() throws Throwable {
    // GIVEN a backend whose blog.list sends a post without a title
    try (Backend backend = Backend.start()) {
      backend.server.stubFor(get(urlPathEqualTo("/api/ivanpin/services/blog/list.php")).atPriority(0)
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
              .withHeader("Vary", "Origin").withBody("{\"items\": [{}], \"total\": 1}")));
      // WHEN
      List<DynamicTest> tests = flatten(ContractProbes.of(Backend.REGISTRY, backend.baseUrl())
          .environment(Backend.TOKENS).namespaces("ivanpin").tests());
      // THEN
      DynamicTest blogList = tests.stream().filter(t -> t.getDisplayName().equals("blog.list")).findFirst().orElseThrow();
      Throwable failure = catchThrowable(() -> blogList.getExecutable().execute());
      assertThat(failure).isInstanceOf(AssertionError.class)
          .hasMessageContaining("ivanpin@1.2.0 blog.list: GET /api/ivanpin/services/blog/list.php?")
          .hasMessageContaining("body.required")
          .hasMessageContaining("expected: required property")
          .hasMessageNotContaining(Backend.IVANPIN_TOKEN);
    }
  }

  @Test
  void should_fail_the_history_test_of_a_pair_with_a_dropped_required_field(@TempDir Path dir) throws Throwable {
    // GIVEN a copy of the example tree whose 1.2.0 Author no longer requires a name (ivanpin-web still reads it,
    // so the name stays declared: a read of an undeclared field would stop the load)
    Path tree = copyExamples(dir);
    Path common = tree.resolve("ivanpin/1.2.0/schemas/common.schema.json");
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode doc = (ObjectNode) json.readTree(common.toFile());
    ObjectNode author = (ObjectNode) doc.path("$defs").path("Author");
    ((ArrayNode) author.get("required")).removeIf(n -> n.asString().equals("name"));
    Files.writeString(common, doc.toString());
    ContractRegistry registry = ContractRegistry.load(tree);
    // WHEN
    List<DynamicTest> tests = flatten(ContractHistory.of(registry).writeReportsTo(dir.resolve("reports")).tests());
    // THEN
    DynamicTest pair = tests.stream().filter(t -> t.getDisplayName().equals("1.1.0 -> 1.2.0")).findFirst().orElseThrow();
    assertThatThrownBy(() -> pair.getExecutable().execute())
        .hasMessageContaining("Contract history of ivanpin is broken")
        .hasMessageContaining("response.property.required-removed at blog.list response 200 /items/*/author/name");
    assertThat(dir.resolve("reports/check-history.md")).content().contains("response.property.required-removed");
    assertThat(dir.resolve("reports/check-history.json")).exists();
    VersionDiff diff = ContractDiff.compare(registry, registry.requireVersion("ivanpin", "1.1.0"),
        registry.requireVersion("ivanpin", "1.2.0"), ContractDiff.policyOf(registry), LocalDate.now());
    assertThat(diff).hasBreakingChange("response.property.required-removed");
    assertThatThrownBy(() -> assertThat(diff).hasNoBreakingChanges())
        .hasMessageContaining("Expected no breaking change")
        .hasMessageContaining("/items/*/author/name");
    VersionDiff clean = ContractDiff.compare(registry, registry.requireVersion("ivanpin", "1.0.0"),
        registry.requireVersion("ivanpin", "1.1.0"), ContractDiff.policyOf(registry), LocalDate.now());
    assertThat(clean).hasNoBreakingChanges();
    assertThatThrownBy(() -> assertThat(clean).hasBreakingChange("endpoint.removed"))
        .hasMessageContaining("Expected a breaking change endpoint.removed in ivanpin 1.0.0 -> 1.1.0");
  }

  @Test
  void should_fail_the_released_test_of_a_version_edited_in_place(@TempDir Path dir) throws Throwable {
    // GIVEN a copy of the example tree, and a second one whose released ivanpin 1.2.0 no longer declares seo
    Path clean = copyExamples(dir.resolve("clean"));
    Path tree = copyExamples(dir.resolve("edited"));
    Path detail = tree.resolve("ivanpin/1.2.0/schemas/blog-detail.schema.json");
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode doc = (ObjectNode) json.readTree(detail.toFile());
    ((ArrayNode) doc.get("required")).removeIf(n -> n.asString().equals("seo"));
    ((ObjectNode) doc.get("properties")).remove("seo");
    Files.writeString(detail, doc.toString());
    // ivanpin-web reads /seo/*: its reads go too, or the edited tree would not load (reads must exist)
    Path consumer = tree.resolve("consumers/ivanpin-web.yaml");
    Files.writeString(consumer, Files.readString(consumer).replaceAll("(?m)^ *- /seo/.*\\n", ""));
    // WHEN
    List<DynamicTest> edited = flatten(ContractHistory.of(ContractRegistry.load(tree)).tests());
    List<DynamicTest> unchanged = flatten(ContractHistory.of(ContractRegistry.load(clean)).tests());
    // THEN
    DynamicTest released = edited.stream().filter(t -> t.getDisplayName().equals("ivanpin/1.2.0")).findFirst()
        .orElseThrow();
    assertThatThrownBy(() -> released.getExecutable().execute())
        .hasMessageContaining("Released ivanpin/1.2.0 changed")
        .hasMessageContaining("ivanpin/1.2.0/schemas/blog-detail.schema.json changed in released ivanpin 1.2.0")
        .hasMessageContaining("release the change as a new version");
    assertThat(unchanged).extracting(DynamicTest::getDisplayName).contains("ivanpin/1.0.0", "ivanpin/1.2.0", "wgp/1.2.0");
    for (DynamicTest t : unchanged) {
      t.getExecutable().execute();
    }
  }

  static Path copyExamples(Path dir) throws IOException {
    Path source = Path.of("../contracts/src/main/contracts");
    Path target = dir.resolve("tree");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  @Test
  void should_fail_the_consumer_test_when_a_later_version_drops_a_field_it_reads(@TempDir Path dir) throws Throwable {
    // GIVEN a copy of the example tree whose wgp 1.2.0 cases no longer declare "client", which wgp-web (1.1.0) reads
    Path tree = copyExamples(dir);
    Path cases = tree.resolve("wgp/1.2.0/schemas/cases-list.schema.json");
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode doc = (ObjectNode) json.readTree(cases.toFile());
    ObjectNode c = (ObjectNode) doc.path("$defs").path("Case");
    ((ArrayNode) c.get("required")).removeIf(n -> n.asString().equals("client"));
    ((ObjectNode) c.get("properties")).remove("client");
    Files.writeString(cases, doc.toString());
    // WHEN
    List<DynamicTest> tests = flatten(ContractHistory.of(ContractRegistry.load(tree)).tests());
    List<DynamicTest> clean = flatten(ContractHistory.of(ContractRegistry.load(copyExamples(dir.resolve("clean"))))
        .tests());
    // THEN
    DynamicTest consumer = tests.stream().filter(t -> t.getDisplayName().equals("wgp-web on wgp@1.2.0"))
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> consumer.getExecutable().execute())
        .hasMessageContaining("wgp-web (built against wgp@1.1.0) reads what wgp@1.2.0 does not send")
        .hasMessageContaining("consumer.read-missing at cases.list")
        .hasMessageContaining("/items/*/client");
    DynamicTest passing = clean.stream().filter(t -> t.getDisplayName().equals("wgp-web on wgp@1.2.0"))
        .findFirst().orElseThrow();
    passing.getExecutable().execute();
  }
}
