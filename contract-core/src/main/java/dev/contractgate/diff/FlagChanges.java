package dev.contractgate.diff;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.FeatureFlag;
import dev.contractgate.registry.SchemaPointers;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A flag field that consumers read behind, removed or no longer a boolean in the new version: the schema diff
 * may call that safe or breaking, but for these consumers the feature silently stops showing, so it is a
 * warning that names them.
 */
final class FlagChanges {

  static final String REMOVED = "feature.flag-removed";
  static final String TYPE_CHANGED = "feature.flag-type-changed";

  private FlagChanges() {}

  static List<EndpointChange> find(Function<String, JsonNode> oldDocs, ContractVersion from,
      Function<String, JsonNode> newDocs, ContractVersion to, List<Consumer> consumers, DiffPolicy policy) {
    List<EndpointChange> out = new ArrayList<>();
    SchemaPointers before = SchemaPointers.of(oldDocs);
    SchemaPointers after = SchemaPointers.of(newDocs);
    for (Endpoint e : from.endpoints()) {
      Optional<FeatureFlag> flag = e.featureFlag().filter(f -> !f.isEndpoint());
      Optional<Endpoint> next = to.endpoint(e.id());
      if (flag.isEmpty() || next.isEmpty()) {
        continue;
      }
      String name = flag.get().name();
      String pointer = flag.get().pointer().orElseThrow();
      List<String> gaters = consumers.stream()
          .filter(c -> c.namespace().equals(from.namespace()))
          .filter(c -> c.gated().getOrDefault(e.id(), java.util.Map.of()).containsValue(name))
          .map(Consumer::id).distinct().sorted().toList();
      if (gaters.isEmpty()) {
        continue;
      }
      List<SourceLocation> roots = SchemaPointers.successSchemas(next.get());
      String rule;
      String now;
      if (!roots.isEmpty() && !after.produces(roots, pointer)) {
        rule = REMOVED;
        now = "(absent)";
      } else if (!roots.isEmpty() && before.mayBeBoolean(SchemaPointers.successSchemas(e), pointer)
          && !after.mayBeBoolean(roots, pointer)) {
        rule = TYPE_CHANGED;
        now = "not a boolean";
      } else {
        continue;
      }
      Severity severity = policy.severityOverrides().getOrDefault(rule, Severity.WARNING);
      if (severity == Severity.OFF) {
        continue;
      }
      String readers = String.join(", ", gaters);
      List<Fact> facts = List.of(new Fact("old", name + ": boolean"), new Fact("new", name + ": " + now),
          new Fact("consumers", readers),
          new Fact("meaning", readers + " render their feature only while " + name + " is true; without a boolean"
              + " flag it disappears silently: keep the flag (false turns the feature off), or move them off it"));
      Change c = new Change(rule, severity, Direction.BOTH, Relation.EQUAL, pointer, e.source(), next.get().source(),
          rule + " at " + e.id() + " " + pointer + " (read behind by " + readers + ")", facts,
          Integer.toHexString((rule + e.id() + pointer).hashCode()), Optional.empty());
      String part = "response " + SchemaPointers.successStatus(e);
      out.add(new EndpointChange(e.id(), part, c, List.of(e.id() + " " + part + " " + pointer), ""));
    }
    return out;
  }
}
