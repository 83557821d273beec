package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code infer} never writes a secret, survives bad recordings, and writes a version completely or not at all. */
class InferSafetyTest {

  static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.bearer-planted-4411";
  static final String TOKEN = "wgp-header-token-planted-9d3e";
  static final String COOKIE = "cookie-value-planted-a1b2c3";
  static final String OTHER_COOKIE = "tracking-cookie-planted-77";
  static final String SET_COOKIE = "set-cookie-value-planted-e5f6";
  static final String PASSWORD = "hunter2-password-planted";
  static final String IBAN = "DE89370400440532013000";
  static final String QUERY_TOKEN = "query-token-planted-0c0c";
  static final String API_KEY = "query-apikey-planted-1d1d";
  static final String ENV_TOKEN = "env-token-planted-2e2e2e";
  static final List<String> SECRETS =
      List.of(BEARER, TOKEN, COOKIE, OTHER_COOKIE, SET_COOKIE, PASSWORD, IBAN, QUERY_TOKEN, API_KEY, ENV_TOKEN);

  static CliRun infer(String... args) {
    List<String> all = new ArrayList<>(List.of("infer", "--color", "never"));
    all.addAll(List.of(args));
    return CliRun.withEnv(Map.of("WGP_API_TOKEN", ENV_TOKEN)::get, all.toArray(String[]::new));
  }

  /** A HAR whose requests, responses and bodies are full of secrets, 25 times the same (enough for enums). */
  static Path secretHar(Path file) throws IOException {
    ObjectNode root = InferTraffic.MAPPER.createObjectNode();
    ArrayNode entries = root.putObject("log").put("version", "1.2").putArray("entries");
    for (int i = 0; i < 25; i++) {
      ObjectNode e = entries.addObject();
      ObjectNode req = e.putObject("request");
      req.put("method", "GET");
      req.put("url", "https://wgp.example/api/services/wgp/account/profile.php?token=" + QUERY_TOKEN + "&api_key="
          + API_KEY + "&page=" + (i % 3));
      ArrayNode rh = req.putArray("headers");
      rh.addObject().put("name", "Authorization").put("value", "Bearer " + BEARER);
      rh.addObject().put("name", "X-WGP-Token").put("value", TOKEN);
      rh.addObject().put("name", "Cookie").put("value", "WGP_SESSID=" + COOKIE + "; _ga=" + OTHER_COOKIE);
      req.putArray("cookies").addObject().put("name", "WGP_SESSID").put("value", COOKIE);
      ObjectNode res = e.putObject("response");
      res.put("status", 200);
      ArrayNode h = res.putArray("headers");
      h.addObject().put("name", "Content-Type").put("value", "application/json");
      h.addObject().put("name", "Set-Cookie").put("value", "WGP_SESSID=" + SET_COOKIE + "; Path=/; HttpOnly");
      h.addObject().put("name", "X-WGP-Token").put("value", TOKEN);
      ObjectNode body = InferTraffic.MAPPER.createObjectNode();
      body.put("login", "ivan");
      body.put("password", PASSWORD);
      body.putObject("bank").put("iban", IBAN).put("bic", "COBADEFFXXX");
      body.put("debug", "token was " + TOKEN);          // a backend that echoes the header: not a configured field
      body.put("auth", "Bearer " + BEARER);
      body.put("session", COOKIE);
      body.put("echo", ENV_TOKEN);
      body.put("role", i % 2 == 0 ? "admin" : "editor");
      res.putObject("content").put("mimeType", "application/json").put("text", body.toString());
    }
    Files.writeString(file, root.toString());
    return file;
  }

  @Test
  void should_write_no_token_cookie_authorization_or_secret_field_value(@TempDir Path dir) throws IOException {
    // GIVEN
    Path har = secretHar(dir.resolve("secrets.har"));
    Path out = dir.resolve("tree");
    // WHEN
    CliRun run = infer("--recordings", har.toString(), "--namespace", "wgp", "--base-path", "/api/services/wgp/",
        "--version", "1.0.0", "--out", out.toString(), "--redact-field", "iban");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    String files = InferCommandTest.allFiles(out);
    for (String secret : SECRETS) {
      assertThat(files).as("output tree").doesNotContain(secret);
      assertThat(run.all()).as("command output").doesNotContain(secret);
    }
    // the names are kept: they are what the contract is about; both credential headers were in every request
    assertThat(run.out()).contains("note: HAR requests carry several credential headers [X-WGP-Token, Authorization]");
    assertThat(files).contains("header: \"X-WGP-Token\"").contains("sessionCookie: \"WGP_SESSID\"")
        .contains("\"iban\"").contains("\"password\"").contains("\"role\"");
    // the low-cardinality field that is not a secret still gets its enum
    assertThat(files).contains("\"enum\" : [ \"admin\", \"editor\" ]");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("wgp");
    }
  }

  @Test
  void should_count_bad_recordings_and_still_write_the_version(@TempDir Path dir) throws IOException {
    // GIVEN a HAR that breaks off, and NDJSON with a line that is not JSON, a body that is not JSON, a binary
    // body and a 50 MB body among good exchanges
    Path good = secretHar(dir.resolve("good.har"));
    String text = Files.readString(good);
    Path cut = Files.writeString(dir.resolve("cut.har"), text.substring(0, text.length() * 3 / 5));
    List<String> lines = new ArrayList<>();
    String target = "/api/services/wgp/posts/list.php";
    for (int i = 0; i < 10; i++) {
      lines.add(line(target, "application/json", "{\"items\":[{\"id\":" + i + "}]}"));
    }
    lines.add("{\"method\":\"GET\",\"target\":\"" + target + "\",\"status\":200,\"body\":\"{\\\"items\\\":[");
    lines.add(line(target, "application/json", "<br/><b>Warning</b>: Undefined index {\"items\":[]}"));
    lines.add(line(target, "application/json", "\u0000\u0001PNG binary\u0000"));
    lines.add(line(target, "image/png", "\u0089PNG not text"));
    lines.add(line(target, "application/json", "{\"items\":[{\"id\":1,\"text\":\"" + "x".repeat(50 << 20) + "\"}]}"));
    Path ndjson = dir.resolve("mixed.ndjson");
    Files.write(ndjson, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("tree");
    // WHEN
    CliRun run = infer("--recordings", cut.toString(), ndjson.toString(), "--namespace", "wgp", "--base-path",
        "/api/services/wgp/", "--version", "1.0.0", "--out", out.toString());
    // THEN nothing is fatal, everything is counted and shown with its place
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("not used   : ")
        .contains("1 body.binary").contains("1 body.not-json").contains("1 file")
        // the 50 MB line is over the recording line limit (2 x limits.maxBodyBytes + 64 KiB): skipped unread
        .contains("2 unreadable")
        .contains("mixed.ndjson, line 15: unreadable, a line of 52428969 bytes, longer than the line limit")
        .contains("cut.har: file, Cannot read recording")
        .contains("mixed.ndjson, line 11: unreadable")
        .contains("mixed.ndjson, line 12: body.not-json");
    assertThat(out.resolve("wgp/1.0.0/schemas/posts-list.200.schema.json")).exists();
    assertThat(out.resolve("wgp/1.0.0/schemas/account-profile.200.schema.json")).exists();
    // the PNG is another media type beside JSON: not a problem, but the reviewer is told
    assertThat(run.out()).contains("note: posts.list 200: responses came with several media types [application/json,"
        + " image/png]; the contract expects application/json");
    assertThat(InferCommandTest.allFiles(out)).doesNotContain("xxxxxxxxxx");
  }

  static String line(String target, String contentType, String body) {
    ObjectNode o = InferTraffic.MAPPER.createObjectNode();
    o.put("method", "GET");
    o.put("target", target);
    o.put("status", 200);
    o.putObject("headers").putArray("content-type").add(contentType);
    o.put("body", body);
    return o.toString();
  }

  @Test
  void should_leave_an_existing_version_alone_without_force(@TempDir Path dir) throws IOException {
    // GIVEN
    Path har = secretHar(dir.resolve("s.har"));
    Path out = dir.resolve("tree");
    String[] args = {"--recordings", har.toString(), "--namespace", "wgp", "--base-path", "/api/services/wgp/",
        "--version", "1.0.0", "--out", out.toString(), "-q"};
    assertThat(infer(args).exitCode()).isZero();
    String before = InferCommandTest.allFiles(out);
    Files.writeString(out.resolve("wgp/1.0.0/endpoints.yaml"), "# reviewed by hand\n", java.nio.file.StandardOpenOption.APPEND);
    String edited = InferCommandTest.allFiles(out);
    // WHEN
    CliRun again = infer(args);
    // THEN
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(again.err()).contains("Cannot write inferred version").contains("it exists already").contains("--force");
    assertThat(InferCommandTest.allFiles(out)).isEqualTo(edited);
    // WHEN forced, the whole version is replaced, and the same input gives the same bytes
    List<String> forced = new ArrayList<>(List.of(args));
    forced.add("--force");
    assertThat(infer(forced.toArray(String[]::new)).exitCode()).isZero();
    assertThat(InferCommandTest.allFiles(out)).isEqualTo(before);
    assertNoStaging(out);
  }

  @Test
  void should_write_nothing_when_the_namespace_has_another_base_path(@TempDir Path dir) throws IOException {
    // GIVEN
    Path har = secretHar(dir.resolve("s.har"));
    Path out = dir.resolve("tree");
    Files.createDirectories(out.resolve("wgp"));
    Files.writeString(out.resolve("wgp/namespace.yaml"), "basePath: /api/other/\n");
    // WHEN
    CliRun run = infer("--recordings", har.toString(), "--namespace", "wgp", "--base-path", "/api/services/wgp/",
        "--version", "1.0.0", "--out", out.toString(), "-q");
    // THEN
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("wgp/namespace.yaml").contains("/basePath").contains("/api/other/");
    try (Stream<Path> s = Files.walk(out)) {
      assertThat(s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())).containsExactly("wgp/namespace.yaml");
    }
  }

  @Test
  void should_write_nothing_when_no_exchange_is_under_the_base_path(@TempDir Path dir) throws IOException {
    // GIVEN
    Path har = secretHar(dir.resolve("s.har"));
    Path out = dir.resolve("tree");
    // WHEN
    CliRun run = infer("--recordings", har.toString(), "--namespace", "ivanpin", "--base-path",
        "/api/ivanpin/services/", "--version", "1.0.0", "--out", out.toString(), "-q");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("Nothing to infer").contains("25 outside the base path");
    assertThat(out).doesNotExist();
  }

  @Test
  void should_refuse_bad_options_as_usage_errors(@TempDir Path dir) throws IOException {
    Path har = secretHar(dir.resolve("s.har"));
    CliRun badNs = infer("--recordings", har.toString(), "--namespace", "WGP", "--base-path", "/api/",
        "--version", "1.0.0", "--out", dir.toString());
    assertThat(badNs.exitCode()).isEqualTo(2);
    assertThat(badNs.err()).contains("namespace id must be lower-case");
    CliRun badThreshold = infer("--recordings", har.toString(), "--namespace", "wgp", "--base-path", "/api/",
        "--version", "1.0.0", "--out", dir.toString(), "--min-enum-samples", "0");
    assertThat(badThreshold.exitCode()).isEqualTo(2);
    assertThat(badThreshold.err()).contains("--min-enum-samples must be at least 1, was 0");
    CliRun badFrom = infer("--recordings", har.toString(), "--from", "wgp", "--version", "1.3.0");
    assertThat(badFrom.exitCode()).isEqualTo(2);
    assertThat(badFrom.err()).contains("--from must name a namespace and version as NS@V");
  }

  static void assertNoStaging(Path tree) throws IOException {
    try (Stream<Path> s = Files.walk(tree)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".infer-") || n.startsWith(".replaced-")))
          .isEmpty();
    }
  }
}
