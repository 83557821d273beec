package dev.contractgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes that name a provider state: the handler runs right before each, and they do not overlap. */
class ProviderStatesTest {

  @TempDir Path tree;
  MockWebServer server;
  final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    Path v = Files.createDirectories(tree.resolve("shop/1.0.0"));
    Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /shop/\n");
    StringBuilder endpoints = new StringBuilder("endpoints:\n");
    for (String id : List.of("a", "b", "c", "plain")) {
      endpoints.append("  - id: items.").append(id).append("\n    method: GET\n    path: ").append(id)
          .append("\n    responses:\n      \"200\": {}\n    probe:\n")
          .append(id.equals("plain") ? "      query: {x: \"1\"}\n" : "      state: state " + id + "\n");
    }
    Files.writeString(v.resolve("endpoints.yaml"), endpoints);
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        events.add("request " + request.getUrl().encodedPath());
        return new MockResponse.Builder().code(200).build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  LiveGate.Builder gate() {
    return LiveGate.builder(ContractRegistry.load(tree)).baseUrl(server.url("/").toString())
        .timeout(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(30)).concurrency(8);
  }

  @Test
  void each_state_is_set_up_right_before_its_probe_and_stated_probes_go_one_at_a_time_first() {
    GateResult result = gate().states(s -> events.add("set up " + s)).build().run();
    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(events).containsExactly(
        "set up state a", "request /shop/a",
        "set up state b", "request /shop/b",
        "set up state c", "request /shop/c",
        "request /shop/plain");
  }

  @Test
  void a_state_that_cannot_be_set_up_fails_only_its_probe_which_is_not_sent() {
    GateResult result = gate().states(s -> {
      if (s.equals("state b")) {
        throw new IllegalStateException("the fixture database is down");
      }
    }).build().run();
    assertThat(result.passed()).isFalse();
    ProbeResult b = result.results().stream().filter(r -> r.endpoint().equals("items.b")).findFirst().orElseThrow();
    assertThat(b.outcome()).isEqualTo(ProbeResult.Outcome.NOT_RUN);
    assertThat(b.message()).isEqualTo("provider state \"state b\" could not be set up: the fixture database is down");
    assertThat(result.results()).filteredOn(r -> !r.endpoint().equals("items.b"))
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(ProbeResult.Outcome.PASSED));
    assertThat(events).doesNotContain("request /shop/b");
  }

  @Test
  void without_a_handler_states_are_ignored_and_every_probe_is_sent() {
    GateResult result = gate().build().run();
    assertThat(result.passed()).isTrue();
    assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e).startsWith("request "));
  }
}
