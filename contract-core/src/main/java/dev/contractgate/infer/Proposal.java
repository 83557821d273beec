package dev.contractgate.infer;

import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.EndpointMatcher;
import dev.contractgate.registry.Namespace;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code infer --from NS@V}: the next version of an existing contract. It starts as a copy of V; every pass
 * streams the recordings against the copy as it stands, widens each keyword that rejected a recorded value
 * ({@link Widening}), and adds the statuses and endpoints the copy lacks (inferred as a new version would be);
 * it stops when a pass widens nothing (at most {@value #MAX_PASSES} passes). What no widening can accept (a body
 * that is not JSON, a foreign session cookie) is counted and left as it is.
 */
final class Proposal {

  static final int MAX_PASSES = 4;

  private final ContractRegistry registry;
  private final String from;
  private final Assembly a;
  private final Redaction redaction;
  private final int threads;
  /** The copy of V, version-relative file to document, and its endpoint entries. */
  private final TreeMap<String, JsonNode> docs = new TreeMap<>();
  private final List<ObjectNode> entries = new ArrayList<>();
  private final Set<String> changed = new TreeSet<>();

  Proposal(ContractRegistry registry, String from, Assembly a, Redaction redaction, int threads) {
    this.registry = registry;
    this.from = from;
    this.a = a;
    this.redaction = redaction;
    this.threads = threads;
  }

  InferredVersion run(List<Path> recordings, Set<String> secrets) {
    Namespace ns = registry.requireNamespace(a.namespace);
    ContractVersion v = registry.requireVersion(a.namespace, from);
    String fromDir = ns.id() + "/" + v.version() + "/";
    for (String f : registry.schemaFiles()) {
      if (f.startsWith(fromDir)) {
        docs.put(f.substring(fromDir.length()), registry.schemaDocument(f).orElseThrow().deepCopy());
      }
    }
    v.endpoints().forEach(e -> entries.add(EndpointYaml.of(e, fromDir)));
    int widened = 0;
    int addedStatuses = 0;
    int addedEndpoints = 0;
    long rejectedByFrom = -1;
    Problems firstProblems = null;
    Pass last = null;
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      last = pass(ns, recordings);
      if (pass == 1) {
        rejectedByFrom = last.rejected;
        firstProblems = last.rejections;
        addedStatuses = addStatuses(last);
        addedEndpoints = addEndpoints(last);
      }
      int applied = widen(last);
      widened += applied;
      if (applied == 0 && (pass > 1 || addedStatuses + addedEndpoints == 0)) {
        break;
      }
      if (pass == MAX_PASSES) {
        last = pass(ns, recordings);
      }
    }
    if (last.rejected > 0) {
      a.notes.add(last.rejected + " recorded responses are still rejected: no widening accepts them (not JSON, too"
          + " large, a foreign session cookie ...); see the rejected examples");
    }
    a.notes.add(0, "proposed from " + ns.id() + "@" + from + ": " + VersionFiles.count(rejectedByFrom, "response")
        + " it rejected, " + VersionFiles.count(widened, "place") + " widened, " + VersionFiles.count(addedStatuses,
        "status") + " and " + VersionFiles.count(addedEndpoints, "endpoint") + " added");
    return output(ns, fromDir, last, firstProblems, rejectedByFrom, secrets);
  }

  /** One streaming pass over the recordings against the proposal as it stands now. */
  private Pass pass(Namespace ns, List<Path> recordings) {
    Path stage = null;
    try {
      stage = Files.createTempDirectory("contract-gate-infer-");
      Path nsDir = Files.createDirectories(stage.resolve(ns.id()));
      Files.writeString(nsDir.resolve("namespace.yaml"), EndpointYaml.namespaceYaml(ns), StandardCharsets.UTF_8);
      Path dir = Files.createDirectories(nsDir.resolve(a.version));
      Files.writeString(dir.resolve("endpoints.yaml"), Assembly.endpointsYaml(entries, "proposal"), StandardCharsets.UTF_8);
      for (Map.Entry<String, JsonNode> d : docs.entrySet()) {
        Path f = dir.resolve(d.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, VersionFiles.json(d.getValue()), StandardCharsets.UTF_8);
      }
      ContractRegistry staged;
      try {
        staged = ContractRegistry.load(stage);
      } catch (ContractException e) {
        throw ContractException.builder("Cannot propose a version", ns.id() + "/" + from)
            .expected("a version whose files load on their own, copied as " + a.version)
            .butWas(Reading.oneLine(e.getMessage()))
            .hint("--from copies one version folder: a $ref into another version's folder is not supported")
            .cause(e)
            .build();
      }
      ContractVersion v2 = staged.requireVersion(ns.id(), a.version);
      EndpointMatcher matcher = new EndpointMatcher(List.of(staged.requireNamespace(ns.id())), List.of(v2));
      ResponseValidator validator = ResponseValidator.of(staged);
      String prefix = ns.id() + "/" + a.version + "/";
      Reading.Run<Worker> run = Reading.run(recordings, redaction, a.basePath, a.options, threads,
          () -> new Worker(a.basePath, a.options, matcher, validator, v2, prefix));
      return new Pass(run, a.options, a.basePath);
    } catch (IOException e) {
      throw ContractException.builder("Cannot propose a version", ns.id() + "/" + from)
          .expected("a writable temporary folder to check the proposal in")
          .butWas(e.toString())
          .hint("check java.io.tmpdir and the free space")
          .cause(e)
          .build();
    } finally {
      if (stage != null) {
        try {
          TreeWriter.deleteTree(stage);
        } catch (IOException ignored) {
          // a temporary folder
        }
      }
    }
  }

  /** What one worker saw in one pass. */
  static final class Worker implements Reading.Sink {
    final Collector fresh;
    final EndpointMatcher matcher;
    final ResponseValidator validator;
    final ContractVersion version;
    final String prefix;
    final TreeMap<String, StatusStats> newStatuses = new TreeMap<>();
    final TreeMap<String, Widening> edits = new TreeMap<>();
    final Problems rejections = new Problems();
    long rejected;
    long seen;

    Worker(String base, InferOptions o, EndpointMatcher matcher, ResponseValidator validator, ContractVersion version,
        String prefix) {
      this.fresh = new Collector(base, o);
      this.matcher = matcher;
      this.validator = validator;
      this.version = version;
      this.prefix = prefix;
    }

    @Override
    public void add(Collector.Item item) {
      seen++;
      var e = item.exchange();
      Endpoint endpoint = matcher.match(e.method(), e.target()).flatMap(EndpointMatcher.Match::endpoint).orElse(null);
      if (endpoint == null) {
        fresh.add(item);
        return;
      }
      if (!endpoint.responses().containsKey(e.status())) {
        fresh.response(item, newStatuses.computeIfAbsent(endpoint.id() + " " + e.status(), k -> new StatusStats()));
        return;
      }
      if (item.tooLarge()) {
        fresh.problems.add(item.seq(), "body.too-large", item.ref().toString(), "a body over the limit");
        return;
      }
      ValidationResult r = validator.validate(version, endpoint, e.response());
      if (r.isValid()) {
        return;
      }
      rejected++;
      Violation first = r.violations().get(0);
      rejections.add(item.seq(), "rejected", item.ref().toString(), endpoint.id() + " " + e.status() + " "
          + first.rule() + " at " + first.where() + ": expected " + first.expected() + ", but was " + first.actual());
      JsonNode body = null;
      for (Violation x : r.violations()) {
        if (x.rule().startsWith("body.") && x.schemaLocation().isPresent()) {
          if (body == null) {
            body = fresh.parse(e.body());
          }
          schemaEdit(x, body, item.seq());
        } else if (x.rule().startsWith("header.") || x.rule().equals("cookie.missing")) {
          String where = x.instancePointer();
          String name = where.substring(where.indexOf(':') + 1);
          Widening w = edits.computeIfAbsent("endpoint#" + endpoint.id() + " " + e.status() + " " + x.rule(),
              k -> new Widening("endpoint", endpoint.id() + " " + e.status(), x.rule()));
          w.count++;
          w.names.add(x.rule().equals("cookie.missing") ? name : name.toLowerCase(java.util.Locale.ROOT));
          e.header("content-type").stream().findFirst().map(StatusStats::mediaType)
              .ifPresent(m -> w.media.merge(m, 1L, Long::sum));
        }
      }
    }

    private void schemaEdit(Violation x, JsonNode body, long seq) {
      var loc = x.schemaLocation().orElseThrow();
      if (!loc.file().startsWith(prefix) || body == null) {
        return;
      }
      String pointer = loc.pointer();
      int slash = pointer.lastIndexOf('/');
      String keyword = slash < 0 ? pointer : unescape(pointer.substring(slash + 1));
      String parent = slash < 0 ? "" : pointer.substring(0, slash);
      String file = loc.file().substring(prefix.length());
      Widening w = edits.computeIfAbsent(file + "#" + parent + " " + keyword, k -> new Widening(file, parent, keyword));
      String instance = x.instancePointer();
      String name = null;
      if (keyword.equals("required") || keyword.equals("additionalProperties")
          || keyword.equals("unevaluatedProperties")) {
        name = unescape(instance.substring(instance.lastIndexOf('/') + 1));
      }
      JsonNode value = keyword.equals("required") ? null : body.at(instance);
      w.see(value, name, seq, fresh.options, fresh.stamps);
    }
  }

  /** All workers of one pass, merged. */
  static final class Pass {
    final Collector fresh;
    final Reading.Run<Worker> run;
    final TreeMap<String, StatusStats> newStatuses = new TreeMap<>();
    final Map<String, Widening> edits;
    final Problems rejections = new Problems();
    long rejected;
    long seen;

    Pass(Reading.Run<Worker> run, InferOptions o, String base) {
      this.run = run;
      this.fresh = new Collector(base, o);
      fresh.problems.merge(run.problems());
      List<Map<String, Widening>> maps = new ArrayList<>();
      for (Worker w : run.sinks()) {
        fresh.merge(w.fresh);
        w.newStatuses.forEach((k, s) -> newStatuses.computeIfAbsent(k, x -> new StatusStats()).merge(s, o));
        maps.add(w.edits);
        rejections.merge(w.rejections);
        rejected += w.rejected;
        seen += w.seen;
      }
      edits = Widening.mergeAll(maps, o);
    }
  }

  private int widen(Pass p) {
    int applied = 0;
    for (Widening w : p.edits.values()) {
      boolean ok;
      if (w.file.equals("endpoint")) {
        String[] idStatus = w.parent.split(" ");
        ObjectNode entry = EndpointYaml.find(entries, idStatus[0]);
        JsonNode response = entry == null ? null : entry.path("responses").get(idStatus[1]);
        ok = response instanceof ObjectNode r && w.applyToEndpoint(r);
      } else {
        JsonNode doc = docs.get(w.file);
        JsonNode holder = doc == null ? null : doc.at(w.parent);
        ObjectNode o = holder instanceof ObjectNode h && h.has(w.keyword) ? h : null;
        ok = o != null && w.apply(o, a.options);
        if (ok) {
          ObjectNode evidence = o.has("x-inferred") && o.get("x-inferred").isObject() ? (ObjectNode) o.get("x-inferred")
              : o.putObject("x-inferred");
          evidence.put("widenedFrom", from);
          evidence.put("rejected", evidence.path("rejected").asLong(0) + w.count);
          changed.add(w.file);
        }
      }
      if (ok) {
        applied++;
      } else {
        a.notes.add("could not widen " + w.keyword + " at " + (w.file.equals("endpoint") ? w.parent
            : w.file + "#" + w.parent) + " (" + VersionFiles.count(w.count, "rejected value") + "): edit it by hand");
      }
    }
    return applied;
  }

  private int addStatuses(Pass p) {
    VersionFiles files = new VersionFiles(a.options, a.notes);
    int n = 0;
    for (Map.Entry<String, StatusStats> s : p.newStatuses.entrySet()) {
      String[] idStatus = s.getKey().split(" ");
      ObjectNode entry = EndpointYaml.find(entries, idStatus[0]);
      Map<String, ObjectNode> schemas = new LinkedHashMap<>();
      ObjectNode response = files.response(idStatus[0], idStatus[0].replace('.', '-'), entry.path("method").asString(),
          entry.path("path").asString(), Integer.parseInt(idStatus[1]), s.getValue(), schemas);
      schemas.forEach((file, doc) -> {
        String f = unique(file);
        docs.put(f, doc);
        changed.add(f);
        response.put("schema", f);
      });
      ((ObjectNode) entry.get("responses")).set(idStatus[1], response);
      n++;
    }
    return n;
  }

  private int addEndpoints(Pass p) {
    p.fresh.root.templateSlugs(a.options);
    List<PathNode.Route> routes = new ArrayList<>();
    p.fresh.root.routes(new ArrayList<>(), new ArrayList<>(), routes);
    Set<String> ids = new TreeSet<>();
    entries.forEach(e -> ids.add(e.path("id").asString()));
    List<VersionFiles.Planned> planned = new VersionFiles(a.options, a.notes).plan(routes, ids);
    for (VersionFiles.Planned pl : planned) {
      for (Map.Entry<String, ObjectNode> s : pl.schemas().entrySet()) {
        String f = unique(s.getKey());
        docs.put(f, s.getValue());
        changed.add(f);
        if (!f.equals(s.getKey())) {
          VersionFiles.rename(pl.entry(), s.getKey(), f);
        }
      }
      entries.add(pl.entry());
    }
    return planned.size();
  }

  private String unique(String file) {
    String f = file;
    for (int i = 2; docs.containsKey(f); i++) {
      f = file.replace(".schema.json", "-" + i + ".schema.json");
    }
    return f;
  }

  private InferredVersion output(Namespace ns, String fromDir, Pass last, Problems firstProblems, long rejectedByFrom,
      Set<String> secrets) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ns.id() + "/namespace.yaml", EndpointYaml.namespaceYaml(ns));
    String dir = ns.id() + "/" + a.version + "/";
    files.put(dir + "endpoints.yaml", Assembly.endpointsYaml(entries, "Proposed by contract-gate infer from "
        + ns.id() + "@" + from + ": " + a.notes.get(0).substring(a.notes.get(0).indexOf(':') + 2)));
    Path origin = registry.origin().startsWith("classpath:") ? null : Path.of(registry.origin());
    for (Map.Entry<String, JsonNode> d : docs.entrySet()) {
      Path original = origin == null ? null : origin.resolve(fromDir + d.getKey());
      String text;
      try {
        text = !changed.contains(d.getKey()) && original != null && Files.isRegularFile(original)
            ? Files.readString(original, StandardCharsets.UTF_8) : VersionFiles.json(d.getValue());
      } catch (IOException e) {
        text = VersionFiles.json(d.getValue());
      }
      files.put(dir + d.getKey(), text);
    }
    a.scrub(files, secrets);
    Problems problems = last.fresh.problems;
    firstProblems.examples.forEach(e -> problems.add(e.seq(), e.kind(), e.where(), e.detail()));
    // "rejected" counts what the current version rejects: the first pass's count
    problems.counts.remove("rejected");
    if (rejectedByFrom > 0) {
      problems.counts.put("rejected", rejectedByFrom);
    }
    List<InferSummary.Problem> examples = problems.examples.stream()
        .map(e -> new InferSummary.Problem(e.kind(), e.where(), e.detail())).toList();
    InferSummary s = new InferSummary(last.run.entries(), last.seen, last.run.outside(), last.run.files(),
        entries.size(), docs.size(), a.authHeader.or(() -> ns.auth().map(Namespace.Auth::header)),
        ns.sessionCookie(), problems.counts, examples);
    return new InferredVersion(ns.id(), a.version, a.basePath, files, s, a.notes);
  }

  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
