package dev.contractgate.drift;

import dev.contractgate.registry.Refs;
import dev.contractgate.registry.SchemaRegex;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The shape of a response schema as drift needs it: which properties an object declares, what its array
 * items and map values are, which enum values a scalar allows.
 *
 * <p>A documented approximation of JSON Schema: {@code $ref} is followed; {@code allOf}, {@code anyOf} and
 * {@code oneOf} branches (and {@code then}/{@code else}) are all merged, as if every branch applied, so a
 * property declared in any branch counts as declared and an enum value allowed by any branch counts as
 * allowed; {@code prefixItems} and {@code contains} are ignored. Resolution is lazy and memoised per schema
 * location, so recursive schemas cost nothing until a body nests that deep. Thread-safe.
 */
final class SchemaShape {

  /** Most property patterns listed per endpoint as "never seen"; deeper recursion is not expanded. */
  public static final int MAX_DECLARED = 2000;
  private static final int MAX_DECLARED_DEPTH = 12;

  /** One schema object without its combinators: its own keywords, children as locations. */
  record Node(
      Map<String, List<SourceLocation>> properties,
      List<SourceLocation> items,
      List<SourceLocation> additional,
      List<SchemaRegex> patternProperties,
      Set<JsonNode> enumValues,
      boolean declaresProperties) {}

  private final Function<String, JsonNode> documents;
  private final dev.contractgate.registry.SchemaIds ids;
  private final Map<SourceLocation, List<Node>> memo = new ConcurrentHashMap<>();

  public SchemaShape(Function<String, JsonNode> documents) {
    this.documents = documents;
    this.ids = new dev.contractgate.registry.SchemaIds(documents);
  }

  /** The flattened nodes of a location: its own keywords plus those of every branch and reference. */
  List<Node> resolve(SourceLocation location) {
    List<Node> cached = memo.get(location);
    if (cached != null) {
      return cached;
    }
    List<Node> out = new ArrayList<>();
    flatten(location, out, new HashSet<>());
    List<Node> result = List.copyOf(out);
    memo.putIfAbsent(location, result);
    return result;
  }

  private void flatten(SourceLocation location, List<Node> out, Set<SourceLocation> seen) {
    if (!seen.add(location) || seen.size() > 64) {
      return;
    }
    JsonNode doc = documents.apply(location.file());
    if (doc == null) {
      return;
    }
    JsonNode schema = location.pointer().isEmpty() ? doc : doc.at(location.pointer());
    if (schema == null || !schema.isObject()) {
      return;
    }
    Map<String, List<SourceLocation>> props = new LinkedHashMap<>();
    boolean declares = false;
    JsonNode p = schema.get("properties");
    if (p != null && p.isObject()) {
      declares = true;
      SourceLocation base = location.child("properties");
      for (String name : p.propertyNames()) {
        props.computeIfAbsent(name, k -> new ArrayList<>()).add(base.child(name));
      }
    }
    List<SourceLocation> items = new ArrayList<>();
    JsonNode it = schema.get("items");
    if (it != null && it.isObject()) {
      items.add(location.child("items"));
    } else if (it != null && it.isArray()) {
      for (int i = 0; i < it.size(); i++) {
        items.add(location.child("items").child(i));
      }
    }
    List<SourceLocation> additional = new ArrayList<>();
    JsonNode ap = schema.get("additionalProperties");
    if (ap != null && ap.isObject()) {
      additional.add(location.child("additionalProperties"));
    }
    List<SchemaRegex> patterns = new ArrayList<>();
    JsonNode pp = schema.get("patternProperties");
    if (pp != null && pp.isObject()) {
      for (String regex : pp.propertyNames()) {
        try {
          patterns.add(SchemaRegex.compile(regex));
        } catch (SchemaRegex.InvalidPattern e) {
          patterns.add(SchemaRegex.compile(".*"));
        }
        additional.add(location.child("patternProperties").child(regex));
      }
    }
    Set<JsonNode> enums = null;
    JsonNode en = schema.get("enum");
    if (en != null && en.isArray()) {
      enums = new HashSet<>();
      for (JsonNode v : en) {
        enums.add(v);
      }
    }
    JsonNode cn = schema.get("const");
    if (cn != null) {
      enums = enums == null ? new HashSet<>() : enums;
      enums.add(cn);
    }
    out.add(new Node(props, items, additional, patterns, enums == null ? null : Set.copyOf(enums), declares));
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isString()) {
      try {
        flatten(ids.resolve(location, ref.stringValue()), out, seen);
      } catch (RuntimeException e) {
        // the registry refused unresolvable references when it loaded; nothing to add here
      }
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode list = schema.get(combinator);
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          flatten(location.child(combinator).child(i), out, seen);
        }
      }
    }
    for (String branch : List.of("then", "else")) {
      if (schema.has(branch)) {
        flatten(location.child(branch), out, seen);
      }
    }
  }

  /**
   * Every property pattern the schema declares ({@code /items/*}{@code /author/name}), expanded until a
   * schema location repeats on the path, {@value #MAX_DECLARED_DEPTH} levels, or {@link #MAX_DECLARED}
   * patterns.
   */
  public Set<String> declared(SourceLocation root) {
    Set<String> out = new TreeSet<>();
    declared(List.of(root), "", out, new ArrayList<>(), 0);
    return out;
  }

  private void declared(List<SourceLocation> locations, String pattern, Set<String> out, List<SourceLocation> path, int depth) {
    if (depth > MAX_DECLARED_DEPTH || out.size() >= MAX_DECLARED) {
      return;
    }
    for (SourceLocation l : locations) {
      if (path.contains(l)) {
        return;
      }
    }
    path.addAll(locations);
    List<Node> nodes = new ArrayList<>();
    for (SourceLocation l : locations) {
      nodes.addAll(resolve(l));
    }
    Map<String, List<SourceLocation>> props = new LinkedHashMap<>();
    List<SourceLocation> items = new ArrayList<>();
    for (Node n : nodes) {
      n.properties().forEach((k, v) -> props.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      items.addAll(n.items());
    }
    for (Map.Entry<String, List<SourceLocation>> e : props.entrySet()) {
      if (out.size() >= MAX_DECLARED) {
        break;
      }
      String child = pattern + "/" + SourceLocation.escape(e.getKey());
      out.add(child);
      declared(e.getValue(), child, out, path, depth + 1);
    }
    if (!items.isEmpty()) {
      declared(items, pattern + "/*", out, path, depth + 1);
    }
    path.subList(path.size() - locations.size(), path.size()).clear();
  }

  /** What a walk of one body reports. */
  public interface Visitor {
    /** A declared property present in the body. */
    void observed(String pattern);

    /** A property present in the body that no applicable {@code properties} declares. */
    void unknown(String pattern);

    /** A value where the schema has an {@code enum} (or {@code const}) that does not list it. */
    void disallowed(String pattern, JsonNode value);
  }

  /** Walks a body alongside the schema at {@code root}; depth is bounded by {@code maxDepth}. */
  public void walk(SourceLocation root, JsonNode body, Visitor visitor, int maxDepth) {
    Level level = roots.get(root);
    if (level == null) {
      level = roots.computeIfAbsent(root, r -> new Level(this, resolve(r), "", true));
    }
    walk(level, body, visitor, 0, maxDepth);
  }

  /** Most {@link Level}s remembered per shape; beyond it a walk works them out again for every body. */
  static final int MAX_LEVELS = 20_000;

  private final Map<SourceLocation, Level> roots = new ConcurrentHashMap<>();
  private final AtomicInteger levels = new AtomicInteger();

  /**
   * One pattern of the walk: the schema nodes that apply there, with what was worked out about its children
   * remembered. Drift walks every body of an endpoint through the same few patterns; working the children
   * out once instead of per property and per body took a quarter of a drift worker's time and about 15 KB
   * of garbage per 3.5 KB body (benchmarks/, issue #7).
   */
  static final class Level {
    final SchemaShape shape;
    final List<Node> nodes;
    final String pattern;
    final boolean declares;
    final List<Set<JsonNode>> enums;
    final boolean remembered;
    /**
     * Child levels of declared property names (bounded by the schema): a map that is replaced, never
     * changed, so that the lookup for every key of every body is a plain hash map's.
     */
    volatile Map<String, Level> properties = Map.of();
    /** Child levels of map keys, by which nodes map the key (a bit per node). */
    final Map<Long, Level> mapped = new ConcurrentHashMap<>();
    volatile Level items;

    Level(SchemaShape shape, List<Node> nodes, String pattern, boolean remembered) {
      this.shape = shape;
      this.nodes = nodes;
      this.pattern = pattern;
      this.remembered = remembered;
      boolean d = false;
      List<Set<JsonNode>> e = new ArrayList<>();
      for (Node n : nodes) {
        d |= n.declaresProperties();
        if (n.enumValues() != null) {
          e.add(n.enumValues());
        }
      }
      this.declares = d;
      this.enums = List.copyOf(e);
    }

    /** The level of a declared property, or null when no node declares it. */
    Level property(String name) {
      Level l = properties.get(name);
      if (l != null) {
        return l;
      }
      List<Node> child = null;
      for (Node n : nodes) {
        List<SourceLocation> locs = n.properties().get(name);
        if (locs != null) {
          child = child == null ? new ArrayList<>() : child;
          for (SourceLocation loc : locs) {
            child.addAll(shape.resolve(loc));
          }
        }
      }
      if (child == null) {
        return null;
      }
      Level made = shape.level(child, pattern + "/" + SourceLocation.escape(name), remembered);
      if (!made.remembered) {
        return made;
      }
      synchronized (this) {
        Level before = properties.get(name);
        if (before != null) {
          return before;
        }
        Map<String, Level> next = new java.util.HashMap<>(properties);
        next.put(name, made);
        properties = next;
        return made;
      }
    }

    /** The level of a key that is data ({@code additionalProperties}, {@code patternProperties}), or null. */
    Level mapped(String name) {
      long mask = 0;
      boolean wide = nodes.size() > 64;
      List<Node> child = wide ? new ArrayList<>() : null;
      boolean any = false;
      for (int i = 0; i < nodes.size(); i++) {
        Node n = nodes.get(i);
        if (n.patternProperties().isEmpty() ? !n.additional().isEmpty() : matchesAny(n.patternProperties(), name)) {
          any = true;
          if (wide) {
            for (SourceLocation l : n.additional()) {
              child.addAll(shape.resolve(l));
            }
          } else {
            mask |= 1L << i;
          }
        }
      }
      if (!any) {
        return null;
      }
      if (wide) {
        return new Level(shape, child, pattern + "/*", false);
      }
      Level l = mapped.get(mask);
      if (l != null) {
        return l;
      }
      child = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          for (SourceLocation loc : nodes.get(i).additional()) {
            child.addAll(shape.resolve(loc));
          }
        }
      }
      return remember(mapped, mask, child, pattern + "/*");
    }

    /** The level of array elements, or null when no node has {@code items}. */
    Level items() {
      Level l = items;
      if (l != null) {
        return l.nodes.isEmpty() ? null : l;
      }
      List<Node> child = new ArrayList<>();
      for (Node n : nodes) {
        for (SourceLocation loc : n.items()) {
          child.addAll(shape.resolve(loc));
        }
      }
      l = shape.level(child, pattern + "/*", remembered);
      if (l.remembered) {
        items = l;
      }
      return l.nodes.isEmpty() ? null : l;
    }

    private <K> Level remember(Map<K, Level> cache, K key, List<Node> child, String childPattern) {
      Level l = shape.level(child, childPattern, remembered);
      if (!l.remembered) {
        return l;
      }
      Level before = cache.putIfAbsent(key, l);
      return before == null ? l : before;
    }
  }

  /** A new level, remembered while the shape holds fewer than {@link #MAX_LEVELS} (and its parent is). */
  private Level level(List<Node> nodes, String pattern, boolean parentRemembered) {
    boolean remember = parentRemembered && levels.incrementAndGet() <= MAX_LEVELS;
    return new Level(this, List.copyOf(nodes), pattern, remember);
  }

  private void walk(Level level, JsonNode value, Visitor visitor, int depth, int maxDepth) {
    if (level.nodes.isEmpty() || depth > maxDepth) {
      return;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        String name = e.getKey();
        Level child = level.property(name);
        if (child != null) {
          visitor.observed(child.pattern);
          walk(child, e.getValue(), visitor, depth + 1, maxDepth);
          continue;
        }
        child = level.mapped(name);
        if (child != null) {
          walk(child, e.getValue(), visitor, depth + 1, maxDepth);
        } else if (level.declares) {
          visitor.unknown(level.pattern + "/" + SourceLocation.escape(name));
        }
      }
    } else if (value.isArray()) {
      Level child = level.items();
      if (child != null) {
        for (JsonNode element : value) {
          walk(child, element, visitor, depth + 1, maxDepth);
        }
      }
    } else if (!level.enums.isEmpty()) {
      boolean allowed = false;
      for (Set<JsonNode> values : level.enums) {
        allowed |= values.contains(value) || containsNumerically(values, value);
      }
      if (!allowed) {
        visitor.disallowed(level.pattern, value);
      }
    }
  }

  private static boolean matchesAny(List<SchemaRegex> patterns, String name) {
    for (SchemaRegex p : patterns) {
      try {
        if (p.find(name)) {
          return true;
        }
      } catch (SchemaRegex.BudgetExceeded e) {
        return true; // undecided within the budget: counted as declared rather than hang (docs/limits.md)
      }
    }
    return false;
  }

  private static boolean containsNumerically(Set<JsonNode> values, JsonNode value) {
    if (!value.isNumber()) {
      return false;
    }
    for (JsonNode v : values) {
      if (v.isNumber() && v.decimalValue().compareTo(value.decimalValue()) == 0) {
        return true;
      }
    }
    return false;
  }
}
