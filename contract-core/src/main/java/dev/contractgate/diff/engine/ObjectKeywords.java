package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.guarded;
import static dev.contractgate.diff.engine.Planner.kw;
import static dev.contractgate.diff.engine.Planner.limits;
import static dev.contractgate.diff.engine.Planner.show;

import dev.contractgate.diff.engine.Pair.Hint;
import dev.contractgate.diff.engine.Pair.HintKind;
import dev.contractgate.registry.SchemaRegex;
import dev.contractgate.registry.SourceLocation;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code unevaluatedProperties} (where it
 * means the same as additionalProperties), {@code patternProperties}, {@code propertyNames},
 * {@code minProperties} and {@code maxProperties}; the dependency keywords follow in
 * {@link DependencyKeywords}.
 */
final class ObjectKeywords {

  private ObjectKeywords() {}

  private static TreeSet<String> names(JsonNode j, String kw) {
    TreeSet<String> out = new TreeSet<>();
    JsonNode c = j.get(kw);
    if (c != null && c.isObject()) {
      out.addAll(c.propertyNames());
    }
    return out;
  }

  private static TreeSet<String> required(JsonNode j) {
    TreeSet<String> out = new TreeSet<>();
    JsonNode r = j.get("required");
    if (r != null && r.isArray()) {
      for (JsonNode e : r.values()) {
        if (e.isString()) {
          out.add(e.stringValue());
        }
      }
    }
    return out;
  }

  /** additionalProperties, or unevaluatedProperties where it means the same, or absent (true). */
  private static Node additional(Side s, Node x) {
    if (x.json.has("additionalProperties")) {
      return s.child(x, "additionalProperties");
    }
    if (x.mode == Node.Mode.PLAIN && x.json.has("unevaluatedProperties") && !guarded(x)) {
      return s.child(x, "unevaluatedProperties");
    }
    return Node.absentAt(x.loc.child("additionalProperties"), x.draft7);
  }

  /**
   * The schema an undeclared property {@code name} gets, or null when a pattern is not a valid regex or its
   * match runs over budget: both pattern and name come from the contract, so the match is bounded like
   * validation's ({@link SchemaRegex}).
   */
  private static Node coverage(Side s, Node x, String name) {
    for (String pat : names(x.json, "patternProperties")) {
      try {
        if (SchemaRegex.compile(pat).find(name)) {
          return s.child(x, "patternProperties", pat);
        }
      } catch (SchemaRegex.InvalidPattern | SchemaRegex.BudgetExceeded e) {
        return null;
      }
    }
    return additional(s, x);
  }

  static void compare(Planner c, Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    TreeSet<String> all = names(oj, "properties");
    all.addAll(names(nj, "properties"));
    TreeSet<String> ro = required(oj);
    TreeSet<String> rn = required(nj);
    for (String name : all) {
      boolean inO = oj.path("properties").has(name);
      boolean inN = nj.path("properties").has(name);
      String seg = "/" + SourceLocation.escape(name);
      Node po = inO ? c.so.child(a, "properties", name) : null;
      Node pn = inN ? c.sn.child(b, "properties", name) : null;
      if (inO && inN) {
        p.edges.add(new Pair.Edge(c.pair(po, pn), seg, false));
        continue;
      }
      // no effect on the accepted values here, but unevaluatedProperties elsewhere can see the difference
      p.localFlags |= Pair.STRUCT;
      Node cov = inO ? coverage(c.sn, b, name) : coverage(c.so, a, name);
      if (cov == null) {
        p.local(Kind.UNDECIDABLE_CHANGE, seg, "patternProperties regex for \"" + name + "\"",
            kw(oj, "patternProperties"), kw(nj, "patternProperties"), a.loc, b.loc, null);
        continue;
      }
      Side cs = inO ? c.sn : c.so;
      String q = Canon.quote(name);
      if (inO) {
        if (cs.isTrivial(cov)) {
          if (!c.so.isTrivial(po)) {
            p.local(Kind.PROPERTY_REMOVED, seg, q, "property " + q + Messages.kindOf(po) + ": " + show(po),
                "no property " + q + " (any value allowed)", po.loc, b.loc.child("properties"),
                rejectedBy(po, name));
          }
        } else if (cs.isFalse(cov)) {
          if (!c.so.isFalse(po)) {
            p.local(Kind.PROPERTY_REMOVED_FROM_CLOSED, seg, q, "property " + q + Messages.kindOf(po) + ": " + show(po),
                "no property " + q + " (closed object)", po.loc, cov.loc, new Hint(HintKind.WITH, name, null));
          }
        } else {
          p.edges.add(new Pair.Edge(c.pair(po, cov), seg, false));
        }
      } else {
        if (cs.isTrivial(cov)) {
          if (!c.sn.isTrivial(pn)) {
            p.local(Kind.PROPERTY_ADDED, seg, q, "no property " + q + " (any value allowed)",
                "property " + q + Messages.kindOf(pn) + ": " + show(pn), a.loc.child("properties"), pn.loc, rejectedBy(pn, name));
          }
        } else if (cs.isFalse(cov)) {
          if (!c.sn.isFalse(pn)) {
            p.local(Kind.PROPERTY_ADDED_TO_CLOSED, seg, q, "no property " + q + " (closed object)",
                "property " + q + Messages.kindOf(pn) + ": " + show(pn), cov.loc, pn.loc, new Hint(HintKind.WITH, name, null));
          }
        } else {
          p.edges.add(new Pair.Edge(c.pair(cov, pn), seg, false));
        }
      }
    }
    for (String r : rn) {
      if (!ro.contains(r)) {
        p.local(Kind.REQUIRED_ADDED, "/" + SourceLocation.escape(r), Canon.quote(r), kw(oj, "required"),
            kw(nj, "required"), propLoc(a, r), propLoc(b, r), new Hint(HintKind.OMIT, r, null));
      }
    }
    for (String r : ro) {
      if (!rn.contains(r)) {
        p.local(Kind.REQUIRED_REMOVED, "/" + SourceLocation.escape(r), Canon.quote(r), kw(oj, "required"),
            kw(nj, "required"), propLoc(a, r), propLoc(b, r), new Hint(HintKind.OMIT, r, null));
      }
    }
    Node ao = additional(c.so, a);
    Node an = additional(c.sn, b);
    boolean to = c.so.isTrivial(ao);
    boolean tn = c.sn.isTrivial(an);
    String kwo = ao.loc.pointer().endsWith("unevaluatedProperties") ? "unevaluatedProperties" : "additionalProperties";
    String kwn = an.loc.pointer().endsWith("unevaluatedProperties") ? "unevaluatedProperties" : "additionalProperties";
    if (to && c.sn.isFalse(an)) {
      p.local(Kind.OBJECT_CLOSED, "/*", "", kw(oj, kwo), kw(nj, kwn), ao.loc, an.loc,
          new Hint(HintKind.WITH, "undeclared-property", null));
    } else if (c.so.isFalse(ao) && tn) {
      p.local(Kind.OBJECT_OPENED, "/*", "", kw(oj, kwo), kw(nj, kwn), ao.loc, an.loc,
          new Hint(HintKind.WITH, "undeclared-property", null));
    } else if (!(to && tn)) {
      p.edges.add(new Pair.Edge(c.pair(ao, an), "/*", false));
    }
    TreeSet<String> pats = names(oj, "patternProperties");
    pats.addAll(names(nj, "patternProperties"));
    for (String pat : pats) {
      boolean inO = oj.path("patternProperties").has(pat);
      boolean inN = nj.path("patternProperties").has(pat);
      String seg = "/(pattern " + pat + ")";
      if (inO && inN) {
        p.edges.add(new Pair.Edge(c.pair(c.so.child(a, "patternProperties", pat),
            c.sn.child(b, "patternProperties", pat)), seg, false));
      } else if (inN) {
        Node ps = c.sn.child(b, "patternProperties", pat);
        if (c.so.isFalse(ao) && !c.sn.isFalse(ps)) {
          closedPattern(p, pat, seg, oj, nj, names(oj, "properties"), Kind.PATTERN_PROPERTY_ALLOWED,
              a.loc.child("additionalProperties"), ps.loc);
          continue;
        }
        // a trivial entry adds nothing only where undeclared names were open anyway (soundness long run)
        if (to && c.sn.isTrivial(ps)) {
          continue;
        }
        p.local(to ? Kind.PATTERN_PROPERTY_ADDED : Kind.UNDECIDABLE_CHANGE, seg,
            to ? pat : "patternProperties " + pat + " added next to " + kwo, kw(oj, "patternProperties"),
            kw(nj, "patternProperties"), a.loc.child("patternProperties"),
            b.loc.child("patternProperties").child(pat), null);
      } else {
        Node ps = c.so.child(a, "patternProperties", pat);
        if (c.sn.isFalse(an) && !c.so.isFalse(ps)) {
          closedPattern(p, pat, seg, nj, oj, names(nj, "properties"), Kind.PATTERN_PROPERTY_FORBIDDEN, ps.loc,
              b.loc.child("additionalProperties"));
          continue;
        }
        if (tn && c.so.isTrivial(ps)) {
          continue;
        }
        p.local(tn ? Kind.PATTERN_PROPERTY_REMOVED : Kind.UNDECIDABLE_CHANGE, seg,
            tn ? pat : "patternProperties " + pat + " removed next to " + kwn, kw(oj, "patternProperties"),
            kw(nj, "patternProperties"), a.loc.child("patternProperties").child(pat),
            b.loc.child("patternProperties"), null);
      }
    }
    optionalSchema(c, p, a, b, "propertyNames", "/(propertyNames)", Kind.PROPERTY_NAMES_ADDED,
        Kind.PROPERTY_NAMES_REMOVED);
    limits(p, a, b, oj, nj, "minProperties", "maxProperties", Kind.MIN_PROPERTIES_LOWERED,
        Kind.MIN_PROPERTIES_RAISED, Kind.MAX_PROPERTIES_RAISED, Kind.MAX_PROPERTIES_LOWERED, 0);
    DependencyKeywords.compare(c, p, a, b, oj, nj);
  }

  /**
   * A {@code patternProperties} entry {@code pat} present on one side only, while the other side ({@code closed})
   * is closed. Names the pattern matches that the closed side neither declares nor covers by one of its own
   * patterns were rejected there and are allowed here: {@code kind} with such a name as the witness. If the
   * pattern also reaches names the closed side declares or covers, its schema constrains them too, which the
   * regex cannot settle: UNKNOWN.
   */
  private static void closedPattern(Pair p, String pat, String seg, JsonNode closed, JsonNode open,
      TreeSet<String> declared, Kind kind, SourceLocation oldLoc, SourceLocation newLoc) {
    java.util.List<String> own = new java.util.ArrayList<>(names(closed, "patternProperties"));
    TreeSet<String> both = new TreeSet<>(declared);
    both.addAll(names(open, "properties"));
    Regexes.Verdict fresh = Regexes.someOutside(pat, own, both);
    boolean overlaps = true;
    if (fresh.decided()) {
      overlaps = false;
      for (String d : declared) {
        overlaps |= Regexes.finds(Regexes.compile(pat), d);
      }
      for (String q : own) {
        Regexes.Verdict shared = Regexes.intersects(pat, q);
        overlaps |= !shared.decided() || shared.gained() != null;
      }
    }
    String ko = kw(kind == Kind.PATTERN_PROPERTY_ALLOWED ? closed : open, "patternProperties");
    String kn = kw(kind == Kind.PATTERN_PROPERTY_ALLOWED ? open : closed, "patternProperties");
    if (!fresh.decided() || overlaps) {
      p.local(Kind.UNDECIDABLE_CHANGE, seg, "patternProperties " + pat
          + (kind == Kind.PATTERN_PROPERTY_ALLOWED ? " added" : " removed") + " next to a closed object"
          + (fresh.decided() ? ", and it also matches declared or pattern-covered names" : "; " + fresh.reason()),
          ko, kn, oldLoc, newLoc, null);
      return;
    }
    if (fresh.gained() != null) {
      p.local(kind, seg, pat, ko, kn, oldLoc, newLoc, new Hint(HintKind.WITH, fresh.gained(), null));
    }
  }

  private static SourceLocation propLoc(Node x, String name) {
    return x.json.path("properties").has(name) ? x.loc.child("properties").child(name) : x.loc.child("required");
  }

  /** A hint for a property whose value the {@code declared} schema rejects (a value of a type it excludes). */
  private static Hint rejectedBy(Node declared, String name) {
    int m = Types.mask(declared);
    if (m == Types.BAD || m == Types.ALL) {
      return null;
    }
    JsonNode v = Types.sample(Types.ALL & ~m);
    return v == null ? null : new Hint(HintKind.WITH, name, v);
  }

  private static void optionalSchema(Planner c, Pair p, Node a, Node b, String kw, String seg, Kind added,
      Kind removed) {
    boolean inO = a.json.has(kw);
    boolean inN = b.json.has(kw);
    if (inO && inN) {
      p.edges.add(new Pair.Edge(c.pair(c.so.child(a, kw), c.sn.child(b, kw)), seg, false));
    } else if (inN && !c.sn.isTrivial(c.sn.child(b, kw))) {
      p.local(added, "", Canon.json(b.json.get(kw)), kw(a.json, kw), kw(b.json, kw), a.loc.child(kw),
          b.loc.child(kw), null);
    } else if (inO && !c.so.isTrivial(c.so.child(a, kw))) {
      p.local(removed, "", Canon.json(a.json.get(kw)), kw(a.json, kw), kw(b.json, kw), a.loc.child(kw),
          b.loc.child(kw), null);
    }
  }
}
