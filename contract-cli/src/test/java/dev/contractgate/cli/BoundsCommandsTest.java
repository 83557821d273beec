package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker's probe found, at the command line: a link out of the tree, patterns that never finish,
 * schemas nested past the limit, schemas that do not compile, and YAML aliases — each a clear exit code and
 * message in every command, never "report this as a bug", a hang, or someone else's file in a report.
 */
class BoundsCommandsTest {

  private static final String SECRET = "TOPSECRET-4711";
  private static final String ORDER = "shop/1.0.0/schemas/order.schema.json";

  @TempDir Path tmp;
  Path tree;

  @BeforeEach
  void writeTree() throws IOException {
    tree = tmp.resolve("tree");
    version("1.0.0", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}");
    Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /api/shop/\n");
  }

  private void version(String v, String schema) throws IOException {
    Files.createDirectories(tree.resolve("shop/" + v + "/schemas"));
    Files.writeString(tree.resolve("shop/" + v + "/endpoints.yaml"), """
        endpoints:
          - id: order.get
            method: GET
            path: orders
            responses:
              "200": {schema: schemas/order.schema.json}
            probe: {}
        """);
    Files.writeString(tree.resolve("shop/" + v + "/schemas/order.schema.json"), schema);
  }

  private Path body(String json) throws IOException {
    return Files.writeString(tmp.resolve("body.json"), json);
  }

  @Test
  void should_never_show_a_file_outside_the_tree_that_a_schema_links_to() throws IOException {
    // GIVEN both versions' schemas are links to files outside the tree
    Path outside = Files.createDirectories(tmp.resolve("private"));
    Files.writeString(outside.resolve("a.json"), "{\"type\": \"object\", \"description\": \"" + SECRET + "-a\"}");
    Files.writeString(outside.resolve("b.json"), "{\"type\": \"object\", \"description\": \"" + SECRET + "-b\"}");
    version("1.1.0", "{}");
    try {
      Files.delete(tree.resolve(ORDER));
      Files.createSymbolicLink(tree.resolve(ORDER), outside.resolve("a.json"));
      Files.delete(tree.resolve("shop/1.1.0/schemas/order.schema.json"));
      Files.createSymbolicLink(tree.resolve("shop/1.1.0/schemas/order.schema.json"), outside.resolve("b.json"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not available here: " + e);
    }
    // WHEN
    CliRun list = CliRun.run("list", "--contracts", tree.toString());
    CliRun diff = CliRun.run("diff", "--contracts", tree.toString(), "--namespace", "shop", "--from", "1.0.0",
        "--to", "1.1.0", "--show-info");
    // THEN
    for (CliRun run : new CliRun[] {list, diff}) {
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Cannot load contract: " + ORDER).contains("symbolic link");
      assertThat(run.all()).doesNotContain(SECRET).doesNotContain(outside.toString());
    }
  }

  @Test
  void should_stop_a_backtracking_pattern_in_validate_and_drift() throws IOException {
    // GIVEN
    Files.writeString(tree.resolve(ORDER),
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\", \"pattern\": \"^(a+)+\\\\1$\"}}}");
    String value = "a".repeat(39) + "b";
    Path body = body("{\"id\": \"" + value + "\"}");
    Path recording = Files.writeString(tmp.resolve("rec.ndjson"), "{\"time\": \"2026-11-22T10:00:00Z\","
        + " \"method\": \"GET\", \"target\": \"/api/shop/orders\", \"status\": 200,"
        + " \"headers\": {\"content-type\": \"application/json\"}, \"body\": \"{\\\"id\\\": \\\"" + value
        + "\\\"}\"}\n");
    // WHEN
    CliRun validate = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.run("validate", "--contracts",
        tree.toString(), "-n", "shop", "-e", "order.get", body.toString()));
    CliRun drift = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.run("drift", "-q", "--contracts",
        tree.toString(), "-n", "shop", "--recordings", recording.toString()));
    // THEN
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.out()).contains("body.pattern-budget at /id").contains("pattern \"^(a+)+\\1$\"")
        .doesNotContain("\\z");
    assertThat(drift.exitCode()).as(drift.all()).isEqualTo(1);
    assertThat(drift.out()).contains("body.pattern-budget");
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "validate", "diff", "check-history"})
  void should_exit_3_with_file_and_pointer_for_a_schema_nested_past_the_limit(String command) throws IOException {
    // GIVEN 600 levels
    Files.writeString(tree.resolve(ORDER), "{\"items\":".repeat(599) + "{}" + "}".repeat(599));
    Path body = body("{}");
    // WHEN
    CliRun run = switch (command) {
      case "validate" -> CliRun.run("validate", "--contracts", tree.toString(), "-n", "shop", "-e", "order.get",
          body.toString());
      case "diff" -> CliRun.run("diff", "--contracts", tree.toString(), "--namespace", "shop", "--from", "1.0.0",
          "--to", "1.0.0");
      default -> CliRun.run(command, "--contracts", tree.toString());
    };
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("Cannot read JSON: " + ORDER + " (line 1, column ")
        .contains(", at /items/items/").contains("at most 500 levels of nesting")
        .doesNotContain("bug");
  }

  @Test
  void should_exit_3_for_a_bare_schema_file_nested_past_the_limit() throws IOException {
    // GIVEN
    Path a = Files.writeString(tmp.resolve("a.json"), "{\"items\":".repeat(599) + "{}" + "}".repeat(599));
    Path b = Files.writeString(tmp.resolve("b.json"), "{}");
    // WHEN
    CliRun run = CliRun.run("diff", a.toString(), b.toString());
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("at most 500 levels of nesting").doesNotContain("bug");
  }

  @Test
  void should_exit_3_in_verify_for_a_schema_that_does_not_compile_even_with_the_backend_down() throws IOException {
    // GIVEN a schema whose meta-schema would have to be fetched, and nothing listening
    Files.writeString(tree.resolve(ORDER), "{\"$schema\": \"http://127.0.0.1:9/meta\", \"type\": \"object\"}");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    // WHEN
    CliRun run = CliRun.withEnv(Map.<String, String>of()::get, "verify", "--contracts", tree.toString(),
        "--base-url", "http://127.0.0.1:" + port, "--retries", "0");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("Cannot compile schema: " + ORDER).doesNotContain("gate.internal");
  }

  @Test
  void should_write_the_anchored_schema_when_an_openapi_description_uses_an_alias() throws IOException {
    // GIVEN
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
        openapi: 3.0.3
        info: {title: T, version: 1.0.0}
        x-shared:
          petlist: &petlist {type: array, items: {type: string}}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: *petlist
        """);
    Path out = tmp.resolve("imported");
    // WHEN
    CliRun run = CliRun.run("import", "openapi", spec.toString(), "--out", out.toString(), "--namespace", "pets",
        "--version", "1.0.0");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(0);
    try (var files = Files.walk(out)) {
      String schemas = files.filter(p -> p.toString().endsWith(".json")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).reduce("", String::concat);
      assertThat(schemas).contains("\"array\"").doesNotContain("\"petlist\"");
    }
  }
}
