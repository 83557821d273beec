package dev.contractgate.examples;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.contractgate.assertj.ContractSoftAssertions;
import dev.contractgate.gate.GateReports;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.junit.ContractClient;
import dev.contractgate.junit.ContractResponse;
import dev.contractgate.junit.ContractTest;
import dev.contractgate.junit.ContractValidatingListener;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.report.ReportFormat;
import dev.contractgate.validate.ValidationResult;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backend team's contract suite: every endpoint of both sites is called the way each frontend calls it, with
 * the site's token, and must answer what the contract promises. Here the backend is {@link SimulatedBackend};
 * against a real one, drop the {@code @BeforeAll} and run {@code ./mvnw test -Dcontract.baseUrl=https://...}.
 */
@ContractTest
class BackendContractTest {

  static final ContractRegistry CONTRACTS = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT,
      BackendContractTest.class.getClassLoader());

  /** Checks every response the backend serves, whoever asked; fails the test during which one broke a contract. */
  @RegisterExtension
  static final ContractValidatingListener servedResponses = ContractValidatingListener.of(CONTRACTS);

  private static SimulatedBackend backend;

  @BeforeAll
  static void start_the_backend() {
    backend = SimulatedBackend.start(CONTRACTS, servedResponses).exportBaseUrl();
  }

  @AfterAll
  static void stop_the_backend() {
    backend.close();
  }

  @Test
  void blog_list_matches_its_contract(ContractClient client) {
    // WHEN the endpoint's probe from endpoints.yaml is sent, with IVANPIN_API_TOKEN in X-WGP-Token
    ContractResponse response = client.call("ivanpin", "blog.list");
    // THEN
    assertThat(response).hasStatus(200).matchesContract();
  }

  @Test
  void blog_detail_of_an_english_post_matches_its_contract(ContractClient client) {
    // WHEN
    ContractResponse response = client.call("ivanpin", "blog.detail",
        Map.of("slug", "one-bitrix-two-nextjs"), Map.of("lang", "en"));
    // THEN
    assertThat(response).hasStatus(200).matchesContract();
  }

  @Test
  void the_contact_form_answers_and_starts_the_wgp_session(ContractClient client) {
    // WHEN the probe posts the contact form with dryRun
    ContractResponse response = client.call("wgp", "contact.submit");
    // THEN the contract also checks the WGP_SESSID cookie
    assertThat(response).hasStatus(200).matchesContract();
    assertThat(response.header("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("WGP_SESSID="));
  }

  @Test
  void every_endpoint_of_both_sites_matches_its_contract(ContractClient client, ContractRegistry registry) {
    // Soft: one run lists every endpoint that drifted, not only the first.
    ContractSoftAssertions.assertSoftly(softly -> {
      for (Namespace namespace : registry.namespaces()) {
        for (Endpoint endpoint : registry.latest(namespace.id()).endpoints()) {
          softly.assertThat(client.call(namespace.id(), endpoint.id())).as(namespace.id() + " " + endpoint.id())
              .matchesContract();
        }
      }
    });
  }

  @Test
  void a_frontend_still_built_against_ivanpin_1_0_0_is_served(ContractClient client) {
    // WHEN the backend (at 1.2.0) is called the way the 1.0.0 contract describes blog.list
    ContractResponse response = client.atVersion("ivanpin", "1.0.0").call("ivanpin", "blog.list");
    // THEN what it sends is still what an old frontend can read
    assertThat(response).matchesContract().matchesContract("ivanpin", "1.0.0", "blog.list");
  }

  @Test
  void the_served_responses_were_checked_too(ContractClient client) {
    // WHEN
    client.call("wgp", "posts.list");
    client.call("wgp", "cases.list");
    // THEN the listener saw both; after this test it fails it if any had broken its contract
    assertThat(servedResponses.results()).extracting(ValidationResult::subject)
        .anySatisfy(s -> assertThat(s).startsWith("wgp@1.2.0 posts.list"))
        .anySatisfy(s -> assertThat(s).startsWith("wgp@1.2.0 cases.list"));
    assertThat(servedResponses.violations()).isEmpty();
  }

  @Test
  void the_post_deploy_smoke_test_passes_on_both_sites(ContractClient client, ContractRegistry registry) {
    // WHEN every probe is sent, with the token and without it (which must be refused)
    GateResult gate = LiveGate.builder(registry).baseUrl(client.baseUrl()).build().run();
    // THEN
    if (!gate.passed()) {
      fail(ReportFormat.TEXT.render(GateReports.of(gate)));
    }
  }
}
