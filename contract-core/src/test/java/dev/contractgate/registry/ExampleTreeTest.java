package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example tree shipped in the {@code contracts} module loads and compiles. */
class ExampleTreeTest {

  private static final Path EXAMPLE_TREE = Path.of("../contracts/src/main/contracts");

  @Test
  void should_load_and_compile_the_example_tree() {
    // WHEN
    ContractRegistry registry = ContractRegistry.load(EXAMPLE_TREE);
    // THEN
    assertThat(registry.namespaces()).extracting(Namespace::id).containsExactly("ivanpin", "wgp");
    assertThat(registry.versions("ivanpin")).isNotEmpty();
    assertThat(registry.consumers()).extracting(Consumer::id).contains("ivanpin-web", "wgp-web");
    assertThat(registry.policy().limits().maxDepth()).isEqualTo(64);
    assertThat(registry.compileAll()).isPositive();
  }

  @Test
  void should_pin_every_consumer_to_a_version_of_the_tree() {
    // WHEN
    ContractRegistry registry = ContractRegistry.load(EXAMPLE_TREE);
    // THEN
    assertThat(registry.consumers()).allSatisfy(c ->
        assertThat(registry.version(c.namespace(), c.version().toString())).isPresent());
  }
}
