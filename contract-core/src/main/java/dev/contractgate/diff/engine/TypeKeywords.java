package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.kw;
import static dev.contractgate.diff.engine.Types.NULL;

import dev.contractgate.diff.engine.Pair.Hint;
import dev.contractgate.diff.engine.Pair.HintKind;
import dev.contractgate.registry.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code type} (and {@code nullable}, read into the type mask by {@link Types}). */
final class TypeKeywords {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TypeKeywords() {}

  /** A {@code type} that {@link Types} cannot read: only the text can be compared. */
  static void unreadable(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    if (!Canon.json(oj.path("type")).equals(Canon.json(nj.path("type")))) {
      p.local(Kind.UNKNOWN_KEYWORD, "", "type", kw(oj, "type"), kw(nj, "type"), a.loc.child("type"),
          b.loc.child("type"), null);
    }
  }

  /** {@code mo} and {@code mn}: the type masks, already narrowed to the types of enum/const values. */
  static void compare(Pair p, Node a, Node b, int mo, int mn) {
    if (mo == mn) {
      return; // the common case: no texts and locations built for a finding that does not exist
    }
    SourceLocation lo = a.loc.child("type");
    SourceLocation ln = b.loc.child("type");
    String to = "type " + Types.text(mo);
    String tn = "type " + Types.text(mn);
    if ((mo & NULL) == 0 && (mn & NULL) != 0) {
      p.local(Kind.NULLABLE_ADDED, "", "", to, tn, lo, ln, new Hint(HintKind.VALUE, null, F.nullNode()));
    } else if ((mo & NULL) != 0 && (mn & NULL) == 0) {
      p.local(Kind.NULLABLE_REMOVED, "", "", to, tn, lo, ln, new Hint(HintKind.VALUE, null, F.nullNode()));
    }
    int ro = mo & ~NULL;
    int rn = mn & ~NULL;
    if (ro == rn) {
      return;
    }
    if ((ro & ~rn) == 0) {
      p.local(Kind.TYPE_WIDENED, "", Types.text(rn & ~ro), to, tn, lo, ln,
          new Hint(HintKind.VALUE, null, Types.sample(rn & ~ro)));
    } else if ((rn & ~ro) == 0) {
      p.local(Kind.TYPE_NARROWED, "", Types.text(ro & ~rn), to, tn, lo, ln,
          new Hint(HintKind.VALUE, null, Types.sample(ro & ~rn)));
    } else {
      p.local(Kind.TYPE_CHANGED, "", Types.text(ro) + " → " + Types.text(rn), to, tn, lo, ln,
          new Hint(HintKind.VALUE, null, Types.sample(rn & ~ro)));
    }
  }
}
