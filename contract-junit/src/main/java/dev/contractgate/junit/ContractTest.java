package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests check a backend against its API contracts.
 *
 * <p>The contract tree is loaded once per test run, on first use, and shared by every test class of the run
 * that names the same location; a tree that does not load fails the class before its first test. Test
 * methods and lifecycle methods may declare parameters of type {@link dev.contractgate.registry.ContractRegistry},
 * {@link ContractClient} (which calls the backend at {@code contract.baseUrl}) and
 * {@link dev.contractgate.registry.Namespace} (the one named by {@link #namespace()}). Constructors may not:
 * a client kept in a field would outlive the test that configured it.
 *
 * <pre>{@code
 * @ContractTest(namespace = "ivanpin")
 * class BlogContractTest {
 *
 *   @Test
 *   void blog_list_matches_its_contract(ContractClient client) {
 *     ContractResponse response = client.call("ivanpin", "blog.list");
 *
 *     assertThat(response).hasStatus(200).matchesContract();
 *   }
 * }
 * }</pre>
 *
 * <p>Settings not given here come from JUnit configuration parameters, system properties or environment
 * variables, as listed in {@code docs/junit.md}. For settings in code, register
 * {@link ContractExtension#builder()} with {@code @RegisterExtension} instead of using this annotation.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ContractExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface ContractTest {

  /**
   * Where the contract tree is: {@code dir:<path>} or a classpath root such as {@code contract-gate/contracts}.
   * Empty means {@code contract.contracts}, and without that the classpath root
   * {@value dev.contractgate.registry.ContractRegistry#DEFAULT_CLASSPATH_ROOT}.
   */
  String contracts() default "";

  /**
   * The namespace injected as a {@link dev.contractgate.registry.Namespace} parameter. Empty means
   * {@code contract.namespace}, and without that the only namespace of the tree.
   */
  String namespace() default "";
}
