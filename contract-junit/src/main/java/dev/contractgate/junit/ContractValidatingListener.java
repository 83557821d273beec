package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.stub.StubPlan;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock extension that checks every response WireMock serves or proxies against the contract: the
 * request is matched to an endpoint by method and path template, and the response is validated against
 * that endpoint. Requests that match no endpoint are listed in {@link #unmatched()}, not failed.
 *
 * <p>Register it with WireMock, and also with JUnit to fail each test that saw a violating response:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ContractValidatingListener contract = ContractValidatingListener.of(registry, "ivanpin", "1.2.0");
 *
 * @RegisterExtension
 * static WireMockExtension backend = WireMockExtension.newInstance()
 *     .options(wireMockConfig().dynamicPort().extensions(contract))
 *     .build();
 * }</pre>
 *
 * <p>As a JUnit extension it forgets earlier responses before each test and calls
 * {@link #assertNoViolations()} after it. Without JUnit, call those two yourself.
 *
 * <p>Needs {@code org.wiremock:wiremock-standalone} on the test classpath.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractValidatingListener implements ServeEventListener, BeforeEachCallback, AfterEachCallback {

  private record Route(ContractVersion version, Endpoint endpoint, Pattern path, int parameters) {}

  private record Checked(String request, ValidationResult result) {}

  private final ContractRegistry registry;
  private final List<Route> routes;
  private final ConcurrentLinkedQueue<Checked> checked = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> unmatched = new ConcurrentLinkedQueue<>();

  private ContractValidatingListener(ContractRegistry registry, List<ContractVersion> versions) {
    this.registry = registry;
    List<Route> r = new ArrayList<>();
    for (ContractVersion v : versions) {
      Namespace ns = registry.requireNamespace(v.namespace());
      for (Endpoint e : v.endpoints()) {
        String template = e.fullPath(ns.basePath());
        r.add(new Route(v, e, Pattern.compile(StubPlan.pathRegex(template)), template.split("\\{", -1).length - 1));
      }
    }
    // A literal path (services/catalog.php) must win over a template that also matches it (services/{code}).
    r.sort(Comparator.comparingInt(Route::parameters));
    this.routes = List.copyOf(r);
  }

  /** Checks against the newest version of every namespace. */
  public static ContractValidatingListener of(ContractRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return new ContractValidatingListener(registry,
        registry.namespaces().stream().map(ns -> registry.latest(ns.id())).toList());
  }

  /** Checks against one version of one namespace. */
  public static ContractValidatingListener of(ContractRegistry registry, String namespace, String version) {
    Objects.requireNonNull(registry, "registry");
    return new ContractValidatingListener(registry, List.of(registry.requireVersion(namespace, version)));
  }

  @Override
  public String getName() {
    return "contract-gate-validating-listener";
  }

  // Before the response is sent rather than after: the test's HTTP client returns as soon as it has the
  // response, and assertNoViolations() must already see it then.
  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    LoggedRequest request = serveEvent.getRequest();
    LoggedResponse response = serveEvent.getResponse();
    if (request == null || response == null || response.getFault() != null) {
      return;
    }
    String url = request.getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String method = request.getMethod().getName();
    String line = method + " " + url;
    for (Route route : routes) {
      if (route.endpoint.method().equals(method) && route.path.matcher(path).matches()) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
          for (HttpHeader h : response.getHeaders().all()) {
            headers.put(h.key(), h.values());
          }
        }
        String body = body(response);
        ValidationResult result = ResponseValidator.of(registry).validate(route.version, route.endpoint,
            new ObservedResponse(response.getStatus(), headers, body));
        checked.add(new Checked(line, result));
        return;
      }
    }
    unmatched.add(line);
  }

  // A proxied response is logged as the origin sent it, gzip included; the contract is about the JSON inside.
  private static String body(LoggedResponse response) {
    byte[] bytes = response.getBody();
    if (bytes == null) {
      return "";
    }
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        // Not gzip after all: validate the bytes as they are, which reports body.not-json.
      }
    }
    Charset charset = response.getCharset() == null ? StandardCharsets.UTF_8 : response.getCharset();
    return new String(bytes, charset);
  }

  /** Every response checked since the last {@link #reset()}, in the order served. */
  public List<ValidationResult> results() {
    return checked.stream().map(Checked::result).toList();
  }

  /** The checked responses that violate their contract. */
  public List<ValidationResult> violations() {
    return checked.stream().map(Checked::result).filter(r -> !r.isValid()).toList();
  }

  /** {@code GET /path?query} of requests that matched no endpoint of the checked versions. */
  public List<String> unmatched() {
    return List.copyOf(unmatched);
  }

  /** Forgets everything checked so far. */
  public void reset() {
    checked.clear();
    unmatched.clear();
  }

  /**
   * Fails when any checked response violated its contract, with one block per response in the shape of
   * {@link ValidationResult#render()}.
   */
  public void assertNoViolations() {
    List<Checked> bad = checked.stream().filter(c -> !c.result.isValid()).toList();
    if (bad.isEmpty()) {
      return;
    }
    int total = checked.size();
    StringBuilder b = new StringBuilder("WireMock served ").append(bad.size())
        .append(bad.size() == 1 ? " response that does not match its contract" : " responses that do not match their contracts")
        .append(" (of ")
        .append(total).append(" checked)");
    for (Checked c : bad) {
      b.append("\n\n--- ").append(c.request).append('\n').append(c.result.render());
    }
    throw new AssertionError(b.toString());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    assertNoViolations();
  }

  @Override
  public String toString() {
    return "ContractValidatingListener[" + checked.size() + " checked, " + violations().size() + " violating, "
        + unmatched.size() + " unmatched]";
  }
}
