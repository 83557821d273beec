package dev.contractgate.diff.engine;

import dev.contractgate.diff.DiffPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first two passes of {@link Engine}: discover every (old, new) pair reachable from the roots with a work
 * stack and a memo keyed by the two locations, then solve the pairs' flags (wider / narrower / unknown).
 * The solve starts from "no difference" for every pair: a cycle is assumed compatible and the iteration only
 * adds flags, so it ends in the greatest compatible fixpoint.
 */
final class Fixpoint {

  static final int MAX_PAIRS = 200_000;
  /**
   * How many pairs the exploration of cross pairs (see {@link #crossPair}) may add. When it runs out, the
   * remaining cross pairs are UNKNOWN, which only keeps them out of the matching: it costs precision (a
   * moved branch reads as removed + added), never soundness, and it is never reported.
   */
  static final int MAX_CROSS_PAIRS = 50_000;

  private final Planner planner;
  private final Map<Pair.Key, Pair> pairs = new LinkedHashMap<>();
  private final Deque<Pair> todo = new ArrayDeque<>();
  /** Cross pairs and everything first discovered below them; planned after {@link #todo} is empty. */
  private final Deque<Pair> crossTodo = new ArrayDeque<>();
  /** True while planning {@link #crossTodo}: every pair discovered then is a cross pair too. */
  private boolean crossing;
  private int crossPairs;
  /** Equal pairs settled without planning; see {@link Settled}. */
  final Settled settled;

  Fixpoint(Side so, Side sn, DiffPolicy policy) {
    this.planner = new Planner(this, so, sn, policy);
    this.settled = new Settled(so, sn);
  }

  /** Plans every pair reachable from the roots made so far with {@link #pair}. */
  void discover() {
    while (!todo.isEmpty()) {
      planner.plan(todo.pop());
    }
    // Only now the cross pairs: every pair reachable through sub-schemas and likely branch partners exists
    // already, so the cross exploration cannot take the budget from them. First in, first out, so that one
    // cross pair with a huge product below it does not starve all the others.
    crossing = true;
    while (!crossTodo.isEmpty()) {
      planner.plan(crossTodo.poll());
    }
  }

  int pairCount() {
    return pairs.size();
  }

  int crossPairCount() {
    return crossPairs;
  }

  /** The pair of a sub-schema or of likely branch partners (or, while crossing, of a cross pair's part). */
  Pair pair(Node o, Node n) {
    return pair(o, n, crossing);
  }

  /**
   * A pair that exists only as a candidate for the branch matching of a combinator: two branches that are
   * neither at the same place nor of the same text. Comparing them compares two different schemas, and
   * below them possibly every pair of components in the product of the two graphs, so a schema with many
   * combinators would spend the whole pair budget there. Such pairs are planned after all the others, under
   * {@link #MAX_CROSS_PAIRS}. A cross pair only ever counts through the matching, and the matching takes
   * only pairs without UNKNOWN, so a cross pair that ran out of budget is simply not matched.
   */
  Pair crossPair(Node o, Node n) {
    return pair(o, n, true);
  }

  private Pair pair(Node o, Node n, boolean cross) {
    Pair.Key key = new Pair.Key(o.key, n.key);
    Pair p = pairs.get(key);
    if (p == null) {
      p = new Pair(o, n, key);
      pairs.put(key, p);
      if (settled.equal(o, n)) {
        p.settled = true;
        // equal by construction: nothing inside can differ, so nothing inside is planned (value stays 0)
        return p;
      }
      if (pairs.size() > MAX_PAIRS) {
        // A budget instead of an OutOfMemoryError on combinator explosions; never silently safe.
        p.local(Kind.UNDECIDABLE_CHANGE, "", "comparison budget of " + MAX_PAIRS + " schema pairs exhausted",
            Planner.show(o), Planner.show(n), o.loc, n.loc, null);
      } else if (cross && crossPairs >= MAX_CROSS_PAIRS) {
        p.local(Kind.UNDECIDABLE_CHANGE, "", "budget of " + MAX_CROSS_PAIRS + " pairs for branch matching exhausted",
            Planner.show(o), Planner.show(n), o.loc, n.loc, null);
      } else if (cross) {
        crossPairs++;
        crossTodo.add(p);
      } else {
        todo.push(p);
      }
    }
    return p;
  }

  void solve() {
    for (Pair p : pairs.values()) {
      for (Pair.Edge e : p.edges) {
        e.child().dependents.add(p);
      }
      for (Pair.Group g : p.groups) {
        for (Pair[] row : g.cross) {
          for (Pair c : row) {
            if (c != null) {
              c.dependents.add(p);
            }
          }
        }
      }
      for (Pair.Guard g : p.guards) {
        g.pair().dependents.add(p);
      }
    }
    Deque<Pair> work = new ArrayDeque<>();
    List<Pair> all = new ArrayList<>(pairs.values());
    // children were discovered after their parents: visiting in reverse lets most values settle in one pass
    for (int i = all.size() - 1; i >= 0; i--) {
      Pair p = all.get(i);
      p.queued = true;
      work.add(p);
    }
    while (!work.isEmpty()) {
      Pair p = work.poll();
      p.queued = false;
      int v = evaluate(p);
      if (v != p.value) {
        p.value = v;
        for (Pair d : p.dependents) {
          if (!d.queued) {
            d.queued = true;
            work.add(d);
          }
        }
      }
    }
  }

  private static int evaluate(Pair p) {
    int v = p.value | p.localFlags;
    // indexed loops: this runs once or more per pair, and the iterators were a visible share of the solve
    for (int i = 0; i < p.edges.size(); i++) {
      Pair.Edge e = p.edges.get(i);
      v |= e.flip() ? Pair.flip(e.child().value) : e.child().value;
    }
    for (int i = 0; i < p.groups.size(); i++) {
      v |= Matching.evaluate(p.groups.get(i), null);
    }
    for (int i = 0; i < p.guards.size(); i++) {
      if ((p.guards.get(i).pair().value & Pair.SEMANTIC) != 0) {
        v |= Pair.UNKNOWN;
      }
    }
    if (p.unevaluatedGuard && v != 0) {
      v |= Pair.UNKNOWN;
    }
    return v;
  }
}
