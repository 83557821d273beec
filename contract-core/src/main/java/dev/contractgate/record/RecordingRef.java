package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where one recorded exchange sits: the file and its line (NDJSON), entry index (HAR) or mapping index
 * (WireMock), so that a finding can point a person at the recording.
 *
 * @param file the file as given by the caller (for WireMock: the mapping file)
 * @param unit what {@code index} counts
 * @param index 1-based line number for {@link Unit#LINE}; 0-based index for the others
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordingRef(String file, Unit unit, long index) implements Comparable<RecordingRef> {

  /** What the index of a {@link RecordingRef} counts. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Unit {
    /** A line of an NDJSON file, 1-based. */
    LINE,
    /** An element of a HAR file's {@code log.entries}, 0-based. */
    ENTRY,
    /** A stub mapping in a WireMock mapping file, 0-based ({@code mappings[i]}, 0 for a single mapping). */
    MAPPING
  }

  public RecordingRef {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unit, "unit");
  }

  public static RecordingRef line(String file, long line) {
    return new RecordingRef(file, Unit.LINE, line);
  }

  public static RecordingRef entry(String file, long index) {
    return new RecordingRef(file, Unit.ENTRY, index);
  }

  public static RecordingRef mapping(String file, long index) {
    return new RecordingRef(file, Unit.MAPPING, index);
  }

  /** {@code line 12}, {@code log.entries[3]} or {@code mappings[0]}. */
  public String where() {
    return switch (unit) {
      case LINE -> "line " + index;
      case ENTRY -> "log.entries[" + index + "]";
      case MAPPING -> "mappings[" + index + "]";
    };
  }

  @Override
  public int compareTo(RecordingRef o) {
    int c = file.compareTo(o.file);
    if (c == 0) {
      c = unit.compareTo(o.unit);
    }
    return c != 0 ? c : Long.compare(index, o.index);
  }

  /** {@code recordings/recording.ndjson, line 12}. */
  @Override
  public String toString() {
    return file + ", " + where();
  }
}
