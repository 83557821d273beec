package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.gate.GateResult;
import dev.contractgate.junit.internal.ProviderStates;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.gate.ProbeResult;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Facts;
import dev.contractgate.validate.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The live check as dynamic tests: every endpoint's probe sent to the backend under test (with the
 * namespace's token, and once more without it), one test per probe, failing with the violations in the
 * shape of {@code ValidationResult.render()}. The probes run concurrently, once, when {@link #tests()} is
 * called.
 *
 * <pre>{@code
 * @ContractTest
 * class LiveContractTest {
 *   @TestFactory
 *   Stream<DynamicNode> every_endpoint_answers_as_its_contract_says(ContractClient client) {
 *     return ContractProbes.of(client).tests();      // contract.baseUrl and the token variables
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractProbes {

  private final ContractRegistry registry;
  private final String baseUrl;
  private Function<String, String> environment;
  private final List<String> namespaces = new ArrayList<>();
  private Duration timeout = Duration.ofSeconds(5);
  private Duration deadline = Duration.ofSeconds(60);
  private final ProviderStates classStates;
  private final Map<String, Runnable> states = new LinkedHashMap<>();

  private ContractProbes(ContractRegistry registry, String baseUrl, Function<String, String> environment,
      ProviderStates classStates) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.classStates = classStates;
  }

  /**
   * Probes against the client's base URL, with the tokens the client reads; a probe that declares a provider
   * {@code state} runs right after the test class's {@link ProviderState @ProviderState} method of that name.
   */
  public static ContractProbes of(ContractClient client) {
    return new ContractProbes(client.registry(), client.baseUrl(), client.environment(), client.states());
  }

  /** Probes against any base URL; tokens from the process environment unless {@link #environment} says otherwise. */
  public static ContractProbes of(ContractRegistry registry, String baseUrl) {
    return new ContractProbes(registry, baseUrl, System::getenv, ProviderStates.NONE);
  }

  /**
   * Sets up a provider state in code: runs before every probe whose {@code state} is this name (and wins over
   * a {@code @ProviderState} method of the same name). Probes with a state run one at a time.
   */
  public ContractProbes state(String name, Runnable setUp) {
    states.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(setUp, "setUp"));
    return this;
  }

  /** Where token variables are read. */
  public ContractProbes environment(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /** Only these namespaces; all by default. */
  public ContractProbes namespaces(String... ids) {
    namespaces.addAll(List.of(ids));
    return this;
  }

  public ContractProbes timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  public ContractProbes deadline(Duration deadline) {
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    return this;
  }

  /** Runs every probe now and returns one test per probe, grouped by namespace and version. */
  public Stream<DynamicNode> tests() {
    GateResult result = LiveGate.builder(registry).baseUrl(baseUrl).namespaces(namespaces).environment(environment)
        .timeout(timeout).deadline(deadline).states(this::setUp).build().run();
    Map<String, List<DynamicNode>> groups = new LinkedHashMap<>();
    for (ProbeResult r : result.results()) {
      String name = r.endpoint() + (r.kind() == ProbeResult.Kind.WITHOUT_TOKEN ? " (without token)" : "");
      groups.computeIfAbsent(r.namespace() + "@" + r.version(), k -> new ArrayList<>())
          .add(DynamicTest.dynamicTest(name, () -> {
            if (r.outcome().failed()) {
              throw new AssertionFailedError(redact(message(r)));
            }
          }));
    }
    List<DynamicNode> nodes = new ArrayList<>();
    groups.forEach((group, tests) -> nodes.add(DynamicContainer.dynamicContainer(group, tests.stream())));
    return nodes.stream();
  }

  private void setUp(String state) {
    Runnable inCode = states.get(state);
    if (inCode != null) {
      inCode.run();
    } else {
      classStates.setUp(state);
    }
  }

  /** Token values, whole or cut short by a message's truncation, never reach a test report. */
  private String redact(String text) {
    List<String> tokens = new ArrayList<>();
    registry.namespaces().forEach(ns -> ns.auth().ifPresent(a -> tokens.add(environment.apply(a.tokenEnv()))));
    return dev.contractgate.record.Redaction.maskSecrets(text, tokens, "***");
  }

  static String message(ProbeResult r) {
    StringBuilder b = new StringBuilder(r.label()).append(": ").append(r.request()).append(" -> ").append(r.message());
    int i = 1;
    for (Violation v : r.violations()) {
      b.append("\n\n[").append(i++).append("] at ").append(v.where());
      Facts.append(b, "expected", v.expected());
      Facts.append(b, "but was", v.actual());
      v.schemaLocation().ifPresent(s -> Facts.append(b, "schema", s.toString()));
      Facts.append(b, "rule", v.rule());
      if (!v.hint().isEmpty()) {
        Facts.append(b, "hint", v.hint());
      }
    }
    return b.toString();
  }
}
