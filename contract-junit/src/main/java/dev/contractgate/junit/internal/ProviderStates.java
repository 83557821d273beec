package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The provider-state methods of a test class, by state name.
 *
 * @param handlers what sets each state up
 * @param owner the test class, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record ProviderStates(Map<String, Runnable> handlers, String owner) {

  /** No state methods: a probe that declares a state cannot run. */
  public static final ProviderStates NONE = new ProviderStates(Map.of(), "the test class");

  public ProviderStates {
    handlers = Map.copyOf(handlers);
    Objects.requireNonNull(owner, "owner");
  }

  /**
   * Sets up a state.
   *
   * @throws IllegalStateException when no method sets it up, naming the known states
   */
  public void setUp(String state) {
    Runnable handler = handlers.get(state);
    if (handler == null) {
      throw new IllegalStateException(Messages.of(
          "No method sets up the provider state \"" + state + "\"",
          "a method @ProviderState(\"" + state + "\") in " + owner,
          handlers.isEmpty() ? "no @ProviderState methods" : "methods for " + new TreeSet<>(handlers.keySet()),
          "add @ProviderState(\"" + state + "\") to the method that puts its data into the backend; see "
              + "docs/junit.md#provider-states"));
    }
    handler.run();
  }
}
