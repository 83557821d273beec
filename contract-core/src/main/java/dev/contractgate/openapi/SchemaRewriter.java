package dev.contractgate.openapi;

import dev.contractgate.registry.PointerTrail;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one OpenAPI schema into a JSON Schema 2020-12 schema for one direction, building a new tree with an
 * explicit work stack (never recursing along the schema's nesting).
 *
 * <p>What it does: rewrites {@code #/components/schemas/X} references to the components file, refuses
 * references that leave the description, maps the OpenAPI 3.0 dialect ({@code nullable}, boolean
 * {@code exclusiveMinimum}/{@code exclusiveMaximum}, {@code example}) to 2020-12, and drops
 * {@code readOnly} properties from request views and {@code writeOnly} ones from response views. Values of
 * {@code example}, {@code examples}, {@code default}, {@code enum} and {@code const} are data: they are
 * carried over untouched, whatever they contain.
 */
final class SchemaRewriter {

  /** Which side of the wire the schema describes. */
  enum View { NEUTRAL, REQUEST, RESPONSE }

  static final String COMPONENTS_PREFIX = "#/components/schemas/";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");
  private static final Set<String> SINGLE = Set.of("additionalProperties", "items", "not", "if", "then", "else",
      "propertyNames", "contains", "unevaluatedProperties", "unevaluatedItems", "additionalItems", "contentSchema");
  private static final Set<String> ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Set<String> MAPS = Set.of("properties", "patternProperties", "dependentSchemas", "$defs",
      "definitions");

  private final Spec spec;
  private final boolean v30;

  SchemaRewriter(Spec spec, boolean v30) {
    this.spec = spec;
    this.v30 = v30;
  }

  /** One schema still to build: its source, where it is in the description, and the slot it fills. */
  private record Work(JsonNode src, PointerTrail pointer, JsonNode parent, String key, int index) {}

  /**
   * A new schema for {@code view}.
   *
   * @param pointer where {@code schema} sits in the description (for messages)
   * @param refPrefix what {@code #/components/schemas/} becomes, e.g. {@code #/$defs/} or
   *     {@code components.schema.json#/$defs/}
   */
  JsonNode rewrite(JsonNode schema, String pointer, View view, String refPrefix) {
    ArrayNode holder = NODES.arrayNode();
    holder.add(NODES.nullNode());
    Deque<Work> work = new ArrayDeque<>();
    work.push(new Work(schema, PointerTrail.at(pointer), holder, null, 0));
    while (!work.isEmpty()) {
      Work w = work.pop();
      JsonNode built = one(w.src(), w.pointer(), view, refPrefix, work);
      if (w.parent() instanceof ObjectNode o) {
        o.set(w.key(), built);
      } else {
        ((ArrayNode) w.parent()).set(w.index(), built);
      }
    }
    return holder.get(0);
  }

  private JsonNode one(JsonNode src, PointerTrail pointer, View view, String refPrefix, Deque<Work> work) {
    if (!src.isObject()) {
      return src; // true, false, or something the validator will refuse anyway
    }
    ObjectNode dst = NODES.objectNode();
    Set<String> dropped = dropped(src, view);
    boolean exclusiveMin = v30 && src.path("exclusiveMinimum").isBoolean();
    boolean exclusiveMax = v30 && src.path("exclusiveMaximum").isBoolean();
    for (Map.Entry<String, JsonNode> e : src.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (v30 && k.equals("nullable")) {
        continue;
      }
      if (k.equals("$ref") && v.isString()) {
        dst.put("$ref", ref(v.asString(), pointer.member(k), refPrefix));
      } else if (v30 && k.equals("example")) {
        if (!src.has("examples")) {
          dst.set("examples", NODES.arrayNode().add(v));
        }
      } else if (DATA.contains(k)) {
        dst.set(k, v); // data, shared as it is: a "$ref" in there is not a reference
      } else if (exclusiveMin && (k.equals("exclusiveMinimum") || k.equals("minimum"))) {
        bound(src, dst, "minimum", "exclusiveMinimum", k);
      } else if (exclusiveMax && (k.equals("exclusiveMaximum") || k.equals("maximum"))) {
        bound(src, dst, "maximum", "exclusiveMaximum", k);
      } else if (SINGLE.contains(k) && (v.isObject() || v.isBoolean())) {
        queue(dst, k, v, pointer.member(k), work);
      } else if ((ARRAYS.contains(k) || (k.equals("items") && v.isArray())) && v.isArray()) {
        ArrayNode arr = dst.putArray(k);
        PointerTrail at = pointer.member(k);
        for (int i = 0; i < v.size(); i++) {
          arr.add(NODES.nullNode());
          work.push(new Work(v.get(i), at.item(i), arr, null, i));
        }
      } else if (MAPS.contains(k) && v.isObject()) {
        ObjectNode map = dst.putObject(k);
        PointerTrail at = pointer.member(k);
        for (Map.Entry<String, JsonNode> p : v.properties()) {
          if (k.equals("properties") && dropped.contains(p.getKey())) {
            continue;
          }
          queue(map, p.getKey(), p.getValue(), at.member(p.getKey()), work);
        }
      } else if (k.equals("required") && v.isArray() && !dropped.isEmpty()) {
        ArrayNode req = dst.putArray(k);
        v.forEach(n -> {
          if (!(n.isString() && dropped.contains(n.asString()))) {
            req.add(n);
          }
        });
      } else if (k.equals("discriminator") && v.path("mapping").isObject()) {
        ObjectNode d = (ObjectNode) v.deepCopy();
        ObjectNode mapping = (ObjectNode) d.get("mapping");
        for (Map.Entry<String, JsonNode> m : v.get("mapping").properties()) {
          String target = m.getValue().asString("");
          if (target.startsWith(COMPONENTS_PREFIX)) {
            mapping.put(m.getKey(), refPrefix + target.substring(COMPONENTS_PREFIX.length()));
          }
        }
        dst.set(k, d);
      } else if (k.startsWith("x-")) {
        if (!holdsRef(v)) {
          dst.set(k, v); // an annotation; one holding "$ref" would be taken for a reference by the loader
        }
      } else {
        dst.set(k, v);
      }
    }
    if (v30 && src.path("nullable").asBoolean(false)) {
      return nullable(dst);
    }
    return dst;
  }

  private static void queue(ObjectNode parent, String key, JsonNode v, PointerTrail at, Deque<Work> work) {
    parent.set(key, NODES.nullNode()); // keeps the key order; the work item fills the slot
    work.push(new Work(v, at, parent, key, -1));
  }

  /** 3.0 boolean exclusive bounds become the 2020-12 numeric form. */
  private static void bound(JsonNode src, ObjectNode dst, String plain, String exclusive, String key) {
    boolean isExclusive = src.path(exclusive).asBoolean(false);
    JsonNode value = src.get(plain);
    if (key.equals(plain)) {
      if (!isExclusive && value != null) {
        dst.set(plain, value);
      } else if (isExclusive && value != null) {
        dst.set(exclusive, value);
      }
    }
    // The boolean itself is dropped: it has no meaning in 2020-12 (and "true" without a bound means nothing).
  }

  /** OpenAPI 3.0 {@code nullable: true}: "or null". */
  private static JsonNode nullable(ObjectNode dst) {
    JsonNode type = dst.get("type");
    if (type != null && type.isString()) {
      dst.set("type", NODES.arrayNode().add(type.asString()).add("null"));
      addNullToEnum(dst);
      return dst;
    }
    if (type != null && type.isArray()) {
      boolean has = false;
      for (JsonNode t : type) {
        has |= t.asString("").equals("null");
      }
      if (!has) {
        dst.set("type", ((ArrayNode) type.deepCopy()).add("null"));
      }
      addNullToEnum(dst);
      return dst;
    }
    if (dst.isEmpty()) {
      return dst; // {} already allows null
    }
    // No type next to $ref/allOf/anyOf/oneOf (or only constraints): the value may also be null.
    ObjectNode wrapper = NODES.objectNode();
    wrapper.putArray("anyOf").add(dst).add(NODES.objectNode().put("type", "null"));
    return wrapper;
  }

  private static void addNullToEnum(ObjectNode dst) {
    JsonNode en = dst.get("enum");
    if (en != null && en.isArray()) {
      for (JsonNode v : en) {
        if (v.isNull()) {
          return;
        }
      }
      dst.set("enum", ((ArrayNode) en.deepCopy()).add(NODES.nullNode()));
    }
  }

  /** Property names this view leaves out: readOnly ones from requests, writeOnly ones from responses. */
  private Set<String> dropped(JsonNode schema, View view) {
    JsonNode props = schema.get("properties");
    if (view == View.NEUTRAL || props == null || !props.isObject()) {
      return Set.of();
    }
    String flag = view == View.REQUEST ? "readOnly" : "writeOnly";
    Set<String> out = new HashSet<>();
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      if (flagged(p.getValue(), flag)) {
        out.add(p.getKey());
      }
    }
    return out;
  }

  /** True when the schema, or the component its bare {@code $ref} chain leads to, says {@code flag: true}. */
  private boolean flagged(JsonNode schema, String flag) {
    Set<String> seen = new HashSet<>();
    JsonNode cur = schema;
    while (cur != null && cur.isObject()) {
      if (cur.path(flag).asBoolean(false)) {
        return true;
      }
      String ref = cur.path("$ref").asString("");
      if (!ref.startsWith(COMPONENTS_PREFIX) || !seen.add(ref)) {
        return false;
      }
      cur = spec.component(ref.substring(COMPONENTS_PREFIX.length()));
    }
    return false;
  }

  private String ref(String ref, PointerTrail at, String refPrefix) {
    if (ref.startsWith(COMPONENTS_PREFIX)) {
      String tail = ref.substring(COMPONENTS_PREFIX.length());
      if (spec.component(tail) == null) {
        throw spec.error(at.toString(), "a $ref to a schema in #/components/schemas", "\"" + ref + "\": no such component",
            "fix the name, or add the schema under components/schemas");
      }
      return refPrefix + tail;
    }
    spec.refuseRef(ref, at.toString());
    throw new IllegalStateException("unreachable");
  }

  private static boolean holdsRef(JsonNode v) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(v);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.isObject() && n.has("$ref")) {
        return true;
      }
      if (n.isContainer()) {
        n.forEach(todo::push);
      }
    }
    return false;
  }
}
