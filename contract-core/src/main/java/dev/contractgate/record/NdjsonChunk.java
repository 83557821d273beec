package dev.contractgate.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole lines of an NDJSON recording, in order, as {@link NdjsonLines} cut them: at most {@code maxLines},
 * and no more once {@code maxBytes} are reached. Whoever holds a chunk decodes its lines; the bytes are the
 * chunk's own, so a drift worker can parse them while the reading thread cuts the next chunk.
 */
@API(status = INTERNAL, since = "0.1")
public final class NdjsonChunk {

  /** One value inside a line, as readTree builds it; what follows the value is the line's. */
  private static final ObjectReader VALUES =
      LineEntries.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String file;
  private final byte[] buf;
  private final int[] starts;
  private final int[] ends;
  private final boolean[] text;
  /** Per line, its size when it was longer than {@link #maxLine} (its bytes are not here); null when none was. */
  private final long[] oversize;
  private final long maxLine;
  private final long firstLine;

  NdjsonChunk(String file, byte[] buf, int[] starts, int[] ends, boolean[] text, long[] oversize, long maxLine,
      long firstLine) {
    this.file = file;
    this.buf = buf;
    this.starts = starts;
    this.ends = ends;
    this.text = text;
    this.oversize = oversize;
    this.maxLine = maxLine;
    this.firstLine = firstLine;
  }

  /** The bytes this chunk holds. */
  public int bytes() {
    return buf.length;
  }

  /** Lines in the chunk, blank ones included. */
  public int size() {
    return starts.length;
  }

  /** Line {@code i} of the chunk as an entry, or null when it is blank. */
  public RecordingEntry decode(int i) {
    if (oversize != null && oversize[i] > 0) {
      return oversized(RecordingRef.line(file, firstLine + i), oversize[i], maxLine);
    }
    int from = starts[i];
    int to = ends[i];
    int k = from;
    while (k < to && isAsciiSpace(buf[k])) {
      k++;
    }
    if (k == to) {
      return null;
    }
    // The usual line, an object in valid UTF-8, is parsed from its bytes: decoding it to a string first
    // took a fifth of a drift worker's time and about 20 KB per 4.5 KB line. Anything else (and any line
    // Jackson refuses, for the message) goes the way BufferedReader and a string parser went before.
    if (!text[i] && buf[k] == '{' && noZero(buf, from, Math.min(to, from + 4))) {
      RecordingRef ref = RecordingRef.line(file, firstLine + i);
      JsonNode node = null;
      try {
        node = LineEntries.MAPPER.readTree(buf, from, to - from);
      } catch (JacksonException e) {
        // decoded as text below, for the same message with the same column
      }
      if (node != null) {
        return LineEntries.entry(ref, node);
      }
    }
    return LineEntries.decodeText(file, firstLine + i, new String(buf, from, to - from, StandardCharsets.UTF_8));
  }

  /**
   * As {@link #decode(int)}, but a body that is a JSON string is un-escaped into {@code body} as characters
   * instead of becoming the exchange's {@code body()} (which is then empty; {@link LineBody#aside()} says
   * so). Every line this way cannot take exactly as before (a second or non-string body, a string that is
   * not strict JSON or UTF-8, trailing tokens, anything Jackson refuses) goes the way of {@link #decode(int)}.
   */
  public RecordingEntry decode(int i, LineBody body) {
    body.aside = false;
    int from = starts[i];
    int to = ends[i];
    if ((oversize == null || oversize[i] == 0) && !text[i] && to > from && buf[from] == '{' && noZero(buf, from, Math.min(to, from + 4))) {
      RecordingEntry e = keepingBody(i, from, to, body);
      if (e != null) {
        return e;
      }
      body.aside = false;
    }
    return decode(i);
  }

  /** What the problem of an oversized line starts with. */
  private static final String OVERSIZED = "a line of ";

  /** A line that was too long to read: unreadable, with its size and the limit. */
  static RecordingEntry.Unreadable oversized(RecordingRef ref, long size, long limit) {
    return new RecordingEntry.Unreadable(ref, OVERSIZED + size + " bytes, longer than the line limit of " + limit
        + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread");
  }

  private RecordingEntry keepingBody(int i, int from, int to, LineBody body) {
    // Finds the top-level "body" string and un-escapes it here; Jackson then reads the rest of the line with
    // that string emptied, field by field, into the tree readTree would build. Whether the body string is
    // strict JSON is decided by the un-escaping (which refuses anything Jackson would refuse); everything
    // else of the line is Jackson's, byte for byte.
    int quote = bodyString(from, to, body);
    if (quote < 0) {
      return null;
    }
    int end = body.end;
    int head = quote + 1 - from;
    int n = head + (to - end);
    byte[] line = body.line(n);
    System.arraycopy(buf, from, line, 0, head);
    System.arraycopy(buf, end, line, head, to - end);
    ObjectNode o = LineEntries.MAPPER.createObjectNode();
    boolean seen = false;
    try (JsonParser p = LineEntries.MAPPER.createParser(line, 0, n)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        JsonToken t = p.nextToken();
        if (name.equals("body")) {
          // Only the emptied string itself: a body key written with escapes is another one.
          if (seen || t != JsonToken.VALUE_STRING || p.currentTokenLocation().getByteOffset() != quote - from) {
            return null;
          }
          seen = true;
          continue;
        }
        o.set(name, VALUES.readTree(p));
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
    } catch (JacksonException e) {
      return null;
    }
    if (!seen) {
      return null;
    }
    RecordingEntry e = LineEntries.entry(RecordingRef.line(file, firstLine + i), o);
    body.aside = e instanceof RecordingEntry.Read;
    return e;
  }

  /**
   * The opening quote of the top-level {@code "body"} string, un-escaped into {@code body}; -1 when there is
   * none, more than one, a body that is not a string, or anything unexpected. Only strings and brackets are
   * looked at: the rest is Jackson's to judge.
   */
  private int bodyString(int from, int to, LineBody body) {
    int found = -1;
    int depth = 0;
    boolean key = false;
    int k = from;
    while (k < to) {
      byte c = buf[k];
      if (c == '"') {
        int close = closingQuote(buf, k + 1, to);
        if (close < 0) {
          return -1;
        }
        boolean isBody = key && depth == 1 && close - k == 5 && buf[k + 1] == 'b' && buf[k + 2] == 'o'
            && buf[k + 3] == 'd' && buf[k + 4] == 'y';
        key = false;
        k = close + 1;
        if (isBody) {
          int j = space(buf, k, to);
          if (j >= to || buf[j] != ':') {
            return -1;
          }
          j = space(buf, j + 1, to);
          if (found >= 0 || j >= to || buf[j] != '"' || to - j > MAX_STRING || !body.unescape(buf, j + 1, to)) {
            return -1;
          }
          found = j;
          k = body.end + 1;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
        key = depth == 1 && c == '{';
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 1) {
        key = true;
      }
      k++;
    }
    return found;
  }

  /** Jackson refuses longer strings; such a body goes the way that says so. */
  private static final int MAX_STRING = tools.jackson.core.StreamReadConstraints.defaults().getMaxStringLength();

  /** The index of the quote that ends a string whose content starts at {@code k}, or -1. */
  private static int closingQuote(byte[] b, int k, int to) {
    while (k < to) {
      byte c = b[k];
      if (c == '"') {
        return k;
      }
      k += c == '\\' ? 2 : 1;
    }
    return -1;
  }

  /** The first index from {@code k} that is not JSON white space. */
  private static int space(byte[] b, int k, int to) {
    while (k < to && (b[k] == ' ' || b[k] == '\t' || b[k] == '\n' || b[k] == '\r')) {
      k++;
    }
    return k;
  }

  /** What {@link String#isBlank()} counts as white space, among ASCII characters. */
  private static boolean isAsciiSpace(byte b) {
    return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
  }

  /** Jackson guesses UTF-16 and UTF-32 from zero bytes at the start. */
  private static boolean noZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
