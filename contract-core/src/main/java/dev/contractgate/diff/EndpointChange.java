package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A change between two contract versions, placed on an endpoint.
 *
 * <p>A change inside a component that several endpoints share (a {@code $defs} entry of
 * {@code common.schema.json}) is reported once, on the first endpoint it reaches, and {@link #reaches()} lists
 * every endpoint, part and instance path it reaches.
 *
 * @param endpoint the endpoint id
 * @param part {@code endpoint}, {@code request query}, {@code request body} or {@code response 200}
 * @param change the schema or endpoint change
 * @param reaches {@code blog.list response 200 /items/*}{@code /author/name} for each place it affects
 * @param note why the severity differs from the rule's, e.g. an accepted exception; may be empty
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EndpointChange(String endpoint, String part, Change change, List<String> reaches, String note) {

  public EndpointChange {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(change, "change");
    reaches = List.copyOf(reaches);
    Objects.requireNonNull(note, "note");
  }

  public String ruleId() {
    return change.ruleId();
  }

  public Severity severity() {
    return change.severity();
  }

  /** This change with another severity and a note saying why. */
  public EndpointChange withSeverity(Severity severity, String why) {
    Change c = change;
    Change moved = new Change(c.ruleId(), severity, c.direction(), c.relation(), c.path(), c.oldLocation(),
        c.newLocation(), c.headline(), c.facts(), c.fingerprint(), c.witness());
    return new EndpointChange(endpoint, part, moved, reaches, why);
  }
}
