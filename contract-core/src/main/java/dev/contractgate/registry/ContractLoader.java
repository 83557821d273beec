package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * Reads a contract tree strictly (see {@code docs/contract-format.md}) into an immutable {@link LoadedTree}.
 * Schema files are loaded by following references from the endpoints, and every {@code $ref} is checked
 * before any schema is compiled, so a broken or remote reference never reaches the validator.
 */
@API(status = INTERNAL, since = "0.1")
public final class ContractLoader {

  static final String POLICY_FILE = "contract-gate.yaml";
  static final String CONSUMERS_DIR = "consumers";
  private static final Pattern NAMESPACE_ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern ENDPOINT_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  private static final Set<String> SEVERITIES = Set.of("breaking", "warning", "info", "off");
  // Values of these keywords are data: a "$ref" inside an example is not a reference.
  private static final Set<String> DATA_KEYWORDS =
      Set.of("examples", "example", "default", "const", "enum", "$comment");
  // Keywords whose value maps names to schemas: a property called "default" there is a schema, not data.
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

  private final Path root;
  private final String origin;
  private final Map<String, LocatedDocument> schemaDocuments = new TreeMap<>();

  private ContractLoader(Path root, String origin) {
    this.root = root;
    this.origin = origin;
  }

  /**
   * Loads the tree under {@code root}.
   *
   * @param origin how to name the tree in messages, e.g. the directory as the user typed it
   */
  public static LoadedTree load(Path root, String origin) {
    return new ContractLoader(root, origin).load();
  }

  private LoadedTree load() {
    if (!Files.isDirectory(root)) {
      throw ContractException.builder("Cannot load contract", origin)
          .expected("a directory holding namespace folders (see docs/contract-format.md)")
          .butWas(Files.exists(root) ? "a file" : "nothing at this path")
          .hint("pass --contracts DIR with the root of your contract tree")
          .build();
    }
    Policy policy = Files.isRegularFile(root.resolve(POLICY_FILE)) ? readPolicy() : Policy.defaults();
    Map<String, Namespace> namespaces = new TreeMap<>();
    Map<String, List<ContractVersion>> versions = new TreeMap<>();
    for (Path dir : children(root)) {
      String name = name(dir);
      if (!Files.isDirectory(dir) || name.startsWith(".") || name.equals(CONSUMERS_DIR)) {
        continue;
      }
      Namespace ns = readNamespace(dir, name);
      namespaces.put(name, ns);
      versions.put(name, readVersions(dir, ns));
    }
    if (namespaces.isEmpty()) {
      throw ContractException.builder("Cannot load contract", origin)
          .expected("at least one namespace folder with a namespace.yaml")
          .butWas("no namespace")
          .hint("create e.g. ivanpin/namespace.yaml and ivanpin/1.0.0/endpoints.yaml (see docs/contract-format.md)")
          .build();
    }
    List<Consumer> consumers = readConsumers(versions);
    return new LoadedTree(origin, policy, namespaces, versions, consumers, schemaDocuments);
  }

  // ---------------------------------------------------------------- namespace.yaml

  private Namespace readNamespace(Path dir, String id) {
    String file = id + "/namespace.yaml";
    if (!NAMESPACE_ID.matcher(id).matches()) {
      throw ContractException.builder("Cannot load contract", id + "/")
          .expected("a namespace folder named like " + NAMESPACE_ID.pattern())
          .butWas("\"" + id + "\"")
          .hint("rename the folder to lower-case letters, digits and '-'")
          .build();
    }
    if (!Files.isRegularFile(dir.resolve("namespace.yaml"))) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("a namespace.yaml in every namespace folder")
          .butWas("missing file")
          .hint("create " + file + " with at least 'basePath: /api/" + id + "/'")
          .build();
    }
    LocatedDocument doc = parse(file, Files.exists(dir) ? dir.resolve("namespace.yaml") : null);
    Fields f = Fields.object(doc, "", "the namespace");
    f.allowOnly("description", "basePath", "auth", "sessionCookie", "owners");
    String basePath = f.requiredString("basePath", "write the path prefix, e.g. basePath: /api/" + id + "/");
    if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
      throw f.error("basePath", "a path that starts and ends with '/'", "\"" + basePath + "\"", "write e.g. /api/" + id + "/");
    }
    Optional<Namespace.Auth> auth = Optional.empty();
    if (f.has("auth")) {
      Fields a = f.child("auth", "the namespace's token");
      a.allowOnly("header", "tokenEnv", "statusWithoutToken");
      String header = a.requiredString("header", "name the request header that carries the token, e.g. X-WGP-Token");
      String env = a.requiredString("tokenEnv", "name the environment variable that holds the token, e.g. IVANPIN_API_TOKEN");
      if (!env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw a.error("tokenEnv", "an environment variable name", "\"" + env + "\"",
            "write the variable's name (letters, digits, '_'), never the token itself");
      }
      List<Integer> statuses = a.intList("statusWithoutToken", 100, 599, "list HTTP statuses, e.g. [401, 403]");
      auth = Optional.of(new Namespace.Auth(header, env, statuses.isEmpty() ? List.of(401, 403) : statuses));
    }
    return new Namespace(
        id,
        f.optionalString("description", "write a short text").orElse(""),
        basePath,
        auth,
        f.optionalString("sessionCookie", "name the session cookie, e.g. IVANPIN_SESSID"),
        f.stringList("owners", "list owners as strings"),
        file);
  }

  // ---------------------------------------------------------------- versions

  private List<ContractVersion> readVersions(Path nsDir, Namespace ns) {
    List<ContractVersion> out = new ArrayList<>();
    for (Path dir : children(nsDir)) {
      String name = name(dir);
      if (!Files.isDirectory(dir) || name.startsWith(".")) {
        continue;
      }
      if (!SemVer.isValid(name)) {
        throw ContractException.builder("Cannot load contract", ns.id() + "/" + name + "/")
            .expected("a version folder named as a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0)")
            .butWas("\"" + name + "\"")
            .hint("rename the folder; versions are compared by semantic-version order")
            .build();
      }
      out.add(readVersion(dir, ns, SemVer.parse(name)));
    }
    out.sort((a, b) -> a.version().compareTo(b.version()));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).version().compareTo(out.get(i - 1).version()) == 0) {
        throw ContractException.builder("Cannot load contract", ns.id() + "/")
            .expected("each version once")
            .butWas("two folders for " + out.get(i).version())
            .hint("remove one of them")
            .build();
      }
    }
    if (out.isEmpty()) {
      throw ContractException.builder("Cannot load contract", ns.id() + "/")
          .expected("at least one version folder (e.g. " + ns.id() + "/1.0.0/endpoints.yaml)")
          .butWas("no version")
          .hint("create the first version of the namespace's contract")
          .build();
    }
    return List.copyOf(out);
  }

  private ContractVersion readVersion(Path dir, Namespace ns, SemVer version) {
    String versionDir = ns.id() + "/" + dir.getFileName().toString().replace("/", "");
    String file = versionDir + "/endpoints.yaml";
    if (!Files.isRegularFile(dir.resolve("endpoints.yaml"))) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("an endpoints.yaml in every version folder")
          .butWas("missing file")
          .hint("create " + file + " listing the version's endpoints")
          .build();
    }
    LocatedDocument doc = parse(file, dir.resolve("endpoints.yaml"));
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
      Endpoint e = readEndpoint(Fields.object(doc, "/endpoints/" + i, "an endpoint"), versionDir);
      String prev = ids.put(e.id(), "/endpoints/" + i);
      if (prev != null) {
        throw Fields.error(doc, "/endpoints/" + i + "/id", "endpoint ids unique within a version",
            "\"" + e.id() + "\" again (first at " + doc.position(prev) + ")", "rename one of the two endpoints");
      }
      String route = e.method() + " " + e.path().replaceAll("\\{[^}]*}", "{}");
      String prevRoute = routes.put(route, e.id());
      if (prevRoute != null) {
        throw Fields.error(doc, "/endpoints/" + i + "/path", "one endpoint per method and path",
            e.method() + " " + e.path() + " is also endpoint \"" + prevRoute + "\"",
            "merge the two endpoints or change one path");
      }
      endpoints.add(e);
    }
    return new ContractVersion(ns.id(), version, f.optionalString("description", "write a short text").orElse(""),
        endpoints, file);
  }

  private Endpoint readEndpoint(Fields f, String versionDir) {
    f.allowOnly("id", "method", "path", "summary", "deprecated", "sunset", "featureFlag", "request", "responses", "probe");
    String id = f.requiredString("id", "give the endpoint an id such as blog.list");
    if (!ENDPOINT_ID.matcher(id).matches()) {
      throw f.error("id", "an id like blog.list (lower-case words joined by '.')", "\"" + id + "\"",
          "use lower-case letters, digits, '-', '_' and '.'");
    }
    String method = f.requiredString("method", "write the HTTP method, e.g. method: GET");
    if (!METHODS.contains(method)) {
      throw f.error("method", "one of " + new java.util.TreeSet<>(METHODS), "\"" + method + "\"",
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
      request = new Endpoint.Request(schemaRef(r, "query", versionDir), schemaRef(r, "body", versionDir));
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
      byStatus.put(status, readResponse(responses.child(key, "a response"), status, versionDir));
    }
    if (byStatus.isEmpty()) {
      throw f.error("responses", "at least one response", "none", "declare e.g. \"200\": {schema: schemas/x.schema.json}");
    }
    Set<String> params = new HashSet<>();
    var m = PATH_PARAM.matcher(path);
    while (m.find()) {
      params.add(m.group(1));
    }
    Optional<Endpoint.Probe> probe = Optional.empty();
    if (f.has("probe")) {
      Fields p = f.child("probe", "the probe request");
      p.allowOnly("path", "query", "body", "expectStatus");
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
      int expect = byStatus.keySet().stream().filter(s -> s >= 200 && s < 300).findFirst()
          .orElse(byStatus.keySet().iterator().next());
      if (p.has("expectStatus")) {
        long s = p.optionalLong("expectStatus", 100, "write an HTTP status").orElseThrow();
        if (!byStatus.containsKey((int) s)) {
          throw p.error("expectStatus", "one of the declared response statuses " + byStatus.keySet(), String.valueOf(s),
              "declare the response or expect a declared status");
        }
        expect = (int) s;
      }
      Optional<JsonNode> body = p.has("body") ? Optional.of(p.node().get("body")) : Optional.empty();
      probe = Optional.of(new Endpoint.Probe(pathValues, p.scalarMap("query", "give each query parameter a value"), body, expect));
    }
    return new Endpoint(
        id,
        method,
        path,
        f.optionalString("summary", "write a short text").orElse(""),
        f.optionalBoolean("deprecated", false),
        f.optionalDate("sunset"),
        f.optionalString("featureFlag", "name the response field, e.g. feature_enabled"),
        request,
        byStatus,
        probe,
        f.location());
  }

  private Endpoint.Response readResponse(Fields r, int status, String versionDir) {
    r.allowOnly("schema", "contentType", "headers", "cookies");
    Optional<SourceLocation> schema = schemaRef(r, "schema", versionDir);
    Optional<String> contentType = r.optionalString("contentType", "write a media type, e.g. application/json");
    if (contentType.isEmpty() && schema.isPresent()) {
      contentType = Optional.of("application/json");
    }
    List<HeaderExpectation> headers = new ArrayList<>();
    if (r.has("headers")) {
      Fields h = r.child("headers", "header expectations by header name");
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
    }
    headers.sort((a, b) -> a.key().compareTo(b.key()));
    return new Endpoint.Response(status, schema, contentType, headers, r.stringList("cookies", "list cookie names"));
  }

  private Optional<SourceLocation> schemaRef(Fields f, String key, String versionDir) {
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
    ensureSchema(target, () -> f.error(key, "an existing schema file", "\"" + text.get() + "\" (not found)",
        "create " + target.file() + " or fix the path (relative to " + versionDir + "/)"),
        () -> f.error(key, "a JSON pointer that exists in " + target.file(), "\"#" + target.pointer() + "\"",
            "fix the fragment; it must point at a schema in the file"));
    return Optional.of(target);
  }

  // ---------------------------------------------------------------- schemas and $ref

  private void ensureSchema(
      SourceLocation target,
      java.util.function.Supplier<ContractException> missingFile,
      java.util.function.Supplier<ContractException> missingPointer) {
    LocatedDocument doc = schemaDocument(target.file());
    if (doc == null) {
      throw missingFile.get();
    }
    if (doc.at(target.pointer()).isMissingNode()) {
      throw missingPointer.get();
    }
  }

  /** Loads a schema file and, transitively, every file its references reach; null if it does not exist. */
  private LocatedDocument schemaDocument(String file) {
    LocatedDocument known = schemaDocuments.get(file);
    if (known != null) {
      return known;
    }
    Path p = resolveInTree(file);
    if (p == null || !Files.isRegularFile(p)) {
      return null;
    }
    LocatedDocument doc = parse(file, p);
    schemaDocuments.put(file, doc);
    checkReferences(doc);
    return doc;
  }

  private void checkReferences(LocatedDocument doc) {
    // Each entry: a pointer, and whether the object there maps names to schemas (properties, $defs ...),
    // in which case its keys are names, not keywords.
    Deque<Map.Entry<String, Boolean>> pending = new ArrayDeque<>();
    pending.push(Map.entry("", false));
    while (!pending.isEmpty()) {
      Map.Entry<String, Boolean> next = pending.pop();
      String ptr = next.getKey();
      JsonNode node = doc.at(ptr);
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          pending.push(Map.entry(ptr + "/" + i, false));
        }
        continue;
      }
      if (!node.isObject()) {
        continue;
      }
      if (next.getValue()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          pending.push(Map.entry(ptr + "/" + SourceLocation.escape(e.getKey()), false));
        }
        continue;
      }
      JsonNode id = node.get("$id");
      if (id != null && !ptr.isEmpty() && id.isString()) {
        throw Fields.error(doc, ptr + "/$id", "$id only at the root of a schema file", "\"" + id.asString() + "\"",
            "move the subschema into its own file or remove $id; references resolve by file path in the tree");
      }
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        checkReference(doc, ptr + "/$ref", ref.asString());
      }
      for (String dynamic : List.of("$dynamicRef", "$recursiveRef")) {
        JsonNode d = node.get(dynamic);
        if (d != null && d.isString() && Refs.isRemote(d.asString())) {
          throw refError(doc, ptr + "/" + dynamic, d.asString(), "a remote reference",
              "$ref and $dynamicRef resolve only inside the contract tree; copy the schema into the tree");
        }
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!DATA_KEYWORDS.contains(e.getKey()) && (e.getValue().isObject() || e.getValue().isArray())) {
          pending.push(Map.entry(ptr + "/" + SourceLocation.escape(e.getKey()), SCHEMA_MAPS.contains(e.getKey())));
        }
      }
    }
  }

  private void checkReference(LocatedDocument doc, String refPointer, String ref) {
    SourceLocation target;
    try {
      target = Refs.resolve(new SourceLocation(doc.file(), refPointer), ref);
    } catch (Refs.RefException e) {
      throw refError(doc, refPointer, ref, e.getMessage(), e.hint());
    }
    LocatedDocument targetDoc = target.file().equals(doc.file()) ? doc : schemaDocument(target.file());
    if (targetDoc == null) {
      throw refError(doc, refPointer, ref, "a file that does not exist (" + target.file() + ")",
          "create the file or fix the path; it is relative to " + doc.file());
    }
    if (targetDoc.at(target.pointer()).isMissingNode()) {
      throw refError(doc, refPointer, ref, "a pointer that does not exist in " + target.file(),
          "fix the fragment after '#'; it must name an existing schema such as #/$defs/Name");
    }
    // A chain of bare $refs that returns to its start never reaches a schema.
    Set<SourceLocation> seen = new HashSet<>();
    SourceLocation cur = target;
    LocatedDocument curDoc = targetDoc;
    while (true) {
      JsonNode n = curDoc.at(cur.pointer());
      if (!n.isObject() || n.size() != 1 || !n.has("$ref") || !n.get("$ref").isString()) {
        return;
      }
      if (!seen.add(cur)) {
        throw refError(doc, refPointer, ref, "a cycle of references that never reaches a schema",
            "one of the schemas in the cycle must define something besides $ref");
      }
      try {
        cur = Refs.resolve(new SourceLocation(cur.file(), cur.pointer()), n.get("$ref").asString());
      } catch (Refs.RefException e) {
        return; // reported when that document is checked
      }
      curDoc = cur.file().equals(doc.file()) ? doc : schemaDocuments.get(cur.file());
      if (curDoc == null) {
        return; // loaded and checked on its own
      }
    }
  }

  private static ContractException refError(LocatedDocument doc, String pointer, String ref, String actual, String hint) {
    String where = doc.position(pointer);
    return ContractException.builder("Cannot load contract", doc.file())
        .at(where.isEmpty() ? pointer : where + ", at " + pointer)
        .expected("a $ref to a schema inside the contract tree")
        .butWas("\"" + ref + "\": " + actual)
        .hint(hint)
        .build();
  }

  // ---------------------------------------------------------------- consumers

  private List<Consumer> readConsumers(Map<String, List<ContractVersion>> versions) {
    Path dir = root.resolve(CONSUMERS_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Consumer> out = new ArrayList<>();
    for (Path p : children(dir)) {
      String name = name(p);
      if (!Files.isRegularFile(p) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
        continue;
      }
      String id = name.substring(0, name.lastIndexOf('.'));
      String file = CONSUMERS_DIR + "/" + name;
      LocatedDocument doc = parse(file, p);
      Fields f = Fields.object(doc, "", "the consumer");
      f.allowOnly("namespace", "version", "owners", "reads");
      String ns = f.requiredString("namespace", "name the namespace the frontend calls");
      List<ContractVersion> nsVersions = versions.get(ns);
      if (nsVersions == null) {
        throw f.error("namespace", "one of the namespaces " + versions.keySet(), "\"" + ns + "\"", "fix the namespace id");
      }
      String v = f.requiredString("version", "name the contract version the frontend is built against, e.g. 1.1.0");
      if (!SemVer.isValid(v)) {
        throw f.error("version", "a semantic version such as 1.1.0", "\"" + v + "\"", "quote nothing, write MAJOR.MINOR.PATCH");
      }
      SemVer version = SemVer.parse(v);
      ContractVersion pinned = nsVersions.stream().filter(c -> c.version().equals(version)).findFirst()
          .orElseThrow(() -> f.error("version", "one of the versions of " + ns + ": "
              + nsVersions.stream().map(c -> c.version().toString()).toList(), "\"" + v + "\"",
              "pin the consumer to a version that exists in the tree"));
      Map<String, List<String>> reads = new LinkedHashMap<>();
      if (f.has("reads")) {
        Fields r = f.child("reads", "pointer patterns per endpoint id");
        for (String endpoint : r.node().propertyNames()) {
          if (pinned.endpoint(endpoint).isEmpty()) {
            throw r.error(endpoint, "an endpoint of " + pinned.label(), "\"" + endpoint + "\"",
                "use one of " + pinned.endpoints().stream().map(Endpoint::id).toList());
          }
          List<String> patterns = r.stringList(endpoint, "list JSON pointer patterns such as /items/*/title");
          for (String pattern : patterns) {
            if (!pattern.isEmpty() && !pattern.startsWith("/")) {
              throw r.error(endpoint, "JSON pointer patterns starting with '/'", "\"" + pattern + "\"",
                  "write e.g. /items/*/title");
            }
          }
          reads.put(endpoint, patterns);
        }
      }
      out.add(new Consumer(id, ns, version, f.stringList("owners", "list owners as strings"), reads, file));
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- contract-gate.yaml

  /** Reads a policy file on its own, e.g. one given to {@code diff --policy}. */
  public static Policy readPolicyFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ContractException.builder("Cannot load policy", file.toString())
          .expected("a contract-gate.yaml policy file")
          .butWas("no such file")
          .hint("check the path given to --policy")
          .build();
    }
    return new ContractLoader(file.toAbsolutePath().getParent(), file.toString()).readPolicy(file.getFileName().toString());
  }

  private Policy readPolicy() {
    return readPolicy(POLICY_FILE);
  }

  private Policy readPolicy(String name) {
    LocatedDocument doc = parse(name, root.resolve(name));
    Fields f = Fields.object(doc, "", "the policy");
    f.allowOnly("limits", "severities", "exceptions");
    Policy.Limits limits = Policy.Limits.defaults();
    if (f.has("limits")) {
      Fields l = f.child("limits", "validation limits");
      l.allowOnly("maxBodyBytes", "maxDepth");
      long maxDepth = l.optionalLong("maxDepth", 1, "write a nesting depth, e.g. 200").orElse((long) Policy.Limits.DEFAULT_MAX_DEPTH);
      if (maxDepth > Integer.MAX_VALUE) {
        throw l.error("maxDepth", "an integer from 1 to " + Integer.MAX_VALUE + " for \"maxDepth\"", String.valueOf(maxDepth),
            "write a nesting depth, e.g. 200");
      }
      limits = new Policy.Limits(
          l.optionalLong("maxBodyBytes", 1, "write a number of bytes, e.g. 10485760").orElse(Policy.Limits.DEFAULT_MAX_BODY_BYTES),
          (int) maxDepth);
    }
    Map<String, String> severities = f.scalarMap("severities", "map a rule id to breaking, warning, info or off");
    for (Map.Entry<String, String> e : severities.entrySet()) {
      if (!SEVERITIES.contains(e.getValue())) {
        throw Fields.error(doc, "/severities/" + SourceLocation.escape(e.getKey()), "one of " + new java.util.TreeSet<>(SEVERITIES),
            "\"" + e.getValue() + "\"", "write the severity in lower case");
      }
    }
    List<Policy.Exemption> exemptions = new ArrayList<>();
    JsonNode list = doc.at("/exceptions");
    if (!list.isMissingNode() && !list.isNull()) {
      if (!list.isArray()) {
        throw f.error("exceptions", "a list of exceptions", Fields.describe(list), "write '- rule: ...' entries");
      }
      for (int i = 0; i < list.size(); i++) {
        Fields x = Fields.object(doc, "/exceptions/" + i, "an exception");
        x.allowOnly("rule", "location", "reason", "until");
        exemptions.add(new Policy.Exemption(
            x.requiredString("rule", "name the rule id, e.g. response.property.removed"),
            x.requiredString("location", "name the place, e.g. ivanpin/1.2.0/blog.detail#/items/*/legacy"),
            x.requiredString("reason", "say why the change is accepted; the next engineer will ask"),
            x.optionalDate("until"),
            x.location()));
      }
    }
    return new Policy(limits, severities, exemptions, name);
  }

  // ---------------------------------------------------------------- files

  private LocatedDocument parse(String file, Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return LocatedDocument.parse(file, in, LocatedDocument.Syntax.forFile(file));
    } catch (IOException e) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("a readable file")
          .butWas(e.getClass().getSimpleName()
              + ": " + e.getMessage())
          .hint("check the file's permissions")
          .build();
    }
  }

  private Path resolveInTree(String file) {
    Path p = root;
    for (String part : file.split("/")) {
      if (part.isEmpty() || part.equals("..") || part.equals(".")) {
        return null;
      }
      p = p.resolve(part);
    }
    return p;
  }

  private static String name(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }

  private static List<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted((a, b) -> name(a).compareTo(name(b))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
