package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.kw;
import static dev.contractgate.diff.engine.Planner.longOf;
import static dev.contractgate.diff.engine.Planner.textOf;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.engine.Pair.Hint;
import dev.contractgate.diff.engine.Pair.HintKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code minLength}, {@code maxLength}, {@code pattern} and {@code format}. */
final class StringKeywords {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StringKeywords() {}

  static void compare(Planner c, Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    Long minO = longOf(oj, "minLength");
    Long minN = longOf(nj, "minLength");
    long lo = minO == null ? 0 : minO;
    long ln = minN == null ? 0 : minN;
    if (ln < lo) {
      p.local(Kind.MIN_LENGTH_LOWERED, "", lo + "", kw(oj, "minLength"), kw(nj, "minLength"),
          a.loc.child("minLength"), b.loc.child("minLength"), str(ln));
    } else if (ln > lo) {
      p.local(Kind.MIN_LENGTH_RAISED, "", ln + "", kw(oj, "minLength"), kw(nj, "minLength"),
          a.loc.child("minLength"), b.loc.child("minLength"), str(lo));
    }
    Long maxO = longOf(oj, "maxLength");
    Long maxN = longOf(nj, "maxLength");
    if (maxO != null && (maxN == null || maxN > maxO)) {
      p.local(Kind.MAX_LENGTH_RAISED, "", maxO + "", kw(oj, "maxLength"), kw(nj, "maxLength"),
          a.loc.child("maxLength"), b.loc.child("maxLength"), str(maxO + 1));
    } else if (maxN != null && (maxO == null || maxN < maxO)) {
      p.local(Kind.MAX_LENGTH_LOWERED, "", maxN + "", kw(oj, "maxLength"), kw(nj, "maxLength"),
          a.loc.child("maxLength"), b.loc.child("maxLength"), str(maxN + 1));
    }
    pattern(p, a, b, oj, nj, lo, maxO, ln, maxN);
    String fo = textOf(oj, "format");
    String fn = textOf(nj, "format");
    if (fo == null ? fn == null : fo.equals(fn)) {
      return;
    }
    Kind k;
    if (c.policy.format() == DiffPolicy.FormatMode.ANNOTATION) {
      k = Kind.ANNOTATION_CHANGED;
    } else {
      k = fo == null ? Kind.FORMAT_ADDED : fn == null ? Kind.FORMAT_REMOVED : Kind.FORMAT_CHANGED;
    }
    String subject = k == Kind.ANNOTATION_CHANGED ? "format"
        : k == Kind.FORMAT_CHANGED ? fo + " → " + fn : fo == null ? fn : fo;
    p.local(k, "", subject, kw(oj, "format"), kw(nj, "format"), a.loc.child("format"), b.loc.child("format"),
        fo == null || fn == null ? new Hint(HintKind.VALUE, null, F.stringNode("not-a-" + subject)) : null);
  }

  /**
   * A pattern added, removed or changed, decided by regex inclusion ({@link Regexes}) within each side's
   * lengths; a pattern the translation cannot represent exactly leaves a change UNKNOWN and an added or
   * removed pattern a narrowing or widening without a witness.
   */
  private static void pattern(Pair p, Node a, Node b, JsonNode oj, JsonNode nj, long minO, Long maxO, long minN,
      Long maxN) {
    String po = textOf(oj, "pattern");
    String pn = textOf(nj, "pattern");
    if (po == null && pn == null || po != null && po.equals(pn)) {
      return;
    }
    Regexes.Verdict v = Regexes.compare(po, minO, maxO == null ? -1 : maxO, pn, minN, maxN == null ? -1 : maxN);
    String ko = kw(oj, "pattern");
    String kn = kw(nj, "pattern");
    var lo = a.loc.child("pattern");
    var ln = b.loc.child("pattern");
    if (!v.decided()) {
      if (po == null) {
        p.local(Kind.PATTERN_ADDED, "", pn, ko, kn, lo, ln, null);
      } else if (pn == null) {
        p.local(Kind.PATTERN_REMOVED, "", po, ko, kn, lo, ln, null);
      } else {
        p.local(Kind.PATTERN_CHANGED, "", po + " → " + pn + "; " + v.reason(), ko, kn, lo, ln, null);
      }
      return;
    }
    if (v.gained() != null) {
      Kind k = po == null ? Kind.PATTERN_ADDED : pn == null ? Kind.PATTERN_REMOVED : Kind.PATTERN_WIDENED;
      p.local(k, "", po == null ? pn : pn == null ? po : po + " → " + pn, ko, kn, lo, ln,
          new Hint(HintKind.VALUE, null, F.stringNode(v.gained())));
    }
    if (v.lost() != null) {
      Kind k = po == null ? Kind.PATTERN_ADDED : pn == null ? Kind.PATTERN_REMOVED : Kind.PATTERN_NARROWED;
      p.local(k, "", po == null ? pn : pn == null ? po : po + " → " + pn, ko, kn, lo, ln,
          new Hint(HintKind.VALUE, null, F.stringNode(v.lost())));
    }
  }

  private static Hint str(long length) {
    if (length < 0 || length > 10_000) {
      return null;
    }
    return new Hint(HintKind.VALUE, null, F.stringNode("a".repeat((int) length)));
  }
}
