package dev.contractgate.bench;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import dev.contractgate.validate.Violation;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validation of a {@code blog.list} response (example contract {@code ivanpin/1.2.0}) of about 10 KB, 100 KB
 * and 1 MB: Contract Gate against raw networknt on the same schema, and both against Jackson parsing alone.
 *
 * <p>{@code ResponseValidator} parses the body itself (it enforces the size and depth limits while parsing),
 * so the fair pair is {@link #contractGateBody} against {@link #networkntParseAndValidate}; the overhead target
 * (at most 10 %) is the ratio of those two. {@link #networkntValidateParsed} on a pre-parsed document and
 * {@link #jacksonParse} split that cost into validation and parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidationBenchmark {

  /** Target body size in bytes (UTF-8). */
  @Param({"10000", "100000", "1000000"})
  public int size;

  private ContractRegistry registry;
  private ResponseValidator validator;
  private SourceLocation location;
  private Schema schema;
  private JsonMapper plain;
  private String body;
  private JsonNode parsed;
  private ContractVersion version;
  private Endpoint endpoint;
  private ObservedResponse response;

  @Setup
  public void setUp() {
    registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT,
        ValidationBenchmark.class.getClassLoader());
    validator = ResponseValidator.of(registry);
    location = SourceLocation.of(BlogBodies.SCHEMA);
    schema = registry.compiled(location);
    plain = JsonMapper.builder().build();
    body = BlogBodies.ofSize(size);
    parsed = plain.readTree(body);
    version = registry.requireVersion("ivanpin", "1.2.0");
    endpoint = registry.requireEndpoint(version, "blog.list");
    response = ObservedResponse.json(200, body).withHeader("Vary", "Origin");
    check();
  }

  /** Fails the setup unless every variant accepts the body: a benchmark of a failing path measures nothing. */
  void check() {
    List<Violation> cg = contractGateBody();
    List<Error> raw = networkntParseAndValidate();
    ValidationResult full = contractGateResponse();
    if (!cg.isEmpty() || !raw.isEmpty() || !full.violations().isEmpty()) {
      throw new IllegalStateException("the generated body is not valid: " + cg + " / " + raw + " / "
          + full.violations());
    }
  }

  /** The floor: Jackson parsing alone. */
  @Benchmark
  public JsonNode jacksonParse() {
    return plain.readTree(body);
  }

  /** networknt on a document parsed beforehand. */
  @Benchmark
  public List<Error> networkntValidateParsed() {
    return schema.validate(parsed);
  }

  /** networknt from the string: parse with a plain Jackson mapper, then validate. */
  @Benchmark
  public List<Error> networkntParseAndValidate() {
    return schema.validate(plain.readTree(body));
  }

  /** Contract Gate from the string: limits, parse, validate, map errors to violations. */
  @Benchmark
  public List<Violation> contractGateBody() {
    return validator.validateBody(location, body);
  }

  /** Contract Gate on the whole response: status, content type, Vary header, cookies, body. */
  @Benchmark
  public ValidationResult contractGateResponse() {
    return validator.validate(version, endpoint, response);
  }

  String body() {
    return body;
  }
}
