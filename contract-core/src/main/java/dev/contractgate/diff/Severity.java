package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How much a finding matters; declared from most to least severe so that {@code compareTo} orders by
 * importance.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Severity {
  BREAKING,
  WARNING,
  INFO,
  /** The rule is switched off: findings are dropped. */
  OFF;

  /** True for {@link #BREAKING} and {@link #WARNING}: the change needs a person's decision. */
  public boolean needsAttention() {
    return this == BREAKING || this == WARNING;
  }
}
