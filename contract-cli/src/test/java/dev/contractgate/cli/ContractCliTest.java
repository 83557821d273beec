package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.contractgate.registry.ContractRegistry;
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
  class Start_up {

    @Test
    void jacksons_mapper_is_built_ahead_only_for_a_command_that_reads_inputs() {
      assertThat(ContractCli.readsInput(new String[] {"diff", "a.json", "b.json"})).isTrue();
      assertThat(ContractCli.readsInput(new String[] {"release", "--version", "1.2.0"})).isTrue();
      assertThat(ContractCli.readsInput(new String[] {"diff", "--", "--help"})).as("a file named --help").isTrue();
      assertThat(ContractCli.readsInput(new String[] {})).isFalse();
      assertThat(ContractCli.readsInput(new String[] {"--help"})).isFalse();
      assertThat(ContractCli.readsInput(new String[] {"help", "diff"})).isFalse();
      assertThat(ContractCli.readsInput(new String[] {"diff", "-h"})).isFalse();
      assertThat(ContractCli.readsInput(new String[] {"list", "--help"})).isFalse();
      assertThat(ContractCli.readsInput(new String[] {"relase", "--version", "1.2.0"})).isFalse();
    }
  }

  @Nested
  class Unknown_command {

    @Test
    void a_misspelt_command_with_version_is_a_usage_error_not_the_tools_version() {
      CliRun run = CliRun.run("relase", "--version", "1.2.0");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains("Usage error: unknown command 'relase'", "The commands: demo, verify");
    }

    @Test
    void a_close_command_is_suggested() {
      assertThat(CliRun.run("veirfy", "--base-url", "http://127.0.0.1:9").err())
          .contains("unknown command 'veirfy'", "Did you mean: verify?");
      assertThat(CliRun.run("dif").err()).contains("Did you mean: diff?");
      assertThat(CliRun.run("check-histroy").err()).contains("Did you mean: check-history?");
    }

    @Test
    void a_word_close_to_nothing_lists_the_commands_without_a_guess() {
      CliRun run = CliRun.run("deploy-now", "--help");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("unknown command 'deploy-now'", "Run 'contract-gate --help'")
          .doesNotContain("Did you mean");
    }

    @Test
    void known_commands_and_root_options_are_untouched() {
      assertThat(CliRun.run("--version").exitCode()).isZero();
      assertThat(CliRun.run("help").exitCode()).isZero();
    }
  }

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
      assertThat(run.err()).contains("unknown command 'lisst'", "Did you mean: list?", "--help");
    }

    @Test
    void should_exit_2_without_a_command() {
      CliRun run = CliRun.run();
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Missing command");
    }
  }

  /** The report JSON of a run, checked against the schema the docs publish. */
  static JsonNode reportJson(String text) throws IOException {
    JsonNode json = Json.MAPPER.readTree(text);
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Json.MAPPER.readTree(Files.readString(Path.of("../docs/report.schema.json"))));
    assertThat(schema.validate(json)).as(text).isEmpty();
    assertThat(json.path("format").asString()).isEqualTo("contract-gate/report/1");
    return json;
  }

  static JsonNode entry(JsonNode report, String group, String name) {
    for (JsonNode e : report.path("entries")) {
      if (e.path("group").asString().equals(group) && e.path("name").asString().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no entry " + group + " / " + name + " in " + report);
  }

  static java.util.List<String> texts(JsonNode array, String property) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(property.isEmpty() ? n.asString() : n.path(property).asString()));
    return out;
  }

  @Nested
  class List {
    static final ContractRegistry EXAMPLES =
        ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);

    @Test
    void should_lint_every_problem_of_a_tree_in_one_run(@TempDir Path tree) throws IOException {
      write(tree, "billing/namespace.yaml", "basePath: /api/billing/\nowner: me\n");
      write(tree, "billing/1.0.0/endpoints.yaml", "endpoints: []\n");
      write(tree, "shop/namespace.yaml", "basePath: /api/shop/\n");
      write(tree, "shop/1.0.0/endpoints.yaml", "endpoints:\n  - id: order.get\n    method: GET\n    path: orders\n");
      write(tree, "shop/2.0.0/endpoints.yaml", "endpoints:\n  - id: order.get\n    method: [GET\n");
      write(tree, "consumers/shop-web.yaml", "namespace: shpo\nversion: 1.0.0\n");

      CliRun run = CliRun.run("list", "--contracts", tree.toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err())
          .startsWith("Cannot load contract: 4 problems in " + tree)
          .contains("1. Cannot load contract: billing/namespace.yaml (line 2, column 8, at /owner)",
              "did you mean \"owners\"?")
          .contains("2. Cannot load contract: shop/1.0.0/endpoints.yaml (line 2, column 5, at /endpoints/0)",
              "expected: key \"responses\"")
          .contains("3. Cannot read YAML: shop/2.0.0/endpoints.yaml (line 4, column 1)",
              "but was : expected ',' or ']', but got <stream end> (while parsing a flow sequence started at line 3,")
          .contains("4. Cannot load contract: consumers/shop-web.yaml (line 1, column 12, at /namespace)",
              "did you mean \"shop\"?")
          // the versions of a namespace that failed are not read: billing/1.0.0's empty list is not reported
          .doesNotContain("billing/1.0.0");
      assertThat(run.out()).isEmpty();
    }

    @Test
    void should_list_the_example_contracts() {
      CliRun run = CliRun.run("list", "--contracts", "classpath:examples");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out().lines().findFirst().orElseThrow())
          .startsWith("contract-gate list contract tree ")
          .contains(": 2 namespaces, 6 versions, 21 endpoints, 2 consumers; ", " schema references compiled")
          .endsWith(" — PASSED: 23 checks");
      assertThat(run.out())
          .contains("\nivanpin@1.2.0\n", "\nwgp@1.0.0\n", "\nconsumers\n")
          .containsPattern("\n  ok   blog\\.list +GET /api/ivanpin/services/blog/list\\.php \\[200 401\\]  flag feature_enabled\n")
          .containsPattern("\n  ok   services\\.list +GET /api/ivanpin/services/services/list\\.php \\[200 401\\]"
              + "  deprecated \\(sunset 2027-03-01\\)\n")
          .containsPattern("\n  ok   contact\\.submit +POST /api/services/wgp/contact/submit\\.php \\[200 401 422\\]\n")
          .contains("  ok   ivanpin-web  ivanpin@1.2.0 reads blog.detail, blog.list, services.catalog, services.detail\n")
          .contains("INFO consumer.reads at blog.list", "/items/*/author/name")
          .contains("\nivanpin: base path /api/ivanpin/services/; token X-WGP-Token from $IVANPIN_API_TOKEN,"
              + " refused without it with 401 or 403; session cookie IVANPIN_SESSID; owners backend@ivanpin.com;")
          .contains("\nwgp@1.1.0: 3 endpoints; ");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void should_print_the_report_json_for_scripts() throws IOException {
      CliRun run = CliRun.run("list", "--contracts", "classpath:examples", "--format", "json");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode json = reportJson(run.out());
      assertThat(json.path("kind").asString()).isEqualTo("list");
      assertThat(json.path("passed").asBoolean()).isTrue();
      assertThat(json.path("title").asString()).contains("2 namespaces, 6 versions, 21 endpoints, 2 consumers");
      int endpoints = EXAMPLES.namespaces().stream()
          .flatMap(ns -> EXAMPLES.versions(ns.id()).stream()).mapToInt(v -> v.endpoints().size()).sum();
      assertThat(json.path("entries").size()).isEqualTo(endpoints + EXAMPLES.consumers().size());
      assertThat(texts(json.path("entries"), "status")).containsOnly("passed");
      assertThat(entry(json, "ivanpin@1.2.0", "services.list").path("summary").asString())
          .isEqualTo("GET /api/ivanpin/services/services/list.php [200 401]  deprecated (sunset 2027-03-01)");
      assertThat(entry(json, "wgp@1.0.0", "posts.detail").path("summary").asString())
          .isEqualTo("GET /api/services/wgp/posts/{id}/ [200 401 404]");
      JsonNode web = entry(json, "consumers", "ivanpin-web");
      assertThat(web.path("summary").asString())
          .isEqualTo("ivanpin@1.2.0 reads blog.detail, blog.list, services.catalog, services.detail");
      JsonNode reads = web.path("findings").get(1);
      assertThat(reads.path("rule").asString()).isEqualTo("consumer.reads");
      assertThat(reads.path("where").asString()).isEqualTo("blog.list");
      assertThat(reads.path("facts").get(0).path("value").asString())
          .startsWith("/feature_enabled, /items/*/slug, ").contains("/items/*/author/name");
      assertThat(texts(json.path("notes"), ""))
          .anySatisfy(n -> assertThat(n).startsWith("wgp: base path /api/services/wgp/; token X-WGP-Token from"
              + " $WGP_API_TOKEN, refused without it with 401 or 403; session cookie WGP_SESSID;"
              + " owners backend@webgoodpeople.com; Blog, portfolio cases"))
          .anySatisfy(n -> assertThat(n).startsWith("ivanpin@1.2.0: 5 endpoints; blog.list accepts a tag filter"));
    }

    @Test
    void should_write_every_format_to_the_report_dir(@TempDir Path dir) throws IOException {
      CliRun run = CliRun.run("list", "--contracts", "classpath:examples", "-q", "--color", "never", "--report-dir", dir.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("PASSED: 23 checks", "Reports written:", dir.resolve("list.html").toString());
      assertThat(Files.readString(dir.resolve("list.txt"))).contains("ok   blog.detail", "IVANPIN_SESSID");
      assertThat(reportJson(Files.readString(dir.resolve("list.json"))).path("kind").asString()).isEqualTo("list");
      assertThat(Files.readString(dir.resolve("list.md")))
          .contains("## ✅ contract-gate list contract tree", "**ivanpin@1.2.0** · `services.list`");
      assertThat(Files.readString(dir.resolve("list.xml")))
          .contains("<testsuite name=\"ivanpin@1.2.0\"", "<testcase classname=\"contractgate.consumers\" name=\"wgp-web\"");
      assertThat(Files.readString(dir.resolve("list.html"))).contains("contact.submit", "POST /api/services/wgp/");
    }

    @Test
    void should_print_markdown_or_junit_on_standard_output() {
      CliRun md = CliRun.run("list", "--contracts", "classpath:examples", "--format", "markdown");
      CliRun xml = CliRun.run("list", "--contracts", "classpath:examples", "--format", "junit");
      assertThat(md.exitCode()).isZero();
      assertThat(md.out()).startsWith("## ✅ contract-gate list").contains("| ivanpin@1.0.0 | 0 | 0 | 3 | 0 |");
      assertThat(xml.exitCode()).isZero();
      assertThat(xml.out()).startsWith("<?xml").contains("<testcase classname=\"contractgate.wgp.v1_2_0\" name=\"contact.submit\"");
    }

    @Test
    void should_exit_2_for_several_formats_without_a_report_dir_or_an_unknown_format() {
      CliRun several = CliRun.run("list", "--contracts", "classpath:examples", "--format", "json", "--format", "html");
      CliRun unknown = CliRun.run("list", "--contracts", "classpath:examples", "--format", "yaml");
      assertThat(several.exitCode()).isEqualTo(2);
      assertThat(several.err()).contains("Several --format values need --report-dir");
      assertThat(several.out()).isEmpty();
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.err()).contains("yaml", "TEXT", "JSON");
    }

    @Test
    void should_say_in_help_that_json_is_the_report_json() {
      CliRun run = CliRun.run("list", "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("contract-gate/report/1", "docs/report.schema.json", "--report-dir", "--color");
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

  private static void write(Path root, String relative, String content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Nested
  class Validate {
    @Test
    void should_exit_1_with_pointer_schema_expected_and_actual() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "--version", "1.2.0", "-e", "blog.list",
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertThat(run.out().lines().findFirst().orElseThrow())
          .isEqualTo("contract-gate validate " + SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json against"
              + " ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php) — FAILED: 1 of 1 check failed");
      assertThat(run.out()).contains("""

          ivanpin@1.2.0
            FAIL blog.list  status 200, 1 violation
                [1] BREAKING body.required at /items/3/author/name
                    expected: required property "name"
                    but was : absent
                    schema  : ivanpin/1.2.0/schemas/common.schema.json#/$defs/Author/required
                    hint    : send "name"; making it optional is a breaking change for every consumer that reads it

          Headers not checked: pass --header 'NAME: VALUE' to check Content-Type, Vary and cookies.
          """);
    }

    @Test
    void should_exit_0_for_a_valid_body(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("ok.json");
      Files.writeString(body, "{\"error\": {\"code\": \"UNAUTHORIZED\", \"message\": \"Token required\"}}");
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "--status", "401", body.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out())
          .contains("against ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php) — PASSED: 1 check")
          .contains("\nivanpin@1.2.0\n  ok   blog.list  status 401, no violations\n")
          .doesNotContain("BREAKING");
    }

    @Test
    void should_check_headers_when_given_and_never_echo_a_secret() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list",
          "-H", "Content-Type: text/html", "-H", "Set-Cookie: PHPSESSID=s3cr3t-cookie-value; Path=/",
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("FAIL blog.list  status 200, 4 violations")
          .contains("at header:Content-Type", "at header:Vary", "cookie.foreign-session", "IVANPIN_SESSID")
          .doesNotContain("Headers not checked")
          .doesNotContain("s3cr3t-cookie-value");
    }

    @Test
    void should_print_the_violations_as_report_json() throws IOException {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "--format", "json",
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      JsonNode json = reportJson(run.out());
      assertThat(json.path("kind").asString()).isEqualTo("validate");
      assertThat(json.path("passed").asBoolean()).isFalse();
      assertThat(json.path("entries").size()).isEqualTo(1);
      JsonNode entry = entry(json, "ivanpin@1.2.0", "blog.list");
      assertThat(entry.path("status").asString()).isEqualTo("failed");
      assertThat(entry.path("summary").asString()).isEqualTo("status 200, 1 violation");
      JsonNode finding = entry.path("findings").get(0);
      assertThat(finding.path("level").asString()).isEqualTo("breaking");
      assertThat(finding.path("rule").asString()).isEqualTo("body.required");
      assertThat(finding.path("where").asString()).isEqualTo("/items/3/author/name");
      assertThat(texts(finding.path("facts"), "key")).containsExactly("expected", "but was", "schema");
      assertThat(texts(finding.path("facts"), "value")).containsExactly("required property \"name\"", "absent",
          "ivanpin/1.2.0/schemas/common.schema.json#/$defs/Author/required");
      assertThat(finding.path("hint").asString()).startsWith("send \"name\"");
    }

    @Test
    void should_report_a_valid_body_as_a_passed_entry_in_json(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("ok.json");
      Files.writeString(body, "{\"error\": {\"code\": \"UNAUTHORIZED\", \"message\": \"Token required\"}}");
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "--status", "401", "--format", "json",
          "-H", "Content-Type: application/json", body.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
      JsonNode json = reportJson(run.out());
      assertThat(json.path("passed").asBoolean()).isTrue();
      JsonNode entry = entry(json, "ivanpin@1.2.0", "blog.list");
      assertThat(entry.path("status").asString()).isEqualTo("passed");
      assertThat(entry.path("summary").asString()).isEqualTo("status 401, no violations");
      assertThat(entry.path("findings").size()).isZero();
      assertThat(json.path("notes").size()).as("headers were checked").isZero();
    }

    @Test
    void should_write_every_format_to_the_report_dir_and_still_exit_1(@TempDir Path dir) throws IOException {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "-q", "--report-dir", dir.toString(),
          SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("FAIL blog.list", "Reports written:", dir.resolve("validate.xml").toString());
      assertThat(Files.readString(dir.resolve("validate.txt")))
          .contains("[1] BREAKING body.required at /items/3/author/name", "but was : absent");
      JsonNode json = reportJson(Files.readString(dir.resolve("validate.json")));
      assertThat(entry(json, "ivanpin@1.2.0", "blog.list").path("findings").get(0).path("where").asString())
          .isEqualTo("/items/3/author/name");
      assertThat(Files.readString(dir.resolve("validate.xml")))
          .contains("<testcase classname=\"contractgate.ivanpin.v1_2_0\" name=\"blog.list\"")
          .contains("<failure message=\"status 200, 1 violation\" type=\"body.required\">")
          .contains("    expected: required property \"name\"\n    but was : absent\n");
      assertThat(Files.readString(dir.resolve("validate.md"))).contains("## ❌ contract-gate validate", "body.required");
      assertThat(Files.readString(dir.resolve("validate.html"))).contains("/items/3/author/name");
    }

    @Test
    void should_say_in_help_that_json_is_the_report_json_and_keep_the_exit_codes() {
      CliRun run = CliRun.run("validate", "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("contract-gate/report/1", "--report-dir", "--format=FORMAT",
          "0   the response matches the contract", "1   the response violates the contract");
    }

    @Test
    void should_write_only_the_formats_named(@TempDir Path dir) throws IOException {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "--format", "json", "--format", "junit",
          "--report-dir", dir.toString(), SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("validate.json", "validate.xml");
      }
    }

    @Test
    void should_exit_3_for_a_missing_response_file() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "nope.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Cannot read response: nope.json", "no such file", "hint");
    }

    @Test
    void should_exit_3_for_an_unknown_endpoint_listing_the_known_ones() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.lis", "x.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown endpoint", "\"blog.lis\"", "blog.list", "blog.detail",
          "hint    : did you mean \"blog.list\"?");
    }

    @Test
    void should_exit_3_for_an_unknown_namespace_suggesting_a_close_one() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpn", "-e", "blog.list", "x.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown namespace", "\"ivanpn\"", "hint    : did you mean \"ivanpin\"?");
    }

    @Test
    void should_exit_3_for_an_unknown_version() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "--version", "9.9.9", "-e", "blog.list", "x.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown version", "\"9.9.9\"", "1.0.0")
          .contains("hint    : pick a version of the namespace").doesNotContain("did you mean");
    }

    @Test
    void should_suggest_a_version_one_typo_away() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "--version", "1.2.1", "-e", "blog.list", "x.json");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown version", "\"1.2.1\"", "did you mean \"1.2.0\"?");
    }

    @Test
    void should_exit_1_for_a_body_that_is_not_json(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("bad.json");
      Files.writeString(body, "<br /><b>Warning</b>: Undefined index\n{\"items\": []}");
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", body.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("BREAKING body.not-json at (body)", "malformed JSON", "line 1", "PHP warnings");
    }

    @Test
    void should_read_no_more_than_the_body_limit_of_a_huge_file(@TempDir Path dir) throws IOException {
      Path body = dir.resolve("huge.json");
      Files.writeString(body, "{\"items\": [" + "{\"title\": \"xxxxxxxxxx\"},".repeat(300_000) + "{}]}");
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", body.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("body.too-large", "but was : more than 2097152 bytes");
    }

    @Test
    void should_exit_2_for_a_malformed_header_option() {
      CliRun run = CliRun.run("validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "-H", "Vary", SAMPLES
          + "ivanpin-1.2.0-blog.list-missing-author-name.json");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Invalid --header 'Vary'", "NAME: VALUE");
    }
  }
}
