package dev.contractgate.record;

import dev.contractgate.core.internal.validate.Messages;
import dev.contractgate.registry.ContractException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** NDJSON: one exchange per line; blank lines are skipped, a line that is not an exchange is unreadable. */
final class NdjsonReader implements RecordingReader {

  private final String file;
  private final Redaction redaction;
  private final BufferedReader in;
  private long line;

  NdjsonReader(Path path, Redaction redaction) {
    this.file = path.toString();
    this.redaction = redaction;
    try {
      this.in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path),
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    } catch (IOException e) {
      throw new ContractException("Cannot read recording", file, "", "a readable NDJSON file",
          e.getClass().getSimpleName() + " " + e.getMessage(), "check the path and its permissions", e);
    }
  }

  @Override
  public RecordingEntry next() {
    while (true) {
      String text;
      try {
        text = in.readLine();
      } catch (IOException e) {
        throw new ContractException("Cannot read recording", file, "line " + (line + 1), "a readable NDJSON file",
            e.getClass().getSimpleName() + " " + e.getMessage(), "check the file system", e);
      }
      if (text == null) {
        return null;
      }
      line++;
      if (text.isBlank()) {
        continue;
      }
      RecordingRef ref = RecordingRef.line(file, line);
      JsonNode node;
      try {
        node = Ndjson.MAPPER.readTree(text);
      } catch (JacksonException e) {
        return new RecordingEntry.Unreadable(ref, "not JSON (" + Messages.firstLine(e.getOriginalMessage())
            + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr()) + ")");
      }
      try {
        return new RecordingEntry.Read(ref, RecordingReader.redact(Ndjson.read(node), redaction));
      } catch (IllegalArgumentException e) {
        return new RecordingEntry.Unreadable(ref, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; a failing close of a read-only file loses nothing
    }
  }
}
