package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schema and a refactor of it that accepts exactly the same values must give no BREAKING or WARNING
 * finding, in either direction. Random schemas ({@link SchemaGen}), each rewritten by a refactor drawn from
 * {@link Refactor} (the catalogue in docs/diff-engine.md, "Normal form"): the refactor is applied where the
 * random schema allows it, and otherwise to a small schema made for it and planted into the random one. The
 * global refactors (key order, {@code $defs} renames, {@code $ref} ↔ inline) are applied on top at random.
 * A failure is a false alarm on a refactor; the counterexample goes into {@code diff-cases}.
 */
class MetamorphicProperties {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DiffPolicy STRICT = DiffPolicy.strict();

  /** The catalogue: each entry accepts exactly the values of its input. */
  enum Refactor {
    KEY_ORDER, DEFS_RENAME, REF_INLINE, INLINE_TO_REF, INTEGER_AS_MULTIPLE_OF_ONE, INTEGER_BOUNDS_EXCLUSIVE,
    ENUM_VALUES_TYPE_RULES_OUT, RANGE_AS_ENUM, CLOSED_AS_PROPERTY_NAMES, OBJECT_SPLIT_INTO_ALLOF,
    OBJECT_SPLIT_INTO_REF_BASE, NULLABLE_ALLOF_WRAPPER, ANYOF_SUBSUMED_BRANCH, EXTENSIBLE_ENUM, CONST_AS_ENUM,
    ONEOF_DISJOINT_CLOSED_AS_ANYOF, IMPLIED_CONJUNCT
  }

  @Property(tries = 1500, seed = "20261203")
  void a_refactor_is_never_a_breaking_change_fixed_seed(@ForAll long seed) {
    check(seed);
  }

  /** jqwik's own random seed on every run: explores, where the fixed seed above regresses. */
  @Property(tries = 400)
  void a_refactor_is_never_a_breaking_change_random_seed(@ForAll long seed) {
    check(seed);
  }

  static void check(long seed) {
    JsonNode[] pair = pair(seed);
    assertNoAttention(pair[0], pair[1]);
    assertNoAttention(pair[1], pair[0]);
  }

  static void assertNoAttention(JsonNode old, JsonNode neu) {
    DiffResult r = SchemaDiff.compare(SchemaInput.of(old), SchemaInput.of(neu), Direction.BOTH, STRICT);
    List<String> bad = r.changes().stream().filter(c -> c.severity().needsAttention())
        .map(c -> c.severity() + " " + c.ruleId() + " " + c.path()).toList();
    assertThat(bad).as("a refactor reported as a change%nold: %s%nnew: %s", old, neu).isEmpty();
  }

  /** The (old, refactored) pair for a seed. */
  static JsonNode[] pair(long seed) {
    Random r = new Random(seed);
    JsonNode base = new SchemaGen(seed).root();
    Refactor k = Refactor.values()[r.nextInt(Refactor.values().length)];
    JsonNode old;
    JsonNode neu;
    JsonNode[] made = made(k, r);
    if (made == null) {
      old = base;
      neu = copy(base);
      neu = global(k, neu, r);
    } else if (base.isObject() && !base.has("unevaluatedProperties") && !base.has("unevaluatedItems")
        && !made[0].has("$defs") && !made[1].has("$defs") && r.nextBoolean()) {
      // planted as one more property of the random schema
      old = copy(base);
      neu = copy(base);
      ((ObjectNode) old).withObjectProperty("properties").set("zz", made[0]);
      ((ObjectNode) neu).withObjectProperty("properties").set("zz", made[1]);
    } else {
      old = made[0];
      neu = made[1];
    }
    // and some of the global refactors on top
    if (r.nextInt(3) == 0) {
      neu = integersInPlace(copy(neu));
    }
    if (r.nextInt(3) == 0) {
      neu = keyOrder(neu);
    }
    if (r.nextInt(4) == 0) {
      neu = defsRename(neu);
    }
    if (r.nextInt(4) == 0) {
      neu = refInline(neu);
    }
    return new JsonNode[] {old, neu};
  }

  private static JsonNode global(Refactor k, JsonNode s, Random r) {
    return switch (k) {
      case KEY_ORDER -> keyOrder(s);
      case DEFS_RENAME -> defsRename(s);
      case REF_INLINE -> refInline(s);
      case INLINE_TO_REF -> inlineToRef(s, r);
      default -> s;
    };
  }

  // --- schemas made for one refactor: {old, new} ---------------------------------------------------------------

  private static final String[] NAMES = {"a", "b", "c", "d"};
  private static final String[] WORDS = {"", "x", "ab", "red", "green", "blue"};

  private static JsonNode[] made(Refactor k, Random r) {
    switch (k) {
      case INTEGER_AS_MULTIPLE_OF_ONE -> {
        ObjectNode o = bounds(F.objectNode().put("type", "integer"), r);
        ObjectNode n = o.deepCopy().put("type", "number").put("multipleOf", 1);
        if (r.nextBoolean()) {
          o.putArray("type").add("integer").add("null");
          n.putArray("type").add("number").add("null");
        }
        return new JsonNode[] {o, n};
      }
      case INTEGER_BOUNDS_EXCLUSIVE -> {
        int lo = r.nextInt(10) - 5;
        int hi = lo + r.nextInt(10);
        ObjectNode o = F.objectNode().put("type", "integer");
        ObjectNode n = F.objectNode().put("type", "integer");
        switch (r.nextInt(3)) {
          case 0 -> {
            o.put("minimum", lo);
            n.put("exclusiveMinimum", lo - 1);
          }
          case 1 -> {
            o.put("maximum", hi);
            n.put("exclusiveMaximum", hi + 1);
          }
          default -> {
            o.put("minimum", lo).put("maximum", hi);
            n.put("minimum", java.math.BigDecimal.valueOf(lo).subtract(new java.math.BigDecimal("0.5"))).put("exclusiveMaximum", hi + 1);
          }
        }
        return new JsonNode[] {o, n};
      }
      case ENUM_VALUES_TYPE_RULES_OUT -> {
        ObjectNode o = F.objectNode().put("type", "string");
        ArrayNode e = o.putArray("enum");
        e.add("x").add("ab");
        if (r.nextBoolean()) {
          o.put("maxLength", 2);
        }
        ObjectNode n = o.deepCopy();
        ArrayNode ne = (ArrayNode) n.get("enum");
        switch (r.nextInt(3)) {
          case 0 -> ne.addNull();
          case 1 -> ne.add(7);
          default -> ne.add(o.has("maxLength") ? "toolong" : "ok").add(true);
        }
        if (!o.has("maxLength") && ne.get(ne.size() - 1).isBoolean()) {
          // "ok" is a string the type allows: keep both sides equal
          e.add("ok");
        }
        return new JsonNode[] {o, n};
      }
      case RANGE_AS_ENUM -> {
        int lo = r.nextInt(7) - 3;
        int hi = lo + r.nextInt(6);
        int step = r.nextInt(3) == 0 ? 2 : 1;
        ObjectNode o = F.objectNode().put("type", "integer").put("minimum", lo).put("maximum", hi);
        if (step > 1) {
          o.put("multipleOf", step);
        }
        ObjectNode n = F.objectNode();
        if (r.nextBoolean()) {
          n.put("type", "integer");
        }
        ArrayNode e = n.putArray("enum");
        for (int v = lo; v <= hi; v++) {
          if (v % step == 0) {
            e.add(v);
          }
        }
        if (e.isEmpty()) {
          return made(Refactor.INTEGER_BOUNDS_EXCLUSIVE, r);
        }
        return r.nextBoolean() ? new JsonNode[] {o, n} : new JsonNode[] {n, o};
      }
      case CLOSED_AS_PROPERTY_NAMES -> {
        ObjectNode o = object(r, 1 + r.nextInt(3));
        ObjectNode n = o.deepCopy();
        o.put("additionalProperties", false);
        ArrayNode names = n.putObject("propertyNames").putArray("enum");
        List<String> ns = new ArrayList<>(o.get("properties").propertyNames());
        java.util.Collections.shuffle(ns, r);
        ns.forEach(names::add);
        return new JsonNode[] {o, n};
      }
      case OBJECT_SPLIT_INTO_ALLOF, OBJECT_SPLIT_INTO_REF_BASE -> {
        ObjectNode o = object(r, 2 + r.nextInt(3));
        boolean closed = r.nextInt(3) == 0;
        if (closed) {
          o.put("additionalProperties", false);
        }
        ObjectNode a = F.objectNode().put("type", "object");
        ObjectNode b = F.objectNode();
        int i = 0;
        for (var e : o.get("properties").properties()) {
          ObjectNode part = closed || i++ % 2 == 0 ? a : b;
          part.withObjectProperty("properties").set(e.getKey(), e.getValue());
        }
        if (closed) {
          a.put("additionalProperties", false);
        }
        if (o.has("required")) {
          for (JsonNode q : o.get("required").values()) {
            (r.nextBoolean() ? a : b).withArrayProperty("required").add(q);
          }
        }
        ObjectNode n = F.objectNode();
        if (k == Refactor.OBJECT_SPLIT_INTO_REF_BASE) {
          n.putObject("$defs").set("Base", a);
          n.putArray("allOf").add(F.objectNode().put("$ref", "#/$defs/Base")).add(b);
        } else {
          n.putArray("allOf").add(a).add(b);
        }
        return r.nextBoolean() ? new JsonNode[] {o, n} : new JsonNode[] {n, o};
      }
      case NULLABLE_ALLOF_WRAPPER -> {
        ObjectNode x = object(r, 1 + r.nextInt(2));
        if (r.nextBoolean()) {
          x.putArray("type").add("object").add("null");
        } else {
          x.put("nullable", true);
        }
        ObjectNode o = F.objectNode();
        o.putObject("$defs").set("X", x);
        o.put("type", "object");
        o.putObject("properties").set("x", F.objectNode().put("$ref", "#/$defs/X"));
        ObjectNode n = o.deepCopy();
        ObjectNode w = F.objectNode();
        if (r.nextInt(3) == 0) {
          // the 3.1 spelling: a null branch next to the (already nullable) reference
          ArrayNode any = w.putArray("anyOf");
          any.add(F.objectNode().put("$ref", "#/$defs/X"));
          any.addObject().put("type", "null");
        } else {
          w.putArray("allOf").add(F.objectNode().put("$ref", "#/$defs/X"));
          w.put("nullable", true);
        }
        ((ObjectNode) n.get("properties")).set("x", w);
        return new JsonNode[] {o, n};
      }
      case ANYOF_SUBSUMED_BRANCH -> {
        ObjectNode o;
        ObjectNode extra;
        switch (r.nextInt(3)) {
          case 0 -> {
            o = F.objectNode().put("type", "number");
            extra = F.objectNode().put("type", "integer");
          }
          case 1 -> {
            o = F.objectNode().put("type", "integer").put("minimum", 0);
            extra = F.objectNode().put("const", r.nextInt(5));
          }
          default -> {
            o = F.objectNode().put("type", "string").put("maxLength", 3);
            extra = F.objectNode();
            extra.putArray("enum").add("ab").add("red");
          }
        }
        ObjectNode n = F.objectNode();
        ArrayNode any = n.putArray("anyOf");
        if (r.nextBoolean()) {
          any.add(extra).add(o);
        } else {
          any.add(o).add(extra);
        }
        return r.nextBoolean() ? new JsonNode[] {o, n} : new JsonNode[] {n, o};
      }
      case EXTENSIBLE_ENUM -> {
        ObjectNode o = F.objectNode();
        ArrayNode any = o.putArray("anyOf");
        ObjectNode e = any.addObject();
        ArrayNode vs = e.putArray("enum");
        vs.add("red").add("green");
        any.addObject().put("type", "string");
        ObjectNode n = o.deepCopy();
        ((ArrayNode) n.get("anyOf").get(0).get("enum")).add(WORDS[r.nextInt(WORDS.length)]);
        return r.nextBoolean() ? new JsonNode[] {o, n} : new JsonNode[] {n, F.objectNode().put("type", "string")};
      }
      case CONST_AS_ENUM -> {
        String w = WORDS[r.nextInt(WORDS.length)];
        ObjectNode o = F.objectNode().put("const", w);
        ObjectNode n = F.objectNode();
        n.putArray("enum").add(w);
        if (r.nextBoolean()) {
          n.put("type", "string");
        }
        return new JsonNode[] {o, n};
      }
      case ONEOF_DISJOINT_CLOSED_AS_ANYOF -> {
        ObjectNode a = closed("email");
        ObjectNode b = closed("phone");
        ObjectNode o = F.objectNode();
        o.putArray("oneOf").add(a).add(b);
        ObjectNode n = F.objectNode();
        n.putArray(r.nextBoolean() ? "anyOf" : "oneOf").add(b.deepCopy()).add(a.deepCopy());
        return new JsonNode[] {o, n};
      }
      case IMPLIED_CONJUNCT -> {
        // an anyOf next to required names, one branch of which those names already satisfy: the anyOf is
        // implied (Matching.newImplied); in old → new it is added, in new → old removed
        int i = r.nextInt(NAMES.length);
        String a = NAMES[i];
        String b = NAMES[(i + 1) % NAMES.length];
        ObjectNode o = object(r, 1 + r.nextInt(2));
        o.putArray("required").add(a).add(b);
        ObjectNode n = o.deepCopy();
        ArrayNode any = n.putArray("anyOf");
        if (r.nextBoolean()) {
          any.addObject().putArray("required").add(NAMES[(i + 2) % NAMES.length]);
        } else {
          any.addObject().put("type", "string");
        }
        any.addObject().putArray("required").add(r.nextBoolean() ? a : b);
        return r.nextBoolean() ? new JsonNode[] {o, n} : new JsonNode[] {n, o};
      }
      default -> {
        return null;
      }
    }
  }

  private static ObjectNode closed(String name) {
    ObjectNode o = F.objectNode().put("type", "object");
    o.putObject("properties").putObject(name).put("type", "string");
    o.putObject("properties");
    ((ObjectNode) o.get("properties")).putObject(name).put("type", "string");
    o.putArray("required").add(name);
    o.put("additionalProperties", false);
    return o;
  }

  private static ObjectNode bounds(ObjectNode o, Random r) {
    if (r.nextBoolean()) {
      o.put("minimum", r.nextInt(5));
    }
    if (r.nextBoolean()) {
      o.put("maximum", 5 + r.nextInt(5));
    }
    return o;
  }

  private static ObjectNode object(Random r, int count) {
    ObjectNode o = F.objectNode().put("type", "object");
    ObjectNode ps = o.putObject("properties");
    for (int i = 0; i < count && i < NAMES.length; i++) {
      ObjectNode p = ps.putObject(NAMES[i]);
      switch (r.nextInt(3)) {
        case 0 -> p.put("type", "string");
        case 1 -> p.put("type", "integer").put("minimum", 0);
        default -> p.putArray("type").add("boolean").add("null");
      }
      if (r.nextBoolean()) {
        o.withArrayProperty("required").add(NAMES[i]);
      }
    }
    return o;
  }

  // --- global refactors ---------------------------------------------------------------------------------------

  /**
   * Everywhere in the schema: {@code type: integer} without {@code multipleOf} becomes {@code number} with
   * {@code multipleOf: 1}, and an integral {@code minimum} next to it becomes {@code exclusiveMinimum} one lower.
   */
  static JsonNode integersInPlace(JsonNode s) {
    if (s.isObject()) {
      ObjectNode o = (ObjectNode) s;
      JsonNode t = o.get("type");
      if (t != null && t.isString() && "integer".equals(t.stringValue()) && !o.has("multipleOf")
          && !o.has("exclusiveMinimum")) {
        o.put("type", "number").put("multipleOf", 1);
        JsonNode min = o.get("minimum");
        if (min != null && min.isIntegralNumber()) {
          o.remove("minimum");
          o.put("exclusiveMinimum", min.longValue() - 1);
        }
      }
      for (String k : new ArrayList<>(o.propertyNames())) {
        if (!"enum".equals(k) && !"const".equals(k) && !"default".equals(k) && !"examples".equals(k)) {
          integersInPlace(o.get(k));
        }
      }
    } else if (s.isArray()) {
      s.values().forEach(MetamorphicProperties::integersInPlace);
    }
    return s;
  }

  static JsonNode keyOrder(JsonNode s) {
    if (s.isObject()) {
      ObjectNode out = F.objectNode();
      List<Map.Entry<String, JsonNode>> es = new ArrayList<>(s.properties());
      java.util.Collections.reverse(es);
      for (var e : es) {
        out.set(e.getKey(), keyOrder(e.getValue()));
      }
      return out;
    }
    if (s.isArray()) {
      ArrayNode out = F.arrayNode();
      s.values().forEach(v -> out.add(keyOrder(v)));
      return out;
    }
    return s;
  }

  static JsonNode defsRename(JsonNode s) {
    if (!s.isObject() || !s.has("$defs")) {
      return s;
    }
    ObjectNode out = (ObjectNode) copy(s);
    ObjectNode defs = F.objectNode();
    for (var e : s.get("$defs").properties()) {
      defs.set(e.getKey() + "_renamed", e.getValue().deepCopy());
    }
    out.set("$defs", defs);
    renameRefs(out);
    return out;
  }

  private static void renameRefs(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isString() && ref.stringValue().startsWith("#/$defs/")) {
        String rest = ref.stringValue().substring("#/$defs/".length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        o.put("$ref", "#/$defs/" + name + "_renamed" + (slash < 0 ? "" : rest.substring(slash)));
      }
      for (Iterator<JsonNode> it = o.values().iterator(); it.hasNext(); ) {
        renameRefs(it.next());
      }
    } else if (n.isArray()) {
      n.values().forEach(MetamorphicProperties::renameRefs);
    }
  }

  /** Every {@code {"$ref": "#/$defs/X"}} whose target holds no $ref becomes a copy of the target. */
  static JsonNode refInline(JsonNode s) {
    if (!s.isObject() || !s.has("$defs")) {
      return s;
    }
    JsonNode out = copy(s);
    inline(out, out.get("$defs"), true);
    return out;
  }

  private static void inline(JsonNode n, JsonNode defs, boolean top) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      for (String k : new ArrayList<>(o.propertyNames())) {
        if (top && "$defs".equals(k)) {
          continue;
        }
        JsonNode v = o.get(k);
        JsonNode t = target(v, defs);
        if (t != null) {
          o.set(k, t.deepCopy());
        } else {
          inline(v, defs, false);
        }
      }
    } else if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        JsonNode t = target(a.get(i), defs);
        if (t != null) {
          a.set(i, t.deepCopy());
        } else {
          inline(a.get(i), defs, false);
        }
      }
    }
  }

  private static JsonNode target(JsonNode v, JsonNode defs) {
    if (!v.isObject() || v.size() != 1 || !v.has("$ref") || !v.get("$ref").isString()) {
      return null;
    }
    String ref = v.get("$ref").stringValue();
    if (!ref.startsWith("#/$defs/") || ref.substring(8).contains("/")) {
      return null;
    }
    JsonNode t = defs.get(ref.substring(8));
    return t == null || t.toString().contains("\"$ref\"") ? null : t;
  }

  /** The first plain property schema of the root moves into $defs and is referred to. */
  static JsonNode inlineToRef(JsonNode s, Random r) {
    if (!s.isObject() || !s.has("properties") || !s.get("properties").isObject()) {
      return s;
    }
    ObjectNode out = (ObjectNode) copy(s);
    ObjectNode props = (ObjectNode) out.get("properties");
    for (String name : new ArrayList<>(props.propertyNames())) {
      JsonNode p = props.get(name);
      if (p.isObject() && !p.toString().contains("\"$ref\"")) {
        out.withObjectProperty("$defs").set("Moved_" + name, p);
        props.set(name, F.objectNode().put("$ref", "#/$defs/Moved_" + name));
        return out;
      }
    }
    return s;
  }

  private static JsonNode copy(JsonNode s) {
    return s.deepCopy();
  }
}
