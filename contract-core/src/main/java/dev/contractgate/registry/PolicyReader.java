package dev.contractgate.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Reads a policy file: the tree's {@code contract-gate.yaml}, or one given on its own to {@code diff --policy}. */
final class PolicyReader {

  private static final String POLICY_FILE = "contract-gate.yaml";
  private static final Set<String> SEVERITIES = Set.of("breaking", "warning", "info", "off");

  private PolicyReader() {}

  /** The policy of the tree under {@code root}; the defaults when it has no policy file. */
  static Policy readTree(TreeFiles files) {
    Path file = files.root().resolve(POLICY_FILE);
    TreeFiles.Kind kind = files.kind(POLICY_FILE, file);
    if (kind == TreeFiles.Kind.MISSING) {
      return Policy.defaults();
    }
    if (kind != TreeFiles.Kind.FILE) {
      throw ContractException.builder("Cannot load policy", POLICY_FILE)
          .expected("a contract-gate.yaml policy file, or none")
          .butWas(TreeFiles.describe(kind))
          .hint("remove the folder or turn it into the policy file (docs/contract-format.md)")
          .build();
    }
    return read(POLICY_FILE, files.parse(POLICY_FILE, file));
  }

  /** See {@link Policy#read(Path)}. */
  static Policy readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ContractException.builder("Cannot load policy", file.toString())
          .expected("a contract-gate.yaml policy file")
          .butWas("no such file")
          .hint("check the path given to --policy")
          .build();
    }
    String name = file.getFileName().toString();
    return read(name, TreeFiles.parseFile(name, file.toAbsolutePath().getParent().resolve(name)));
  }

  private static Policy read(String name, LocatedDocument doc) {
    Fields f = Fields.object(doc, "", "the policy");
    f.allowOnly("limits", "severities", "exceptions");
    Policy.Limits limits = f.has("limits") ? limits(f.child("limits", "validation limits")) : Policy.Limits.defaults();
    Map<String, String> severities = f.scalarMap("severities", "map a rule id to breaking, warning, info or off");
    for (Map.Entry<String, String> e : severities.entrySet()) {
      if (!SEVERITIES.contains(e.getValue())) {
        throw Fields.error(doc, "/severities/" + SourceLocation.escape(e.getKey()), "one of " + new TreeSet<>(SEVERITIES),
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

  private static Policy.Limits limits(Fields l) {
    l.allowOnly("maxBodyBytes", "maxDepth");
    long maxDepth = l.optionalLong("maxDepth", 1, "write a nesting depth, e.g. 200").orElse((long) Policy.Limits.DEFAULT_MAX_DEPTH);
    if (maxDepth > LocatedDocument.MAX_DEPTH) {
      // Bodies deeper than any document Contract Gate reads or writes cannot be validated or reported safely.
      throw l.error("maxDepth", "an integer from 1 to " + LocatedDocument.MAX_DEPTH + " for \"maxDepth\"",
          String.valueOf(maxDepth), "write a nesting depth of at most " + LocatedDocument.MAX_DEPTH
              + ", e.g. 200 (docs/limits.md)");
    }
    return new Policy.Limits(
        l.optionalLong("maxBodyBytes", 1, "write a number of bytes, e.g. 10485760").orElse(Policy.Limits.DEFAULT_MAX_BODY_BYTES),
        (int) maxDepth);
  }
}
