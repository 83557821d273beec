package dev.contractgate.diff.engine;

import java.util.Arrays;

/**
 * Pairs the branches of two combinators. Stage one: maximum bipartite matching on pairs with no difference
 * at all, so order and duplicates never matter. Stage two: among what is left, maximum matching on pairs
 * that are comparable (decided, types overlap), so a modified branch is explained by its own findings
 * instead of "removed + added". Whatever stays unmatched was added or removed.
 */
final class Matching {

  private Matching() {}

  /** The group's flags; fills {@code matchOld[i]} with the matched new index or -1 when not null. */
  static int evaluate(Pair.Group g, int[] matchOld) {
    int m = g.olds.size();
    int k = g.news.size();
    int[] mo = new int[m];
    int[] mn = new int[k];
    Arrays.fill(mo, -1);
    Arrays.fill(mn, -1);
    boolean[][] equal = new boolean[m][k];
    boolean[][] related = new boolean[m][k];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        if (g.cross[i][j] == null) {
          continue;
        }
        int v = g.cross[i][j].value;
        equal[i][j] = (v & Pair.SEMANTIC) == 0;
        related[i][j] = (v & Pair.UNKNOWN) == 0
            && (Disjoint.effectiveMask(g.olds.get(i)) & Disjoint.effectiveMask(g.news.get(j))) != 0;
      }
    }
    match(equal, mo, mn);
    match(related, mo, mn);
    int flags = 0;
    for (int i = 0; i < m; i++) {
      if (mo[i] >= 0) {
        flags |= contribution(g, i, mo[i]);
      } else if (oldImplied(g, i)) {
        // the same values, but not the same evaluated names: an unevaluated* next to it must still see it
        flags |= Pair.STRUCT;
      } else {
        flags |= g.kind == Pair.GroupKind.ALL ? Pair.WIDER : Pair.NARROWER;
      }
    }
    for (int j = 0; j < k; j++) {
      if (mn[j] < 0) {
        flags |= newImplied(g, j) ? Pair.STRUCT : g.kind == Pair.GroupKind.ALL ? Pair.NARROWER : Pair.WIDER;
      }
    }
    if (g.undecided(flags)) {
      flags |= Pair.UNKNOWN;
    } else {
      flags |= g.kindChange();
    }
    if (matchOld != null) {
      System.arraycopy(mo, 0, matchOld, 0, m);
    }
    return flags;
  }

  /**
   * Whether an unmatched old member changes nothing: for allOf, the new side already implies it (some new
   * conjunct is included in it, so the new whole is); for a union, it is included in some new branch. An
   * allOf of parts becoming an anyOf of the same parts is decided this way once the normal form has merged
   * the parts (issue 14): {@code required [a, b]} implies {@code anyOf [required [a], required [b]]}.
   */
  static boolean oldImplied(Pair.Group g, int i) {
    if (!unionOrAll(g)) {
      return false;
    }
    // allOf: new_j ⊆ old_i (no WIDER); union: old_i ⊆ new_j (no NARROWER)
    int bad = Pair.UNKNOWN | (g.kind == Pair.GroupKind.ALL ? Pair.WIDER : Pair.NARROWER);
    for (int j = 0; j < g.news.size(); j++) {
      Pair c = g.cross[i][j];
      if (c != null && (c.value & bad) == 0) {
        return true;
      }
    }
    return false;
  }

  /** The mirror of {@link #oldImplied}: an unmatched new member that the old side already implies. */
  static boolean newImplied(Pair.Group g, int j) {
    if (!unionOrAll(g)) {
      return false;
    }
    int bad = Pair.UNKNOWN | (g.kind == Pair.GroupKind.ALL ? Pair.NARROWER : Pair.WIDER);
    for (int i = 0; i < g.olds.size(); i++) {
      Pair c = g.cross[i][j];
      if (c != null && (c.value & bad) == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a matched pair adds to its group. The matching picks one partner per member, not necessarily the
   * one that includes it: for a union, an old branch inside some other new branch loses nothing, and a new
   * branch inside some other old branch adds nothing; for allOf the mirror (a new conjunct that some old one
   * is inside cannot narrow, an old conjunct that some new one is inside cannot widen). The metamorphic
   * property found it: {@code required [b, c]} against the same with {@code anyOf [required [d], required
   * [c]]} matched the d branch and read as a narrowing.
   */
  static int contribution(Pair.Group g, int i, int j) {
    int v = g.cross[i][j].value;
    if ((v & (Pair.WIDER | Pair.NARROWER)) == 0 || (v & Pair.UNKNOWN) != 0 || !unionOrAll(g)) {
      return v;
    }
    boolean all = g.kind == Pair.GroupKind.ALL;
    if ((v & Pair.NARROWER) != 0 && (all ? newImplied(g, j) : oldImplied(g, i))) {
      v = (v & ~Pair.NARROWER) | Pair.STRUCT;
    }
    if ((v & Pair.WIDER) != 0 && (all ? oldImplied(g, i) : newImplied(g, j))) {
      v = (v & ~Pair.WIDER) | Pair.STRUCT;
    }
    return v;
  }

  /** A oneOf of possibly overlapping branches is not a union: a branch inside another one changes it. */
  private static boolean unionOrAll(Pair.Group g) {
    return g.kind != Pair.GroupKind.ONE || !g.oneOld && !g.oneNew;
  }

  /** Kuhn's augmenting paths over {@code edge}, extending the current matching; iterative. */
  private static void match(boolean[][] edge, int[] mo, int[] mn) {
    int m = mo.length;
    int k = mn.length;
    for (int start = 0; start < m; start++) {
      if (mo[start] >= 0) {
        continue;
      }
      int[] cameFrom = new int[k];
      Arrays.fill(cameFrom, -2);
      int[] queue = new int[m + 1];
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      int free = -1;
      int[] viaOld = new int[k];
      while (head < tail && free < 0) {
        int u = queue[head++];
        for (int j = 0; j < k && free < 0; j++) {
          if (!edge[u][j] || cameFrom[j] != -2) {
            continue;
          }
          cameFrom[j] = u;
          viaOld[j] = u;
          if (mn[j] < 0) {
            free = j;
          } else if (tail < queue.length) {
            queue[tail++] = mn[j];
          }
        }
      }
      // augment along the alternating path back to start
      int j = free;
      while (j >= 0) {
        int u = viaOld[j];
        int prev = mo[u];
        mo[u] = j;
        mn[j] = u;
        j = u == start ? -1 : prev;
      }
    }
  }
}
