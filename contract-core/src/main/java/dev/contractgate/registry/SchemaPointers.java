package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * Which places of a JSON value a response schema can produce, for the pointer patterns consumers read and
 * flags gate ({@code /items/*}{@code /title}, {@code *} matching one array index or key).
 *
 * <p>A place is produced when the schema <em>declares</em> it: a named property, a matching
 * {@code patternProperties} entry, an {@code additionalProperties} schema, array {@code items} or
 * {@code prefixItems}, followed through {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf} and
 * {@code then}/{@code else}. An object that merely tolerates unknown keys does not produce them: otherwise a
 * typo such as {@code /items/*}{@code /sluggg} would pass. A schema that constrains nothing (no type, no
 * structure, or {@code true}) produces everything below it: the contract says nothing there to check against.
 */
@API(status = INTERNAL, since = "0.2")
public final class SchemaPointers {

  /** How far the schema's own pointers are listed for "did you mean". */
  private static final int SUGGEST_DEPTH = 8;
  private static final int SUGGEST_MAX = 5000;
  private static final int MAX_REF_STEPS = 64;
  private static final Set<String> SCALARS = Set.of("string", "number", "integer", "boolean", "null");

  private final Function<String, JsonNode> docs;

  private SchemaPointers(Function<String, JsonNode> docs) {
    this.docs = docs;
  }

  public static SchemaPointers of(Function<String, JsonNode> docs) {
    return new SchemaPointers(docs);
  }

  /** The body schemas of an endpoint's success (2xx) responses: what a consumer reads and a flag lives in. */
  public static List<SourceLocation> successSchemas(Endpoint e) {
    List<SourceLocation> out = new ArrayList<>();
    e.responses().forEach((status, r) -> {
      if (status >= 200 && status < 300) {
        r.schema().ifPresent(out::add);
      }
    });
    return out;
  }

  /** The first success status an endpoint declares (200 when it declares none): how findings name its response. */
  public static int successStatus(Endpoint e) {
    return e.responses().keySet().stream().filter(s -> s >= 200 && s < 300).findFirst().orElse(200);
  }

  /**
   * The schema's subschemas at a place, after {@code $ref} and combinators; what a read lands on.
   *
   * @param schemas where they are
   * @param open whether an unconstrained schema was crossed on the way (anything below it is produced)
   */
  @API(status = INTERNAL, since = "0.2")
  public record At(List<SourceLocation> schemas, boolean open) {
    public boolean produced() {
      return open || !schemas.isEmpty();
    }
  }

  /** True when {@code pattern} names a place some schema of {@code roots} can produce. */
  public boolean produces(List<SourceLocation> roots, String pattern) {
    return at(roots, pattern).produced();
  }

  /** The schemas at {@code pattern} below {@code roots}; open when an unconstrained schema was crossed. */
  public At at(List<SourceLocation> roots, String pattern) {
    List<String> segments = segments(pattern);
    Set<SourceLocation> current = new LinkedHashSet<>();
    for (SourceLocation r : roots) {
      current.addAll(expand(r));
    }
    for (String seg : segments) {
      Set<SourceLocation> next = new LinkedHashSet<>();
      for (SourceLocation s : current) {
        JsonNode n = node(s);
        if (isOpen(n)) {
          return new At(List.of(), true);
        }
        for (SourceLocation c : children(s, n, seg)) {
          next.addAll(expand(c));
        }
      }
      current = next;
      if (current.isEmpty()) {
        return new At(List.of(), false);
      }
    }
    return new At(List.copyOf(current), false);
  }

  /**
   * Whether the value at {@code pattern} can be a boolean: some schema there allows type {@code boolean} (or
   * constrains no type).
   */
  public boolean mayBeBoolean(List<SourceLocation> roots, String pattern) {
    At at = at(roots, pattern);
    if (at.open()) {
      return true;
    }
    for (SourceLocation s : at.schemas()) {
      JsonNode n = node(s);
      JsonNode type = n == null ? null : n.get("type");
      if (n != null && n.isBoolean()) {
        return n.booleanValue();
      }
      if (type == null || (type.isString() && type.asString().equals("boolean"))) {
        return true;
      }
      if (type.isArray()) {
        for (JsonNode t : type) {
          if (t.isString() && t.asString().equals("boolean")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The schema's own pointer patterns, breadth first, a bounded number of them. */
  public Set<String> known(List<SourceLocation> roots) {
    Set<String> out = new TreeSet<>();
    Deque<Map.Entry<String, SourceLocation>> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (SourceLocation r : roots) {
      for (SourceLocation e : expand(r)) {
        queue.add(Map.entry("", e));
      }
    }
    while (!queue.isEmpty() && out.size() < SUGGEST_MAX) {
      Map.Entry<String, SourceLocation> item = queue.poll();
      String prefix = item.getKey();
      if (!seen.add(prefix + " " + item.getValue()) || segments(prefix).size() >= SUGGEST_DEPTH) {
        continue;
      }
      JsonNode n = node(item.getValue());
      if (n == null || !n.isObject()) {
        continue;
      }
      Map<String, List<SourceLocation>> kids = new LinkedHashMap<>();
      JsonNode props = n.get("properties");
      if (props != null && props.isObject()) {
        for (String k : props.propertyNames()) {
          kids.computeIfAbsent(SourceLocation.escape(k), x -> new ArrayList<>())
              .add(item.getValue().child("properties").child(k));
        }
      }
      for (String kw : List.of("additionalProperties", "items")) {
        if (n.has(kw) && n.get(kw).isObject()) {
          kids.computeIfAbsent("*", x -> new ArrayList<>()).add(item.getValue().child(kw));
        }
      }
      JsonNode pp = n.get("patternProperties");
      if (pp != null && pp.isObject()) {
        for (String k : pp.propertyNames()) {
          kids.computeIfAbsent("*", x -> new ArrayList<>()).add(item.getValue().child("patternProperties").child(k));
        }
      }
      JsonNode prefixItems = n.get("prefixItems");
      if (prefixItems != null && prefixItems.isArray()) {
        for (int i = 0; i < prefixItems.size(); i++) {
          kids.computeIfAbsent("*", x -> new ArrayList<>()).add(item.getValue().child("prefixItems").child(i));
        }
      }
      for (Map.Entry<String, List<SourceLocation>> k : kids.entrySet()) {
        String p = prefix + "/" + k.getKey();
        out.add(p);
        for (SourceLocation c : k.getValue()) {
          for (SourceLocation e : expand(c)) {
            queue.add(Map.entry(p, e));
          }
        }
      }
    }
    return out;
  }

  /** The closest of {@code known} to {@code pattern} by edit distance, when it is close enough to be a typo. */
  public static Optional<String> suggest(String pattern, Set<String> known) {
    if (pattern.length() > 300) {
      return Optional.empty(); // no typo is that long, and the distance costs length times length
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = Suggestions.distance(pattern.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && k.length() < best.length())) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(2, pattern.length() / 4) ? Optional.of(best) : Optional.empty();
  }

  /** The reference tokens of a pointer pattern, unescaped; {@code ""} has none. */
  public static List<String> segments(String pattern) {
    if (pattern.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : pattern.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private JsonNode node(SourceLocation at) {
    JsonNode doc = docs.apply(at.file());
    if (doc == null) {
      return null;
    }
    JsonNode n = doc.at(at.pointer());
    return n.isMissingNode() ? null : n;
  }

  /** Nothing to check below: {@code true}, {@code {}}, or an object that declares no type and no structure. */
  private static boolean isOpen(JsonNode n) {
    if (n == null) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (!n.isObject()) {
      return false;
    }
    for (String k : List.of("properties", "patternProperties", "additionalProperties", "items", "prefixItems",
        "enum", "const", "$ref", "allOf", "anyOf", "oneOf", "unevaluatedProperties")) {
      if (n.has(k)) {
        return false;
      }
    }
    JsonNode type = n.get("type");
    if (type == null) {
      return true;
    }
    if (type.isString()) {
      return !SCALARS.contains(type.asString());
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.isString() && !SCALARS.contains(t.asString())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The schema and every schema it is checked against in place ($ref, allOf, anyOf, oneOf, then, else). */
  private List<SourceLocation> expand(SourceLocation start) {
    List<SourceLocation> out = new ArrayList<>();
    Deque<SourceLocation> todo = new ArrayDeque<>(List.of(start));
    Set<SourceLocation> seen = new HashSet<>();
    int steps = 0;
    while (!todo.isEmpty() && steps++ < MAX_REF_STEPS * 8) {
      SourceLocation s = todo.poll();
      if (!seen.add(s)) {
        continue;
      }
      JsonNode n = node(s);
      if (n == null) {
        continue;
      }
      out.add(s);
      if (!n.isObject()) {
        continue;
      }
      JsonNode ref = n.get("$ref");
      if (ref != null && ref.isString()) {
        try {
          todo.add(Refs.resolve(s, ref.asString()));
        } catch (Refs.RefException e) {
          // checked when the tree was loaded; an unresolvable one produces nothing here
        }
      }
      for (String kw : List.of("allOf", "anyOf", "oneOf")) {
        JsonNode list = n.get(kw);
        if (list != null && list.isArray()) {
          for (int i = 0; i < list.size(); i++) {
            todo.add(s.child(kw).child(i));
          }
        }
      }
      for (String kw : List.of("then", "else")) {
        if (n.has(kw)) {
          todo.add(s.child(kw));
        }
      }
    }
    return out;
  }

  private static List<SourceLocation> children(SourceLocation s, JsonNode n, String seg) {
    List<SourceLocation> out = new ArrayList<>();
    if (n == null || !n.isObject()) {
      return out;
    }
    boolean any = seg.equals("*");
    boolean index = !seg.isEmpty() && seg.length() < 10 && seg.chars().allMatch(Character::isDigit);
    JsonNode props = n.get("properties");
    if (props != null && props.isObject()) {
      for (String k : props.propertyNames()) {
        if (any || k.equals(seg)) {
          out.add(s.child("properties").child(k));
        }
      }
    }
    JsonNode pp = n.get("patternProperties");
    if (pp != null && pp.isObject()) {
      for (String k : pp.propertyNames()) {
        if (any || matches(k, seg)) {
          out.add(s.child("patternProperties").child(k));
        }
      }
    }
    JsonNode ap = n.get("additionalProperties");
    if (ap != null && (ap.isObject() || (ap.isBoolean() && ap.booleanValue() && !n.has("properties")))) {
      out.add(s.child("additionalProperties"));
    }
    if (any || index) {
      JsonNode prefixItems = n.get("prefixItems");
      int prefixCount = 0;
      if (prefixItems != null && prefixItems.isArray()) {
        prefixCount = prefixItems.size();
        for (int i = 0; i < prefixItems.size(); i++) {
          if (any || Integer.parseInt(seg) == i) {
            out.add(s.child("prefixItems").child(i));
          }
        }
      }
      JsonNode items = n.get("items");
      if (items != null && (items.isObject() || (items.isBoolean() && items.booleanValue()))
          && (any || Integer.parseInt(seg) >= prefixCount)) {
        out.add(s.child("items"));
      }
    }
    return out;
  }

  /** ECMA-262 as the validator reads it, with the step budget: a hostile pattern cannot hang the load. */
  private static boolean matches(String regex, String key) {
    try {
      return SchemaRegex.compile(regex).find(key);
    } catch (RuntimeException e) {
      // an invalid pattern or one over budget: this key is not a place the schema declares
      return false;
    }
  }
}
