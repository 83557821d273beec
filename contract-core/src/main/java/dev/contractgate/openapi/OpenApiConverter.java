package dev.contractgate.openapi;

import dev.contractgate.openapi.SchemaRewriter.View;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.LocatedDocument;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SemVer;
import dev.contractgate.registry.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Converts one OpenAPI 3.0 or 3.1 description into a contract version (see {@code docs/openapi.md}): the
 * namespace, one endpoint per operation, and the schema files, all in memory.
 */
final class OpenApiConverter {

  public static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
  static final Pattern ENDPOINT_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  static final Pattern NAMESPACE_ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Above this size the description is read without the position of every value (memory). */
  private static final long POSITIONS_UP_TO_BYTES = 4L * 1024 * 1024;
  private static final int MAX_DEPTH = 1000;

  private final Spec spec;
  private final boolean v30;
  private final String ns;
  private final String version;
  private final String versionDir;
  private final List<String> notes = new ArrayList<>();
  private final Map<String, JsonNode> schemas = new LinkedHashMap<>();
  private final SchemaRewriter rewriter;
  private String requestComponents;
  private String responseComponents;

  private OpenApiConverter(Spec spec, boolean v30, String ns, String version) {
    this.spec = spec;
    this.v30 = v30;
    this.ns = ns;
    this.version = version;
    this.versionDir = ns + "/" + version;
    this.rewriter = new SchemaRewriter(spec, v30);
  }

  // ---------------------------------------------------------------- reading

  /** True when the file's top-level object has an {@code openapi} key; reads only the top level. */
  public static boolean isOpenApi(Path file) {
    return topLevel(file, false).isPresent();
  }

  /** {@code info.version}, read by streaming; empty when absent or unreadable. */
  public static Optional<String> infoVersion(Path file) {
    return topLevel(file, true);
  }

  private static TokenStreamFactory factory(Path file) {
    StreamReadConstraints c = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxDocumentLength(-1L)
        .maxStringLength(Integer.MAX_VALUE).build();
    boolean yaml = LocatedDocument.Syntax.forFile(file.toString()) == LocatedDocument.Syntax.YAML;
    return yaml
        ? YAMLFactory.builder().streamReadConstraints(c)
            .loadSettings(org.snakeyaml.engine.v2.api.LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setAllowDuplicateKeys(true).build())
            .build()
        : JsonFactory.builder().streamReadConstraints(c).build();
  }

  /** Without {@code infoVersion}: the openapi/swagger value when present; with it: info.version. */
  private static Optional<String> topLevel(Path file, boolean infoVersion) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = factory(file).createParser(ObjectReadContext.empty(), in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!infoVersion && (name.equals("openapi") || name.equals("swagger"))) {
          return Optional.of(v.isScalarValue() ? p.getText() : "");
        }
        if (infoVersion && name.equals("info") && v == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken iv = p.nextToken();
            if (key.equals("version") && iv == JsonToken.VALUE_STRING) {
              return Optional.of(p.getString());
            }
            p.skipChildren();
          }
          return Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not readable as a description; the caller reports it as whatever it tries next
    }
  }

  /** Parses a description (without per-value positions when it is large). */
  public static LocatedDocument parse(Path file, String name) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw ContractException.builder(Spec.HEADLINE, name)
          .expected("a readable file")
          .butWas("nothing at this path (" + e.getMessage()
              + ")")
          .hint("check the path to the OpenAPI description")
          .build();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return LocatedDocument.parse(name, in, LocatedDocument.Syntax.forFile(name), MAX_DEPTH,
          size <= POSITIONS_UP_TO_BYTES);
    } catch (IOException e) {
      throw ContractException.builder(Spec.HEADLINE, name)
          .expected("a readable file")
          .butWas(e.toString())
          .hint("check the file's permissions")
          .build();
    }
  }

  /**
   * Converts a description.
   *
   * @param name how to name the file in messages
   * @param basePath the namespace's base path, or empty to derive it from {@code servers}
   */
  public static ImportedVersion convert(LocatedDocument doc, String ns, String version, Optional<String> basePath) {
    if (!NAMESPACE_ID.matcher(ns).matches()) {
      throw new IllegalArgumentException("namespace id must match " + NAMESPACE_ID.pattern() + ": " + ns);
    }
    if (!SemVer.isValid(version)) {
      throw new IllegalArgumentException("version must be a semantic version such as 1.0.0: " + version);
    }
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw ContractException.builder(Spec.HEADLINE, doc.file())
          .expected("an OpenAPI 3.0 or 3.1 description (an object)")
          .butWas("a " + root.getNodeType().name().toLowerCase(Locale.ROOT))
          .hint("pass the OpenAPI document itself")
          .build();
    }
    if (root.has("swagger")) {
      throw ContractException.builder(Spec.HEADLINE, doc.file())
          .at(doc.position("/swagger"))
          .expected("an OpenAPI 3.0 or 3.1 description")
          .butWas("Swagger " + root.get("swagger").asString(""))
          .hint("convert it to OpenAPI 3 first (for example with swagger2openapi)")
          .build();
    }
    String oas = root.path("openapi").asString("");
    boolean v30 = oas.startsWith("3.0");
    if (!v30 && !oas.startsWith("3.1")) {
      throw ContractException.builder(Spec.HEADLINE, doc.file())
          .at(root.has("openapi") ? doc.position("/openapi") : "")
          .expected("\"openapi\": \"3.0.x\" or \"3.1.x\"")
          .butWas(root.has("openapi") ? "\"" + oas + "\"" : "no \"openapi\" key")
          .hint("Contract Gate imports OpenAPI 3.0 and 3.1 descriptions")
          .build();
    }
    OpenApiConverter c = new OpenApiConverter(new Spec(doc), v30, ns, version);
    return c.run(basePath, oas);
  }

  // ---------------------------------------------------------------- the conversion

  private record Op(String method, String path, JsonNode node, String pointer, List<JsonNode> pathParams,
      String pathParamsPointer, String baseId) {}

  private ImportedVersion run(Optional<String> givenBase, String oas) {
    JsonNode root = spec.root();
    components();
    List<Op> ops = operations();
    Map<Op, String> ids = assignIds(ops);
    String serverPath = serverPath();
    String base = givenBase.map(OpenApiConverter::normaliseBase).orElseGet(() -> deriveBase(serverPath, ops));
    List<Endpoint> endpoints = new ArrayList<>();
    Map<String, String> routes = new HashMap<>();
    String endpointsFile = versionDir + "/endpoints.yaml";
    for (Op op : ops) {
      String id = ids.get(op);
      String full = joinPath(serverPath, op.path());
      if (!full.startsWith(base) || full.length() == base.length()) {
        if (givenBase.isPresent()) {
          throw spec.error(op.pointer(), "an operation path below the base path " + base,
              op.method().toUpperCase(Locale.ROOT) + " " + full,
              "pass a --base-path that every operation's path starts with (servers[0] path + path)");
        }
        notes.add(op.method().toUpperCase(Locale.ROOT) + " " + full + ": skipped, it is the base path itself"
            + " (an endpoint path cannot be empty); pass a shorter --base-path to keep it");
        continue;
      }
      String rel = full.substring(base.length());
      Optional<Endpoint> e = endpoint(op, id, rel, new SourceLocation(endpointsFile, "/endpoints/" + endpoints.size()));
      if (e.isEmpty()) {
        continue;
      }
      String route = e.get().method() + " " + rel.replaceAll("\\{[^}]*}", "{}");
      String prev = routes.put(route, op.pointer());
      if (prev != null) {
        throw spec.error(op.pointer(), "one operation per method and path (templates compared without names)",
            e.get().method() + " " + full + " is also " + prev,
            "OpenAPI treats paths that differ only in parameter names as the same path; merge them");
      }
      endpoints.add(e.get());
    }
    if (endpoints.isEmpty()) {
      throw ContractException.builder(Spec.HEADLINE, spec.file())
          .at("/paths")
          .expected("at least one operation with a response"
              + " status from 100 to 599")
          .butWas("none" + (notes.isEmpty() ? "" : " (" + notes.get(0) + ")"))
          .hint("describe the operations under paths: with their responses")
          .build();
    }
    JsonNode info = root.path("info");
    String description = "Imported from " + Path.of(spec.file()).getFileName() + " (OpenAPI " + oas
        + (info.path("version").isString() ? ", info.version " + info.get("version").asString() : "") + ")";
    ContractVersion cv = new ContractVersion(ns, SemVer.parse(version), description, endpoints, endpointsFile);
    List<String> owners = info.path("contact").path("email").isString()
        ? List.of(info.path("contact").path("email").asString()) : List.of();
    Namespace namespace = new Namespace(ns, info.path("title").asString(""), base, auth(), Optional.empty(), owners,
        ns + "/namespace.yaml");
    return new ImportedVersion(namespace, cv, schemas, notes);
  }

  // ---------------------------------------------------------------- components

  private void components() {
    JsonNode comps = spec.root().path("components").path("schemas");
    if (comps.isMissingNode() || comps.isNull()) {
      requestComponents = responseComponents = "components.schema.json";
      return;
    }
    if (!comps.isObject()) {
      throw spec.error("/components/schemas", "an object of named schemas", "a " + comps.getNodeType(), "");
    }
    boolean readOnly = holdsFlag(comps, "readOnly");
    boolean writeOnly = holdsFlag(comps, "writeOnly");
    requestComponents = readOnly ? "components.request.schema.json" : "components.schema.json";
    responseComponents = writeOnly ? "components.response.schema.json" : "components.schema.json";
    if (!readOnly || !writeOnly) {
      schemas.put(schemaFile("components.schema.json"), componentsDoc(comps, View.NEUTRAL));
    }
    if (readOnly) {
      schemas.put(schemaFile(requestComponents), componentsDoc(comps, View.REQUEST));
    }
    if (writeOnly) {
      schemas.put(schemaFile(responseComponents), componentsDoc(comps, View.RESPONSE));
    }
  }

  private ObjectNode componentsDoc(JsonNode comps, View view) {
    ObjectNode doc = NODES.objectNode();
    doc.put("$schema", SCHEMA_DIALECT);
    ObjectNode defs = doc.putObject("$defs");
    for (Map.Entry<String, JsonNode> e : comps.properties()) {
      defs.set(e.getKey(), rewriter.rewrite(e.getValue(), "/components/schemas/" + SourceLocation.escape(e.getKey()),
          view, "#/$defs/"));
    }
    return doc;
  }

  /** Whether {@code flag: true} appears anywhere as a keyword (not inside data values). */
  private static boolean holdsFlag(JsonNode node, String flag) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        if (n.path(flag).asBoolean(false)) {
          return true;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          if (!Set.of("example", "examples", "default", "enum", "const").contains(e.getKey())) {
            todo.push(e.getValue());
          }
        }
      } else if (n.isArray()) {
        n.forEach(todo::push);
      }
    }
    return false;
  }

  private String schemaFile(String name) {
    return versionDir + "/schemas/" + name;
  }

  // ---------------------------------------------------------------- operations and ids

  private List<Op> operations() {
    JsonNode paths = spec.root().path("paths");
    List<Op> out = new ArrayList<>();
    if (!paths.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> p : paths.properties()) {
      String path = p.getKey();
      String at = "/paths/" + SourceLocation.escape(path);
      if (!path.startsWith("/")) {
        throw spec.error(at, "a path that starts with '/'", "\"" + path + "\"", "write e.g. /pets/{id}");
      }
      JsonNode item = spec.resolve(p.getValue(), at);
      List<JsonNode> shared = list(item.path("parameters"));
      for (String m : METHODS) {
        JsonNode op = item.get(m);
        if (op == null || !op.isObject()) {
          continue;
        }
        String opAt = at + "/" + m;
        if (m.equals("trace")) {
          notes.add("TRACE " + path + ": skipped (the contract format has no TRACE)");
          continue;
        }
        String base = normaliseId(op.path("operationId").asString(""));
        if (base.isEmpty()) {
          base = normaliseId(m + "." + path.replace("{", "").replace("}", "").replace('/', '.'));
        }
        out.add(new Op(m, path, op, opAt, shared, at + "/parameters", base));
      }
    }
    return out;
  }

  /**
   * Ids from operationIds (or method and path), normalised; when two operations map to the same id, the first
   * in document order keeps it and the next ones get {@code -2}, {@code -3} ... (the lowest free suffix).
   */
  private Map<Op, String> assignIds(List<Op> ops) {
    Set<String> wanted = new HashSet<>();
    ops.forEach(o -> wanted.add(o.baseId()));
    Set<String> taken = new HashSet<>();
    Map<Op, String> out = new java.util.IdentityHashMap<>();
    for (Op o : ops) {
      String id = o.baseId();
      if (!taken.add(id)) {
        int n = 2;
        while (wanted.contains(id + "-" + n) || taken.contains(id + "-" + n)) {
          n++;
        }
        String suffixed = id + "-" + n;
        taken.add(suffixed);
        notes.add(o.method().toUpperCase(Locale.ROOT) + " " + o.path() + ": id \"" + id + "\" is already used by an"
            + " earlier operation; this one is \"" + suffixed + "\"");
        id = suffixed;
      }
      out.put(o, id);
    }
    return out;
  }

  /**
   * {@code listPets} → {@code list-pets}, {@code Pets.GetByID} → {@code pets.get-by-id}; characters outside
   * {@code [a-z0-9_.-]} become '-'; an id that would not start with a letter gets the prefix {@code op-}.
   */
  static String normaliseId(String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = raw.charAt(i - 1);
        boolean nextLower = i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          b.append('-');
        }
      }
      char l = Character.toLowerCase(c);
      b.append((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_' || l == '.' || l == '-' ? l : '-');
    }
    List<String> segments = new ArrayList<>();
    for (String seg : b.toString().split("\\.")) {
      String s = seg.replaceAll("-+", "-").replaceAll("^-|-$", "");
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    String id = String.join(".", segments);
    if (!id.isEmpty() && !(id.charAt(0) >= 'a' && id.charAt(0) <= 'z')) {
      id = "op-" + id;
    }
    return id;
  }

  // ---------------------------------------------------------------- one endpoint

  private Optional<Endpoint> endpoint(Op op, String id, String rel, SourceLocation source) {
    String method = op.method().toUpperCase(Locale.ROOT);
    JsonNode node = op.node();
    // Parameters: the path item's, overridden by the operation's with the same name and location.
    Map<String, JsonNode> params = new LinkedHashMap<>();
    Map<String, String> paramAt = new HashMap<>();
    List<JsonNode> shared = op.pathParams();
    for (int i = 0; i < shared.size(); i++) {
      addParam(params, paramAt, shared.get(i), op.pathParamsPointer() + "/" + i);
    }
    List<JsonNode> own = list(node.path("parameters"));
    for (int i = 0; i < own.size(); i++) {
      addParam(params, paramAt, own.get(i), op.pointer() + "/parameters/" + i);
    }
    Optional<SourceLocation> query = query(id, params, paramAt);
    Optional<SourceLocation> body = body(op, id, method);
    Map<Integer, Endpoint.Response> responses = new TreeMap<>();
    JsonNode rs = node.path("responses");
    if (rs.isObject()) {
      for (Map.Entry<String, JsonNode> r : rs.properties()) {
        String key = r.getKey();
        String at = op.pointer() + "/responses/" + SourceLocation.escape(key);
        int status = key.matches("[1-5][0-9][0-9]") ? Integer.parseInt(key) : -1;
        if (status < 100) {
          notes.add(method + " " + op.path() + ": response \"" + key + "\" skipped (the contract names exact statuses"
              + " from 100 to 599)");
          continue;
        }
        responses.put(status, response(id, status, spec.resolve(r.getValue(), at), at, method + " " + op.path()));
      }
    }
    if (responses.isEmpty()) {
      notes.add(method + " " + op.path() + ": skipped, it declares no response with an exact status");
      return Optional.empty();
    }
    String summary = node.path("summary").asString("").strip();
    return Optional.of(new Endpoint(id, method, rel, summary, node.path("deprecated").asBoolean(false),
        Optional.empty(), Optional.empty(), new Endpoint.Request(query, body), responses, Optional.empty(), source));
  }

  private void addParam(Map<String, JsonNode> params, Map<String, String> paramAt, JsonNode raw, String at) {
    JsonNode p = spec.resolve(raw, at);
    if (!p.isObject()) {
      return;
    }
    String key = p.path("in").asString("") + ":" + p.path("name").asString("");
    params.put(key, p);
    paramAt.put(key, raw.path("$ref").isString() ? raw.get("$ref").asString().substring(1) : at);
  }

  private Optional<SourceLocation> query(String id, Map<String, JsonNode> params, Map<String, String> paramAt) {
    ObjectNode props = NODES.objectNode();
    List<String> required = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : params.entrySet()) {
      JsonNode p = e.getValue();
      if (!p.path("in").asString("").equals("query")) {
        continue;
      }
      String name = p.path("name").asString("");
      String at = paramAt.get(e.getKey());
      JsonNode schema = p.get("schema");
      String schemaAt = at + "/schema";
      if (schema == null && p.path("content").isObject()) {
        Map.Entry<String, JsonNode> media = jsonMedia(p.get("content"));
        if (media != null && media.getValue().has("schema")) {
          schema = media.getValue().get("schema");
          schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
        }
      }
      JsonNode built = schema == null ? NODES.objectNode()
          : rewriter.rewrite(schema, schemaAt, View.REQUEST, requestComponents + "#/$defs/");
      if (p.path("deprecated").asBoolean(false) && built.isObject() && !built.has("deprecated")) {
        ((ObjectNode) built).put("deprecated", true);
      }
      props.set(name, built);
      if (p.path("required").asBoolean(false)) {
        required.add(name);
      }
    }
    if (props.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode q = NODES.objectNode();
    q.put("$schema", SCHEMA_DIALECT);
    q.put("type", "object");
    q.set("properties", props);
    if (!required.isEmpty()) {
      required.forEach(q.putArray("required")::add);
    }
    // No additionalProperties: false: OpenAPI does not forbid undeclared query parameters, and servers ignore
    // them (cache busters, tracking parameters); see docs/openapi.md.
    return Optional.of(write(id + ".query", q));
  }

  private Optional<SourceLocation> body(Op op, String id, String method) {
    JsonNode raw = op.node().get("requestBody");
    if (raw == null) {
      return Optional.empty();
    }
    String at = op.pointer() + "/requestBody";
    JsonNode rb = spec.resolve(raw, at);
    if (raw.path("$ref").isString()) {
      at = raw.get("$ref").asString().substring(1);
    }
    JsonNode content = rb.path("content");
    Map.Entry<String, JsonNode> media = jsonMedia(content);
    if (media == null) {
      if (content.isObject() && !content.isEmpty()) {
        notes.add(method + " " + op.path() + ": request body " + content.propertyNames().iterator().next()
            + " is not JSON; not described");
      }
      return Optional.empty();
    }
    JsonNode schema = media.getValue().get("schema");
    if (schema == null) {
      return Optional.empty();
    }
    String schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
    return Optional.of(write(id + ".request", rewriter.rewrite(schema, schemaAt, View.REQUEST,
        requestComponents + "#/$defs/")));
  }

  private Endpoint.Response response(String id, int status, JsonNode r, String at, String where) {
    Optional<SourceLocation> schema = Optional.empty();
    Optional<String> contentType = Optional.empty();
    JsonNode content = r.path("content");
    Map.Entry<String, JsonNode> media = jsonMedia(content);
    if (media != null) {
      if (!media.getKey().equals("application/json")) {
        contentType = Optional.of(media.getKey());
      }
      JsonNode s = media.getValue().get("schema");
      if (s != null) {
        String schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
        schema = Optional.of(write(id + "." + status, rewriter.rewrite(s, schemaAt, View.RESPONSE,
            responseComponents + "#/$defs/")));
        if (contentType.isEmpty()) {
          contentType = Optional.of("application/json");
        }
      } else if (contentType.isEmpty()) {
        contentType = Optional.of("application/json");
      }
    } else if (content.isObject() && !content.isEmpty()) {
      String first = content.propertyNames().iterator().next();
      if (!first.contains("*")) {
        contentType = Optional.of(first);
      }
    }
    List<HeaderExpectation> headers = new ArrayList<>();
    JsonNode hs = r.path("headers");
    if (hs.isObject()) {
      for (Map.Entry<String, JsonNode> h : hs.properties()) {
        String name = h.getKey();
        if (name.equalsIgnoreCase("content-type")) {
          continue; // OpenAPI ignores it; the media type comes from content
        }
        JsonNode header = spec.resolve(h.getValue(), at + "/headers/" + SourceLocation.escape(name));
        JsonNode hschema = header.path("schema");
        JsonNode en = hschema.path("enum");
        if (hschema.path("const").isString()) {
          headers.add(HeaderExpectation.equalTo(name, hschema.get("const").asString()));
        } else if (en.isArray() && en.size() == 1 && en.get(0).isString()) {
          headers.add(HeaderExpectation.equalTo(name, en.get(0).asString()));
        } else if (header.path("required").asBoolean(false)) {
          headers.add(HeaderExpectation.matching(name, ".*"));
        }
      }
    }
    headers.sort((a, b) -> a.key().compareTo(b.key()));
    return new Endpoint.Response(status, schema, contentType, headers, List.of());
  }

  /** {@code application/json} first, then any {@code +json} media type, or null. */
  private static Map.Entry<String, JsonNode> jsonMedia(JsonNode content) {
    if (!content.isObject()) {
      return null;
    }
    Map.Entry<String, JsonNode> fallback = null;
    for (Map.Entry<String, JsonNode> e : content.properties()) {
      String media = e.getKey().toLowerCase(Locale.ROOT);
      int semi = media.indexOf(';');
      String bare = (semi < 0 ? media : media.substring(0, semi)).trim();
      if (bare.equals("application/json")) {
        return e;
      }
      if (fallback == null && (bare.endsWith("+json") || bare.equals("*/*") || bare.equals("application/*"))) {
        fallback = e;
      }
    }
    return fallback;
  }

  private SourceLocation write(String name, JsonNode schema) {
    JsonNode doc = schema;
    if (schema.isObject() && !schema.has("$schema")) {
      ObjectNode o = NODES.objectNode();
      o.put("$schema", SCHEMA_DIALECT);
      o.setAll((ObjectNode) schema);
      doc = o;
    }
    String file = schemaFile(name + ".schema.json");
    schemas.put(file, doc);
    return SourceLocation.of(file);
  }

  // ---------------------------------------------------------------- namespace

  /** The path of the first server URL, with variables at their defaults, without a trailing '/'. */
  private String serverPath() {
    JsonNode server = spec.root().path("servers").path(0);
    String url = server.path("url").asString("");
    if (url.isEmpty()) {
      return "";
    }
    JsonNode vars = server.path("variables");
    for (Map.Entry<String, JsonNode> v : vars.properties()) {
      url = url.replace("{" + v.getKey() + "}", v.getValue().path("default").asString(""));
    }
    String path = url;
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      try {
        path = new URI(url.replaceAll("[{}]", "")).getRawPath();
      } catch (URISyntaxException e) {
        int slash = url.indexOf('/', scheme + 3);
        path = slash < 0 ? "" : url.substring(slash);
      }
    }
    if (path == null) {
      path = "";
    }
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static String joinPath(String serverPath, String path) {
    return serverPath + path;
  }

  /** The server path as a base path, shortened while some operation would sit at the base path itself. */
  private String deriveBase(String serverPath, List<Op> ops) {
    String base = serverPath + "/";
    while (true) {
      boolean fits = true;
      for (Op op : ops) {
        if (joinPath(serverPath, op.path()).equals(base)) {
          fits = false;
          break;
        }
      }
      if (fits || base.equals("/")) {
        return base;
      }
      String trimmed = base.substring(0, base.length() - 1);
      base = trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
    }
  }

  private static String normaliseBase(String given) {
    String b = given.startsWith("/") ? given : "/" + given;
    return b.endsWith("/") ? b : b + "/";
  }

  /** The header that carries an {@code apiKey} token, preferring a scheme the top-level security names. */
  private Optional<Namespace.Auth> auth() {
    JsonNode schemes = spec.root().path("components").path("securitySchemes");
    if (!schemes.isObject()) {
      return Optional.empty();
    }
    List<String> order = new ArrayList<>();
    for (JsonNode req : list(spec.root().path("security"))) {
      req.propertyNames().forEach(order::add);
    }
    schemes.propertyNames().forEach(order::add);
    for (String name : order) {
      JsonNode s = schemes.get(name);
      if (s == null) {
        continue;
      }
      s = spec.resolve(s, "/components/securitySchemes/" + SourceLocation.escape(name));
      if (s.path("type").asString("").equals("apiKey") && s.path("in").asString("").equals("header")
          && s.path("name").isString()) {
        String env = ns.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_TOKEN";
        notes.add("auth: header " + s.get("name").asString() + " from security scheme \"" + name + "\"; the token is"
            + " read from the environment variable " + env + " (derived from the namespace; rename it in"
            + " namespace.yaml if you like)");
        return Optional.of(new Namespace.Auth(s.get("name").asString(), env, List.of(401, 403)));
      }
    }
    return Optional.empty();
  }

  private static List<JsonNode> list(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    }
    return out;
  }
}
