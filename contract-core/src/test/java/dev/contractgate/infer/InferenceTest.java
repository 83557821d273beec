package dev.contractgate.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.drift.Drift;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The public API end to end: recordings in, a contract version out that loads and that the recordings pass. */
class InferenceTest {

  static final String BASE = "/api/ivanpin/services/";

  /** 60 exchanges of three endpoints, with slugs, ids, queries, a 404 and a refusal. */
  static Path recording(Path dir) throws IOException {
    ContractRegistry examples = ContractRegistry.load(Recordings.EXAMPLE_TREE);
    ObjectNode list = Recordings.example(examples, "ivanpin/1.2.0/schemas/blog-list.schema.json");
    ObjectNode detail = Recordings.example(examples, "ivanpin/1.2.0/schemas/blog-detail.schema.json");
    List<String> lines = new ArrayList<>();
    String[] slugs = {"headless-deploy-velocity", "one-bitrix-two-nextjs", "declined-bitrix-rewrite"};
    for (int i = 0; i < 20; i++) {
      lines.add(Recordings.line("GET", BASE + "blog/list.php?lang=" + (i % 2 == 0 ? "ru" : "en") + "&page=" + (i % 3 + 1),
          200, list.toString()));
      lines.add(Recordings.line("GET", BASE + "blog/" + slugs[i % 3] + "/?lang=ru", 200, detail.toString()));
      lines.add(Recordings.line("GET", BASE + "orders/" + (1000 + i), i % 10 == 0 ? 404 : 200,
          i % 10 == 0 ? "{\"error\":{\"code\":\"NOT_FOUND\"}}" : "{\"id\":" + (1000 + i) + ",\"total\":" + (i * 1.5)
              + ",\"items\":{\"" + i + "\":{\"qty\":1}}}"));
    }
    lines.add(Recordings.line("GET", "/elsewhere/x", 200, "{}"));
    Path file = dir.resolve("rec.ndjson");
    Files.write(file, lines);
    return file;
  }

  @Test
  void should_infer_a_version_that_loads_and_passes_drift_on_its_own_recordings(@TempDir Path dir) throws IOException {
    // GIVEN
    Path rec = recording(dir);
    // WHEN
    InferredVersion v = Inference.builder("ivanpin", BASE, "1.0.0").authHeader("X-WGP-Token").build().run(List.of(rec));
    Path written = v.writeTo(dir.resolve("tree"), false);
    // THEN
    assertThat(written).isEqualTo(dir.resolve("tree/ivanpin/1.0.0"));
    assertThat(v.summary().exchanges()).isEqualTo(60);
    assertThat(v.summary().outsideBasePath()).isEqualTo(1);
    assertThat(v.summary().endpoints()).isEqualTo(3);
    assertThat(v.files().keySet()).containsExactly("ivanpin/namespace.yaml", "ivanpin/1.0.0/endpoints.yaml",
        "ivanpin/1.0.0/schemas/blog-list.query.schema.json", "ivanpin/1.0.0/schemas/blog-list.200.schema.json",
        "ivanpin/1.0.0/schemas/blog-detail.query.schema.json", "ivanpin/1.0.0/schemas/blog-detail.200.schema.json",
        "ivanpin/1.0.0/schemas/orders-detail.200.schema.json", "ivanpin/1.0.0/schemas/orders-detail.404.schema.json");
    String endpoints = v.files().get("ivanpin/1.0.0/endpoints.yaml");
    assertThat(endpoints).contains("path: \"blog/{slug}/\"").contains("path: \"orders/{id}\"")
        .contains("slug: headless-deploy-velocity").contains("Vary:").contains("- Origin")
        .contains("summary: \"Inferred from 20 exchanges (200: 18, 404: 2)\"");
    assertThat(v.files().get("ivanpin/namespace.yaml")).contains("header: \"X-WGP-Token\"")
        .contains("tokenEnv: IVANPIN_API_TOKEN");
    ContractRegistry tree = ContractRegistry.load(dir.resolve("tree"));
    DriftResult drift = Drift.builder(tree).build().run(List.of(rec));
    assertThat(drift.below(100.0)).isEmpty();
    assertThat(drift.endpoints()).hasSize(3);
  }

  @Test
  void should_write_the_same_bytes_whatever_the_number_of_threads(@TempDir Path dir) throws IOException {
    // GIVEN
    Path rec = recording(dir);
    // WHEN
    Map<String, String> one = Inference.builder("ivanpin", BASE, "1.0.0").threads(1).build().run(List.of(rec)).files();
    Map<String, String> four = Inference.builder("ivanpin", BASE, "1.0.0").threads(4).build().run(List.of(rec)).files();
    Map<String, String> again = Inference.builder("ivanpin", BASE, "1.0.0").threads(4).build().run(List.of(rec)).files();
    // THEN
    assertThat(four).isEqualTo(one);
    assertThat(again).isEqualTo(one);
    assertThat(new ArrayList<>(four.keySet())).isEqualTo(new ArrayList<>(one.keySet()));
  }

  @Test
  void should_count_a_recording_that_cannot_be_read_and_go_on(@TempDir Path dir) throws IOException {
    // GIVEN a missing file, a HAR that breaks off, and a good recording
    Path rec = recording(dir);
    Path cut = Files.writeString(dir.resolve("cut.har"), "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\"");
    // WHEN
    InferredVersion v = Inference.builder("ivanpin", BASE, "1.0.0").build()
        .run(List.of(dir.resolve("missing.ndjson"), cut, rec));
    // THEN
    assertThat(v.summary().exchanges()).isEqualTo(60);
    assertThat(v.summary().problems()).containsEntry("file", 2L);
    assertThat(v.summary().examples()).extracting(InferSummary.Problem::where)
        .containsExactly(dir.resolve("missing.ndjson").toString(), cut.toString());
    assertThat(v.summary().examples().get(0).detail()).contains("no such file");
  }

  @Test
  void should_never_leave_a_half_written_version(@TempDir Path dir) throws IOException {
    // GIVEN a version that does not load (no exchange under the base path: no endpoint)
    Path rec = recording(dir);
    InferredVersion empty = Inference.builder("nothing", "/api/nothing/", "1.0.0").build().run(List.of(rec));
    Path tree = dir.resolve("tree");
    // WHEN / THEN
    assertThat(empty.notes()).anySatisfy(n -> assertThat(n).contains("no exchange under /api/nothing/"));
    assertThatThrownBy(() -> empty.writeTo(tree, false)).isInstanceOf(ContractException.class);
    try (Stream<Path> s = Files.walk(tree)) {
      assertThat(s.filter(p -> !p.equals(tree)).toList()).as("nothing left behind").isEmpty();
    }
  }

  @Test
  void should_read_wiremock_mappings_with_path_patterns_as_parameters(@TempDir Path dir) throws IOException {
    // GIVEN stub mappings: a path pattern, and a mapping for any method
    Path mappings = Files.createDirectories(dir.resolve("wiremock/mappings"));
    Files.writeString(mappings.resolve("blog.json"), """
        {"mappings": [
          {"request": {"method": "GET", "urlPathPattern": "/api/ivanpin/services/blog/[^/]+/"},
           "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                        "jsonBody": {"slug": "a-b", "title": "T"}}},
          {"request": {"method": "GET", "urlPath": "/api/ivanpin/services/blog/list.php"},
           "response": {"status": 200, "headers": {"Content-Type": "application/json", "Vary": "Origin"},
                        "jsonBody": {"items": []}}},
          {"request": {"method": "ANY", "urlPattern": "/api/ivanpin/services/.*"},
           "response": {"status": 401, "jsonBody": {"error": "no token"}}}
        ]}
        """);
    // WHEN
    InferredVersion v = Inference.builder("ivanpin", BASE, "1.0.0").build().run(List.of(dir.resolve("wiremock")));
    v.writeTo(dir.resolve("tree"), false);
    // THEN the pattern segment is a parameter, a pattern is never a probe, ANY is counted
    String endpoints = v.files().get("ivanpin/1.0.0/endpoints.yaml");
    assertThat(endpoints).contains("path: \"blog/{id}/\"").contains("path: blog/list.php");
    assertThat(endpoints.substring(endpoints.indexOf("blog/{id}/"))).doesNotContain("probe:");
    assertThat(v.summary().problems()).containsEntry("method", 1L);
    assertThat(ContractRegistry.load(dir.resolve("tree")).latest("ivanpin").endpoints()).hasSize(2);
  }

  @Test
  void should_refuse_invalid_arguments_naming_them() {
    assertThatThrownBy(() -> Inference.builder("Ivan", BASE, "1.0.0")).hasMessageContaining("namespace id");
    assertThatThrownBy(() -> Inference.builder("ivan", "api/x", "1.0.0")).hasMessageContaining("base path");
    assertThatThrownBy(() -> Inference.builder("ivan", BASE, "1.0")).hasMessageContaining("semantic version");
    assertThatThrownBy(() -> InferOptions.defaults().withMinSlugValues(1)).hasMessage("minSlugValues must be at least 2, was 1");
  }
}
