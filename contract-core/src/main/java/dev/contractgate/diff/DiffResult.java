package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@link SchemaDiff#compare} found.
 *
 * @param changes sorted by path, rule id, then fingerprint (deterministic across runs and reformatting)
 * @param relation how the accepted values changed at the root, independent of direction
 * @param secondOpinionInstances how many generated instances the second opinion validated against both
 *     versions before the verdict (0 when it did not run: equal schemas, a verdict that already needs
 *     attention, or {@link DiffPolicy#secondOpinion()} off)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DiffResult(List<Change> changes, Relation relation, int secondOpinionInstances) {

  public DiffResult {
    changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    Objects.requireNonNull(relation, "relation");
  }

  /** A result without a second opinion. */
  public DiffResult(List<Change> changes, Relation relation) {
    this(changes, relation, 0);
  }

  public List<Change> breaking() {
    return changes.stream().filter(Change::isBreaking).toList();
  }

  public List<Change> warnings() {
    return changes.stream().filter(c -> c.severity() == Severity.WARNING).toList();
  }

  public boolean hasBreaking() {
    return changes.stream().anyMatch(Change::isBreaking);
  }

  /** The most severe severity found, or {@link Severity#OFF} when there are no changes. */
  public Severity worst() {
    return changes.stream().map(Change::severity).min(Enum::compareTo).orElse(Severity.OFF);
  }

  /** The distinct rule ids, sorted. */
  public List<String> ruleIds() {
    return changes.stream().map(Change::ruleId).distinct().sorted().toList();
  }
}
