package dev.contractgate.infer;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What an inference read and what it could not use.
 *
 * @param entries items read from the recordings (exchanges and unreadable lines or entries)
 * @param exchanges exchanges under the base path that were used
 * @param outsideBasePath exchanges outside the base path, ignored
 * @param recordingFiles recording files and directories read
 * @param endpoints endpoints in the written version
 * @param schemaFiles schema files in the written version
 * @param authHeader the request header that carries the token, when known (given, or seen in HAR requests)
 * @param sessionCookie the session cookie name seen in {@code Set-Cookie}, when there was exactly one
 * @param problems recordings that could not be used, counted by kind: {@code unreadable} (not an exchange),
 *     {@code file} (a file that cannot be read or breaks off), {@code body.not-json}, {@code body.binary},
 *     {@code body.too-large}, {@code body.too-deep}, {@code body.truncated}, {@code method}, {@code status},
 *     and with {@code --from} {@code rejected} (responses the current version rejects)
 * @param examples the earliest problems, at most 20, in recording order
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InferSummary(
    long entries,
    long exchanges,
    long outsideBasePath,
    int recordingFiles,
    int endpoints,
    int schemaFiles,
    Optional<String> authHeader,
    Optional<String> sessionCookie,
    Map<String, Long> problems,
    List<Problem> examples) {

  public InferSummary {
    Objects.requireNonNull(authHeader, "authHeader");
    Objects.requireNonNull(sessionCookie, "sessionCookie");
    problems = Collections.unmodifiableMap(new TreeMap<>(problems));
    examples = List.copyOf(examples);
  }

  /** Recordings that could not be used, all kinds together ({@code rejected} is not a problem of the input). */
  public long problemCount() {
    return problems.entrySet().stream().filter(e -> !e.getKey().equals("rejected"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /**
   * One recording that could not be used.
   *
   * @param kind as in {@link InferSummary#problems()}
   * @param where the file and line or entry ({@code session.har, log.entries[3]})
   * @param detail what was wrong
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Problem(String kind, String where, String detail) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
