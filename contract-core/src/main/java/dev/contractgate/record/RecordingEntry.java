package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One item of a recording: either an exchange that could be read, or a place that could not.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface RecordingEntry permits RecordingEntry.Read, RecordingEntry.Unreadable {

  /** Where the item is. */
  RecordingRef ref();

  /**
   * An exchange read from a recording.
   *
   * @param ref where it is
   * @param exchange what it holds
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Read(RecordingRef ref, RecordedExchange exchange) implements RecordingEntry {
    public Read {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(exchange, "exchange");
    }
  }

  /**
   * A line or entry that is not a recorded exchange: not JSON, or a required field is missing. The readers
   * go on after it; whether that fails a run is the caller's decision.
   *
   * @param ref where it is
   * @param problem what is wrong, e.g. {@code malformed JSON (Unexpected character ..., column 7)}
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Unreadable(RecordingRef ref, String problem) implements RecordingEntry {
    public Unreadable {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(problem, "problem");
    }
  }
}
