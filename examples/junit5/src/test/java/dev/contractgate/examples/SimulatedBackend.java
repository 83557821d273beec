package dev.contractgate.examples;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.contractgate.junit.ContractStubs;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stand-in for the PHP backend that serves both sites: WireMock on a free loopback port, answering every
 * endpoint of ivanpin 1.2.0 and wgp 1.2.0 with the contracts' own examples, and refusing requests without the
 * {@code X-WGP-Token} header.
 *
 * <p>In a real project the backend is deployed (or started by the build) and CI passes its URL with
 * {@code -Dcontract.baseUrl=...}. {@link #exportBaseUrl()} does the same for this in-process backend, whose port
 * is only known once it runs.
 */
final class SimulatedBackend implements AutoCloseable {

  static final String VERSION = "1.2.0";

  private static final String BASE_URL_PROPERTY = "contract.baseUrl";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WireMockServer server;
  private String previousBaseUrl;
  private boolean exported;

  private SimulatedBackend(WireMockServer server) {
    this.server = server;
  }

  /** A backend that keeps its contracts; {@code extensions} are WireMock extensions such as a listener. */
  static SimulatedBackend start(ContractRegistry contracts, Extension... extensions) {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(10).extensions(extensions));
    server.start();
    ContractStubs.register(server, contracts, "ivanpin", VERSION);
    ContractStubs.register(server, contracts, "wgp", VERSION);
    return new SimulatedBackend(server);
  }

  /**
   * A backend that broke both ways a real deploy broke: blog.list lost an author's name and sends a date in
   * the database's own format, and the wgp handlers stopped checking the token.
   */
  static SimulatedBackend startBroken(ContractRegistry contracts, Extension... extensions) {
    SimulatedBackend backend = start(contracts, extensions);
    for (Stub stub : StubPlan.of(contracts, contracts.requireVersion("ivanpin", VERSION))) {
      if (stub.endpoint().equals("blog.list")) {
        backend.server.stubFor(ContractStubs.mapping(stub.withBody(edit(stub.body(), items -> {
          ((ObjectNode) items.at("/items/1/author")).remove("name");
          ((ObjectNode) items.at("/items/1")).put("publishedAt", "2025-02-20 09:00");
          return items;
        }))));
      }
    }
    for (Stub stub : StubPlan.of(contracts, contracts.requireVersion("wgp", VERSION))) {
      // Same answer, now also for requests that carry no token at all.
      backend.server.stubFor(ContractStubs.mapping(stub.withoutTokenCheck()));
    }
    return backend;
  }

  private static String edit(String body, UnaryOperator<ObjectNode> change) {
    return JSON.writeValueAsString(change.apply((ObjectNode) JSON.readTree(body)));
  }

  /** {@code http://127.0.0.1:PORT}: the address it listens on, not a name that may resolve to IPv6 first. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Points {@code @ContractTest}'s {@code contract.baseUrl} at this backend until {@link #close()}. */
  SimulatedBackend exportBaseUrl() {
    previousBaseUrl = System.getProperty(BASE_URL_PROPERTY);
    System.setProperty(BASE_URL_PROPERTY, baseUrl());
    exported = true;
    return this;
  }

  @Override
  public void close() {
    if (exported) {
      if (previousBaseUrl == null) {
        System.clearProperty(BASE_URL_PROPERTY);
      } else {
        System.setProperty(BASE_URL_PROPERTY, previousBaseUrl);
      }
    }
    server.stop();
  }
}
