package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.util.Collection;
import java.util.Comparator;
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

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
      tree = MAPPER.readTree(body);
    } catch (JacksonException e) {
      return body;
    }
    if (tree == null || !tree.isContainer() || !redact(tree)) {
      return body;
    }
    return MAPPER.writeValueAsString(tree);
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

  /** Replaces every occurrence of the given secret values (shorter than 4 characters are ignored). */
  public static String scrub(String text, Collection<String> secrets) {
    return maskSecrets(text, secrets, MASK);
  }

  /**
   * Replaces every secret value in {@code text} with {@code mask}: whole, and cut short the way messages
   * truncate long values ({@code "eyJhbGciOi..."}), longest secrets first. The one mechanism behind the
   * command's output, the JUnit failure messages and the recordings.
   *
   * @param secrets the values; shorter than 4 characters they are ignored (they would mask ordinary words)
   */
  public static String maskSecrets(String text, Collection<String> secrets, String mask) {
    String out = text;
    for (String s : secrets.stream().filter(x -> x != null && x.length() >= MIN_SECRET)
        .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      out = out.replace(s, mask);
      for (int len = s.length() - 1; len >= MIN_PREFIX; len--) {
        String cut = s.substring(0, len) + "...";
        if (out.contains(cut)) {
          out = out.replace(cut, mask);
        }
      }
    }
    return out;
  }

  private static final int MIN_SECRET = 4;
  /** Shorter prefixes of a secret are too likely to be ordinary text to mask. */
  private static final int MIN_PREFIX = 8;

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
