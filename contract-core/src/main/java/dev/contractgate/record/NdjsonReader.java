package dev.contractgate.record;

import java.nio.file.Path;

/** NDJSON: one exchange per line; blank lines are skipped, a line that is not an exchange is unreadable. */
final class NdjsonReader implements RecordingReader {

  private static final int LINES = 64;
  private static final int BYTES = 1 << 16;

  private final NdjsonLines lines;
  private final Redaction redaction;
  private NdjsonChunk chunk;
  private int next;

  NdjsonReader(Path path, Redaction redaction, long maxBodyBytes) {
    this.lines = new NdjsonLines(path, NdjsonLines.lineLimit(maxBodyBytes));
    this.redaction = redaction;
  }

  @Override
  public RecordingEntry next() {
    while (true) {
      if (chunk == null || next == chunk.size()) {
        chunk = lines.next(LINES, BYTES);
        next = 0;
        if (chunk == null) {
          return null;
        }
      }
      RecordingEntry e = chunk.decode(next++);
      if (e instanceof RecordingEntry.Read r) {
        return new RecordingEntry.Read(r.ref(), RecordingReader.redact(r.exchange(), redaction));
      }
      if (e != null) {
        return e;
      }
    }
  }

  @Override
  public void close() {
    lines.close();
  }
}
