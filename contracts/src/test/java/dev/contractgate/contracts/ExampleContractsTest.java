package dev.contractgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** The packaged example contracts load from the classpath and every example response conforms. */
class ExampleContractsTest {

  static ContractRegistry registry;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
  }

  @Test
  void should_hold_both_namespaces_with_three_versions_each() {
    assertThat(registry.namespaces()).extracting(Namespace::id).containsExactly("ivanpin", "wgp");
    assertThat(registry.versions("ivanpin")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(registry.versions("wgp")).hasSizeGreaterThanOrEqualTo(3);
    Namespace ivanpin = registry.requireNamespace("ivanpin");
    assertThat(ivanpin.basePath()).isEqualTo("/api/ivanpin/services/");
    assertThat(ivanpin.sessionCookie()).contains("IVANPIN_SESSID");
    assertThat(ivanpin.auth().orElseThrow().header()).isEqualTo("X-WGP-Token");
    assertThat(registry.requireNamespace("wgp").sessionCookie()).contains("WGP_SESSID");
    assertThat(registry.consumers()).extracting(c -> c.id()).containsExactly("ivanpin-web", "wgp-web");
  }

  @Test
  void should_compile_every_schema_of_every_version() {
    assertThat(registry.compileAll()).isGreaterThan(20);
  }

  @TestFactory
  Stream<DynamicTest> every_schema_example_conforms_to_its_endpoint() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      for (ContractVersion v : registry.versions(ns.id())) {
        for (Endpoint e : v.endpoints()) {
          for (Endpoint.Response r : e.responses().values()) {
            if (r.schema().isEmpty()) {
              continue;
            }
            JsonNode schema = registry.schemaDocument(r.schema().get().file()).orElseThrow().at(r.schema().get().pointer());
            JsonNode examples = schema.path("examples");
            tests.add(DynamicTest.dynamicTest(v.label() + " " + e.id() + " " + r.status(), () -> {
              assertThat(examples.isArray() && !examples.isEmpty()).as("examples present").isTrue();
              ObservedResponse resp = ObservedResponse.json(r.status(), examples.get(0).toString());
              for (var h : r.headers()) {
                if (h.kind() == dev.contractgate.registry.HeaderExpectation.Kind.CONTAINS) {
                  resp = resp.withHeader(h.name(), String.join(", ", h.values()));
                }
              }
              for (String c : r.cookies()) {
                resp = resp.withHeader("Set-Cookie", c + "=abc; Path=/; HttpOnly");
              }
              ValidationResult result = ResponseValidator.of(registry).validate(v, e, resp);
              assertThat(result.violations()).as(result.render()).isEmpty();
            }));
          }
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }

  @Test
  void should_report_the_missing_author_name_deep_inside_the_list() throws IOException {
    String body = sample("invalid/ivanpin-1.2.0-blog.list-missing-author-name.json");
    ValidationResult result =
        ResponseValidator.of(registry).validate("ivanpin", "1.2.0", "blog.list",
            ObservedResponse.json(200, body).withHeader("Vary", "Origin"));
    assertThat(result.violations()).hasSize(1);
    assertThat(result.violations().get(0).instancePointer()).isEqualTo("/items/3/author/name");
    assertThat(result.violations().get(0).rule()).isEqualTo("body.required");
    assertThat(result.render())
        .contains("[1] at /items/3/author/name")
        .contains("expected: required property \"name\"")
        .contains("but was : absent")
        .contains("schema  : ivanpin/1.2.0/schemas/common.schema.json#/$defs/Author/required");
  }

  private static String sample(String name) throws IOException {
    try (var in = ExampleContractsTest.class.getResourceAsStream("/samples/" + name)) {
      assertThat(in).as("sample " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
