package dev.contractgate.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a version folder's {@code endpoints.yaml}: the endpoints, their responses with header expectations,
 * and their probes. Every schema an endpoint names is loaded through {@link SchemaFiles} on the way, so a
 * missing file is reported at the line that names it.
 */
final class EndpointsReader {

  private static final Pattern ENDPOINT_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final String versionDir;
  private final SchemaFiles schemas;

  private EndpointsReader(String versionDir, SchemaFiles schemas) {
    this.versionDir = versionDir;
    this.schemas = schemas;
  }

  /** Reads {@code dir/endpoints.yaml}; {@code dir} is the folder of {@code version} in {@code namespace}. */
  static ContractVersion read(Path dir, String namespace, SemVer version, SchemaFiles schemas) {
    // Inside a jar the folder's name ends with '/'.
    String versionDir = namespace + "/" + dir.getFileName().toString().replace("/", "");
    return new EndpointsReader(versionDir, schemas).read(dir, namespace, version);
  }

  private ContractVersion read(Path dir, String namespace, SemVer version) {
    String file = versionDir + "/endpoints.yaml";
    TreeFiles.Kind kind = schemas.files().kind(file, dir.resolve("endpoints.yaml"));
    if (kind != TreeFiles.Kind.FILE) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("an endpoints.yaml in every version folder")
          .butWas(TreeFiles.describe(kind))
          .hint(kind == TreeFiles.Kind.DIRECTORY ? "replace the folder " + file + " with a file"
              : "create " + file + " listing the version's endpoints")
          .build();
    }
    LocatedDocument doc = schemas.files().parse(file, dir.resolve("endpoints.yaml"));
    Fields f = Fields.object(doc, "", "the version's endpoints");
    f.allowOnly("description", "endpoints");
    JsonNode list = doc.at("/endpoints");
    if (!list.isArray() || list.isEmpty()) {
      throw f.error(list.isMissingNode() ? null : "endpoints", "a non-empty list \"endpoints\"", Fields.describe(list),
          "list the endpoints of this version under 'endpoints:'");
    }
    List<Endpoint> endpoints = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, String> routes = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Endpoint e = endpoint(Fields.object(doc, "/endpoints/" + i, "an endpoint"));
      String prev = ids.put(e.id(), "/endpoints/" + i);
      if (prev != null) {
        throw Fields.error(doc, "/endpoints/" + i + "/id", "endpoint ids unique within a version",
            "\"" + e.id() + "\" again (first at " + doc.position(prev) + ")", "rename one of the two endpoints");
      }
      // Parameter names do not matter to routing: orders/{id} and orders/{number} are one route.
      String route = e.method() + " " + e.path().replaceAll("\\{[^}]*}", "{}");
      String prevRoute = routes.put(route, e.id());
      if (prevRoute != null) {
        throw Fields.error(doc, "/endpoints/" + i + "/path", "one endpoint per method and path",
            e.method() + " " + e.path() + " is also endpoint \"" + prevRoute + "\"",
            "merge the two endpoints or change one path");
      }
      endpoints.add(e);
    }
    return new ContractVersion(namespace, version, f.optionalString("description", "write a short text").orElse(""),
        endpoints, file);
  }

  private Endpoint endpoint(Fields f) {
    f.allowOnly("id", "method", "path", "summary", "deprecated", "sunset", "featureFlag", "request", "responses", "probe");
    String id = f.requiredString("id", "give the endpoint an id such as blog.list");
    if (!ENDPOINT_ID.matcher(id).matches()) {
      throw f.error("id", "an id like blog.list (lower-case words joined by '.')", "\"" + id + "\"",
          "use lower-case letters, digits, '-', '_' and '.'");
    }
    String method = f.requiredString("method", "write the HTTP method, e.g. method: GET");
    if (!METHODS.contains(method)) {
      throw f.error("method", "one of " + new TreeSet<>(METHODS), "\"" + method + "\"",
          "use an HTTP method name in upper case");
    }
    String path = f.requiredString("path", "write the path below the namespace's basePath, e.g. blog/list.php");
    if (path.startsWith("/") || path.contains("?") || path.contains("#")) {
      throw f.error("path", "a path relative to basePath, without query or fragment", "\"" + path + "\"",
          "drop the leading '/' and declare query parameters in request.query");
    }
    Endpoint.Request request = Endpoint.Request.none();
    if (f.has("request")) {
      Fields r = f.child("request", "the request schemas");
      r.allowOnly("query", "body");
      request = new Endpoint.Request(schemaRef(r, "query"), schemaRef(r, "body"));
    }
    if (!f.has("responses")) {
      throw f.error(null, "key \"responses\"", "absent", "declare at least one response, e.g. \"200\": {schema: schemas/x.schema.json}");
    }
    Fields responses = f.child("responses", "responses by HTTP status");
    Map<Integer, Endpoint.Response> byStatus = new TreeMap<>();
    for (String key : responses.node().propertyNames()) {
      int status;
      try {
        status = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        status = -1;
      }
      if (status < 100 || status > 599) {
        throw responses.error(key, "an HTTP status from 100 to 599 as the key", "\"" + key + "\"",
            "write the status in quotes, e.g. \"200\":");
      }
      byStatus.put(status, response(responses.child(key, "a response"), status));
    }
    if (byStatus.isEmpty()) {
      throw f.error("responses", "at least one response", "none", "declare e.g. \"200\": {schema: schemas/x.schema.json}");
    }
    Optional<Endpoint.Probe> probe = f.has("probe")
        ? Optional.of(probe(f.child("probe", "the probe request"), path, byStatus.keySet()))
        : Optional.empty();
    return new Endpoint(
        id,
        method,
        path,
        f.optionalString("summary", "write a short text").orElse(""),
        f.optionalBoolean("deprecated", false),
        f.optionalDate("sunset"),
        FlagReader.read(f, byStatus, pointers()),
        request,
        byStatus,
        probe,
        f.location());
  }

  private SchemaPointers pointers() {
    return SchemaPointers.of(file -> {
      LocatedDocument d = schemas.document(file);
      return d == null ? null : d.root();
    });
  }

  private Endpoint.Response response(Fields r, int status) {
    r.allowOnly("schema", "contentType", "headers", "cookies");
    Optional<SourceLocation> schema = schemaRef(r, "schema");
    Optional<String> contentType = r.optionalString("contentType", "write a media type, e.g. application/json");
    if (contentType.isEmpty() && schema.isPresent()) {
      contentType = Optional.of("application/json");
    }
    List<HeaderExpectation> headers = r.has("headers")
        ? headers(r.child("headers", "header expectations by header name"))
        : new ArrayList<>();
    headers.sort((a, b) -> a.key().compareTo(b.key()));
    return new Endpoint.Response(status, schema, contentType, headers, r.stringList("cookies", "list cookie names"));
  }

  private static List<HeaderExpectation> headers(Fields h) {
    List<HeaderExpectation> headers = new ArrayList<>();
    for (String name : h.node().propertyNames()) {
      Fields e = h.child(name, "one expectation: contains, equals, pattern or absent");
      e.allowOnly("contains", "equals", "pattern", "absent");
      if (e.node().size() != 1) {
        throw e.error(null, "exactly one of contains, equals, pattern, absent", e.node().size() + " keys",
            "split the checks or keep one");
      }
      if (e.has("contains")) {
        headers.add(HeaderExpectation.contains(name, e.stringList("contains", "list the tokens, e.g. [Origin]")));
      } else if (e.has("equals")) {
        headers.add(HeaderExpectation.equalTo(name, e.requiredString("equals", "write the exact value")));
      } else if (e.has("pattern")) {
        String re = e.requiredString("pattern", "write a regular expression");
        try {
          Pattern.compile(re);
        } catch (PatternSyntaxException ex) {
          throw e.error("pattern", "a valid regular expression", "\"" + re + "\" (" + ex.getDescription() + ")",
              "escape special characters with a backslash");
        }
        headers.add(HeaderExpectation.matching(name, re));
      } else {
        if (!e.optionalBoolean("absent", false)) {
          throw e.error("absent", "absent: true", "false", "remove the expectation instead of writing absent: false");
        }
        headers.add(HeaderExpectation.absent(name));
      }
    }
    return headers;
  }

  private static Endpoint.Probe probe(Fields p, String path, Set<Integer> statuses) {
    Set<String> params = new HashSet<>();
    var m = PATH_PARAM.matcher(path);
    while (m.find()) {
      params.add(m.group(1));
    }
    p.allowOnly("path", "query", "body", "expectStatus", "state");
    Map<String, String> pathValues = p.scalarMap("path", "give each path parameter a value");
    for (String param : params) {
      if (!pathValues.containsKey(param)) {
        throw p.error(null, "a value for path parameter {" + param + "} under probe.path", "absent",
            "add 'path: {" + param + ": ...}' to the probe");
      }
    }
    for (String given : pathValues.keySet()) {
      if (!params.contains(given)) {
        throw p.error("path", "only the path parameters of \"" + path + "\"", "\"" + given + "\"",
            "remove it or add {" + given + "} to the endpoint's path");
      }
    }
    // Without expectStatus the probe expects success: the first 2xx, else the lowest declared status.
    int expect = statuses.stream().filter(s -> s >= 200 && s < 300).findFirst()
        .orElse(statuses.iterator().next());
    if (p.has("expectStatus")) {
      long s = p.optionalLong("expectStatus", 100, "write an HTTP status").orElseThrow();
      if (!statuses.contains((int) s)) {
        throw p.error("expectStatus", "one of the declared response statuses " + statuses, String.valueOf(s),
            "declare the response or expect a declared status");
      }
      expect = (int) s;
    }
    Optional<JsonNode> body = p.has("body") ? Optional.of(p.node().get("body")) : Optional.empty();
    Optional<String> state = p.optionalString("state", "name the provider state, e.g. 'a post with comments exists'");
    return new Endpoint.Probe(pathValues, p.scalarMap("query", "give each query parameter a value"), body, expect,
        state.map(String::strip));
  }

  /** The schema a key names, relative to the version folder; the file and the fragment must exist. */
  private Optional<SourceLocation> schemaRef(Fields f, String key) {
    Optional<String> text = f.optionalString(key, "write a schema file relative to the version folder, e.g. schemas/x.schema.json");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    SourceLocation target;
    try {
      target = Refs.resolve(new SourceLocation(versionDir + "/endpoints.yaml", ""), text.get());
    } catch (Refs.RefException e) {
      throw f.error(key, "a schema file inside the contract tree", e.getMessage(), e.hint());
    }
    LocatedDocument doc = schemas.document(target.file());
    if (doc == null) {
      String absence = schemas.absence(target.file());
      throw f.error(key, "an existing schema file", "\"" + text.get() + "\" (" + absence + ")",
          absence.equals("not found") ? "create " + target.file() + " or fix the path (relative to " + versionDir + "/)"
              : "name the schema file inside the folder, e.g. " + target.file() + "/x.schema.json");
    }
    if (doc.at(target.pointer()).isMissingNode()) {
      throw f.error(key, "a JSON pointer that exists in " + target.file(), "\"#" + target.pointer() + "\"",
          "fix the fragment; it must point at a schema in the file");
    }
    return Optional.of(target);
  }
}
