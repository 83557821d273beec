package dev.contractgate.bench;

import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.SchemaDiff;
import dev.contractgate.diff.SchemaInput;
import java.util.concurrent.TimeUnit;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Side by side with OpenAPITools openapi-diff on the same synthetic components, both from text, in a 512 MB
 * heap. openapi-diff reads an OpenAPI 3.0 description ({@link SyntheticSchemas#toOpenApi}, one path per 10
 * components); Contract Gate reads the same OpenAPI texts through its import and endpoint diff
 * ({@code contractGateOpenApi}), and, for comparison, the equivalent JSON Schema pair ({@code contractGate}). A peer run that ends in {@link StackOverflowError} or {@link OutOfMemoryError} fails the JMH run; use
 * {@link PeerReport} to record such outcomes as results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PeerDiffBenchmark {

  /** Target size of each JSON Schema side in bytes (the OpenAPI text is about as large). */
  @Param({"500000", "2000000", "5000000"})
  public int size;

  private String oldSchema;
  private String newSchema;
  private String oldApi;
  private String newApi;
  private JsonMapper mapper;

  @Setup
  public void setUp() {
    SyntheticSchemas.Pair pair = SyntheticSchemas.ofSize(size);
    oldSchema = SyntheticSchemas.json(pair.oldSchema());
    newSchema = SyntheticSchemas.json(pair.newSchema());
    oldApi = SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.oldSchema(), PeerReport.PER_PATH));
    newApi = SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.newSchema(), PeerReport.PER_PATH));
    mapper = JsonMapper.builder().build();
  }

  /** Contract Gate: parse both schema texts and diff them. */
  @Benchmark
  public DiffResult contractGate() {
    return SchemaDiff.compare(SchemaInput.of("old.schema.json", mapper.readTree(oldSchema)),
        SchemaInput.of("new.schema.json", mapper.readTree(newSchema)), Direction.RESPONSE);
  }

  /** Contract Gate on the OpenAPI texts: import both (files written inside the measurement) and diff by endpoint. */
  @Benchmark
  public String contractGateOpenApi() {
    return PeerReport.contractGateOpenApi(oldApi, newApi);
  }

  /** openapi-diff: parse both OpenAPI texts (swagger-parser) and diff them. */
  @Benchmark
  public ChangedOpenApi openapiDiff() {
    return OpenApiCompare.fromContents(oldApi, newApi);
  }
}
