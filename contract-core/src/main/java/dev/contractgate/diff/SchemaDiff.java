package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.engine.Engine;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Compares two versions of a JSON Schema (2020-12; draft-07 accepted) and judges every difference for a
 * direction under a policy.
 *
 * <pre>{@code
 * DiffResult r = SchemaDiff.compare(SchemaInput.of(oldJson), SchemaInput.of(newJson),
 *     Direction.RESPONSE, DiffPolicy.defaults());
 * if (r.hasBreaking()) { r.breaking().forEach(c -> System.out.println(c.message())); }
 * }</pre>
 *
 * <p>Thread-safe and stateless. Unresolvable or remote {@code $ref}s raise a
 * {@link dev.contractgate.registry.ContractException} naming the file and pointer.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SchemaDiff {

  private SchemaDiff() {}

  /**
   * @param direction {@link Direction#BOTH} reports each difference once per direction
   */
  public static DiffResult compare(
      SchemaInput oldSchema, SchemaInput newSchema, Direction direction, DiffPolicy policy) {
    Objects.requireNonNull(oldSchema, "oldSchema");
    Objects.requireNonNull(newSchema, "newSchema");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(policy, "policy");
    return Engine.compare(oldSchema, newSchema, direction, policy);
  }

  /** {@link #compare(SchemaInput, SchemaInput, Direction, DiffPolicy)} with {@link DiffPolicy#defaults()}. */
  public static DiffResult compare(SchemaInput oldSchema, SchemaInput newSchema, Direction direction) {
    return compare(oldSchema, newSchema, direction, DiffPolicy.defaults());
  }
}
