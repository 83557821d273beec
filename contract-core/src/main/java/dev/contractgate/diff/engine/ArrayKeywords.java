package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.guarded;
import static dev.contractgate.diff.engine.Planner.kw;
import static dev.contractgate.diff.engine.Planner.limits;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code items}, {@code prefixItems}, {@code additionalItems}, {@code unevaluatedItems} (where it means the
 * same as items), {@code contains} with {@code minContains}/{@code maxContains}, {@code minItems},
 * {@code maxItems} and {@code uniqueItems}.
 */
final class ArrayKeywords {

  private ArrayKeywords() {}

  private static List<Node> prefix(Side s, Node x) {
    List<Node> out = new ArrayList<>();
    JsonNode items = x.json.get("items");
    String kw = items != null && items.isArray() ? "items" : x.json.has("prefixItems") ? "prefixItems" : null;
    if (kw != null && x.json.get(kw).isArray()) {
      for (int i = 0; i < x.json.get(kw).size(); i++) {
        out.add(s.child(x, kw, i));
      }
    }
    return out;
  }

  private static Node rest(Side s, Node x) {
    JsonNode items = x.json.get("items");
    if (items != null && items.isArray()) {
      return s.child(x, "additionalItems");
    }
    if (items != null) {
      return s.child(x, "items");
    }
    if (x.mode == Node.Mode.PLAIN && x.json.has("unevaluatedItems") && !guarded(x)) {
      return s.child(x, "unevaluatedItems");
    }
    return Node.absentAt(x.loc.child("items"), x.draft7);
  }

  static void compare(Planner c, Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    List<Node> po = prefix(c.so, a);
    List<Node> pn = prefix(c.sn, b);
    Node ro = rest(c.so, a);
    Node rn = rest(c.sn, b);
    if (po.size() != pn.size()) {
      p.localFlags |= Pair.STRUCT;
    }
    for (int i = 0; i < Math.max(po.size(), pn.size()); i++) {
      Node x = i < po.size() ? po.get(i) : ro;
      Node y = i < pn.size() ? pn.get(i) : rn;
      p.edges.add(new Pair.Edge(c.pair(x, y), "/" + i, false));
    }
    if (!(ro.absent && rn.absent)) {
      p.edges.add(new Pair.Edge(c.pair(ro, rn), "/*", false));
    }
    limits(p, a, b, oj, nj, "minItems", "maxItems", Kind.MIN_ITEMS_LOWERED, Kind.MIN_ITEMS_RAISED,
        Kind.MAX_ITEMS_RAISED, Kind.MAX_ITEMS_LOWERED, 0);
    boolean uo = oj.path("uniqueItems").booleanValue(false);
    boolean un = nj.path("uniqueItems").booleanValue(false);
    if (uo != un) {
      p.local(uo ? Kind.UNIQUE_ITEMS_REMOVED : Kind.UNIQUE_ITEMS_ADDED, "", "", kw(oj, "uniqueItems"),
          kw(nj, "uniqueItems"), a.loc.child("uniqueItems"), b.loc.child("uniqueItems"), null);
    }
    boolean co = oj.has("contains");
    boolean cn = nj.has("contains");
    if (co && cn) {
      Pair contains = c.pair(c.so.child(a, "contains"), c.sn.child(b, "contains"));
      if (oj.has("maxContains") || nj.has("maxContains")) {
        // with an upper bound, more matching items can also reject an array: not monotone in contains
        p.guards.add(new Pair.Guard(contains, "contains changed next to maxContains"));
      } else {
        p.edges.add(new Pair.Edge(contains, "/(contains)", false));
      }
      limits(p, a, b, oj, nj, "minContains", "maxContains", Kind.MIN_CONTAINS_LOWERED, Kind.MIN_CONTAINS_RAISED,
          Kind.MAX_CONTAINS_RAISED, Kind.MAX_CONTAINS_LOWERED, 1);
    } else if (co && !vacuous(oj)) {
      // even contains: {} demands one item; only minContains: 0 without maxContains makes it vacuous (with a
      // maxContains it still rejects arrays with too many matches: soundness long run, seed 3452162896616397629)
      p.local(Kind.CONTAINS_REMOVED, "", Canon.json(oj.get("contains")), kw(oj, "contains"), kw(nj, "contains"),
          a.loc.child("contains"), b.loc.child("contains"), null);
    } else if (cn && !vacuous(nj)) {
      p.local(Kind.CONTAINS_ADDED, "", Canon.json(nj.get("contains")), kw(oj, "contains"), kw(nj, "contains"),
          a.loc.child("contains"), b.loc.child("contains"), null);
    }
  }

  private static boolean vacuous(JsonNode j) {
    return j.path("minContains").isNumber() && j.get("minContains").asInt() == 0 && !j.has("maxContains");
  }
}
