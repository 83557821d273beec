package dev.contractgate.diff.engine;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value-level rewrites of the normal form ({@link Normalizer}): integers written as numbers, enums filtered
 * by their sibling keywords, and the conservative "accepts at least what the other accepts" test that branch
 * subsumption and nullable wrappers rely on. Stateless: they read one node, never the document around it.
 */
final class NormalValues {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private NormalValues() {}

  static void integer(ObjectNode o) {
    JsonNode k = o.get("multipleOf");
    JsonNode t = o.get("type");
    // multipleOf 1 only: with a larger k the planners compare k itself, and reading the type as integer too
    // would report the same change twice
    if (k == null || !k.isNumber() || t == null || k.decimalValue().compareTo(BigDecimal.ONE) != 0) {
      return;
    }
    List<String> names = new ArrayList<>();
    if (t.isString()) {
      names.add(t.stringValue());
    } else if (t.isArray()) {
      for (JsonNode e : t.values()) {
        if (!e.isString()) {
          return;
        }
        names.add(e.stringValue());
      }
    } else {
      return;
    }
    if (!names.contains("number") && !names.contains("integer")) {
      return;
    }
    // an integral multipleOf admits integers only
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String n : names) {
      out.add("number".equals(n) ? "integer" : n);
    }
    if (out.size() == 1) {
      o.put("type", out.iterator().next());
    } else {
      ArrayNode a = F.arrayNode();
      out.forEach(a::add);
      o.set("type", a);
    }
    if (k.decimalValue().compareTo(BigDecimal.ONE) == 0) {
      o.remove("multipleOf");
    }
  }

  static void filterEnum(ObjectNode o) {
    JsonNode e = o.get("enum");
    if (e == null || !e.isArray() || o.has("$ref")) {
      return;
    }
    ArrayNode kept = F.arrayNode();
    for (JsonNode v : e.values()) {
      if (!Values.rejects(withoutEnum(o), v)) {
        kept.add(v);
      }
    }
    // an enum that nothing survives is left alone: the schema accepts nothing either way, and the planners
    // read an empty enum less well than the author's one
    if (kept.size() != e.size() && !kept.isEmpty()) {
      o.set("enum", kept);
    }
  }

  static ObjectNode withoutEnum(ObjectNode o) {
    // shallow: only this object's own value keywords are read
    ObjectNode c = F.objectNode();
    for (String k : Values.DECIDED) {
      if (!"enum".equals(k) && o.has(k)) {
        c.set(k, o.get(k));
      }
    }
    return c;
  }

  static boolean admitsNullByType(JsonNode t) {
    if (!t.isObject()) {
      return t.isBoolean() && t.booleanValue();
    }
    JsonNode type = t.get("type");
    if (type == null) {
      return false;
    }
    if (type.isString() && "null".equals(type.stringValue())) {
      return true;
    }
    if (type.isArray()) {
      for (JsonNode e : type.values()) {
        if (e.isString() && "null".equals(e.stringValue())) {
          return true;
        }
      }
    }
    JsonNode nullable = t.get("nullable");
    return nullable != null && nullable.isBoolean() && nullable.booleanValue();
  }

  /** True when every value {@code small} accepts is accepted by {@code big}; false when not sure. */
  static boolean contains(JsonNode big, JsonNode small) {
    if (!small.isObject() || small.has("$ref") || small.has("$dynamicRef")) {
      return false;
    }
    if (big.isBoolean()) {
      return big.booleanValue();
    }
    if (!big.isObject()) {
      return false;
    }
    if (Side.onlyAnnotations(big, Set.of())) {
      return true;
    }
    // a finite set of values: each must be accepted by the other branch
    JsonNode e = small.get("enum");
    JsonNode c = small.get("const");
    // {type: null} and {type: boolean} are finite sets too
    int only = Side.onlyAnnotations(small, Set.of("type")) && small.has("type") ? Types.mask(plain(small)) : -1;
    boolean finiteType = only > 0 && (only & ~(Types.NULL | Types.BOOL)) == 0;
    if (e != null && e.isArray() || c != null || finiteType) {
      List<JsonNode> vs = new ArrayList<>();
      if (c != null) {
        vs.add(c);
      } else if (e != null && e.isArray()) {
        e.values().forEach(vs::add);
      } else {
        if ((only & Types.NULL) != 0) {
          vs.add(F.nullNode());
        }
        if ((only & Types.BOOL) != 0) {
          vs.add(BooleanNode.TRUE);
          vs.add(BooleanNode.FALSE);
        }
      }
      for (JsonNode v : vs) {
        if (Values.rejects(small, v)) {
          continue;
        }
        if (Values.check(big, v) != Values.ACCEPTS) {
          return false;
        }
      }
      return true;
    }
    // big is a type alone: small's own type must fit in it
    if (!Side.onlyAnnotations(big, Set.of("type", "nullable")) || !small.has("type")) {
      return false;
    }
    int mb = Types.mask(plain(big));
    int ms = Types.mask(plain(small));
    return mb != Types.BAD && ms != Types.BAD && (ms & ~mb) == 0;
  }

  private static Node plain(JsonNode j) {
    return new Node(dev.contractgate.registry.SourceLocation.of("-"), j, Node.Mode.PLAIN, false, false, false);
  }

  static JsonNode copy(JsonNode src) {
    if (!src.isContainer()) {
      return src;
    }
    JsonNode root = src.isObject() ? F.objectNode() : F.arrayNode();
    Deque<JsonNode[]> work = new ArrayDeque<>();
    work.push(new JsonNode[] {src, root});
    while (!work.isEmpty()) {
      JsonNode[] w = work.pop();
      if (w[0].isObject()) {
        ObjectNode to = (ObjectNode) w[1];
        for (var en : w[0].properties()) {
          JsonNode v = en.getValue();
          if (v.isContainer()) {
            JsonNode c = v.isObject() ? F.objectNode() : F.arrayNode();
            to.set(en.getKey(), c);
            work.push(new JsonNode[] {v, c});
          } else {
            to.set(en.getKey(), v);
          }
        }
      } else {
        ArrayNode to = (ArrayNode) w[1];
        for (JsonNode v : w[0].values()) {
          if (v.isContainer()) {
            JsonNode c = v.isObject() ? F.objectNode() : F.arrayNode();
            to.add(c);
            work.push(new JsonNode[] {v, c});
          } else {
            to.add(v);
          }
        }
      }
    }
    return root;
  }

  /**
   * Drops (as {@code false}) every {@code anyOf} branch that another branch already accepts in full; a
   * {@code $ref} branch is read through {@code target}.
   */
  static void subsumedBranches(ObjectNode o, boolean draft7, UnaryOperator<JsonNode> target) {
    JsonNode any = o.get("anyOf");
    if (any == null || !any.isArray() || any.size() < 2) {
      return;
    }
    ArrayNode a = (ArrayNode) any;
    String[] texts = new String[a.size()];
    for (int i = 0; i < a.size(); i++) {
      texts[i] = Canon.json(a.get(i));
    }
    for (int i = 0; i < a.size(); i++) {
      JsonNode bi = a.get(i);
      if (bi.isBoolean()) {
        continue;
      }
      for (int j = 0; j < a.size(); j++) {
        JsonNode bj = a.get(j);
        if (j == i || bj.isBoolean() && !bj.booleanValue()) {
          continue;
        }
        if (texts[i].equals(texts[j])) {
          continue; // duplicates are Side#branches' business
        }
        JsonNode big = bj.isObject() && bj.has("$ref") && (draft7 || Side.onlyAnnotations(bj, Set.of("$ref")))
            ? target.apply(bj) : bj;
        if (big != null && contains(big, bi)) {
          a.set(i, BooleanNode.FALSE);
          break;
        }
      }
    }
  }
}
