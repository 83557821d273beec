package dev.contractgate.diff;

import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Merges the engine's one finding per enum value into one finding per place, for the changelog. */
final class EnumFindings {

  private EnumFindings() {}

  /**
   * Enum values added or removed at one schema location are one finding that lists them (a {@code values}
   * fact), not one finding per value with the same headline.
   */
  static List<Change> onePerPlace(List<Change> changes) {
    Map<String, List<Change>> groups = new LinkedHashMap<>();
    for (Change c : changes) {
      String key = c.ruleId().endsWith(".enum.value-added") || c.ruleId().endsWith(".enum.value-removed")
          ? c.ruleId() + "|" + c.direction() + "|" + c.path() + "|" + c.oldLocation() + "|" + c.newLocation()
          : "#" + groups.size();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    List<Change> out = new ArrayList<>();
    for (List<Change> g : groups.values()) {
      Change first = g.get(0);
      if (g.size() == 1) {
        out.add(first);
        continue;
      }
      List<String> values = new ArrayList<>();
      for (Change c : g) {
        // The value itself where the witness holds it at the change's path, else the whole witness.
        c.witness().ifPresent(w -> {
          JsonNode at = c.path().isEmpty() || !c.path().startsWith("/") ? w : w.at(c.path());
          values.add((at.isMissingNode() ? w : at).toString());
        });
      }
      List<Fact> facts = new ArrayList<>(first.facts());
      facts.add(new Fact("values", g.size() + (first.ruleId().endsWith("added") ? " added: " : " removed: ")
          + String.join(", ", values)));
      out.add(new Change(first.ruleId(), first.severity(), first.direction(), first.relation(), first.path(),
          first.oldLocation(), first.newLocation(), first.headline(), facts, first.fingerprint(), first.witness()));
    }
    return out;
  }

}
