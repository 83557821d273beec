package dev.contractgate.bench;

import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.SchemaDiff;
import dev.contractgate.diff.SchemaInput;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SchemaDiff} on synthetic self-referencing schema pairs ({@link SyntheticSchemas}) of about 0.5, 2
 * and 5 MB per side, in the 512 MB heap the design targets. One operation is one whole comparison; run with
 * {@code -prof gc} for the allocation per comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DiffBenchmark {

  /** Target size of each side in bytes (compact JSON). */
  @Param({"500000", "2000000", "5000000"})
  public int size;

  private SchemaInput oldSide;
  private SchemaInput newSide;

  @Setup
  public void setUp() {
    SyntheticSchemas.Pair pair = SyntheticSchemas.ofSize(size);
    oldSide = SchemaInput.of("old.schema.json", pair.oldSchema());
    newSide = SchemaInput.of("new.schema.json", pair.newSchema());
  }

  @Benchmark
  public DiffResult diff() {
    return SchemaDiff.compare(oldSide, newSide, Direction.RESPONSE);
  }
}
