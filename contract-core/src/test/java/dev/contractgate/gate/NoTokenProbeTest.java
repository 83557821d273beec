package dev.contractgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.gate.ProbeResult.Kind;
import dev.contractgate.gate.ProbeResult.Outcome;
import dev.contractgate.report.ReportFormat;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe without a token: only a 2xx answer shows that the token is not enforced ({@code auth.not-enforced});
 * a 5xx, a 3xx or another 4xx is a finding of its own ({@code auth.unexpected-status}) that says what came back.
 */
class NoTokenProbeTest {

  MockWebServer server;

  @BeforeAll
  static void load() {
    LiveGateTest.load();
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

  @Test
  void should_report_what_came_back_when_the_request_without_a_token_is_neither_refused_nor_answered() {
    // GIVEN a backend that, without a token, fails on blog.list (503), redirects on posts.list (302), finds no
    // blog.detail (404), and answers services.list (200); it refuses the rest (401)
    Map<String, MockResponse> withoutToken = Map.of(
        "/api/ivanpin/services/blog/list.php", new MockResponse.Builder().status("HTTP/1.1 503 Service Unavailable").body("<h1>down</h1>").build(),
        "/api/services/wgp/posts/list.php",
        new MockResponse.Builder().status("HTTP/1.1 302 Found").addHeader("Location", "/login?next=/api/services/wgp/").build(),
        "/api/ivanpin/services/services/list.php", new MockResponse.Builder().code(200).body("{}").build());
    Dispatcher conforming = LiveGateTest.conforming(p -> null);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (request.getHeaders().get("X-WGP-Token") == null) {
          if (path.startsWith("/api/ivanpin/services/blog/") && !path.endsWith("list.php")) {
            return new MockResponse.Builder().status("HTTP/1.1 404 Not Found").body("{}").build();
          }
          if (withoutToken.containsKey(path)) {
            return withoutToken.get(path);
          }
        }
        return conforming.dispatch(request);
      }
    });
    // WHEN
    GateResult result = LiveGate.builder(LiveGateTest.registry).baseUrl(server.url("/").toString())
        .environment(LiveGateTest.ENV::get).timeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(20)).build()
        .run();
    // THEN
    assertThat(result.results()).filteredOn(r -> r.kind() == Kind.CONTRACT)
        .allSatisfy(r -> assertThat(r.outcome()).as(r.label()).isEqualTo(Outcome.PASSED));
    assertThat(violation(result, "blog.list")).isEqualTo(new Violation("auth.unexpected-status", "status",
        java.util.Optional.empty(), "one of [401, 403] for a request without X-WGP-Token",
        "503 Service Unavailable: the backend failed instead of refusing; whether it checks X-WGP-Token is unknown",
        "look at the backend's error log for requests without X-WGP-Token; it must refuse them with one of"
            + " [401, 403] before anything else can fail"));
    assertThat(violation(result, "posts.list").actual())
        .isEqualTo("302 Found: a redirect to /login?next=/api/services/wgp/ instead of a refusal");
    assertThat(violation(result, "posts.list").rule()).isEqualTo("auth.unexpected-status");
    assertThat(violation(result, "blog.detail").actual()).isEqualTo("404 Not Found: neither a refusal nor an answer");
    assertThat(violation(result, "blog.detail").hint()).contains("add 404 to auth.statusWithoutToken in namespace.yaml");
    assertThat(violation(result, "services.list").rule()).isEqualTo("auth.not-enforced");
    assertThat(result.results()).filteredOn(r -> r.kind() == Kind.WITHOUT_TOKEN && r.outcome().failed())
        .extracting(ProbeResult::endpoint).containsExactlyInAnyOrder("blog.list", "posts.list", "blog.detail",
            "services.list");
    String text = ReportFormat.TEXT.render(GateReports.of(result));
    assertThat(text).contains("answered 503 without X-WGP-Token, not a refusal",
        "BREAKING auth.unexpected-status at status", "BREAKING auth.not-enforced at status");
  }

  static Violation violation(GateResult result, String endpoint) {
    return result.results().stream().filter(r -> r.kind() == Kind.WITHOUT_TOKEN && r.endpoint().equals(endpoint))
        .findFirst().orElseThrow().violations().get(0);
  }
}
