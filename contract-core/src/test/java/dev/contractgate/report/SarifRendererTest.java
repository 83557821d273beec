package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import dev.contractgate.report.Report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SARIF rendering. The official 2.1.0 schema is not available offline, so the properties that schema and
 * GitHub code scanning require are asserted one by one: version, runs, tool.driver.name, results with ruleId,
 * ruleIndex into the driver's rules, level, message.text and a physical location with a relative uri and a
 * start line of 1 or more.
 */
class SarifRendererTest {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

  @Test
  void should_have_every_property_sarif_2_1_0_and_code_scanning_require() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    JsonNode root = MAPPER.readTree(ReportFormat.SARIF.render(report));
    // THEN
    assertThat(root.path("version").asString()).isEqualTo("2.1.0");
    assertThat(root.path("$schema").asString()).contains("sarif-schema-2.1.0");
    assertThat(root.path("runs").isArray()).isTrue();
    assertThat(root.path("runs")).hasSize(1);
    JsonNode run = root.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asString()).isEqualTo("contract-gate");
    assertThat(driver.path("version").asString()).isEqualTo("0.2.0");
    List<String> ruleIds = new ArrayList<>();
    driver.path("rules").forEach(r -> {
      assertThat(r.path("id").isString()).as("rule id of %s", r).isTrue();
      assertThat(r.path("shortDescription").path("text").isString()).isTrue();
      ruleIds.add(r.path("id").asString());
    });
    assertThat(ruleIds).doesNotHaveDuplicates().isSorted();
    assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("description").path("text").isString()).isTrue();
    assertThat(run.path("invocations").get(0).path("executionSuccessful").isBoolean()).isTrue();
    assertThat(run.path("invocations").get(0).path("endTimeUtc").asString()).isEqualTo("2026-12-03T07:10:57Z");
    assertThat(run.path("properties").path("commit").asString()).isEqualTo(SampleReports.META.commit());

    JsonNode results = run.path("results");
    // every finding of the report, plus nothing else (every failed check of the sample has findings)
    long findings = report.entries().stream().mapToLong(e -> e.findings().size()).sum();
    assertThat(results).hasSize((int) findings);
    for (JsonNode r : results) {
      assertThat(r.path("ruleId").isString()).isTrue();
      assertThat(ruleIds.get(r.path("ruleIndex").asInt())).isEqualTo(r.path("ruleId").asString());
      assertThat(LEVELS).contains(r.path("level").asString());
      assertThat(r.path("message").path("text").asString()).isNotBlank();
      for (JsonNode l : r.path("locations")) {
        JsonNode artifact = l.path("physicalLocation").path("artifactLocation");
        assertThat(artifact.path("uri").asString()).isNotEmpty().doesNotStartWith("/");
        assertThat(artifact.path("uriBaseId").asString()).isEqualTo("%SRCROOT%");
        assertThat(l.path("physicalLocation").path("region").path("startLine").asInt()).isGreaterThanOrEqualTo(1);
      }
    }
  }

  @Test
  void should_map_levels_and_point_at_the_contract_line() {
    // GIVEN a failed check with a located breaking finding, a warning check whose breaking finding is allowed
    Finding located = new Finding(Level.BREAKING, "type", "/items/*/id", List.of(new Fact("expected", "integer")),
        "send a number", "", "", new Report.Location("contracts/ivanpin/1.2.0/schemas/blog list.json", 17));
    Report report = new Report("verify", "verify x", List.of(
        new Entry("ivanpin@1.2.0", "blog.list", Status.FAILED, "1 violation", List.of(located), 0),
        new Entry("ivanpin@1.2.0", "blog.get", Status.WARNING, "allowed", List.of(
            new Finding(Level.BREAKING, "removed", "/a", List.of(), "", "", ""),
            new Finding(Level.INFO, "added", "/b", List.of(), "", "", "")), 0),
        new Entry("ivanpin@1.2.0", "health", Status.FAILED, "connection refused", List.of(), 0)), List.of());
    // WHEN
    JsonNode results = MAPPER.readTree(ReportFormat.SARIF.render(report)).path("runs").get(0).path("results");
    // THEN
    assertThat(results).hasSize(4);
    JsonNode first = results.get(0);
    assertThat(first.path("level").asString()).isEqualTo("error");
    assertThat(first.path("message").path("text").asString())
        .isEqualTo("ivanpin@1.2.0 blog.list: type at /items/*/id\nexpected: integer\nhint: send a number");
    JsonNode physical = first.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asString())
        .isEqualTo("contracts/ivanpin/1.2.0/schemas/blog%20list.json");
    assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(17);
    // checks in report order: failures first
    assertThat(results.get(1).path("ruleId").asString()).isEqualTo("contract-gate.check");
    assertThat(results.get(1).path("level").asString()).isEqualTo("error");
    assertThat(results.get(1).path("message").path("text").asString()).isEqualTo("ivanpin@1.2.0 health: connection refused");
    assertThat(results.get(2).path("level").asString()).as("breaking, but the check did not fail").isEqualTo("warning");
    assertThat(results.get(2).has("locations")).isFalse();
    assertThat(results.get(3).path("level").asString()).isEqualTo("note");
  }

  @Test
  void should_give_an_absolute_path_as_a_file_uri_without_a_base() {
    Finding f = new Finding(Level.BREAKING, "type", "/a", List.of(), "", "", "",
        new Report.Location("/srv/contracts/ivanpin/1.2.0/endpoints.yaml", 3));
    Report report = new Report("verify", "v", List.of(
        new Entry("ivanpin@1.2.0", "blog.list", Status.FAILED, "x", List.of(f), 0)), List.of());
    JsonNode artifact = MAPPER.readTree(ReportFormat.SARIF.render(report)).path("runs").get(0).path("results").get(0)
        .path("locations").get(0).path("physicalLocation").path("artifactLocation");
    assertThat(artifact.path("uri").asString()).isEqualTo("file:///srv/contracts/ivanpin/1.2.0/endpoints.yaml");
    assertThat(artifact.has("uriBaseId")).isFalse();
  }
}
