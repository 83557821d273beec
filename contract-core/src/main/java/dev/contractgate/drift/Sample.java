package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.record.RecordingRef;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One example of a drift finding: the recording it was seen in and what was seen (redacted, truncated).
 *
 * @param at the recording
 * @param value what was seen, e.g. {@code absent} or {@code string "fr"}; may be empty
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Sample(RecordingRef at, String value) implements Comparable<Sample> {

  public Sample {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int compareTo(Sample o) {
    return at.compareTo(o.at);
  }
}
