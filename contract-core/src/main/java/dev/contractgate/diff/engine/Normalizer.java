package dev.contractgate.diff.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The semantic normal form: a copy of a schema rewritten, bottom-up, so that spellings that accept exactly
 * the same values read the same to the planners. Every rewrite is an equivalence (never a widening or a
 * narrowing), and each is documented in {@code docs/diff-engine.md} ("Normal form"):
 *
 * <ul>
 *   <li>{@code type: number} with an integral {@code multipleOf} k is {@code type: integer} with {@code multipleOf}
 *       k, and {@code multipleOf: 1} next to an integer-only type goes;
 *   <li>{@code enum} values that a sibling keyword rejects ({@link Values}) are dropped;
 *   <li>{@code propertyNames: {enum: N}} where N is exactly the declared property names is
 *       {@code additionalProperties: false};
 *   <li>{@code allOf} parts that are plain object schemas (inline, or a same-file {@code $ref}) are merged into
 *       one object: properties, required, {@code type: object}, closed-ness;
 *   <li>OpenAPI {@code nullable: true} without {@code type} goes when every conjunct already admits null;
 *   <li>an {@code anyOf} branch that another branch provably contains becomes {@code false}, which
 *       {@link Side#branches} leaves out.
 * </ul>
 *
 * Where a rewrite moves a sub-schema (the merge), {@code moves} records the normalized pointer and where the
 * author wrote it, so findings still point at the author's text. Iterative: schemas nest thousands deep.
 */
final class Normalizer {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> SINGLE = Set.of("additionalProperties", "unevaluatedProperties", "items",
      "additionalItems", "contains", "propertyNames", "not", "if", "then", "else", "unevaluatedItems");
  private static final Set<String> LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");
  private static final Set<String> MAPS = Set.of("properties", "patternProperties", "dependentSchemas",
      "dependencies");
  /** Keywords an allOf part may hold to be merged. */
  private static final Set<String> MERGEABLE = Set.of("type", "properties", "required", "additionalProperties");

  private final JsonNode document;
  private final Map<String, String> moves;
  private final boolean draft7;
  private final boolean inline;
  private final boolean sensitive;

  private Normalizer(JsonNode document, Map<String, String> moves, boolean draft7, boolean inline,
      boolean sensitive) {
    this.sensitive = sensitive;
    this.document = document;
    this.moves = moves;
    this.draft7 = draft7;
    this.inline = inline;
  }

  /**
   * The normal form of {@code raw}, the schema at {@code pointer} of {@code document}. The input is not
   * changed.
   */
  static JsonNode normalize(JsonNode document, String pointer, JsonNode raw, boolean draft7,
      boolean sensitive, Map<String, String> moves) {
    return new Normalizer(document, moves, draft7, true, sensitive).run(NormalValues.copy(raw), pointer);
  }

  /**
   * True when {@code unevaluatedProperties}/{@code unevaluatedItems} occur anywhere in the document. Which
   * properties and items count as evaluated depends on the applicators' own subschemas, so merging
   * {@code allOf} parts or dropping a subsumed {@code anyOf} branch could change what such a keyword rejects:
   * in such a document those two rewrites are not made.
   */
  static boolean evaluationSensitive(JsonNode document) {
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(document);
    while (!work.isEmpty()) {
      JsonNode n = work.pop();
      if (n.isObject()) {
        if (n.has("unevaluatedProperties") || n.has("unevaluatedItems")) {
          return true;
        }
        n.values().forEach(work::push);
      } else if (n.isArray()) {
        n.values().forEach(work::push);
      }
    }
    return false;
  }

  /**
   * A node whose subschemas apply to the same instance: their evaluation is seen by an
   * {@code unevaluated*} next to them. Every other subschema keyword applies to a child value (or a name).
   */
  private static final Set<String> IN_PLACE = Set.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else",
      "dependentSchemas", "dependencies");

  /**
   * {@code sensitive}: an {@code unevaluated*} may see this node's evaluation. The root of a walk is, when the
   * side has one anywhere (it may be referred to from one); a node with one is, and so are its in-place
   * subschemas; a subschema for a child value starts afresh.
   */
  private record Frame(JsonNode node, String pointer, boolean done, boolean sensitive) {}

  private JsonNode run(JsonNode root, String pointer) {
    Deque<Frame> work = new ArrayDeque<>();
    work.push(new Frame(root, pointer, false, sensitive));
    while (!work.isEmpty()) {
      Frame f = work.pop();
      if (!(f.node instanceof ObjectNode o)) {
        continue;
      }
      boolean here = f.sensitive || o.has("unevaluatedProperties") || o.has("unevaluatedItems");
      if (f.done) {
        rewrite(o, f.pointer, here);
        continue;
      }
      work.push(new Frame(o, f.pointer, true, f.sensitive));
      for (String k : o.propertyNames()) {
        JsonNode v = o.get(k);
        String p = f.pointer + "/" + dev.contractgate.registry.SourceLocation.escape(k);
        boolean child = here && IN_PLACE.contains(k);
        if (SINGLE.contains(k) && v.isObject()) {
          work.push(new Frame(v, p, false, child));
        }
        if (LISTS.contains(k) && v.isArray()) {
          for (int i = 0; i < v.size(); i++) {
            work.push(new Frame(v.get(i), p + "/" + i, false, child));
          }
        }
        if (MAPS.contains(k) && v.isObject()) {
          for (String name : v.propertyNames()) {
            work.push(new Frame(v.get(name), p + "/" + dev.contractgate.registry.SourceLocation.escape(name),
                false, child));
          }
        }
      }
    }
    return root;
  }

  private void rewrite(ObjectNode o, String pointer, boolean sensitive) {
    if (!sensitive) {
      mergeAllOf(o, pointer);
    }
    closedByNames(o, pointer);
    NormalValues.integer(o);
    NormalValues.filterEnum(o);
    nullableWrapper(o);
    if (!sensitive) {
      NormalValues.subsumedBranches(o, draft7, this::target);
    }
  }

  // --- integer ------------------------------------------------------------------------------------------------

  // --- enum filtered by its siblings ------------------------------------------------------------------------

  // --- propertyNames {enum: declared} = closed ----------------------------------------------------------------

  private void closedByNames(ObjectNode o, String pointer) {
    JsonNode pn = o.get("propertyNames");
    if (pn == null || !pn.isObject() || o.has("patternProperties") || o.has("$ref")) {
      return;
    }
    Set<String> names = new java.util.TreeSet<>();
    for (String k : pn.propertyNames()) {
      if (!"enum".equals(k) && !Side.ANNOTATIONS.contains(k)) {
        return;
      }
    }
    JsonNode e = pn.get("enum");
    if (e == null || !e.isArray()) {
      return;
    }
    for (JsonNode v : e.values()) {
      if (!v.isString()) {
        return;
      }
      names.add(v.stringValue());
    }
    JsonNode props = o.get("properties");
    if (props != null && !props.isObject()) {
      return;
    }
    JsonNode ap = o.get("additionalProperties");
    if (ap != null && !ap.isObject() && !ap.isBoolean()) {
      return;
    }
    // names listed but not declared take the additional schema; names declared but not listed cannot occur;
    // and then no other name can occur
    ObjectNode ps = props == null ? F.objectNode() : (ObjectNode) props;
    for (String n : names) {
      if (!ps.has(n)) {
        ps.set(n, ap == null ? F.objectNode() : ap);
        moves.put(pointer + "/properties/" + dev.contractgate.registry.SourceLocation.escape(n),
            pointer + "/propertyNames");
      }
    }
    for (String n : new ArrayList<>(ps.propertyNames())) {
      if (!names.contains(n)) {
        ps.set(n, BooleanNode.FALSE);
      }
    }
    if (props == null) {
      o.set("properties", ps);
    }
    o.set("additionalProperties", BooleanNode.FALSE);
    if (ap == null || !ap.isBoolean() || ap.booleanValue()) {
      moves.put(pointer + "/additionalProperties", pointer + "/propertyNames");
    }
    o.remove("propertyNames");
  }

  // --- allOf parts of one object merged -----------------------------------------------------------------------

  private record Part(ObjectNode json, String pointer) {}

  private void mergeAllOf(ObjectNode o, String pointer) {
    JsonNode all = o.get("allOf");
    // in 2020-12 a $ref next to other keywords is one more allOf part
    boolean ref = o.has("$ref") && !draft7 && !Side.onlyAnnotations(o, Set.of("$ref"));
    if ((all == null || !all.isArray() || all.isEmpty()) && !ref || all != null && !all.isArray()
        || o.has("anyOf") || o.has("oneOf") || o.has("not") || o.has("if") || o.has("unevaluatedProperties")
        || o.has("$ref") && !ref || o.has("$dynamicRef")) {
      return;
    }
    if (all == null) {
      all = F.arrayNode();
    }
    List<Part> parts = new ArrayList<>();
    // the node's own keywords are a part too
    for (String k : o.propertyNames()) {
      if ("allOf".equals(k) || "$ref".equals(k) || Side.ANNOTATIONS.contains(k) || Side.CONTAINERS.contains(k)
          || k.startsWith("x-")) {
        continue;
      }
      if (!MERGEABLE.contains(k)) {
        return;
      }
    }
    int candidates = ref ? 1 : 0;
    for (String k : MERGEABLE) {
      if (o.has(k)) {
        candidates++;
        break;
      }
    }
    for (JsonNode m : all.values()) {
      if (m.isObject() && (m.has("$ref") || m.has("properties") || m.has("required") || m.has("type")
          || m.has("additionalProperties"))) {
        candidates++;
      }
    }
    if (candidates < 2) {
      return;
    }
    parts.add(new Part(o, pointer));
    if (ref) {
      ObjectNode r = F.objectNode();
      r.set("$ref", o.get("$ref"));
      Part target = inlineTarget(r);
      if (target == null) {
        return;
      }
      parts.add(target);
    }
    for (int i = 0; i < all.size(); i++) {
      JsonNode m = all.get(i);
      String mp = pointer + "/allOf/" + i;
      if (m.isObject() && m.has("$ref")) {
        Part target = inlineTarget((ObjectNode) m);
        if (target == null) {
          return;
        }
        parts.add(target);
        continue;
      }
      if (!m.isObject()) {
        return;
      }
      parts.add(new Part((ObjectNode) m, mp));
    }
    // one part with content and nothing to merge it with: conjuncts already read it, and inlining a $ref
    // would copy a shared component into every place that uses it
    int withContent = 0;
    for (Part p : parts) {
      for (String k : p.json.propertyNames()) {
        if (MERGEABLE.contains(k)) {
          withContent++;
          break;
        }
      }
    }
    if (withContent < 2) {
      return;
    }
    Map<String, JsonNode> props = new LinkedHashMap<>();
    Map<String, String> propFrom = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    String requiredFrom = null;
    boolean typed = false;
    List<Part> closed = new ArrayList<>();
    for (Part p : parts) {
      for (String k : p.json.propertyNames()) {
        if (p.json != o && !MERGEABLE.contains(k) && !Side.ANNOTATIONS.contains(k) && !Side.CONTAINERS.contains(k)
            && !k.startsWith("x-") || p.json == o && ("allOf".equals(k) || "$ref".equals(k))) {
          if (p.json == o) {
            continue;
          }
          return;
        }
      }
      JsonNode t = p.json.get("type");
      if (t != null) {
        if (!t.isString() || !"object".equals(t.stringValue())) {
          return;
        }
        typed = true;
      }
      JsonNode ap = p.json.get("additionalProperties");
      if (ap != null) {
        if (!ap.isBoolean()) {
          return;
        }
        if (!ap.booleanValue()) {
          closed.add(p);
        }
      }
      JsonNode ps = p.json.get("properties");
      if (ps != null) {
        if (!ps.isObject()) {
          return;
        }
        for (String name : ps.propertyNames()) {
          if (props.containsKey(name)) {
            // two parts constrain the same property: both apply, which one schema cannot say without allOf
            return;
          }
          props.put(name, ps.get(name));
          propFrom.put(name, p.pointer + "/properties/" + dev.contractgate.registry.SourceLocation.escape(name));
        }
      }
      JsonNode r = p.json.get("required");
      if (r != null) {
        if (!r.isArray()) {
          return;
        }
        for (JsonNode n : r.values()) {
          if (!n.isString()) {
            return;
          }
          required.add(n.stringValue());
        }
        if (requiredFrom == null) {
          requiredFrom = p.pointer + "/required";
        }
      }
    }
    // a closed part forbids every name it does not declare: merged, it is closed only if it declares them all
    for (Part c : closed) {
      JsonNode ps = c.json.get("properties");
      Set<String> own = ps == null ? Set.of() : new java.util.HashSet<>(ps.propertyNames());
      if (!own.containsAll(props.keySet())) {
        return;
      }
    }
    o.remove("allOf");
    o.remove("$ref");
    o.remove("properties");
    o.remove("required");
    o.remove("additionalProperties");
    o.remove("type");
    if (typed) {
      o.put("type", "object");
    }
    if (!props.isEmpty()) {
      ObjectNode ps = F.objectNode();
      props.forEach(ps::set);
      o.set("properties", ps);
      for (var e : propFrom.entrySet()) {
        String at = pointer + "/properties/" + dev.contractgate.registry.SourceLocation.escape(e.getKey());
        if (!at.equals(e.getValue())) {
          moves.put(at, e.getValue());
        }
      }
    }
    if (!required.isEmpty()) {
      ArrayNode r = F.arrayNode();
      required.forEach(r::add);
      o.set("required", r);
      if (!(pointer + "/required").equals(requiredFrom)) {
        moves.put(pointer + "/required", requiredFrom);
      }
    }
    if (!closed.isEmpty()) {
      o.put("additionalProperties", false);
      if (closed.get(0).json != o) {
        moves.put(pointer + "/additionalProperties", closed.get(0).pointer + "/additionalProperties");
      }
    }
  }

  /** The normalized target of an allOf member {@code {"$ref": "#/..."}} in the same document, or null. */
  private Part inlineTarget(ObjectNode m) {
    if (!inline || m.size() != 1 || !m.get("$ref").isString()) {
      return null;
    }
    String ref = m.get("$ref").stringValue();
    if (!ref.startsWith("#/") || ref.indexOf('%') >= 0) {
      return null;
    }
    String target = ref.substring(1);
    JsonNode t = Side.navigate(document, target);
    if (t == null || !t.isObject() || t.has("$ref") || t.has("allOf") || t.has("anyOf") || t.has("oneOf")
        || t.has("$id") || t.has("$anchor") || t.has("$dynamicAnchor")) {
      return null;
    }
    for (String k : t.propertyNames()) {
      if (!MERGEABLE.contains(k) && !Side.ANNOTATIONS.contains(k) && !k.startsWith("x-")) {
        return null;
      }
    }
    // normalized on its own, without inlining further: a component can refer to itself
    JsonNode n = new Normalizer(document, moves, draft7, false, sensitive).run(NormalValues.copy(t), target);
    return new Part((ObjectNode) n, target);
  }

  // --- nullable next to applicators ----------------------------------------------------------------------------

  /**
   * OpenAPI {@code nullable: true} without {@code type}: where the schema's conjuncts already admit null by
   * their type (the wrapper {@code allOf: [{$ref: X}], nullable: true} around a nullable X), it adds nothing.
   */
  private void nullableWrapper(ObjectNode o) {
    JsonNode n = o.get("nullable");
    if (n == null || o.has("type")) {
      return;
    }
    if (n.isBoolean() && !n.booleanValue()) {
      o.remove("nullable");
      return;
    }
    JsonNode all = o.get("allOf");
    if (all == null || !all.isArray() || all.isEmpty() || o.has("anyOf") || o.has("oneOf")) {
      return;
    }
    for (JsonNode m : all.values()) {
      JsonNode t = target(m);
      if (t == null || !NormalValues.admitsNullByType(t)) {
        return;
      }
    }
    o.remove("nullable");
  }

  private JsonNode target(JsonNode m) {
    JsonNode cur = m;
    // a $ref with sibling assertions (2020-12) is not followed: the siblings would be lost
    for (int hops = 0; hops < 16 && cur != null && cur.isObject() && cur.has("$ref")
        && (draft7 || Side.onlyAnnotations(cur, Set.of("$ref"))); hops++) {
      JsonNode ref = cur.get("$ref");
      if (!ref.isString() || !ref.stringValue().startsWith("#/") || ref.stringValue().indexOf('%') >= 0) {
        return null;
      }
      cur = Side.navigate(document, ref.stringValue().substring(1));
    }
    return cur;
  }

  // --- iterative deep copy -------------------------------------------------------------------------------------

}
