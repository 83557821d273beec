package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One line of the deployments log: at {@code time}, {@code by} deployed {@code version} of a backend namespace
 * or of a consumer (a frontend build, with the contract version it is built against) to {@code environment}.
 *
 * @param time when, to the second (UTC)
 * @param environment e.g. {@code staging}, {@code production}
 * @param kind backend or consumer
 * @param name the namespace (backend) or the consumer id
 * @param version the contract version (backend) or the build's version (consumer)
 * @param contract for a consumer, the contract version its build is built against; empty for a backend
 * @param by who, a login name; never a secret
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Deployment(Instant time, String environment, Kind kind, String name, String version,
    Optional<String> contract, String by) {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern BUILD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
  static final Pattern WHO = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");

  /** What was deployed. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** A backend serving a namespace's contract. */
    BACKEND,
    /** A consumer's (frontend's) build. */
    CONSUMER
  }

  /**
   * @throws IllegalArgumentException naming the value that is not allowed and what is
   */
  public Deployment {
    Objects.requireNonNull(time, "time");
    time = time.truncatedTo(ChronoUnit.SECONDS);
    require(environment, NAME, "environment", "letters, digits, '.', '_' or '-', e.g. production");
    Objects.requireNonNull(kind, "kind");
    require(name, NAME, kind == Kind.BACKEND ? "namespace" : "consumer", "a namespace or consumer id");
    require(version, BUILD, "version", "letters, digits, '.', '_', '+' or '-', at most 64");
    Objects.requireNonNull(contract, "contract");
    if (kind == Kind.BACKEND && contract.isPresent()) {
      throw new IllegalArgumentException("a backend deployment carries no separate contract version");
    }
    contract.ifPresent(c -> require(c, BUILD, "contract version", "a semantic version such as 1.2.0"));
    require(by, WHO, "by", "a login name: letters, digits, '.', '_', '@', '+' or '-', at most 64");
  }

  private static void require(String value, Pattern pattern, String what, String expected) {
    Objects.requireNonNull(value, what);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid " + what + " \"" + ReleaseLock.clip(value) + "\": expected "
          + expected);
    }
  }

  /** The log line, without line break. */
  public String line() {
    return time + " " + environment + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " "
        + version + contract.map(c -> " contract=" + c).orElse("") + " by=" + by;
  }

  /** What was deployed, e.g. {@code backend ivanpin 1.2.0} or {@code consumer ivanpin-web 2024.6.1 (contract 1.2.0)}. */
  public String what() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " " + version
        + contract.map(c -> " (contract " + c + ")").orElse("");
  }
}
