package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.SourceLocation;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * One difference between two schema versions, judged for one direction.
 *
 * @param ruleId stable id from {@link Rules}, e.g. {@code response.property.required-removed}
 * @param severity after the policy is applied (never {@link Severity#OFF}: those are dropped)
 * @param direction {@link Direction#REQUEST} or {@link Direction#RESPONSE}
 * @param relation what the change does to the accepted values, independent of direction
 * @param path the logical place in the instance: property names, {@code *} for any array item or
 *     additional property, an index for a tuple position, {@code (keyword)} for sub-schemas that are not
 *     instance locations; {@code ""} is the whole value
 * @param oldLocation where in the old contract tree
 * @param newLocation where in the new contract tree
 * @param message the multi-line explanation (rule id and location, old, new, meaning)
 * @param fingerprint stable hash of rule id, logical path and the canonical old/new values; unchanged by
 *     reformatting or reordering the schema
 * @param witness a value one version accepts and the other rejects, checked by validation, when one was
 *     cheap to build
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Change(
    String ruleId,
    Severity severity,
    Direction direction,
    Relation relation,
    String path,
    SourceLocation oldLocation,
    SourceLocation newLocation,
    String message,
    String fingerprint,
    Optional<JsonNode> witness) {

  public Change {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(oldLocation, "oldLocation");
    Objects.requireNonNull(newLocation, "newLocation");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(witness, "witness");
  }

  public boolean isBreaking() {
    return severity == Severity.BREAKING;
  }
}
