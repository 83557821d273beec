package dev.contractgate.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random schemas, mutations of them, and instances for the soundness property. Driven by one seed so that a
 * counterexample is reproducible from the seed jqwik reports; see docs/diff-engine.md for what it covers.
 */
final class SchemaGen {

  /**
   * Patterns the regex inclusion decides (literal prefixes, classes, quantifiers, anchors) and two it must
   * leave undecided (a look-ahead, a back-reference), so that string.pattern-changed is exercised too.
   */
  static final String[] PATTERNS = {"^a", "^b", "b$", "^[ab]+$", "^a\\d?", "^(?=a)", "^(a)\\1"};

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] NAMES = {"a", "b", "c"};
  private static final String[] STRINGS = {"", "a", "ab", "abc", "b", "ba", "xa", "a@b.co", "2024-01-31", "zzzz", "aa", "a1"};
  private static final double[] NUMBERS = {-1, 0, 1, 2, 3, 4, 5, 6, 1.5, 2.5};
  private static final String[] TYPES = {"object", "array", "string", "integer", "number", "boolean", "null"};

  private final Random r;

  SchemaGen(long seed) {
    this.r = new Random(seed);
  }

  private boolean p(double probability) {
    return r.nextDouble() < probability;
  }

  private <T> T pick(T[] values) {
    return values[r.nextInt(values.length)];
  }

  // --- schemas -------------------------------------------------------------------------------------------

  JsonNode root() {
    if (p(0.3)) {
      ObjectNode root = F.objectNode();
      ObjectNode d = (ObjectNode) objectSchema(1);
      if (p(0.3)) {
        // recursive component
        d.putObject("properties").set("self", F.objectNode().put("$ref", "#/$defs/D"));
      }
      root.putObject("$defs").set("D", d);
      root.put("type", "object");
      ObjectNode props = root.putObject("properties");
      props.set("a", F.objectNode().put("$ref", "#/$defs/D"));
      props.set("b", schema(1));
      if (p(0.5)) {
        root.putArray("required").add("a");
      }
      return root;
    }
    return schema(2);
  }

  JsonNode schema(int depth) {
    if (p(0.04)) {
      return F.booleanNode(p(0.7));
    }
    if (depth > 0 && p(0.18)) {
      return combinator(depth - 1);
    }
    String type = pick(TYPES);
    return switch (type) {
      case "object" -> depth > 0 ? objectSchema(depth - 1) : F.objectNode().put("type", "object");
      case "array" -> arraySchema(depth);
      case "string" -> stringSchema();
      case "integer", "number" -> numberSchema(type);
      default -> typed(type);
    };
  }

  private ObjectNode typed(String type) {
    ObjectNode o = F.objectNode();
    if (p(0.15)) {
      o.putArray("type").add(type).add(type.equals("null") ? "string" : "null");
    } else if (!p(0.08)) {
      o.put("type", type);
    }
    return o;
  }

  private JsonNode combinator(int depth) {
    int kind = r.nextInt(6);
    ObjectNode o = F.objectNode();
    switch (kind) {
      case 0, 1, 2 -> {
        ArrayNode arr = o.putArray(kind == 0 ? "anyOf" : kind == 1 ? "oneOf" : "allOf");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          arr.add(schema(depth));
        }
        if (kind == 1 && arr.get(0).isObject() && p(0.3)) {
          // overlapping branches: the first one, and the first one with one more keyword
          ObjectNode variant = (ObjectNode) arr.get(0).deepCopy();
          variant.put("minProperties", 1);
          arr.add(variant);
        }
      }
      case 3 -> o.set("not", schema(depth));
      case 4 -> {
        o.put("type", "object");
        o.set("if", F.objectNode().set("properties", F.objectNode().set("a", F.objectNode().put("const", "a"))));
        o.set("then", F.objectNode().set("required", F.arrayNode().add(pick(NAMES))));
        if (p(0.5)) {
          o.set("else", F.objectNode().put("maxProperties", 1 + r.nextInt(2)));
        }
      }
      default -> o.putArray("anyOf").add(schema(depth)).add(F.objectNode().put("type", "null"));
    }
    return o;
  }

  private ObjectNode objectSchema(int depth) {
    ObjectNode o = typed("object");
    ObjectNode props = F.objectNode();
    for (String n : NAMES) {
      if (p(0.5)) {
        props.set(n, schema(depth));
      }
    }
    if (!props.isEmpty()) {
      o.set("properties", props);
    }
    ArrayNode req = F.arrayNode();
    for (String n : NAMES) {
      if (p(0.3)) {
        req.add(n);
      }
    }
    if (!req.isEmpty()) {
      o.set("required", req);
    }
    double c = r.nextDouble();
    if (c < 0.25) {
      o.put("additionalProperties", false);
    } else if (c < 0.35) {
      o.set("additionalProperties", schema(0));
    } else if (c < 0.40) {
      o.put("unevaluatedProperties", false);
    }
    if (p(0.12)) {
      o.set("patternProperties", F.objectNode().set("^x", schema(0)));
    }
    if (p(0.1)) {
      o.put(p(0.5) ? "minProperties" : "maxProperties", 1 + r.nextInt(2));
    }
    if (p(0.08)) {
      o.set("propertyNames", F.objectNode().put("maxLength", 1 + r.nextInt(2)));
    }
    if (p(0.08)) {
      o.set("dependentRequired", F.objectNode().set("a", F.arrayNode().add(pick(NAMES))));
    }
    if (p(0.06)) {
      o.set("dependentSchemas", F.objectNode().set("b", F.objectNode().set("required", F.arrayNode().add("c"))));
    }
    return o;
  }

  private ObjectNode arraySchema(int depth) {
    ObjectNode o = typed("array");
    if (p(0.15)) {
      ArrayNode prefix = o.putArray("prefixItems");
      prefix.add(schema(0));
      if (p(0.5)) {
        prefix.add(schema(0));
      }
      if (p(0.5)) {
        o.put("items", false);
      }
    } else if (p(0.8)) {
      o.set("items", depth > 0 ? schema(depth - 1) : stringSchema());
    }
    if (p(0.3)) {
      o.put("minItems", r.nextInt(3));
    }
    if (p(0.3)) {
      o.put("maxItems", 1 + r.nextInt(3));
    }
    if (p(0.15)) {
      o.put("uniqueItems", true);
    }
    if (p(0.12)) {
      o.set("contains", numberSchema("integer"));
      if (p(0.5)) {
        o.put(p(0.5) ? "minContains" : "maxContains", 1 + r.nextInt(2));
      }
    }
    return o;
  }

  private ObjectNode stringSchema() {
    ObjectNode o = typed("string");
    if (p(0.2)) {
      ArrayNode e = o.putArray("enum");
      for (String s : new String[] {"a", "ab", "b"}) {
        if (p(0.6)) {
          e.add(s);
        }
      }
      if (e.isEmpty()) {
        e.add("a");
      }
      return o;
    }
    if (p(0.3)) {
      o.put("minLength", r.nextInt(3));
    }
    if (p(0.3)) {
      o.put("maxLength", 1 + r.nextInt(3));
    }
    if (p(0.15)) {
      o.put("pattern", pick(PATTERNS));
    }
    if (p(0.1)) {
      o.put("format", pick(new String[] {"email", "date"}));
    }
    return o;
  }

  private ObjectNode numberSchema(String type) {
    ObjectNode o = typed(type);
    if (p(0.15)) {
      o.put("const", r.nextInt(4));
      return o;
    }
    if (p(0.3)) {
      o.put(p(0.7) ? "minimum" : "exclusiveMinimum", r.nextInt(4) - 1);
    }
    if (p(0.3)) {
      o.put(p(0.7) ? "maximum" : "exclusiveMaximum", 2 + r.nextInt(4));
    }
    if (p(0.15)) {
      o.put("multipleOf", 1 + r.nextInt(3));
    }
    return o;
  }

  // --- mutations -----------------------------------------------------------------------------------------

  /** A copy of {@code schema} with one to three random edits at random sub-schemas. */
  JsonNode mutate(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits; i++) {
      List<ObjectNode> nodes = objects(copy);
      if (nodes.isEmpty()) {
        return p(0.5) ? F.objectNode().put("type", "string") : F.booleanNode(!copy.booleanValue());
      }
      List<ObjectNode> unions = nodes.stream().filter(n -> n.has("anyOf") || n.has("oneOf") || n.has("allOf"))
          .toList();
      List<ObjectNode> patterned = nodes.stream().filter(n -> n.has("pattern")).toList();
      if (!unions.isEmpty() && p(0.15)) {
        // combinator kind changes, aimed: a random node rarely holds the combinator
        combinatorKind(unions.get(r.nextInt(unions.size())), r.nextInt(2));
      } else if (!patterned.isEmpty() && p(0.1)) {
        // pattern changes, aimed for the same reason: one pattern for another, decidable or not
        patterned.get(r.nextInt(patterned.size())).put("pattern", pick(PATTERNS));
      } else {
        edit(nodes.get(r.nextInt(nodes.size())));
      }
    }
    return copy;
  }

  private static List<ObjectNode> objects(JsonNode root) {
    List<ObjectNode> out = new ArrayList<>();
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      JsonNode n = work.pop();
      if (n.isObject()) {
        out.add((ObjectNode) n);
        for (var e : n.properties()) {
          String k = e.getKey();
          if (k.equals("enum") || k.equals("const") || k.equals("required") || k.equals("dependentRequired")) {
            continue;
          }
          JsonNode v = e.getValue();
          if (k.equals("properties") || k.equals("$defs") || k.equals("patternProperties")
              || k.equals("dependentSchemas")) {
            v.values().forEach(work::push);
          } else if (v.isObject() || v.isArray()) {
            if (v.isArray()) {
              v.values().forEach(work::push);
            } else {
              work.push(v);
            }
          }
        }
      }
    }
    return out;
  }

  private void edit(ObjectNode n) {
    int which = r.nextInt(23);
    if (which >= 19) {
      family(n, which - 19);
      return;
    }
    if (which >= 16) {
      combinatorKind(n, which - 16);
      return;
    }
    switch (which) {
      case 0 -> {
        ArrayNode req = n.has("required") && n.get("required").isArray() ? (ArrayNode) n.get("required")
            : n.putArray("required");
        String name = pick(NAMES);
        int at = -1;
        for (int i = 0; i < req.size(); i++) {
          if (req.get(i).asString().equals(name)) {
            at = i;
          }
        }
        if (at >= 0) {
          req.remove(at);
        } else {
          req.add(name);
        }
      }
      case 1 -> {
        ObjectNode props = n.has("properties") && n.get("properties").isObject() ? (ObjectNode) n.get("properties")
            : n.putObject("properties");
        String name = pick(NAMES);
        if (props.has(name)) {
          props.remove(name);
        } else {
          props.set(name, schema(0));
        }
      }
      case 2 -> {
        if (n.has("type")) {
          n.remove("type");
        } else {
          n.put("type", pick(TYPES));
        }
      }
      case 3 -> {
        String t1 = pick(TYPES);
        String t2 = pick(TYPES);
        // networknt 3.0.9 misjudges numeric bounds for type ["number","integer"] (2.5 fails
        // exclusiveMinimum 2); the oracle must be right, so that spelling is not generated
        if (t1.equals("integer") && t2.equals("number") || t1.equals("number") && t2.equals("integer")) {
          t2 = "string";
        }
        n.set("type", F.arrayNode().add(t1).add(t2));
      }
      case 4 -> {
        if (n.has("enum") && n.get("enum").isArray() && n.get("enum").size() > 1 && p(0.5)) {
          ((ArrayNode) n.get("enum")).remove(0);
        } else if (n.has("enum") && n.get("enum").isArray()) {
          ((ArrayNode) n.get("enum")).add(pick(STRINGS));
        } else {
          n.putArray("enum").add("a").add(1);
        }
      }
      case 5 -> bump(n, pick(new String[] {"minLength", "maxLength", "minItems", "maxItems", "minProperties",
          "maxProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minContains",
          "maxContains"}));
      case 6 -> {
        if (n.has("additionalProperties")) {
          n.remove("additionalProperties");
        } else {
          n.set("additionalProperties", p(0.7) ? F.booleanNode(false) : schema(0));
        }
      }
      case 7 -> {
        if (n.has("pattern")) {
          if (p(0.3)) {
            n.remove("pattern");
          } else {
            n.put("pattern", pick(PATTERNS));
          }
        } else {
          n.put("pattern", pick(PATTERNS));
        }
      }
      case 8 -> {
        if (n.has("format") && p(0.5)) {
          n.put("format", "email".equals(n.get("format").asString()) ? "date" : "email");
        } else if (n.has("format")) {
          n.remove("format");
        } else {
          n.put("format", pick(new String[] {"email", "date"}));
        }
      }
      case 9 -> n.put("uniqueItems", !n.path("uniqueItems").booleanValue(false));
      case 10 -> {
        if (n.has("$defs")) {
          // wrapping the root would move $defs away from the "#/$defs/D" references
          n.put("minProperties", 1);
          return;
        }
        JsonNode inner = n.deepCopy();
        n.removeAll();
        n.putArray(pick(new String[] {"anyOf", "oneOf", "allOf"})).add(inner).add(schema(0));
      }
      case 11 -> {
        for (String k : new String[] {"anyOf", "oneOf", "allOf", "prefixItems"}) {
          if (n.has(k) && n.get(k).isArray() && n.get(k).size() > 1) {
            ((ArrayNode) n.get(k)).remove(r.nextInt(n.get(k).size()));
            return;
          }
        }
        n.set("items", schema(0));
      }
      case 12 -> {
        if (n.has("not")) {
          n.remove("not");
        } else {
          n.set("not", F.objectNode().put("const", pick(STRINGS)));
        }
      }
      case 13 -> {
        if (n.has("multipleOf")) {
          n.put("multipleOf", n.get("multipleOf").asInt() * (p(0.5) ? 2 : 1) + (p(0.5) ? 1 : 0));
        } else {
          n.put("multipleOf", 1 + r.nextInt(3));
        }
      }
      case 14 -> {
        if (n.has("const")) {
          n.remove("const");
        } else {
          n.put("const", pick(STRINGS));
        }
      }
      default -> {
        if (n.has("contains")) {
          n.remove("contains");
        } else {
          n.set("contains", schema(0));
        }
      }
    }
  }

  /**
   * Combinator kind changes with overlapping branches (issue 14): oneOf ↔ anyOf ↔ allOf of the same branches,
   * a union becoming one of its branches, and a schema becoming a union of itself and an overlapping variant.
   */
  private void combinatorKind(ObjectNode n, int which) {
    String[] kinds = {"anyOf", "oneOf", "allOf"};
    for (String k : kinds) {
      if (n.has(k) && n.get(k).isArray() && n.get(k).size() > 0) {
        JsonNode branches = n.remove(k);
        if (which == 0 || n.has("$defs")) {
          String to = pick(kinds);
          n.set(to.equals(k) ? kinds[(java.util.Arrays.asList(kinds).indexOf(k) + 1) % 3] : to, branches);
        } else {
          // the union (or allOf) becomes one of its branches, merged over the remaining keywords
          JsonNode b = branches.get(r.nextInt(branches.size()));
          if (b.isObject()) {
            for (var e : b.properties()) {
              n.set(e.getKey(), e.getValue().deepCopy());
            }
          }
        }
        return;
      }
    }
    if (n.has("$defs")) {
      n.put("maxProperties", 3);
      return;
    }
    // a plain schema becomes a union of itself and an overlapping variant (same schema, one more keyword)
    JsonNode inner = n.deepCopy();
    ObjectNode variant = (ObjectNode) inner.deepCopy();
    switch (r.nextInt(4)) {
      case 0 -> variant.putArray("required").add(pick(NAMES));
      case 1 -> variant.put("minLength", 2);
      case 2 -> variant.put("minimum", 2);
      default -> variant.put("maxItems", 1);
    }
    n.removeAll();
    n.putArray(pick(new String[] {"anyOf", "oneOf"})).add(inner).add(variant);
  }

  /** Keyword families the other edits rarely reach: toggled on or off, so every rule of the catalogue comes out. */
  private void family(ObjectNode n, int which) {
    switch (which) {
      case 0 -> {
        if (n.has("if")) {
          n.remove("if");
          n.remove("then");
          n.remove("else");
        } else {
          n.set("if", F.objectNode().set("properties", F.objectNode().set("a", F.objectNode().put("const", "a"))));
          n.set("then", F.objectNode().set("required", F.arrayNode().add(pick(NAMES))));
        }
      }
      case 1 -> {
        String kw = p(0.5) ? "dependentRequired" : "dependentSchemas";
        if (n.has(kw)) {
          n.remove(kw);
        } else if (kw.equals("dependentRequired")) {
          n.putObject(kw).putArray(pick(NAMES)).add(pick(NAMES));
        } else {
          n.putObject(kw).set(pick(NAMES), F.objectNode().set("required", F.arrayNode().add(pick(NAMES))));
        }
      }
      case 2 -> {
        String kw = p(0.5) ? "patternProperties" : "propertyNames";
        if (n.has(kw)) {
          n.remove(kw);
        } else if (kw.equals("patternProperties")) {
          n.putObject(kw).set("^x", F.objectNode().put("type", pick(new String[] {"string", "integer"})));
        } else {
          n.putObject(kw).put("maxLength", 1 + r.nextInt(2));
        }
      }
      default -> {
        String kw = pick(new String[] {"minContains", "maxContains"});
        if (!n.has("contains")) {
          n.set("contains", schema(0));
          n.put(kw, 1 + r.nextInt(2));
        } else if (n.has(kw)) {
          // raised or lowered; removing maxContains raises it
          if (kw.equals("maxContains") && p(0.3)) {
            n.remove(kw);
          } else {
            n.put(kw, Math.max(0, n.get(kw).asInt() + (p(0.5) ? 1 : -1)));
          }
        } else {
          n.put(kw, 2);
        }
        if (!n.has("type") && p(0.5)) {
          n.put("type", "array");
        }
      }
    }
  }

  private void bump(ObjectNode n, String kw) {
    if (n.has(kw) && p(0.3)) {
      n.remove(kw);
    } else {
      int v = n.path(kw).asInt(1);
      n.put(kw, Math.max(0, v + (p(0.5) ? 1 : -1)));
    }
  }

  // --- instances -----------------------------------------------------------------------------------------

  List<JsonNode> instances(int count, JsonNode... schemas) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(p(0.6) && schemas.length > 0 ? fromSchema(schemas[r.nextInt(schemas.length)], 3) : value(2));
    }
    return out;
  }

  JsonNode value(int depth) {
    int k = r.nextInt(depth > 0 ? 7 : 5);
    return switch (k) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(p(0.5));
      case 2 -> F.stringNode(pick(STRINGS));
      case 3, 4 -> number();
      case 5 -> {
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(value(depth - 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        for (String name : new String[] {"a", "b", "c", "x1", "self"}) {
          if (p(0.4)) {
            o.set(name, value(depth - 1));
          }
        }
        yield o;
      }
    };
  }

  private JsonNode number() {
    double d = NUMBERS[r.nextInt(NUMBERS.length)];
    return d == Math.rint(d) ? F.numberNode(java.math.BigDecimal.valueOf((long) d))
        : F.numberNode(java.math.BigDecimal.valueOf(d));
  }

  /** A value shaped by the schema's keywords (often valid, sometimes not: validity is decided elsewhere). */
  private JsonNode fromSchema(JsonNode s, int depth) {
    if (depth <= 0 || !s.isObject()) {
      return value(1);
    }
    for (String k : new String[] {"anyOf", "oneOf", "allOf"}) {
      if (s.has(k) && s.get(k).isArray() && s.get(k).size() > 0) {
        return fromSchema(s.get(k).get(r.nextInt(s.get(k).size())), depth - 1);
      }
    }
    if (s.has("enum") && s.get("enum").size() > 0 && p(0.8)) {
      return s.get("enum").get(r.nextInt(s.get("enum").size())).deepCopy();
    }
    if (s.has("const") && p(0.8)) {
      return s.get("const").deepCopy();
    }
    if (s.has("$ref") && s.has("properties") == false && p(0.5)) {
      return value(2);
    }
    JsonNode t = s.get("type");
    String type = t == null ? pick(TYPES) : t.isString() ? t.asString() : t.isArray() && t.size() > 0
        ? t.get(r.nextInt(t.size())).asString() : "null";
    switch (type) {
      case "object": {
        ObjectNode o = F.objectNode();
        JsonNode props = s.path("properties");
        for (String name : NAMES) {
          boolean required = false;
          for (JsonNode q : s.path("required").values()) {
            required |= q.asString().equals(name);
          }
          if (required && p(0.9) || p(0.35)) {
            o.set(name, props.has(name) ? fromSchema(props.get(name), depth - 1) : value(1));
          }
        }
        if (p(0.15)) {
          o.set(p(0.5) ? "x1" : "self", value(1));
        }
        return o;
      }
      case "array": {
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          JsonNode item = s.path("prefixItems").has(i) ? s.path("prefixItems").get(i) : s.path("items");
          a.add(item.isObject() ? fromSchema(item, depth - 1) : value(1));
        }
        return a;
      }
      case "string":
        return F.stringNode(pick(STRINGS));
      case "integer":
      case "number":
        return number();
      case "boolean":
        return F.booleanNode(p(0.5));
      default:
        return F.nullNode();
    }
  }
}
