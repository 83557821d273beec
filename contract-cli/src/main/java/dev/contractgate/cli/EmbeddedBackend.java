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
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.HttpInput;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.FilterMapping;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;
import wiremock.org.eclipse.jetty.servlet.ServletHandler;
import wiremock.org.eclipse.jetty.servlets.CrossOriginFilter;

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
  private static final String ADMIN = "/__admin";

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
        .httpServerFactory((opts, admin, stub) -> guarded(opts, admin, stub, g, settings)));
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

  /** WireMock's Jetty server with the guard around its handlers, plain error pages and no CORS on admin. */
  private static Jetty11HttpServer guarded(Options opts, AdminRequestHandler admin, StubRequestHandler stub,
      StubGuard guard, Settings settings) {
    // An anonymous class: its captured values are set before Jetty11HttpServer's constructor calls back.
    return new Jetty11HttpServer(opts, admin, stub) {
      @Override
      protected Handler createHandler(Options options, AdminRequestHandler a, StubRequestHandler s) {
        Gate gate = new Gate(guard, settings);
        gate.setHandler(super.createHandler(options, a, s));
        return gate;
      }

      @Override
      protected void applyAdditionalServerConfiguration(Server jetty, Options options) {
        super.applyAdditionalServerConfiguration(jetty, options);
        jetty.setErrorHandler(new PlainErrors());
        for (Connector c : jetty.getConnectors()) {
          HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
          if (http != null) {
            // Let the guard answer as soon as the headers are in (a declared 600 MB, a missing token), rather
            // than when the first bytes of a body arrive.
            http.getHttpConfiguration().setDelayDispatchUntilContent(false);
          }
        }
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateMockServiceContextAfterConfig(context);
        // In place of WireMock's NotFoundHandler, which renders the near-miss page (expected headers included).
        context.setErrorHandler(new PlainErrors());
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextAfterConfig(context);
        context.setErrorHandler(new PlainErrors());
        withoutCors(context.getServletHandler());
      }
    };
  }

  /** Removes WireMock's CrossOriginFilter (any origin, with credentials) from the admin context. */
  private static void withoutCors(ServletHandler handler) {
    FilterHolder[] holders = handler.getFilters();
    if (holders == null) {
      return;
    }
    List<String> cors = Arrays.stream(holders)
        .filter(h -> CrossOriginFilter.class.getName().equals(h.getClassName())
            || h.getHeldClass() != null && CrossOriginFilter.class.isAssignableFrom(h.getHeldClass()))
        .map(FilterHolder::getName).toList();
    if (cors.isEmpty()) {
      return;
    }
    handler.setFilters(Arrays.stream(holders).filter(h -> !cors.contains(h.getName())).toArray(FilterHolder[]::new));
    FilterMapping[] mappings = handler.getFilterMappings();
    if (mappings != null) {
      handler.setFilterMappings(Arrays.stream(mappings).filter(m -> !cors.contains(m.getFilterName()))
          .toArray(FilterMapping[]::new));
    }
  }

  /** The guard in front of WireMock (admin API, tokens, body size, failures). */
  private static final class Gate extends HandlerWrapper {
    private final StubGuard guard;
    private final Settings settings;

    Gate(StubGuard guard, Settings settings) {
      this.guard = guard;
      this.settings = settings;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      try {
        String path = base.getRequestURI() == null ? "/" : base.getRequestURI();
        String decoded = base.getHttpURI().getDecodedPath();
        if (isAdmin(path) || decoded != null && isAdmin(decoded)) {
          StubGuard.Answer refused = admin(request);
          if (refused != null) {
            answer(base, response, refused);
            return;
          }
          if (request.getMethod().equals("POST") && (path.equals(ADMIN + "/shutdown")
              || path.equals(ADMIN + "/shutdown/"))) {
            // Stop the way Ctrl-C does, so the command ends with its own exit code.
            answer(base, response, new StubGuard.Answer(200, Map.of("Content-Type",
                "application/json; charset=utf-8"), "{\"stopping\":true}"));
            settings.onAdminShutdown().run();
            return;
          }
        } else {
          var refusal = guard.beforeBody(request.getMethod(), path, request::getHeader);
          if (refusal.isPresent()) {
            answer(base, response, refusal.get());
            return;
          }
        }
        long length = base.getContentLengthLong();
        if (length > settings.maxBodyBytes()) {
          tooLarge(base, response);
          return;
        }
        base.getHttpInput().addInterceptor(new Limit(settings.maxBodyBytes()));
        super.handle(target, base, request, response);
      } catch (Exception | StackOverflowError e) {
        if (causedBy(e, BodyTooLarge.class)) {
          tooLarge(base, response);
        } else if (causedBy(e, RequestJournalDisabledException.class)) {
          answer(base, response, StubGuard.error(404, "JOURNAL_OFF", "This stub server keeps no request journal:"
              + " it would hold the tokens that requests carry"));
        } else {
          answer(base, response, StubGuard.internalError());
        }
      }
    }

    private StubGuard.Answer admin(HttpServletRequest request) {
      if (settings.adminToken() == null) {
        return StubGuard.notFound();
      }
      String authorization = request.getHeader("Authorization");
      if (authorization == null || authorization.isBlank()) {
        return StubGuard.error(401, "ADMIN_TOKEN_MISSING", "The admin API needs Authorization: Bearer <admin token>");
      }
      if (!bearerMatches(authorization, settings.adminToken())) {
        return StubGuard.error(403, "ADMIN_TOKEN_INVALID", "This is not the admin token of this stub server");
      }
      return null;
    }

    private void tooLarge(Request base, HttpServletResponse response) throws IOException {
      StubGuard.Answer a = StubGuard.tooLarge(settings.maxBodyBytes());
      answer(base, response, new StubGuard.Answer(a.status(), withClose(a.headers()), a.body()));
    }

    private static Map<String, String> withClose(Map<String, String> headers) {
      var out = new java.util.LinkedHashMap<>(headers);
      out.put("Connection", "close");
      return out;
    }

    private static boolean isAdmin(String path) {
      return path.equals(ADMIN) || path.startsWith(ADMIN + "/");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Writes an answer unless the response is already on its way; marks the request handled either way. */
  private static void answer(Request base, HttpServletResponse response, StubGuard.Answer a) throws IOException {
    base.setHandled(true);
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(a.status());
    a.headers().forEach(response::setHeader);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    OutputStream out = response.getOutputStream();
    out.write(body);
    out.flush();
  }

  /** Counts the body as Jetty hands it over and refuses it past the limit (a chunked body has no length). */
  private static final class Limit implements HttpInput.Interceptor {
    private final long max;
    private long read;

    Limit(long max) {
      this.max = max;
    }

    @Override
    public HttpInput.Content readFrom(HttpInput.Content content) {
      if (content != null && content.hasContent()) {
        read += content.remaining();
        if (read > max) {
          throw new BodyTooLarge();
        }
      }
      return content;
    }
  }

  private static final class BodyTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge() {
      super("request body over the limit", null, false, false);
    }
  }

  /** Jetty's error pages (HTML, stack traces) replaced by the guard's short JSON. */
  private static final class PlainErrors extends ErrorHandler {
    PlainErrors() {
      setShowStacks(false);
      setShowServlet(false);
      setShowMessageInTitle(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
      return true; // Jetty's default leaves DELETE, PUT ... with an empty body
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      base.setHandled(true);
      StubGuard.Answer a = of(response.getStatus());
      response.setContentType(a.headers().get("Content-Type"));
      response.setHeader("Cache-Control", "no-store");
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      response.setContentLength(body.length);
      try {
        response.getOutputStream().write(body);
      } catch (IllegalStateException writerInUse) {
        response.getWriter().write(a.body());
      }
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put("Content-Type", "application/json; charset=utf-8");
      return ByteBuffer.wrap(of(status).body().getBytes(StandardCharsets.UTF_8));
    }

    private static StubGuard.Answer of(int status) {
      if (status == 404) {
        return StubGuard.notFound();
      }
      if (status >= 500) {
        return StubGuard.internalError();
      }
      return StubGuard.error(status, "HTTP_" + status, "The stub server refused this request");
    }
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
