package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.kw;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code allOf}, {@code anyOf}, {@code oneOf} and {@code not}. The branches of the first three are not compared
 * here: each side's branches become a {@link Pair.Group}, matched by {@link Matching} once the fixpoint is
 * known, and {@link Findings} reports the branches left unmatched.
 */
final class CombinatorKeywords {

  private CombinatorKeywords() {}

  /** One conjunct on each side: a plain schema, or an anyOf/oneOf whose branches must be matched. */
  static void single(Planner c, Pair p, Node x, Node y) {
    boolean xu = x.mode == Node.Mode.ANY || x.mode == Node.Mode.ONE;
    boolean yu = y.mode == Node.Mode.ANY || y.mode == Node.Mode.ONE;
    if (!xu && !yu) {
      c.plain(p, x, y);
      return;
    }
    boolean one = x.mode == Node.Mode.ONE || y.mode == Node.Mode.ONE;
    List<Node> bx = xu ? c.so.branches(x) : List.of(x);
    List<Node> by = yu ? c.sn.branches(y) : List.of(y);
    group(c, p, one ? Pair.GroupKind.ONE : Pair.GroupKind.ANY, x, y, bx, by);
  }

  static void group(Planner c, Pair p, Pair.GroupKind kind, Node ho, Node hn, List<Node> olds, List<Node> news) {
    // Pairs are only built between likely partners (same place or same text). Everything else is a "cross"
    // pair: it exists only so the matching can pair a moved and modified branch, and it compares two
    // different schemas, whose sub-schemas (often other components, through $refs) are then compared with
    // each other, and so on: the product of two unrelated parts of the schema graph. So cross pairs are
    // built only where they can help, and through Fixpoint#crossPair, which explores them after everything
    // else and under a budget of their own:
    //   - a branch without any likely partner is tried against every branch of the other side;
    //   - in small groups, branches that have no same-text partner are tried against each other. A branch
    //     with a same-text partner keeps that partner only: the same text is the natural match, and trying
    //     it against every modified sibling is what made a 3000-component schema with allOf chains
    //     ([$ref previous, own properties]) exceed the pair budget, comparing each component with every
    //     other one reachable from it.
    // A missing cross pair can only leave branches unmatched (reported as added + removed), never hide a
    // difference: any one-to-one matching is sound.
    int m = olds.size();
    int k = news.size();
    Pair[][] cross = new Pair[m][k];
    String[] to = new String[m];
    String[] tn = new String[k];
    for (int i = 0; i < m; i++) {
      to[i] = c.so.text(olds.get(i));
    }
    for (int j = 0; j < k; j++) {
      tn[j] = c.sn.text(news.get(j));
    }
    boolean[] oldHas = new boolean[m];
    boolean[] newHas = new boolean[k];
    boolean[] oldSame = new boolean[m];
    boolean[] newSame = new boolean[k];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        boolean sameText = to[i].equals(tn[j]);
        if (sameText || olds.get(i).loc.pointer().equals(news.get(j).loc.pointer())) {
          cross[i][j] = c.pair(olds.get(i), news.get(j));
          oldHas[i] = true;
          newHas[j] = true;
          oldSame[i] |= sameText;
          newSame[j] |= sameText;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        if (cross[i][j] == null
            && (!oldHas[i] || !newHas[j] || m * k <= 64 && !oldSame[i] && !newSame[j])) {
          cross[i][j] = c.crossPair(olds.get(i), news.get(j));
        }
      }
    }
    // Each side is read by its own kind: never conclude "no difference" from equal branches alone, because
    // oneOf [A, B] and anyOf [A, B] differ on the values matching both (issue 14).
    boolean oneOld = kind == Pair.GroupKind.ONE && ho.mode == Node.Mode.ONE && !Disjoint.all(c.so, olds);
    boolean oneNew = kind == Pair.GroupKind.ONE && hn.mode == Node.Mode.ONE && !Disjoint.all(c.sn, news);
    p.groups.add(new Pair.Group(kind, ho, hn, olds, news, cross, oneOld, oneNew));
  }

  static void not(Planner c, Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    boolean no = oj.has("not");
    boolean nn = nj.has("not");
    if (no && nn) {
      p.edges.add(new Pair.Edge(c.pair(c.so.child(a, "not"), c.sn.child(b, "not")), "/(not)", true));
    } else if (nn) {
      p.local(Kind.NOT_ADDED, "", Canon.json(nj.get("not")), kw(oj, "not"), kw(nj, "not"), a.loc.child("not"),
          b.loc.child("not"), null);
    } else if (no) {
      p.local(Kind.NOT_REMOVED, "", Canon.json(oj.get("not")), kw(oj, "not"), kw(nj, "not"), a.loc.child("not"),
          b.loc.child("not"), null);
    }
  }
}
