package dev.contractgate.junit;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ContractExtensionTest {

  private static Backend backend;

  /** What the fixtures were given, in the order they ran; identity matters, so no equals-based set. */
  static final List<Object> SEEN = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start_backend() {
    backend = Backend.start();
  }

  @AfterAll
  static void stop_backend() {
    backend.close();
  }

  @BeforeEach
  void forget_what_fixtures_saw() {
    SEEN.clear();
  }

  private static EngineRun withBackend() {
    return EngineRun.with().parameter("contract.baseUrl", backend.baseUrl());
  }

  @Test
  void registry_is_loaded_once_for_every_test_class_of_a_run() {
    // WHEN
    EngineExecutionResults results = withBackend()
        .run(InjectionTestCase.class, StaticLifecycleTestCase.class, ProgrammaticTestCase.class);
    // THEN
    results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    List<Object> registries = SEEN.stream().filter(o -> o instanceof ContractRegistry).toList();
    assertThat(registries).hasSize(3);
    // Three classes, two spellings of the location, one annotation and one builder: still one instance.
    assertThat(registries).allSatisfy(r -> assertThat(r).isSameAs(registries.get(0)));
  }

  @Test
  void a_new_run_loads_the_registry_again() {
    // GIVEN
    withBackend().run(InjectionTestCase.class);
    Object first = SEEN.get(0);
    SEEN.clear();
    // WHEN
    withBackend().run(InjectionTestCase.class);
    // THEN the root store lives as long as one run, so nothing leaks between runs
    assertThat(SEEN.get(0)).isInstanceOf(ContractRegistry.class).isNotSameAs(first);
  }

  @Test
  void injects_registry_namespace_and_client_into_test_methods() {
    // WHEN
    EngineExecutionResults results = withBackend().run(InjectionTestCase.class);
    // THEN
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(SEEN).hasSize(3);
    assertThat(SEEN.get(1)).isInstanceOfSatisfying(Namespace.class, ns -> assertThat(ns.id()).isEqualTo("ivanpin"));
    assertThat(SEEN.get(2)).isInstanceOfSatisfying(ContractClient.class,
        c -> assertThat(c.baseUrl()).isEqualTo(backend.baseUrl() + "/"));
  }

  @Test
  void nested_classes_use_the_annotation_of_their_enclosing_class() {
    // WHEN
    EngineExecutionResults results = EngineRun.with().run(EnclosingTestCase.class);
    // THEN
    results.testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(SEEN).singleElement().isInstanceOfSatisfying(Namespace.class,
        ns -> assertThat(ns.id()).isEqualTo("wgp"));
  }

  @Test
  void environment_supplies_the_base_url_when_no_parameter_is_set() {
    // GIVEN a builder whose environment has CONTRACT_BASE_URL, and no configuration parameter
    EnvironmentTestCase.environment = Map.of("CONTRACT_BASE_URL", backend.baseUrl(),
        "WGP_API_TOKEN", Backend.WGP_TOKEN)::get;
    // WHEN
    EngineExecutionResults results = EngineRun.with().run(EnvironmentTestCase.class);
    // THEN
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void configuration_parameter_wins_over_the_environment() {
    // GIVEN an environment pointing nowhere useful
    EnvironmentTestCase.environment = Map.of("CONTRACT_BASE_URL", "http://127.0.0.1:1",
        "WGP_API_TOKEN", Backend.WGP_TOKEN)::get;
    // WHEN
    EngineExecutionResults results = withBackend().run(EnvironmentTestCase.class);
    // THEN
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Nested
  class Failures {

    @Test
    void missing_base_url_names_the_key_and_how_to_set_it() {
      // GIVEN no contract.baseUrl anywhere
      assumeThat(System.getenv("CONTRACT_BASE_URL")).as("CONTRACT_BASE_URL set in the environment").isNull();
      assumeThat(System.getProperty("contract.baseUrl")).isNull();
      // WHEN
      EngineExecutionResults results = EngineRun.with().run(InjectionTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("ParameterResolutionException")
          .contains("No base URL for the ContractClient of InjectionTestCase.calls_the_backend()")
          .contains("expected: contract.baseUrl: the URL of the backend under test")
          .contains("but was : not set")
          .contains("-Dcontract.baseUrl=http://127.0.0.1:8080", "junit-platform.properties", "CONTRACT_BASE_URL",
              "ContractExtension.builder().baseUrl(...)", "docs/junit.md#configuration");
    }

    @Test
    void invalid_base_url_names_the_key_its_source_and_the_value() {
      // WHEN
      EngineExecutionResults results = EngineRun.with().parameter("contract.baseUrl", "localhost:8080")
          .run(InjectionTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Invalid contract.baseUrl (from configuration parameter contract.baseUrl)")
          .contains("but was : \"localhost:8080\"")
          .contains("hint    : write the scheme and host, e.g. http://localhost:8080");
    }

    @Test
    void invalid_timeout_names_the_key_and_the_accepted_forms() {
      // WHEN
      EngineExecutionResults results = withBackend().parameter("contract.timeout", "5 seconds")
          .run(InjectionTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Invalid contract.timeout (from configuration parameter contract.timeout)")
          .contains("expected: a positive duration such as 500ms, 5s, 2m or PT5S")
          .contains("but was : \"5 seconds\"");
    }

    @Test
    void unknown_classpath_location_fails_the_class_before_its_tests() {
      // WHEN
      EngineExecutionResults results = withBackend().run(UnknownLocationTestCase.class);
      // THEN
      results.testEvents().assertStatistics(s -> s.started(0));
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("ExtensionConfigurationException")
          .contains("Cannot load the contracts at classpath:no/such/tree (from @ContractTest(contracts) on "
              + UnknownLocationTestCase.class.getName() + ")")
          .contains("no such resource")
          .contains("hint    : add the jar that packages the contracts as a test dependency");
    }

    @Test
    void missing_directory_names_the_path_and_where_it_was_set() {
      // WHEN
      EngineExecutionResults results = withBackend().parameter("contract.contracts", "dir:does/not/exist")
          .run(InjectionTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Cannot load the contracts at dir:")
          .contains("does/not/exist (from configuration parameter contract.contracts)")
          .contains("but was : no such directory");
    }

    @Test
    void constructor_injection_is_rejected_naming_the_constructor_and_the_fix() {
      // WHEN
      EngineExecutionResults results = withBackend().run(ConstructorTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Cannot inject ContractClient into the constructor of " + ConstructorTestCase.class.getName())
          .contains("of constructor ConstructorTestCase(ContractClient)")
          .contains("hint    : declare it on the test methods that use it, or on a @BeforeEach method");
    }

    @Test
    void namespace_without_a_choice_lists_the_namespaces() {
      // WHEN
      EngineExecutionResults results = EngineRun.with().run(NoNamespaceTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Cannot choose the Namespace to inject")
          .contains("expected: one of [ivanpin, wgp], chosen with @ContractTest(namespace = \"...\") or contract.namespace");
    }

    @Test
    void unknown_namespace_names_its_source() {
      // WHEN
      EngineExecutionResults results = EngineRun.with().parameter("contract.namespace", "shop")
          .run(NoNamespaceTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Unknown namespace \"shop\" (from configuration parameter contract.namespace)")
          .contains("one of [ivanpin, wgp]");
    }

    @Test
    void unknown_namespace_suggests_a_close_one() {
      // WHEN
      EngineExecutionResults results = EngineRun.with().parameter("contract.namespace", "ivanpn")
          .run(NoNamespaceTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Unknown namespace \"ivanpn\"")
          .contains("did you mean \"ivanpin\"?");
    }

    @Test
    void missing_token_names_its_environment_variable_and_never_a_value() {
      // GIVEN an environment without WGP_API_TOKEN
      EnvironmentTestCase.environment = Map.of("CONTRACT_BASE_URL", backend.baseUrl())::get;
      // WHEN
      EngineExecutionResults results = EngineRun.with().run(EnvironmentTestCase.class);
      // THEN
      assertThat(EngineRun.onlyFailureMessage(results))
          .contains("Cannot call wgp@1.2.0 posts.list: the token of namespace wgp is not set")
          .contains("expected: the environment variable WGP_API_TOKEN holding the X-WGP-Token token of wgp")
          .contains("export WGP_API_TOKEN=...")
          .doesNotContain(Backend.WGP_TOKEN, Backend.IVANPIN_TOKEN);
    }
  }

  // ---- fixtures: static nested, so that only EngineRun runs them -------------------------------------------

  @ContractTest(namespace = "ivanpin")
  static class InjectionTestCase {
    @Test
    void calls_the_backend(ContractRegistry registry, Namespace namespace, ContractClient client) {
      SEEN.add(registry);
      SEEN.add(namespace);
      SEEN.add(client);
      assertThat(client.call("ivanpin", "blog.list")).hasStatus(200).matchesContract();
    }
  }

  @ContractTest
  static class StaticLifecycleTestCase {
    @BeforeAll
    static void before_all(ContractRegistry registry) {
      SEEN.add(registry);
    }

    @Test
    void runs() {}
  }

  static class ProgrammaticTestCase {
    @RegisterExtension
    static ContractExtension contracts = ContractExtension.builder()
        .contracts("classpath:/contract-gate/contracts/")
        .namespace("wgp")
        .environment(Backend.TOKENS)
        .build();

    @Test
    void calls_the_backend(ContractRegistry registry, ContractClient client) {
      SEEN.add(registry);
      assertThat(client.call("wgp", "posts.list")).hasStatus(200).matchesContract();
    }
  }

  @ContractTest(namespace = "wgp")
  static class EnclosingTestCase {
    @Nested
    class Inner {
      @Test
      void sees_the_namespace(Namespace namespace) {
        SEEN.add(namespace);
      }
    }
  }

  static class EnvironmentTestCase {
    static java.util.function.Function<String, String> environment = k -> null;

    @RegisterExtension
    static ContractExtension contracts = ContractExtension.builder()
        .environment(k -> environment.apply(k))
        .build();

    @Test
    void calls_the_backend(ContractClient client) {
      assertThat(client.call("wgp", "posts.list")).hasStatus(200);
    }
  }

  @ContractTest(contracts = "classpath:no/such/tree")
  static class UnknownLocationTestCase {
    @Test
    void never_runs() {}
  }

  @ContractTest
  static class ConstructorTestCase {
    ConstructorTestCase(ContractClient client) {}

    @Test
    void never_runs() {}
  }

  @ContractTest
  static class NoNamespaceTestCase {
    @Test
    void wants_a_namespace(Namespace namespace) {}
  }
}
