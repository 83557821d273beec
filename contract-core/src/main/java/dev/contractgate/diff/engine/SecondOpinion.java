package dev.contractgate.diff.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The second opinion (issue 14): before a direction is reported safe, or undecided, for two schemas that
 * differ, look for a counter-witness among generated instances ({@link Instances}) of both versions, each
 * validated against both with the real validator. Seeded by the two roots' locations, so the same inputs try
 * the same instances in the same order. Bounded per comparison and per run (a batch of comparisons over one
 * pair of trees) in instances and in time; the time bounds only ever shorten the search.
 */
final class SecondOpinion {

  /** Instances validated per comparison at most. */
  static final int MAX_PER_COMPARISON = 160;
  /** Time per comparison at most. */
  static final long NANOS_PER_COMPARISON = 400_000_000L;
  /** Instances per run (one {@link Engine#compareAll} batch) at most. */
  static final int MAX_PER_RUN = 400;
  /**
   * Searches per run at most: each loads the validators of its roots. The endpoints of a large description
   * pair each get a search where they differ, and without a bound the searches added 260 % to its diff
   * (issue 14, cost). A count, not a share of time: the same inputs get the same verdicts on every machine
   * (a time share made the instances tried, and so possibly a counter-witness, depend on the machine's load).
   */
  static final int MAX_SEARCHES_PER_RUN = 64;
  /**
   * A safety net for inputs whose instances are pathologically slow to validate; on sane inputs the counts
   * above bind long before it.
   */
  static final long NANOS_PER_RUN = 3_000_000_000L;
  /** Property names collected from both versions to try on every object. */
  static final int MAX_NAMES = 24;

  private int runInstances;
  private int searches;
  /**
   * Per run: both are properties of the two document sets, not of a comparison's roots, and walking every
   * document again for each endpoint of a large description cost seconds (issue 14, cost).
   */
  private Boolean foreign;
  private Set<String> names;

  private boolean foreign(Side so, Side sn) {
    if (foreign == null) {
      foreign = foreignSemantics(so) || foreignSemantics(sn);
    }
    return foreign;
  }
  private long runNanos;

  /**
   * Whether a side uses a keyword the engine reads but the validator does not (OpenAPI {@code nullable}, the
   * draft-04 boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} under a 2020-12 dialect): the
   * validator would then judge other schemas than the engine compared, so there is no second opinion.
   */
  static boolean foreignSemantics(Side s) {
    for (String file : s.files.keySet()) {
      if (s.facts(file).foreign()) {
        return true;
      }
    }
    return false;
  }

  /** What one search found: instances tried, and a value new accepts and old rejects (or the reverse). */
  record Outcome(int tried, JsonNode newOnly, JsonNode oldOnly) {}

  Outcome search(Side so, Side sn, Pair root, Witnesses w, boolean formats, boolean wantNewOnly,
      boolean wantOldOnly) {
    if (!wantNewOnly && !wantOldOnly || runInstances >= MAX_PER_RUN || searches >= MAX_SEARCHES_PER_RUN
        || runNanos >= NANOS_PER_RUN) {
      return new Outcome(0, null, null);
    }
    long start = System.nanoTime();
    long t0 = start;
    int tried = 0;
    JsonNode newOnly = null;
    JsonNode oldOnly = null;
    try {
      if (w.tooDeep() || foreign(so, sn)) {
        return new Outcome(0, null, null);
      }
      if (names == null) {
        names = new TreeSet<>();
        Instances.collectNames(so, names, MAX_NAMES);
        Instances.collectNames(sn, names, MAX_NAMES);
      }
      // the same seed for both sides, so that old → new and new → old try the same instances
      long seed = 0x9E3779B97F4A7C15L * ((long) root.o.loc.hashCode() + root.n.loc.hashCode());
      int limit = Math.min(MAX_PER_COMPARISON, MAX_PER_RUN - runInstances);
      // the accepting side's instances first, then the other side's: near misses of one are often exactly
      // what the other accepts
      List<JsonNode> candidates = new ArrayList<>();
      List<JsonNode> fromNew = new Instances(sn, w, seed, names, limit).of(root.n);
      List<JsonNode> fromOld = new Instances(so, w, seed, names, limit).of(root.o);
      List<JsonNode> first = wantNewOnly ? fromNew : fromOld;
      List<JsonNode> second = wantNewOnly ? fromOld : fromNew;
      for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
        if (i < first.size()) {
          candidates.add(first.get(i));
        }
        if (i < second.size()) {
          candidates.add(second.get(i));
        }
      }
      // load both validators before the clock starts: the first load in a JVM (meta-schemas) is slow, and
      // the time bound must not make the number of instances depend on what ran before
      w.validates(true, candidates.isEmpty() ? root.n.json : candidates.get(0), formats);
      w.validates(false, candidates.isEmpty() ? root.n.json : candidates.get(0), formats);
      t0 = System.nanoTime();
      for (JsonNode c : candidates) {
        if (tried >= limit || System.nanoTime() - t0 > NANOS_PER_COMPARISON
            || runNanos + (System.nanoTime() - start) > NANOS_PER_RUN) {
          break;
        }
        tried++;
        boolean inNew = w.validates(true, c, formats);
        boolean inOld = w.validates(false, c, formats);
        if (inNew && !inOld && wantNewOnly && newOnly == null) {
          newOnly = c;
        }
        if (inOld && !inNew && wantOldOnly && oldOnly == null) {
          oldOnly = c;
        }
        if ((newOnly != null || !wantNewOnly) && (oldOnly != null || !wantOldOnly)) {
          break;
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // a schema the generator or the validator cannot handle gets no second opinion; the verdict stands
    } finally {
      runInstances += tried;
      runNanos += System.nanoTime() - start;
      searches++;
    }
    return new Outcome(tried, newOnly, oldOnly);
  }
}
