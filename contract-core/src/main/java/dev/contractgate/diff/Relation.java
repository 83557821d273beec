package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the set of values a schema accepts changed from the old to the new version, independent of direction.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Relation {
  /** No change to the accepted values (annotations may differ). */
  EQUAL,
  /** The new schema accepts values the old one rejected, and nothing the old one accepted is lost. */
  WIDER,
  /** The new schema rejects values the old one accepted, and accepts nothing new. */
  NARROWER,
  /** Both: some values gained, some lost. */
  INCOMPARABLE,
  /** Cannot be decided from the schema text (regex inclusion, overlapping oneOf, unknown keyword ...). */
  UNKNOWN;

  /** Whether, in {@code direction}, this relation can break a consumer (UNKNOWN counts as yes). */
  public boolean breaks(Direction direction) {
    return switch (this) {
      case EQUAL -> false;
      case WIDER -> direction != Direction.REQUEST;
      case NARROWER -> direction != Direction.RESPONSE;
      case INCOMPARABLE, UNKNOWN -> true;
    };
  }
}
