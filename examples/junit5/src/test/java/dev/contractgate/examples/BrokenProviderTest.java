package dev.contractgate.examples;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.contractgate.gate.GateReports;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.junit.ContractClient;
import dev.contractgate.junit.ContractTest;
import dev.contractgate.junit.ContractValidatingListener;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The broken provider: a backend whose deploy broke blog.list (an author without a name, a date in the
 * database's format) and stopped checking the wgp token. The suites below are what a backend team runs; they
 * fail on purpose, so Surefire does not run them directly (static nested {@code *TestCase} classes). This test
 * runs them on the Jupiter engine and checks that exactly the right tests fail, for exactly these violations.
 */
class BrokenProviderTest {

  static final ContractRegistry CONTRACTS = BackendContractTest.CONTRACTS;

  @Test
  void the_contract_suite_fails_exactly_where_the_backend_broke() {
    // WHEN
    Map<String, String> failures = run(BrokenBackendTestCase.class, 4);
    // THEN blog.detail and posts.list (called with the token) pass
    assertThat(failures).containsOnlyKeys("blog_list_matches_its_contract",
        "the_post_deploy_smoke_test_passes_on_both_sites");
    assertThat(failures.get("blog_list_matches_its_contract"))
        .startsWith("Response does not match contract ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php),"
            + " status 200 (2 violations)")
        .doesNotContain("suppressed");
    assertThat(violations(failures.get("blog_list_matches_its_contract"))).containsExactly(
        "/items/1/author/name body.required",
        "/items/1/publishedAt body.format");
    // and the smoke test finds the same two, plus every wgp endpoint answering without a token
    assertThat(failures.get("the_post_deploy_smoke_test_passes_on_both_sites")).contains("FAILED: 5 of 18 checks failed");
    assertThat(gateFindings(failures.get("the_post_deploy_smoke_test_passes_on_both_sites"))).containsExactly(
        "ivanpin@1.2.0 blog.list: /items/1/author/name body.required",
        "ivanpin@1.2.0 blog.list: /items/1/publishedAt body.format",
        "wgp@1.2.0 cases.list (without token): status auth.not-enforced",
        "wgp@1.2.0 contact.submit (without token): status auth.not-enforced",
        "wgp@1.2.0 posts.detail (without token): status auth.not-enforced",
        "wgp@1.2.0 posts.list (without token): status auth.not-enforced");
  }

  @Test
  void the_listener_fails_the_test_during_which_a_broken_response_was_served() {
    // WHEN
    Map<String, String> failures = run(ServedResponsesTestCase.class, 2);
    // THEN the page test's own assertion (status 200) passed; the listener failed it afterwards
    assertThat(failures).containsOnlyKeys("the_blog_page_loads");
    assertThat(failures.get("the_blog_page_loads"))
        .startsWith("WireMock served 1 response that does not match its contract (of 1 checked)\n\n"
            + "--- GET /api/ivanpin/services/blog/list.php?lang=ru\n");
    assertThat(violations(failures.get("the_blog_page_loads"))).containsExactly(
        "/items/1/author/name body.required",
        "/items/1/publishedAt body.format");
  }

  /** Runs a fixture class; returns the failed tests by method name, each with its failure and suppressed messages. */
  private static Map<String, String> run(Class<?> fixture, int tests) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
        // As under Surefire: system properties (contract.baseUrl) count as configuration parameters.
        .enableImplicitConfigurationParameters(true)
        .execute();
    results.containerEvents().assertStatistics(s -> s.failed(0));
    results.testEvents().assertStatistics(s -> s.started(tests));
    Map<String, String> failures = new LinkedHashMap<>();
    for (Event event : results.testEvents().failed().list()) {
      String method = event.getTestDescriptor().getSource()
          .map(s -> ((MethodSource) s).getMethodName()).orElseThrow();
      Throwable thrown = event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
      StringBuilder message = new StringBuilder(String.valueOf(thrown.getMessage()));
      for (Throwable suppressed : thrown.getSuppressed()) {
        message.append("\n\nsuppressed: ").append(suppressed.getMessage());
      }
      failures.put(method, message.toString());
    }
    return failures;
  }

  /** The {@code (where, rule)} of each violation block in a failure message, in order. */
  static List<String> violations(String message) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\[\\d+] at (\\S+)(?:\\n {4}.*)*?\\n {4}rule {4}: (\\S+)").matcher(message);
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2));
    }
    return out;
  }

  /** The {@code "label: where rule"} of each finding in a live gate report, in report order. */
  static List<String> gateFindings(String report) {
    List<String> out = new ArrayList<>();
    String namespace = null;
    String failed = null;
    for (String line : report.split("\n")) {
      Matcher header = Pattern.compile("^(\\S+@\\S+)$").matcher(line);
      Matcher failLine = Pattern.compile("^ {2}FAIL (.+?) {2,}").matcher(line);
      Matcher finding = Pattern.compile("^ +\\[\\d+] [A-Z]+ (\\S+) at (\\S+)$").matcher(line);
      if (header.find()) {
        namespace = header.group(1);
      } else if (failLine.find()) {
        failed = failLine.group(1);
      } else if (line.startsWith("  ok ")) {
        failed = null;
      } else if (finding.find() && failed != null) {
        out.add(namespace + " " + failed + ": " + finding.group(2) + " " + finding.group(1));
      }
    }
    return out;
  }

  /** The backend team's suite, pointed at the broken backend. */
  @ContractTest
  static class BrokenBackendTestCase {

    private static SimulatedBackend backend;

    @BeforeAll
    static void start_the_broken_backend() {
      backend = SimulatedBackend.startBroken(CONTRACTS).exportBaseUrl();
    }

    @AfterAll
    static void stop_the_backend() {
      backend.close();
    }

    @Test
    void blog_list_matches_its_contract(ContractClient client) {
      assertThat(client.call("ivanpin", "blog.list")).hasStatus(200).matchesContract();
    }

    @Test
    void blog_detail_matches_its_contract(ContractClient client) {
      assertThat(client.call("ivanpin", "blog.detail")).hasStatus(200).matchesContract();
    }

    @Test
    void wgp_posts_list_matches_its_contract(ContractClient client) {
      // Called with the token, the answer is right: only a request without one shows what broke.
      assertThat(client.call("wgp", "posts.list")).hasStatus(200).matchesContract();
    }

    @Test
    void the_post_deploy_smoke_test_passes_on_both_sites(ContractClient client, ContractRegistry registry) {
      GateResult gate = LiveGate.builder(registry).baseUrl(client.baseUrl()).build().run();
      if (!gate.passed()) {
        fail(ReportFormat.TEXT.render(GateReports.of(gate)));
      }
    }
  }

  /** A frontend's tests against the broken backend: the listener on WireMock catches what they do not check. */
  static class ServedResponsesTestCase {

    private static final OkHttpClient HTTP = new OkHttpClient();

    @RegisterExtension
    static final ContractValidatingListener servedResponses = ContractValidatingListener.of(CONTRACTS);

    private static SimulatedBackend backend;

    @BeforeAll
    static void start_the_broken_backend() {
      backend = SimulatedBackend.startBroken(CONTRACTS, servedResponses);
    }

    @AfterAll
    static void stop_the_backend() {
      backend.close();
    }

    private static int get(String path) throws IOException {
      Request request = new Request.Builder().url(backend.baseUrl() + path).header("X-WGP-Token", "any").build();
      try (Response response = HTTP.newCall(request).execute()) {
        response.body().string();
        return response.code();
      }
    }

    @Test
    void the_blog_page_loads() throws IOException {
      assertThat(get("/api/ivanpin/services/blog/list.php?lang=ru")).isEqualTo(200);
    }

    @Test
    void the_services_page_loads() throws IOException {
      assertThat(get("/api/ivanpin/services/services/catalog.php?lang=ru")).isEqualTo(200);
    }
  }
}
