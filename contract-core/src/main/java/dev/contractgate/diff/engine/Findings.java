package dev.contractgate.diff.engine;

import dev.contractgate.diff.Direction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The last pass of {@link Engine}: walk breadth-first from the root pairs, once the {@link Fixpoint} is
 * solved, following sub-schemas and the branch matching, and collect each pair's findings once, at its
 * shortest logical path.
 */
final class Findings {

  private Findings() {}

  /** How the walk reached a pair: the parent visit and the logical segment (null for a combinator step). */
  record Visit(Pair pair, String path, Visit parent, String segment, boolean negated, int job) {}

  /**
   * One breadth-first walk from every root at once: each (pair, negation, direction) is visited once, and its
   * findings go to the first job that reaches it. Which other jobs reach it is answered afterwards from the
   * parent links recorded in {@code reach} (null for a single job), so the walk stays linear in the pairs
   * instead of in jobs times pairs.
   */
  static List<Finding> collect(List<Pair> roots, List<Engine.Job> jobs, Reach<VisitKey> reach) {
    List<Finding> out = new ArrayList<>();
    Deque<Visit> queue = new ArrayDeque<>();
    Set<VisitKey> visited = new HashSet<>();
    for (int i = 0; i < roots.size(); i++) {
      Visit root = new Visit(roots.get(i), "", null, "", false, i);
      queue.add(root);
      if (reach != null) {
        reach.root(visitKey(root, jobs), i);
      }
    }
    while (!queue.isEmpty()) {
      Visit v = queue.poll();
      Pair p = v.pair();
      VisitKey key = visitKey(v, jobs);
      if (reach != null && v.parent() != null) {
        reach.link(key, visitKey(v.parent(), jobs));
      }
      if (!visited.add(key)) {
        continue;
      }
      if (p.unevaluatedGuard && p.value != 0) {
        out.add(new Finding(Kind.UNDECIDABLE_CHANGE, v.path(),
            "unevaluatedProperties/unevaluatedItems next to applicators, and the schemas differ",
            Planner.show(p.o), Planner.show(p.n), p.o.loc, p.n.loc, null, v));
        continue;
      }
      for (Pair.Local l : p.locals) {
        // under an odd number of nots a change reads backwards: a wider negated schema is a narrower whole
        Kind k = v.negated() ? Kind.byId(l.kind().inverseId()) : l.kind();
        out.add(new Finding(k, v.path() + l.segment(), l.subject(), l.oldText(), l.newText(), l.oldLoc(),
            l.newLoc(), v.negated() ? null : l.hint(), v));
      }
      for (Pair.Guard g : p.guards) {
        if ((g.pair().value & Pair.SEMANTIC) != 0) {
          out.add(new Finding(Kind.UNDECIDABLE_CHANGE, v.path(), g.why(), Planner.show(g.pair().o),
              Planner.show(g.pair().n), g.pair().o.loc, g.pair().n.loc, null, v));
        }
      }
      for (Pair.Edge e : p.edges) {
        queue.add(new Visit(e.child(), v.path() + e.segment(), v, e.segment(), v.negated() ^ e.flip(), v.job()));
      }
      for (Pair.Group g : p.groups) {
        groupFindings(g, v, queue, out);
      }
    }
    return out;
  }

  /**
   * What the walk visits once. The pair by identity: the memo holds one pair per key, and hashing the pair's
   * key (two locations with their pointer strings) on every visit and link was a visible share of the walk.
   */
  record VisitKey(Pair pair, boolean negated, Direction direction) {
    @Override
    public boolean equals(Object o) {
      return o instanceof VisitKey k && k.pair == pair && k.negated == negated && k.direction == direction;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(pair) * 31 + (negated ? 1 : 0)) * 31 + direction.ordinal();
    }
  }

  static VisitKey visitKey(Visit v, List<Engine.Job> jobs) {
    return new VisitKey(v.pair(), v.negated(), jobs.get(v.job()).direction());
  }

  private static void groupFindings(Pair.Group g, Visit v, Deque<Visit> queue, List<Finding> out) {
    int[] match = new int[g.olds.size()];
    int flags = Matching.evaluate(g, match);
    if (g.undecided(flags & ~g.kindChange())) {
      // With overlapping branches a branch that grows can shrink the oneOf (values now match twice), so no
      // branch-level finding would be trustworthy: one UNKNOWN for the whole oneOf.
      out.add(new Finding(Kind.UNDECIDABLE_CHANGE, v.path(),
          "oneOf branches that are not shown disjoint changed", describe(g.holderOld), describe(g.holderNew),
          g.holderOld.loc, g.holderNew.loc, null, v));
      return;
    }
    int kindChange = g.kindChange();
    if (kindChange != 0) {
      // every branch matched an equal one, and only the kind differs: oneOf [A, B] → anyOf [A, B] newly
      // accepts the values that match both
      Kind k = kindChange == Pair.WIDER ? Kind.ONE_OF_BECAME_ANY_OF : Kind.ANY_OF_BECAME_ONE_OF;
      out.add(new Finding(v.negated() ? Kind.byId(k.inverseId()) : k, v.path(), "several branches",
          describe(g.holderOld), describe(g.holderNew), g.holderOld.loc, g.holderNew.loc, null, v));
    }
    boolean[] newMatched = new boolean[g.news.size()];
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0) {
        newMatched[match[i]] = true;
        // a difference the other side already implies (see Matching.contribution) is not reported
        Pair m = g.cross[i][match[i]];
        if ((m.value & Pair.SEMANTIC) == 0 || (Matching.contribution(g, i, match[i]) & Pair.SEMANTIC) != 0) {
          queue.add(new Visit(m, v.path(), v, null, v.negated(), v.job()));
        }
      } else if (!Matching.oldImplied(g, i)) {
        Node b = g.olds.get(i);
        Kind k = switch (g.kind) {
          case ALL -> Kind.ALL_OF_CONJUNCT_REMOVED;
          case ANY -> isNull(b) ? Kind.NULLABLE_REMOVED : Kind.ANY_OF_BRANCH_REMOVED;
          case ONE -> isNull(b) ? Kind.NULLABLE_REMOVED : Kind.ONE_OF_BRANCH_REMOVED;
        };
        out.add(new Finding(v.negated() ? Kind.byId(k.inverseId()) : k, v.path(), describe(b), describe(b),
            "(no matching " + word(g) + ")", b.loc, g.holderNew.loc, null, v));
      }
    }
    for (int j = 0; j < newMatched.length; j++) {
      if (!newMatched[j] && !Matching.newImplied(g, j)) {
        Node b = g.news.get(j);
        Kind k = switch (g.kind) {
          case ALL -> Kind.ALL_OF_CONJUNCT_ADDED;
          case ANY -> isNull(b) ? Kind.NULLABLE_ADDED : Kind.ANY_OF_BRANCH_ADDED;
          case ONE -> isNull(b) ? Kind.NULLABLE_ADDED : Kind.ONE_OF_BRANCH_ADDED;
        };
        out.add(new Finding(v.negated() ? Kind.byId(k.inverseId()) : k, v.path(), describe(b),
            "(no matching " + word(g) + ")", describe(b), g.holderOld.loc, b.loc,
            isNull(b) && !v.negated() ? new Pair.Hint(Pair.HintKind.VALUE, null,
                JsonNodeFactory.instance.nullNode()) : null, v));
      }
    }
  }

  private static String word(Pair.Group g) {
    return g.kind == Pair.GroupKind.ALL ? "conjunct" : "branch";
  }

  /** A branch that accepts only null: {@code type: null}, {@code const: null} or {@code enum: [null]}. */
  private static boolean isNull(Node b) {
    JsonNode j = b.json;
    if (!j.isObject()) {
      return false;
    }
    if (j.path("type").isString() && "null".equals(j.path("type").stringValue())) {
      return Side.onlyAnnotations(j, Set.of("type"));
    }
    if (j.has("const") && j.get("const").isNull()) {
      return Side.onlyAnnotations(j, Set.of("const"));
    }
    JsonNode e = j.get("enum");
    return e != null && e.isArray() && e.size() == 1 && e.get(0).isNull() && Side.onlyAnnotations(j, Set.of("enum"));
  }

  private static String describe(Node b) {
    String s = switch (b.mode) {
      case ANY -> "anyOf " + Canon.json(b.json.get("anyOf"));
      case ONE -> "oneOf " + Canon.json(b.json.get("oneOf"));
      default -> Canon.json(b.json);
    };
    return Planner.abbreviate(s);
  }
}
