package dev.contractgate.diff.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Cheap, sound disjointness of two schemas: different types, disjoint enum/const, or a discriminator-like
 * required property whose values cannot meet. "Not shown disjoint" does not mean overlapping.
 */
final class Disjoint {

  private Disjoint() {}

  static boolean all(Side s, List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        if (!disjoint(s, nodes.get(i), nodes.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean disjoint(Side s, Node a, Node b) {
    List<Node> ca = s.conjunctsCached(s.resolve(a));
    List<Node> cb = s.conjunctsCached(s.resolve(b));
    for (Node x : ca) {
      for (Node y : cb) {
        if (local(s, x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  static int effectiveMask(Node x) {
    int m = Types.mask(x);
    if (m == Types.BAD) {
      m = Types.ALL;
    }
    if (x.mode == Node.Mode.ANY || x.mode == Node.Mode.ONE) {
      return m;
    }
    List<JsonNode> vs = EnumKeywords.valueSet(x);
    if (vs != null) {
      int vm = 0;
      for (JsonNode v : vs) {
        vm |= Types.of(v);
      }
      m &= vm;
    }
    return m;
  }

  private static boolean local(Side s, Node x, Node y) {
    if (x.isFalse() || y.isFalse()) {
      return true;
    }
    if (x.mode == Node.Mode.ANY || x.mode == Node.Mode.ONE || y.mode == Node.Mode.ANY || y.mode == Node.Mode.ONE) {
      return false;
    }
    int mx = effectiveMask(x);
    int my = effectiveMask(y);
    if ((mx & my) == 0) {
      return true;
    }
    if (valuesDisjoint(EnumKeywords.valueSet(x), EnumKeywords.valueSet(y))) {
      return true;
    }
    if (((mx & my) & ~Types.OBJ) != 0 || !x.json.isObject() || !y.json.isObject()) {
      return false;
    }
    Set<String> req = new TreeSet<>(required(x.json));
    req.addAll(required(y.json));
    for (String p : req) {
      if (!x.json.path("properties").has(p) || !y.json.path("properties").has(p)) {
        continue;
      }
      Node px = s.resolve(s.child(x, "properties", p));
      Node py = s.resolve(s.child(y, "properties", p));
      if (px.json.isObject() && py.json.isObject()
          && (valuesDisjoint(EnumKeywords.valueSet(px), EnumKeywords.valueSet(py))
              || (effectiveMask(px) & effectiveMask(py)) == 0)) {
        return true;
      }
    }
    // Only objects can match both here. A closed object (additionalProperties false, no patternProperties)
    // forbids every name it does not declare (or declares as false); if the other requires such a name, no
    // object matches both.
    return forbidsRequired(s, x, y) || forbidsRequired(s, y, x);
  }

  private static boolean forbidsRequired(Side s, Node closed, Node other) {
    JsonNode c = closed.json;
    JsonNode ap = c.get("additionalProperties");
    if (ap == null || !ap.isBoolean() || ap.booleanValue() || c.has("patternProperties")) {
      return false;
    }
    JsonNode props = c.get("properties");
    for (String p : required(other.json)) {
      if (props == null || !props.isObject() || !props.has(p)) {
        return true;
      }
      if (s.resolve(s.child(closed, "properties", p)).isFalse()) {
        return true;
      }
    }
    return false;
  }

  private static boolean valuesDisjoint(List<JsonNode> a, List<JsonNode> b) {
    if (a == null || b == null) {
      return false;
    }
    Set<String> ca = new HashSet<>();
    a.forEach(v -> ca.add(Canon.json(v)));
    for (JsonNode v : b) {
      if (ca.contains(Canon.json(v))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> required(JsonNode j) {
    Set<String> out = new TreeSet<>();
    JsonNode r = j.get("required");
    if (r != null && r.isArray()) {
      r.values().forEach(v -> out.add(v.asString()));
    }
    return out;
  }
}
