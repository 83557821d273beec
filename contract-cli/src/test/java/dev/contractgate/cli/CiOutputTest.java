package dev.contractgate.cli;

import static dev.contractgate.cli.GateCommandsTest.ENV;
import static dev.contractgate.cli.GateCommandsTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The CI outputs of a report-emitting command, end to end: SARIF, GitHub annotations, metadata. */
class CiOutputTest {

  @BeforeAll
  static void load() {
    GateCommandsTest.load();
  }

  /** A backend that echoes the token in a header the contract checks: findings, and a secret to keep out. */
  static EmbeddedBackend leakingBackend() {
    return GateCommandsTest.conformingBackend(stubs -> stubs.stream()
        .map(s -> s.withHeader("Vary", "X-WGP-Token=" + SECRET)).toList());
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(ENV);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void should_print_sarif_with_contract_locations_and_no_secret() throws Exception {
    try (EmbeddedBackend backend = leakingBackend()) {
      CliRun run = CliRun.withEnv(env("SOURCE_DATE_EPOCH", "1780000000")::get, "verify", "--contracts",
          "classpath:examples", "--base-url", backend.baseUrl(), "--format", "sarif", "-q");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.all()).doesNotContain(SECRET);
      JsonNode sarif = Json.MAPPER.readTree(run.out());
      assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
      JsonNode results = sarif.path("runs").get(0).path("results");
      assertThat(results.size()).isPositive();
      JsonNode header = null;
      for (JsonNode r : results) {
        if (r.path("ruleId").asString().equals("header.mismatch")) {
          header = r;
          break;
        }
      }
      assertThat(header).as("a header.mismatch result in %s", results).isNotNull();
      assertThat(header.path("level").asString()).isEqualTo("error");
      String uri = header.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString();
      assertThat(uri).matches(".*(ivanpin|wgp)/1\\.2\\.0/endpoints\\.yaml");
      assertThat(header.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
          .isGreaterThan(1);
      assertThat(sarif.path("runs").get(0).path("invocations").get(0).path("endTimeUtc").asString())
          .isEqualTo("2026-05-28T20:26:40Z");
    }
  }

  @Test
  void should_add_github_annotations_to_the_text_only_in_github_actions() {
    try (EmbeddedBackend backend = leakingBackend()) {
      CliRun plain = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url",
          backend.baseUrl(), "-q");
      CliRun actions = CliRun.withEnv(env("GITHUB_ACTIONS", "true")::get, "verify", "--contracts",
          "classpath:examples", "--base-url", backend.baseUrl(), "-q");
      assertThat(plain.out()).doesNotContain("::error");
      assertThat(actions.out()).containsPattern("(?m)^::error file=[^,]*(ivanpin|wgp)/1\\.2\\.0/endpoints\\.yaml,line=\\d+,"
          + "title=(ivanpin|wgp)@1\\.2\\.0 [a-z.]+%3A header\\.mismatch::header\\.mismatch at header:Vary%0Aexpected");
      assertThat(actions.all()).doesNotContain(SECRET);
    }
  }

  @Test
  void should_write_metadata_into_every_format(@TempDir Path dir) throws Exception {
    try (EmbeddedBackend backend = GateCommandsTest.conformingBackend(s -> s)) {
      CliRun run = CliRun.withEnv(env("SOURCE_DATE_EPOCH", "1780000000")::get, "verify", "--contracts",
          "classpath:examples", "--base-url", backend.baseUrl(), "--report-dir", dir.toString(), "-q");
      assertThat(run.exitCode()).as(run.all()).isZero();
      JsonNode meta = Json.MAPPER.readTree(dir.resolve("verify.json").toFile()).path("meta");
      assertThat(meta.path("time").asString()).isEqualTo("2026-05-28T20:26:40Z");
      assertThat(meta.path("tool").asString()).startsWith("contract-gate ");
      assertThat(meta.path("contracts").toString()).contains("ivanpin@1.2.0", "wgp@1.0.0");
      for (String ext : new String[] {"txt", "md", "html", "xml"}) {
        assertThat(Files.readString(dir.resolve("verify." + ext))).as(ext)
            .contains("2026-05-28T20:26:40Z").contains("ivanpin@1.2.0");
      }
      assertThat(dir.resolve("verify.sarif")).exists();
      assertThat(run.out()).contains("2026-05-28T20:26:40Z · contract-gate ");
    }
  }
}
