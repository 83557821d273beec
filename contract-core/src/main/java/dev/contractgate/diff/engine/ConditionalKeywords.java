package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.kw;

import tools.jackson.databind.JsonNode;

/** {@code if}, {@code then} and {@code else}. */
final class ConditionalKeywords {

  private ConditionalKeywords() {}

  static void compare(Planner c, Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    boolean io = oj.has("if") && (oj.has("then") || oj.has("else"));
    boolean in = nj.has("if") && (nj.has("then") || nj.has("else"));
    if (io && in) {
      p.guards.add(new Pair.Guard(c.pair(c.so.child(a, "if"), c.sn.child(b, "if")), "the if condition changed"));
      p.edges.add(new Pair.Edge(c.pair(c.so.child(a, "then"), c.sn.child(b, "then")), "/(then)", false));
      p.edges.add(new Pair.Edge(c.pair(c.so.child(a, "else"), c.sn.child(b, "else")), "/(else)", false));
    } else if (in) {
      p.local(Kind.CONDITIONAL_ADDED, "", Canon.json(nj.get("if")), "no if", kw(nj, "if"), a.loc.child("if"),
          b.loc.child("if"), null);
    } else if (io) {
      p.local(Kind.CONDITIONAL_REMOVED, "", Canon.json(oj.get("if")), kw(oj, "if"), "no if", a.loc.child("if"),
          b.loc.child("if"), null);
    }
  }
}
