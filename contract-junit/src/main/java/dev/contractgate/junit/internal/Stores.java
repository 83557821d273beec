package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one place that touches JUnit's store, so that the move from {@code getOrComputeIfAbsent} (JUnit 5) to
 * {@code computeIfAbsent} (JUnit 6) is a one-line change.
 */
@API(status = INTERNAL, since = "0.1")
public final class Stores {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create("dev.contractgate.junit");

  private Stores() {}

  /**
   * The value for a key in the root context's store, computed on first use. The root context lives for the
   * whole test run, so a value is shared by every test class and closed (when {@link AutoCloseable}) at
   * the end of the run.
   */
  public static <K, V> V root(ExtensionContext context, K key, Function<K, V> creator, Class<V> type) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, creator, type);
  }
}
