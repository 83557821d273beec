package dev.contractgate.core.internal.diff;

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
        b.append(quote(e.getKey())).append(':');
        write(e.getValue(), SET_KEYWORDS.contains(e.getKey()), b, depth + 1);
      }
      b.append('}');
    } else if (n.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : n.values()) {
        StringBuilder ib = new StringBuilder();
        write(item, false, ib, depth + 1);
        items.add(ib.toString());
      }
      if (sortArray) {
        items.sort(null);
      }
      b.append('[').append(String.join(",", items)).append(']');
    } else {
      b.append(n.toString());
    }
  }

  static String quote(String s) {
    return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s).toString();
  }
}
