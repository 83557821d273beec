package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.contractgate.drift.Drift;
import dev.contractgate.drift.DriftGroup;
import dev.contractgate.drift.DriftReports;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.drift.EndpointDrift;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.ReportFormat;
import dev.contractgate.testing.Recordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class RecordingReaderTest {

  static final String BASE = "https://backend.example/api/ivanpin/services/";
  static ContractRegistry registry;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
  }

  static List<RecordingEntry> readAll(Path p) {
    List<RecordingEntry> out = new ArrayList<>();
    try (RecordingReader r = RecordingReader.open(p, Redaction.defaults().forRegistry(registry))) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Nested
  class Har {

    static ObjectNode entry(String method, String url, int status, String body, boolean base64) {
      ObjectNode e = Recordings.MAPPER.createObjectNode();
      e.put("startedDateTime", "2026-11-22T10:00:00.123+03:00");
      ObjectNode req = e.putObject("request");
      req.put("method", method);
      req.put("url", url);
      ArrayNode rh = req.putArray("headers");
      rh.addObject().put("name", "X-WGP-Token").put("value", "har-token-do-not-leak-42");
      ObjectNode res = e.putObject("response");
      res.put("status", status);
      ArrayNode h = res.putArray("headers");
      h.addObject().put("name", "Content-Type").put("value", "application/json");
      h.addObject().put("name", "Vary").put("value", "Origin");
      h.addObject().put("name", "Set-Cookie").put("value", "IVANPIN_SESSID=har-cookie-value-77; path=/");
      ObjectNode content = res.putObject("content");
      content.put("mimeType", "application/json");
      if (base64) {
        content.put("text", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        content.put("encoding", "base64");
      } else {
        content.put("text", body);
      }
      return e;
    }

    Path writeHar(Path dir) throws IOException {
      ObjectNode har = Recordings.MAPPER.createObjectNode();
      ObjectNode log = har.putObject("log");
      log.put("version", "1.2");
      log.putObject("creator").put("name", "Playwright");
      ArrayNode entries = log.putArray("entries");
      String ok = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json").toString();
      entries.add(entry("GET", BASE + "blog/list.php?lang=ru", 200, ok, false));
      entries.add(entry("GET", BASE + "blog/list.php?lang=en", 200, ok, true));
      entries.add(entry("GET", BASE + "blog/list.php?page=2", 200,
          Recordings.blogListWithoutAuthorName(registry, 1).toString(), true));
      entries.add(entry("GET", BASE + "blog/feed/rss.xml", 404, "{}", false));
      entries.add(entry("GET", "https://backend.example/_next/static/app.js", 200, "console.log(1)", false));
      entries.add(entry("GET", BASE + "services/list.php?lang=ru", 0, "", false));
      log.putArray("pages");
      Path file = dir.resolve("session.har");
      Files.writeString(file, har.toPrettyString());
      return file;
    }

    @Test
    void should_read_entries_decoding_base64_and_redacting(@TempDir Path dir) throws IOException {
      // GIVEN
      Path har = writeHar(dir);
      // WHEN
      List<RecordingEntry> entries = readAll(har);
      // THEN
      assertThat(entries).hasSize(6).allMatch(e -> e instanceof RecordingEntry.Read);
      RecordedExchange second = ((RecordingEntry.Read) entries.get(1)).exchange();
      assertThat(second.target()).isEqualTo("/api/ivanpin/services/blog/list.php?lang=en");
      assertThat(second.body()).startsWith("{\"feature_enabled\":true");
      assertThat(second.time()).hasValue(java.time.Instant.parse("2026-11-22T07:00:00.123Z"));
      assertThat(second.header("set-cookie")).containsExactly("IVANPIN_SESSID=[redacted]; path=/");
      assertThat(entries.get(1).ref()).isEqualTo(RecordingRef.entry(har.toString(), 1));
    }

    @Test
    void should_count_what_was_planted_in_a_har_file(@TempDir Path dir) throws IOException {
      // GIVEN two conforming responses (one base64), one missing /items/1/author/name, one unmatched request,
      // an asset outside every namespace and an aborted request
      Path har = writeHar(dir);
      // WHEN
      DriftResult result = Drift.builder(registry).build().run(List.of(har));
      // THEN
      EndpointDrift list = result.endpoint("ivanpin", "blog.list").orElseThrow();
      assertThat(list.count()).isEqualTo(3);
      assertThat(list.conforming()).isEqualTo(2);
      assertThat(list.violations()).extracting(DriftGroup::rule, DriftGroup::pointer, DriftGroup::count)
          .containsExactly(tuple("body.required", "/items/*/author/name", 1L));
      assertThat(list.violations().get(0).samples()).extracting(s -> s.at().where()).containsExactly("log.entries[2]");
      assertThat(result.unmatched()).extracting(DriftGroup::pointer, DriftGroup::count)
          .containsExactly(tuple("GET /api/ivanpin/services/blog/feed/rss.xml", 1L));
      assertThat(result.outsideNamespaces()).isEqualTo(1);
      assertThat(result.withoutResponse()).isEqualTo(1);
      assertThat(result.recordings()).isEqualTo(6);
      String text = ReportFormat.TEXT.render(DriftReports.of(result));
      assertThat(text).contains("3 responses, 66.6 % conforming", "requests matching no endpoint", "blog/feed/rss.xml")
          .doesNotContain("har-token-do-not-leak-42", "har-cookie-value-77");
    }

    @Test
    void should_name_file_and_position_when_a_har_breaks_off(@TempDir Path dir) throws IOException {
      // GIVEN a HAR cut in the middle of its second entry
      String full = Files.readString(writeHar(dir));
      Path cut = dir.resolve("cut.har");
      Files.writeString(cut, full.substring(0, full.indexOf("\"startedDateTime\"", full.indexOf("\"startedDateTime\"") + 1) + 10));
      // WHEN
      ContractException e = catchThrowableOfType(ContractException.class,
          () -> Drift.builder(registry).build().run(List.of(cut)));
      // THEN
      assertThat(e.file()).isEqualTo(cut.toString());
      assertThat(e.getMessage()).contains("Cannot read recording", "line ", "HAR 1.2", "hint");
    }

    @Test
    void should_refuse_a_json_file_without_log_entries(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("other.har");
      Files.writeString(file, "{\"log\": {\"version\": \"1.2\"}}");
      ContractException e = catchThrowableOfType(ContractException.class, () -> readAll(file));
      assertThat(e.getMessage()).contains(file.toString(), "log.entries");
    }
  }

  @Nested
  class WireMock {

    @Test
    void should_read_mappings_with_body_files_json_bodies_and_url_patterns(@TempDir Path dir) throws IOException {
      // GIVEN
      String ok = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json").toString();
      String detail = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-detail.schema.json").toString();
      Files.createDirectories(dir.resolve("mappings/blog"));
      Files.createDirectories(dir.resolve("__files"));
      Files.writeString(dir.resolve("__files/blog-list.json"), ok);
      Files.writeString(dir.resolve("mappings/a-list.json"), """
          {"request": {"method": "GET", "url": "/api/ivanpin/services/blog/list.php?lang=ru"},
           "response": {"status": 200, "bodyFileName": "blog-list.json",
                        "headers": {"Content-Type": "application/json", "Vary": "Origin"}}}
          """);
      Files.writeString(dir.resolve("mappings/blog/b-detail.json"), """
          {"mappings": [
            {"request": {"method": "GET", "urlPathPattern": "/api/ivanpin/services/blog/[a-z0-9-]+/"},
             "response": {"status": 200, "jsonBody": %s, "headers": {"Content-Type": "application/json"}}},
            {"request": {"method": "GET", "urlPath": "/api/ivanpin/services/blog/list.php"},
             "response": {"status": 200, "bodyFileName": "missing.json"}},
            {"request": {"method": "GET", "urlPath": "/api/ivanpin/services/blog/list.php"},
             "response": {"status": 200, "bodyFileName": "../../secrets.json"}}
          ]}
          """.formatted(detail));
      // WHEN
      List<RecordingEntry> entries = readAll(dir);
      // THEN
      assertThat(entries).hasSize(4);
      RecordedExchange list = ((RecordingEntry.Read) entries.get(0)).exchange();
      assertThat(list.body()).isEqualTo(ok);
      assertThat(list.target()).isEqualTo("/api/ivanpin/services/blog/list.php?lang=ru");
      RecordedExchange byPattern = ((RecordingEntry.Read) entries.get(1)).exchange();
      assertThat(byPattern.target()).isEqualTo("/api/ivanpin/services/blog/{*}/");
      assertThat(entries.get(1).ref().where()).isEqualTo("mappings[0]");
      assertThat(entries.get(2)).isInstanceOf(RecordingEntry.Unreadable.class);
      assertThat(((RecordingEntry.Unreadable) entries.get(2)).problem()).contains("missing.json", "missing");
      assertThat(((RecordingEntry.Unreadable) entries.get(3)).problem()).contains("inside __files/");
      // AND drift matches the pattern to blog.detail
      DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).build().run(List.of(dir));
      assertThat(result.endpoint("ivanpin", "blog.detail").orElseThrow().count()).isEqualTo(1);
      assertThat(result.endpoint("ivanpin", "blog.detail").orElseThrow().conforming()).isEqualTo(1);
      assertThat(result.endpoint("ivanpin", "blog.list").orElseThrow().conforming()).isEqualTo(1);
      assertThat(result.unreadableCount()).isEqualTo(2);
    }

    @Test
    void should_refuse_a_directory_without_mappings(@TempDir Path dir) {
      ContractException e = catchThrowableOfType(ContractException.class, () -> readAll(dir));
      assertThat(e.getMessage()).contains("no mapping files", "mappings/");
    }
  }

  @Nested
  class Ndjson {

    @Test
    void should_report_a_line_that_is_not_json_with_file_and_line_and_go_on(@TempDir Path dir) throws IOException {
      // GIVEN
      String ok = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json").toString();
      Path file = dir.resolve("recording.ndjson");
      Files.write(file, List.of(
          Recordings.line("GET", "/api/ivanpin/services/blog/list.php?lang=ru", 200, ok),
          "PHP Warning: session_start(): headers already sent",
          "",
          "{\"method\": \"GET\", \"target\": \"/x\"}",
          Recordings.line("GET", "/api/ivanpin/services/blog/list.php?lang=en", 200, ok),
          "{\"method\": \"GET\", \"target\": \"/api/iv"));
      // WHEN
      List<RecordingEntry> entries = readAll(file);
      // THEN
      assertThat(entries).extracting(e -> e.getClass().getSimpleName(), e -> e.ref().index())
          .containsExactly(tuple("Read", 1L), tuple("Unreadable", 2L), tuple("Unreadable", 4L), tuple("Read", 5L),
              tuple("Unreadable", 6L));
      assertThat(((RecordingEntry.Unreadable) entries.get(1)).problem()).startsWith("not JSON");
      assertThat(((RecordingEntry.Unreadable) entries.get(2)).problem()).contains("\"status\"", "absent");
      // AND drift counts them and names them in the report
      DriftResult result = Drift.builder(registry).build().run(List.of(file));
      assertThat(result.unreadableCount()).isEqualTo(3);
      assertThat(result.endpoint("ivanpin", "blog.list").orElseThrow().count()).isEqualTo(2);
      assertThat(DriftReports.of(result, 100, 3).passed()).isTrue();
      assertThat(DriftReports.of(result, 100, 2).passed()).isFalse();
      assertThat(ReportFormat.TEXT.render(DriftReports.of(result))).contains("recording.unreadable", file + ", line 2");
    }

    @Test
    void should_refuse_a_missing_file() {
      ContractException e = catchThrowableOfType(ContractException.class,
          () -> Drift.builder(registry).build().run(List.of(Path.of("no/such/recording.ndjson"))));
      assertThat(e.getMessage()).contains("no/such/recording.ndjson", "no such file");
    }
  }
}
