package dev.contractgate.stub;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a stub server answers before (or instead of) a {@link Stub}, independent of the HTTP server: the
 * namespace's refusal for a request without its token, 403 for a token other than the configured one, and
 * 400 for a request body that breaks the endpoint's request schema; plus the plain answers a server gives for
 * an unknown path (404), an oversized body (413) and its own failures (500).
 *
 * <p>Every answer is a short JSON object {@code {"error": {"code": ..., "message": ...}}}, the shape of the
 * example contracts' error bodies. No answer contains a token value, the value a header is expected to have,
 * the list of stubs, or a stack trace.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StubGuard {

  /** Violations listed in a 400 answer at most; the rest are counted. */
  public static final int MAX_VIOLATIONS = 20;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

  /**
   * One answer of a stub server.
   *
   * @param status the HTTP status
   * @param headers response headers
   * @param body the body (JSON text)
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Answer(int status, Map<String, String> headers, String body) {
    public Answer {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      Objects.requireNonNull(body, "body");
    }
  }

  private record Route(Stub stub, Pattern path) {
    boolean matches(String method, String p) {
      return (stub.method().equals("ANY") || stub.method().equalsIgnoreCase(method)) && path.matcher(p).matches();
    }
  }

  private final List<Route> endpoints;
  private final List<Route> refusals;
  private final Map<String, String> tokenHeaders;
  private final Function<String, String> tokens;
  private final Map<Stub, SourceLocation> requestBodies;
  private final ResponseValidator validator;

  private StubGuard(List<Route> endpoints, List<Route> refusals, Map<String, String> tokenHeaders,
      Function<String, String> tokens, Map<Stub, SourceLocation> requestBodies, ResponseValidator validator) {
    this.endpoints = endpoints;
    this.refusals = refusals;
    this.tokenHeaders = tokenHeaders;
    this.tokens = tokens;
    this.requestBodies = requestBodies;
    this.validator = validator;
  }

  /**
   * A guard for these stubs (as {@link StubPlan#of} and {@link StubPlan#refusal} build them).
   *
   * @param tokens the token value per namespace id; a namespace without one (null or blank) accepts any
   *     non-empty token
   */
  public static StubGuard of(List<Stub> stubs, Function<String, String> tokens) {
    List<Route> endpoints = new ArrayList<>();
    List<Route> refusals = new ArrayList<>();
    Map<String, String> headers = new HashMap<>();
    for (Stub s : stubs) {
      Route r = new Route(s, Pattern.compile(s.pathRegex()));
      if (s.endpoint().equals("*")) {
        refusals.add(r);
      } else {
        endpoints.add(r);
        s.tokenHeader().ifPresent(h -> headers.putIfAbsent(s.namespace(), h));
      }
    }
    return new StubGuard(List.copyOf(endpoints), List.copyOf(refusals), Map.copyOf(headers),
        Objects.requireNonNull(tokens, "tokens"), Map.of(), null);
  }

  /**
   * This guard, also checking request bodies: a stub whose endpoint declares a request body schema in
   * {@code registry} answers only bodies that validate against it.
   */
  public StubGuard checkingRequestBodies(ContractRegistry registry) {
    Map<Stub, SourceLocation> schemas = new HashMap<>();
    for (Route r : endpoints) {
      Stub s = r.stub();
      try {
        ContractVersion v = registry.requireVersion(s.namespace(), s.version());
        v.endpoint(s.endpoint()).map(Endpoint::request).flatMap(Endpoint.Request::body)
            .ifPresent(schema -> schemas.put(s, schema));
      } catch (ContractException e) {
        // A stub that is not from this tree has no request contract to check.
      }
    }
    return new StubGuard(endpoints, refusals, tokenHeaders, tokens, Map.copyOf(schemas),
        ResponseValidator.of(registry));
  }

  /**
   * The answer to a request before its body is read: the namespace's refusal when the token header is
   * missing or blank, 403 when it differs from the configured token, or empty when the request may go on to
   * the stubs. A stub that answers without a token ({@link Stub#withoutTokenCheck}) is let through.
   *
   * @param path the request path as received (percent-encoded); its decoded form, with and without dot
   *     segments, is checked too, so that no spelling of a path leaves its namespace
   * @param header the first value of a request header, or null
   */
  public Optional<Answer> beforeBody(String method, String path, Function<String, String> header) {
    Optional<Stub> open = stubFor(method, path).filter(s -> s.tokenHeader().isEmpty());
    if (open.isPresent()) {
      return Optional.empty();
    }
    Set<String> forms = new LinkedHashSet<>();
    forms.add(path);
    forms.add(decodePath(path));
    forms.add(withoutDotSegments(decodePath(path)));
    for (String ns : namespacesOf(forms)) {
      String name = tokenHeaders.get(ns);
      if (name == null) {
        continue;
      }
      String sent = header.apply(name);
      if (sent == null || sent.isBlank()) {
        return Optional.of(refusal(ns, name));
      }
      String expected = tokens.apply(ns);
      if (expected != null && !expected.isBlank() && !same(sent, expected)) {
        return Optional.of(error(403, "TOKEN_INVALID",
            name + " is not the token this stub server was started with"));
      }
    }
    return Optional.empty();
  }

  /** The first stub (in the order given) that answers this method and path, as received. */
  public Optional<Stub> stubFor(String method, String path) {
    for (Route r : endpoints) {
      if (r.matches(method, path)) {
        return Optional.of(r.stub());
      }
    }
    return Optional.empty();
  }

  /** Whether {@link #checkBody} validates the bodies sent to this stub. */
  public boolean checksBody(Stub stub) {
    return requestBodies.containsKey(stub);
  }

  /**
   * A 400 answer listing the violations when {@code body} breaks the request body schema of the stub's
   * endpoint; empty when it conforms or the endpoint declares no request body.
   */
  public Optional<Answer> checkBody(Stub stub, String body) {
    SourceLocation schema = requestBodies.get(stub);
    if (schema == null) {
      return Optional.empty();
    }
    List<Violation> violations = validator.validateBody(schema, body == null ? "" : body);
    if (violations.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode error = NODES.objectNode();
    error.put("code", "REQUEST_INVALID");
    error.put("message", "The request body does not match the request schema of " + stub.namespace() + "@"
        + stub.version() + " " + stub.endpoint() + " (" + violations.size()
        + (violations.size() == 1 ? " violation)" : " violations)"));
    ArrayNode list = error.putArray("violations");
    for (Violation v : violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size()))) {
      ObjectNode o = list.addObject();
      o.put("pointer", v.instancePointer());
      o.put("expected", redact(v.expected()));
      o.put("butWas", redact(v.actual()));
      o.put("rule", v.rule());
      v.schemaLocation().ifPresent(l -> o.put("schema", l.toString()));
    }
    if (violations.size() > MAX_VIOLATIONS) {
      error.put("more", violations.size() - MAX_VIOLATIONS);
    }
    ObjectNode root = NODES.objectNode();
    root.set("error", error);
    return Optional.of(new Answer(400, JSON, root.toString()));
  }

  /** 404 for a method and path no stub answers. */
  public static Answer notFound() {
    return error(404, "NOT_FOUND", "No stub answers this method and path");
  }

  /** 413 for a request body over the limit. */
  public static Answer tooLarge(long maxBytes) {
    return error(413, "BODY_TOO_LARGE", "The request body is larger than " + maxBytes + " bytes");
  }

  /** 500 for a failure of the stub server itself; the details stay out of the answer. */
  public static Answer internalError() {
    return error(500, "INTERNAL", "The stub server could not answer this request");
  }

  /** A plain JSON error answer: {@code {"error": {"code": code, "message": message}}}. */
  public static Answer error(int status, String code, String message) {
    ObjectNode error = NODES.objectNode();
    error.put("code", code);
    error.put("message", message);
    ObjectNode root = NODES.objectNode();
    root.set("error", error);
    return new Answer(status, JSON, root.toString());
  }

  private Answer refusal(String namespace, String header) {
    for (Route r : refusals) {
      if (r.stub().namespace().equals(namespace)) {
        return new Answer(r.stub().status(), r.stub().headers(), r.stub().body());
      }
    }
    return error(401, "TOKEN_MISSING", header + " required");
  }

  private List<String> namespacesOf(Set<String> paths) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      for (Route r : refusals) {
        if (r.path().matcher(p).matches() && !out.contains(r.stub().namespace())) {
          out.add(r.stub().namespace());
        }
      }
      for (Route r : endpoints) {
        if (r.stub().tokenHeader().isPresent() && r.path().matcher(p).matches()
            && !out.contains(r.stub().namespace())) {
          out.add(r.stub().namespace());
        }
      }
    }
    return out;
  }

  /** Masks every configured token value, in case a client sent one in a body field that is echoed back. */
  private String redact(String text) {
    String out = text;
    for (String ns : tokenHeaders.keySet()) {
      String token = tokens.apply(ns);
      if (token != null && !token.isBlank()) {
        out = out.replace(token, "(redacted)");
      }
    }
    return out;
  }

  private static boolean same(String sent, String expected) {
    return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** The path with {@code .} and {@code ..} segments resolved (RFC 3986, 5.2.4). */
  static String withoutDotSegments(String path) {
    if (!path.contains(".")) {
      return path;
    }
    List<String> out = new ArrayList<>();
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean last = i == segments.length - 1;
      if (seg.equals(".") || seg.equals("..")) {
        if (seg.equals("..") && out.size() > 1) {
          out.remove(out.size() - 1);
        }
        if (last) {
          out.add("");
        }
      } else {
        out.add(seg);
      }
    }
    return String.join("/", out);
  }

  /** Percent-decodes a path (UTF-8; {@code +} stays a plus); the path itself when it does not decode. */
  static String decodePath(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); ) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()
          && Character.digit(path.charAt(i + 1), 16) >= 0 && Character.digit(path.charAt(i + 2), 16) >= 0) {
        bytes.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
        i += 3;
      } else {
        int cp = path.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return path;
    }
  }
}
