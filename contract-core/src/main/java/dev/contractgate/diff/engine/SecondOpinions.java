package dev.contractgate.diff.engine;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.Relation;
import dev.contractgate.diff.Severity;
import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Applies a {@link SecondOpinion} to one comparison's changes: a direction that is safe (or only undecided)
 * is searched for a counter-witness, and a counter-witness becomes a finding of its own rule,
 * {@code schema.counter-witness-wider} (for responses) or {@code -narrower} (for requests), BREAKING by
 * default, carrying the witness. It replaces the direction's UNKNOWN finding when there is exactly one.
 */
final class SecondOpinions {

  private SecondOpinions() {}

  record Verdict(int tried, Relation relation) {}

  static Verdict apply(Engine e, Pair root, Engine.Job job, int jobIndex, Witnesses w, List<Change> changes,
      boolean[] tolerated, Relation relation) {
    List<Direction> dirs = job.direction() == Direction.BOTH ? List.of(Direction.REQUEST, Direction.RESPONSE)
        : List.of(job.direction());
    boolean wantNewOnly = false;
    boolean wantOldOnly = false;
    for (Direction d : dirs) {
      boolean decided = changes.stream().anyMatch(c -> c.direction() == d && c.severity().needsAttention()
          && c.relation() != Relation.UNKNOWN);
      if (decided || tolerated[d == Direction.REQUEST ? 0 : 1]) {
        continue;
      }
      if (d == Direction.RESPONSE) {
        wantNewOnly = true;
      } else {
        wantOldOnly = true;
      }
    }
    boolean formats = e.policy().format() == dev.contractgate.diff.DiffPolicy.FormatMode.ASSERTION;
    SecondOpinion.Outcome o = e.secondOpinion().search(e.oldSide(), e.newSide(), root, w, formats, wantNewOnly,
        wantOldOnly);
    Relation r = relation;
    if (r == Relation.UNKNOWN && o.newOnly() != null && o.oldOnly() != null) {
      r = Relation.EQUAL; // both ways refuted: decided, and combined below into INCOMPARABLE
    }
    if (o.newOnly() != null) {
      add(e, root, jobIndex, changes, Direction.RESPONSE, Kind.COUNTER_WITNESS_WIDER, o.newOnly(), o.tried());
      r = combine(r, Relation.WIDER);
    }
    if (o.oldOnly() != null) {
      add(e, root, jobIndex, changes, Direction.REQUEST, Kind.COUNTER_WITNESS_NARROWER, o.oldOnly(), o.tried());
      r = combine(r, Relation.NARROWER);
    }
    return new Verdict(o.tried(), r);
  }

  private static Relation combine(Relation r, Relation found) {
    return switch (r) {
      case EQUAL -> found;
      case WIDER, NARROWER -> r == found ? r : Relation.INCOMPARABLE;
      default -> r;
    };
  }

  private static void add(Engine e, Pair root, int jobIndex, List<Change> changes, Direction d, Kind kind,
      JsonNode witness, int tried) {
    Severity s = Verdicts.severity(kind, d, e.policy());
    if (s == Severity.OFF) {
      return;
    }
    List<Change> unknowns = changes.stream().filter(c -> c.direction() == d && c.relation() == Relation.UNKNOWN
        && c.severity().needsAttention()).toList();
    Change replaced = unknowns.size() == 1 ? unknowns.get(0) : null;
    String path = replaced == null ? "" : replaced.path();
    String subject = "values such as " + Planner.abbreviate(witness.toString());
    Findings.Visit at = new Findings.Visit(root, path, null, "", false, jobIndex);
    Finding f = new Finding(kind, path, subject,
        replaced == null ? Planner.show(root.o) : replaced.ruleId() + " (undecided by the keyword rules)",
        replaced == null ? Planner.show(root.n) : "decided by a generated instance",
        replaced == null ? root.o.loc : replaced.oldLocation(), replaced == null ? root.n.loc : replaced.newLocation(),
        null, at);
    String ruleId = d.prefix() + "." + kind.id();
    Optional<JsonNode> w = Optional.of(witness);
    List<Fact> facts = new ArrayList<>(Messages.facts(f, d, s, w));
    facts.add(new Fact("checked", "second opinion: " + tried + " generated instances validated against both"
        + " versions; the keyword rules " + (replaced == null ? "called this direction safe" : "left it undecided")));
    String fp = Engine.fingerprint(ruleId, f.path, "counter-witness", f.oldText, f.newText);
    Change c = new Change(ruleId, s, d, kind.relation(), path, f.oldLoc, f.newLoc,
        Messages.headline(ruleId, e.pointerFor(f)), facts, fp, w);
    if (replaced != null) {
      changes.remove(replaced);
    }
    e.remember(c, f);
    changes.add(c);
  }
}
