package dev.contractgate.infer;

import dev.contractgate.record.Redaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Turns path routes with their statistics into endpoint entries of {@code endpoints.yaml} and their schema
 * documents: ids from the path, one schema per status with a JSON body, the media type, {@code Vary}
 * tokens and cookies every response had, and a probe from the earliest successful request.
 */
final class VersionFiles {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final ObjectWriter JSON = JsonMapper.shared().writerWithDefaultPrettyPrinter();
  static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();
  private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** One endpoint to write: its entry and its schema documents by version-relative file. */
  record Planned(String id, String method, String path, ObjectNode entry, Map<String, ObjectNode> schemas) {}

  private final InferOptions options;
  private final List<String> notes;

  VersionFiles(InferOptions options, List<String> notes) {
    this.options = options;
    this.notes = notes;
  }

  /** Endpoints for every route, ids unique among themselves and {@code taken}, in path and method order. */
  List<Planned> plan(List<PathNode.Route> routes, Set<String> taken) {
    List<PathNode.Route> sorted = new ArrayList<>(routes);
    Map<PathNode.Route, String[]> byRoute = new HashMap<>();
    for (PathNode.Route r : sorted) {
      byRoute.put(r, template(r));
    }
    sorted.sort((a, b) -> {
      int c = byRoute.get(a)[0].compareTo(byRoute.get(b)[0]);
      return c != 0 ? c : Integer.compare(METHOD_ORDER.indexOf(a.method()), METHOD_ORDER.indexOf(b.method()));
    });
    Map<String, Integer> baseCount = new HashMap<>();
    for (PathNode.Route r : sorted) {
      baseCount.merge(baseId(r), 1, Integer::sum);
    }
    List<Planned> out = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>(taken);
    for (PathNode.Route r : sorted) {
      String[] t = byRoute.get(r);
      String id = baseId(r);
      if (baseCount.get(id) > 1 && !r.method().equals("GET")) {
        id = id + "." + r.method().toLowerCase(Locale.ROOT);
      }
      String unique = id;
      for (int i = 2; !used.add(unique); i++) {
        unique = id + "-" + i;
      }
      out.add(endpoint(unique, r.method(), t[0], params(t), r.stats()));
    }
    return out;
  }

  /** {@code [path, param names...]}: {@code blog/{slug}/} with {@code slug}. */
  private static String[] template(PathNode.Route r) {
    List<String> names = new ArrayList<>();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < r.segments().size(); i++) {
      String s = r.segments().get(i);
      if (i > 0) {
        path.append('/');
      }
      if (s == null) {
        String base = r.kinds().get(i) == PathNode.Kind.ID ? "id" : "slug";
        String name = base;
        for (int n = 2; names.contains(name); n++) {
          name = base + n;
        }
        names.add(name);
        path.append('{').append(name).append('}');
      } else {
        path.append(s);
      }
    }
    EndpointStats st = r.stats();
    if (!r.segments().isEmpty() && st.trailingSlash * 2 >= st.count) {
      path.append('/');
    }
    String[] out = new String[names.size() + 1];
    out[0] = path.toString();
    for (int i = 0; i < names.size(); i++) {
      out[i + 1] = names.get(i);
    }
    return out;
  }

  private static List<String> params(String[] t) {
    List<String> p = new ArrayList<>();
    for (int i = 1; i < t.length; i++) {
      p.add(t[i]);
    }
    return p;
  }

  /** {@code blog/list.php} → {@code blog.list}; {@code blog/{slug}} → {@code blog.detail}; the base → {@code root}. */
  static String baseId(PathNode.Route r) {
    List<String> parts = new ArrayList<>();
    for (String s : r.segments()) {
      if (s == null) {
        continue;
      }
      String p = s.toLowerCase(Locale.ROOT);
      int dot = p.lastIndexOf('.');
      if (dot > 0) {
        p = p.substring(0, dot);
      }
      p = p.replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    List<String> segs = r.segments();
    if (!segs.isEmpty() && segs.get(segs.size() - 1) == null) {
      parts.add("detail");
    }
    if (parts.isEmpty()) {
      parts.add("root");
    }
    if (!Character.isLetter(parts.get(0).charAt(0))) {
      parts.set(0, "e" + parts.get(0));
    }
    return String.join(".", parts);
  }

  /** One endpoint entry with its schemas. */
  Planned endpoint(String id, String method, String path, List<String> params, EndpointStats st) {
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    ObjectNode e = NODES.objectNode();
    e.put("id", id);
    e.put("method", method);
    e.put("path", path);
    e.put("summary", "Inferred from " + count(st.count, "exchange") + " (" + statuses(st) + ")");
    String file = id.replace('.', '-');
    if (st.withQuery > 0) {
      String q = "schemas/" + file + ".query.schema.json";
      schemas.put(q, new SchemaBuilder(options).document(st.query, id + " query",
          "Query parameters of " + method + " " + path + " as sent in " + count(st.count, "request")
              + " (values are strings). Inferred by contract-gate infer: review before release."));
      e.putObject("request").put("query", q);
    }
    ObjectNode responses = e.putObject("responses");
    for (Map.Entry<Integer, StatusStats> s : st.statuses.entrySet()) {
      responses.set(String.valueOf(s.getKey()), response(id, file, method, path, s.getKey(), s.getValue(), schemas));
    }
    if (method.equals("GET") || method.equals("HEAD")) {
      probe(st, path, params).ifPresent(p -> e.set("probe", p));
    }
    return new Planned(id, method, path, e, schemas);
  }

  /** The entry of one status, adding its schema to {@code schemas} when its bodies were JSON. */
  ObjectNode response(String id, String file, String method, String path, int status, StatusStats s,
      Map<String, ObjectNode> schemas) {
    ObjectNode r = NODES.objectNode();
    if (s.json > 0) {
      String f = "schemas/" + file + "." + status + ".schema.json";
      schemas.put(f, new SchemaBuilder(options).document(s.body, id + " " + status + " response",
          "Body of " + method + " " + path + " answered with " + status + ", inferred by contract-gate infer from "
              + count(s.json, "response") + ": review before release. x-inferred holds the evidence of each place."));
      r.put("schema", f);
    }
    String media = s.mediaType();
    if (media != null && (s.json == 0 || !media.equals("application/json"))) {
      r.put("contentType", media);
    }
    if (media != null && !s.oneMediaType()) {
      notes.add(id + " " + status + ": responses came with several media types " + s.mediaTypes.keySet()
          + (s.noMediaType > 0 ? " or none" : "") + "; the contract expects " + media);
    } else if (media == null && s.json > 0) {
      notes.add(id + " " + status + ": responses came without Content-Type; the contract expects application/json");
    }
    if (s.json > 0 && s.other + s.empty > 0) {
      notes.add(id + " " + status + ": " + count(s.other + s.empty, "response") + " had an empty or non-JSON body"
          + " beside " + s.json + " JSON ones; drift will report them");
    }
    if (s.vary != null && !s.vary.isEmpty()) {
      ObjectNode headers = r.putObject("headers");
      var tokens = headers.putObject("Vary").putArray("contains");
      s.vary.values().forEach(tokens::add);
    }
    if (s.cookies != null && !s.cookies.isEmpty()) {
      var cookies = r.putArray("cookies");
      s.cookies.values().forEach(cookies::add);
    }
    return r;
  }

  /** The probe: the earliest successful GET, its path values and query (without redacted values). */
  private static java.util.Optional<ObjectNode> probe(EndpointStats st, String path, List<String> params) {
    if (st.probeTarget == null) {
      return java.util.Optional.empty();
    }
    ObjectNode p = NODES.objectNode();
    if (!params.isEmpty()) {
      String[] template = stripSlash(path).split("/", -1);
      String actual = st.probeTarget;
      int q = actual.indexOf('?');
      String actualPath = q < 0 ? actual : actual.substring(0, q);
      String[] seg = stripSlash(actualPath).split("/", -1);
      int offset = seg.length - template.length;
      ObjectNode values = p.putObject("path");
      for (int i = 0; i < template.length; i++) {
        if (template[i].startsWith("{") && offset + i >= 0 && offset + i < seg.length) {
          values.put(template[i].substring(1, template[i].length() - 1), EndpointStats.decode(seg[offset + i]));
        }
      }
    }
    ObjectNode query = EndpointStats.queryObject(st.probeTarget);
    List<String> redacted = new ArrayList<>();
    query.properties().forEach(e -> {
      if (e.getValue().asString("").contains(Redaction.MASK)) {
        redacted.add(e.getKey());
      }
    });
    redacted.forEach(query::remove);
    if (!query.isEmpty()) {
      p.set("query", query);
    }
    p.put("expectStatus", st.probeStatus);
    return java.util.Optional.of(p);
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String statuses(EndpointStats st) {
    StringBuilder b = new StringBuilder();
    st.statuses.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v.count));
    return b.toString();
  }

  static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** Points the schema references of an entry that name {@code from} at {@code to}. */
  static void rename(ObjectNode entry, String from, String to) {
    JsonNode q = entry.path("request");
    if (q instanceof ObjectNode r && r.path("query").asString("").equals(from)) {
      r.put("query", to);
    }
    for (JsonNode resp : entry.path("responses")) {
      if (resp instanceof ObjectNode r && r.path("schema").asString("").equals(from)) {
        r.put("schema", to);
      }
    }
  }

  /** JSON text of a schema document, as written. */
  static String json(JsonNode doc) {
    return JSON.writeValueAsString(doc) + "\n";
  }
}
