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

  /**
   * An entry as drift's workers decode it from an NDJSON chunk, with the echoes of the secrets its own line
   * carries scrubbed ({@link Redaction#secretsIn}, {@link Redaction#scrubEchoes}); the readers do this for
   * every entry they return. {@code aside}, when the line's body was kept aside as characters, is read into
   * the exchange only if it may hold an echo: then the exchange returned has its body itself; otherwise its
   * body stays empty and {@code aside} still stands for it. The same entry when there is nothing to scrub.
   */
  @org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
  static RecordingEntry scrubEchoes(RecordingEntry entry, LineBody aside, Redaction redaction) {
    if (!(entry instanceof RecordingEntry.Read r)) {
      return entry;
    }
    RecordedExchange e = r.exchange();
    java.util.List<String> secrets = redaction.secretsIn(e);
    if (secrets.isEmpty()) {
      return entry;
    }
    if (aside != null && Masking.mayHold(aside.chars(), aside.length(), Secrets.withEncodings(secrets))) {
      e = new RecordedExchange(e.time(), e.method(), e.target(), e.status(), e.headers(), aside.string(), e.truncated(),
          e.namespace(), e.endpoint());
    }
    RecordedExchange clean = redaction.scrubEchoes(e, secrets);
    return clean == r.exchange() ? entry : new RecordingEntry.Read(r.ref(), clean);
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
