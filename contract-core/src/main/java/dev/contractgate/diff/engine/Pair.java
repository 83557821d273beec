package dev.contractgate.diff.engine;

import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One (old, new) schema pair: its own findings, the pairs it depends on, and its fixpoint value. */
final class Pair {

  static final int WIDER = 1;
  static final int NARROWER = 2;
  static final int UNKNOWN = 4;
  /**
   * The evaluated property names or tuple length differ, even where the accepted values do not; only the
   * unevaluated* guard reads it.
   */
  static final int STRUCT = 8;
  static final int SEMANTIC = WIDER | NARROWER | UNKNOWN;

  /** How a local finding's witness is built; see {@link Witnesses}. */
  record Hint(HintKind kind, String name, JsonNode value) {}

  enum HintKind {
    /** The value at the finding's place is {@code value}. */
    VALUE,
    /** The minimal instance of the accepting side without property {@code name}. */
    OMIT,
    /** The minimal instance of the accepting side with property {@code name} set to {@code value}. */
    WITH
  }

  /** A finding decided by this pair's own keywords. */
  record Local(
      Kind kind,
      String segment,
      String subject,
      String oldText,
      String newText,
      SourceLocation oldLoc,
      SourceLocation newLoc,
      Hint hint) {}

  /** A sub-schema pair whose value flows into this one ({@code flip} for {@code not}). */
  record Edge(Pair child, String segment, boolean flip) {}

  enum GroupKind {
    ALL,
    ANY,
    ONE
  }

  /** A combinator: branches on both sides matched by maximum bipartite matching on {@link #cross}. */
  static final class Group {
    final GroupKind kind;
    final Node holderOld;
    final Node holderNew;
    final List<Node> olds;
    final List<Node> news;
    final Pair[][] cross;
    /**
     * Only for ONE: whether the old (new) side really is a oneOf whose branches are not provably disjoint.
     * A plain schema, an anyOf, and a oneOf of provably disjoint branches all read as a union ("anyOf"); a
     * side that is a oneOf of possibly overlapping branches rejects the values that match several branches.
     */
    final boolean oneOld;
    final boolean oneNew;

    Group(GroupKind kind, Node holderOld, Node holderNew, List<Node> olds, List<Node> news, Pair[][] cross,
        boolean oneOld, boolean oneNew) {
      this.kind = kind;
      this.holderOld = holderOld;
      this.holderNew = holderNew;
      this.olds = olds;
      this.news = news;
      this.cross = cross;
      this.oneOld = oneOld;
      this.oneNew = oneNew;
    }

    /** Whether the group is one UNKNOWN: overlapping oneOf branches on a side, and something changed. */
    boolean undecided(int flags) {
      if (kind != GroupKind.ONE || !oneOld && !oneNew) {
        return false;
      }
      // a oneOf of overlapping branches against one of the same kind: equal only when every branch is matched
      // by an equal one. Against a union (anyOf, a plain schema, disjoint oneOf), equal branches still differ
      // in what they accept (the values matching two branches), which kindChange() reports; anything else is
      // not decided.
      return (flags & SEMANTIC) != 0;
    }

    /**
     * The effect of the combinator kind alone, when every branch is matched by an equal one: oneOf(B) ⊆
     * anyOf(B), equal only when the branches are disjoint. 0 when the kinds read the same.
     */
    int kindChange() {
      if (kind != GroupKind.ONE || oneOld == oneNew) {
        return 0;
      }
      return oneOld ? WIDER : NARROWER;
    }
  }

  final Node o;
  final Node n;
  final Key key;

  record Key(Node.Id o, Node.Id n) {}
  final List<Local> locals = new ArrayList<>();
  final List<Edge> edges = new ArrayList<>();
  final List<Group> groups = new ArrayList<>();
  /**
   * Sub-pairs whose effect is not monotone (an {@code if}, a {@code contains} bounded by maxContains): any
   * difference there makes this pair UNKNOWN instead of flowing up as wider or narrower.
   */
  final List<Guard> guards = new ArrayList<>();

  record Guard(Pair pair, String why) {}
  boolean unevaluatedGuard;
  /** Equal by construction and never planned; see {@link Settled}. */
  boolean settled;
  int localFlags;
  int value;
  final List<Pair> dependents = new ArrayList<>();
  boolean queued;

  Pair(Node o, Node n, Key key) {
    this.o = o;
    this.n = n;
    this.key = key;
  }

  void local(Kind kind, String segment, String subject, String oldText, String newText, SourceLocation oldLoc,
      SourceLocation newLoc, Hint hint) {
    locals.add(new Local(kind, segment, subject, oldText, newText, oldLoc, newLoc, hint));
    localFlags |= flags(kind);
  }

  static int flags(Kind kind) {
    return switch (kind.relation()) {
      case EQUAL -> 0;
      case WIDER -> WIDER;
      case NARROWER -> NARROWER;
      case INCOMPARABLE -> WIDER | NARROWER;
      case UNKNOWN -> UNKNOWN;
    };
  }

  static int flip(int v) {
    return (v & (UNKNOWN | STRUCT)) | ((v & WIDER) != 0 ? NARROWER : 0) | ((v & NARROWER) != 0 ? WIDER : 0);
  }

  @Override
  public String toString() {
    return o + " ~ " + n;
  }
}
