package dev.contractgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JUnit extension's cost per test class: one operation is one JUnit Platform launcher run (discovery and
 * execution, as a build tool starts it) over {@code classes} distinct test classes of {@link JUnitClasses},
 * each with two tests: one calls a loopback backend ({@link SlowBackend} without latency) and validates the
 * answer, one validates a recorded response. {@link #contractTest} runs {@code @ContractTest} classes (the
 * registry is loaded once per launcher run, the root store of which is where the extension keeps it);
 * {@link #plainJUnit} runs the same tests without the extension, on a registry and a client kept in static
 * fields (created in the first run of the JVM). The slope of each against {@code classes} is the cost per class, the difference of the intercepts
 * the one-off cost of the extension (loading the {@value #ENDPOINTS}-endpoint tree, its HTTP client).
 *
 * <p>Every operation checks that all {@code 2 × classes} tests passed, so a broken setup cannot be measured
 * as a fast one. With {@code -bm ss -wi 0 -i 1} and several forks, the operation is the first launcher run of
 * a fresh JVM, as in a build: class loading and interpretation included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
// The extension's per-run code (tree loading, client building) runs once per operation and compiles late:
// with 8 warm-up iterations its times were still falling during measurement.
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 2)
public class JUnitClassesBenchmark {

  /** Endpoints of the contract tree (so {@code ENDPOINTS + 1} schema files). */
  static final int ENDPOINTS = 10;
  /** Tests in each class of {@link JUnitClasses}. */
  static final int TESTS_PER_CLASS = 2;

  /** Distinct test classes per launcher run. */
  @Param({"1", "10", "100"})
  public int classes;

  private Path tree;
  private SlowBackend backend;
  private Launcher launcher;
  private LauncherDiscoveryRequest contract;
  private LauncherDiscoveryRequest plain;

  @Setup
  public void setUp() throws IOException {
    tree = ContractTrees.write(Files.createTempDirectory("cg-junit-bench"), ENDPOINTS);
    backend = new SlowBackend(0);
    JUnitClasses.usePlain(tree, backend.baseUrl());
    launcher = LauncherFactory.create();
    contract = request(JUnitClasses.contractClasses(classes), backend.baseUrl());
    plain = request(JUnitClasses.plainClasses(classes), backend.baseUrl());
    // No trial run here: with -bm ss the first operation is the first run in a fresh JVM, as in a build.
    // Each operation checks its own outcome (run), so a broken setup still fails before it is measured.
  }

  @Benchmark
  public TestExecutionSummary contractTest() {
    return run(contract);
  }

  @Benchmark
  public TestExecutionSummary plainJUnit() {
    return run(plain);
  }

  @TearDown
  public void tearDown() {
    backend.close();
    ContractTrees.delete(tree);
  }

  /** Requests answered by the backend so far, for the smoke test. */
  long backendRequests() {
    return backend.requests();
  }

  /** The selected classes with the configuration a build would pass: the contract tree and the backend. */
  LauncherDiscoveryRequest request(List<Class<?>> selected, String baseUrl) {
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selected.stream().map(DiscoverySelectors::selectClass).toList())
        .configurationParameter("contract.contracts", "dir:" + tree)
        .configurationParameter("contract.baseUrl", baseUrl)
        .build();
  }

  /** Runs the request; throws unless every test of every selected class passed. */
  TestExecutionSummary run(LauncherDiscoveryRequest request) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    long expected = (long) TESTS_PER_CLASS * request.getSelectorsByType(ClassSelector.class).size();
    if (summary.getTestsSucceededCount() != expected || summary.getTotalFailureCount() != 0) {
      throw new IllegalStateException(summary.getTestsSucceededCount() + " of " + expected + " tests passed, "
          + summary.getTotalFailureCount() + " failures: " + summary.getFailures().stream()
              .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
              .collect(Collectors.joining("; ")));
    }
    return summary;
  }
}
