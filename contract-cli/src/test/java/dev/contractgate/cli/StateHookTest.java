package dev.contractgate.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --state-hook URL}: the provider state of a probe is set up over HTTP before the probe. */
class StateHookTest {

  @TempDir Path tree;
  WireMockServer backend;

  @BeforeEach
  void start() throws IOException {
    Path v = Files.createDirectories(tree.resolve("shop/1.0.0/schemas"));
    Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /shop/\n");
    Files.writeString(v.resolve("item.schema.json"), "{\"type\": \"object\", \"required\": [\"id\"]}");
    Files.writeString(tree.resolve("shop/1.0.0/endpoints.yaml"), """
        endpoints:
          - id: items.detail
            method: GET
            path: items/{id}
            responses:
              "200": {schema: schemas/item.schema.json}
              "404": {}
            probe:
              path: {id: "7"}
              state: item 7 exists
        """);
    backend = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    backend.start();
    // Item 7 exists only after the hook was asked for its state: the probe passes only if the hook ran first.
    backend.stubFor(post(urlPathEqualTo("/test/states")).inScenario("items")
        .withRequestBody(equalToJson("{\"state\": \"item 7 exists\"}"))
        .willReturn(aResponse().withStatus(204)).willSetStateTo("item 7"));
    backend.stubFor(get(urlPathEqualTo("/shop/items/7")).inScenario("items").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(404)));
    backend.stubFor(get(urlPathEqualTo("/shop/items/7")).inScenario("items").whenScenarioStateIs("item 7")
        .willReturn(okJson("{\"id\": 7}")));
  }

  @AfterEach
  void stop() {
    backend.stop();
  }

  private CliRun verify(String... extra) {
    String[] base = {"verify", "--contracts", tree.toString(), "--base-url", backend.baseUrl(), "--retries", "0"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.run(args);
  }

  @Test
  void the_hook_is_posted_the_state_before_the_probe() {
    CliRun run = verify("--state-hook", backend.baseUrl() + "/test/states");
    assertThat(run.exitCode()).as(run.all()).isZero();
    backend.verify(1, postRequestedFor(urlPathEqualTo("/test/states")));
  }

  @Test
  void without_the_hook_the_probe_meets_a_backend_without_its_data() {
    CliRun run = verify();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.all()).contains("items.detail", "404");
    backend.verify(0, postRequestedFor(urlPathEqualTo("/test/states")));
  }

  @Test
  void a_hook_that_fails_fails_the_probe_with_the_hooks_answer() {
    CliRun run = verify("--state-hook", backend.baseUrl() + "/test/other");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.all()).contains("provider state \"item 7 exists\" could not be set up",
        "the state hook POST " + backend.baseUrl() + "/test/other answered 404");
  }

  @Test
  void a_hook_url_with_user_info_is_never_shown() {
    CliRun run = verify("--state-hook", "http://user:hunter2@127.0.0.1:9/states");
    assertThat(run.all()).contains("could not be set up", "***").doesNotContain("hunter2");
  }

  @Test
  void an_invalid_hook_url_is_a_usage_error() {
    CliRun run = verify("--state-hook", "states.example");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid --state-hook \"states.example\"", "http://127.0.0.1:8080/test/states");
  }
}
