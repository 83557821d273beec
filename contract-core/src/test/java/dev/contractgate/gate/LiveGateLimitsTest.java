package dev.contractgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contractgate.gate.ProbeResult.Kind;
import dev.contractgate.gate.ProbeResult.Outcome;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.testing.ContractTree;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live gate keeps the contract's faults apart from the backend's: a schema that does not compile is a
 * {@link ContractException} (exit 3) whether or not the backend answers, and a run that reaches its deadline
 * while checking answers says that the backend had answered.
 */
class LiveGateLimitsTest {

  private static final Map<String, String> ENV = Map.of("SHOP_API_TOKEN", "tok-4711");

  @TempDir Path root;
  MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A tree whose order schema loads but cannot be compiled: its meta-schema would have to be fetched. */
  private ContractRegistry uncompilable() {
    return ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json",
        "{\"$schema\": \"http://127.0.0.1:9/meta\", \"type\": \"object\"}").load();
  }

  @Test
  void should_report_a_schema_that_does_not_compile_as_a_contract_error_with_a_backend_that_answers() {
    // GIVEN
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build();
      }
    });
    ContractRegistry registry = uncompilable();
    // WHEN
    Throwable thrown = catchThrowable(() -> LiveGate.builder(registry).baseUrl(server.url("/").toString())
        .environment(ENV::get).build().run());
    // THEN
    assertThat(thrown).isInstanceOf(ContractException.class)
        .hasMessageStartingWith("Cannot compile schema: shop/1.0.0/schemas/order.schema.json")
        .hasMessageContaining("is not allowed to be loaded");
  }

  @Test
  void should_report_a_schema_that_does_not_compile_as_a_contract_error_with_the_backend_down() throws IOException {
    // GIVEN nothing listens
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ContractRegistry registry = uncompilable();
    // WHEN
    Throwable thrown = catchThrowable(() -> LiveGate.builder(registry).baseUrl("http://127.0.0.1:" + port)
        .environment(ENV::get).retries(0).build().run());
    // THEN
    assertThat(thrown).isInstanceOf(ContractException.class)
        .hasMessageStartingWith("Cannot compile schema: shop/1.0.0/schemas/order.schema.json");
  }

  @Test
  void should_tell_backend_time_from_validation_time_at_the_deadline() {
    // GIVEN a backend that answers at once with many values that make the schema's pattern backtrack
    ContractRegistry registry = ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json", """
        {"type": "array", "items": {"type": "string", "pattern": "^(a+)+\\\\1$"}}
        """).load();
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < 3_000; i++) {
      items.append('"').append("a".repeat(39)).append('b').append(i).append("\",");
    }
    String body = items.append("\"x\"]").toString();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
      }
    });
    // a first run warms the client and the server up, so that the backend's answer is quick
    LiveGate.builder(registry).baseUrl(server.url("/").toString()).environment(ENV::get).build().run();
    // WHEN the deadline is shorter than checking that answer takes (the patterns alone take their whole budget, a quarter of a second or more)
    GateResult result = LiveGate.builder(registry).baseUrl(server.url("/").toString()).environment(ENV::get)
        .deadline(Duration.ofMillis(200)).build().run();
    // THEN
    ProbeResult probe = result.results().stream().filter(r -> r.kind() == Kind.CONTRACT).findFirst().orElseThrow();
    assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.NOT_RUN);
    assertThat(probe.status()).as(probe.message()).isEqualTo(200);
    assertThat(probe.message()).startsWith("answered 200 in ")
        .contains("checking the response against the contract was still running at the deadline");
    Report.Finding finding = GateReports.of(result).entries().stream()
        .filter(e -> e.name().equals("order.get")).findFirst().orElseThrow().findings().get(0);
    assertThat(finding.rule()).isEqualTo("gate.deadline");
    assertThat(finding.hint()).contains("not into the backend");
  }
}
