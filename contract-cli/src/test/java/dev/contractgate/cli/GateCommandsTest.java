package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import dev.contractgate.validate.ResponseValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class GateCommandsTest {

  static final String SECRET = "s3cr3t-t0ken-4711-do-not-print";
  static final Map<String, String> ENV = Map.of("IVANPIN_API_TOKEN", SECRET, "WGP_API_TOKEN", SECRET + "-wgp");
  static ContractRegistry registry;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
  }

  static EmbeddedBackend conformingBackend(java.util.function.UnaryOperator<List<Stub>> change) {
    List<Stub> stubs = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      stubs.addAll(StubPlan.of(registry, registry.latest(ns.id())));
      StubPlan.refusal(registry, registry.latest(ns.id())).ifPresent(stubs::add);
    }
    return EmbeddedBackend.start(0, change.apply(stubs),
        ns -> ns.equals("ivanpin") ? ENV.get("IVANPIN_API_TOKEN") : ENV.get("WGP_API_TOKEN"));
  }

  static List<String> filesUnder(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.add(Files.readString(p));
      }
    }
    return out;
  }

  @Nested
  class Verify {
    @Test
    void should_pass_against_a_conforming_backend_and_write_every_format(@TempDir Path dir) throws IOException {
      try (EmbeddedBackend backend = conformingBackend(s -> s)) {
        CliRun run = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", backend.baseUrl(), "--report-dir", dir.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("PASSED: 18 checks", "Reports written:", "verify.html");
        assertThat(run.err()).contains("[18/18] probes done");
        assertThat(dir.resolve("verify.json")).exists();
        assertThat(dir.resolve("verify.xml")).exists();
        assertThat(dir.resolve("verify.md")).exists();
        assertThat(dir.resolve("verify.txt")).exists();
        JsonNode json = Json.MAPPER.readTree(dir.resolve("verify.json").toFile());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("summary").path("passed").asInt()).isEqualTo(18);
      }
    }

    @Test
    void should_exit_1_and_never_print_the_token_when_the_backend_breaks_the_contract(@TempDir Path dir)
        throws IOException {
      // GIVEN a backend that echoes the token in a header the contract checks and drops Vary
      try (EmbeddedBackend backend = conformingBackend(stubs -> stubs.stream()
          .map(s -> s.withHeader("Vary", "X-WGP-Token=" + SECRET).withHeader("Set-Cookie", "PHPSESSID=" + SECRET))
          .toList())) {
        // WHEN
        CliRun run = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", backend.baseUrl(), "--report-dir", dir.toString());
        // THEN
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("header.mismatch", "cookie.foreign-session");
        assertThat(run.all()).doesNotContain(SECRET);
        assertThat(filesUnder(dir)).isNotEmpty().allSatisfy(content -> assertThat(content).doesNotContain(SECRET));
      }
    }

    @Test
    void should_exit_4_when_nothing_listens() throws IOException {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      CliRun run = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", "http://127.0.0.1:" + port, "--retries", "0", "-q");
      assertThat(run.exitCode()).isEqualTo(4);
      assertThat(run.err()).contains("Backend unreachable", "--base-url");
      assertThat(run.out()).contains("gate.unreachable", "connection refused");
    }

    @Test
    void should_exit_3_when_a_token_variable_is_not_set() {
      CliRun run = CliRun.withEnv(k -> null, "verify", "--contracts", "classpath:examples", "--base-url", "http://127.0.0.1:9");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("IVANPIN_API_TOKEN", "not set", "export IVANPIN_API_TOKEN=");
    }

    @Test
    void should_exit_2_for_usage_errors() {
      assertThat(CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", "localhost:8080").err())
          .contains("Invalid base URL \"localhost:8080\"");
      CliRun badDuration = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", "http://127.0.0.1:9", "--timeout", "5 sec");
      assertThat(badDuration.exitCode()).isEqualTo(2);
      assertThat(badDuration.err()).contains("'5 sec' is not a duration", "500ms");
      CliRun twoFormats = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", "http://127.0.0.1:9",
          "--format", "json", "--format", "html");
      assertThat(twoFormats.exitCode()).isEqualTo(2);
      assertThat(twoFormats.err()).contains("Several --format values need --report-dir");
      assertThat(CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples").exitCode()).isEqualTo(2);
    }

    @Test
    void should_print_json_on_stdout_for_scripts() {
      try (EmbeddedBackend backend = conformingBackend(s -> s)) {
        CliRun run = CliRun.withEnv(ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", backend.baseUrl(), "-n", "wgp", "--format", "json", "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.path("kind").asString()).isEqualTo("verify");
        assertThat(json.path("entries")).allSatisfy(e -> assertThat(e.path("group").asString()).startsWith("wgp@"));
      }
    }
  }

  @Nested
  class Demo {
    @Test
    void should_pass_without_a_story(@TempDir Path dir) {
      CliRun run = CliRun.run("demo", "--report-dir", dir.toString(), "-q");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("PASSED", "verify.html");
      assertThat(dir.resolve("verify.html")).exists();
    }

    @ParameterizedTest
    @EnumSource(Story.class)
    void should_catch_every_story(Story story, @TempDir Path dir) {
      CliRun run = CliRun.run("demo", "--break", story.id, "--report-dir", dir.toString(), "-q");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("BREAKING " + story.expectedRule(), "Demo story " + story.id);
    }

    @Test
    void should_list_every_story_in_help() {
      CliRun run = CliRun.run("demo", "--help");
      for (Story s : Story.values()) {
        assertThat(run.out()).contains(s.id);
      }
    }

    @Test
    void should_refuse_an_unknown_story() {
      CliRun run = CliRun.run("demo", "--break", "bogus");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("unknown story 'bogus'", "frontend-ahead");
    }
  }

  @Nested
  class Stubs {
    @Test
    void should_serve_the_contract_until_stopped() throws Exception {
      // GIVEN the stub command running on a free port
      StubCommand command = new StubCommand();
      RootCommand root = new RootCommand();
      root.environment = k -> null;
      CommandLine cl = new CommandLine(root);
      cl.getSubcommands().get("stub");
      CommandLine stubCl = new CommandLine(command);
      command.root = root;
      StringWriter out = new StringWriter();
      stubCl.setOut(new PrintWriter(out, true));
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> stubCl.execute("--contracts", "classpath:examples", "--port", "0", "-n", "wgp"));
      assertThat(command.started.await(20, TimeUnit.SECONDS)).isTrue();
      OkHttpClient client = new OkHttpClient();
      // WHEN a frontend calls with any token, and without one
      try (Response ok = client.newCall(new Request.Builder().url(command.baseUrl + "/api/services/wgp/posts/list.php?page=1")
              .header("X-WGP-Token", "anything").build()).execute();
          Response refused = client.newCall(new Request.Builder().url(command.baseUrl + "/api/services/wgp/posts/list.php")
              .build()).execute()) {
        // THEN
        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.header("Vary")).contains("Origin");
        String body = ok.body().string();
        assertThat(ResponseValidator.of(registry).validateBody(
            registry.latest("wgp").endpoint("posts.list").orElseThrow().responses().get(200).schema().orElseThrow(), body))
            .isEmpty();
        assertThat(refused.code()).isEqualTo(401);
      } finally {
        command.stop();
      }
      assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
      assertThat(out.toString()).contains("Serving", "posts.list");
    }
  }
}
