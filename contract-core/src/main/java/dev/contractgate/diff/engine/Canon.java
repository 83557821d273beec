package dev.contractgate.diff.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Canonical JSON text: key order, set order and number spelling do not matter. */
final class Canon {

  private static final Set<String> SET_KEYWORDS = Set.of("required", "enum", "type");

  private Canon() {}

  static String json(JsonNode n) {
    StringBuilder b = new StringBuilder();
    write(n, false, b, 0);
    return b.toString();
  }

  /** The value of keyword {@code kw}; set-like keywords (required, enum, type) are sorted. */
  static String keyword(String kw, JsonNode n) {
    StringBuilder b = new StringBuilder();
    write(n, SET_KEYWORDS.contains(kw), b, 0);
    return b.toString();
  }

  static String number(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  private static void write(JsonNode n, boolean sortArray, StringBuilder b, int depth) {
    if (depth > 200) {
      // Canonical text is for fingerprints and messages; a cut-off keeps it bounded for pathological input.
      b.append("…");
      return;
    }
    if (n == null || n.isMissingNode()) {
      b.append("absent");
    } else if (n.isNumber()) {
      b.append(number(n.decimalValue()));
    } else if (n.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (var e : n.properties()) {
        sorted.put(e.getKey(), e.getValue());
      }
      b.append('{');
      boolean first = true;
      for (var e : sorted.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(e.getKey(), b);
        b.append(':');
        write(e.getValue(), SET_KEYWORDS.contains(e.getKey()), b, depth + 1);
      }
      b.append('}');
    } else if (n.isArray() && sortArray) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : n.values()) {
        StringBuilder ib = new StringBuilder();
        write(item, false, ib, depth + 1);
        items.add(ib.toString());
      }
      items.sort(null);
      b.append('[').append(String.join(",", items)).append(']');
    } else if (n.isArray()) {
      b.append('[');
      boolean first = true;
      for (JsonNode item : n.values()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        write(item, false, b, depth + 1);
      }
      b.append(']');
    } else if (n.isString()) {
      quote(n.stringValue(), b);
    } else if (n.isBoolean()) {
      b.append(n.booleanValue());
    } else if (n.isNull()) {
      b.append("null");
    } else {
      b.append(n.toString());
    }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(s, b);
    return b.toString();
  }

  /**
   * The JSON string literal of {@code s}, exactly as Jackson writes it ({@code CanonTest} compares them).
   * Jackson builds a generator, a context and recycled buffers per call; canonical text quotes every key and
   * string of a schema, and that was a fifth of all the memory a large comparison allocated. Text with
   * nothing to escape is written here, anything else still goes through Jackson.
   */
  static void quote(String s, StringBuilder b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        b.append(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s).toString());
        return;
      }
    }
    b.append('"').append(s).append('"');
  }
}
