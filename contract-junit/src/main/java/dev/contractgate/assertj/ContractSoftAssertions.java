package dev.contractgate.assertj;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Collects contract assertion failures and reports them together: check every endpoint of a namespace and
 * see all that drifted, not only the first.
 *
 * <pre>{@code
 * ContractSoftAssertions.assertSoftly(softly -> {
 *   softly.assertThat(client.call("ivanpin", "blog.list")).matchesContract();
 *   softly.assertThat(client.call("ivanpin", "services.catalog")).matchesContract();
 * });
 * }</pre>
 *
 * <p>Works with AssertJ's {@code SoftAssertionsExtension}: declare a field
 * {@code @InjectSoftAssertions ContractSoftAssertions softly} and the extension calls {@code assertAll()}
 * after each test.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractSoftAssertions extends AbstractSoftAssertions implements ContractSoftAssertionsProvider {

  /** Runs the assertions and fails once at the end with every collected failure. */
  public static void assertSoftly(Consumer<ContractSoftAssertions> softly) {
    SoftAssertionsProvider.assertSoftly(ContractSoftAssertions.class, softly);
  }
}
