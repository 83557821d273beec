package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of the rule catalogue ({@link Rules}).
 *
 * @param id stable id such as {@code response.property.required-removed}; never reused for another meaning
 * @param category what the rule is about
 * @param direction the direction it judges ({@link Direction#BOTH} for endpoint-level rules)
 * @param defaultSeverity severity under {@link DiffPolicy#defaults()}
 * @param relation the set relation the change causes ({@link Relation#EQUAL} for annotations and
 *     endpoint rules)
 * @param description one line
 * @param example a minimal old → new example
 * @param mirrorId the rule whose verdict in the other direction equals this one's (request ↔ response,
 *     added ↔ removed); may be the rule itself for symmetric changes
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Rule(
    String id,
    RuleCategory category,
    Direction direction,
    Severity defaultSeverity,
    Relation relation,
    String description,
    String example,
    String mirrorId) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(mirrorId, "mirrorId");
  }
}
