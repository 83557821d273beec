package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The recording formats Contract Gate reads, and how a path is recognised.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RecordingFormat {
  /** One JSON object per line, as {@link ContractRecorder} writes ({@code .ndjson}, {@code .jsonl}). */
  NDJSON(NdjsonReader::new),
  /** HAR 1.2 (browser devtools, Playwright): {@code log.entries[].request/response} ({@code .har}). */
  HAR(HarReader::new),
  /** A WireMock directory: {@code mappings/*.json} with bodies in {@code __files/}. */
  WIREMOCK(WireMockReader::new);

  /** How a format's reader is made: the path, the redaction (may be null) and the tree's body limit. */
  @FunctionalInterface
  interface Opener {
    RecordingReader open(Path path, Redaction redaction, long maxBodyBytes);
  }

  // Each format names its reader, so a new format is one constant here and one reader class.
  private final Opener opener;

  RecordingFormat(Opener opener) {
    this.opener = opener;
  }

  /**
   * A reader of a recording in this format; {@code redaction} may be {@code null}. An item larger than
   * {@link NdjsonLines#lineLimit(long)} of {@code maxBodyBytes} is unreadable and never held whole.
   */
  RecordingReader open(Path path, Redaction redaction, long maxBodyBytes) {
    return opener.open(path, redaction, maxBodyBytes);
  }

  /**
   * Recognises a path: a directory is a WireMock root (or its {@code mappings} directory); {@code .har} is
   * HAR; {@code .ndjson}, {@code .jsonl} and {@code .log} are NDJSON; any other file is HAR when it starts
   * with {@code {"log"}, otherwise NDJSON.
   *
   * @throws ContractException when the path does not exist or cannot be read
   */
  public static RecordingFormat detect(Path path) {
    if (Files.isDirectory(path)) {
      return WIREMOCK;
    }
    if (!Files.isRegularFile(path)) {
      // Something that exists but is no file (a device such as /dev/null, a pipe, a socket) is named as such.
      throw ContractException.builder("Cannot read recording", path.toString())
          .expected("a recording file or directory")
          .butWas(Files.exists(path) ? "not a regular file (a device, pipe or socket)" : "no such file")
          .hint(Files.exists(path)
              ? "pass a recording saved to a file: an NDJSON recording, a .har file or a WireMock directory"
              : "pass an NDJSON recording, a .har file or a WireMock directory to --recordings")
          .build();
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".har")) {
      return HAR;
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".log")) {
      return NDJSON;
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(4096);
      String s = new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", "");
      return s.startsWith("{\"log\"") ? HAR : NDJSON;
    } catch (IOException e) {
      throw ContractException.builder("Cannot read recording", path.toString())
          .expected("a readable file")
          .butWas(e.getClass().getSimpleName() + " " + e.getMessage())
          .hint("check the path and its permissions")
          .cause(e)
          .build();
    }
  }
}
