package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DriftCommandTest {

  static final String TOKEN = "drift-env-token-3141-never-print";
  static final String PASSWORD = "hunter2-planted-password-value";
  static final String LIST = "/api/ivanpin/services/blog/list.php?lang=ru";
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static ContractRegistry registry;
  static String ok;
  static String broken;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
    ObjectNode body = (ObjectNode) registry.schemaDocument("ivanpin/1.2.0/schemas/blog-list.schema.json").orElseThrow()
        .path("examples").get(0).deepCopy();
    ok = body.toString();
    ((ObjectNode) body.get("items").get(2).get("author")).remove("name");
    ((ObjectNode) body.get("items").get(0).get("author")).put("password", PASSWORD);
    ((ObjectNode) body.get("items").get(1)).put("debug", TOKEN);
    broken = body.toString();
  }

  static String line(String target, String body) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("time", "2026-11-22T10:00:00Z");
    o.put("method", "GET");
    o.put("target", target);
    o.put("status", 200);
    o.putObject("headers").put("content-type", "application/json");
    ((ObjectNode) o.get("headers")).putArray("vary").add("Origin");
    o.put("body", body);
    return o.toString();
  }

  static Path recording(Path dir, int conforming, int brokenCount, String... extra) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < conforming; i++) {
      lines.add(line(LIST, ok));
    }
    for (int i = 0; i < brokenCount; i++) {
      lines.add(line(LIST + "&page=" + (i + 2), broken));
    }
    lines.addAll(List.of(extra));
    Path file = dir.resolve("recording.ndjson");
    Files.write(file, lines);
    return file;
  }

  static CliRun drift(String... args) {
    List<String> all = new ArrayList<>(List.of("drift", "--contracts", "classpath:examples", "--color", "never", "-q"));
    all.addAll(List.of(args));
    return CliRun.withEnv(Map.of("IVANPIN_API_TOKEN", TOKEN, "WGP_API_TOKEN", TOKEN + "-wgp")::get,
        all.toArray(String[]::new));
  }

  @Test
  void should_pass_when_every_recorded_response_conforms(@TempDir Path dir) throws IOException {
    // GIVEN
    Path file = recording(dir, 5, 0);
    // WHEN
    CliRun run = drift("--recordings", file.toString(), "--namespace", "ivanpin");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("ivanpin@1.2.0", "blog.list", "5 responses, 100.0 % conforming", "no responses recorded");
  }

  @Test
  void should_pass_on_the_har_recorded_by_chromium(@TempDir Path dir) throws IOException {
    // GIVEN the HAR a headless Chromium recorded against the stub (see BrowserHarDriftTest in contract-core)
    Path har = Path.of("../contract-core/src/test/resources/recordings/chromium-demo.har");
    Path reports = dir.resolve("reports");
    // WHEN
    CliRun run = drift("--recordings", har.toString(), "--report-dir", reports.toString());
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("blog.list", "5 responses, 100.0 % conforming", "blog.detail",
        "posts.list", "2 responses, 100.0 % conforming", "requests matching no endpoint")
        .doesNotContain("har-fixture-token");
    try (Stream<Path> s = Files.list(reports)) {
      List<Path> written = s.toList();
      assertThat(written).hasSize(6);
      for (Path p : written) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain("har-fixture-token");
      }
    }
  }

  @Test
  void should_exit_1_below_the_threshold_and_group_by_pointer_pattern_without_leaking(@TempDir Path dir) throws IOException {
    // GIVEN 9 conforming, 3 missing /items/2/author/name and carrying a password and the token
    Path file = recording(dir, 9, 3);
    Path reports = dir.resolve("reports");
    // WHEN
    CliRun run = drift("--recordings", file.toString(), "--report-dir", reports.toString());
    CliRun tolerant = drift("--recordings", file.toString(), "--min-conformance", "75");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("12 responses, 75.0 % conforming", "body.required", "/items/*/author/name",
        "in 3 of 12 responses", "drift.unknown-field", "/items/*/author/password", file + ", line 10");
    assertThat(tolerant.exitCode()).as(tolerant.all()).isZero();
    assertThat(run.all() + tolerant.all()).doesNotContain(TOKEN, PASSWORD);
    try (Stream<Path> s = Files.list(reports)) {
      List<Path> written = s.toList();
      assertThat(written).extracting(p -> p.getFileName().toString())
          .contains("drift.json", "drift.html", "drift.md", "drift.txt", "drift.xml");
      for (Path p : written) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain(TOKEN, PASSWORD);
      }
    }
  }

  @Test
  void should_exit_3_and_name_file_and_line_for_a_line_that_is_not_json(@TempDir Path dir) throws IOException {
    // GIVEN
    Path file = recording(dir, 3, 0, "<br /><b>Warning</b>: session_start()");
    // WHEN
    CliRun run = drift("--recordings", file.toString());
    CliRun tolerated = drift("--recordings", file.toString(), "--max-unreadable", "1");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("Unreadable recordings: 1", file + ", line 4", "--max-unreadable 1");
    assertThat(run.out()).contains("recording.unreadable", "not JSON");
    assertThat(tolerated.exitCode()).as(tolerated.all()).isZero();
  }

  @Test
  void should_exit_3_for_a_missing_recording_or_an_empty_one(@TempDir Path dir) throws IOException {
    CliRun missing = drift("--recordings", dir.resolve("nope.ndjson").toString());
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("Cannot read recording", "nope.ndjson", "no such file");
    Path empty = Files.writeString(dir.resolve("empty.ndjson"), "");
    CliRun none = drift("--recordings", empty.toString());
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.err()).contains("No recorded exchange");
  }

  @Test
  void should_say_that_a_device_is_not_a_regular_file_rather_than_missing() {
    // WHEN
    CliRun run = drift("--recordings", "/dev/null");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("Cannot read recording", "/dev/null", "expected: a recording file or directory",
        "but was : not a regular file (a device, pipe or socket)", "hint    : pass a recording saved to a file")
        .doesNotContain("no such file");
  }

  @Test
  void should_never_say_passed_for_an_empty_recording(@TempDir Path dir) throws IOException {
    // GIVEN an empty recording, and one whose only line is tolerated as unreadable
    Path empty = Files.writeString(dir.resolve("empty.ndjson"), "");
    Path onlyBroken = Files.writeString(dir.resolve("broken.ndjson"), "<br /><b>Warning</b>\n");
    Path reports = dir.resolve("reports");
    // WHEN
    CliRun none = drift("--recordings", empty.toString(), "--report-dir", reports.toString());
    CliRun tolerated = drift("--recordings", onlyBroken.toString(), "--max-unreadable", "1");
    // THEN both are an input error, and neither report says PASSED
    assertThat(none.exitCode()).as(none.all()).isEqualTo(3);
    assertThat(none.out()).contains("contract-gate drift " + empty + " — FAILED: 1 of 10 checks failed",
        "FAIL recorded exchanges  no recorded exchange in the input: nothing was checked",
        "BREAKING recording.empty at " + empty, "but was : no line or entry at all").doesNotContain("PASSED");
    assertThat(none.err()).contains("No recorded exchange");
    assertThat(Files.readString(reports.resolve("drift.xml"))).contains("failures=\"1\"")
        .contains("name=\"recorded exchanges\"");
    assertThat(Json.MAPPER.readTree(reports.resolve("drift.json").toFile()).path("passed").asBoolean(true)).isFalse();
    assertThat(tolerated.exitCode()).as(tolerated.all()).isEqualTo(3);
    assertThat(tolerated.out()).contains("FAILED", "only unreadable lines or entries (1)").doesNotContain("PASSED");
  }

  @Test
  void should_read_a_recorder_directory_and_reject_bad_options(@TempDir Path dir) throws IOException {
    recording(dir, 2, 0);
    Files.write(dir.resolve("recording.1.ndjson"), List.of(line(LIST, ok)));
    CliRun run = drift("--recordings", dir.toString(), "--namespace", "ivanpin");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("3 responses, 100.0 % conforming");
    assertThat(drift("--recordings", dir.toString(), "--min-conformance", "120").exitCode()).isEqualTo(2);
    assertThat(drift("--recordings", dir.toString(), "--namespace", "shop").exitCode()).isEqualTo(3);
  }

  @Test
  void should_list_exit_codes_in_help() {
    CliRun run = CliRun.run("drift", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--recordings", "--min-conformance", "--max-unreadable", "Exit codes:",
        "an endpoint's conformance is below --min-conformance");
  }
}
