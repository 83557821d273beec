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

  static void compare(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    List<JsonNode> vo = valueSet(a);
    List<JsonNode> vn = valueSet(b);
    if (vo == null && vn == null) {
      return;
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
