package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.Recordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The readers learn the secrets a request carries and scrub every echo of them before anything else sees it. */
class RecordingReaderEchoesTest {

  static final String TOKEN = "Tk9echoedTokenValue-31";
  static final String BEARER = "Br7bearerCredential-52";
  static final String SESSION = "Ss2sessionCookieValue-7";
  static final String PASSWORD = "Pw4userInfoPassword-11";
  static final String QUERY = "Qy8queryTokenValue-64";
  static final String SET_COOKIE = "Sc5setCookieValue-99";
  static final String BASIC = "Ba3basicPassword-40";
  static final String PIN = "90210";
  static final List<String> ALL = List.of(TOKEN, BEARER, SESSION, PASSWORD, QUERY, SET_COOKIE, BASIC);
  static ContractRegistry registry;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
  }

  /** A JSON body that echoes each value as a value, inside a text, escaped the PHP way, and as a key. */
  static String echo(List<String> values) {
    ObjectNode body = Recordings.MAPPER.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (String v : values) {
      items.addObject().put("value", v).put("text", "you sent " + v + " and more").put(v, 1);
    }
    body.put("pin", Integer.parseInt(PIN));
    body.put("count", 3);
    return body.toString().replace("more", "m\\/ore");
  }

  static List<RecordingEntry> read(Path p, Redaction redaction) {
    List<RecordingEntry> out = new ArrayList<>();
    try (RecordingReader r = RecordingReader.open(p, redaction)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  static RecordedExchange only(List<RecordingEntry> entries) {
    assertThat(entries).hasSize(1).first().isInstanceOf(RecordingEntry.Read.class);
    return ((RecordingEntry.Read) entries.get(0)).exchange();
  }

  static void assertScrubbed(RecordedExchange e, List<String> secrets) {
    String all = e.target() + " " + e.headers() + " " + e.body();
    for (String s : secrets) {
      assertThat(all).as(s).doesNotContain(s).doesNotContain(s.substring(0, 8));
    }
    // The body is still JSON, and what was not a secret is still there.
    JsonNode body = Recordings.MAPPER.readTree(e.body());
    assertThat(body.path("count").asInt()).isEqualTo(3);
    assertThat(body.path("items").get(0).path("value").asString()).isEqualTo(Redaction.MASK);
    assertThat(body.path("items").get(0).path("text").asString()).isEqualTo("you sent [redacted] and m/ore");
  }

  @Test
  void har_requests_teach_their_headers_cookies_user_info_and_query_secrets(@TempDir Path dir) throws IOException {
    // GIVEN a HAR entry whose request carries secrets everywhere and whose backend echoes them all
    ObjectNode root = Recordings.MAPPER.createObjectNode();
    ArrayNode entries = root.putObject("log").putArray("entries");
    ObjectNode entry = entries.addObject();
    ObjectNode req = entry.putObject("request");
    req.put("method", "GET");
    req.put("url", "https://ops:" + PASSWORD + "@backend.example/api/ivanpin/services/blog/list.php?lang=ru&token=" + QUERY);
    ArrayNode h = req.putArray("headers");
    h.addObject().put("name", "X-WGP-Token").put("value", TOKEN);
    h.addObject().put("name", "Authorization").put("value", "Bearer " + BEARER);
    h.addObject().put("name", "Proxy-Authorization").put("value",
        "Basic " + Base64.getEncoder().encodeToString(("ops:" + BASIC).getBytes(StandardCharsets.UTF_8)));
    req.putArray("cookies").addObject().put("name", "IVANPIN_SESSID").put("value", SESSION);
    ObjectNode res = entry.putObject("response");
    res.put("status", 200);
    ArrayNode rh = res.putArray("headers");
    rh.addObject().put("name", "Content-Type").put("value", "application/json");
    rh.addObject().put("name", "X-Debug").put("value", "echo " + TOKEN);
    rh.addObject().put("name", "Set-Cookie").put("value", "WGP_SESSID=" + SET_COOKIE + "; Path=/");
    res.putObject("content").put("text", echo(ALL));
    Path har = dir.resolve("echo.har");
    Files.writeString(har, root.toString());
    // WHEN it is read with the registry's redaction
    RecordedExchange e = only(read(har, Redaction.defaults().forRegistry(registry)));
    // THEN no secret is left, and the exchange is otherwise intact
    assertScrubbed(e, ALL);
    assertThat(e.header("x-debug")).containsExactly("echo [redacted]");
    assertThat(e.header("set-cookie")).singleElement().asString().startsWith("WGP_SESSID=[redacted]");
    assertThat(e.path()).isEqualTo("/api/ivanpin/services/blog/list.php");
    // and without any redaction, only the namespace's token header is unknown: the default secret headers,
    // cookies, user-info and query secrets are still scrubbed
    RecordedExchange plain = only(read(har, null));
    assertThat(plain.body()).contains(TOKEN);
    for (String s : ALL.subList(1, ALL.size())) {
      assertThat(plain.body() + plain.headers()).as(s).doesNotContain(s);
    }
  }

  @Test
  void har_secrets_are_scrubbed_from_why_an_entry_is_unreadable(@TempDir Path dir) throws IOException {
    ObjectNode root = Recordings.MAPPER.createObjectNode();
    ObjectNode entry = root.putObject("log").putArray("entries").addObject();
    entry.putObject("request").put("method", "GET").put("url", "/x").putArray("headers").addObject()
        .put("name", "X-Api-Key").put("value", TOKEN);
    entry.putObject("response").put("status", "echo " + TOKEN);
    Path har = dir.resolve("bad.har");
    Files.writeString(har, root.toString());
    List<RecordingEntry> entries = read(har, null);
    assertThat(entries).singleElement().isInstanceOf(RecordingEntry.Unreadable.class);
    assertThat(((RecordingEntry.Unreadable) entries.get(0)).problem()).doesNotContain(TOKEN).contains("[redacted]");
  }

  @Test
  void wiremock_mappings_teach_their_matchers_secrets(@TempDir Path dir) throws IOException {
    // GIVEN a mapping that matches on a token header, a cookie, basic auth and a query token
    ObjectNode m = Recordings.MAPPER.createObjectNode();
    ObjectNode req = m.putObject("request");
    req.put("method", "GET");
    req.put("urlPath", "/api/ivanpin/services/blog/list.php");
    ObjectNode headers = req.putObject("headers");
    headers.putObject("X-WGP-Token").put("equalTo", TOKEN);
    headers.putObject("Authorization").put("contains", BEARER);
    req.putObject("cookies").putObject("IVANPIN_SESSID").put("equalTo", SESSION);
    req.putObject("basicAuthCredentials").put("username", "ops").put("password", BASIC);
    req.putObject("queryParameters").putObject("token").put("equalTo", QUERY);
    ObjectNode res = m.putObject("response");
    res.put("status", 200);
    res.putObject("headers").put("Set-Cookie", "WGP_SESSID=" + SET_COOKIE + "; Path=/");
    res.set("jsonBody", Recordings.MAPPER.readTree(echo(List.of(TOKEN, BEARER, SESSION, BASIC, QUERY, SET_COOKIE))));
    Files.createDirectories(dir.resolve("mappings"));
    Files.writeString(dir.resolve("mappings/m.json"), m.toString());
    // WHEN / THEN
    assertScrubbed(only(read(dir, Redaction.defaults().forRegistry(registry))), List.of(TOKEN, BEARER, SESSION, BASIC,
        QUERY, SET_COOKIE));
  }

  @Test
  void ndjson_lines_teach_their_own_set_cookie_secret_headers_and_query(@TempDir Path dir) throws IOException {
    // GIVEN a line written by another tool: nothing redacted, and the backend echoes its own cookie
    ObjectNode o = Recordings.MAPPER.createObjectNode();
    o.put("method", "GET");
    o.put("target", "/api/ivanpin/services/blog/list.php?lang=ru&api_key=" + QUERY);
    o.put("status", 200);
    ObjectNode h = o.putObject("headers");
    h.putArray("set-cookie").add("IVANPIN_SESSID=" + SET_COOKIE + "; Path=/");
    h.putArray("x-wgp-token").add(TOKEN);
    o.put("body", echo(List.of(SET_COOKIE, TOKEN, QUERY)));
    Path file = dir.resolve("t.ndjson");
    Files.writeString(file, o + "\n");
    // WHEN / THEN
    RecordedExchange e = only(read(file, Redaction.defaults().forRegistry(registry)));
    assertScrubbed(e, List.of(SET_COOKIE, TOKEN, QUERY));
    assertThat(e.target()).endsWith("api_key=%5Bredacted%5D");
  }

  @Test
  void drift_workers_scrub_ndjson_lines_kept_aside_as_characters(@TempDir Path dir) throws IOException {
    // GIVEN a usual recorder line (body kept aside by the worker) with an unredacted cookie echoed in the body
    ObjectNode o = Recordings.MAPPER.createObjectNode();
    o.put("method", "GET");
    o.put("target", "/api/ivanpin/services/blog/list.php");
    o.put("status", 200);
    o.putObject("headers").putArray("set-cookie").add("IVANPIN_SESSID=" + SET_COOKIE);
    o.put("body", echo(List.of(SET_COOKIE)));
    Path file = dir.resolve("t.ndjson");
    Files.writeString(file, o + "\n");
    LineBody kept = new LineBody();
    RecordingEntry entry;
    try (NdjsonLines lines = new NdjsonLines(file)) {
      entry = lines.next(64, 1 << 16).decode(0, kept);
    }
    assertThat(kept.aside()).isTrue();
    // WHEN
    RecordingEntry clean = RecordingReader.scrubEchoes(entry, kept, Redaction.defaults());
    // THEN the entry holds its scrubbed body itself
    assertThat(clean).isNotSameAs(entry);
    assertScrubbed(((RecordingEntry.Read) clean).exchange(), List.of(SET_COOKIE));
  }

  @Test
  void nothing_is_learned_from_masked_values_or_short_cookies_and_a_clean_line_is_kept_as_it_is() {
    RecordedExchange e = new RecordedExchange(Optional.empty(), "GET", "/x?lang=ru&page=1", 200,
        Map.of("set-cookie", List.of("IVANPIN_SESSID=[redacted]; Path=/", "consent=1; Path=/")), "{\"page\":1,\"lang\":\"ru\"}",
        false, Optional.empty(), Optional.empty());
    Redaction r = Redaction.defaults();
    assertThat(r.secretsIn(e)).isEmpty();
    assertThat(r.scrubEchoes(e, List.of())).isSameAs(e);
  }

  @Test
  void a_number_that_is_a_secret_becomes_the_mask_and_the_body_stays_json() {
    RecordedExchange e = new RecordedExchange(Optional.empty(), "GET", "/x", 200, Map.of(), echo(List.of(TOKEN)), false,
        Optional.empty(), Optional.empty());
    RecordedExchange s = Redaction.defaults().scrubEchoes(e, List.of(PIN, TOKEN));
    JsonNode body = Recordings.MAPPER.readTree(s.body());
    assertThat(body.path("pin").asString()).isEqualTo(Redaction.MASK);
    assertThat(body.path("count").asInt()).isEqualTo(3);
  }

  @Test
  void the_recorder_scrubs_a_token_echoed_in_the_body_and_keeps_the_line_json(@TempDir Path dir) throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("Set-Cookie", "IVANPIN_SESSID=" + SET_COOKIE + "; Path=/")
          .body(echo(List.of(TOKEN, BEARER, SET_COOKIE, QUERY))).build());
      server.start();
      ContractRecorder recorder = ContractRecorder.builder(dir).registry(registry).build();
      okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder().addInterceptor(recorder).build();
      try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder()
          .url(server.url("/api/ivanpin/services/blog/list.php?lang=ru&token=" + QUERY))
          .header("X-WGP-Token", TOKEN).header("Authorization", "Bearer " + BEARER).build()).execute()) {
        assertThat(r.body().string()).contains(TOKEN);
      }
      recorder.close();
      RecordedExchange e = only(read(dir.resolve("recording.ndjson"), null));
      assertScrubbed(e, List.of(TOKEN, BEARER, SET_COOKIE, QUERY));
    }
  }
}
