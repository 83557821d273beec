package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Types.ARR;
import static dev.contractgate.diff.engine.Types.NUM;
import static dev.contractgate.diff.engine.Types.OBJ;
import static dev.contractgate.diff.engine.Types.STR;

import dev.contractgate.diff.DiffPolicy;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Decides what one (old, new) pair contributes on its own and which sub-pairs it depends on. It never
 * descends itself: sub-pairs are handed to {@link Fixpoint#pair}, which queues them, so the depth of the
 * schema never becomes depth of the Java stack.
 *
 * <p>Each keyword family is compared by a class of its own, named after it ({@code ObjectKeywords} ...); this
 * one splits a schema into conjuncts and branches, sends each plain schema to the families, and holds what
 * several families share.
 */
final class Planner {

  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  final Side so;
  final Side sn;
  final DiffPolicy policy;
  private final Fixpoint fixpoint;

  Planner(Fixpoint fixpoint, Side so, Side sn, DiffPolicy policy) {
    this.fixpoint = fixpoint;
    this.so = so;
    this.sn = sn;
    this.policy = policy;
  }

  void plan(Pair p) {
    Node a = so.resolve(p.o);
    Node b = sn.resolve(p.n);
    if (guarded(a) || guarded(b)) {
      p.unevaluatedGuard = true;
    }
    List<Node> ca = so.conjunctsCached(a);
    List<Node> cb = sn.conjunctsCached(b);
    if (ca.size() == 1 && cb.size() == 1) {
      CombinatorKeywords.single(this, p, ca.get(0), cb.get(0));
    } else {
      CombinatorKeywords.group(this, p, Pair.GroupKind.ALL, a, b, ca, cb);
    }
  }

  /** One plain schema on each side: every keyword family that applies to the types both admit. */
  void plain(Pair p, Node a, Node b) {
    if (a.isFalse() || b.isFalse()) {
      if (!a.isFalse()) {
        p.local(Kind.SCHEMA_BECAME_FALSE, "", "", show(a), "false", a.loc, b.loc, null);
      } else if (!b.isFalse()) {
        p.local(Kind.SCHEMA_NO_LONGER_FALSE, "", "", "false", show(b), a.loc, b.loc, null);
      }
      return;
    }
    JsonNode oj = a.json.isObject() ? a.json : EMPTY;
    JsonNode nj = b.json.isObject() ? b.json : EMPTY;
    int mo = Types.mask(a);
    int mn = Types.mask(b);
    if (mo == Types.BAD || mn == Types.BAD) {
      TypeKeywords.unreadable(p, a, b, oj, nj);
      // an unreadable type makes any type comparison guesswork: compare everything else as if untyped
      mo = Types.ALL;
      mn = Types.ALL;
    }
    // An enum/const admits only the types of its values: {"type":"string","enum":["a"]} equals {"const":"a"}.
    mo &= EnumKeywords.valueTypes(a);
    mn &= EnumKeywords.valueTypes(b);
    if (Types.mask(a) != Types.BAD && Types.mask(b) != Types.BAD) {
      TypeKeywords.compare(p, a, b, mo, mn);
    }
    EnumKeywords.compare(p, a, b, oj, nj);
    int common = mo & mn;
    if ((common & STR) != 0) {
      StringKeywords.compare(this, p, a, b, oj, nj);
    }
    if ((common & NUM) != 0) {
      NumberKeywords.compare(p, a, b, oj, nj);
    }
    if ((common & ARR) != 0) {
      ArrayKeywords.compare(this, p, a, b, oj, nj);
    }
    if ((common & OBJ) != 0) {
      ObjectKeywords.compare(this, p, a, b, oj, nj);
    }
    CombinatorKeywords.not(this, p, a, b, oj, nj);
    ConditionalKeywords.compare(this, p, a, b, oj, nj);
    AnnotationKeywords.compare(p, a, b, oj, nj);
  }

  /** The pair of a sub-schema or of likely branch partners: see {@link Fixpoint#pair}. */
  Pair pair(Node o, Node n) {
    return fixpoint.pair(o, n);
  }

  /** A candidate pair for the branch matching only: see {@link Fixpoint#crossPair}. */
  Pair crossPair(Node o, Node n) {
    return fixpoint.crossPair(o, n);
  }

  /**
   * unevaluated* depends on what sibling applicators evaluated, so splitting such a schema into conjuncts
   * would misread it; the pair is compared anyway and any difference becomes UNKNOWN.
   */
  static boolean guarded(Node x) {
    if (!x.json.isObject()) {
      return false;
    }
    JsonNode j = x.json;
    boolean props = j.has("unevaluatedProperties") && !isTrueJson(j.get("unevaluatedProperties"));
    boolean items = j.has("unevaluatedItems") && !isTrueJson(j.get("unevaluatedItems"));
    if (!props && !items) {
      return false;
    }
    boolean applicators = j.has("$ref") || j.has("allOf") || j.has("anyOf") || j.has("oneOf") || j.has("if")
        || j.has("$dynamicRef");
    return applicators || props && (j.has("dependentSchemas") || j.has("dependencies"))
        || items && j.has("contains");
  }

  private static boolean isTrueJson(JsonNode j) {
    return j.isBoolean() ? j.booleanValue() : j.isObject() && j.isEmpty();
  }

  /** Min/max count keywords: absent min is {@code minDefault}, absent max is unbounded. */
  static void limits(Pair p, Node a, Node b, JsonNode oj, JsonNode nj, String minKw, String maxKw,
      Kind minLowered, Kind minRaised, Kind maxRaised, Kind maxLowered, long minDefault) {
    Long minO = longOf(oj, minKw);
    Long minN = longOf(nj, minKw);
    long lo = minO == null ? minDefault : minO;
    long ln = minN == null ? minDefault : minN;
    if (ln != lo) {
      p.local(ln < lo ? minLowered : minRaised, "", Math.max(lo, ln) + "", kw(oj, minKw), kw(nj, minKw),
          a.loc.child(minKw), b.loc.child(minKw), null);
    }
    Long maxO = longOf(oj, maxKw);
    Long maxN = longOf(nj, maxKw);
    if (maxO != null && (maxN == null || maxN > maxO)) {
      p.local(maxRaised, "", maxO + "", kw(oj, maxKw), kw(nj, maxKw), a.loc.child(maxKw), b.loc.child(maxKw),
          null);
    } else if (maxN != null && (maxO == null || maxN < maxO)) {
      p.local(maxLowered, "", maxN + "", kw(oj, maxKw), kw(nj, maxKw), a.loc.child(maxKw), b.loc.child(maxKw),
          null);
    }
  }

  // --- reading and showing keyword values --------------------------------------------------------------------

  static String kw(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v == null ? kw + " absent" : kw + " " + abbreviate(Canon.keyword(kw, v));
  }

  static String show(Node n) {
    if (n.absent) {
      return "absent (any value)";
    }
    return abbreviate(Canon.json(n.json)) + (n.orNull ? " or null" : "");
  }

  static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }

  static Long longOf(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v != null && v.isNumber() ? v.decimalValue().longValue() : null;
  }

  static BigDecimal decOf(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v != null && v.isNumber() && v.decimalValue().signum() > 0 ? v.decimalValue() : null;
  }

  static String textOf(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v != null && v.isString() ? v.stringValue() : null;
  }
}
