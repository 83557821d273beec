package dev.contractgate.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one {@code consumers/<id>.yaml}. It runs after every namespace is read, because a consumer is checked
 * against the tree: its namespace, its pinned version and the endpoints it reads must all exist.
 */
final class ConsumerReader {

  private ConsumerReader() {}

  /**
   * Reads the consumer file at {@code p}.
   *
   * @param file how messages name the file, e.g. {@code consumers/ivanpin-web.yaml}
   * @param id the consumer's id, the file name without its extension
   * @param versions every namespace's versions
   */
  static Consumer read(TreeFiles files, Path p, String file, String id, Map<String, List<ContractVersion>> versions) {
    LocatedDocument doc = files.parse(file, p);
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
    Map<String, List<String>> reads = f.has("reads")
        ? reads(f.child("reads", "pointer patterns per endpoint id"), pinned)
        : new LinkedHashMap<>();
    return new Consumer(id, ns, version, f.stringList("owners", "list owners as strings"), reads, file);
  }

  private static Map<String, List<String>> reads(Fields r, ContractVersion pinned) {
    Map<String, List<String>> reads = new LinkedHashMap<>();
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
    return reads;
  }
}
