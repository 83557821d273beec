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
 * @param operation the endpoint as a client calls it, {@code GET /blog/{id}} with the operationId or endpoint
 *     id after it ({@code GET /blog/{id} (getPost)}), what reports group findings under; empty when there is
 *     no endpoint (two bare schemas)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EndpointChange(String endpoint, String part, Change change, List<String> reaches, String note,
    String operation) {

  public EndpointChange {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(change, "change");
    reaches = List.copyOf(reaches);
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(operation, "operation");
  }

  /** A change without an operation label (reports then group it under its endpoint id). */
  public EndpointChange(String endpoint, String part, Change change, List<String> reaches, String note) {
    this(endpoint, part, change, reaches, note, "");
  }

  /** This change grouped under {@code operation}. */
  public EndpointChange withOperation(String operation) {
    return new EndpointChange(endpoint, part, change, reaches, note, operation);
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
    return new EndpointChange(endpoint, part, moved, reaches, why, operation);
  }
}
