package dev.contractgate.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.validate.Violation;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one probe of the live gate found.
 *
 * @param namespace the namespace id
 * @param version the contract version checked against
 * @param endpoint the endpoint id
 * @param kind whether this was the endpoint's own probe or a negative probe
 * @param request {@code GET /api/ivanpin/services/blog/list.php?lang=ru} (never with a secret)
 * @param outcome passed, violated, unreachable, timed out or cancelled by the deadline
 * @param status the HTTP status received, {@code 0} when there was no response
 * @param millis time from first attempt to result
 * @param attempts how many times it was sent (connection failures are retried)
 * @param violations the contract violations, sorted
 * @param message one line saying what happened
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProbeResult(
    String namespace,
    String version,
    String endpoint,
    Kind kind,
    String request,
    Outcome outcome,
    int status,
    long millis,
    int attempts,
    List<Violation> violations,
    String message) {

  /** The kinds of probe. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** The endpoint's declared probe, with the namespace's token. */
    CONTRACT,
    /** The same request without the token: it must be refused. */
    WITHOUT_TOKEN
  }

  /** How a probe ended. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Outcome {
    PASSED,
    VIOLATED,
    UNREACHABLE,
    TIMED_OUT,
    NOT_RUN;

    public boolean failed() {
      return this != PASSED;
    }
  }

  public ProbeResult {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    violations = List.copyOf(violations);
    Objects.requireNonNull(message, "message");
  }

  /** {@code ivanpin@1.2.0 blog.list} or {@code ivanpin@1.2.0 blog.list (without token)}. */
  public String label() {
    return namespace + "@" + version + " " + endpoint + (kind == Kind.WITHOUT_TOKEN ? " (without token)" : "");
  }
}
