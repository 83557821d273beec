package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.record.RecordingRef;
import dev.contractgate.validate.Violation;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A recorded response that one contract version accepts and the other rejects.
 *
 * @param kind which version accepts it
 * @param at the recording (file and line or entry)
 * @param endpoint the endpoint id (in the newer version)
 * @param request method and target as recorded, e.g. {@code GET /api/ivanpin/services/blog/x/?lang=ru}
 * @param status the recorded status
 * @param violations why the other version rejects it, sorted
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Witness(Kind kind, RecordingRef at, String endpoint, String request, int status, List<Violation> violations)
    implements Comparable<Witness> {

  /** Which of the two versions accepts the recorded response. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /**
     * Valid under the new version, not under the old: real traffic that a consumer built against the old
     * version cannot rely on. If the backend sends it, the new version is a response-direction break and this
     * recording proves it.
     */
    NEW_ONLY,
    /** Valid under the old version, not under the new: the new contract rejects traffic the backend really sends. */
    OLD_ONLY
  }

  public Witness {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(request, "request");
    violations = List.copyOf(violations);
  }

  @Override
  public int compareTo(Witness o) {
    return at.compareTo(o.at);
  }
}
