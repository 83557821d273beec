package dev.contractgate.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import dev.contractgate.stub.Stub;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stub backend on loopback, serving {@link Stub}s with WireMock: answers that need a token match only
 * requests that carry it (priority 1); a namespace-wide refusal catches the rest (priority 10).
 */
final class EmbeddedBackend implements AutoCloseable {

  private final WireMockServer server;

  private EmbeddedBackend(WireMockServer server) {
    this.server = server;
  }

  /**
   * Starts on 127.0.0.1.
   *
   * @param port 0 for a free port
   * @param tokens the token value per namespace id; a namespace without one accepts any non-empty token
   */
  static EmbeddedBackend start(int port, List<Stub> stubs, Function<String, String> tokens) {
    WireMockServer server = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .port(port)
        .notifier(new Slf4jNotifier(false))
        .disableRequestJournal()
        .containerThreads(16));
    server.start();
    try {
      register(server, stubs, tokens);
    } catch (RuntimeException e) {
      // A stub that cannot be registered must not leave a server holding the port.
      server.stop();
      throw e;
    }
    return new EmbeddedBackend(server);
  }

  private static void register(WireMockServer server, List<Stub> stubs, Function<String, String> tokens) {
    for (Stub s : stubs) {
      MappingBuilder m = request(s.method().equals("ANY") ? "ANY" : s.method(), urlPathMatching(s.pathRegex()));
      if (s.tokenHeader().isPresent()) {
        String token = tokens.apply(s.namespace());
        m = m.withHeader(s.tokenHeader().get(), token == null ? matching(".+") : equalTo(token)).atPriority(1);
      } else {
        m = m.atPriority(s.endpoint().equals("*") ? 10 : 1);
      }
      ResponseDefinitionBuilder r = aResponse().withStatus(s.status()).withBody(s.body());
      for (Map.Entry<String, String> h : s.headers().entrySet()) {
        r = r.withHeader(h.getKey(), h.getValue());
      }
      server.stubFor(m.willReturn(r));
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
