package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.HistoryCheck;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.LockCheck;
import dev.contractgate.release.ReleaseLock;
import dev.contractgate.release.ReleasedContent;
import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The history check as dynamic tests: one container per namespace, one test per version pair of the same
 * major, failing with every breaking change (rule id, namespace, versions, endpoint, pointer, old and new); a
 * container {@code consumers} with a test per consumer and later version of its major, failing on a field the
 * consumer reads that the version does not send, unless it reads it behind a backend flag; and a container
 * {@code released} with one test per version of the tree's {@code contract-gate.lock}, failing when a file of
 * that released version was edited, added or removed (with the schema diff when git history holds the released
 * content).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> contract_history(ContractRegistry registry) {
 *   return ContractHistory.of(registry).writeReportsTo(Path.of("target", "contract-gate")).tests();
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractHistory {

  private final ContractRegistry registry;
  private Path reportDir;
  private Severity failOn = Severity.BREAKING;
  private LocalDate today = LocalDate.now();

  private ContractHistory(ContractRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public static ContractHistory of(ContractRegistry registry) {
    return new ContractHistory(registry);
  }

  /** Also write the report as Markdown and JSON ({@code check-history.md}, {@code check-history.json}). */
  public ContractHistory writeReportsTo(Path directory) {
    this.reportDir = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /** Fail on warnings too ({@link Severity#WARNING}); breaking changes only by default. */
  public ContractHistory failOn(Severity threshold) {
    this.failOn = Objects.requireNonNull(threshold, "threshold");
    return this;
  }

  /** The date sunsets and exception expiries are judged against; today by default. */
  public ContractHistory today(LocalDate date) {
    this.today = Objects.requireNonNull(date, "date");
    return this;
  }

  /** Runs the check now and returns one test per version pair (plus one for the policy file, if it has findings). */
  public Stream<DynamicNode> tests() {
    HistoryCheck.Result result = HistoryCheck.run(registry, today);
    if (reportDir != null) {
      write(result);
    }
    Map<String, List<DynamicNode>> byNamespace = new LinkedHashMap<>();
    registry.namespaces().forEach(ns -> byNamespace.put(ns.id(), new ArrayList<>()));
    for (VersionDiff d : result.pairs()) {
      byNamespace.get(d.namespace()).add(DynamicTest.dynamicTest(d.from() + " -> " + d.to(), () -> {
        if (d.failsAt(failOn)) {
          throw new AssertionFailedError("Contract history of " + d.namespace() + " is broken\n\n" + d.render(failOn));
        }
      }));
    }
    List<DynamicNode> nodes = new ArrayList<>();
    byNamespace.forEach((ns, tests) -> nodes.add(DynamicContainer.dynamicContainer(ns, tests.stream())));
    if (!result.consumers().isEmpty()) {
      // A consumer's reads on the later versions of its major; reads hidden behind a flag pass.
      nodes.add(DynamicContainer.dynamicContainer("consumers", result.consumers().stream().map(c ->
          DynamicTest.dynamicTest(c.consumer() + " on " + c.namespace() + "@" + c.backend(), () -> {
            StringBuilder b = new StringBuilder();
            c.findings().stream().filter(f -> f.severity().compareTo(failOn) <= 0)
                .forEach(f -> b.append("\n\n").append(f.change().message()));
            if (b.length() > 0) {
              throw new AssertionFailedError(c.consumer() + " (built against " + c.namespace() + "@" + c.pinned()
                  + ") reads what " + c.namespace() + "@" + c.backend() + " does not send" + b);
            }
          }))));
    }
    nodes.add(released());
    if (!result.policyFindings().isEmpty()) {
      nodes.add(DynamicTest.dynamicTest("contract-gate.yaml", () -> {
        StringBuilder b = new StringBuilder();
        result.policyFindings().stream().filter(c -> c.severity().compareTo(failOn) <= 0)
            .forEach(c -> b.append("\n\n").append(c.message()));
        if (b.length() > 0) {
          throw new AssertionFailedError("The policy file needs attention" + b);
        }
      }));
    }
    return nodes.stream();
  }

  /** One test per released version: its files are still the released ones. */
  private DynamicNode released() {
    LockCheck.Result lock;
    try {
      Path root = LockCheck.rootOf(registry);
      lock = LockCheck.run(registry, root, ReleasedContent.git(root));
    } catch (ContractException e) {
      return DynamicTest.dynamicTest(ReleaseLock.FILE, () -> {
        throw new AssertionFailedError(e.getMessage());
      });
    }
    List<DynamicNode> tests = new ArrayList<>();
    List<String> versions = new ArrayList<>(lock.released());
    lock.drifts().forEach(d -> {
      if (!versions.contains(d.namespace() + "/" + d.version())) {
        versions.add(d.namespace() + "/" + d.version());
      }
    });
    for (String v : versions) {
      List<LockCheck.Drift> mine = lock.drifts().stream().filter(d -> (d.namespace() + "/" + d.version()).equals(v))
          .toList();
      tests.add(DynamicTest.dynamicTest(v, () -> {
        if (!mine.isEmpty()) {
          throw new AssertionFailedError("Released " + v + " changed\n\n"
              + new LockCheck.Result(List.of(v), mine).render());
        }
      }));
    }
    return DynamicContainer.dynamicContainer("released", tests.stream());
  }

  private void write(HistoryCheck.Result result) {
    Report report = DiffReports.history(result, "check-history " + registry.origin(), registry, failOn, false);
    try {
      Files.createDirectories(reportDir);
      Files.writeString(reportDir.resolve("check-history.md"), ReportFormat.MARKDOWN.render(report),
          StandardCharsets.UTF_8);
      Files.writeString(reportDir.resolve("check-history.json"), ReportFormat.JSON.render(report),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the history report to " + reportDir, e);
    }
  }
}
