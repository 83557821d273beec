package dev.contractgate.diff.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.Relation;
import dev.contractgate.diff.Severity;
import org.apiguardian.api.API;

/** The one place where a change kind, a direction and a policy become a severity. */
@API(status = INTERNAL, since = "0.1")
public final class Verdicts {

  private Verdicts() {}

  /** Severity of {@code kind} judged for {@code direction} (REQUEST or RESPONSE) under {@code policy}. */
  public static Severity severity(Kind kind, Direction direction, DiffPolicy policy) {
    String ruleId = direction.prefix() + "." + kind.id();
    Severity override = policy.severityOverrides().get(ruleId);
    if (override != null) {
      return override;
    }
    return base(kind, direction, policy);
  }

  private static Severity base(Kind kind, Direction direction, DiffPolicy policy) {
    boolean response = direction == Direction.RESPONSE;
    switch (kind) {
      case ENUM_VALUE_ADDED -> {
        if (response) {
          return policy.responseEnumGrowth();
        }
      }
      // Set-wise a removed property of an open object widens (its name now takes any value), but a backend
      // that stops describing a field rarely starts sending garbage in it: a person should look, not a gate.
      case PROPERTY_REMOVED -> {
        if (response && policy.tolerantReader()) {
          return Severity.WARNING;
        }
      }
      // Set-wise declaring a property on an open request object narrows (old consumers could have sent that
      // name with any value); a tolerant writer never sends undeclared properties.
      case PROPERTY_ADDED -> {
        if (!response && policy.tolerantReader()) {
          return Severity.INFO;
        }
      }
      default -> {}
    }
    Relation r = kind.relation();
    if (r == Relation.UNKNOWN) {
      return policy.unknownSeverity();
    }
    return r.breaks(direction) ? Severity.BREAKING : Severity.INFO;
  }
}
