package dev.contractgate.diff.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.Relation;
import dev.contractgate.diff.SchemaInput;
import dev.contractgate.diff.Severity;
import dev.contractgate.registry.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * The differ, in three passes that never recurse along the schema:
 *
 * <ol>
 *   <li>discover every (old, new) pair reachable from the roots, through sub-schemas and through the likely
 *       partners among combinator branches, with a work stack and a memo keyed by the two locations; then the
 *       cross pairs of branches the matching may need, under a budget of their own ({@link #crossPair});
 *   <li>solve a fixpoint of the pairs' flags (wider / narrower / unknown), starting from "no difference" for
 *       every pair: a cycle is assumed compatible and the iteration only adds flags, so it ends in the
 *       greatest compatible fixpoint;
 *   <li>walk breadth-first from the root pair, following sub-schemas and the branch matching, emitting each
 *       pair's findings once at its shortest logical path.
 * </ol>
 */
@API(status = INTERNAL, since = "0.1")
public final class Engine {

  static final int MAX_PAIRS = 200_000;
  /**
   * How many pairs the exploration of cross pairs (see {@link #crossPair}) may add. When it runs out, the
   * remaining cross pairs are UNKNOWN, which only keeps them out of the matching: it costs precision (a
   * moved branch reads as removed + added), never soundness, and it is never reported.
   */
  static final int MAX_CROSS_PAIRS = 50_000;

  private final Side so;
  private final Side sn;
  private final DiffPolicy policy;
  private final Planner planner;
  private final Map<Pair.Key, Pair> pairs = new LinkedHashMap<>();
  private final Deque<Pair> todo = new ArrayDeque<>();
  /** Cross pairs and everything first discovered below them; planned after {@link #todo} is empty. */
  private final Deque<Pair> crossTodo = new ArrayDeque<>();
  /** True while planning {@link #crossTodo}: every pair discovered then is a cross pair too. */
  private boolean crossing;
  private int crossPairs;

  private Engine(Side so, Side sn, DiffPolicy policy) {
    this.so = so;
    this.sn = sn;
    this.policy = policy;
    this.planner = new Planner(this, so, sn, policy);
  }

  public static DiffResult compare(SchemaInput oldInput, SchemaInput newInput, Direction direction,
      DiffPolicy policy) {
    return compare(oldInput, newInput, direction, policy, new Stats());
  }

  /** Counters of one comparison, for tests and benchmarks. */
  public static final class Stats {
    /** Every (old, new) pair the comparison discovered, cross pairs included. */
    public int pairs;
    /** The cross pairs among {@link #pairs}: see {@link Engine#crossPair}. */
    public int crossPairs;
  }

  /** {@link #compare(SchemaInput, SchemaInput, Direction, DiffPolicy)}, filling {@code stats}. */
  public static DiffResult compare(SchemaInput oldInput, SchemaInput newInput, Direction direction,
      DiffPolicy policy, Stats stats) {
    return compareAll(oldInput.documents(), newInput.documents(),
        List.of(new Job(oldInput.root(), newInput.root(), direction)), policy, stats).results().get(0);
  }

  /**
   * A finding an earlier job of the batch already reported: the same rule at the same pair of locations,
   * reached again at {@code path}.
   */
  public record Repeat(Change first, String path) {}

  /** Per job: the changes first found there, and the ones an earlier job reported already. */
  public record Batch(List<DiffResult> results, List<List<Repeat>> repeats) {}

  /** One comparison of a batch: two roots and the direction their values flow. */
  public record Job(SourceLocation oldRoot, SourceLocation newRoot, Direction direction) {}

  /**
   * Several comparisons over the same two document sets, sharing one memo and one fixpoint: the endpoints of
   * a version pair reach the same components again and again, and each pair of schemas is then planned and
   * solved once instead of once per endpoint. Sound because pair values are direction-neutral; the direction
   * is applied only when findings are collected.
   */
  public static Batch compareAll(Function<String, JsonNode> oldDocs, Function<String, JsonNode> newDocs,
      List<Job> jobs, DiffPolicy policy, Stats stats) {
    Side so = new Side("old", oldDocs);
    Side sn = new Side("new", newDocs);
    Engine e = new Engine(so, sn, policy);
    List<Pair> roots = new ArrayList<>();
    for (Job job : jobs) {
      roots.add(e.pair(so.at(job.oldRoot()), sn.at(job.newRoot())));
    }
    while (!e.todo.isEmpty()) {
      e.planner.plan(e.todo.pop());
    }
    // Only now the cross pairs: every pair reachable through sub-schemas and likely branch partners exists
    // already, so the cross exploration cannot take the budget from them. First in, first out, so that one
    // cross pair with a huge product below it does not starve all the others.
    e.crossing = true;
    while (!e.crossTodo.isEmpty()) {
      e.planner.plan(e.crossTodo.poll());
    }
    stats.pairs = e.pairs.size();
    stats.crossPairs = e.crossPairs;
    e.solve();
    // The endpoints of a large description reach the same changed components again and again; building a
    // message, a fingerprint and a witness per (endpoint, component) exhausted the heap. One walk, each change
    // built once for the first job that reaches it; the other jobs get a Repeat.
    // Only a batch needs to know which other jobs reach a finding; a single comparison records no links.
    Reach<VisitKey> reach = jobs.size() > 1 ? new Reach<>() : null;
    List<Finding> all = e.collect(roots, jobs, reach);
    List<List<Finding>> perJob = new ArrayList<>();
    List<List<Repeat>> repeats = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      perJob.add(new ArrayList<>());
      repeats.add(new ArrayList<>());
    }
    for (Finding f : all) {
      perJob.get(f.at.job()).add(f);
    }
    List<DiffResult> results = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      results.add(e.result(roots.get(i), jobs.get(i), perJob.get(i)));
    }
    for (int i = 0; reach != null && i < jobs.size(); i++) {
      for (Change c : results.get(i).changes()) {
        Finding f = e.findingOf.get(c);
        BitSet reaching = reach.jobs(visitKey(f.at, jobs));
        for (int j = reaching.nextSetBit(0); j >= 0; j = reaching.nextSetBit(j + 1)) {
          if (j != i) {
            repeats.get(j).add(new Repeat(c, ""));
          }
        }
      }
    }
    e.findingOf.clear();
    return new Batch(results, repeats);
  }

  private final Map<Change, Finding> findingOf = new java.util.IdentityHashMap<>();

  private DiffResult result(Pair root, Job job, List<Finding> findings) {
    Engine e = this;
    Direction direction = job.direction();
    Witnesses witnesses = new Witnesses(so, sn, job.oldRoot(), job.newRoot());
    List<Change> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Finding f : findings) {
      for (Direction d : direction == Direction.BOTH ? List.of(Direction.REQUEST, Direction.RESPONSE)
          : List.of(direction)) {
        Severity s = Verdicts.severity(f.kind, d, policy);
        if (s == Severity.OFF) {
          continue;
        }
        String ruleId = d.prefix() + "." + f.kind.id();
        String fp = fingerprint(ruleId, f.path, f.subject, f.oldText, f.newText);
        if (!seen.add(fp)) {
          continue;
        }
        Optional<JsonNode> witness = s.needsAttention() ? witnesses.build(f) : Optional.empty();
        Change c = new Change(ruleId, s, d, f.kind.relation(), f.path, f.oldLoc, f.newLoc,
            Messages.render(ruleId, f, d, s, e.pointerFor(f), witness), fp, witness);
        findingOf.put(c, f);
        changes.add(c);
      }
    }
    changes.sort(Comparator.comparing(Change::path).thenComparing(Change::ruleId)
        .thenComparing(Change::fingerprint));
    return new DiffResult(changes, relation(root.value));
  }

  static Relation relation(int flags) {
    int v = flags & Pair.SEMANTIC;
    if ((v & Pair.UNKNOWN) != 0) {
      return Relation.UNKNOWN;
    }
    return switch (v) {
      case 0 -> Relation.EQUAL;
      case Pair.WIDER -> Relation.WIDER;
      case Pair.NARROWER -> Relation.NARROWER;
      default -> Relation.INCOMPARABLE;
    };
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

  private void solve() {
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

  /** A finding placed at its logical path, with the visit chain for the witness builder. */
  static final class Finding {
    final Kind kind;
    final String path;
    final String subject;
    final String oldText;
    final String newText;
    final SourceLocation oldLoc;
    final SourceLocation newLoc;
    final Pair.Hint hint;
    final Visit at;

    Finding(Kind kind, String path, String subject, String oldText, String newText, SourceLocation oldLoc,
        SourceLocation newLoc, Pair.Hint hint, Visit at) {
      this.kind = kind;
      this.path = path;
      this.subject = subject;
      this.oldText = oldText;
      this.newText = newText;
      this.oldLoc = oldLoc;
      this.newLoc = newLoc;
      this.hint = hint;
      this.at = at;
    }
  }

  /** How the walk reached a pair: the parent visit and the logical segment (null for a combinator step). */
  record Visit(Pair pair, String path, Visit parent, String segment, boolean negated, int job) {}

  /**
   * One breadth-first walk from every root at once: each (pair, negation, direction) is visited once, and its
   * findings go to the first job that reaches it. Which other jobs reach it is answered afterwards from the
   * parent links recorded in {@code reach} (null for a single job), so the walk stays linear in the pairs
   * instead of in jobs times pairs.
   */
  private List<Finding> collect(List<Pair> roots, List<Job> jobs, Reach<VisitKey> reach) {
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

  private static VisitKey visitKey(Visit v, List<Job> jobs) {
    return new VisitKey(v.pair(), v.negated(), jobs.get(v.job()).direction());
  }

  private void groupFindings(Pair.Group g, Visit v, Deque<Visit> queue, List<Finding> out) {
    int[] match = new int[g.olds.size()];
    int flags = Matching.evaluate(g, match);
    if (g.kind == Pair.GroupKind.ONE && !g.disjoint && (flags & Pair.SEMANTIC) != 0) {
      // With overlapping branches a branch that grows can shrink the oneOf (values now match twice), so no
      // branch-level finding would be trustworthy: one UNKNOWN for the whole oneOf.
      out.add(new Finding(Kind.UNDECIDABLE_CHANGE, v.path(),
          "oneOf branches that are not shown disjoint changed", describe(g.holderOld), describe(g.holderNew),
          g.holderOld.loc, g.holderNew.loc, null, v));
      return;
    }
    boolean[] newMatched = new boolean[g.news.size()];
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0) {
        newMatched[match[i]] = true;
        queue.add(new Visit(g.cross[i][match[i]], v.path(), v, null, v.negated(), v.job()));
      } else {
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
      if (!newMatched[j]) {
        Node b = g.news.get(j);
        Kind k = switch (g.kind) {
          case ALL -> Kind.ALL_OF_CONJUNCT_ADDED;
          case ANY -> isNull(b) ? Kind.NULLABLE_ADDED : Kind.ANY_OF_BRANCH_ADDED;
          case ONE -> isNull(b) ? Kind.NULLABLE_ADDED : Kind.ONE_OF_BRANCH_ADDED;
        };
        out.add(new Finding(v.negated() ? Kind.byId(k.inverseId()) : k, v.path(), describe(b),
            "(no matching " + word(g) + ")", describe(b), g.holderOld.loc, b.loc,
            isNull(b) && !v.negated() ? new Pair.Hint(Pair.HintKind.VALUE, null,
                tools.jackson.databind.node.JsonNodeFactory.instance.nullNode()) : null, v));
      }
    }
  }

  private static String word(Pair.Group g) {
    return g.kind == Pair.GroupKind.ALL ? "conjunct" : "branch";
  }

  private static boolean isNull(Node b) {
    return b.json.isObject() && b.json.path("type").isString() && "null".equals(b.json.path("type").stringValue())
        && Side.onlyAnnotations(b.json, Set.of("type"));
  }

  private static String describe(Node b) {
    String s = switch (b.mode) {
      case ANY -> "anyOf " + Canon.json(b.json.get("anyOf"));
      case ONE -> "oneOf " + Canon.json(b.json.get("oneOf"));
      default -> Canon.json(b.json);
    };
    return Planner.abbreviate(s);
  }

  /**
   * The schema pointer shown in the headline: where the removed thing was for removals, otherwise the new
   * side where it exists there.
   */
  private String pointerFor(Finding f) {
    boolean removal = f.kind.id().contains("removed");
    if (removal && exists(so, f.oldLoc)) {
      return f.oldLoc.pointer();
    }
    return exists(sn, f.newLoc) || !exists(so, f.oldLoc) ? f.newLoc.pointer() : f.oldLoc.pointer();
  }

  private static boolean exists(Side s, SourceLocation loc) {
    try {
      JsonNode n = Side.navigate(s.document(loc.file()), loc.pointer());
      return n != null && !n.isMissingNode();
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static String fingerprint(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update(p.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
