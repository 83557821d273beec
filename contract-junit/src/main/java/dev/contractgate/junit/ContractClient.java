package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.junit.internal.Messages;
import dev.contractgate.junit.internal.ProviderStates;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.validate.ObservedResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Calls endpoints of the backend under test as their contract describes them, with the namespace's token,
 * and returns what came back for {@code ContractAssertions.assertThat(response)}.
 *
 * <p>Calls go to the newest contract version of a namespace unless {@link #atVersion} pins another. Each call
 * reads the namespace's token from the environment variable its {@code namespace.yaml} names (for example
 * {@code IVANPIN_API_TOKEN}) and sends it in the namespace's header; the value never appears in
 * {@link #toString()}, in a {@link ContractResponse}, or in any message.
 *
 * <pre>{@code
 * ContractResponse list = client.call("ivanpin", "blog.list");                      // the endpoint's probe
 * ContractResponse post = client.call("ivanpin", "blog.detail",
 *     Map.of("slug", "one-bitrix-two-nextjs"), Map.of("lang", "en"));               // explicit parameters
 * }</pre>
 *
 * <p>Obtain one as a parameter of a test in a {@link ContractTest @ContractTest} class.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractClient {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  private final ContractRegistry registry;
  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final Function<String, String> environment;
  private final Map<String, String> pinned;
  private final ProviderStates states;

  ContractClient(ContractRegistry registry, OkHttpClient http, HttpUrl baseUrl, Function<String, String> environment) {
    this(registry, http, baseUrl, environment, ProviderStates.NONE);
  }

  ContractClient(ContractRegistry registry, OkHttpClient http, HttpUrl baseUrl, Function<String, String> environment,
      ProviderStates states) {
    this(registry, http, baseUrl, environment, Map.of(), states);
  }

  private ContractClient(ContractRegistry registry, OkHttpClient http, HttpUrl baseUrl,
      Function<String, String> environment, Map<String, String> pinned, ProviderStates states) {
    this.registry = registry;
    this.http = http;
    this.baseUrl = baseUrl;
    this.environment = environment;
    this.pinned = Map.copyOf(pinned);
    this.states = states;
  }

  /** The test class's {@code @ProviderState} methods; for the probes of {@link ContractProbes}. */
  ProviderStates states() {
    return states;
  }

  /** The backend this client calls, e.g. {@code http://127.0.0.1:8080}. */
  /** Where this client reads token variables; for the probes of {@link ContractProbes}. */
  Function<String, String> environment() {
    return environment;
  }

  public String baseUrl() {
    return baseUrl.toString();
  }

  /** The contracts this client calls by. */
  public ContractRegistry registry() {
    return registry;
  }

  /**
   * A client that calls a namespace by another contract version than the newest, e.g. the one the deployed
   * backend implements.
   *
   * @throws dev.contractgate.registry.ContractException for an unknown namespace or version, listing the known ones
   */
  public ContractClient atVersion(String namespace, String version) {
    registry.requireVersion(namespace, version);
    Map<String, String> copy = new HashMap<>(pinned);
    copy.put(namespace, version);
    return new ContractClient(registry, http, baseUrl, environment, copy, states);
  }

  /**
   * Sends the endpoint's probe (path parameters, query and body from {@code endpoints.yaml}).
   *
   * @throws IllegalArgumentException when the endpoint has path parameters but no probe to fill them
   * @throws UncheckedIOException when the backend cannot be reached or does not answer in time
   */
  public ContractResponse call(String namespace, String endpointId) {
    return request(namespace, endpointId).send();
  }

  /**
   * A call of the endpoint that starts from its probe (path parameters, query, body and provider state from
   * {@code endpoints.yaml}) and can add to it before {@link Request#send() send()}:
   *
   * <pre>{@code
   * ContractResponse r = client.request("wgp", "feedback.send")
   *     .header("X-Request-Id", "t-1")
   *     .query("lang", "en")
   *     .body("{\"name\": \"Ann\", \"text\": \"hi\"}")
   *     .send();
   * }</pre>
   *
   * @throws dev.contractgate.registry.ContractException for an unknown namespace, version or endpoint
   */
  public Request request(String namespace, String endpointId) {
    return new Request(target(namespace, endpointId));
  }

  /**
   * Calls the endpoint with these path parameters and query instead of its probe's (the probe's body, if
   * any, is still sent).
   *
   * @param pathParams a value for each {@code {name}} in the endpoint's path
   * @param query query parameters, in iteration order
   * @throws IllegalArgumentException when a path parameter is missing
   * @throws UncheckedIOException when the backend cannot be reached or does not answer in time
   */
  public ContractResponse call(String namespace, String endpointId, Map<String, String> pathParams,
      Map<String, String> query) {
    Objects.requireNonNull(pathParams, "pathParams");
    Objects.requireNonNull(query, "query");
    Target t = target(namespace, endpointId);
    return send(t, pathParams, query, t.endpoint.probe().flatMap(Endpoint.Probe::body).map(Object::toString)
        .orElse(null), Map.of());
  }

  /**
   * One call being put together: the probe's values, then what the test adds or replaces. Header values the
   * test sets under a secret name (the namespace's token header, {@code Authorization}, {@code Cookie}, or a
   * name with {@code token}, {@code secret}, {@code key} or {@code session}) are masked like the token.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public final class Request {
    private final Target target;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private boolean withState = true;

    private Request(Target target) {
      this.target = target;
      Optional<Endpoint.Probe> probe = target.endpoint.probe();
      this.pathParams = new LinkedHashMap<>(probe.map(Endpoint.Probe::pathParams).orElse(Map.of()));
      this.query = new LinkedHashMap<>(probe.map(Endpoint.Probe::query).orElse(Map.of()));
      this.body = probe.flatMap(Endpoint.Probe::body).map(Object::toString).orElse(null);
    }

    /** Sets a header, in addition to the token and {@code Accept}; a second call with the name replaces it. */
    public Request header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets a query parameter, replacing the probe's of the same name. */
    public Request query(String name, String value) {
      query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets a path parameter ({@code {name}} in the endpoint's path), replacing the probe's. */
    public Request pathParam(String name, String value) {
      pathParams.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The JSON request body, replacing the probe's. */
    public Request body(String json) {
      this.body = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Do not run the probe's provider state before this call (it is already set up). */
    public Request withoutState() {
      this.withState = false;
      return this;
    }

    /**
     * Sends it: first the probe's provider state, if it declares one, then the request.
     *
     * @throws IllegalArgumentException when a path parameter is missing
     * @throws IllegalStateException when the probe's state has no {@code @ProviderState} method
     * @throws UncheckedIOException when the backend cannot be reached or does not answer in time
     */
    public ContractResponse send() {
      if (withState) {
        target.endpoint.probe().flatMap(Endpoint.Probe::state).ifPresent(states::setUp);
      }
      return ContractClient.this.send(target, pathParams, query, body, headers);
    }
  }

  private record Target(Namespace namespace, ContractVersion version, Endpoint endpoint) {}

  private Target target(String namespace, String endpointId) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(endpointId, "endpointId");
    Namespace ns = registry.requireNamespace(namespace);
    ContractVersion v = pinned.containsKey(namespace)
        ? registry.requireVersion(namespace, pinned.get(namespace)) : registry.latest(namespace);
    return new Target(ns, v, registry.requireEndpoint(v, endpointId));
  }

  private ContractResponse send(Target t, Map<String, String> pathParams, Map<String, String> query, String body,
      Map<String, String> extraHeaders) {
    String label = t.version.label() + " " + t.endpoint.id();
    HttpUrl.Builder url = baseUrl.newBuilder();
    String template = t.endpoint.fullPath(t.namespace.basePath());
    for (String segment : template.substring(1).split("/", -1)) {
      url.addPathSegment(fill(segment, pathParams, label, template));
    }
    query.forEach(url::addQueryParameter);
    HttpUrl full = url.build();
    String method = t.endpoint.method();
    RequestBody requestBody = body != null ? RequestBody.create(body, JSON)
        : method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? RequestBody.create("", JSON) : null;
    okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(full).method(method, requestBody)
        .header("Accept", "application/json")
        .header("User-Agent", "contract-gate-junit");
    List<String> secrets = new ArrayList<>();
    if (t.namespace.auth().isPresent()) {
      Namespace.Auth auth = t.namespace.auth().get();
      String token = environment.apply(auth.tokenEnv());
      if (token == null || token.isBlank()) {
        throw new ExtensionConfigurationException(Messages.of(
            "Cannot call " + label + ": the token of namespace " + t.namespace.id() + " is not set",
            "the environment variable " + auth.tokenEnv() + " holding the " + auth.header() + " token of "
                + t.namespace.id(),
            "not set",
            "export " + auth.tokenEnv() + "=... for the test JVM (for Maven Surefire: <environmentVariables>), or"
                + " pass ContractExtension.builder().environment(...); the value is never printed; see "
                + Messages.DOCS));
      }
      int bad = dev.contractgate.gate.LiveGate.Builder.invalidHeaderChar(token);
      if (bad >= 0) {
        // OkHttp would refuse the header and print the whole value in its message.
        throw new ExtensionConfigurationException(Messages.of(
            "Cannot call " + label + ": the token of namespace " + t.namespace.id() + " cannot be sent",
            "printable ASCII characters in " + auth.tokenEnv(),
            "a character that cannot go into an HTTP header at position " + (bad + 1) + " (value not shown)",
            "remove the trailing newline or other control characters from " + auth.tokenEnv()));
      }
      secrets.add(token);
      request.header(auth.header(), token);
    }
    for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
      if (dev.contractgate.gate.LiveGate.Builder.invalidHeaderChar(h.getValue()) >= 0) {
        throw new IllegalArgumentException("Cannot call " + label + ": the value of header " + h.getKey()
            + " holds a character that cannot go into an HTTP header (value not shown)");
      }
      if (secretHeader(h.getKey(), t.namespace)) {
        secrets.add(h.getValue());
      }
      request.header(h.getKey(), h.getValue());
    }
    String display = method + " " + full.encodedPath() + (full.encodedQuery() == null ? "" : "?" + full.encodedQuery());
    long limit = registry.policy().limits().maxBodyBytes();
    try (Response response = http.newCall(request.build()).execute()) {
      BufferedSource source = response.body().source();
      // One byte past the limit is enough for the validator to report body.too-large.
      source.request(limit + 1);
      long size = source.getBuffer().size();
      String text = source.getBuffer().readString(Math.min(size, limit + 1), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : new TreeSet<>(response.headers().names())) {
        headers.put(name, response.headers(name));
      }
      return new ContractResponse(registry, t.version, t.endpoint, display,
          new ObservedResponse(response.code(), headers, text), secrets);
    } catch (IOException e) {
      throw new UncheckedIOException(Messages.of(
          "Cannot call " + label + " (" + display + ")",
          "a response from the backend at " + baseUrl,
          describe(e),
          e instanceof InterruptedIOException
              ? "make the backend answer faster, or raise contract.timeout; see " + Messages.DOCS
              : "start the backend, or point contract.baseUrl at it; see " + Messages.DOCS), e);
    }
  }

  private static boolean secretHeader(String name, Namespace ns) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return ns.auth().map(a -> a.header().equalsIgnoreCase(name)).orElse(false) || n.equals("authorization")
        || n.equals("cookie") || n.equals("proxy-authorization") || n.contains("token") || n.contains("secret")
        || n.contains("key") || n.contains("session");
  }

  private static String fill(String segment, Map<String, String> params, String label, String template) {
    Matcher m = PARAM.matcher(segment);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(Messages.of(
            "Cannot call " + label + ": no value for path parameter {" + m.group(1) + "}",
            "a value for every parameter of " + template,
            "path parameters " + new TreeSet<>(params.keySet()),
            "pass Map.of(\"" + m.group(1) + "\", \"...\") as pathParams, or declare a probe in endpoints.yaml"));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof InterruptedIOException) {
      return "no response in time (" + e.getMessage() + ")";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** The base URL and the contracts; never a token. */
  @Override
  public String toString() {
    return "ContractClient[baseUrl=" + baseUrl + ", contracts=" + registry.origin()
        + (pinned.isEmpty() ? "" : ", versions=" + new java.util.TreeMap<>(pinned)) + "]";
  }
}
