package dev.contractgate.bench;

import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Loading a contract tree against the number of schema files (one endpoint per schema, plus one shared
 * file): {@link #load} is what {@code ContractRegistry.load} costs (strict reading, {@code $ref} resolution;
 * compilation is lazy), {@link #loadAndCompileAll} adds compiling every endpoint's schema with networknt (what
 * a first validation of every endpoint pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RegistryBenchmark {

  /** Number of endpoint schema files. */
  @Param({"10", "100", "1000"})
  public int schemas;

  private Path tree;

  @Setup
  public void setUp() throws IOException {
    tree = ContractTrees.write(Files.createTempDirectory("cg-registry-bench"), schemas);
  }

  @Benchmark
  public ContractRegistry load() {
    return ContractRegistry.load(tree);
  }

  @Benchmark
  public int loadAndCompileAll() {
    return ContractRegistry.load(tree).compileAll();
  }

  @TearDown
  public void tearDown() {
    ContractTrees.delete(tree);
  }
}
