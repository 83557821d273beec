package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.contractgate.junit.internal.SharedHttpClient;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.stub.Stub;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractStubsTest {

  private WireMockServer server;
  private SharedHttpClient http;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    http = new SharedHttpClient();
  }

  @AfterEach
  void stop() throws InterruptedException {
    http.close();
    server.stop();
  }

  private ContractClient client() {
    HttpUrl base = HttpUrl.get("http://127.0.0.1:" + server.port());
    return new ContractClient(Backend.REGISTRY, http.forBaseUrl(base, Duration.ofSeconds(5)), base, Backend.TOKENS);
  }

  @Test
  void every_endpoint_of_the_version_answers_as_its_contract_says() {
    // GIVEN
    ContractVersion version = Backend.REGISTRY.requireVersion("wgp", "1.2.0");
    // WHEN
    List<Stub> stubs = ContractStubs.register(server, Backend.REGISTRY, "wgp", "1.2.0");
    // THEN
    assertThat(stubs).hasSize(version.endpoints().size() + 1);
    assertThat(stubs.get(stubs.size() - 1).endpoint()).isEqualTo("*");
    for (Endpoint e : version.endpoints()) {
      assertThat(client().call("wgp", e.id())).as(e.id()).matchesContract();
    }
  }

  @Test
  void a_request_without_the_token_gets_the_refusal() throws Exception {
    // GIVEN
    ContractStubs.register(server, Backend.REGISTRY, "ivanpin", "1.2.0");
    Request request = new Request.Builder()
        .url("http://127.0.0.1:" + server.port() + "/api/ivanpin/services/blog/list.php?lang=ru").build();
    // WHEN
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      // THEN
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).contains("error");
    }
  }

  @Test
  void stubs_register_through_a_wiremock_client_too() {
    // GIVEN
    WireMock remote = new WireMock("127.0.0.1", server.port());
    // WHEN
    ContractStubs.register(remote, Backend.REGISTRY, "ivanpin", "1.1.0");
    // THEN
    assertThat(server.getStubMappings()).extracting(m -> m.getName())
        .contains("ivanpin@1.1.0 blog.list", "ivanpin@1.1.0 refusal without token");
    assertThat(client().atVersion("ivanpin", "1.1.0").call("ivanpin", "blog.list")).hasStatus(200).matchesContract();
  }
}
