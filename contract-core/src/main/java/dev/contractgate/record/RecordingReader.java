package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Reads one recording, one exchange at a time: memory does not grow with the size of the file.
 *
 * <pre>{@code
 * try (RecordingReader r = RecordingReader.open(Path.of("session.har"), Redaction.defaults())) {
 *   for (RecordingEntry e = r.next(); e != null; e = r.next()) { ... }
 * }
 * }</pre>
 *
 * <p>A line or entry that is not an exchange comes back as {@link RecordingEntry.Unreadable} and reading
 * goes on; a file that cannot be read at all (missing, a HAR whose JSON breaks off, an empty WireMock
 * directory) throws {@link dev.contractgate.registry.ContractException} naming the file and position.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RecordingReader extends Closeable {

  /** The next item, or {@code null} at the end. */
  RecordingEntry next();

  /** Closes the file; never throws. */
  @Override
  void close();

  /** Reads every remaining item. */
  default void forEachRemaining(Consumer<RecordingEntry> action) {
    for (RecordingEntry e = next(); e != null; e = next()) {
      action.accept(e);
    }
  }

  /** Opens a recording in the format {@link RecordingFormat#detect(Path)} recognises, without redaction. */
  static RecordingReader open(Path path) {
    return open(path, null);
  }

  /**
   * Opens a recording and applies {@code redaction} (may be {@code null}) to every exchange read: HAR files
   * and WireMock mappings were not written by {@link ContractRecorder} and may hold secrets.
   */
  static RecordingReader open(Path path, Redaction redaction) {
    return open(path, redaction, dev.contractgate.registry.Policy.Limits.DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * As {@link #open(Path, Redaction)} for a tree whose body limit is {@code maxBodyBytes}
   * ({@code limits.maxBodyBytes}): a line, HAR string, WireMock mapping file or body file larger than twice
   * that plus 64 KiB is never held whole; it comes back as {@link RecordingEntry.Unreadable} with its position,
   * and reading goes on.
   *
   * @since 0.1
   */
  static RecordingReader open(Path path, Redaction redaction, long maxBodyBytes) {
    return RecordingFormat.detect(path).open(path, redaction, maxBodyBytes);
  }

  /** The exchange with {@code redaction} applied to its target, headers and body. */
  static RecordedExchange redact(RecordedExchange e, Redaction redaction) {
    if (redaction == null) {
      return e;
    }
    java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>();
    e.headers().forEach((k, v) -> headers.put(k, v.stream().map(x -> redaction.header(k, x)).toList()));
    return new RecordedExchange(e.time(), e.method(), redaction.target(e.target()), e.status(), headers,
        redaction.body(e.body()), e.truncated(), e.namespace(), e.endpoint());
  }
}
