package dev.contractgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.gate.ProbeResult.Kind;
import dev.contractgate.gate.ProbeResult.Outcome;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.Namespace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveGateTest {

  static final String TOKEN = "tok-3f9a-very-secret";
  static final Map<String, String> ENV = Map.of("IVANPIN_API_TOKEN", TOKEN, "WGP_API_TOKEN", TOKEN);
  static ContractRegistry registry;
  MockWebServer server;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));
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

  /** A backend that serves every endpoint's example as the contract says, with tweaks per path. */
  static Dispatcher conforming(Function<String, MockResponse> override) {
    Map<String, MockResponse> byPath = new HashMap<>();
    for (Namespace ns : registry.namespaces()) {
      ContractVersion v = registry.latest(ns.id());
      for (Endpoint e : v.endpoints()) {
        Endpoint.Probe probe = e.probe().orElseThrow();
        String path = e.fullPath(ns.basePath());
        for (Map.Entry<String, String> p : probe.pathParams().entrySet()) {
          path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        Endpoint.Response r = e.responses().get(probe.expectStatus());
        String body = registry.schemaDocument(r.schema().orElseThrow().file()).orElseThrow()
            .at(r.schema().get().pointer()).path("examples").get(0).toString();
        MockResponse.Builder b = new MockResponse.Builder().code(probe.expectStatus())
            .addHeader("Content-Type", "application/json; charset=utf-8").body(body);
        for (HeaderExpectation h : r.headers()) {
          if (h.kind() == HeaderExpectation.Kind.CONTAINS) {
            b.addHeader(h.name(), String.join(", ", h.values()));
          }
        }
        for (String c : r.cookies()) {
          b.addHeader("Set-Cookie", c + "=abc123; Path=/; HttpOnly");
        }
        byPath.put(path, b.build());
      }
    }
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        MockResponse special = override.apply(path);
        if (special != null) {
          return special;
        }
        if (!TOKEN.equals(request.getHeaders().get("X-WGP-Token"))) {
          return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
              .body("{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Token required\"}}").build();
        }
        MockResponse r = byPath.get(path);
        return r != null ? r : new MockResponse.Builder().code(404).body("{}").build();
      }
    };
  }

  LiveGate.Builder gate() {
    return LiveGate.builder(registry).baseUrl(server.url("/").toString()).environment(ENV::get)
        .timeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(20));
  }

  @Test
  void should_pass_against_a_conforming_backend_and_send_the_token() throws Exception {
    // GIVEN
    server.setDispatcher(conforming(p -> null));
    List<int[]> progress = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
    // WHEN
    GateResult result = gate().progress(p -> {
      if (first.getAndSet(false)) {
        // a slow terminal: the probes finishing meanwhile must wait for this count to be told first
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (progress) {
        progress.add(p);
      }
    }).build().run();
    // THEN
    assertThat(result.results()).allSatisfy(r ->
        assertThat(r.outcome()).as(r.label() + ": " + r.message() + " " + r.violations()).isEqualTo(Outcome.PASSED));
    int endpoints = registry.latest("ivanpin").endpoints().size() + registry.latest("wgp").endpoints().size();
    assertThat(result.results()).hasSize(endpoints * 2);
    assertThat(result.passed()).isTrue();
    assertThat(progress).hasSize(endpoints * 2);
    // Told in order, one at a time: "[4/18]" never before "[3/18]" on the terminal.
    assertThat(progress).extracting(p -> p[0]).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, endpoints * 2).boxed().toList());
    assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(endpoints * 2));
    assertThat(result.results()).extracting(ProbeResult::request).allSatisfy(r -> assertThat(r).doesNotContain(TOKEN));
    assertThat(result.results()).filteredOn(r -> r.endpoint().equals("blog.list") && r.kind() == Kind.CONTRACT)
        .singleElement().satisfies(r -> assertThat(r.request()).startsWith("GET /api/ivanpin/services/blog/list.php?"));
  }

  @Test
  void should_flag_a_namespace_that_answers_without_a_token() {
    // GIVEN a backend whose wgp namespace ignores the token
    Dispatcher base = conforming(p -> null);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().startsWith("/api/services/wgp/") && request.getHeaders().get("X-WGP-Token") == null) {
          RecordedRequest withToken = request;
          return conforming(p -> null).dispatch(new RecordedRequest(0, 0, null, List.of(), withToken.getRequestLine(),
              withToken.getMethod(), withToken.getVersion(), withToken.getUrl(),
              withToken.getHeaders().newBuilder().add("X-WGP-Token", TOKEN).build(), withToken.getBody(), 0, List.of(), null));
        }
        return base.dispatch(request);
      }
    });
    // WHEN
    GateResult result = gate().build().run();
    // THEN
    List<ProbeResult> failed = result.results().stream().filter(r -> r.outcome().failed()).toList();
    assertThat(failed).isNotEmpty().allSatisfy(r -> {
      assertThat(r.namespace()).isEqualTo("wgp");
      assertThat(r.kind()).isEqualTo(Kind.WITHOUT_TOKEN);
      assertThat(r.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("auth.not-enforced");
        assertThat(v.expected()).isEqualTo("one of [401, 403] for a request without X-WGP-Token");
      });
    });
  }

  @Test
  void should_report_a_500_as_an_undeclared_status() {
    server.setDispatcher(conforming(p -> p.endsWith("/blog/list.php")
        ? new MockResponse.Builder().code(500).body("<h1>Fatal error</h1>").build() : null));
    GateResult result = gate().build().run();
    ProbeResult r = result.results().stream().filter(x -> x.endpoint().equals("blog.list") && x.kind() == Kind.CONTRACT)
        .findFirst().orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.VIOLATED);
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.violations()).extracting(v -> v.rule()).contains("status.undeclared");
    assertThat(result.unreachable()).isFalse();
  }

  @Test
  void should_time_out_a_hanging_endpoint_and_still_finish_the_rest() {
    server.setDispatcher(conforming(p -> p.endsWith("/blog/list.php")
        ? new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build() : null));
    long start = System.nanoTime();
    GateResult result = gate().timeout(Duration.ofMillis(500)).build().run();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(ms).as("ends long before the hang would").isLessThan(8000);
    assertThat(result.results()).filteredOn(x -> x.endpoint().equals("blog.list"))
        .allSatisfy(r -> {
          assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
          assertThat(r.message()).contains("no response within 500ms");
        });
    assertThat(result.results()).filteredOn(x -> !x.endpoint().equals("blog.list"))
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void should_cancel_what_is_left_at_the_deadline() {
    server.setDispatcher(conforming(p -> new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build()));
    GateResult result = gate().timeout(Duration.ofSeconds(8)).deadline(Duration.ofMillis(700)).concurrency(2).build().run();
    assertThat(result.millis()).isLessThan(5000);
    assertThat(result.results()).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.NOT_RUN);
      assertThat(r.message()).contains("deadline of 700ms");
    });
  }

  @Test
  void should_report_truncated_json_as_a_cut_body() {
    server.setDispatcher(conforming(p -> p.endsWith("/blog/list.php")
        ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .addHeader("Content-Length", "5000").body("{\"items\": [").onResponseEnd(new SocketEffect.CloseSocket(true, false, false))
            .build() : null));
    GateResult result = gate().build().run();
    ProbeResult r = result.results().stream().filter(x -> x.endpoint().equals("blog.list") && x.kind() == Kind.CONTRACT)
        .findFirst().orElseThrow();
    assertThat(r.outcome()).isEqualTo(Outcome.VIOLATED);
    assertThat(r.violations()).extracting(v -> v.rule()).containsAnyOf("body.truncated", "body.not-json");
  }

  @Test
  void should_retry_a_reset_connection_and_then_give_up_as_unreachable() {
    AtomicInteger calls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.incrementAndGet();
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
      }
    });
    GateResult result = gate().namespaces(List.of("ivanpin")).retries(2).build().run();
    assertThat(result.unreachable()).isTrue();
    assertThat(result.results()).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.UNREACHABLE);
      assertThat(r.attempts()).isEqualTo(3);
    });
    assertThat(calls.get()).isEqualTo(result.results().size() * 3);
  }

  @Test
  void should_speak_tls_to_an_https_base_url() throws Exception {
    // A cleartext base URL gets a client without TLS (it never needs it, redirects are not followed); an
    // https one must still get the handshake. This server answers plain HTTP to whatever arrives, which a
    // TLS client reads as a broken handshake and a cleartext one as a response.
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        while (!plain.isClosed()) {
          try (Socket s = plain.accept()) {
            s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
                .getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            return;
          }
        }
      });
      answer.setDaemon(true);
      answer.start();
      GateResult result = LiveGate.builder(registry).baseUrl("https://127.0.0.1:" + plain.getLocalPort())
          .environment(ENV::get).namespaces(List.of("ivanpin")).retries(0)
          .timeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(20)).build().run();
      assertThat(result.unreachable()).as("%s", result.results().stream().map(ProbeResult::message).toList())
          .isTrue();
      assertThat(result.results()).allSatisfy(r -> {
        assertThat(r.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(r.message()).containsIgnoringCase("SSL").doesNotContainIgnoringCase("cleartext");
      });
    }
  }

  @Test
  void should_be_unreachable_when_nothing_listens() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    GateResult result = LiveGate.builder(registry).baseUrl("http://127.0.0.1:" + port).environment(ENV::get)
        .retries(1).build().run();
    assertThat(result.unreachable()).isTrue();
    assertThat(result.results().get(0).message()).contains("connection refused", "2 attempts");
  }

  @Test
  void should_refuse_to_start_without_the_token_variable() {
    assertThatThrownBy(() -> LiveGate.builder(registry).baseUrl("http://127.0.0.1:1").environment(k -> null).build())
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("IVANPIN_API_TOKEN")
        .hasMessageContaining("not set")
        .hasMessageContaining("export IVANPIN_API_TOKEN=");
  }

  @Test
  void should_refuse_a_token_with_a_newline_without_showing_it() {
    String token = "tok-with-newline-4711";
    assertThatThrownBy(() -> LiveGate.builder(registry).baseUrl("http://127.0.0.1:1")
        .environment(k -> k.equals("IVANPIN_API_TOKEN") ? token + "\n" : TOKEN).build())
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("IVANPIN_API_TOKEN")
        .hasMessageContaining("position 22 (value not shown)")
        .hasMessageContaining("remove the trailing newline")
        .hasMessageNotContaining(token);
  }

  @Test
  void should_refuse_an_invalid_base_url() {
    assertThatThrownBy(() -> LiveGate.builder(registry).baseUrl("localhost:8080").environment(ENV::get).build().run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid base URL \"localhost:8080\"");
  }
}
