package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Who writes and who reads the values a schema describes.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Direction {
  /** The consumer writes, the backend validates: breaking when the new schema rejects an old value. */
  REQUEST,
  /** The backend writes, the consumer reads: breaking when the new schema allows a value the old rejected. */
  RESPONSE,
  /** A shared component: both of the above. */
  BOTH;

  /** The rule id prefix, {@code "request"} or {@code "response"}; {@code "both"} for {@link #BOTH}. */
  public String prefix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
