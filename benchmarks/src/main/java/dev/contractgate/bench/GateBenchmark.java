package dev.contractgate.bench;

import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.gate.ProbeResult;
import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * The live gate over 200 endpoints against a loopback backend that answers each after 50 ms. The sum of the
 * latencies is 10 s, the slowest is 50 ms; the target is a wall time of at most twice the slowest with enough
 * concurrency. One operation is one whole {@link LiveGate#run()} (a new OkHttp client each time, as the
 * command does). Single shots keep the number of loopback connections bounded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 20)
@Measurement(iterations = 10)
public class GateBenchmark {

  @Param({"200"})
  public int endpoints;

  @Param({"50"})
  public int latencyMillis;

  /** Requests in flight at once ({@code LiveGate.Builder#concurrency}; the default is 8). */
  @Param({"8", "32", "100", "200"})
  public int concurrency;

  private Path tree;
  private SlowBackend backend;
  private LiveGate gate;

  @Setup
  public void setUp() throws IOException {
    tree = ContractTrees.write(Files.createTempDirectory("cg-gate-bench"), endpoints);
    backend = new SlowBackend(latencyMillis);
    gate = LiveGate.builder(ContractRegistry.load(tree))
        .baseUrl(backend.baseUrl())
        .concurrency(concurrency)
        .timeout(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(120))
        .retries(0)
        .environment(name -> null)
        .build();
    GateResult first = gate.run();
    long passed = first.results().stream().filter(p -> p.outcome() == ProbeResult.Outcome.PASSED).count();
    if (passed != endpoints) {
      throw new IllegalStateException(passed + " of " + endpoints + " probes passed: " + first.results());
    }
  }

  @Benchmark
  public GateResult gate() {
    return gate.run();
  }

  @TearDown
  public void tearDown() {
    backend.close();
    try {
      ContractTrees.delete(tree);
    } catch (UncheckedIOException e) {
      // a temp dir left behind is harmless
    }
  }
}
