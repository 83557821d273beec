package dev.contractgate.infer;

import dev.contractgate.record.Redaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Puts an inferred version together: the namespace file, the endpoints file, the schemas, the summary. */
final class Assembly {

  /** The session cookie pattern of the validator: a name that says "session". */
  static final Pattern SESSION_COOKIE = Pattern.compile("(?i).*sess(ion)?(_?id)?.*");

  final String namespace;
  final String basePath;
  final String version;
  final InferOptions options;
  final String description;
  final Optional<String> authHeader;
  final Optional<String> tokenEnv;
  final List<String> notes = new ArrayList<>();

  Assembly(String namespace, String basePath, String version, InferOptions options, String description,
      Optional<String> authHeader, Optional<String> tokenEnv) {
    this.namespace = namespace;
    this.basePath = basePath;
    this.version = version;
    this.options = options;
    this.description = description;
    this.authHeader = authHeader;
    this.tokenEnv = tokenEnv;
  }

  /** A new version from scratch. */
  InferredVersion fresh(Reading.Outcome outcome, Set<String> secrets) {
    Collector c = outcome.collector();
    c.root.templateSlugs(options);
    List<PathNode.Route> routes = new ArrayList<>();
    c.root.routes(new ArrayList<>(), new ArrayList<>(), routes);
    List<VersionFiles.Planned> planned = new VersionFiles(options, notes).plan(routes, Set.of());
    Optional<String> session = sessionCookie(c);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(namespace + "/namespace.yaml", namespaceYaml(c, session, outcome));
    String dir = namespace + "/" + version + "/";
    files.put(dir + "endpoints.yaml", endpointsYaml(planned.stream().map(VersionFiles.Planned::entry).toList(),
        "Inferred by contract-gate infer from "
        + VersionFiles.count(c.exchanges, "exchange") + " under " + basePath));
    int schemas = 0;
    for (VersionFiles.Planned p : planned) {
      for (Map.Entry<String, ObjectNode> s : p.schemas().entrySet()) {
        files.put(dir + s.getKey(), VersionFiles.json(s.getValue()));
        schemas++;
      }
    }
    if (planned.isEmpty()) {
      notes.add("no exchange under " + basePath + " could be used: the version has no endpoint and will not load;"
          + " check --base-path and the recordings");
    }
    scrub(files, secrets);
    return new InferredVersion(namespace, version, basePath, files,
        summary(outcome, planned.size(), schemas, session, Map.of()), notes);
  }

  /** The one session cookie set under the base path, when there is exactly one. */
  Optional<String> sessionCookie(Collector c) {
    List<String> names = c.cookieNames.keySet().stream().filter(n -> SESSION_COOKIE.matcher(n).matches()).toList();
    if (names.size() == 1) {
      return Optional.of(names.get(0));
    }
    if (names.size() > 1) {
      notes.add("several session cookies were set under " + basePath + ": " + names + "; namespace.yaml names none."
          + " Name the session per namespace and add sessionCookie");
    }
    return Optional.empty();
  }

  String namespaceYaml(Collector c, Optional<String> session, Reading.Outcome outcome) {
    StringBuilder b = new StringBuilder();
    b.append("# Inferred by contract-gate infer from ").append(VersionFiles.count(c.exchanges, "exchange"))
        .append(". Review before release.\n");
    b.append("description: ").append(quote(description.isEmpty()
        ? "Inferred from recorded traffic under " + basePath : description)).append('\n');
    b.append("basePath: ").append(quote(basePath)).append('\n');
    if (authHeader.isPresent()) {
      b.append("auth:\n");
      b.append("  header: ").append(quote(authHeader.get())).append('\n');
      b.append("  # Put the token in this environment variable before verify or stub; its value is never written here.\n");
      b.append("  tokenEnv: ").append(tokenEnv.orElse(Inference.defaultTokenEnv(namespace))).append('\n');
    } else if (hasRefusals(c)) {
      notes.add("responses 401/403 were recorded but no request header carrying a token is known (NDJSON holds no"
          + " request headers): pass --auth-header NAME, or add auth to namespace.yaml");
    }
    session.ifPresent(s -> b.append("sessionCookie: ").append(quote(s)).append('\n'));
    return b.toString();
  }

  private static boolean hasRefusals(Collector c) {
    List<PathNode.Route> routes = new ArrayList<>();
    c.root.routes(new ArrayList<>(), new ArrayList<>(), routes);
    return routes.stream().anyMatch(r -> r.stats().statuses.containsKey(401) || r.stats().statuses.containsKey(403));
  }

  static String endpointsYaml(List<ObjectNode> entries, String description) {
    ObjectNode root = VersionFiles.NODES.objectNode();
    root.put("description", description);
    ArrayNode list = root.putArray("endpoints");
    entries.forEach(list::add);
    return "# Inferred by contract-gate infer. Review before release: summaries count the exchanges, every schema"
        + " place has x-inferred evidence.\n" + VersionFiles.YAML.writeValueAsString(root);
  }

  InferSummary summary(Reading.Outcome outcome, int endpoints, int schemas, Optional<String> session,
      Map<String, Long> extra) {
    Problems p = outcome.collector().problems;
    Map<String, Long> counts = new LinkedHashMap<>(p.counts());
    extra.forEach((k, v) -> counts.merge(k, v, Long::sum));
    List<InferSummary.Problem> examples = p.examples.stream()
        .map(e -> new InferSummary.Problem(e.kind(), e.where(), e.detail())).toList();
    return new InferSummary(outcome.entries(), outcome.collector().exchanges, outcome.outside(), outcome.files(),
        endpoints, schemas, authHeader, session, counts, examples);
  }

  /** Masks every secret value in every file; notes the files where one was found. */
  void scrub(Map<String, String> files, Collection<String> secrets) {
    List<String> sorted = secrets.stream().filter(s -> s.length() >= 4)
        .sorted((x, y) -> Integer.compare(y.length(), x.length())).toList();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String text = f.getValue();
      String out = text;
      for (String s : sorted) {
        if (out.contains(s)) {
          out = out.replace(s, Redaction.MASK);
        }
        String json = JsonMapper.shared().writeValueAsString(s);
        String escaped = json.substring(1, json.length() - 1);
        if (!escaped.equals(s) && out.contains(escaped)) {
          out = out.replace(escaped, Redaction.MASK);
        }
      }
      if (!out.equals(text)) {
        notes.add(f.getKey() + ": a value sent as a credential in the recorded requests appeared here and was"
            + " masked; check the place that held it");
        f.setValue(out);
      }
    }
  }

  static String quote(String s) {
    return JsonMapper.shared().writeValueAsString(s);
  }
}
