package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.show;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code dependentRequired}, {@code dependentSchemas} and draft-7 {@code dependencies}, which is either of
 * them per property.
 */
final class DependencyKeywords {

  private DependencyKeywords() {}

  static void compare(Planner c, Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    Map<String, TreeSet<String>> dro = dependentRequired(oj, a.draft7);
    Map<String, TreeSet<String>> drn = dependentRequired(nj, b.draft7);
    TreeSet<String> keys = new TreeSet<>(dro.keySet());
    keys.addAll(drn.keySet());
    for (String k : keys) {
      TreeSet<String> lo = dro.getOrDefault(k, new TreeSet<>());
      TreeSet<String> ln = drn.getOrDefault(k, new TreeSet<>());
      for (String r : ln) {
        if (!lo.contains(r)) {
          p.local(Kind.DEPENDENT_REQUIRED_ADDED, "", Canon.quote(k) + " but not " + Canon.quote(r),
              "dependentRequired " + Canon.quote(k) + ": " + lo, "dependentRequired " + Canon.quote(k) + ": " + ln,
              a.loc, b.loc, null);
        }
      }
      for (String r : lo) {
        if (!ln.contains(r)) {
          p.local(Kind.DEPENDENT_REQUIRED_REMOVED, "", Canon.quote(k) + " but not " + Canon.quote(r),
              "dependentRequired " + Canon.quote(k) + ": " + lo, "dependentRequired " + Canon.quote(k) + ": " + ln,
              a.loc, b.loc, null);
        }
      }
    }
    Map<String, Node> dso = dependentSchemas(c.so, a);
    Map<String, Node> dsn = dependentSchemas(c.sn, b);
    TreeSet<String> sk = new TreeSet<>(dso.keySet());
    sk.addAll(dsn.keySet());
    for (String k : sk) {
      Node x = dso.get(k);
      Node y = dsn.get(k);
      String seg = "/(dependentSchemas " + k + ")";
      if (x != null && y != null) {
        p.edges.add(new Pair.Edge(c.pair(x, y), seg, false));
      } else if (y != null && !c.sn.isTrivial(y)) {
        p.local(Kind.DEPENDENT_SCHEMA_ADDED, "", Canon.quote(k), "no dependent schema for " + Canon.quote(k),
            "dependent schema " + show(y), a.loc, y.loc, null);
      } else if (x != null && !c.so.isTrivial(x)) {
        p.local(Kind.DEPENDENT_SCHEMA_REMOVED, "", Canon.quote(k), "dependent schema " + show(x),
            "no dependent schema for " + Canon.quote(k), x.loc, b.loc, null);
      }
    }
  }

  private static Map<String, TreeSet<String>> dependentRequired(JsonNode j, boolean draft7) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (String kw : List.of("dependentRequired", "dependencies")) {
      JsonNode d = kw.equals("dependencies") && !draft7 ? null : j.get(kw);
      if (d == null || !d.isObject()) {
        continue;
      }
      for (var e : d.properties()) {
        if (e.getValue().isArray()) {
          TreeSet<String> s = out.computeIfAbsent(e.getKey(), k -> new TreeSet<>());
          e.getValue().values().forEach(v -> s.add(v.asString()));
        }
      }
    }
    return out;
  }

  private static Map<String, Node> dependentSchemas(Side s, Node x) {
    Map<String, Node> out = new TreeMap<>();
    for (String kw : List.of("dependentSchemas", "dependencies")) {
      JsonNode d = kw.equals("dependencies") && !x.draft7 ? null : x.json.get(kw);
      if (d == null || !d.isObject()) {
        continue;
      }
      for (var e : d.properties()) {
        if (e.getValue().isObject() || e.getValue().isBoolean()) {
          out.put(e.getKey(), s.child(x, kw, e.getKey()));
        }
      }
    }
    return out;
  }
}
