package dev.contractgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.HistoryCheck;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.LockCheck;
import dev.contractgate.release.ReleasedContent;
import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The build gate of the example contracts: a breaking edit to any version fails {@code ./mvnw verify}, naming
 * the rule, namespace, versions, endpoint and pointer; the report lands in {@code target/contract-gate/}.
 */
class ContractHistoryTest {

  static final Path REPORTS = Path.of("target", "contract-gate");

  @TestFactory
  Stream<DynamicTest> every_version_is_compatible_with_every_earlier_one_of_its_major() throws IOException {
    // The source tree, not the jar: an edit fails the build before anything is packaged.
    ContractRegistry registry = ContractRegistry.load(Path.of("src", "main", "contracts"));
    HistoryCheck.Result result = HistoryCheck.run(registry, LocalDate.now());
    Report report = DiffReports.history(result, "check-history contracts/src/main/contracts", registry,
        Severity.BREAKING, false);
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve("check-history.md"), ReportFormat.MARKDOWN.render(report), StandardCharsets.UTF_8);
    Files.writeString(REPORTS.resolve("check-history.json"), ReportFormat.JSON.render(report), StandardCharsets.UTF_8);
    assertThat(result.pairs()).as("version pairs checked").hasSizeGreaterThanOrEqualTo(6);
    Stream<DynamicTest> pairs = result.pairs().stream().map((VersionDiff d) ->
        DynamicTest.dynamicTest(d.label(), () -> {
          if (d.hasBreaking()) {
            throw new AssertionFailedError("Contract history is broken: " + d.render(Severity.BREAKING)
                + "\n\nReport: " + REPORTS.resolve("check-history.md"));
          }
        }));
    Stream<DynamicTest> policy = Stream.of(DynamicTest.dynamicTest("contract-gate.yaml", () ->
        assertThat(result.policyFindings()).as("expired or unused exceptions").isEmpty()));
    // The published versions are released (contract-gate.lock): an edit to one of them fails here too.
    Path root = Path.of("src", "main", "contracts");
    LockCheck.Result lock = LockCheck.run(registry, root, ReleasedContent.git(root));
    Stream<DynamicTest> released = Stream.of(DynamicTest.dynamicTest("contract-gate.lock", () -> {
      assertThat(lock.released()).as("released versions").hasSizeGreaterThanOrEqualTo(6);
      if (!lock.passed()) {
        throw new AssertionFailedError("A released version changed:\n\n" + lock.render());
      }
    }));
    return Stream.concat(Stream.concat(pairs, policy), released);
  }
}
