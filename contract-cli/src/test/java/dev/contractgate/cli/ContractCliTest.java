package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ContractCliTest {

  static final String SAMPLES = "../contracts/src/test/resources/samples/invalid/";

  @Nested
  class Root {
    @Test
    void should_list_commands_and_exit_codes_in_help() {
      CliRun run = CliRun.run("--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("list", "validate", "Exit codes:", "3   input error", "4   backend unreachable");
    }

    @Test
    void should_print_version() {
      CliRun run = CliRun.run("--version");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("contract-gate ");
    }

    @Test
    void should_exit_2_with_a_suggestion_on_an_unknown_command() {
      CliRun run = CliRun.run("lisst");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Unmatched argument", "contract-gate list", "--help");
    }

    @Test
    void should_exit_2_without_a_command() {
      CliRun run = CliRun.run();
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Missing command");
    }
  }

  @Nested
  class List {
    @Test
    void should_list_the_example_contracts() {
      CliRun run = CliRun.run("list");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("2 namespaces")
          .contains("ivanpin  /api/ivanpin/services/  token X-WGP-Token from $IVANPIN_API_TOKEN  cookie IVANPIN_SESSID")
          .contains("blog.list", "GET", "/api/ivanpin/services/blog/list.php")
          .contains("wgp  /api/services/wgp/")
          .contains("ivanpin-web  ivanpin@");
    }

    @Test
    void should_print_json_for_scripts() {
      CliRun run = CliRun.run("list", "--format", "json");
      assertThat(run.exitCode()).isZero();
      JsonNode json = Json.MAPPER.readTree(run.out());
      assertThat(json.path("format").asString()).isEqualTo("contract-gate/list/1");
      JsonNode ivanpin = json.path("namespaces").get(0);
      assertThat(ivanpin.path("id").asString()).isEqualTo("ivanpin");
      assertThat(ivanpin.path("auth").path("tokenEnv").asString()).isEqualTo("IVANPIN_API_TOKEN");
      JsonNode endpoint = ivanpin.path("versions").get(0).path("endpoints").get(0);
      assertThat(endpoint.path("fullPath").asString()).startsWith("/api/ivanpin/services/");
      assertThat(endpoint.path("statuses").get(0).asInt()).isEqualTo(200);
      assertThat(json.path("consumers").size()).isEqualTo(2);
    }

    @Test
    void should_exit_3_naming_file_and_line_for_a_broken_tree(@TempDir Path dir) throws IOException {
      Files.createDirectories(dir.resolve("shop/1.0.0"));
      Files.writeString(dir.resolve("shop/namespace.yaml"), "basePath: /api/shop/\nbasepaht: x\n");
      CliRun run = CliRun.run("list", "--contracts", dir.toString());
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err())
          .contains("shop/namespace.yaml (line 2, column 1")
          .contains("but was : unknown key \"basepaht\"")
          .contains("did you mean \"basePath\"?");
      assertThat(run.out()).isEmpty();
    }

    @Test
    void should_exit_3_for_a_missing_directory(@TempDir Path dir) {
      CliRun run = CliRun.run("list", "--contracts", dir.resolve("nope").toString());
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("nothing at this path", "hint");
    }

    @Test
    void should_refuse_a_remote_ref_without_connecting(@TempDir Path dir) throws Exception {
      // GIVEN a listening loopback socket and a schema that refers to it
      try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
          try {
            socket.setSoTimeout(3000);
            socket.accept().close();
            connections.incrementAndGet();
          } catch (SocketTimeoutException e) {
            // expected: nobody came
          } catch (IOException e) {
            // socket closed
          }
        });
        acceptor.start();
        Files.createDirectories(dir.resolve("shop/1.0.0/schemas"));
        Files.writeString(dir.resolve("shop/namespace.yaml"), "basePath: /api/shop/\n");
        Files.writeString(dir.resolve("shop/1.0.0/endpoints.yaml"),
            "endpoints:\n  - id: items.list\n    method: GET\n    path: items\n    responses:\n"
                + "      \"200\": {schema: schemas/items.schema.json}\n");
        String url = "http://127.0.0.1:" + socket.getLocalPort() + "/x.json";
        Files.writeString(dir.resolve("shop/1.0.0/schemas/items.schema.json"),
            "{\n  \"type\": \"object\",\n  \"properties\": {\"a\": {\"$ref\": \"" + url + "\"}}\n}\n");
        // WHEN
        CliRun run = CliRun.run("list", "--contracts", dir.toString());
        acceptor.join();
        // THEN
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
            .contains("shop/1.0.0/schemas/items.schema.json (line 3")
            .contains("/properties/a/$ref")
            .contains("a remote reference")
            .contains("resolves only inside the contract tree");
        assertThat(connections).hasValue(0);
      }
    }
  }

  @Nested
  class Validate {
    @Test
    void should_exit_1_with_pointer_schema_expected_and_actual() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "--version", "1.2.0", "-e", "blog.list",
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertThat(run.out())
          .contains("(1 violation)")
          .contains("[1] at /items/3/author/name")
          .contains("expected: required property \"name\"")
          .contains("but was : absent")
          .contains("schema  : ivanpin/1.2.0/schemas/common.schema.json#/$defs/Author/required");
    }

    @Test
    void should_exit_0_for_a_valid_body(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("ok.json");
      Files.writeString(body, "{\"error\": {\"code\": \"UNAUTHORIZED\", \"message\": \"Token required\"}}");
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list", "--status", "401", body.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("Response matches contract ivanpin@1.2.0 blog.list");
    }

    @Test
    void should_check_headers_when_given_and_never_echo_a_secret() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list",
          "-H", "Content-Type: text/html", "-H", "Set-Cookie: PHPSESSID=s3cr3t-cookie-value; Path=/",
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("at header:Content-Type", "at header:Vary", "cookie.foreign-session", "IVANPIN_SESSID")
          .doesNotContain("s3cr3t-cookie-value");
    }

    @Test
    void should_print_json_violations() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list", "--format", "json",
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      JsonNode json = Json.MAPPER.readTree(run.out());
      assertThat(json.path("valid").asBoolean()).isFalse();
      assertThat(json.path("violations").get(0).path("instance").asString()).isEqualTo("/items/3/author/name");
      assertThat(json.path("violations").get(0).path("schemaPointer").asString()).isEqualTo("/$defs/Author/required");
    }

    @Test
    void should_exit_3_for_a_missing_response_file() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list", "nope.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Cannot read response: nope.json", "no such file", "hint");
    }

    @Test
    void should_exit_3_for_an_unknown_endpoint_listing_the_known_ones() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.lis", "x.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown endpoint", "\"blog.lis\"", "blog.list", "blog.detail");
    }

    @Test
    void should_exit_3_for_an_unknown_version() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "--version", "9.9.9", "-e", "blog.list", "x.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown version", "\"9.9.9\"", "1.0.0");
    }

    @Test
    void should_exit_1_for_a_body_that_is_not_json(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("bad.json");
      Files.writeString(body, "<br /><b>Warning</b>: Undefined index\n{\"items\": []}");
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list", body.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("body.not-json", "malformed JSON", "line 1", "PHP warnings");
    }

    @Test
    void should_read_no_more_than_the_body_limit_of_a_huge_file(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("huge.json");
      Files.writeString(body, "{\"items\": [" + "{\"title\": \"xxxxxxxxxx\"},".repeat(300_000) + "{}]}");
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list", body.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("body.too-large", "but was : more than 2097152 bytes");
    }

    @Test
    void should_exit_2_for_a_malformed_header_option() {
      CliRun run = CliRun.run("validate", "-n", "ivanpin", "-e", "blog.list", "-H", "Vary", SAMPLES
          + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Invalid --header 'Vary'", "NAME: VALUE");
    }
  }
}
