package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One API namespace of the backend, such as {@code /api/ivanpin/services/}, with its own token and session
 * cookie.
 *
 * @param id directory name, e.g. {@code ivanpin}
 * @param description free text, may be empty
 * @param basePath path prefix of every endpoint, starting and ending with {@code /}
 * @param auth the token the namespace requires, if any
 * @param sessionCookie the only session cookie this namespace may set, if declared
 * @param owners who to ask about it
 * @param file the {@code namespace.yaml} it was read from (tree-relative)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Namespace(
    String id,
    String description,
    String basePath,
    Optional<Auth> auth,
    Optional<String> sessionCookie,
    List<String> owners,
    String file) {

  public Namespace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(basePath, "basePath");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(sessionCookie, "sessionCookie");
    owners = List.copyOf(owners);
    Objects.requireNonNull(file, "file");
  }

  /**
   * How a namespace authenticates its callers: a header whose value is read from an environment variable.
   * The value itself never appears in the contract tree.
   *
   * @param header the request header, e.g. {@code X-WGP-Token}
   * @param tokenEnv the environment variable that holds the secret, e.g. {@code IVANPIN_API_TOKEN}
   * @param statusWithoutToken the statuses that count as a refusal of a request without the token
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Auth(String header, String tokenEnv, List<Integer> statusWithoutToken) {
    public Auth {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(tokenEnv, "tokenEnv");
      statusWithoutToken = List.copyOf(statusWithoutToken);
    }
  }
}
