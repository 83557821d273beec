package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a recording must never hold, applied when an exchange is captured or read: values of secret headers,
 * cookie values (cookie <em>names</em> are kept: drift checks them), and the values of named JSON fields in
 * bodies and query strings.
 *
 * <p>Redacted values become {@value #MASK}. Header and field names compare case-insensitively. Immutable:
 * the {@code with...} methods return a new instance.
 *
 * <pre>{@code
 * Redaction r = Redaction.defaults().forRegistry(registry).withFields("iban");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Redaction {

  /** What a redacted value becomes. */
  public static final String MASK = "[redacted]";

  /** Headers whose values are always redacted. */
  public static final Set<String> DEFAULT_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /** JSON field and query parameter names whose values are redacted by default. */
  public static final Set<String> DEFAULT_FIELDS = Set.of(
      "password", "passwd", "secret", "token", "access_token", "accesstoken", "refresh_token", "refreshtoken",
      "api_key", "apikey", "email", "phone");

  private final Set<String> headers;
  private final Set<String> fields;
  /** Bit {@code n} set when a redacted field name has {@code n} characters (for names shorter than 64). */
  private final long fieldLengths;

  private Redaction(Set<String> headers, Set<String> fields) {
    this.headers = headers;
    this.fields = fields;
    long lengths = 0;
    for (String f : fields) {
      lengths |= f.length() < 64 ? 1L << f.length() : 0;
    }
    this.fieldLengths = lengths;
  }

  /** Secret headers and the default field names ({@link #DEFAULT_HEADERS}, {@link #DEFAULT_FIELDS}). */
  public static Redaction defaults() {
    return new Redaction(lower(DEFAULT_HEADERS), lower(DEFAULT_FIELDS));
  }

  /** Only the secret headers, no body fields. */
  public static Redaction headersOnly() {
    return new Redaction(lower(DEFAULT_HEADERS), Set.of());
  }

  /** Also redacts each namespace's token header ({@code auth.header} in {@code namespace.yaml}). */
  public Redaction forRegistry(ContractRegistry registry) {
    Set<String> h = new TreeSet<>(headers);
    for (Namespace ns : registry.namespaces()) {
      ns.auth().ifPresent(a -> h.add(a.header().toLowerCase(Locale.ROOT)));
    }
    return new Redaction(Set.copyOf(h), fields);
  }

  /** Also redacts these headers. */
  public Redaction withHeaders(Collection<String> names) {
    Set<String> h = new TreeSet<>(headers);
    h.addAll(lower(names));
    return new Redaction(Set.copyOf(h), fields);
  }

  /** Also redacts these JSON field names (in bodies, at any depth) and query parameters. */
  public Redaction withFields(Collection<String> names) {
    Set<String> f = new TreeSet<>(fields);
    f.addAll(lower(names));
    return new Redaction(headers, Set.copyOf(f));
  }

  /** The secret header names, lower case, sorted. */
  public List<String> headers() {
    return headers.stream().sorted().toList();
  }

  /** The redacted field names, lower case, sorted. */
  public List<String> fields() {
    return fields.stream().sorted().toList();
  }

  /** True when the header's values are secret. */
  public boolean isSecretHeader(String name) {
    return headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * One header value as it may be recorded: {@code Set-Cookie} keeps the cookie name and attributes
   * ({@code IVANPIN_SESSID=[redacted]; Path=/; HttpOnly}), {@code Cookie} keeps the names, other secret
   * headers become {@value #MASK}.
   */
  public String header(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("set-cookie")) {
      int semi = value.indexOf(';');
      String pair = semi < 0 ? value : value.substring(0, semi);
      String rest = semi < 0 ? "" : value.substring(semi);
      int eq = pair.indexOf('=');
      return (eq < 0 ? pair.trim() : pair.substring(0, eq).trim()) + "=" + MASK + rest;
    }
    if (n.equals("cookie")) {
      StringBuilder b = new StringBuilder();
      for (String part : value.split(";")) {
        int eq = part.indexOf('=');
        if (b.length() > 0) {
          b.append("; ");
        }
        b.append(eq < 0 ? part.trim() : part.substring(0, eq).trim()).append('=').append(MASK);
      }
      return b.toString();
    }
    return headers.contains(n) ? MASK : value;
  }

  /**
   * The body with the values of redacted fields replaced, at any depth. A body that is not JSON, or holds
   * none of the fields, is returned as it is (same text, same formatting).
   */
  public String body(String body) {
    if (fields.isEmpty() || body.isEmpty() || !mayContainField(body)) {
      return body;
    }
    JsonNode tree;
    try {
      // Jackson's shared mapper, built on first use: every run's secret scan touches this class, and a
      // mapper of its own cost ~0.1 s of CPU at start (issue 15, docs/benchmarks.md).
      tree = JsonMapper.shared().readTree(body);
    } catch (JacksonException e) {
      return body;
    }
    if (tree == null || !tree.isContainer() || !redact(tree)) {
      return body;
    }
    return JsonMapper.shared().writeValueAsString(tree);
  }

  /** A parsed body with the redacted fields replaced in place; returns true when anything changed. */
  public boolean redact(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        if (isField(e.getKey())) {
          if (!(e.getValue().isString() && MASK.equals(e.getValue().stringValue()))) {
            e.setValue(o.stringNode(MASK));
            changed = true;
          }
        } else {
          changed |= redact(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode child : a) {
        changed |= redact(child);
      }
    }
    return changed;
  }

  /**
   * {@code fields.contains(key.toLowerCase(Locale.ROOT))} without a new string per key: drift checks every
   * key of every body, and lower-casing them was most of the masking's cost (benchmarks/, issue #7).
   */
  private boolean isField(String key) {
    int n = key.length();
    boolean upper = false;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        return fields.contains(key.toLowerCase(Locale.ROOT));
      }
      upper |= c >= 'A' && c <= 'Z';
    }
    // ASCII from here on: lower case is the same length, A-Z become a-z.
    if (n < 64 && (fieldLengths & (1L << n)) == 0) {
      return false;
    }
    if (!upper) {
      return fields.contains(key);
    }
    next:
    for (String f : fields) {
      if (f.length() != n) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        char c = key.charAt(i);
        if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != f.charAt(i)) {
          continue next;
        }
      }
      return true;
    }
    return false;
  }

  /** Path and query with the values of redacted query parameters replaced. */
  public String target(String target) {
    int q = target.indexOf('?');
    if (q < 0 || fields.isEmpty()) {
      return target;
    }
    StringBuilder b = new StringBuilder(target.substring(0, q + 1));
    String[] params = target.substring(q + 1).split("&", -1);
    for (int i = 0; i < params.length; i++) {
      if (i > 0) {
        b.append('&');
      }
      String p = params[i];
      int eq = p.indexOf('=');
      String name = java.net.URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
      if (eq >= 0 && (fields.contains(name.toLowerCase(Locale.ROOT)) || headers.contains(name.toLowerCase(Locale.ROOT)))) {
        b.append(p, 0, eq + 1).append("%5Bredacted%5D");
      } else {
        b.append(p);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Secret values: learning them from an exchange, and masking them wherever they appear
  // ---------------------------------------------------------------------------------------------------------

  /**
   * Secrets of at least this many characters are masked wherever they occur; shorter ones only where they
   * stand as a whole value (see {@link #maskSecrets}).
   */
  public static final int MIN_SECRET = 4;
  /** Cookie and query parameter values shorter than this are not learned as secrets (there is no secret in them). */
  public static final int MIN_LEARNED = 4;
  /**
   * What the readers scrub: cut prefixes of a secret shorter than this stay (an echo cut by the backend
   * itself); every report cut is masked by the command's own redaction, whatever the length.
   */
  static final int MIN_ECHO_CUT = 8;
  /** Pieces shown after an ellipsis ({@code "... abcd"}: a snippet window) count from this many characters. */
  static final int MIN_SNIPPET = 4;

  /**
   * Replaces every occurrence of the secret values with {@value #MASK}, as the recorder and the readers do
   * with echoes: secrets of {@value #MIN_SECRET} characters and more wherever they occur, shorter ones where
   * they stand as a whole value, and values cut before an ellipsis when at least {@value #MIN_ECHO_CUT}
   * characters of the secret are left.
   */
  public static String scrub(String text, Collection<String> secrets) {
    return Masking.mask(text, secrets, MASK, MIN_ECHO_CUT);
  }

  /**
   * {@code text} with the user-info of every URL in it replaced by {@code mask}, whether or not it was
   * learnt as a secret ({@code https://user:pw@host} → {@code https://***@host}).
   */
  public static String maskUrlUserInfo(String text, String mask) {
    return dev.contractgate.registry.Refs.maskUserInfo(text, mask);
  }

  /**
   * Replaces every secret value in {@code text} with {@code mask}: the one mechanism behind the command's
   * output and the JUnit failure messages. What is masked:
   *
   * <ul>
   *   <li>every occurrence of a secret of {@value #MIN_SECRET} characters or more, overlapping and repeated
   *       ones included (masked runs that touch become one mask);
   *   <li>a shorter secret where it stands as a whole value: neither the character before nor the one after
   *       is a letter or digit ({@code "ab"}, {@code Bearer ab}, {@code sid=ab;}, not {@code tab});
   *   <li>a value cut before an ellipsis ({@code ...} or {@code …}, as messages truncate long values) that
   *       ends in the first characters of a secret, however few, with the ellipsis;
   *   <li>a snippet after an ellipsis that starts with the last {@value #MIN_SNIPPET} or more characters of a
   *       secret, or, between two ellipses, a piece of {@value #MIN_SNIPPET} or more characters from inside one.
   * </ul>
   *
   * <p>A secret that spans several lines is also masked line by line. Callers that print encoded text mask
   * the {@link Secrets#encodings} of each secret too.
   *
   * @param secrets the values; null and empty ones are ignored
   */
  public static String maskSecrets(String text, Collection<String> secrets, String mask) {
    return Masking.mask(text, secrets, mask, 1);
  }

  /**
   * The secret values one request or response header carries: a secret header's value and, for
   * {@code Bearer abc}, the credential alone ({@code Basic} credentials also decoded, and their password);
   * the value of each cookie in {@code Cookie} and of {@code Set-Cookie} (from {@value #MIN_LEARNED}
   * characters). Values this redaction already masked are not secrets.
   */
  public void learnHeader(String name, String value, Collection<String> into) {
    if (value == null || value.isBlank()) {
      return;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("cookie")) {
      for (String part : value.split(";")) {
        int eq = part.indexOf('=');
        Secrets.learnCookie(eq < 0 ? part : part.substring(eq + 1), into);
      }
    } else if (n.equals("set-cookie")) {
      int semi = value.indexOf(';');
      String pair = semi < 0 ? value : value.substring(0, semi);
      int eq = pair.indexOf('=');
      Secrets.learnCookie(eq < 0 ? pair : pair.substring(eq + 1), into);
    } else if (headers.contains(n)) {
      Secrets.learnCredential(value, into);
    }
  }

  /**
   * The secrets a URL or a request target carries: its user-info ({@code https://user:pw@host/}) and the
   * values of query parameters this redaction masks (the field and header names, e.g. {@code token}).
   */
  public void learnUrl(String url, Collection<String> into) {
    if (url == null) {
      return;
    }
    Secrets.userInfo(url).ifPresent(u -> Secrets.learnUserInfo(u, into));
    int q = url.indexOf('?');
    if (q < 0) {
      return;
    }
    int hash = url.indexOf('#', q);
    for (String p : url.substring(q + 1, hash < 0 ? url.length() : hash).split("&")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        learnQuery(Secrets.decode(p.substring(0, eq)), p.substring(eq + 1), into);
      }
    }
  }

  /** The value of a query parameter whose name this redaction masks, raw and decoded, from {@value #MIN_LEARNED}. */
  public void learnQuery(String name, String value, Collection<String> into) {
    if (value == null || value.length() < MIN_LEARNED || Secrets.masked(value) || value.equals("%5Bredacted%5D")) {
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (fields.contains(lower) || headers.contains(lower)) {
      into.add(value);
      String decoded = Secrets.decode(value);
      if (!decoded.equals(value)) {
        into.add(decoded);
      }
    }
  }

  /**
   * The secrets an exchange carries in its own response and target: values of secret response headers and
   * {@code Set-Cookie} values (those not masked already), the user-info of an absolute target, and values of
   * secret query parameters. Cheap when there are none (the usual recorder line).
   */
  public List<String> secretsIn(RecordedExchange e) {
    List<String> out = new java.util.ArrayList<>(0);
    for (Map.Entry<String, List<String>> h : e.headers().entrySet()) {
      if (headers.contains(h.getKey())) {
        for (String v : h.getValue()) {
          learnHeader(h.getKey(), v, out);
        }
      }
    }
    String t = e.target();
    if (t.indexOf('?') >= 0 || t.indexOf('@') >= 0) {
      learnUrl(t, out);
    }
    return out;
  }

  /**
   * The exchange with every echo of a secret masked in its target, header values and body: the given
   * request secrets and those {@link #secretsIn} finds. Returns {@code e} itself when there is nothing to
   * mask. A JSON body is masked value by value (keys too), so it stays JSON: a string that holds a secret has
   * it replaced, a number that is one becomes {@code "[redacted]"}.
   */
  public RecordedExchange scrubEchoes(RecordedExchange e, Collection<String> requestSecrets) {
    List<String> secrets = new java.util.ArrayList<>(requestSecrets);
    secrets.addAll(secretsIn(e));
    if (secrets.isEmpty()) {
      return e;
    }
    List<String> all = Secrets.withEncodings(secrets);
    String target = scrub(e.target(), all);
    boolean changed = !target.equals(e.target());
    Map<String, List<String>> headers = new java.util.TreeMap<>();
    for (Map.Entry<String, List<String>> h : e.headers().entrySet()) {
      List<String> values = new java.util.ArrayList<>();
      for (String v : h.getValue()) {
        String m = scrub(v, all);
        changed |= !m.equals(v);
        values.add(m);
      }
      headers.put(h.getKey(), values);
    }
    String body = Secrets.scrubBody(e.body(), secrets);
    changed |= !body.equals(e.body());
    return changed ? new RecordedExchange(e.time(), e.method(), target, e.status(), headers, body, e.truncated(),
        e.namespace(), e.endpoint()) : e;
  }

  private boolean mayContainField(String body) {
    String lower = body.toLowerCase(Locale.ROOT);
    for (String f : fields) {
      if (lower.contains(f)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> lower(Collection<String> names) {
    Set<String> out = new TreeSet<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
