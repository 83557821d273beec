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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
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
 *       cross pairs of branches the matching may need, under a budget of their own
 *       ({@link Fixpoint#crossPair});
 *   <li>solve a fixpoint of the pairs' flags (wider / narrower / unknown), starting from "no difference" for
 *       every pair: a cycle is assumed compatible and the iteration only adds flags, so it ends in the
 *       greatest compatible fixpoint;
 *   <li>walk breadth-first from the root pair, following sub-schemas and the branch matching, emitting each
 *       pair's findings once at its shortest logical path.
 * </ol>
 *
 * <p>The first two are {@link Fixpoint}, the third is {@link Findings}; this class runs them and turns the
 * findings into {@link Change}s, once per direction the policy does not switch off.
 */
@API(status = INTERNAL, since = "0.1")
public final class Engine {

  private final Side so;
  private final Side sn;
  private final DiffPolicy policy;

  private Engine(Side so, Side sn, DiffPolicy policy) {
    this.so = so;
    this.sn = sn;
    this.policy = policy;
  }

  public static DiffResult compare(SchemaInput oldInput, SchemaInput newInput, Direction direction,
      DiffPolicy policy) {
    return compare(oldInput, newInput, direction, policy, new Stats());
  }

  /** Counters of one comparison, for tests and benchmarks. */
  public static final class Stats {
    /** Every (old, new) pair the comparison discovered, cross pairs included. */
    public int pairs;
    /** The cross pairs among {@link #pairs}: see {@link Fixpoint#crossPair}. */
    public int crossPairs;
    /** The pairs among {@link #pairs} settled as equal without planning their insides. */
    public int settled;
    /** Instances the second opinion generated and validated against both versions. */
    public int secondOpinionInstances;
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
    if (jobs.size() > 1) {
      prepareSideBySide(so, jobs.stream().map(Job::oldRoot).toList(), sn, jobs.stream().map(Job::newRoot).toList());
    }
    Engine e = new Engine(so, sn, policy);
    Fixpoint fixpoint = new Fixpoint(so, sn, policy);
    List<Pair> roots = new ArrayList<>();
    for (Job job : jobs) {
      roots.add(fixpoint.pair(so.at(job.oldRoot()), sn.at(job.newRoot())));
    }
    fixpoint.discover();
    stats.pairs = fixpoint.pairCount();
    stats.crossPairs = fixpoint.crossPairCount();
    stats.settled = fixpoint.settled.settled;
    fixpoint.solve();
    // The endpoints of a large description reach the same changed components again and again; building a
    // message, a fingerprint and a witness per (endpoint, component) exhausted the heap. One walk, each change
    // built once for the first job that reaches it; the other jobs get a Repeat.
    // Only a batch needs to know which other jobs reach a finding; a single comparison records no links.
    Reach<Findings.VisitKey> reach = jobs.size() > 1 ? new Reach<>() : null;
    List<Finding> all = Findings.collect(roots, jobs, reach);
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
    stats.secondOpinionInstances = 0;
    for (int i = 0; i < jobs.size(); i++) {
      results.add(e.result(roots.get(i), jobs.get(i), i, perJob.get(i)));
      stats.secondOpinionInstances += results.get(i).secondOpinionInstances();
    }
    for (int i = 0; reach != null && i < jobs.size(); i++) {
      for (Change c : results.get(i).changes()) {
        Finding f = e.findingOf.get(c);
        BitSet reaching = reach.jobs(Findings.visitKey(f.at, jobs));
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

  /**
   * {@link #prepare} of the old side on a thread of its own while this one prepares the new side: the two
   * sides share nothing, and what each reads there first (its roots' normal form, its documents' facts and
   * reference index) was a third of a large batch on one core. The document sources are only read (maps of
   * parsed documents). The comparison then finds the same whether or not this ran.
   */
  private static void prepareSideBySide(Side so, List<SourceLocation> oldRoots, Side sn,
      List<SourceLocation> newRoots) {
    java.util.concurrent.FutureTask<Void> old = new java.util.concurrent.FutureTask<>(() -> prepare(so, oldRoots),
        null);
    Thread worker = new Thread(old, "contract-gate-diff-old-side");
    worker.setDaemon(true);
    worker.start();
    try {
      prepare(sn, newRoots);
    } finally {
      boolean interrupted = false;
      while (true) {
        try {
          old.get();
          break;
        } catch (InterruptedException ex) {
          interrupted = true;
        } catch (java.util.concurrent.ExecutionException ex) {
          break; // an Error on the old side's thread: the comparison meets it again on this one
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Does ahead what a batch of comparisons asks of one side first, so that the two sides can do it at the
   * same time, each on a thread of its own: the normal form of every root, in the order of the comparisons
   * (the order they read them in), then the facts and the reference index of every document the roots reach.
   * Touches nothing but {@code side}; never throws (what fails here fails again, and is reported, when the
   * comparison asks for it).
   */
  private static void prepare(Side side, List<SourceLocation> roots) {
    for (SourceLocation r : roots) {
      try {
        side.at(r);
      } catch (RuntimeException e) {
        // reported by the comparison
      }
    }
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(side.files.keySet());
    Set<String> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      String f = todo.poll();
      try {
        for (String next : side.facts(f).files()) {
          if (seen.add(next)) {
            todo.add(next);
          }
        }
        side.index(f);
      } catch (RuntimeException e) {
        // reported by the comparison
      }
    }
  }

  private final Map<Change, Finding> findingOf = new java.util.IdentityHashMap<>();
  private final SecondOpinion secondOpinion = new SecondOpinion();

  private DiffResult result(Pair root, Job job, int jobIndex, List<Finding> findings) {
    Direction direction = job.direction();
    Witnesses witnesses = new Witnesses(so, sn, job.oldRoot(), job.newRoot());
    List<Change> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // per direction (REQUEST, RESPONSE): whether the policy already accepted a change that breaks it set-wise
    // (then a counter-witness would only restate what the policy tolerates)
    boolean[] tolerated = new boolean[2];
    for (Finding f : Collapse.sameChange(findings)) {
      for (Direction d : direction == Direction.BOTH ? List.of(Direction.REQUEST, Direction.RESPONSE)
          : List.of(direction)) {
        Severity s = Verdicts.severity(f.kind, d, policy);
        if (!s.needsAttention() && f.kind.relation() != Relation.UNKNOWN && f.kind.relation().breaks(d)
            || s == Severity.OFF) {
          tolerated[d == Direction.REQUEST ? 0 : 1] = true;
        }
        if (s == Severity.OFF) {
          continue;
        }
        String ruleId = d.prefix() + "." + f.kind.id();
        String fp = fingerprint(ruleId, f.path, f.subject, f.oldText, f.newText);
        if (!seen.add(fp)) {
          continue;
        }
        Optional<JsonNode> witness = s.needsAttention() ? witnesses.build(f) : Optional.empty();
        Change c = new Change(ruleId, s, d, f.kind.relation(), f.path, so.source(f.oldLoc), sn.source(f.newLoc),
            Messages.headline(ruleId, pointerFor(f)), Messages.facts(f, d, s, witness), fp, witness);
        findingOf.put(c, f);
        changes.add(c);
      }
    }
    Relation relation = relation(root.value);
    int tried = 0;
    if (policy.secondOpinion() && !root.settled) {
      SecondOpinions.Verdict v = SecondOpinions.apply(this, root, job, jobIndex, witnesses, changes, tolerated,
          relation);
      tried = v.tried();
      relation = v.relation();
    }
    changes.sort(Comparator.comparing(Change::path).thenComparing(Change::ruleId)
        .thenComparing(Change::fingerprint));
    return new DiffResult(changes, relation, tried);
  }

  SecondOpinion secondOpinion() {
    return secondOpinion;
  }

  Side oldSide() {
    return so;
  }

  Side newSide() {
    return sn;
  }

  DiffPolicy policy() {
    return policy;
  }

  void remember(Change c, Finding f) {
    findingOf.put(c, f);
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

  /**
   * The schema pointer shown in the headline: where the removed thing was for removals, otherwise the new
   * side where it exists there.
   */
  String pointerFor(Finding f) {
    boolean removal = f.kind.id().contains("removed");
    SourceLocation ol = so.source(f.oldLoc);
    SourceLocation nl = sn.source(f.newLoc);
    if (removal && exists(so, ol)) {
      return ol.pointer();
    }
    return exists(sn, nl) || !exists(so, ol) ? nl.pointer() : ol.pointer();
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
