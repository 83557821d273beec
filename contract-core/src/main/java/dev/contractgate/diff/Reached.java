package dev.contractgate.diff;

import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the operations a shared-component change also reaches. The change is reported once, under the first
 * operation (say the create's {@code response 201}); a reader looking for the get or the update would not find
 * it, so its facts gain {@code also}: the other operations as a client calls them, one per line, in the order of
 * {@code reaches}. Its {@code reaches} list keeps endpoint ids, which deploy checks match on.
 */
final class Reached {

  private Reached() {}

  /** {@code c} grouped under its operation label (when it has none) and with its {@code also} fact. */
  static EndpointChange labelled(EndpointChange c, Map<String, String> labels) {
    EndpointChange out = c.operation().isEmpty() ? c.withOperation(labels.getOrDefault(c.endpoint(), "")) : c;
    Set<String> others = new LinkedHashSet<>();
    String more = "";
    for (String place : c.reaches()) {
      if (place.startsWith("... and ")) {
        more = place; // the places VersionDiffer stopped listing: their operations are not known here
        continue;
      }
      int space = place.indexOf(' ');
      String endpoint = space < 0 ? place : place.substring(0, space);
      if (!endpoint.equals(c.endpoint())) {
        others.add(labels.getOrDefault(endpoint, endpoint));
      }
    }
    if (others.isEmpty() || c.change().facts().stream().anyMatch(f -> f.key().equals("also"))) {
      return out;
    }
    List<Fact> facts = new ArrayList<>(c.change().facts());
    List<String> lines = new ArrayList<>(others);
    if (!more.isEmpty()) {
      lines.add(more + " places");
    }
    facts.add(new Fact("also", String.join("\n", lines)));
    Change x = out.change();
    Change moved = new Change(x.ruleId(), x.severity(), x.direction(), x.relation(), x.path(), x.oldLocation(),
        x.newLocation(), x.headline(), facts, x.fingerprint(), x.witness());
    return new EndpointChange(out.endpoint(), out.part(), moved, out.reaches(), out.note(), out.operation());
  }
}
