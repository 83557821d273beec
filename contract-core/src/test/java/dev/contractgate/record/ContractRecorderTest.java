package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.drift.Drift;
import dev.contractgate.drift.DriftGroup;
import dev.contractgate.drift.DriftReports;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.drift.EndpointDrift;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import dev.contractgate.testing.Recordings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ContractRecorderTest {

  static final String TOKEN = "tok-7f3a9c1e-never-record-me";
  static final String BEARER = "bearer-secret-5521-xyz";
  static final String SESSION = "sess-value-8812-abc";
  static final String EMAIL = "ivan.private@example.org";
  static final String LIST = "/api/ivanpin/services/blog/list.php";
  static ContractRegistry registry;
  MockWebServer server;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Serves blog.list: request {@code ?broken=N} drops /items/N/author/name; the body leaks an e-mail and echoes the token. */
  void serveBlogList() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String broken = request.getUrl().queryParameter("broken");
        ObjectNode body = broken == null
            ? Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json")
            : Recordings.blogListWithoutAuthorName(registry, Integer.parseInt(broken));
        ((ObjectNode) body.get("items").get(0).get("author")).put("email", EMAIL);
        body.put("debugToken", "received " + request.getHeaders().get("X-WGP-Token"));
        return new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .addHeader("Vary", "Origin")
            .addHeader("Set-Cookie", "IVANPIN_SESSID=" + SESSION + "; Path=/; HttpOnly")
            .body(body.toString()).build();
      }
    });
  }

  Response call(OkHttpClient client, String query) throws IOException {
    return client.newCall(new Request.Builder().url(server.url(LIST + "?lang=ru" + query))
        .header("X-WGP-Token", TOKEN).header("Authorization", "Bearer " + BEARER)
        .header("Cookie", "IVANPIN_SESSID=" + SESSION).build()).execute();
  }

  static List<String> lines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        out.addAll(Files.readAllLines(p));
      }
    }
    return out;
  }

  @Test
  void should_record_planted_traffic_that_drift_counts_and_groups_without_any_secret(@TempDir Path dir) throws Exception {
    // GIVEN 10 conforming responses and 3 missing /items/N/author/name for N = 0, 1, 2
    serveBlogList();
    ContractRecorder recorder = ContractRecorder.builder(dir).registry(registry).build();
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(recorder).build();
    // WHEN
    Instant before = Instant.now();
    for (int i = 0; i < 10; i++) {
      try (Response r = call(client, "")) {
        assertThat(r.body().string()).as("the caller still reads the body").contains("\"items\"");
      }
    }
    for (int n = 0; n < 3; n++) {
      try (Response r = call(client, "&broken=" + n)) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    recorder.close();
    Instant after = Instant.now();
    // THEN every line is one redacted exchange, matched to the endpoint, stamped while it was recorded
    List<String> lines = lines(dir);
    assertThat(lines).hasSize(13).allSatisfy(line -> {
      assertThat(line).doesNotContain(TOKEN, BEARER, SESSION, EMAIL);
      JsonNode o = Recordings.MAPPER.readTree(line);
      assertThat(o.path("method").asString()).isEqualTo("GET");
      assertThat(o.path("target").asString()).startsWith(LIST + "?lang=ru");
      assertThat(o.path("status").asInt()).isEqualTo(200);
      assertThat(o.path("namespace").asString()).isEqualTo("ivanpin");
      assertThat(o.path("endpoint").asString()).isEqualTo("blog.list");
      assertThat(Instant.parse(o.path("time").asString())).isBetween(before, after);
      assertThat(o.path("headers").path("set-cookie").get(0).asString())
          .isEqualTo("IVANPIN_SESSID=[redacted]; Path=/; HttpOnly");
      assertThat(o.path("headers").path("vary").get(0).asString()).isEqualTo("Origin");
      assertThat(o.path("body").asString()).contains("\"email\":\"[redacted]\"", "received [redacted]");
    });
    assertThat(recorder.recorded()).isEqualTo(13);

    // AND drift counts what was planted
    DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).build().run(List.of(dir.resolve("recording.ndjson")));
    EndpointDrift list = result.endpoint("ivanpin", "blog.list").orElseThrow();
    assertThat(list.count()).isEqualTo(13);
    assertThat(list.conforming()).isEqualTo(10);
    assertThat(list.violations()).extracting(DriftGroup::rule, DriftGroup::pointer, DriftGroup::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("body.required", "/items/*/author/name", 3L));
    assertThat(list.violations().get(0).samples()).extracting(s -> s.at().index()).containsExactly(11L, 12L, 13L);
    assertThat(list.unknownFields()).extracting(DriftGroup::pointer).containsExactly("/debugToken", "/items/*/author/email");
    assertThat(list.unknownFields()).extracting(DriftGroup::count).containsExactly(13L, 13L);
    Report report = DriftReports.of(result);
    assertThat(report.passed()).isFalse();
    for (ReportFormat f : ReportFormat.values()) {
      assertThat(f.render(report)).as(f.name()).doesNotContain(TOKEN, BEARER, SESSION, EMAIL);
    }
    assertThat(ReportFormat.TEXT.render(report)).contains("13 responses, 76.9 % conforming", "/items/*/author/name");
  }

  @Test
  void should_rotate_by_size_and_keep_at_most_max_files(@TempDir Path dir) throws Exception {
    // GIVEN lines of about 3.5 KB and files of at most 8 KB, 3 files kept
    serveBlogList();
    ContractRecorder recorder = ContractRecorder.builder(dir).maxFileBytes(8_000).maxFiles(3).build();
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(recorder).build();
    // WHEN
    for (int i = 0; i < 12; i++) {
      try (Response r = call(client, "&i=" + i)) {
        r.body().string();
      }
    }
    recorder.close();
    // THEN
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("recording.1.ndjson", "recording.2.ndjson", "recording.ndjson");
    }
    for (String name : List.of("recording.1.ndjson", "recording.2.ndjson", "recording.ndjson")) {
      assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(8_000);
    }
    List<String> newest = Files.readAllLines(dir.resolve("recording.ndjson"));
    assertThat(newest.get(newest.size() - 1)).contains("i=11");
    assertThat(Files.readAllLines(dir.resolve("recording.2.ndjson")).get(0)).doesNotContain("i=0\"");
  }

  @Test
  void should_let_the_call_through_when_the_recording_cannot_be_written(@TempDir Path dir) throws Exception {
    // GIVEN a recording directory that is a file, so nothing can be written there
    serveBlogList();
    Path notADirectory = Files.writeString(dir.resolve("occupied"), "x");
    ContractRecorder recorder = ContractRecorder.builder(notADirectory).build();
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(recorder).build();
    // WHEN
    try (Response r = call(client, "")) {
      // THEN the application still gets its answer; the failure is counted
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).contains("items");
    }
    assertThat(recorder.failures()).isEqualTo(1);
    assertThat(recorder.recorded()).isZero();
    recorder.close();
  }

  @Test
  void should_write_whole_lines_from_concurrent_calls(@TempDir Path dir) throws Exception {
    // GIVEN
    serveBlogList();
    ContractRecorder recorder = ContractRecorder.builder(dir).maxFileBytes(200_000).maxFiles(50).build();
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(recorder).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger n = new AtomicInteger();
    // WHEN
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          try (Response r = call(client, "&n=" + n.incrementAndGet())) {
            r.body().string();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    recorder.close();
    // THEN
    List<String> lines = lines(dir);
    assertThat(lines).hasSize(200);
    assertThat(lines).allSatisfy(l -> assertThat(Recordings.MAPPER.readTree(l).path("status").asInt()).isEqualTo(200));
    assertThat(lines.stream().map(l -> Recordings.MAPPER.readTree(l).path("target").asString()).distinct()).hasSize(200);
  }
}
