package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Planner.guarded;
import static dev.contractgate.diff.engine.Planner.kw;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Annotations ({@code title}, {@code description}, {@code x-*} ...), compared as text because they change no
 * accepted value; and every keyword the other families do not compare, which is {@code schema.unknown}.
 */
final class AnnotationKeywords {

  /** The keywords some family compares (or that only hold sub-schemas); any other one is unknown. */
  private static final Set<String> KNOWN;

  static {
    Set<String> k = new java.util.HashSet<>(Set.of("type", "enum", "const", "multipleOf", "maximum",
        "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "format", "items",
        "prefixItems", "additionalItems", "unevaluatedItems", "contains", "minContains", "maxContains",
        "maxItems", "minItems", "uniqueItems", "properties", "patternProperties", "additionalProperties",
        "unevaluatedProperties", "propertyNames", "required", "dependentRequired", "dependentSchemas",
        "dependencies", "maxProperties", "minProperties", "not", "if", "then", "else", "nullable"));
    k.addAll(Side.ANNOTATIONS);
    k.addAll(Side.CONTAINERS);
    k.addAll(Side.APPLICATORS);
    KNOWN = Set.copyOf(k);
  }

  private AnnotationKeywords() {}

  static void compare(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    TreeSet<String> keys = new TreeSet<>(oj.propertyNames());
    keys.addAll(nj.propertyNames());
    boolean restMode = a.mode == Node.Mode.REST || b.mode == Node.Mode.REST || guarded(a) || guarded(b);
    for (String k : keys) {
      JsonNode x = oj.get(k);
      JsonNode y = nj.get(k);
      Kind kind;
      String subject = k;
      if (k.equals("$dynamicRef") || k.equals("$recursiveRef")) {
        JsonNode r = x != null ? x : y;
        p.local(Kind.UNDECIDABLE_CHANGE, "", k + " " + (r.isString() ? Canon.quote(r.asString()) : r.toString())
            + ": it resolves to the outermost matching dynamic anchor on the evaluation path, which depends on"
            + " where evaluation enters (a schema that extends this one can redirect it), so the engine does"
            + " not follow it", kw(oj, k), kw(nj, k), a.loc.child(k), b.loc.child(k), null);
        continue;
      } else if (k.equals("$schema") || k.equals("$id") || Side.CONTAINERS.contains(k)) {
        continue;
      } else if (Side.ANNOTATIONS.contains(k) || k.startsWith("x-")) {
        kind = Kind.ANNOTATION_CHANGED;
      } else if ((k.equals("unevaluatedProperties") || k.equals("unevaluatedItems")) && restMode) {
        kind = Kind.UNDECIDABLE_CHANGE;
        subject = k + " next to applicators changed";
      } else if (!KNOWN.contains(k) || k.equals("dependencies") && !(a.draft7 && b.draft7)) {
        kind = Kind.UNKNOWN_KEYWORD;
      } else {
        continue;
      }
      // canonical comparison only for the few keywords compared as text: it walks the whole value
      if (x == null || y == null || !Canon.json(x).equals(Canon.json(y))) {
        p.local(kind, "", subject, kw(oj, k), kw(nj, k), a.loc.child(k), b.loc.child(k), null);
      }
    }
  }
}
