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

  static void compare(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    Bound lo = lower(oj);
    Bound ln = lower(nj);
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
    Bound uo = upper(oj);
    Bound un = upper(nj);
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
