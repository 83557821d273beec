package dev.contractgate.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads one {@code consumers/<id>.yaml}. It runs after every namespace is read, because a consumer is checked
 * against the tree: its namespace, its pinned version and the endpoints it reads must all exist, and every pointer
 * it reads must be a place its pinned version's success response can produce (a typo gets a "did you mean").
 */
final class ConsumerReader {

  /**
   * Reads the consumer file at {@code p}.
   *
   * @param file how messages name the file, e.g. {@code consumers/ivanpin-web.yaml}
   * @param id the consumer's id, the file name without its extension
   * @param versions every namespace's versions
   * @param broken namespaces ({@code ns}) and versions ({@code ns@1.0.0}) that failed to load
   * @return the consumer, or null when it is pinned to something in {@code broken}
   */
  static Consumer read(TreeFiles files, Path p, String file, String id, Map<String, List<ContractVersion>> versions,
      SchemaPointers pointers, java.util.Set<String> broken) {
    LocatedDocument doc = files.parse(file, p);
    Fields f = Fields.object(doc, "", "the consumer");
    f.allowOnly("namespace", "version", "owners", "reads");
    String ns = f.requiredString("namespace", "name the namespace the frontend calls");
    if (broken.contains(ns)) {
      return null; // its namespace has problems of its own, already reported; checking against it would only echo them
    }
    List<ContractVersion> nsVersions = versions.get(ns);
    if (nsVersions == null) {
      // Namespaces that failed to load exist all the same: name them, so the list is never empty for a typo.
      java.util.SortedSet<String> known = new java.util.TreeSet<>(versions.keySet());
      broken.stream().filter(b -> !b.contains("@")).forEach(known::add);
      throw f.error("namespace", "one of the namespaces " + known, "\"" + ns + "\"",
          Suggestions.hint(ns, known, "fix the namespace id"));
    }
    String v = f.requiredString("version", "name the contract version the frontend is built against, e.g. 1.1.0");
    if (!SemVer.isValid(v)) {
      throw f.error("version", "a semantic version such as 1.1.0", "\"" + v + "\"", "quote nothing, write MAJOR.MINOR.PATCH");
    }
    SemVer version = SemVer.parse(v);
    if (broken.contains(ns + "@" + version)) {
      return null;
    }
    ContractVersion pinned = nsVersions.stream().filter(c -> c.version().equals(version)).findFirst()
        .orElseThrow(() -> f.error("version", "one of the versions of " + ns + ": "
            + nsVersions.stream().map(c -> c.version().toString()).toList(), "\"" + v + "\"",
            Suggestions.hint(v, nsVersions.stream().map(c -> c.version().toString()).toList(),
                "pin the consumer to a version that exists in the tree")));
    Map<String, List<String>> reads = new LinkedHashMap<>();
    Map<String, Map<String, String>> gated = new LinkedHashMap<>();
    if (f.has("reads")) {
      new ConsumerReader(id, pinned, pointers).reads(f.child("reads", "pointer patterns per endpoint id"), reads, gated);
    }
    return new Consumer(id, ns, version, f.stringList("owners", "list owners as strings"), reads, file, gated);
  }

  private final String id;
  private final ContractVersion pinned;
  private final SchemaPointers pointers;

  private ConsumerReader(String id, ContractVersion pinned, SchemaPointers pointers) {
    this.id = id;
    this.pinned = pinned;
    this.pointers = pointers;
  }

  /**
   * Each endpoint takes a list (a pointer, or {@code {pointer, when}}) or a mapping {@code {when, pointers}}
   * that gates all of its reads on one flag.
   */
  private void reads(Fields r, Map<String, List<String>> reads, Map<String, Map<String, String>> gated) {
    for (String endpoint : r.node().propertyNames()) {
      Endpoint e = pinned.endpoint(endpoint).orElseThrow(() -> r.error(endpoint, "an endpoint of " + pinned.label(),
          "\"" + endpoint + "\"", Suggestions.hint(endpoint, pinned.endpoints().stream().map(Endpoint::id).toList(),
          "use one of " + pinned.endpoints().stream().map(Endpoint::id).toList())));
      List<String> patterns = new ArrayList<>();
      Map<String, String> when = new LinkedHashMap<>();
      JsonNode value = r.node().get(endpoint);
      if (value.isObject()) {
        Fields m = r.child(endpoint, "a gated group of reads {when, pointers}");
        m.allowOnly("when", "pointers");
        String flag = flag(m, "when", e);
        List<String> list = m.stringList("pointers", "list JSON pointer patterns such as /items/*/title");
        if (list.isEmpty()) {
          throw m.error(null, "key \"pointers\" with at least one pointer pattern", "absent",
              "write pointers: [/items/*/title] under when: " + flag);
        }
        for (int i = 0; i < list.size(); i++) {
          add(m.document(), m.pointerOf("pointers") + "/" + i, e, list.get(i), patterns);
          when.put(list.get(i), flag);
        }
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          String at = r.pointerOf(endpoint) + "/" + i;
          if (item.isObject()) {
            Fields m = Fields.object(r.document(), at, "a gated read {pointer, when}");
            m.allowOnly("pointer", "when");
            String pointer = m.requiredString("pointer", "write the JSON pointer pattern, e.g. /items/*/videoUrl");
            String flag = flag(m, "when", e);
            add(m.document(), m.pointerOf("pointer"), e, pointer, patterns);
            when.put(pointer, flag);
          } else if (item.isString() && !item.asString().isBlank()) {
            add(r.document(), at, e, item.asString(), patterns);
          } else {
            throw Fields.error(r.document(), at, "a pointer pattern or a mapping {pointer, when}", Fields.describe(item),
                "write e.g. - /items/*/title or - {pointer: /items/*/videoUrl, when: feature_enabled}");
          }
        }
      } else {
        // The short form: one pattern, or a list of them (Fields reports the wrong types).
        List<String> list = r.stringList(endpoint, "list JSON pointer patterns such as /items/*/title");
        for (String pattern : list) {
          add(r.document(), r.pointerOf(endpoint), e, pattern, patterns);
        }
      }
      reads.put(endpoint, List.copyOf(patterns));
      if (!when.isEmpty()) {
        gated.put(endpoint, when);
      }
    }
  }

  /** The flag {@code when:} names: a flag the endpoint declares in the pinned version. */
  private String flag(Fields m, String key, Endpoint e) {
    String flag = m.requiredString(key, "name the flag the read is behind: a flag field such as feature_enabled,"
        + " or endpoint");
    if (e.featureFlag().isEmpty() || !e.featureFlag().get().isNamed(flag)) {
      throw m.error(key, e.featureFlag().map(x -> "the flag " + e.id() + " declares in " + pinned.label() + ": \""
          + x.name() + "\"").orElse("a flag that " + e.id() + " declares in " + pinned.label()), "\"" + flag + "\"",
          e.featureFlag().isEmpty() ? "declare the backend's flag on the endpoint (featureFlag in endpoints.yaml),"
              + " or drop when: a frontend-only flag needs no contract" : "write when: " + e.featureFlag().get().name());
    }
    return e.featureFlag().get().name();
  }

  /** A pattern must be a pointer the pinned version's success response can produce. */
  private void add(LocatedDocument doc, String at, Endpoint e, String pattern, List<String> patterns) {
    if (!pattern.isEmpty() && !pattern.startsWith("/")) {
      throw Fields.error(doc, at, "JSON pointer patterns starting with '/'", "\"" + pattern + "\"",
          "write e.g. /items/*/title");
    }
    List<SourceLocation> roots = SchemaPointers.successSchemas(e);
    if (!roots.isEmpty() && !pointers.produces(roots, pattern)) {
      throw Fields.error(doc, at, "a field that " + pinned.label() + " " + e.id() + " can send (consumer " + id
          + " reads it)", "\"" + pattern + "\", which the response schema " + FlagReader.names(roots)
          + " does not declare", FlagReader.didYouMean(pointers, roots, pattern, "fix the pointer, or add the field"
          + " to the contract first; a frontend ahead of its backend reads it behind a backend flag (when:)"));
    }
    patterns.add(pattern);
  }
}
