package dev.contractgate.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import dev.contractgate.stub.StubGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The Jetty side of {@link EmbeddedBackend}: WireMock's server with the guard in front of its handlers, plain
 * error pages in place of Jetty's and WireMock's, a body limit counted as Jetty reads, and no CORS on admin.
 */
final class StubJetty {

  private StubJetty() {}

  /** WireMock's Jetty server with the guard around its handlers, plain error pages and no CORS on admin. */
  static Jetty11HttpServer guarded(Options opts, AdminRequestHandler admin, StubRequestHandler stub,
      StubGuard guard, EmbeddedBackend.Settings settings) {
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
    private final EmbeddedBackend.Settings settings;

    Gate(StubGuard guard, EmbeddedBackend.Settings settings) {
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
          if (request.getMethod().equals("POST") && (path.equals(EmbeddedBackend.ADMIN + "/shutdown")
              || path.equals(EmbeddedBackend.ADMIN + "/shutdown/"))) {
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
      if (!EmbeddedBackend.bearerMatches(authorization, settings.adminToken())) {
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
      return path.equals(EmbeddedBackend.ADMIN) || path.startsWith(EmbeddedBackend.ADMIN + "/");
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
}
