package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contractgate.junit.internal.SharedHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ContractClientTest {

  private static Backend backend;
  private static SharedHttpClient http;

  @BeforeAll
  static void start_backend() {
    backend = Backend.start();
    http = new SharedHttpClient();
  }

  @AfterAll
  static void stop_backend() throws InterruptedException {
    http.close();
    backend.close();
  }

  @BeforeEach
  void forget_requests_and_extra_stubs() {
    backend.server.resetRequests();
  }

  private static ContractClient client(String baseUrl, Function<String, String> environment, Duration timeout) {
    return new ContractClient(Backend.REGISTRY, http.forBaseUrl(HttpUrl.get(baseUrl), timeout), HttpUrl.get(baseUrl),
        environment);
  }

  private static ContractClient client() {
    return client(backend.baseUrl(), Backend.TOKENS, Duration.ofSeconds(5));
  }

  @Test
  void an_https_base_url_gets_tls_and_an_http_one_does_not() throws Exception {
    // A server that answers plain HTTP to whatever arrives: a TLS client reads that as a broken handshake.
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        while (!plain.isClosed()) {
          try (Socket s = plain.accept()) {
            s.getInputStream().read(new byte[4096]);
            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            return;
          }
        }
      });
      answer.setDaemon(true);
      answer.start();
      String hostPort = "127.0.0.1:" + plain.getLocalPort();

      assertThat(client("http://" + hostPort, Backend.TOKENS, Duration.ofSeconds(5)).call("ivanpin", "blog.list")
          .status()).isEqualTo(200);
      assertThatThrownBy(() -> client("https://" + hostPort, Backend.TOKENS, Duration.ofSeconds(5))
          .call("ivanpin", "blog.list"))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("Cannot call")
          .hasMessageContaining("SSL");
    }
  }

  @Test
  void call_sends_the_probe_with_path_query_and_the_namespace_token() {
    // WHEN
    ContractResponse response = client().call("ivanpin", "blog.list");
    // THEN
    backend.server.verify(getRequestedFor(urlEqualTo("/api/ivanpin/services/blog/list.php?lang=ru&page=1&pageSize=10"))
        .withHeader("X-WGP-Token", equalTo(Backend.IVANPIN_TOKEN)));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.version().label()).isEqualTo("ivanpin@1.2.0");
    assertThat(response.endpoint().id()).isEqualTo("blog.list");
    assertThat(response.request()).isEqualTo("GET /api/ivanpin/services/blog/list.php?lang=ru&page=1&pageSize=10");
    assertThat(response.header("content-type")).singleElement().asString().startsWith("application/json");
    assertThat(response.body()).contains("\"items\"");
  }

  @Test
  void call_fills_path_parameters_from_the_probe() {
    // WHEN
    ContractResponse response = client().call("ivanpin", "blog.detail");
    // THEN
    assertThat(response.request()).isEqualTo("GET /api/ivanpin/services/blog/one-bitrix-two-nextjs/?lang=ru");
    assertThat(response).hasStatus(200).matchesContract();
  }

  @Test
  void call_sends_the_probe_body_of_a_post_endpoint() {
    // WHEN
    ContractResponse response = client().call("wgp", "contact.submit");
    // THEN
    backend.server.verify(postRequestedFor(urlPathEqualTo("/api/services/wgp/contact/submit.php"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"dryRun\":true"))
        .withHeader("X-WGP-Token", equalTo(Backend.WGP_TOKEN)));
    assertThat(response).matchesContract();
  }

  @Test
  void call_with_explicit_parameters_replaces_the_probe() {
    // WHEN
    ContractResponse response = client().call("ivanpin", "blog.detail", Map.of("slug", "hello world"), Map.of("lang", "en"));
    // THEN the value is encoded as one path segment
    assertThat(response.request()).isEqualTo("GET /api/ivanpin/services/blog/hello%20world/?lang=en");
  }

  @Test
  void at_version_calls_by_an_older_contract_version() {
    // WHEN
    ContractResponse response = client().atVersion("ivanpin", "1.0.0").call("ivanpin", "blog.list");
    // THEN
    assertThat(response.version().label()).isEqualTo("ivanpin@1.0.0");
  }

  @Test
  void the_token_appears_in_no_string_the_client_or_its_responses_give() {
    // GIVEN a backend that echoes the token into a body field the contract types as an array
    backend.server.stubFor(get(urlPathEqualTo("/api/ivanpin/services/blog/list.php")).atPriority(1)
        .withHeader("X-WGP-Token", equalTo(Backend.IVANPIN_TOKEN))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withHeader("Vary", "Origin")
            .withBody("{\"feature_enabled\":true,\"items\":\"debug: token " + Backend.IVANPIN_TOKEN
                + " accepted, and a long tail that makes the message truncate the value\","
                + "\"pagination\":{\"page\":1,\"pageSize\":10,\"total\":0}}")));
    try {
      ContractClient client = client();
      // WHEN
      ContractResponse response = client.call("ivanpin", "blog.list");
      Throwable failure = catchThrowable(() -> assertThat(response).matchesContract());
      // THEN
      assertThat(failure).hasMessageContaining("[1] at /items").hasMessageContaining("(redacted)");
      assertThat(failure.getMessage()).doesNotContain(Backend.IVANPIN_TOKEN)
          .doesNotContain(Backend.IVANPIN_TOKEN.substring(0, 12));
      assertThat(client.toString()).doesNotContain(Backend.IVANPIN_TOKEN, Backend.WGP_TOKEN)
          .isEqualTo("ContractClient[baseUrl=" + backend.baseUrl() + "/, contracts=classpath:contract-gate/contracts]");
      assertThat(response.toString()).doesNotContain(Backend.IVANPIN_TOKEN)
          .startsWith("ContractResponse[ivanpin@1.2.0 blog.list, GET /api/ivanpin/services/blog/list.php?lang=ru");
    } finally {
      backend.server.resetMappings();
      ContractStubs.register(backend.server, Backend.REGISTRY, "ivanpin", "1.2.0");
      ContractStubs.register(backend.server, Backend.REGISTRY, "wgp", "1.2.0");
    }
  }

  @Nested
  class Failures {

    @Test
    void unreachable_backend_names_the_request_and_the_setting_to_fix() {
      // GIVEN port 1 on loopback, where nothing listens
      ContractClient client = client("http://127.0.0.1:1", Backend.TOKENS, Duration.ofSeconds(2));
      // WHEN
      Throwable thrown = catchThrowable(() -> client.call("ivanpin", "blog.list"));
      // THEN
      assertThat(thrown).isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("Cannot call ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php?lang=ru")
          .hasMessageContaining("expected: a response from the backend at http://127.0.0.1:1/")
          .hasMessageContaining("but was : connection refused")
          .hasMessageContaining("hint    : start the backend, or point contract.baseUrl at it");
    }

    @Test
    void slow_backend_fails_after_the_timeout_naming_contract_timeout() {
      // GIVEN
      backend.server.stubFor(get(urlPathEqualTo("/api/services/wgp/posts/list.php")).atPriority(1)
          .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
      try {
        ContractClient client = client(backend.baseUrl(), Backend.TOKENS, Duration.ofMillis(200));
        // WHEN
        Throwable thrown = catchThrowable(() -> client.call("wgp", "posts.list"));
        // THEN
        assertThat(thrown).isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("but was : no response in time")
            .hasMessageContaining("raise contract.timeout");
      } finally {
        backend.server.resetMappings();
        ContractStubs.register(backend.server, Backend.REGISTRY, "ivanpin", "1.2.0");
        ContractStubs.register(backend.server, Backend.REGISTRY, "wgp", "1.2.0");
      }
    }

    @Test
    void missing_path_parameter_is_named() {
      // WHEN
      Throwable thrown = catchThrowable(() -> client().call("ivanpin", "blog.detail", Map.of("id", "7"), Map.of()));
      // THEN
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Cannot call ivanpin@1.2.0 blog.detail: no value for path parameter {slug}")
          .hasMessageContaining("but was : path parameters [id]");
    }

    @Test
    void missing_token_names_the_variable_before_anything_is_sent() {
      // GIVEN
      ContractClient client = client(backend.baseUrl(), k -> null, Duration.ofSeconds(2));
      // WHEN
      Throwable thrown = catchThrowable(() -> client.call("ivanpin", "blog.list"));
      // THEN
      assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("IVANPIN_API_TOKEN");
      assertThat(backend.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void unknown_endpoint_lists_the_known_ones() {
      // WHEN
      Throwable thrown = catchThrowable(() -> client().call("ivanpin", "blog.archive"));
      // THEN
      assertThat(thrown).hasMessageContaining("one of [blog.list, blog.detail, services.list, services.detail,"
          + " services.catalog]").hasMessageContaining("\"blog.archive\"");
    }
  }
}
