package dev.contractgate.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the diff of two contract versions.
 *
 * <pre>{@code
 * VersionDiff diff = ContractDiff.compare(registry, v110, v120, DiffPolicy.defaults(), LocalDate.now());
 * assertThat(diff).hasNoBreakingChanges();                              // passes for a compatible version
 * assertThat(diff).hasBreakingChange("response.property.required-removed");  // fails when it is not there
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VersionDiffAssert extends AbstractAssert<VersionDiffAssert, VersionDiff> {

  public VersionDiffAssert(VersionDiff actual) {
    super(actual, VersionDiffAssert.class);
  }

  /** Fails, listing every breaking change with rule, endpoint, pointer, old and new, when there is one. */
  public VersionDiffAssert hasNoBreakingChanges() {
    isNotNull();
    if (actual.hasBreaking()) {
      throw failure(Failures.literal("Expected no breaking change, but found:\n" + actual.render(Severity.BREAKING)));
    }
    return myself;
  }

  /** Fails when something is at or above {@code threshold} ({@link Severity#WARNING} includes warnings). */
  public VersionDiffAssert hasNoChangesAtOrAbove(Severity threshold) {
    isNotNull();
    if (actual.failsAt(threshold)) {
      throw failure(Failures.literal("Expected nothing at or above " + threshold + ", but found:\n"
          + actual.render(threshold)));
    }
    return myself;
  }

  /** Fails unless a breaking change with this rule id is there. */
  public VersionDiffAssert hasBreakingChange(String ruleId) {
    isNotNull();
    if (actual.breaking().stream().noneMatch(c -> c.ruleId().equals(ruleId))) {
      throw failure(Failures.literal("Expected a breaking change " + ruleId + " in " + actual.label()
          + ", but the breaking changes were " + actual.breaking().stream().map(c -> c.ruleId()).distinct().toList()
          + "\n" + actual.render(Severity.WARNING)));
    }
    return myself;
  }
}
