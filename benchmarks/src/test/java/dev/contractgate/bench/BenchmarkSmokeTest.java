package dev.contractgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.diff.DiffResult;
import dev.contractgate.drift.DriftGroup;
import dev.contractgate.drift.DriftResult;
import dev.contractgate.drift.EndpointDrift;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.gate.ProbeResult;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fast checks that every benchmark's setup works and computes a correct result. Nothing here measures time:
 * the benchmarks do that, outside the build.
 */
class BenchmarkSmokeTest {

  @Test
  void everyBenchmarkIsRegisteredWithJmh() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).as("JMH annotation processing produced META-INF/BenchmarkList").isNotNull();
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Class<?> c : List.of(ValidationBenchmark.class, DiffBenchmark.class, GateBenchmark.class,
          RegistryBenchmark.class, PeerDiffBenchmark.class, DriftBenchmark.class,
          JUnitClassesBenchmark.class)) {
        assertThat(list).contains(c.getName());
      }
    }
  }

  @Test
  void validationBodiesHaveTheirSizeAndAreValidForEveryVariant() {
    for (int size : new int[] {10_000, 100_000, 1_000_000}) {
      ValidationBenchmark b = new ValidationBenchmark();
      b.size = size;
      b.setUp(); // runs check(): every variant accepts the body
      assertThat(BlogBodies.utf8Bytes(b.body())).isBetween(size, size + 3_000);
      assertThat(b.networkntValidateParsed()).isEmpty();
      assertThat(b.jacksonParse().get("items").size()).isPositive();
    }
  }

  @Test
  void contractGateAndNetworkntAgreeOnAnInvalidBody() {
    ContractRegistry registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
    String body = BlogBodies.ofSize(10_000).replaceFirst("\"slug\":\"[^\"]*\"", "\"slug\":\"Not A Slug\"");
    List<Violation> cg = ResponseValidator.of(registry).validateBody(SourceLocation.of(BlogBodies.SCHEMA), body);
    var raw = registry.compiled(SourceLocation.of(BlogBodies.SCHEMA)).validate(JsonMapper.builder().build().readTree(body));
    assertThat(cg).hasSize(1).hasSameSizeAs(raw);
    assertThat(cg.get(0).instancePointer()).isEqualTo("/items/0/slug");
  }

  @Test
  void syntheticSchemasScaleWithTheComponentCountAndTheirDiffFindsTheChanges() {
    SyntheticSchemas.Pair pair = SyntheticSchemas.ofSize(500_000);
    assertThat(pair.oldBytes()).isBetween(400_000, 600_000);
    assertThat(SyntheticSchemas.pair(20).newSchema().toString()).contains("\"added\"");

    DiffBenchmark b = new DiffBenchmark();
    b.size = 200_000;
    b.setUp();
    DiffResult r = b.diff();
    Map<String, Integer> byRule = PeerReport.byRule(r.changes());
    System.out.println("diff of a 200 KB synthetic pair: " + r.changes().size() + " findings " + byRule);
    // Only the planted changes: nothing undecidable, nothing between unrelated components.
    assertThat(byRule.keySet()).containsExactlyInAnyOrder("response.property.added",
        "response.property.required-removed");
    assertThat(r.changes()).isNotEmpty();
    assertThat(r.hasBreaking()).isTrue();
  }

  @Test
  void diffScaleCountsPairsAndFindingsThatGrowWithTheComponents() {
    // pairs and findings are deterministic: about 13 pairs per component; more changed components, more findings
    DiffScale.Row small = DiffScale.measure(100, 2);
    DiffScale.Row large = DiffScale.measure(400, 2);
    assertThat(small.findings()).isPositive();
    assertThat(large.findings()).isGreaterThan(small.findings());
    assertThat(small.pairs()).isBetween(10 * 100, 20 * 100);
    assertThat(large.pairs()).isBetween(small.pairs() * 3, small.pairs() * 5);
    assertThat(large.allocated()).isPositive();
    assertThat(large.bytes()).isGreaterThan(3 * small.bytes());
  }

  @Test
  void openApiWrappingIsReadByOpenapiDiffAndTheEquivalentSchemaByContractGate() {
    SyntheticSchemas.Pair pair = SyntheticSchemas.pair(60);
    String oldApi = SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.oldSchema(), PeerReport.PER_PATH));
    String newApi = SyntheticSchemas.json(SyntheticSchemas.toOpenApi(pair.newSchema(), PeerReport.PER_PATH));
    assertThat(oldApi).contains("#/components/schemas/C").doesNotContain("$defs");
    String peer = PeerReport.openapiDiff(oldApi, newApi);
    String ours = PeerReport.contractGate(SyntheticSchemas.json(pair.oldSchema()), SyntheticSchemas.json(pair.newSchema()));
    System.out.println("60 components: openapi-diff " + peer + "; contract-gate " + ours);
    System.out.println("60 components, contract-gate on the OpenAPI texts: " + PeerReport.contractGateOpenApi(oldApi, newApi));
    assertThat(peer).doesNotStartWith("NO_CHANGES");
    assertThat(ours).contains("property.required-removed");
    // The same OpenAPI texts through our import: the planted change (every 97th component: only C0 of 60) found
    // on the endpoint whose response reaches it.
    String oursOnOpenApi = PeerReport.contractGateOpenApi(oldApi, newApi);
    assertThat(oursOnOpenApi).contains("response.property.required-removed=", "response.property.added=");
  }

  @Test
  void gateProbesEveryEndpointOfTheGeneratedTreeAndAllPass() throws IOException {
    GateBenchmark b = new GateBenchmark();
    b.endpoints = 200;
    b.latencyMillis = 50;
    b.concurrency = 200;
    b.setUp(); // checks that all 200 probes pass
    try {
      GateResult r = b.gate();
      assertThat(r.results()).hasSize(200).allMatch(p -> p.outcome() == ProbeResult.Outcome.PASSED);
      assertThat(r.millis()).isGreaterThanOrEqualTo(50);
    } finally {
      b.tearDown();
    }
  }

  @Test
  void aViolatingBackendIsCaught(@TempDir Path dir) {
    ContractTrees.write(dir, 3);
    try (SlowBackend backend = new SlowBackend(0)) {
      // a wrong base path: the backend answers 404, which no endpoint declares
      GateResult r = LiveGate.builder(ContractRegistry.load(dir)).baseUrl(backend.baseUrl() + "/elsewhere")
          .retries(0).environment(n -> null).build().run();
      assertThat(r.results()).hasSize(3).noneMatch(p -> p.outcome() == ProbeResult.Outcome.PASSED);
    }
  }

  @Test
  void registryTreesLoadAndCompile() {
    RegistryBenchmark b = new RegistryBenchmark();
    b.schemas = 100;
    try {
      b.setUp();
      ContractRegistry r = b.load();
      assertThat(r.schemaFiles()).hasSize(101);
      assertThat(r.versions(ContractTrees.NAMESPACE).get(0).endpoints()).hasSize(100);
      assertThat(b.loadAndCompileAll()).isEqualTo(100);
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      b.tearDown();
    }
  }

  @Test
  void driftOverTheGeneratedRecordingsCountsEveryDocumentAndEveryPlantedViolation() throws IOException {
    DriftBenchmark.Corpus corpus = new DriftBenchmark.Corpus();
    corpus.records = 250;
    corpus.setUp();
    assertThat(corpus.planted()).isEqualTo(3); // documents 37, 137, 237
    for (String body : corpus.bodies) {
      assertThat(BlogBodies.utf8Bytes(body)).isBetween(2_000, 5_000);
    }
    assertThat(new DriftBenchmark().rawValidation(corpus)).isEqualTo(3);
    for (int threads : new int[] {1, 2}) {
      DriftBenchmark.Recording recording = new DriftBenchmark.Recording();
      recording.threads = threads;
      recording.setUp(corpus);
      try {
        assertThat(Files.readAllLines(recording.file)).hasSize(250);
        DriftResult r = new DriftBenchmark().drift(recording);
        assertThat(r.recordings()).isEqualTo(250);
        assertThat(r.unreadableCount()).isZero();
        assertThat(r.unmatchedCount()).isZero();
        EndpointDrift e = r.endpoint("ivanpin", "blog.list").orElseThrow();
        assertThat(e.count()).isEqualTo(250);
        assertThat(e.conforming()).isEqualTo(247);
        assertThat(e.violations()).extracting(DriftGroup::pointer).containsExactly("/items/*/slug");
        assertThat(e.violations().get(0).count()).isEqualTo(3);
      } finally {
        recording.tearDown();
      }
      assertThat(recording.dir).doesNotExist();
    }
  }

  @Test
  void junitBenchmarkRunsEveryClassAndEveryTestPassesWithAndWithoutTheExtension() throws IOException {
    assertThat(JUnitClasses.contractClasses(JUnitClasses.MAX)).hasSize(100).doesNotHaveDuplicates()
        .allMatch(c -> c.isAnnotationPresent(dev.contractgate.junit.ContractTest.class));
    assertThat(JUnitClasses.plainClasses(JUnitClasses.MAX)).hasSize(100).doesNotHaveDuplicates()
        .noneMatch(c -> c.isAnnotationPresent(dev.contractgate.junit.ContractTest.class));
    JUnitClassesBenchmark b = new JUnitClassesBenchmark();
    b.classes = JUnitClasses.MAX;
    b.setUp();
    try {
      long before = b.backendRequests();
      TestExecutionSummary contract = b.contractTest();
      TestExecutionSummary plain = b.plainJUnit();
      for (TestExecutionSummary s : List.of(contract, plain)) {
        assertThat(s.getTestsFoundCount()).isEqualTo(200);
        assertThat(s.getTestsSucceededCount()).isEqualTo(200);
        assertThat(s.getTotalFailureCount()).isZero();
        // the engine and the 100 classes: no class was merged with another or skipped
        assertThat(s.getContainersSucceededCount()).isEqualTo(101);
      }
      // one live call per class of each kind, so the first test of every class really ran
      assertThat(b.backendRequests() - before).isEqualTo(200);
    } finally {
      b.tearDown();
    }
  }

  @Test
  void junitBenchmarkRefusesARunInWhichATestFails() throws IOException {
    JUnitClassesBenchmark b = new JUnitClassesBenchmark();
    b.classes = 2;
    b.setUp();
    try {
      // nothing listens on port 1: each class's live call fails, its recording test still passes
      var broken = b.request(JUnitClasses.contractClasses(2), "http://127.0.0.1:1");
      assertThatThrownBy(() -> b.run(broken)).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("2 of 4 tests passed, 2 failures")
          .hasMessageContaining("probe_matches_its_contract")
          .hasMessageContaining("connection refused");
    } finally {
      b.tearDown();
    }
  }
}
