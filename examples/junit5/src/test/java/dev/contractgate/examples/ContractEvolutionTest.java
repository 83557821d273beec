package dev.contractgate.examples;

import static dev.contractgate.assertj.ContractAssertions.assertThat;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.junit.ContractHistory;
import dev.contractgate.junit.ContractTest;
import dev.contractgate.registry.ContractRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The gate before a backend deploy: is every contract version backward compatible with the ones the frontends
 * were built against? No backend needed, only the contracts.
 */
@ContractTest
class ContractEvolutionTest {

  @Test
  void ivanpin_1_2_0_keeps_what_1_1_0_promised(ContractRegistry registry) {
    // WHEN
    VersionDiff diff = ContractDiff.compare(registry, registry.requireVersion("ivanpin", "1.1.0"),
        registry.requireVersion("ivanpin", "1.2.0"), ContractDiff.policyOf(registry), LocalDate.now());
    // THEN
    assertThat(diff).hasNoBreakingChanges();
  }

  /** One test per version pair of each namespace; the report lands in target/contract-gate/check-history.md. */
  @TestFactory
  Stream<DynamicNode> the_whole_contract_history_is_compatible(ContractRegistry registry) {
    return ContractHistory.of(registry).writeReportsTo(Path.of("target", "contract-gate")).tests();
  }
}
