package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Facts;
import dev.contractgate.report.Report.Fact;
import java.util.List;
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
 * @param headline the first line of {@link #message()}: the rule id and where, e.g.
 *     {@code response.property.required-removed at /properties/author/required}
 * @param facts what the change is, as values, in the order {@link #message()} lists them under the headline:
 *     a schema change has {@code old}, {@code new}, {@code meaning}, {@code instance}, {@code schema} and, when
 *     there is one, {@code witness}; an endpoint change has {@code old}, {@code new} and {@code meaning}; other
 *     producers name their own keys, and every one has a {@code meaning}
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
    String headline,
    List<Fact> facts,
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
    Objects.requireNonNull(headline, "headline");
    facts = List.copyOf(facts);
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(witness, "witness");
  }

  /**
   * The multi-line explanation: the headline, then one aligned {@code key: value} line per fact in the layout
   * of {@link Facts}. Every fact is written, an empty value too.
   */
  public String message() {
    StringBuilder b = new StringBuilder(headline);
    for (Fact f : facts) {
      Facts.append(b, f.key(), f.value());
    }
    return b.toString();
  }

  public boolean isBreaking() {
    return severity == Severity.BREAKING;
  }
}
