package dev.contractgate.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.validate.Messages;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An NDJSON recording cut into chunks of whole lines, as bytes: the reading thread only finds line ends,
 * and whoever holds a {@link Chunk} decodes its lines into exchanges. Drift decodes on its workers, so that
 * the one reading thread does not hold up the others (before, it decoded every line to a string and a tree
 * and took a fifth of drift's CPU time on two cores; benchmarks/, issue #7).
 *
 * <p>Lines end at {@code \n}, {@code \r} or {@code \r\n}, and bytes become text as UTF-8 with malformed input
 * replaced, exactly as {@link java.io.BufferedReader#readLine()} over a replacing decoder did: same line
 * numbers, same text. A line that is blank is skipped; one that is not an exchange is
 * {@link RecordingEntry.Unreadable}.
 */
@API(status = INTERNAL, since = "0.1")
public final class NdjsonLines implements Closeable {

  /**
   * Parser buffers per thread: with Jackson's default shared pool the drift workers passed each other the
   * buffers a body string is built in.
   */
  private static final JsonMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();
  /** One value inside a line, as readTree builds it; what follows the value is the line's. */
  private static final ObjectReader VALUES = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int READ = 1 << 16;

  private final String file;
  private final InputStream in;
  private byte[] buf = new byte[READ];
  /** Bytes of {@link #buf} read so far. */
  private int limit;
  /** Where the chunk being built starts: nothing before it is needed any more. */
  private int keep;
  /** Where the line being read starts, and how far it was searched for its end. */
  private int start;
  private int scanned;
  /** The line found last. */
  private int lineStart;
  private int lineEnd;
  private boolean lineUnsafe;
  /** The line being read has a byte sequence that only the JDK's decoder reads right. */
  private boolean unsafe;
  private boolean skipLf;
  private boolean eof;
  private long lines;

  public NdjsonLines(Path path) {
    this.file = path.toString();
    try {
      this.in = Files.newInputStream(path);
    } catch (IOException e) {
      throw ContractException.builder("Cannot read recording", file)
          .expected("a readable NDJSON file")
          .butWas(e.getClass().getSimpleName() + " " + e.getMessage())
          .hint("check the path and its permissions")
          .cause(e)
          .build();
    }
  }

  /** Whole lines, in order: at most {@code maxLines}, and no more once {@code maxBytes} are reached. */
  public static final class Chunk {
    private final String file;
    private final byte[] buf;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] text;
    private final long firstLine;

    Chunk(String file, byte[] buf, int[] starts, int[] ends, boolean[] text, long firstLine) {
      this.file = file;
      this.buf = buf;
      this.starts = starts;
      this.ends = ends;
      this.text = text;
      this.firstLine = firstLine;
    }

    /** Lines in the chunk, blank ones included. */
    public int size() {
      return starts.length;
    }

    /** Line {@code i} of the chunk as an entry, or null when it is blank. */
    public RecordingEntry decode(int i) {
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
          node = MAPPER.readTree(buf, from, to - from);
        } catch (JacksonException e) {
          // decoded as text below, for the same message with the same column
        }
        if (node != null) {
          return entry(ref, node);
        }
      }
      return decodeText(file, firstLine + i, new String(buf, from, to - from, StandardCharsets.UTF_8));
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
      if (!text[i] && to > from && buf[from] == '{' && noZero(buf, from, Math.min(to, from + 4))) {
        RecordingEntry e = keepingBody(i, from, to, body);
        if (e != null) {
          return e;
        }
        body.aside = false;
      }
      return decode(i);
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
      ObjectNode o = MAPPER.createObjectNode();
      boolean seen = false;
      try (JsonParser p = MAPPER.createParser(line, 0, n)) {
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
      RecordingEntry e = entry(RecordingRef.line(file, firstLine + i), o);
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
  }

  /**
   * One line as text, the way it was always read: blank is null; not JSON, or not an exchange, is
   * unreadable with the parser's message.
   */
  static RecordingEntry decodeText(String file, long line, String text) {
    if (text.isBlank()) {
      return null;
    }
    RecordingRef ref = RecordingRef.line(file, line);
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      return new RecordingEntry.Unreadable(ref, "not JSON (" + Messages.firstLine(e.getOriginalMessage())
          + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr()) + ")");
    }
    return entry(ref, node);
  }

  private static RecordingEntry entry(RecordingRef ref, JsonNode node) {
    try {
      return new RecordingEntry.Read(ref, exchange(node));
    } catch (IllegalArgumentException e) {
      return new RecordingEntry.Unreadable(ref, e.getMessage());
    }
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

  /** The next lines, or null at the end of the file. */
  public Chunk next(int maxLines, int maxBytes) {
    keep = start;
    long first = lines + 1;
    int[] starts = new int[Math.min(maxLines, 64)];
    int[] ends = new int[starts.length];
    boolean[] text = new boolean[starts.length];
    int n = 0;
    // Bounds are kept relative to the first line: fill() may move the bytes, never away from each other.
    while (n < maxLines && (n == 0 || ends[n - 1] < maxBytes) && line()) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, Math.min(maxLines, n * 2));
        ends = Arrays.copyOf(ends, starts.length);
        text = Arrays.copyOf(text, starts.length);
      }
      starts[n] = lineStart - keep;
      ends[n] = lineEnd - keep;
      text[n] = lineUnsafe;
      n++;
    }
    if (n == 0) {
      return null;
    }
    byte[] bytes = Arrays.copyOfRange(buf, keep, keep + ends[n - 1]);
    keep = start;
    return new Chunk(file, bytes, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(text, n), first);
  }

  /** Finds the next line, sets {@link #lineStart} and {@link #lineEnd}; false at the end of the file. */
  private boolean line() {
    while (true) {
      for (; scanned < limit; scanned++) {
        // Eight bytes at a time while none of them can end a line or be an unsafe lead byte: the byte loop
        // alone was a tenth of drift's work with two workers.
        if (!skipLf) {
          while (scanned + 8 <= limit && plain((long) LONGS.get(buf, scanned))) {
            scanned += 8;
          }
          if (scanned == limit) {
            break;
          }
        }
        byte b = buf[scanned];
        if (b > '\r') {
          skipLf = false;
          continue;
        }
        if (b < 0) {
          skipLf = false;
          unsafe |= b <= (byte) 0xC1 ? b >= (byte) 0xC0 : b >= (byte) 0xE0 && unsafeLead(b);
          continue;
        }
        if (skipLf) {
          skipLf = false;
          if (b == '\n') {
            start = scanned + 1;
            continue;
          }
        }
        if (b == '\n' || b == '\r') {
          skipLf = b == '\r';
          lineStart = start;
          lineEnd = scanned;
          lineUnsafe = unsafe;
          unsafe = false;
          start = ++scanned;
          lines++;
          return true;
        }
      }
      if (eof) {
        if (start < limit) {
          lineStart = start;
          lineEnd = limit;
          lineUnsafe = unsafe;
          unsafe = false;
          start = limit;
          lines++;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /**
   * True when none of eight bytes is below {@code '\r' + 1} (line ends, and what the byte loop looks at),
   * {@code 0xE0} or above, {@code 0xC0} or {@code 0xC1} (the lead bytes {@link #unsafeLead} and the loop
   * check): classic SWAR tests, each exact as a yes/no.
   */
  static boolean plain(long w) {
    long below = (w - ONES * ('\r' + 1)) & ~w & HIGH;
    long e0 = w & (w << 1) & (w << 2) & HIGH;
    long v = (w ^ (ONES * 0xC0)) & (ONES * 0xFE);
    long c0 = (v - ONES) & ~v & HIGH;
    return (below | e0 | c0) == 0;
  }

  /**
   * True for a lead byte of a sequence that Jackson's byte parser decodes without complaint although it is
   * not UTF-8 (overlong forms, surrogates, beyond U+10FFFF): the JDK replaces those, so such a line must go
   * the way of text. Every other malformed sequence makes Jackson fail, and a line that fails goes that way
   * anyway. The byte after the lead decides for E0, ED, F0 and F4; when it was not read yet, the line counts
   * as unsafe.
   */
  private boolean unsafeLead(byte b) {
    int lead = b & 0xFF;
    if (lead >= 0xF5) {
      return true;
    }
    if (lead != 0xE0 && lead != 0xED && lead != 0xF0 && lead != 0xF4) {
      return false;
    }
    if (scanned + 1 >= limit) {
      return true;
    }
    int next = buf[scanned + 1] & 0xFF;
    return switch (lead) {
      case 0xE0 -> next < 0xA0;
      case 0xED -> next >= 0xA0;
      case 0xF0 -> next < 0x90;
      default -> next >= 0x90;
    };
  }

  /** Reads more, first moving what is still needed (from {@link #keep}) to the front; grows when it is full. */
  private void fill() {
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      scanned -= keep;
      start -= keep;
      lineStart -= keep;
      lineEnd -= keep;
      keep = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw ContractException.builder("Cannot read recording", file)
          .at("line " + (lines + 1))
          .expected("a readable NDJSON file")
          .butWas(e.getClass().getSimpleName() + " " + e.getMessage())
          .hint("check the file system")
          .cause(e)
          .build();
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

  /** The exchange of one parsed line; {@link IllegalArgumentException} with a problem text otherwise. */
  static RecordedExchange exchange(JsonNode o) {
    if (!o.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with method, target and status, but was "
          + o.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    String method = text(o, "method");
    String target = text(o, "target");
    JsonNode status = o.get("status");
    if (status == null || !status.isIntegralNumber()) {
      throw new IllegalArgumentException("expected an integer \"status\", but was " + (status == null ? "absent" : status));
    }
    Optional<Instant> time = Optional.empty();
    JsonNode t = o.get("time");
    if (t != null && t.isString()) {
      try {
        time = Optional.of(instant(t.stringValue()));
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException("expected an ISO instant in \"time\", but was \"" + t.stringValue() + "\"");
      }
    }
    Map<String, List<String>> headers = new TreeMap<>();
    JsonNode h = o.get("headers");
    if (h != null && h.isObject()) {
      for (Map.Entry<String, JsonNode> e : h.properties()) {
        List<String> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> values.add(v.asString()));
        } else {
          values.add(e.getValue().asString());
        }
        headers.put(e.getKey(), values);
      }
    }
    JsonNode body = o.get("body");
    String b = body == null || body.isNull() ? "" : body.isString() ? body.stringValue() : body.toString();
    return new RecordedExchange(time, method, target, status.intValue(), headers, b,
        o.path("truncated").asBoolean(false), optional(o, "namespace"), optional(o, "endpoint"));
  }

  /**
   * {@link Instant#parse}, with the form every recorder writes ({@code 2026-11-22T10:00:00.123Z}) read
   * directly: the formatter took a tenth of the time to decode a line. Anything else goes to the formatter.
   */
  static Instant instant(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || n == 21 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || (n > 20 && s.charAt(19) != '.')) {
      return Instant.parse(s);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = n > 20 ? digits(s, 20, n - 1) : 0;
    if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
      return Instant.parse(s);
    }
    for (int i = n - 1; i < 29; i++) {
      nanos *= 10;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code s[from, to)}, or -1 when a character is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isString() || n.stringValue().isEmpty()) {
      throw new IllegalArgumentException("expected a string \"" + field + "\", but was " + (n == null ? "absent" : n));
    }
    return n.stringValue();
  }

  private static Optional<String> optional(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n != null && n.isString() ? Optional.of(n.stringValue()) : Optional.empty();
  }
}
