package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.decOf;
import static dev.contractgate.diff.engine.Planner.kw;

import dev.contractgate.diff.engine.Pair.Hint;
import dev.contractgate.diff.engine.Pair.HintKind;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (draft-04 booleans
 * too) and {@code multipleOf}.
 */
final class NumberKeywords {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private NumberKeywords() {}

  /** A bound: value and whether it is exclusive; null value = unbounded. */
  private record Bound(BigDecimal value, boolean exclusive, String text) {}

  private static Bound lower(JsonNode j) {
    return bound(j, "minimum", "exclusiveMinimum", 1);
  }

  private static Bound upper(JsonNode j) {
    return bound(j, "maximum", "exclusiveMaximum", -1);
  }

  /** {@code sign} 1 for lower bounds (larger is stricter), -1 for upper bounds. */
  private static Bound bound(JsonNode j, String incl, String excl, int sign) {
    JsonNode m = j.get(incl);
    JsonNode e = j.get(excl);
    BigDecimal mv = m != null && m.isNumber() ? m.decimalValue() : null;
    Bound best = mv == null ? null : new Bound(mv, false, incl + " " + Canon.number(mv));
    if (e != null && e.isBoolean()) {
      // draft-04: a boolean exclusive* makes the plain bound exclusive.
      if (e.booleanValue() && best != null) {
        best = new Bound(mv, true, incl + " " + Canon.number(mv) + " (" + excl + " true)");
      }
    } else if (e != null && e.isNumber()) {
      Bound eb = new Bound(e.decimalValue(), true, excl + " " + Canon.number(e.decimalValue()));
      if (best == null || strictness(eb, best, sign) > 0) {
        best = eb;
      }
    }
    return best;
  }

  /** Positive when {@code x} admits fewer numbers than {@code y}. */
  private static int strictness(Bound x, Bound y, int sign) {
    if (x == null && y == null) {
      return 0;
    } else if (x == null) {
      return -1;
    } else if (y == null) {
      return 1;
    }
    int c = x.value.compareTo(y.value) * sign;
    if (c != 0) {
      return c;
    }
    return Boolean.compare(x.exclusive, y.exclusive);
  }

  private static String boundText(Bound b, String none) {
    return b == null ? none : b.text;
  }

  /** True when the only numbers {@code x} admits are integers (its type, or its enum, says so). */
  static boolean integerOnly(Node x) {
    int m = Types.mask(x);
    return m != Types.BAD && ((m & EnumKeywords.valueTypes(x)) & Types.NUM) == Types.INT;
  }

  /**
   * On integers, every bound is an inclusive integer one: {@code exclusiveMinimum: 0} is {@code minimum: 1},
   * {@code maximum: 2.5} is {@code maximum: 2}. The text stays what the author wrote.
   */
  private static Bound integral(Bound b, boolean lower) {
    if (b == null) {
      return null;
    }
    BigDecimal v;
    if (lower) {
      v = b.exclusive ? b.value.setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE)
          : b.value.setScale(0, java.math.RoundingMode.CEILING);
    } else {
      v = b.exclusive ? b.value.setScale(0, java.math.RoundingMode.CEILING).subtract(BigDecimal.ONE)
          : b.value.setScale(0, java.math.RoundingMode.FLOOR);
    }
    return new Bound(v, false, b.text);
  }

  /**
   * An enum whose values all pass the sibling keywords admits no number beyond its smallest and largest one:
   * those are bounds too, and the stricter of them and the written one counts. Only read where the other side
   * writes that bound: against no bound, the enum's own finding already says it.
   */
  private static Bound implied(Node x, Bound written, int sign) {
    if (!EnumKeywords.exact(x)) {
      return written;
    }
    java.util.List<JsonNode> vs = EnumKeywords.valueSet(x);
    if (vs == null) {
      return written;
    }
    BigDecimal edge = null;
    for (JsonNode v : vs) {
      if (v.isNumber()) {
        BigDecimal d = v.decimalValue();
        edge = edge == null || d.compareTo(edge) * sign < 0 ? d : edge;
      }
    }
    if (edge == null) {
      return written;
    }
    Bound b = new Bound(edge, false, (sign > 0 ? "smallest" : "largest") + " enum value " + Canon.number(edge));
    return strictness(b, written, sign) > 0 ? b : written;
  }

  static void compare(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    if ((EnumKeywords.valueSet(a) != null || EnumKeywords.valueSet(b) != null) && EnumKeywords.exact(a)
        && EnumKeywords.exact(b)) {
      // both sides are finite sets of values that already passed these keywords: the enum comparison says it all
      return;
    }
    boolean ia = integerOnly(a);
    boolean ib = integerOnly(b);
    Bound lo = ia ? integral(lower(oj), true) : lower(oj);
    Bound ln = ib ? integral(lower(nj), true) : lower(nj);
    Bound lo0 = lo;
    lo = ln == null ? lo : implied(a, lo, 1);
    ln = lo0 == null ? ln : implied(b, ln, 1);
    int c = strictness(ln, lo, 1);
    if (c != 0) {
      String sub = lo == null || c > 0 ? Canon.number(ln.value) : Canon.number(lo.value);
      // W: a number just below the old bound; N: just below the new bound.
      Bound edge = c < 0 ? lo : ln;
      BigDecimal v = edge.exclusive ? edge.value : edge.value.subtract(BigDecimal.ONE);
      p.local(c < 0 ? Kind.MINIMUM_LOWERED : Kind.MINIMUM_RAISED, "", sub, boundText(lo, "no lower bound"),
          boundText(ln, "no lower bound"), a.loc.child(lo != null && lo.text.startsWith("excl") ? "exclusiveMinimum"
              : "minimum"), b.loc.child(ln != null && ln.text.startsWith("excl") ? "exclusiveMinimum" : "minimum"),
          new Hint(HintKind.VALUE, null, F.numberNode(v)));
    }
    Bound uo = ia ? integral(upper(oj), false) : upper(oj);
    Bound un = ib ? integral(upper(nj), false) : upper(nj);
    Bound uo0 = uo;
    uo = un == null ? uo : implied(a, uo, -1);
    un = uo0 == null ? un : implied(b, un, -1);
    c = strictness(un, uo, -1);
    if (c != 0) {
      String sub = uo == null || c > 0 ? Canon.number(un.value) : Canon.number(uo.value);
      Bound edge = c < 0 ? uo : un;
      BigDecimal v = edge.exclusive ? edge.value : edge.value.add(BigDecimal.ONE);
      p.local(c < 0 ? Kind.MAXIMUM_RAISED : Kind.MAXIMUM_LOWERED, "", sub, boundText(uo, "no upper bound"),
          boundText(un, "no upper bound"), a.loc.child(uo != null && uo.text.startsWith("excl") ? "exclusiveMaximum"
              : "maximum"), b.loc.child(un != null && un.text.startsWith("excl") ? "exclusiveMaximum" : "maximum"),
          new Hint(HintKind.VALUE, null, F.numberNode(v)));
    }
    BigDecimal mo = decOf(oj, "multipleOf");
    BigDecimal mn = decOf(nj, "multipleOf");
    if (mo == null && mn == null || mo != null && mn != null && mo.compareTo(mn) == 0) {
      return;
    }
    Kind k;
    if (mn == null) {
      k = Kind.MULTIPLE_OF_RELAXED;
    } else if (mo == null) {
      k = Kind.MULTIPLE_OF_TIGHTENED;
    } else if (mo.remainder(mn).signum() == 0) {
      k = Kind.MULTIPLE_OF_RELAXED;
    } else if (mn.remainder(mo).signum() == 0) {
      k = Kind.MULTIPLE_OF_TIGHTENED;
    } else {
      k = Kind.MULTIPLE_OF_CHANGED;
    }
    BigDecimal hint = k == Kind.MULTIPLE_OF_TIGHTENED ? (mo == null ? mn.divide(BigDecimal.valueOf(2)) : mo)
        : mn == null ? mo.divide(BigDecimal.valueOf(2)) : mn;
    String sub = (mo == null ? "none" : Canon.number(mo)) + " → " + (mn == null ? "none" : Canon.number(mn));
    p.local(k, "", sub, kw(oj, "multipleOf"), kw(nj, "multipleOf"), a.loc.child("multipleOf"),
        b.loc.child("multipleOf"), new Hint(HintKind.VALUE, null, F.numberNode(hint)));
  }
}
