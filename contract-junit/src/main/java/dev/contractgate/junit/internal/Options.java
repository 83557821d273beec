package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What a programmatic {@code ContractExtension} was built with; empty values fall back to the annotation,
 * then the configuration.
 */
@API(status = INTERNAL, since = "0.1")
public record Options(
    Optional<String> contracts,
    Optional<String> baseUrl,
    Optional<String> namespace,
    Optional<Duration> timeout,
    Function<String, String> environment) {

  /** What {@code @ContractTest} uses: nothing set in code, the process environment. */
  public static final Options DECLARATIVE =
      new Options(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), System::getenv);

  public Options {
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(environment, "environment");
  }
}
