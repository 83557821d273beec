package dev.contractgate.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.NetworkAddressRules;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * A stub backend on loopback, serving {@link Stub}s with WireMock behind a guard that runs before WireMock
 * sees a request (a Jetty handler around WireMock's own):
 *
 * <ul>
 *   <li>the token of each namespace ({@link StubGuard}): the namespace's refusal without it, 403 with another
 *       value, so WireMock's mappings carry no token and nothing WireMock shows can leak one;
 *   <li>a request-size limit: 413 for a declared length over it at once, and for a body that grows past it
 *       while it is read (chunked), so no body larger than the limit is ever held in memory;
 *   <li>the admin API ({@code /__admin}): 404 unless {@link Settings#adminToken} is set, then only with
 *       {@code Authorization: Bearer <admin token>}; WireMock's CORS filter is removed from it;
 *   <li>plain JSON answers for everything WireMock or Jetty would render as a page (no near-miss listing, no
 *       stack trace), and a 500 of that kind for any failure.
 * </ul>
 *
 * Request bodies are checked against the endpoint's request schema when {@link Settings#requestContracts}
 * is given. WireMock keeps no request journal (it would hold tokens), renders no templates and may proxy to
 * no address. {@code demo} uses the defaults (no admin API, 1 MiB, no request check).
 */
final class EmbeddedBackend implements AutoCloseable {

  static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
  static final String ADMIN = "/__admin";

  /**
   * How the backend guards itself.
   *
   * @param maxBodyBytes the largest request body it reads
   * @param adminToken the bearer token of the admin API, or null to keep the admin API off
   * @param requestContracts the tree whose request schemas bodies are checked against, or null
   * @param onAdminShutdown what {@code POST /__admin/shutdown} does (with the admin token)
   */
  record Settings(long maxBodyBytes, String adminToken, ContractRegistry requestContracts, Runnable onAdminShutdown) {
    static final Settings DEFAULTS = new Settings(DEFAULT_MAX_BODY_BYTES, null, null, () -> { });

    Settings {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative");
      }
      if (onAdminShutdown == null) {
        onAdminShutdown = () -> { };
      }
    }
  }

  private final WireMockServer server;
  private final Path filesRoot;

  private EmbeddedBackend(WireMockServer server, Path filesRoot) {
    this.server = server;
    this.filesRoot = filesRoot;
  }

  /**
   * Starts on 127.0.0.1 with the {@linkplain Settings#DEFAULTS default settings}.
   *
   * @param port 0 for a free port
   * @param tokens the token value per namespace id; a namespace without one accepts any non-empty token
   */
  static EmbeddedBackend start(int port, List<Stub> stubs, Function<String, String> tokens) {
    return start(port, stubs, tokens, Settings.DEFAULTS);
  }

  /** As {@link #start(int, List, Function)} with these settings. */
  static EmbeddedBackend start(int port, List<Stub> stubs, Function<String, String> tokens, Settings settings) {
    StubGuard guard = StubGuard.of(stubs, tokens);
    if (settings.requestContracts() != null) {
      guard = guard.checkingRequestBodies(settings.requestContracts());
    }
    Map<UUID, Stub> byMapping = new ConcurrentHashMap<>();
    Path files;
    try {
      // WireMock serves __files and saves mappings under its root: give it an empty one of its own, never the
      // working directory.
      files = Files.createTempDirectory("contract-gate-stub-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StubGuard g = guard;
    WireMockServer server = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .port(port)
        .notifier(new Slf4jNotifier(false))
        .disableRequestJournal()
        .containerThreads(16)
        .withRootDirectory(files.toString())
        .stubCorsEnabled(false)
        .templatingEnabled(false)
        // No proxy or webhook mapping (admin API) may forward a request, and the token it carries, anywhere.
        .limitProxyTargets(NetworkAddressRules.builder().deny("0.0.0.0-255.255.255.255").deny("*").build())
        .jettyStopTimeout(1000L)
        .adminAuthenticator(r -> settings.adminToken() != null
            && bearerMatches(r.getHeader("Authorization"), settings.adminToken()))
        .notMatchedRendererFactory(extensions -> new PlainNotMatched())
        .extensions(new RequestBodyCheck(g, byMapping))
        .httpServerFactory((opts, admin, stub) -> StubJetty.guarded(opts, admin, stub, g, settings)));
    try {
      server.start();
      register(server, stubs, byMapping);
    } catch (RuntimeException e) {
      // A server that fails to start or to take a stub must not hold the port or leave its directory behind.
      stopQuietly(server);
      delete(files);
      throw e;
    }
    return new EmbeddedBackend(server, files);
  }

  /** Stops a server that may not have started; Jetty then throws (even checked exceptions), which says nothing new. */
  private static void stopQuietly(WireMockServer server) {
    try {
      server.stop();
    } catch (Exception e) {
      // the start failure is what the caller reports
    }
  }

  private static void register(WireMockServer server, List<Stub> stubs, Map<UUID, Stub> byMapping) {
    for (Stub s : stubs) {
      if (s.endpoint().equals("*")) {
        continue; // the guard answers requests without a token with the namespace's refusal
      }
      ResponseDefinitionBuilder r = aResponse().withStatus(s.status()).withBody(s.body());
      for (Map.Entry<String, String> h : s.headers().entrySet()) {
        r = r.withHeader(h.getKey(), h.getValue());
      }
      StubMapping m = server.stubFor(request(s.method().equals("ANY") ? "ANY" : s.method(),
          urlPathMatching(s.pathRegex())).atPriority(1).willReturn(r));
      byMapping.put(m.getId(), s);
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
    try {
      server.stop();
    } finally {
      delete(filesRoot);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  static boolean bearerMatches(String authorization, String token) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** Used where WireMock would render its near-miss page for a request no stub matches. */
  private static final class PlainNotMatched extends NotMatchedRenderer {
    @Override
    protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
      StubGuard.Answer a = StubGuard.notFound();
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(a.status()).withBody(a.body());
      for (Map.Entry<String, String> h : a.headers().entrySet()) {
        b = b.withHeader(h.getKey(), h.getValue());
      }
      return b.build();
    }
  }

  /** Answers 400 in place of a stub when the body breaks the endpoint's request schema. */
  private static final class RequestBodyCheck implements ResponseDefinitionTransformerV2 {
    private final StubGuard guard;
    private final Map<UUID, Stub> byMapping;

    RequestBodyCheck(StubGuard guard, Map<UUID, Stub> byMapping) {
      this.guard = guard;
      this.byMapping = byMapping;
    }

    @Override
    public String getName() {
      return "contract-gate-request-body";
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      StubMapping mapping = event.getStubMapping();
      Stub stub = mapping == null ? null : byMapping.get(mapping.getId());
      if (stub == null || !guard.checksBody(stub)) {
        return event.getResponseDefinition();
      }
      return guard.checkBody(stub, event.getRequest().getBodyAsString()).map(a -> {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(a.status())
            .withBody(a.body());
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
          b = b.withHeader(h.getKey(), h.getValue());
        }
        return b.build();
      }).orElse(event.getResponseDefinition());
    }
  }
}
