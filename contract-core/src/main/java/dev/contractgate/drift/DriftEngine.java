package dev.contractgate.drift;

import dev.contractgate.record.LineBody;
import dev.contractgate.record.RecordedExchange;
import dev.contractgate.record.RecordingEntry;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.EndpointMatcher;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.Messages;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The drift run: per-worker accumulation of validated recordings and the merge into a {@link DriftResult}. */
final class DriftEngine {

  /** Matches a recording against one version per namespace and validates it; shared by drift and witnesses. */
  public static final class Checker {
    final ContractRegistry registry;
    final EndpointMatcher matcher;
    final ResponseValidator validator;
    final Redaction redaction;
    final JsonMapper mapper;
    final int maxDepth;
    final long maxBodyBytes;

    public Checker(ContractRegistry registry, List<ContractVersion> versions, Redaction redaction) {
      this.registry = registry;
      List<Namespace> namespaces = new ArrayList<>();
      for (ContractVersion v : versions) {
        namespaces.add(registry.requireNamespace(v.namespace()));
      }
      this.matcher = new EndpointMatcher(namespaces, versions);
      this.validator = ResponseValidator.of(registry);
      this.redaction = redaction;
      this.maxDepth = registry.policy().limits().maxDepth();
      this.maxBodyBytes = registry.policy().limits().maxBodyBytes();
      StreamReadConstraints c = StreamReadConstraints.builder()
          .maxNestingDepth(maxDepth).maxDocumentLength(registry.policy().limits().maxBodyBytes()).build();
      // Parser buffers per worker thread rather than Jackson's default pool shared by all workers.
      this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(c)
          .recyclerPool(tools.jackson.core.util.JsonRecyclerPools.threadLocalPool()).build()).build();
    }

    public Optional<EndpointMatcher.Match> match(RecordedExchange e) {
      return matcher.match(e.method(), e.target());
    }

    /** A body parsed once: the tree with redacted fields masked (null when not JSON) and the text to validate. */
    public record Body(JsonNode tree, String text) {}

    /** Parses the body once and masks redacted fields; the text changes only when a field was masked. */
    public Body parse(String body) {
      if (body.isEmpty()) {
        return new Body(null, body);
      }
      try {
        JsonNode n = mapper.readTree(body);
        if (n == null || n.isMissingNode()) {
          return new Body(null, body);
        }
        return new Body(n, redaction.redact(n) ? n.toString() : body);
      } catch (JacksonException e) {
        return new Body(null, body);
      }
    }

    /**
     * As {@link #parse(String)} for a body kept aside as characters ({@link LineBody}), parsed from them without
     * making the string: the same parser over the same characters as {@code readTree(String)} (which copies a
     * string of up to 32 768 characters into such an array), with the same trailing-token check. Only a body of
     * at most a quarter of {@code maxBodyBytes} characters is parsed so, far within both size limits; anything
     * else, and a body without a tree, goes through the string for the same result as before.
     *
     * <p>The text of a body parsed here and not masked is empty: the validator reads the text only when the
     * tree is null (to parse it and report why not) or for its size, which is within the limit.
     */
    public Body parse(LineBody b) {
      int n = b.length();
      if (n == 0 || n > 0x8000 || n > maxBodyBytes / 4) {
        return parse(b.string());
      }
      JsonNode tree;
      try (JsonParser p = mapper.createParser(b.chars(), 0, n)) {
        tree = mapper.readTree(p);
      } catch (JacksonException e) {
        return parse(b.string());
      }
      if (tree == null || tree.isMissingNode()) {
        return parse(b.string());
      }
      return new Body(tree, redaction.redact(tree) ? tree.toString() : "");
    }

    /**
     * Validates with redacted headers; violations at a value the redaction masked are dropped (the real
     * value is unknown).
     */
    public List<Violation> validate(ContractVersion version, Endpoint endpoint, RecordedExchange e, Body body) {
      Map<String, List<String>> headers = new HashMap<>();
      e.headers().forEach((k, v) -> headers.put(k, v.stream().map(x -> redaction.header(k, x)).toList()));
      ObservedResponse response = new ObservedResponse(e.status(), headers, body.text());
      List<Violation> out = new ArrayList<>();
      // The body was parsed once already (for masking and the field walk): no second parse.
      for (Violation v : validator.validate(version, endpoint, response, body.tree()).violations()) {
        if (body.tree() != null && v.instancePointer().startsWith("/") && !v.rule().equals("body.required")) {
          JsonNode at = body.tree().at(v.instancePointer());
          if (at.isString() && Redaction.MASK.equals(at.stringValue())) {
            continue;
          }
        }
        out.add(v);
      }
      return out;
    }
  }

  /** What one worker has seen. */
  public static final class Accumulator {
    final Map<String, EndpointAcc> endpoints = new HashMap<>();
    final Aggregates unmatched;
    final TreeSet<Sample> unreadable = new TreeSet<>();
    long unreadableCount;
    long recordings;
    long outside;
    long withoutResponse;
    long truncated;
    final int samples;

    Accumulator(int samples) {
      this.samples = samples;
      this.unmatched = new Aggregates(samples);
    }

    EndpointAcc endpoint(String key) {
      return endpoints.computeIfAbsent(key, k -> new EndpointAcc(samples));
    }
  }

  static final class EndpointAcc {
    long count;
    long conforming;
    final Aggregates violations;
    final Aggregates unknown;
    final Aggregates enums;
    final Map<Integer, Set<String>> observed = new HashMap<>();

    EndpointAcc(int samples) {
      violations = new Aggregates(samples);
      unknown = new Aggregates(samples);
      enums = new Aggregates(samples);
    }

    void merge(EndpointAcc o) {
      count += o.count;
      conforming += o.conforming;
      violations.merge(o.violations);
      unknown.merge(o.unknown);
      enums.merge(o.enums);
      o.observed.forEach((k, v) -> observed.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
    }
  }

  private final ContractRegistry registry;
  private final List<ContractVersion> versions;
  private final Checker checker;
  private final SchemaShape shape;
  private final int samples;
  private final Map<SourceLocation, Set<String>> declared = new java.util.concurrent.ConcurrentHashMap<>();

  public DriftEngine(ContractRegistry registry, List<ContractVersion> versions, Redaction redaction, int samples) {
    this.registry = registry;
    this.versions = List.copyOf(versions);
    this.checker = new Checker(registry, versions, redaction);
    this.shape = new SchemaShape(registry.documents());
    this.samples = samples;
    for (ContractVersion v : versions) {
      for (Endpoint e : v.endpoints()) {
        for (Endpoint.Response r : e.responses().values()) {
          // A hash set: every property of every body is looked up here (the sorted set compared strings).
          r.schema().ifPresent(s -> declared.computeIfAbsent(s, k -> Set.copyOf(shape.declared(k))));
        }
      }
    }
  }

  public DriftResult run(List<Path> files, int threads, int capacity) {
    long start = System.nanoTime();
    List<Accumulator> parts = Pipeline.run(files, threads, capacity, checker.maxBodyBytes,
        () -> new Accumulator(samples), (Pipeline.Work<Accumulator>) this::process, checker.redaction);
    return merge(files, parts, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * {@code kept}: the body, when the line's decoding kept it aside (the exchange's body is then empty); null
   * when the body is in the exchange (HAR, WireMock, and NDJSON lines of an unusual shape).
   */
  void process(Accumulator acc, RecordingEntry entry, LineBody kept) {
    acc.recordings++;
    if (entry instanceof RecordingEntry.Unreadable u) {
      acc.unreadableCount++;
      offer(acc.unreadable, new Sample(u.ref(), u.problem()), samples);
      return;
    }
    RecordingEntry.Read read = (RecordingEntry.Read) entry;
    RecordedExchange e = read.exchange();
    Optional<EndpointMatcher.Match> m = checker.match(e);
    if (m.isEmpty()) {
      acc.outside++;
      return;
    }
    if (e.status() == 0) {
      acc.withoutResponse++;
      return;
    }
    if (e.truncated()) {
      acc.truncated++;
      return;
    }
    if (m.get().endpoint().isEmpty()) {
      String path = checker.redaction.target(EndpointMatcher.stripQuery(e.target()));
      acc.unmatched.add("drift.unmatched", e.method() + " " + path, "", "", new Sample(read.ref(), ""));
      return;
    }
    Endpoint endpoint = m.get().endpoint().get();
    ContractVersion version = m.get().version();
    EndpointAcc ep = acc.endpoint(version.namespace() + '\u0000' + endpoint.id());
    ep.count++;
    Checker.Body parsed = kept != null ? checker.parse(kept) : checker.parse(e.body());
    JsonNode body = parsed.tree();
    List<Violation> violations = checker.validate(version, endpoint, e, parsed);
    if (violations.isEmpty()) {
      ep.conforming++;
    }
    for (Violation v : violations) {
      ep.violations.add(v.rule(), pattern(body, v.instancePointer()), v.expected(),
          v.schemaLocation().map(SourceLocation::toString).orElse(""), new Sample(read.ref(), v.actual()));
    }
    Endpoint.Response spec = endpoint.responses().get(e.status());
    if (body != null && spec != null && spec.schema().isPresent()) {
      SourceLocation schema = spec.schema().get();
      Set<String> known = declared.getOrDefault(schema, Set.of());
      Set<String> seen = ep.observed.computeIfAbsent(e.status(), k -> new HashSet<>());
      shape.walk(schema, body, new SchemaShape.Visitor() {
        @Override
        public void observed(String pattern) {
          if (known.contains(pattern)) {
            seen.add(pattern);
          }
        }

        @Override
        public void unknown(String pattern) {
          ep.unknown.add("drift.unknown-field", pattern, "", "", new Sample(read.ref(), ""));
        }

        @Override
        public void disallowed(String pattern, JsonNode value) {
          if (value.isString() && Redaction.MASK.equals(value.stringValue())) {
            return;
          }
          ep.enums.add("drift.enum-value", pattern, Messages.truncate(value.toString()), "",
              new Sample(read.ref(), Messages.describe(value)));
        }
      }, checker.maxDepth);
    }
  }

  /** {@code /items/3/author/name} as {@code /items/*}{@code /author/name}: array indexes become {@code *}, keys stay. */
  static String pattern(JsonNode body, String pointer) {
    if (body == null || !pointer.startsWith("/")) {
      return pointer;
    }
    StringBuilder b = new StringBuilder();
    JsonNode at = body;
    for (String segment : pointer.substring(1).split("/", -1)) {
      if (at != null && at.isArray()) {
        b.append("/*");
        at = segment.chars().allMatch(Character::isDigit) && !segment.isEmpty() && segment.length() < 10
            ? at.get(Integer.parseInt(segment)) : null;
      } else {
        b.append('/').append(segment);
        at = at == null ? null : at.get(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return b.toString();
  }

  static void offer(TreeSet<Sample> set, Sample s, int max) {
    if (max <= 0) {
      return;
    }
    if (set.size() < max) {
      set.add(s);
    } else if (s.compareTo(set.last()) < 0) {
      set.add(s);
      set.pollLast();
    }
  }

  DriftResult merge(List<Path> files, List<Accumulator> parts, long millis) {
    Accumulator all = new Accumulator(samples);
    for (Accumulator p : parts) {
      p.endpoints.forEach((k, v) -> all.endpoint(k).merge(v));
      all.unmatched.merge(p.unmatched);
      for (Sample s : p.unreadable) {
        offer(all.unreadable, s, samples);
      }
      all.unreadableCount += p.unreadableCount;
      all.recordings += p.recordings;
      all.outside += p.outside;
      all.withoutResponse += p.withoutResponse;
      all.truncated += p.truncated;
    }
    List<EndpointDrift> endpoints = new ArrayList<>();
    for (ContractVersion v : versions) {
      Namespace ns = registry.requireNamespace(v.namespace());
      List<Endpoint> sorted = new ArrayList<>(v.endpoints());
      sorted.sort(java.util.Comparator.comparing(Endpoint::id));
      for (Endpoint e : sorted) {
        EndpointAcc acc = all.endpoints.getOrDefault(v.namespace() + '\u0000' + e.id(), new EndpointAcc(samples));
        List<String> never = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> seen : new java.util.TreeMap<>(acc.observed).entrySet()) {
          int status = seen.getKey();
          Endpoint.Response spec = e.responses().get(status);
          if (status < 200 || status > 299 || spec == null || spec.schema().isEmpty()) {
            continue;
          }
          for (String p : declared.getOrDefault(spec.schema().get(), Set.of())) {
            if (!seen.getValue().contains(p) && !never.contains(p)) {
              never.add(p);
            }
          }
        }
        never.sort(null);
        endpoints.add(new EndpointDrift(v.namespace(), v.version().toString(), e.id(),
            e.method() + " " + e.fullPath(ns.basePath()), acc.count, acc.conforming, acc.violations.freeze(),
            acc.unknown.freeze(), acc.enums.freeze(), never));
      }
    }
    List<String> names = files.stream().map(Path::toString).toList();
    List<DriftGroup> unmatched = all.unmatched.freeze();
    return new DriftResult(names, endpoints, unmatched, new ArrayList<>(all.unreadable), all.unreadableCount,
        all.recordings, all.outside, all.withoutResponse, all.truncated, millis);
  }
}
