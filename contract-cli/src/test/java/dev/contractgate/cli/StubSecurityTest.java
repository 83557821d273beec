package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The {@code stub} command as an attacker's probe sees it: every request goes to the command itself, started
 * on a free loopback port and stopped after each test. Each test fails on the stub command as it was before
 * (near-miss page with the expected token, open admin API with CORS for any origin, no size limit, request
 * bodies unchecked, Ctrl-C ending with 130).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StubSecurityTest {

  static final String IVANPIN = "ivanpin-stub-t0ken-5a9e1c40";
  static final String WGP = "wgp-stub-t0ken-77d3b2e1";
  static final String ADMIN_TOKEN = "stub-admin-t0ken-0f1e2d3c4b5a";
  static final Map<String, String> ENV = Map.of("IVANPIN_API_TOKEN", IVANPIN, "WGP_API_TOKEN", WGP);
  static final Map<String, String> ENV_WITH_ADMIN = Map.of("IVANPIN_API_TOKEN", IVANPIN, "WGP_API_TOKEN", WGP,
      StubCommand.DEFAULT_ADMIN_TOKEN_ENV, ADMIN_TOKEN);
  static final MediaType JSON = MediaType.get("application/json");
  static final String POSTS = "/api/services/wgp/posts/list.php";
  static final String CONTACT = "/api/services/wgp/contact/submit.php";
  static final String BLOG = "/api/ivanpin/services/blog/list.php";

  final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  final List<Running> running = new ArrayList<>();
  final List<Process> children = new ArrayList<>();

  /** One answer, everything of it a client can see. */
  record Seen(String what, int status, String headers, String body) {
    String all() {
      return headers + "\n" + body;
    }
  }

  /** The stub command running in this JVM, as {@code contract-gate stub --port 0 ...}. */
  static final class Running {
    final StubCommand command;
    final CompletableFuture<Integer> exit;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    Running(Map<String, String> env, String... args) throws InterruptedException {
      CommandLine cl = RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env::get,
          new Redactor());
      command = cl.getSubcommands().get("stub").getCommand();
      List<String> all = new ArrayList<>(List.of("stub", "--contracts", "classpath:examples", "--port", "0"));
      all.addAll(List.of(args));
      exit = new CompletableFuture<>();
      Thread t = new Thread(() -> exit.complete(cl.execute(all.toArray(String[]::new))), "stub-under-test");
      t.setDaemon(true);
      t.start();
      for (int i = 0; i < 400 && command.started.getCount() > 0 && !exit.isDone(); i++) {
        command.started.await(50, TimeUnit.MILLISECONDS);
      }
    }

    boolean serving() {
      return command.started.getCount() == 0 && !exit.isDone();
    }

    String url(String path) {
      return command.baseUrl + path;
    }

    int port() {
      return URI.create(command.baseUrl).getPort();
    }

    int stop() throws Exception {
      command.stop();
      return exit.get(30, TimeUnit.SECONDS);
    }
  }

  Running stub(Map<String, String> env, String... args) throws InterruptedException {
    Running r = new Running(env, args);
    running.add(r);
    assertThat(r.serving()).as("the stub command serves; out:%n%s%nerr:%n%s", r.out, r.err).isTrue();
    return r;
  }

  @AfterEach
  void stopAll() throws Exception {
    for (Process p : children) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    for (Running r : running) {
      if (!r.exit.isDone()) {
        r.stop();
      }
    }
  }

  Seen call(String what, Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      StringBuilder headers = new StringBuilder();
      // Headers.toString() masks Set-Cookie and Authorization; a leak there must show.
      for (int i = 0; i < r.headers().size(); i++) {
        headers.append(r.headers().name(i)).append(": ").append(r.headers().value(i)).append('\n');
      }
      return new Seen(what + " " + request.method() + " " + request.url().encodedPath(), r.code(),
          headers.toString(), r.body().string());
    }
  }

  static Request.Builder get(Running s, String path) {
    return new Request.Builder().url(s.url(path));
  }

  @Test
  void no_answer_on_any_path_carries_a_token_with_or_without_origin() throws Exception {
    // GIVEN the stub with both namespaces' tokens set, first as it starts by default, then with the admin API
    for (boolean admin : List.of(false, true)) {
      Running s = admin ? stub(ENV_WITH_ADMIN, "--admin") : stub(ENV);
      List<Seen> seen = new ArrayList<>();
      List<String> paths = List.of("/", "/nothing-here", "/api/services/wgp/", "/api/services/wgp/nothing.php", POSTS,
          "/api/services/wgp/posts/512/", CONTACT, BLOG, "/api/ivanpin/services/blog/some-post/", "/__admin",
          "/__admin/", "/__admin/mappings", "/__admin/requests", "/__admin/near-misses/request",
          "/__admin/requests/unmatched/near-misses", "/__admin/not-matched", "/__admin/settings",
          "/__admin/docs/swagger", "/__files/x", "/%5F%5Fadmin/mappings");
      for (String path : paths) {
        for (String origin : new String[] {null, "https://evil.example"}) {
          for (String token : List.of("", "wrong-token", WGP, IVANPIN)) {
            // WHEN an attacker's page (or curl) asks, with any token or none, with the admin token or not
            for (String authorization : admin ? List.of("", "Bearer " + WGP, "Bearer " + ADMIN_TOKEN) : List.of("")) {
              Request.Builder b = get(s, path);
              if (origin != null) {
                b.header("Origin", origin);
              }
              if (!token.isEmpty()) {
                b.header("X-WGP-Token", token);
              }
              if (!authorization.isEmpty()) {
                b.header("Authorization", authorization);
              }
              seen.add(call("admin=" + admin + " token=" + token.length() + " origin=" + origin, b.build()));
            }
          }
        }
        Request preflight = new Request.Builder().url(s.url(path)).method("OPTIONS", null)
            .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "X-WGP-Token, Authorization").build();
        seen.add(call("preflight", preflight));
      }
      // THEN no status line, header or body anywhere holds a token value
      assertThat(seen).hasSizeGreaterThan(150).allSatisfy(a -> assertThat(a.all()).as(a.what())
          .doesNotContain(WGP).doesNotContain(IVANPIN));
    }
  }

  @Test
  void refusals_are_plain_401_403_404_without_near_miss_or_expected_values() throws Exception {
    // GIVEN
    Running s = stub(ENV);
    // WHEN
    Seen noToken = call("no token", get(s, POSTS).build());
    Seen blankToken = call("blank token", get(s, POSTS).header("X-WGP-Token", " ").build());
    Seen wrongToken = call("wrong token", get(s, POSTS).header("X-WGP-Token", "guess").build());
    Seen otherNamespacesToken = call("ivanpin's token on wgp", get(s, POSTS).header("X-WGP-Token", IVANPIN).build());
    Seen unknownWithoutToken = call("unknown, no token", get(s, "/api/services/wgp/secret.php").build());
    Seen unknownWithToken = call("unknown, token", get(s, "/api/services/wgp/secret.php").header("X-WGP-Token", WGP).build());
    Seen outside = call("outside every namespace", get(s, "/index.html").build());
    Seen wrongMethod = call("wrong method", new Request.Builder().url(s.url(POSTS)).header("X-WGP-Token", WGP)
        .delete().build());
    Seen ok = call("right token", get(s, POSTS).header("X-WGP-Token", WGP).build());
    // THEN no refusal is a page, lists stubs or names the expected token
    for (Seen refused : List.of(noToken, blankToken, wrongToken, otherNamespacesToken, unknownWithoutToken,
        unknownWithToken, outside, wrongMethod)) {
      assertThat(refused.body()).as(refused.what()).hasSizeLessThan(300)
          .doesNotContainIgnoringCase("closest stub").doesNotContainIgnoringCase("request was not matched")
          .doesNotContain("X-WGP-Token:").doesNotContain("posts/list").doesNotContain("contact/submit")
          .doesNotContain("<html").doesNotContain(WGP).doesNotContain(IVANPIN);
      JsonNode json = Json.MAPPER.readTree(refused.body());
      assertThat(json.path("error").path("code").asString()).as(refused.what()).matches("[A-Z][A-Z0-9_]*");
      assertThat(refused.headers()).as(refused.what()).containsIgnoringCase("content-type: application/json");
    }
    // AND the status tells which: no token 401, another token 403, no such stub 404
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(blankToken.status()).isEqualTo(401);
    assertThat(unknownWithoutToken.status()).isEqualTo(401);
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(otherNamespacesToken.status()).isEqualTo(403);
    assertThat(unknownWithToken.status()).isEqualTo(404);
    assertThat(outside.status()).isEqualTo(404);
    assertThat(wrongMethod.status()).isEqualTo(404);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(wrongToken.body()).contains("TOKEN_INVALID");
    assertThat(unknownWithToken.body()).contains("NOT_FOUND");
  }

  @Test
  void the_admin_api_is_off_by_default() throws Exception {
    // GIVEN
    Running s = stub(ENV);
    String mapping = "{\"request\":{\"method\":\"GET\",\"urlPath\":\"" + POSTS + "\"},"
        + "\"response\":{\"status\":200,\"body\":\"open\"},\"priority\":1}";
    // WHEN the probe lists, adds, resets and shuts down
    Seen list = call("list", get(s, "/__admin/mappings").build());
    Seen add = call("add", new Request.Builder().url(s.url("/__admin/mappings")).post(RequestBody.create(mapping, JSON)).build());
    Seen reset = call("reset", new Request.Builder().url(s.url("/__admin/reset")).post(RequestBody.create("", JSON)).build());
    Seen shutdown = call("shutdown", new Request.Builder().url(s.url("/__admin/shutdown"))
        .post(RequestBody.create("", JSON)).build());
    Seen encoded = call("encoded", get(s, "/%5F%5Fadmin/mappings").build());
    // THEN every admin path is an unknown path, and the stub is unchanged and still serving
    for (Seen a : List.of(list, add, reset, shutdown, encoded)) {
      assertThat(a.status()).as(a.what()).isEqualTo(404);
      assertThat(a.body()).as(a.what()).contains("NOT_FOUND").doesNotContain("mappings").doesNotContain(WGP);
    }
    assertThat(s.serving()).isTrue();
    assertThat(call("protected", get(s, POSTS).build()).status()).isEqualTo(401);
    assertThat(call("served", get(s, POSTS).header("X-WGP-Token", WGP).build()).body()).contains("\"items\"");
    assertThat(s.out.toString()).contains("Admin API: off");
  }

  @Test
  void the_admin_api_needs_its_own_token_and_cannot_open_a_namespace() throws Exception {
    // GIVEN the admin API on, with the admin token from the environment
    Running s = stub(ENV_WITH_ADMIN, "--admin");
    String mapping = "{\"request\":{\"method\":\"GET\",\"urlPath\":\"" + POSTS + "\"},"
        + "\"response\":{\"status\":200,\"body\":\"opened\"},\"priority\":1}";
    String extra = "{\"request\":{\"method\":\"GET\",\"urlPath\":\"/extra\"},\"response\":{\"status\":200,\"body\":\"extra\"}}";
    // WHEN
    Seen none = call("no admin token", get(s, "/__admin/mappings").build());
    Seen wrong = call("wrong admin token", get(s, "/__admin/mappings").header("Authorization", "Bearer nope").build());
    Seen namespaceToken = call("namespace token as admin token", get(s, "/__admin/mappings")
        .header("Authorization", "Bearer " + WGP).header("X-WGP-Token", WGP).build());
    Seen addWithout = call("add without token", new Request.Builder().url(s.url("/__admin/mappings"))
        .post(RequestBody.create(mapping, JSON)).build());
    Seen list = call("list", get(s, "/__admin/mappings").header("Authorization", "Bearer " + ADMIN_TOKEN).build());
    Seen add = call("add", new Request.Builder().url(s.url("/__admin/mappings")).header("Authorization", "Bearer " + ADMIN_TOKEN)
        .post(RequestBody.create(mapping, JSON)).build());
    Seen addExtra = call("add extra", new Request.Builder().url(s.url("/__admin/mappings"))
        .header("Authorization", "Bearer " + ADMIN_TOKEN).post(RequestBody.create(extra, JSON)).build());
    Seen protectedAfter = call("protected after add", get(s, POSTS).build());
    Seen extraServed = call("extra", get(s, "/extra").build());
    // THEN
    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(namespaceToken.status()).isEqualTo(403);
    assertThat(addWithout.status()).isEqualTo(401);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("mappings", "posts").doesNotContain(WGP).doesNotContain(IVANPIN);
    assertThat(add.status()).isEqualTo(201);
    assertThat(addExtra.status()).isEqualTo(201);
    assertThat(protectedAfter.status()).as("an added mapping does not lift the namespace's token").isEqualTo(401);
    assertThat(extraServed.body()).isEqualTo("extra");
    assertThat(s.out.toString()).contains("Admin API: " + s.url("/__admin"), StubCommand.DEFAULT_ADMIN_TOKEN_ENV)
        .doesNotContain(ADMIN_TOKEN).doesNotContain(WGP).doesNotContain(IVANPIN);
    // AND shutdown with the admin token stops the command the way Ctrl-C does
    Seen shutdown = call("shutdown", new Request.Builder().url(s.url("/__admin/shutdown"))
        .header("Authorization", "Bearer " + ADMIN_TOKEN).post(RequestBody.create("", JSON)).build());
    assertThat(shutdown.status()).isEqualTo(200);
    assertThat(s.exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(s.out.toString()).contains("Stopped.");
  }

  @Test
  void a_generated_admin_token_is_printed_once_and_works() throws Exception {
    // GIVEN --admin without the admin token variable
    Running s = stub(ENV, "--admin");
    // WHEN
    Matcher m = Pattern.compile("Authorization: Bearer (cg-admin-[0-9a-f]{48})").matcher(s.out.toString());
    assertThat(m.find()).as(s.out.toString()).isTrue();
    String token = m.group(1);
    // THEN
    assertThat(s.out.toString().split(Pattern.quote(token), -1)).hasSize(2);
    assertThat(s.out.toString()).doesNotContain(WGP).doesNotContain(IVANPIN);
    assertThat(call("admin", get(s, "/__admin/mappings").header("Authorization", "Bearer " + token).build()).status())
        .isEqualTo(200);
    assertThat(call("admin", get(s, "/__admin/mappings").build()).status()).isEqualTo(401);
  }

  @Test
  void an_admin_token_that_is_short_or_a_namespace_token_is_a_usage_error() throws Exception {
    Map<String, String> reused = Map.of("WGP_API_TOKEN", WGP, "IVANPIN_API_TOKEN", IVANPIN,
        StubCommand.DEFAULT_ADMIN_TOKEN_ENV, WGP);
    Running same = new Running(reused, "--admin");
    assertThat(same.exit.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(same.err.toString()).contains("is a namespace's token").doesNotContain(WGP);
    Running shortToken = new Running(Map.of(StubCommand.DEFAULT_ADMIN_TOKEN_ENV, "short"), "--admin");
    assertThat(shortToken.exit.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(shortToken.err.toString()).contains("shorter than 16 characters").doesNotContain("short\n");
  }

  @Test
  void admin_paths_send_no_cors_headers() throws Exception {
    for (boolean admin : List.of(false, true)) {
      // GIVEN the stub as it starts by default, then with the admin API
      Running s = admin ? stub(ENV_WITH_ADMIN, "--admin") : stub(ENV);
      List<Seen> seen = new ArrayList<>();
      for (String auth : List.of("", "Bearer " + ADMIN_TOKEN)) {
        for (String path : List.of("/__admin/mappings", "/__admin/settings", "/__admin")) {
          // WHEN a page on another origin reads the admin API, with a preflight first
          Request.Builder read = get(s, path).header("Origin", "https://evil.example");
          if (!auth.isEmpty()) {
            read.header("Authorization", auth);
          }
          seen.add(call("read " + auth.length(), read.build()));
          seen.add(call("preflight", new Request.Builder().url(s.url(path)).method("OPTIONS", null)
              .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
              .header("Access-Control-Request-Headers", "authorization,content-type").build()));
        }
      }
      // THEN no answer lets the browser hand it to the page
      assertThat(seen).allSatisfy(a -> assertThat(a.headers().toLowerCase(Locale.ROOT)).as(a.what())
          .doesNotContain("access-control-allow-origin").doesNotContain("access-control-allow-credentials")
          .doesNotContain("evil.example"));
      if (admin) {
        assertThat(seen).anySatisfy(a -> assertThat(a.status()).isEqualTo(200));
      }
    }
  }

  @Test
  void no_answer_holds_a_stack_trace() throws Exception {
    for (boolean admin : List.of(false, true)) {
      // GIVEN the stub as it starts by default, then with the admin API (so that its failures can be reached)
      Running s = admin ? stub(ENV_WITH_ADMIN, "--admin") : stub(ENV);
      String bearer = "Bearer " + ADMIN_TOKEN;
      List<Seen> seen = new ArrayList<>();
      // WHEN the probe asks what the disabled journal would answer, sends broken admin input and broken requests
      for (String path : List.of("/__admin/requests", "/__admin/requests/count", "/__admin/near-misses/request",
          "/__admin/requests/unmatched", "/__admin/recordings/status", "/__admin/mappings/not-a-uuid")) {
        seen.add(call("admin get", get(s, path).header("Authorization", bearer).build()));
      }
      seen.add(call("admin bad json", new Request.Builder().url(s.url("/__admin/mappings")).header("Authorization", bearer)
          .post(RequestBody.create("{not json", JSON)).build()));
      seen.add(call("admin count bad json", new Request.Builder().url(s.url("/__admin/requests/count"))
          .header("Authorization", bearer).post(RequestBody.create("[1,", JSON)).build()));
      seen.add(raw(s, "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
      seen.add(raw(s, "GET /api/services/wgp/../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"));
      seen.add(raw(s, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"));
      // THEN
      assertThat(seen).hasSize(11).allSatisfy(a -> assertThat(a.all()).as(a.what())
          .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at com.").doesNotContain("at wiremock.")
          .doesNotContain("at java.").doesNotContain("<pre>").doesNotContain(WGP).doesNotContain(IVANPIN));
      assertThat(seen.get(0).status()).isEqualTo(404);
      assertThat(seen.get(0).body()).contains(admin ? "JOURNAL_OFF" : "NOT_FOUND");
    }
  }

  @Test
  void an_admin_mapping_cannot_forward_requests_anywhere() throws Exception {
    // GIVEN a listener that must never be called, and the admin API on
    try (java.net.ServerSocket trap = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      trap.setSoTimeout(1_000);
      Running s = stub(ENV_WITH_ADMIN, "--admin");
      String bearer = "Bearer " + ADMIN_TOKEN;
      String target = "http://127.0.0.1:" + trap.getLocalPort();
      // WHEN the admin adds a proxy and a response template for a namespace path, and a frontend calls it
      Seen proxy = call("add proxy", new Request.Builder().url(s.url("/__admin/mappings")).header("Authorization", bearer)
          .post(RequestBody.create("{\"request\":{\"urlPath\":\"" + POSTS + "\"},\"priority\":1,"
              + "\"response\":{\"proxyBaseUrl\":\"" + target + "\"}}", JSON)).build());
      Seen template = call("add template", new Request.Builder().url(s.url("/__admin/mappings"))
          .header("Authorization", bearer).post(RequestBody.create("{\"request\":{\"urlPath\":\"" + BLOG + "\"},"
              + "\"priority\":1,\"response\":{\"body\":\"{{request.headers.X-WGP-Token}}\","
              + "\"transformers\":[\"response-template\"]}}", JSON)).build());
      Seen proxied = call("proxied", get(s, POSTS).header("X-WGP-Token", WGP).build());
      Seen templated = call("templated", get(s, BLOG).header("X-WGP-Token", IVANPIN).build());
      // THEN nothing connects to the listener, and no token is sent back
      assertThat(proxy.status()).isEqualTo(201);
      assertThat(template.status()).isEqualTo(201);
      assertThat(proxied.status()).isNotEqualTo(200);
      assertThat(proxied.all()).doesNotContain(WGP).doesNotContain("Exception");
      assertThat(templated.all()).doesNotContain(IVANPIN);
      org.assertj.core.api.Assertions.assertThatThrownBy(trap::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void a_body_over_the_limit_gets_413_before_it_is_sent() throws Exception {
    // GIVEN
    Running s = stub(ENV);
    // WHEN a client announces 600 MB and sends its first 16 KiB, or asks whether it may send them (curl does)
    Seen declared = raw(s, "POST " + CONTACT + " HTTP/1.1\r\nHost: x\r\nX-WGP-Token: " + WGP
        + "\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\n\r\n{\"name\":\"" + "x".repeat(16_384));
    Seen expecting = raw(s, "POST " + CONTACT + " HTTP/1.1\r\nHost: x\r\nX-WGP-Token: " + WGP
        + "\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\nExpect: 100-continue\r\n\r\n");
    // THEN the answer comes at once, before the rest is sent (the old stub waited for the whole body, and ran out
    // of memory on it)
    for (Seen a : List.of(declared, expecting)) {
      assertThat(a.status()).as(a.what()).isEqualTo(413);
      assertThat(a.body()).as(a.what()).contains("BODY_TOO_LARGE", "1048576");
      assertThat(a.headers()).as(a.what()).doesNotContain("100 Continue");
    }
    assertThat(call("still serving", get(s, POSTS).header("X-WGP-Token", WGP).build()).status()).isEqualTo(200);
  }

  @Test
  void a_chunked_body_is_cut_at_the_limit() throws Exception {
    // GIVEN the default limit (1 MiB)
    Running s = stub(ENV);
    // WHEN a chunked body grows to 8 MiB and never ends
    Seen chunked = chunked(s, 256);
    // THEN the answer comes while the body is still being sent
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.body()).contains("BODY_TOO_LARGE", "1048576");
    assertThat(call("still serving", get(s, POSTS).header("X-WGP-Token", WGP).build()).status()).isEqualTo(200);
  }

  @Test
  void max_body_sets_the_limit() throws Exception {
    // GIVEN a 64 KiB limit
    Running s = stub(ENV, "--max-body", "64KiB");
    assertThat(s.out.toString()).contains("at most 64 KiB");
    // WHEN
    Seen chunked = chunked(s, 4);
    Seen declared = call("100 KiB", new Request.Builder().url(s.url(CONTACT)).header("X-WGP-Token", WGP)
        .post(RequestBody.create(" ".repeat(100 * 1024), JSON)).build());
    Seen small = call("small", new Request.Builder().url(s.url(CONTACT)).header("X-WGP-Token", WGP)
        .post(RequestBody.create("{\"name\":\"A\",\"email\":\"a@example.com\",\"message\":\"hi\",\"consent\":true}", JSON))
        .build());
    // THEN
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.body()).contains("65536");
    assertThat(small.status()).as(small.body()).isEqualTo(200);
    assertThat(CliRun.run("stub", "--contracts", "classpath:examples", "--max-body", "lots").err()).contains("'lots' is not a size");
    assertThat(CliRun.run("stub", "--contracts", "classpath:examples", "--max-body", "2GiB").exitCode()).isEqualTo(2);
  }

  /** Sends {@code chunks} chunks of 32 KiB without the last one, and reads the answer meanwhile. */
  static Seen chunked(Running s, int chunks) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + CONTACT + " HTTP/1.1\r\nHost: x\r\nX-WGP-Token: " + WGP
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      Thread writer = new Thread(() -> {
        byte[] chunk = ("8000\r\n" + " ".repeat(0x8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
          for (int i = 0; i < chunks; i++) {
            out.write(chunk);
          }
          out.flush();
        } catch (IOException e) {
          // the server stopped reading: expected
        }
      });
      writer.setDaemon(true);
      writer.start();
      return read("chunked", socket.getInputStream());
    }
  }

  @Test
  void a_request_body_that_breaks_the_request_contract_gets_400_with_the_violations() throws Exception {
    // GIVEN
    Running s = stub(ENV);
    // WHEN the contact form is sent with an empty name, no message, no consent and a field the contract forbids
    Seen broken = call("broken", new Request.Builder().url(s.url(CONTACT)).header("X-WGP-Token", WGP)
        .post(RequestBody.create("{\"name\":\"\",\"email\":\"a@example.com\",\"consent\":false,\"token\":\"" + WGP
            + "\"}", JSON)).build());
    Seen malformed = call("malformed", new Request.Builder().url(s.url(CONTACT)).header("X-WGP-Token", WGP)
        .post(RequestBody.create("{\"name\":", JSON)).build());
    Seen empty = call("empty", new Request.Builder().url(s.url(CONTACT)).header("X-WGP-Token", WGP)
        .post(RequestBody.create("", JSON)).build());
    Seen valid = call("valid", new Request.Builder().url(s.url(CONTACT)).header("X-WGP-Token", WGP)
        .post(RequestBody.create("{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"message\":\"Hello\","
            + "\"consent\":true,\"topic\":\"audit\"}", JSON)).build());
    // THEN
    assertThat(broken.status()).isEqualTo(400);
    JsonNode error = Json.MAPPER.readTree(broken.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("REQUEST_INVALID");
    assertThat(error.path("message").asString()).contains("wgp@1.2.0 contact.submit");
    List<String> pointers = new ArrayList<>();
    error.path("violations").forEach(v -> {
      pointers.add(v.path("pointer").asString());
      assertThat(v.path("expected").asString()).isNotBlank();
      assertThat(v.has("butWas")).isTrue();
    });
    assertThat(pointers).contains("/name", "/message", "/consent");
    assertThat(broken.body()).contains("required property \\\"message\\\"", "absent")
        .doesNotContain(WGP).doesNotContain(IVANPIN);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("malformed JSON").doesNotContain("Exception");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("an empty body");
    assertThat(valid.status()).as(valid.body()).isEqualTo(200);
    assertThat(valid.headers()).contains("WGP_SESSID=");
  }

  @Test
  void ctrl_c_stops_the_command_with_exit_code_0() throws Exception {
    Child child = Child.start(children);
    assumeTrue(!child.ignores(2), "SIGINT is ignored in this process tree (a background build): nothing to test");
    child.signal("INT");
    assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process.exitValue()).as(child.output()).isZero();
    assertThat(child.output()).contains("Stopped.").doesNotContain(WGP);
  }

  @Test
  void sigterm_stops_the_command_with_exit_code_0() throws Exception {
    Child child = Child.start(children);
    child.signal("TERM"); // not Process.destroy(), which closes the pipe the last lines come through
    assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process.exitValue()).as(child.output()).isZero();
    assertThat(child.output()).contains("Stopped.").doesNotContain(WGP);
  }

  @Test
  void a_port_that_is_taken_exits_3() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.withEnv(ENV::get, "stub", "--contracts", "classpath:examples", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("Cannot start the stub server on 127.0.0.1:" + taken.getLocalPort(), "--port");
    }
  }

  @Test
  void help_tells_what_is_served_auth_admin_limits_and_exit_codes() {
    CliRun run = CliRun.run("stub", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--admin", "--admin-token-env", "--max-body", "default: 1MiB", "401", "403", "404",
        "413", "400", "Bearer", "Exit codes:", "0   stopped (Ctrl-C, SIGTERM", "3   the contract cannot be read");
  }

  /** The command as a process of its own, as a terminal runs it. */
  static final class Child {
    final Process process;
    final StringBuilder out = new StringBuilder();
    Thread reader;

    private Child(Process process) {
      this.process = process;
    }

    static Child start(List<Process> started) throws Exception {
      assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc and kill (Linux)");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
          ContractCli.class.getName(), "stub", "--contracts", "classpath:examples", "--port", "0", "-n", "wgp").redirectErrorStream(true);
      pb.environment().put("WGP_API_TOKEN", WGP);
      Child c = new Child(pb.start());
      started.add(c.process);
      CompletableFuture<String> url = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(c.process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            synchronized (c.out) {
              c.out.append(line).append('\n');
            }
            Matcher m = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+) ").matcher(line);
            if (m.find()) {
              url.complete(m.group(1));
            }
          }
        } catch (IOException e) {
          // the process ended
        }
        url.complete(null);
      });
      reader.setDaemon(true);
      reader.start();
      c.reader = reader;
      String base = url.get(60, TimeUnit.SECONDS);
      assertThat(base).as(c.output()).isNotNull();
      // It serves before it is stopped.
      try (Response r = new OkHttpClient().newCall(new Request.Builder().url(base + POSTS).header("X-WGP-Token", WGP)
          .build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
      for (int i = 0; i < 100 && !c.output().contains("Admin API"); i++) {
        Thread.sleep(50);
      }
      return c;
    }

    /** Whether the process ignores a signal (its SigIgn mask in /proc). */
    boolean ignores(int signal) throws IOException {
      try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        String mask = lines.filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0").substring(7).trim();
        return (Long.parseUnsignedLong(mask, 16) & (1L << (signal - 1))) != 0;
      }
    }

    void signal(String name) throws Exception {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(kill.exitValue()).isZero();
    }

    String output() throws InterruptedException {
      if (!process.isAlive()) {
        reader.join(10_000); // the last lines may still be on their way
      }
      synchronized (out) {
        return out.toString();
      }
    }
  }

  /** One raw HTTP/1.1 exchange, for requests a client library would not send. */
  static Seen raw(Running s, String head) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return read("raw " + head.lines().findFirst().orElse(""), socket.getInputStream());
    }
  }

  /** Reads one response: status line, headers, and the body by Content-Length (or up to the close). */
  static Seen read(String what, InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(what + ": no answer within the timeout; got so far: " + head, e);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(headers);
    assertThat(status.find()).as(what + ": " + headers).isTrue();
    Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
    byte[] body;
    if (length.find()) {
      body = in.readNBytes(Integer.parseInt(length.group(1)));
    } else {
      body = new byte[0];
    }
    return new Seen(what, Integer.parseInt(status.group(1)), headers, new String(body, StandardCharsets.UTF_8));
  }
}
