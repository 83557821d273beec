package dev.contractgate.diff.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Instances of a schema for the second opinion (see {@link SecondOpinion}): the minimal instance, each enum
 * value, each bound and bound ± 1, each optional property present and absent, each property name the two
 * versions mention, each union branch, and a few seeded random values. They are candidates, not promises:
 * the real validator decides which side accepts each one. Depth- and count-bounded, deterministic for a seed.
 */
final class Instances {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;
  /** Variants kept per schema node; the whole list is bounded by the caller. */
  private static final int PER_NODE = 24;

  private final Side side;
  private final Witnesses minimal;
  private final Random random;
  /** Property names mentioned anywhere in either version: tried as additions to every object. */
  private final Set<String> names;
  private final Map<String, JsonNode> out = new LinkedHashMap<>();
  private final int limit;

  Instances(Side side, Witnesses minimal, long seed, Set<String> names, int limit) {
    this.side = side;
    this.minimal = minimal;
    this.random = new Random(seed);
    this.names = names;
    this.limit = limit;
  }

  /** The candidates for {@code root}, distinct, at most {@code limit}. */
  List<JsonNode> of(Node root) {
    for (JsonNode v : variants(root, 0)) {
      add(v);
    }
    // seeded random values, for what the structured variants do not reach
    for (int i = 0; i < 8 && out.size() < limit; i++) {
      add(randomValue(2));
    }
    return new ArrayList<>(out.values());
  }

  private void add(JsonNode v) {
    if (v != null && out.size() < limit) {
      out.putIfAbsent(v.toString(), v);
    }
  }

  private List<JsonNode> variants(Node x, int depth) {
    List<JsonNode> vs = new ArrayList<>();
    if (depth > MAX_DEPTH) {
      return vs;
    }
    JsonNode m = minimal.minimal(side, x, depth);
    if (m != null) {
      vs.add(m);
    }
    Node r;
    List<Node> conj;
    try {
      r = side.resolve(x);
      conj = side.conjunctsCached(r);
    } catch (RuntimeException e) {
      return vs;
    }
    if (r.orNull) {
      vs.add(F.nullNode());
    }
    for (Node c : conj) {
      if (vs.size() >= PER_NODE) {
        break;
      }
      if (c.json.isBoolean()) {
        continue;
      }
      if (c.mode == Node.Mode.ANY || c.mode == Node.Mode.ONE) {
        for (Node b : side.branches(c)) {
          List<JsonNode> bv = variants(b, depth + 1);
          vs.addAll(bv.subList(0, Math.min(bv.size(), Math.max(2, PER_NODE / 4))));
        }
        continue;
      }
      plain(c, depth, vs);
    }
    return vs.size() > PER_NODE ? new ArrayList<>(vs.subList(0, PER_NODE)) : vs;
  }

  private void plain(Node c, int depth, List<JsonNode> vs) {
    JsonNode j = c.json;
    List<JsonNode> vals = EnumKeywords.valueSet(c);
    if (vals != null) {
      vals.forEach(v -> vs.add(v.deepCopy()));
    }
    if (j.has("not") && j.get("not").isObject()) {
      // what the negated schema accepts is exactly what this one rejects: near misses on the boundary
      vs.addAll(variants(side.child(c, "not"), depth + 1).stream().limit(3).toList());
    }
    int mask = Types.mask(c);
    if (mask == Types.BAD) {
      mask = Types.ALL;
    }
    if ((mask & Types.NULL) != 0) {
      vs.add(F.nullNode());
    }
    if ((mask & Types.BOOL) != 0) {
      vs.add(F.booleanNode(true));
      vs.add(F.booleanNode(false));
    }
    if ((mask & Types.NUM) != 0) {
      numbers(j, vs);
    }
    if ((mask & Types.STR) != 0) {
      strings(j, vs);
    }
    if ((mask & Types.OBJ) != 0) {
      objects(c, depth, vs);
    }
    if ((mask & Types.ARR) != 0) {
      arrays(c, depth, vs);
    }
  }

  private static void numbers(JsonNode j, List<JsonNode> vs) {
    List<BigDecimal> ns = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE.negate(),
        new BigDecimal("0.5")));
    for (String kw : new String[] {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}) {
      JsonNode b = j.get(kw);
      if (b != null && b.isNumber()) {
        BigDecimal v = b.decimalValue();
        ns.add(v);
        ns.add(v.add(BigDecimal.ONE));
        ns.add(v.subtract(BigDecimal.ONE));
        ns.add(v.add(new BigDecimal("0.5")));
        ns.add(v.subtract(new BigDecimal("0.5")));
        if (kw.equals("multipleOf")) {
          ns.add(v.multiply(BigDecimal.valueOf(2)));
          ns.add(v.multiply(BigDecimal.valueOf(3)));
          ns.add(v.multiply(BigDecimal.valueOf(6)));
        }
      }
    }
    for (BigDecimal n : ns) {
      BigDecimal s = n.stripTrailingZeros();
      vs.add(s.scale() <= 0 ? F.numberNode(s.toBigIntegerExact()) : F.numberNode(s));
    }
  }

  private static void strings(JsonNode j, List<JsonNode> vs) {
    List<String> ss = new ArrayList<>(List.of("", "a", "b", "ab", "x-1", "2024-01-31", "a@example.com"));
    for (String kw : new String[] {"minLength", "maxLength"}) {
      JsonNode b = j.get(kw);
      if (b != null && b.isNumber()) {
        int n = Math.min(200, b.asInt());
        for (int k : new int[] {n - 1, n, n + 1}) {
          if (k >= 0) {
            ss.add("a".repeat(k));
          }
        }
      }
    }
    ss.forEach(s -> vs.add(F.stringNode(s)));
  }

  private void objects(Node c, int depth, List<JsonNode> vs) {
    JsonNode j = c.json;
    JsonNode base = minimal.minimal(side, c, depth);
    ObjectNode b = base != null && base.isObject() ? (ObjectNode) base : F.objectNode();
    vs.add(b.deepCopy());
    Set<String> declared = new TreeSet<>();
    j.path("properties").propertyNames().forEach(declared::add);
    // each declared property present (with each of a few of its variants) and absent
    for (String p : declared) {
      List<JsonNode> pv = variants(side.child(c, "properties", p), depth + 1);
      for (JsonNode v : pv.subList(0, Math.min(pv.size(), 4))) {
        ObjectNode o = b.deepCopy();
        o.set(p, v);
        vs.add(o);
      }
      if (b.has(p)) {
        ObjectNode o = b.deepCopy();
        o.remove(p);
        vs.add(o);
      }
    }
    // every name either version mentions, and one nobody does
    List<String> extra = new ArrayList<>(names);
    extra.add("undeclared-property");
    for (String p : extra) {
      if (declared.contains(p)) {
        continue;
      }
      ObjectNode o = b.deepCopy();
      o.set(p, F.nullNode());
      vs.add(o);
      ObjectNode o2 = b.deepCopy();
      o2.put(p, "a");
      vs.add(o2);
    }
    // all the mentioned names at once: what an object matching several branches looks like
    ObjectNode all = b.deepCopy();
    for (String p : names) {
      if (!all.has(p)) {
        all.set(p, F.nullNode());
      }
    }
    vs.add(all);
  }

  private void arrays(Node c, int depth, List<JsonNode> vs) {
    JsonNode j = c.json;
    vs.add(F.arrayNode());
    JsonNode base = minimal.minimal(side, c, depth);
    if (base != null && base.isArray()) {
      vs.add(base);
    }
    Node item = j.path("items").isObject() || j.path("items").isBoolean() ? side.child(c, "items")
        : Node.absentAt(c.loc, c.draft7);
    List<JsonNode> iv = variants(item, depth + 1);
    for (JsonNode v : iv.subList(0, Math.min(iv.size(), 4))) {
      ArrayNode a = F.arrayNode();
      a.add(v);
      vs.add(a);
      ArrayNode twice = F.arrayNode();
      twice.add(v);
      twice.add(v.deepCopy());
      vs.add(twice);
    }
    for (String kw : new String[] {"minItems", "maxItems"}) {
      JsonNode b = j.get(kw);
      if (b != null && b.isNumber() && !iv.isEmpty()) {
        int n = Math.min(50, b.asInt());
        for (int k : new int[] {n - 1, n, n + 1}) {
          if (k >= 0) {
            ArrayNode a = F.arrayNode();
            for (int i = 0; i < k; i++) {
              a.add(iv.get(Math.min(i, iv.size() - 1)).deepCopy());
            }
            vs.add(a);
          }
        }
      }
    }
  }

  private JsonNode randomValue(int depth) {
    int k = random.nextInt(depth > 0 ? 7 : 5);
    return switch (k) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(random.nextBoolean());
      case 2 -> F.stringNode(new String[] {"", "a", "abc", "2024-01-31"}[random.nextInt(4)]);
      case 3, 4 -> F.numberNode(random.nextInt(21) - 10);
      case 5 -> {
        ArrayNode a = F.arrayNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          a.add(randomValue(depth - 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        for (String name : names) {
          if (random.nextInt(3) == 0) {
            o.set(name, randomValue(depth - 1));
          }
        }
        yield o;
      }
    };
  }

  /** Property names (declared or required) mentioned anywhere in the documents a side has read. */
  static void collectNames(Side s, Set<String> into, int max) {
    java.util.ArrayDeque<JsonNode> work = new java.util.ArrayDeque<>(s.files.values());
    while (!work.isEmpty() && into.size() < max) {
      JsonNode j = work.pop();
      if (j.isObject()) {
        for (var e : j.properties()) {
          JsonNode v = e.getValue();
          if (e.getKey().equals("properties") && v.isObject()) {
            v.propertyNames().forEach(n -> {
              if (into.size() < max) {
                into.add(n);
              }
            });
          } else if (e.getKey().equals("patternProperties") && v.isObject()) {
            // a name a literal-prefix pattern matches: "^x-" gives "x-"
            v.propertyNames().forEach(pat -> {
              String lit = pat.startsWith("^") ? pat.substring(1) : pat;
              if (lit.matches("[A-Za-z0-9_-]+") && into.size() < max) {
                into.add(lit);
              }
            });
          } else if ((e.getKey().equals("required")) && v.isArray()) {
            v.values().forEach(n -> {
              if (n.isString() && into.size() < max) {
                into.add(n.stringValue());
              }
            });
          }
          if (v.isContainer()) {
            work.push(v);
          }
        }
      } else if (j.isArray()) {
        j.values().forEach(v -> {
          if (v.isContainer()) {
            work.push(v);
          }
        });
      }
    }
  }
}
