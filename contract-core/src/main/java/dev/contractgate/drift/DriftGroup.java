package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Recordings that share one finding, counted, with a few examples.
 *
 * @param rule the rule id: a validation rule ({@code body.required}, {@code header.missing} ...) or
 *     {@code drift.unknown-field}, {@code drift.enum-value}, {@code drift.unmatched}, {@code recording.unreadable}
 * @param pointer the pointer pattern with array indexes as {@code *} ({@code /items/*}{@code /author/name}),
 *     a header label, or for unmatched requests the method and path
 * @param detail what the contract expects, or the value seen (for {@code drift.enum-value}); may be empty
 * @param schema the schema location that failed, empty when none
 * @param count how many times it was seen
 * @param samples at most the configured number of examples, the earliest recordings first
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DriftGroup(String rule, String pointer, String detail, String schema, long count, List<Sample> samples) {

  public DriftGroup {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(schema, "schema");
    samples = List.copyOf(samples);
  }
}
