package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a no-argument method of a {@link ContractTest @ContractTest} class that puts the backend into a provider
 * state: the data a probe expects. A probe declares its state in {@code endpoints.yaml}
 * ({@code probe: {path: {id: "512"}, state: a post with comments exists}}); the method with that name runs right
 * before the probe, in {@link ContractProbes} and in {@link ContractClient#call(String, String)}. Static or
 * instance, any visibility; what it throws fails the probe with its message.
 *
 * <pre>{@code
 * @ProviderState("a post with comments exists")
 * void postWithComments() {
 *   backend.stubFor(get(urlPathEqualTo("/api/posts/512/")).willReturn(okJson(POST_512)));
 * }
 * }</pre>
 *
 * <p>{@code contract-gate verify} sets up the same states through {@code --state-hook URL} (docs/junit.md).
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface ProviderState {

  /** The state's name, exactly as the probe's {@code state} says it. */
  String value();
}
