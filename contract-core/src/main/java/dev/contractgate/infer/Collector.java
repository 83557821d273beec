package dev.contractgate.infer;

import dev.contractgate.record.RecordedExchange;
import dev.contractgate.record.RecordingRef;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One worker's view of the traffic of a namespace: the path tree with every endpoint's statistics, the cookie
 * names seen, and the problems. Workers fold exchanges independently and are merged at the end; every
 * statistic merges to the same result whatever exchange went to which worker.
 */
final class Collector implements Reading.Sink {

  /** One exchange as the reader hands it to a worker. */
  record Item(long seq, RecordingRef ref, RecordedExchange exchange, boolean tooLarge) {}

  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  private static final int MAX_COOKIE_NAMES = 64;

  final String basePath;
  final InferOptions options;
  final PathNode root = new PathNode();
  final TreeMap<String, Long> cookieNames = new TreeMap<>();
  final Problems problems = new Problems();
  /** Exchanges under the base path that were folded in. */
  long exchanges;
  final long[] stamps = {0};
  private final JsonMapper mapper;

  Collector(String basePath, InferOptions options) {
    this.basePath = basePath;
    this.options = options;
    StreamReadConstraints c = StreamReadConstraints.builder().maxNestingDepth(options.maxDepth())
        .maxDocumentLength(-1L).build();
    this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(c).build()).build();
  }

  @Override
  public void add(Item item) {
    RecordedExchange e = item.exchange();
    if (!METHODS.contains(e.method())) {
      problems.add(item.seq(), "method", item.ref().toString(), "method " + e.method() + " is not an HTTP method a contract declares");
      return;
    }
    if (e.status() < 100 || e.status() > 599) {
      problems.add(item.seq(), "status", item.ref().toString(), "status " + e.status() + " is not an HTTP status (100-599)");
      return;
    }
    String path = e.path();
    String rel = path.length() <= basePath.length() ? "" : path.substring(basePath.length());
    boolean slash = rel.endsWith("/");
    PathNode node = root;
    if (!rel.isEmpty()) {
      String trimmed = slash ? rel.substring(0, rel.length() - 1) : rel;
      for (String segment : trimmed.split("/", -1)) {
        node = node.child(segment, options);
      }
    }
    exchanges++;
    EndpointStats endpoint = node.endpoint(e.method());
    endpoint.request(item.seq(), e.target(), slash, e.status(), options, stamps);
    response(item, endpoint.status(e.status()));
  }

  /** Folds the response of an exchange into the statistics of its status. */
  void response(Item item, StatusStats status) {
    RecordedExchange e = item.exchange();
    status.count++;
    status.headers(e.headers());
    for (String c : e.header("set-cookie")) {
      String name = StatusStats.cookieName(c);
      if (!name.isEmpty() && (cookieNames.containsKey(name) || cookieNames.size() < MAX_COOKIE_NAMES)) {
        cookieNames.merge(name, 1L, Long::sum);
      }
    }
    body(item, status);
  }

  private void body(Item item, StatusStats status) {
    RecordedExchange e = item.exchange();
    if (item.tooLarge()) {
      status.bad++;
      problems.add(item.seq(), "body.too-large", item.ref().toString(), "a body over " + options.maxBodyBytes() + " bytes");
      return;
    }
    if (e.truncated()) {
      status.bad++;
      problems.add(item.seq(), "body.truncated", item.ref().toString(), "the recorder cut the body at its limit");
      return;
    }
    String body = e.body();
    if (body.isBlank()) {
      status.empty++;
      return;
    }
    List<String> ct = e.header("content-type");
    String media = ct.isEmpty() ? "" : StatusStats.mediaType(ct.get(0));
    boolean jsonMedia = media.contains("json");
    if (!jsonMedia && !looksLikeJson(body)) {
      status.other++;
      return;
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (StreamConstraintsException x) {
      status.bad++;
      problems.add(item.seq(), "body.too-deep", item.ref().toString(), "nesting deeper than " + options.maxDepth() + " levels");
      return;
    } catch (JacksonException x) {
      if (!jsonMedia) {
        status.other++;
      } else if (body.indexOf('\u0000') >= 0 || body.indexOf('\uFFFD') >= 0) {
        status.bad++;
        problems.add(item.seq(), "body.binary", item.ref().toString(), "binary content with Content-Type " + media);
      } else {
        status.bad++;
        String m = x.getOriginalMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        problems.add(item.seq(), "body.not-json", item.ref().toString(), "not JSON: " + (nl < 0 ? m : m.substring(0, nl)));
      }
      return;
    }
    if (tree == null || tree.isMissingNode()) {
      status.empty++;
      return;
    }
    status.json++;
    status.body.fold(tree, item.seq(), options, stamps);
  }

  /** A body parsed as the collector parses bodies, or null when it is not JSON. */
  JsonNode parse(String body) {
    try {
      return mapper.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static boolean looksLikeJson(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  void merge(Collector other) {
    root.merge(other.root, options);
    other.cookieNames.forEach((k, v) -> {
      if (cookieNames.containsKey(k) || cookieNames.size() < MAX_COOKIE_NAMES) {
        cookieNames.merge(k, v, Long::sum);
      }
    });
    problems.merge(other.problems);
    exchanges += other.exchanges;
  }

  /** {@code /api/ivanpin/services/}: leading and trailing slash. */
  static String normalizeBase(String basePath) {
    String b = basePath.trim();
    if (!b.startsWith("/")) {
      b = "/" + b;
    }
    return b.endsWith("/") ? b : b + "/";
  }

  /** True when the path is the base path or below it. */
  static boolean under(String path, String base) {
    return path.startsWith(base) || path.equals(base.substring(0, base.length() - 1));
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
