package dev.contractgate.record;

import dev.contractgate.validate.Messages;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording line as an entry: the exchange its JSON object describes, or why it is none. Both ways a line is
 * parsed ({@link NdjsonChunk}: from its bytes, or as text) end here, so they agree on every exchange and message.
 */
final class LineEntries {

  /**
   * Parser buffers per thread: with Jackson's default shared pool the drift workers passed each other the
   * buffers a body string is built in. {@link NdjsonChunk} parses with it too.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();

  private LineEntries() {}

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

  static RecordingEntry entry(RecordingRef ref, JsonNode node) {
    try {
      return new RecordingEntry.Read(ref, exchange(node));
    } catch (IllegalArgumentException e) {
      return new RecordingEntry.Unreadable(ref, e.getMessage());
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
