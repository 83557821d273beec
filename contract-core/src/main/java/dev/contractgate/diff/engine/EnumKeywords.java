package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.kw;

import dev.contractgate.diff.engine.Pair.Hint;
import dev.contractgate.diff.engine.Pair.HintKind;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code enum} and {@code const}, compared as one set of allowed values. */
final class EnumKeywords {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private EnumKeywords() {}

  /** The values allowed by const/enum, or null when they do not restrict. */
  static List<JsonNode> valueSet(Node x) {
    if (!x.json.isObject()) {
      return null;
    }
    JsonNode c = x.json.get("const");
    JsonNode e = x.json.get("enum");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (e != null && e.isArray()) {
      for (JsonNode v : e.values()) {
        out.putIfAbsent(Canon.json(v), v);
      }
      if (c != null) {
        out.keySet().retainAll(Set.of(Canon.json(c)));
      }
    } else if (c != null) {
      out.put(Canon.json(c), c);
    } else {
      return null;
    }
    JsonNode nullable = x.json.get("nullable");
    if (x.orNull || x.json.has("type") && nullable != null && nullable.isBoolean() && nullable.booleanValue()) {
      out.putIfAbsent("null", F.nullNode());
    }
    return new ArrayList<>(out.values());
  }

  /** The most integers a range is read as an enum for, next to an enum on the other side. */
  static final int RANGE_LIMIT = 64;

  /**
   * The values of a small integer range ({@code type: integer} with both bounds, optionally
   * {@code multipleOf}, nothing else but annotations), or null. {@code {type: integer, minimum: 1, maximum: 3}}
   * accepts exactly 1, 2 and 3 (and 1.0 ..., which JSON Schema counts as equal).
   */
  static List<JsonNode> range(Node x) {
    if (x.mode != Node.Mode.PLAIN || x.orNull || !x.json.isObject() || x.json.has("enum") || x.json.has("const")
        || !Values.decidable(x.json) || Types.mask(x) != Types.INT) {
      return null;
    }
    java.math.BigDecimal lo = bound(x.json, "minimum", "exclusiveMinimum", true);
    java.math.BigDecimal hi = bound(x.json, "maximum", "exclusiveMaximum", false);
    if (lo == null || hi == null || hi.subtract(lo).compareTo(java.math.BigDecimal.valueOf(RANGE_LIMIT * 16L)) > 0) {
      return null;
    }
    List<JsonNode> out = new ArrayList<>();
    for (java.math.BigDecimal v = lo; v.compareTo(hi) <= 0; v = v.add(java.math.BigDecimal.ONE)) {
      JsonNode n = F.numberNode(v.toBigIntegerExact());
      if (!Values.rejects(x.json, n)) {
        out.add(n);
        if (out.size() > RANGE_LIMIT) {
          return null;
        }
      }
    }
    return out;
  }

  /** The tightest integer bound, or null when there is none (or a draft-04 boolean form is involved). */
  private static java.math.BigDecimal bound(JsonNode j, String incl, String excl, boolean lower) {
    JsonNode m = j.get(incl);
    JsonNode e = j.get(excl);
    if (e != null && !e.isNumber() || m != null && !m.isNumber()) {
      return null;
    }
    java.math.BigDecimal best = null;
    java.math.RoundingMode up = lower ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR;
    if (m != null) {
      best = m.decimalValue().setScale(0, up);
    }
    if (e != null) {
      java.math.BigDecimal v = e.decimalValue();
      java.math.BigDecimal x = lower ? v.setScale(0, java.math.RoundingMode.FLOOR).add(java.math.BigDecimal.ONE)
          : v.setScale(0, java.math.RoundingMode.CEILING).subtract(java.math.BigDecimal.ONE);
      best = best == null ? x : lower ? best.max(x) : best.min(x);
    }
    return best;
  }

  /**
   * True when the values of {@code x} are exactly what its numeric keywords admit: an enum/const whose every
   * value passes the sibling keywords, or a small integer range. Two such sides are compared by their values
   * alone.
   */
  static boolean exact(Node x) {
    if (x.mode != Node.Mode.PLAIN || !x.json.isObject() || x.json.has("$ref")) {
      return false;
    }
    List<JsonNode> vs = valueSet(x);
    if (vs == null) {
      return range(x) != null;
    }
    for (JsonNode v : vs) {
      if (!(v.isNull() && x.orNull) && Values.rejects(x.json, v)) {
        return false;
      }
    }
    return true;
  }

  static void compare(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    List<JsonNode> vo = valueSet(a);
    List<JsonNode> vn = valueSet(b);
    if (vo == null && vn == null) {
      return;
    }
    // a small integer range against an enum: compared as the enum of its values
    if (vo == null && exact(b)) {
      vo = range(a);
    } else if (vn == null && exact(a)) {
      vn = range(b);
    }
    String to = valuesText(oj);
    String tn = valuesText(nj);
    SourceLocation lo = a.loc.child(oj.has("enum") ? "enum" : "const");
    SourceLocation ln = b.loc.child(nj.has("enum") ? "enum" : "const");
    if (vo == null) {
      p.local(Kind.ENUM_ADDED, "", canonList(vn), to, tn, lo, ln, null);
      return;
    }
    if (vn == null) {
      p.local(Kind.ENUM_REMOVED, "", canonList(vo), to, tn, lo, ln, null);
      return;
    }
    Map<String, JsonNode> so = new TreeMap<>();
    vo.forEach(v -> so.put(Canon.json(v), v));
    Map<String, JsonNode> sn = new TreeMap<>();
    vn.forEach(v -> sn.put(Canon.json(v), v));
    for (var e : sn.entrySet()) {
      if (!so.containsKey(e.getKey())) {
        p.local(Kind.ENUM_VALUE_ADDED, "", e.getKey(), to, tn, lo, ln,
            new Hint(HintKind.VALUE, null, e.getValue()));
      }
    }
    for (var e : so.entrySet()) {
      if (!sn.containsKey(e.getKey())) {
        p.local(Kind.ENUM_VALUE_REMOVED, "", e.getKey(), to, tn, lo, ln,
            new Hint(HintKind.VALUE, null, e.getValue()));
      }
    }
  }

  /** The types the enum/const values admit; all types when there is none. */
  static int valueTypes(Node x) {
    List<JsonNode> vs = valueSet(x);
    if (vs == null) {
      return Types.ALL;
    }
    int m = 0;
    for (JsonNode v : vs) {
      m |= Types.of(v);
    }
    return m;
  }

  private static String canonList(List<JsonNode> vs) {
    return vs.stream().map(Canon::json).sorted().toList().toString();
  }

  private static String valuesText(JsonNode j) {
    if (j.has("enum") && j.has("const")) {
      return kw(j, "enum") + ", " + kw(j, "const");
    }
    return j.has("const") ? kw(j, "const") : j.has("enum") ? kw(j, "enum") : "no enum or const";
  }
}
