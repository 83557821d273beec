package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ContractValidatingListenerTest {

  private static final OkHttpClient HTTP = new OkHttpClient();

  private ContractValidatingListener listener;
  private WireMockServer server;

  @BeforeEach
  void start() {
    listener = ContractValidatingListener.of(Backend.REGISTRY, "ivanpin", "1.2.0");
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(listener));
    server.start();
    ContractStubs.register(server, Backend.REGISTRY, "ivanpin", "1.2.0");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static int get(String url) throws IOException {
    Request request = new Request.Builder().url(url).header("X-WGP-Token", Backend.IVANPIN_TOKEN).build();
    try (Response response = HTTP.newCall(request).execute()) {
      response.body().string();
      return response.code();
    }
  }

  /** The contract's own blog.list answer without the Vary header the contract requires. */
  private static Stub blogListWithoutVary() {
    return StubPlan.of(Backend.REGISTRY, Backend.REGISTRY.requireVersion("ivanpin", "1.2.0")).stream()
        .filter(s -> s.endpoint().equals("blog.list")).findFirst().orElseThrow().withHeader("Vary", null);
  }

  @Test
  void conforming_responses_are_checked_and_pass() throws IOException {
    // WHEN
    get(server.baseUrl() + "/api/ivanpin/services/blog/list.php?lang=ru");
    get(server.baseUrl() + "/api/ivanpin/services/services/catalog.php?lang=ru");
    // THEN
    assertThat(listener.results()).hasSize(2).allMatch(r -> r.isValid());
    assertThat(listener.results().get(1).subject()).startsWith("ivanpin@1.2.0 services.catalog");
    listener.assertNoViolations();
  }

  @Test
  void a_violating_response_is_collected_and_reported_with_its_request() throws IOException {
    // GIVEN
    server.stubFor(ContractStubs.mapping(blogListWithoutVary()));
    // WHEN
    get(server.baseUrl() + "/api/ivanpin/services/blog/list.php?lang=ru");
    Throwable thrown = catchThrowable(listener::assertNoViolations);
    // THEN
    assertThat(listener.violations()).hasSize(1);
    assertThat(thrown).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("WireMock served 1 response that does not match its contract (of 1 checked)\n\n"
            + "--- GET /api/ivanpin/services/blog/list.php?lang=ru\n"
            + "Response does not match contract ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php),"
            + " status 200 (1 violation)\n\n[1] at header:Vary");
  }

  @Test
  void proxied_responses_are_checked_too() throws IOException {
    // GIVEN an origin that answers without Vary, behind the listening WireMock as a proxy
    WireMockServer origin = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    origin.start();
    try {
      origin.stubFor(ContractStubs.mapping(blogListWithoutVary()).atPriority(1));
      server.stubFor(any(anyUrl()).atPriority(0).willReturn(aResponse().proxiedFrom(origin.baseUrl())));
      // WHEN
      int status = get(server.baseUrl() + "/api/ivanpin/services/blog/list.php?lang=ru");
      // THEN
      assertThat(status).isEqualTo(200);
      assertThat(listener.violations()).singleElement()
          .satisfies(r -> assertThat(r.violations()).extracting(v -> v.instancePointer()).containsExactly("header:Vary"));
    } finally {
      origin.stop();
    }
  }

  @Test
  void requests_that_match_no_endpoint_are_listed_not_failed() throws IOException {
    // WHEN
    get(server.baseUrl() + "/api/ivanpin/services/blog/archive.php");
    // THEN
    assertThat(listener.unmatched()).containsExactly("GET /api/ivanpin/services/blog/archive.php");
    assertThat(listener.results()).isEmpty();
    listener.assertNoViolations();
  }

  @Test
  void reset_forgets_what_was_checked() throws IOException {
    // GIVEN
    server.stubFor(ContractStubs.mapping(blogListWithoutVary()));
    get(server.baseUrl() + "/api/ivanpin/services/blog/list.php?lang=ru");
    // WHEN
    listener.reset();
    // THEN
    assertThat(listener.results()).isEmpty();
    listener.assertNoViolations();
  }

  @Test
  void as_a_junit_extension_it_fails_the_test_that_saw_a_violation() {
    // WHEN
    EngineExecutionResults results = EngineRun.with().run(ListenerTestCase.class);
    // THEN
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    assertThat(EngineRun.onlyFailureMessage(results))
        .contains("WireMock served 1 response that does not match its contract")
        .contains("[1] at header:Vary");
  }

  static class ListenerTestCase {
    @RegisterExtension
    static ContractValidatingListener contract = ContractValidatingListener.of(Backend.REGISTRY, "ivanpin", "1.2.0");

    static WireMockServer server;

    @org.junit.jupiter.api.BeforeAll
    static void start() {
      server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(contract));
      server.start();
      ContractStubs.register(server, Backend.REGISTRY, "ivanpin", "1.2.0");
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
      server.stop();
    }

    @Test
    void a_conforming_call() throws IOException {
      // Another endpoint than the one the violating test breaks, so that the order of the two does not matter.
      get(server.baseUrl() + "/api/ivanpin/services/services/catalog.php?lang=ru");
    }

    @Test
    void a_violating_call() throws IOException {
      server.stubFor(ContractStubs.mapping(blogListWithoutVary()));
      get(server.baseUrl() + "/api/ivanpin/services/blog/list.php?lang=ru");
    }
  }
}
