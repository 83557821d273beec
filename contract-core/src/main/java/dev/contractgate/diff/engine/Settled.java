package dev.contractgate.diff.engine;

import dev.contractgate.registry.Refs;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Pairs that are equal by construction, settled without planning their insides (issue 14, cost). Each
 * rule concludes "no difference" from syntax only where that is valid for every kind of node:
 *
 * <ol>
 *   <li><b>Same place in equal documents.</b> Both nodes sit at the same pointer of documents that are
 *       equal node for node, whose references (followed to other files) only reach documents that are
 *       equal too, and the two nodes are read the same way (mode, or-null, absent). Every keyword, every
 *       {@code $ref} (fragment, anchor or file) and every base URI then resolves to the same schema, so
 *       the accepted sets are equal. This makes a schema compared with itself cost about one walk of it.
 *   <li><b>Equal reference-free sub-schemas.</b> Both JSON values are equal node for node (numbers by
 *       value and representation), contain no {@code $ref}, {@code $dynamicRef} or {@code $recursiveRef}
 *       anywhere, are read the same way and under the same dialect (draft-07 or 2020-12). The meaning of
 *       such a value depends on nothing outside it. Checked iteratively, with a size bound, so deep or huge
 *       sub-schemas simply fall back to planning.
 *   <li><b>Equal sub-schemas whose references lead to equal places.</b> Both JSON values are equal node for
 *       node, read the same way, hold no {@code $dynamicRef}, {@code $recursiveRef}, {@code $id} or anchor,
 *       and every {@code $ref} in them resolves, on each side, to a schema that is equal in the same sense
 *       (the same test again, through every reference it reaches). Equality here is the largest relation
 *       with that property, so reference cycles (a user that refers to an org that refers to users) are
 *       equal when everything on the cycle is; one difference anywhere below makes every schema that
 *       reaches it unequal. This is what lets a large description with a few changes skip its thousands of
 *       unchanged components: rule 1 fails because the document changed, rule 2 because components refer
 *       to each other. The places reached are explored once per comparison, with a bound.
 * </ol>
 */
final class Settled {

  /**
   * Off only to measure what the shortcut saves ({@code -Dcontractgate.diff.settle=false}, see
   * docs/benchmarks.md); the verdicts are the same either way.
   */
  static final boolean ON = !"false".equals(System.getProperty("contractgate.diff.settle"));

  /** Nodes compared for rule 2 before giving up; keeps the check linear overall. */
  static final int MAX_NODES = 4_000;

  private final Side so;
  private final Side sn;
  private final Map<String, Boolean> stableFiles = new HashMap<>();
  int settled;

  Settled(Side so, Side sn) {
    this.so = so;
    this.sn = sn;
  }

  boolean equal(Node o, Node n) {
    if (!ON || o.mode != n.mode || o.orNull != n.orNull || o.absent != n.absent || o.draft7 != n.draft7) {
      return false;
    }
    if (o.absent) {
      return true;
    }
    boolean eq = o.loc.pointer().equals(n.loc.pointer()) && stable(o.loc.file(), n.loc.file())
        || same(o.json, n.json, false, MAX_NODES)
        || refsLeadToEqual(o, n);
    if (eq) {
      settled++;
    }
    return eq;
  }

  /** Places explored for rule 3 per comparison; past it the rule is off for the rest of the comparison. */
  static final int MAX_PLACES = 200_000;
  /** Nodes of one referenced schema compared for rule 3 (each place is compared once per comparison). */
  static final int MAX_PLACE_NODES = 200_000;

  /** Two places, one per side, that references lead to. */
  private record Places(SourceLocation o, SourceLocation n) {}

  /** Rule 3's verdicts so far: every place pair reached from a pair asked about, equal or not. */
  private final Map<Places, Boolean> placesEqual = new HashMap<>();
  private int placesExplored;
  private boolean placesOff;

  /** Rule 3: equal values whose references all lead to equal places (see the class comment). */
  private boolean refsLeadToEqual(Node o, Node n) {
    if (placesOff) {
      return false;
    }
    List<Places> refs = new ArrayList<>();
    if (!sameWithRefs(o.loc, n.loc, o.json, n.json, MAX_NODES, refs)) {
      return false;
    }
    if (refs.isEmpty()) {
      return true;
    }
    // Explore every place pair reachable from here that is not decided yet: its own values, and its edges.
    Map<Places, List<Places>> edges = new HashMap<>();
    Deque<Places> todo = new ArrayDeque<>();
    for (Places r : refs) {
      Boolean known = placesEqual.get(r);
      if (known != null && !known) {
        return false;
      }
      if (known == null && !edges.containsKey(r)) {
        edges.put(r, null);
        todo.add(r);
      }
    }
    List<Places> unequal = new ArrayList<>();
    while (!todo.isEmpty()) {
      Places at = todo.poll();
      if (++placesExplored > MAX_PLACES) {
        placesOff = true; // bounded: a pathological reference graph falls back to planning
        return false;
      }
      List<Places> out = new ArrayList<>();
      if (!localPlaces(at, out)) {
        unequal.add(at);
        edges.put(at, List.of());
        continue;
      }
      edges.put(at, out);
      for (Places next : out) {
        Boolean known = placesEqual.get(next);
        if (known != null) {
          if (!known) {
            unequal.add(at);
          }
        } else if (!edges.containsKey(next)) {
          edges.put(next, null);
          todo.add(next);
        }
      }
    }
    // Unequal is whatever reaches an unequal place: walk the edges backwards from each.
    Map<Places, List<Places>> reverse = new HashMap<>();
    for (Map.Entry<Places, List<Places>> e : edges.entrySet()) {
      for (Places to : e.getValue()) {
        if (edges.containsKey(to)) {
          reverse.computeIfAbsent(to, k -> new ArrayList<>()).add(e.getKey());
        }
      }
    }
    java.util.Set<Places> bad = new java.util.HashSet<>(unequal);
    Deque<Places> back = new ArrayDeque<>(unequal);
    while (!back.isEmpty()) {
      for (Places from : reverse.getOrDefault(back.poll(), List.of())) {
        if (bad.add(from)) {
          back.add(from);
        }
      }
    }
    for (Places p : edges.keySet()) {
      placesEqual.put(p, !bad.contains(p));
    }
    for (Places r : refs) {
      if (!placesEqual.get(r)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the schemas at both places are equal up to their references, which go to {@code out}. Compared as
   * written, not in the normal form: what a schema accepts is a function of its text, its dialect and where its
   * references lead, so equal text is enough, and the normal form of a place that turns out equal is never
   * needed (normalizing every component a large description reaches was most of this rule's cost).
   */
  private boolean localPlaces(Places at, List<Places> out) {
    JsonNode a;
    JsonNode b;
    try {
      a = so.written(at.o());
      b = sn.written(at.n());
      if (a == null || b == null || so.isDraft7(at.o().file()) != sn.isDraft7(at.n().file())) {
        return false; // planning reads them again and says what is wrong
      }
    } catch (RuntimeException e) {
      return false;
    }
    return sameWithRefs(at.o(), at.n(), a, b, MAX_PLACE_NODES, out);
  }

  /**
   * Node-for-node equality that lets {@code $ref} strings through and adds, for each, the places it resolves
   * to on each side. False for anything that changes how references resolve ({@code $id}, anchors,
   * dynamic references), for a reference that does not resolve, and past {@code budget} nodes.
   */
  private boolean sameWithRefs(SourceLocation lo, SourceLocation ln, JsonNode a, JsonNode b, int budget,
      List<Places> out) {
    // Without $id inside the value, every reference in it resolves against the base of the value's own place,
    // so each is resolved from there and no pointer is built per node.
    return same(a, b, budget, (k, xv, yv) -> {
      if (SCOPE_KEYWORDS.contains(k)) {
        return UNEQUAL;
      }
      if (!k.equals("$ref") || !xv.isString()) {
        return DATA;
      }
      if (!yv.isString() || !yv.stringValue().equals(xv.stringValue())) {
        return UNEQUAL;
      }
      try {
        out.add(new Places(so.resolveRef(lo, xv.stringValue()), sn.resolveRef(ln, xv.stringValue())));
      } catch (RuntimeException ex) {
        return UNEQUAL;
      }
      return HANDLED;
    });
  }

  /** Keywords that change where references lead; rule 3 leaves values holding them to planning. */
  private static final java.util.Set<String> SCOPE_KEYWORDS =
      java.util.Set.of("$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$dynamicRef", "$recursiveRef");

  /** Whether the two files hold equal documents and reach only equal documents through their references. */
  private boolean stable(String fo, String fn) {
    String key = fo + "\u0000" + fn;
    Boolean known = stableFiles.get(key);
    if (known != null) {
      return known;
    }
    // assumed while checking: a cycle of files that are pairwise equal is equal
    stableFiles.put(key, true);
    boolean ok;
    try {
      JsonNode a = so.document(fo);
      JsonNode b = sn.document(fn);
      ok = a == b || same(a, b, true, Integer.MAX_VALUE);
      if (ok) {
        for (String ref : externalRefs(a)) {
          if (!fo.equals(fn)) {
            ok = false;
            break;
          }
          String file = Refs.resolve(SourceLocation.of(fo), ref).file();
          if (!stable(file, file)) {
            ok = false;
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      ok = false;
    }
    stableFiles.put(key, ok);
    return ok;
  }

  /** The {@code $ref} values of a document that name another file (not only a fragment). */
  private static java.util.Set<String> externalRefs(JsonNode doc) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(doc);
    while (!work.isEmpty()) {
      JsonNode j = work.pop();
      if (j.isObject()) {
        for (var e : j.properties()) {
          JsonNode v = e.getValue();
          if ((e.getKey().equals("$ref") || e.getKey().equals("$dynamicRef") || e.getKey().equals("$recursiveRef"))
              && v.isString() && !v.stringValue().startsWith("#")) {
            out.add(v.stringValue());
          }
          if (v.isContainer()) {
            work.push(v);
          }
        }
      } else if (j.isArray()) {
        for (JsonNode v : j.values()) {
          if (v.isContainer()) {
            work.push(v);
          }
        }
      }
    }
    return out;
  }

  /** What a walk of {@link #same} does with one member of an object: see {@link #DATA} and the others. */
  private interface Members {
    int judge(String key, JsonNode x, JsonNode y);
  }

  /** Compare the two values as JSON, node for node. */
  private static final int DATA = 0;
  /** The member was judged equal on its own terms (a reference the caller follows). */
  private static final int HANDLED = 1;
  /** The member makes the two unequal for the rule at hand. */
  private static final int UNEQUAL = 2;

  private static final java.util.Set<String> REFERENCES = java.util.Set.of("$ref", "$dynamicRef", "$recursiveRef");

  /**
   * Node-for-node equality, iterative; with {@code refsAllowed} false, a reference anywhere makes it false.
   * False as well once more than {@code budget} nodes were compared.
   */
  static boolean same(JsonNode a, JsonNode b, boolean refsAllowed, int budget) {
    return same(a, b, budget, refsAllowed ? (k, x, y) -> DATA : (k, x, y) -> REFERENCES.contains(k) ? UNEQUAL : DATA);
  }

  /** The one equality walk of the rules: node for node, each object member first judged by {@code members}. */
  private static boolean same(JsonNode a, JsonNode b, int budget, Members members) {
    Deque<JsonNode> wa = new ArrayDeque<>();
    Deque<JsonNode> wb = new ArrayDeque<>();
    wa.push(a);
    wb.push(b);
    int seen = 0;
    while (!wa.isEmpty()) {
      JsonNode x = wa.pop();
      JsonNode y = wb.pop();
      if (++seen > budget || x.getNodeType() != y.getNodeType()) {
        return false;
      }
      if (x.isObject()) {
        if (x.size() != y.size()) {
          return false;
        }
        for (var e : x.properties()) {
          JsonNode yv = y.get(e.getKey());
          if (yv == null) {
            return false;
          }
          int verdict = members.judge(e.getKey(), e.getValue(), yv);
          if (verdict == UNEQUAL) {
            return false;
          }
          if (verdict == DATA) {
            wa.push(e.getValue());
            wb.push(yv);
          }
        }
      } else if (x.isArray()) {
        if (x.size() != y.size()) {
          return false;
        }
        Iterator<JsonNode> ix = x.values().iterator();
        Iterator<JsonNode> iy = y.values().iterator();
        while (ix.hasNext()) {
          wa.push(ix.next());
          wb.push(iy.next());
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }
}
