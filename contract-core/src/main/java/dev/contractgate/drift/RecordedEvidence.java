package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.Rule;
import dev.contractgate.diff.Rules;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.validate.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Recorded traffic as evidence in a version diff: a recorded response valid under the new version and not
 * under the old proves a response-direction break ({@code response.recorded.new-only}); one valid under the
 * old and not under the new shows that the new contract would reject real traffic
 * ({@code response.recorded.old-only}). Each finding points at the recording (file and line or entry).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecordedEvidence {

  /** Witnesses listed per diff; the rest are counted. */
  public static final int LIMIT = 20;

  private RecordedEvidence() {}

  /** {@code diff} with the findings the recordings prove; {@code diff} itself when none tells the versions apart. */
  public static VersionDiff apply(VersionDiff diff, ContractRegistry registry, List<Path> recordings,
      DiffPolicy policy) {
    if (recordings.isEmpty()) {
      return diff;
    }
    ContractVersion older = registry.requireVersion(diff.namespace(), diff.from());
    ContractVersion newer = registry.requireVersion(diff.namespace(), diff.to());
    WitnessResult r = RecordingWitnesses.of(registry, older, newer).limit(LIMIT).scan(recordings);
    List<EndpointChange> changes = new ArrayList<>(diff.changes());
    add(changes, r.newOnly(), r.newOnlyCount(), "response.recorded.new-only", policy, older, newer,
        "old " + older.version() + " rejects, new " + newer.version() + " accepts");
    add(changes, r.oldOnly(), r.oldOnlyCount(), "response.recorded.old-only", policy, older, newer,
        "old " + older.version() + " accepts, new " + newer.version() + " rejects");
    return new VersionDiff(diff.namespace(), diff.from(), diff.to(), changes, diff.secondOpinionInstances());
  }

  private static void add(List<EndpointChange> out, List<Witness> witnesses, long total, String ruleId,
      DiffPolicy policy, ContractVersion older, ContractVersion newer, String verdict) {
    Rule rule = Rules.find(ruleId).orElseThrow();
    Severity severity = policy.severityOverrides().getOrDefault(ruleId, rule.defaultSeverity());
    for (int i = 0; i < witnesses.size(); i++) {
      Witness w = witnesses.get(i);
      boolean last = i == witnesses.size() - 1;
      Violation first = w.violations().isEmpty() ? null : w.violations().get(0);
      String rejected = first == null ? "(no violation detail)"
          : first.where() + ": expected " + first.expected() + ", but was " + first.actual();
      List<Fact> facts = List.of(new Fact("recording", w.at().toString()),
          new Fact("request", w.request() + " -> " + w.status()), new Fact("verdict", verdict),
          new Fact("rejected", rejected), new Fact("meaning", ruleId.endsWith("new-only")
              ? "the backend really sends this, and a consumer built against " + older.version() + " rejects it"
              : "the backend really sends this, and the " + newer.version() + " contract rejects it"));
      SourceLocation at = new SourceLocation(w.at().file(), "");
      Change c = new Change(ruleId, severity, Direction.RESPONSE, rule.relation(), first == null ? "" : first.where(),
          at, at, ruleId + " at " + w.endpoint(), facts, Integer.toHexString((ruleId + w.at()).hashCode()), Optional.empty());
      out.add(new EndpointChange(w.endpoint(), "response " + w.status(), c,
          List.of(w.endpoint() + " response " + w.status() + " (" + w.at() + ")"), last && total > witnesses.size()
              ? (total - witnesses.size()) + " more recordings show the same kind of difference" : ""));
    }
  }
}
