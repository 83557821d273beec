package dev.contractgate.bench;

import dev.contractgate.drift.Drift;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.ResponseValidator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drift over 10 000 and 100 000 NDJSON recordings of {@code blog.list} (example contract {@code ivanpin/1.2.0},
 * bodies of 2.5–4.9 KB from {@link BlogBodies}, one in a hundred with a planted {@code body.pattern} violation), with
 * one and two worker threads, against the baseline "raw validation per core":
 * {@code ResponseValidator.validateBody} over the same bodies, in memory, on one thread.
 *
 * <p>One operation is one whole run over {@code records} documents (single shot); documents per second is
 * {@code records / time}. The target: drift throughput per core within 2× of raw validation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DriftBenchmark {

  /** Distinct bodies; document {@code i} carries body {@code i % POOL}. */
  public static final int POOL = 100;
  /** The pool entry with the planted violation (so exactly 1 % of the documents). */
  public static final int PLANTED = 37;
  /** The recorded request, {@code PAGE} replaced by the document number. */
  public static final String TARGET = "/api/ivanpin/services/blog/list.php?lang=ru&page=PAGE";

  /** The bodies and the registry, shared by both benchmarks. */
  @State(Scope.Benchmark)
  public static class Corpus {

    /** Documents per operation. */
    @Param({"10000", "100000"})
    public int records;

    ContractRegistry registry;
    SourceLocation location;
    String[] bodies;
    long bodyBytes;

    @Setup(Level.Trial)
    public void setUp() {
      registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT,
          DriftBenchmark.class.getClassLoader());
      location = SourceLocation.of(BlogBodies.SCHEMA);
      bodies = new String[POOL];
      for (int k = 0; k < POOL; k++) {
        String body = BlogBodies.ofSize(1_950 + k * 18); // 2.5 to 4.9 KB, 3.5 KB on average
        if (k == PLANTED) {
          body = body.replaceFirst("\"slug\":\"[^\"]*\"", "\"slug\":\"Not A Slug\"");
        }
        bodies[k] = body;
      }
      for (int i = 0; i < records; i++) {
        bodyBytes += BlogBodies.utf8Bytes(bodies[i % POOL]);
      }
    }

    /** Documents among {@code records} that carry the planted violation. */
    public long planted() {
      return (records - 1 - PLANTED) / POOL + (records > PLANTED ? 1 : 0);
    }
  }

  /** The NDJSON file of {@code records} documents, written once per trial, and the worker count. */
  @State(Scope.Benchmark)
  public static class Recording {

    /** Drift worker threads. */
    @Param({"1", "2"})
    public int threads;

    Path dir;
    Path file;
    Drift drift;

    @Setup(Level.Trial)
    public void setUp(Corpus corpus) throws IOException {
      dir = Files.createTempDirectory("cg-drift-bench");
      file = dir.resolve("recording.ndjson");
      write(file, corpus.bodies, corpus.records);
      drift = Drift.builder(corpus.registry).namespaces(List.of("ivanpin")).threads(threads).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      try {
        ContractTrees.delete(dir);
      } catch (UncheckedIOException e) {
        // a temp file left behind is harmless
      }
    }
  }

  /** Writes {@code records} NDJSON lines as {@code ContractRecorder} would, cycling through {@code bodies}. */
  public static void write(Path file, String[] bodies, int records) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    String[] lines = new String[bodies.length];
    for (int k = 0; k < bodies.length; k++) {
      ObjectNode o = mapper.createObjectNode();
      o.put("time", "2026-11-22T10:00:00Z");
      o.put("method", "GET");
      o.put("target", TARGET);
      o.put("status", 200);
      ObjectNode h = o.putObject("headers");
      h.putArray("content-type").add("application/json");
      h.putArray("vary").add("Origin");
      o.put("body", bodies[k]);
      o.put("namespace", "ivanpin");
      o.put("endpoint", "blog.list");
      lines[k] = mapper.writeValueAsString(o);
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        w.write(lines[i % bodies.length].replace("PAGE", Integer.toString(i)));
        w.newLine();
      }
    }
  }

  /** Drift over the file with {@code threads} workers. */
  @Benchmark
  public DriftResult drift(Recording recording) {
    return recording.drift.run(List.of(recording.file));
  }

  /** The baseline: the same bodies validated in one thread, in memory (no file, no NDJSON parsing). */
  @Benchmark
  public long rawValidation(Corpus corpus) {
    long violations = 0;
    String[] bodies = corpus.bodies;
    for (int i = 0; i < corpus.records; i++) {
      violations += ResponseValidator.of(corpus.registry).validateBody(corpus.location, bodies[i % POOL]).size();
    }
    return violations;
  }
}
