package dev.contractgate.diff.engine;

import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A small, exact validator for the value keywords the normal form reasons with: {@code type} (with OpenAPI
 * {@code nullable}), {@code enum}, {@code const}, the numeric bounds, {@code multipleOf}, {@code minLength} and
 * {@code maxLength}. It answers {@link #REJECTS} only when one of those keywords rejects the value, and
 * {@link #ACCEPTS} only when the schema holds nothing but those keywords and annotations. Anything else is
 * {@link #UNKNOWN}, so the normal form never guesses.
 */
final class Values {

  static final int ACCEPTS = 1;
  static final int REJECTS = 0;
  static final int UNKNOWN = -1;

  /** Keywords this class decides. */
  static final Set<String> DECIDED = Set.of("type", "nullable", "enum", "const", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength");

  private Values() {}

  /** True when every keyword of {@code schema} is decided here or is an annotation. */
  static boolean decidable(JsonNode schema) {
    if (schema.isBoolean()) {
      return true;
    }
    if (!schema.isObject()) {
      return false;
    }
    for (String k : schema.propertyNames()) {
      if (!DECIDED.contains(k) && !Side.ANNOTATIONS.contains(k) && !k.startsWith("x-")) {
        return false;
      }
    }
    return Types.mask(new Node(dev.contractgate.registry.SourceLocation.of("-"), schema, Node.Mode.PLAIN, false,
        false, false)) != Types.BAD;
  }

  /** Keywords that only constrain objects, arrays, strings (a value of another type passes them). */
  private static final Set<String> OBJECT_ONLY = Set.of("properties", "required", "additionalProperties",
      "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependentRequired",
      "dependentSchemas");
  private static final Set<String> ARRAY_ONLY = Set.of("items", "prefixItems", "additionalItems", "contains",
      "minContains", "maxContains", "minItems", "maxItems", "uniqueItems");
  private static final Set<String> STRING_ONLY = Set.of("pattern", "minLength", "maxLength");

  /** {@link #ACCEPTS}, {@link #REJECTS} or {@link #UNKNOWN}. */
  static int check(JsonNode schema, JsonNode v) {
    if (schema.isBoolean()) {
      return schema.booleanValue() ? ACCEPTS : REJECTS;
    }
    if (!schema.isObject()) {
      return UNKNOWN;
    }
    if (rejects(schema, v)) {
      return REJECTS;
    }
    if (Types.mask(new Node(dev.contractgate.registry.SourceLocation.of("-"), schema, Node.Mode.PLAIN, false,
        false, false)) == Types.BAD) {
      return UNKNOWN;
    }
    for (String k : schema.propertyNames()) {
      boolean passes = DECIDED.contains(k) || Side.ANNOTATIONS.contains(k) || Side.CONTAINERS.contains(k)
          || k.startsWith("x-")
          || !v.isObject() && OBJECT_ONLY.contains(k)
          || !v.isArray() && ARRAY_ONLY.contains(k)
          || !v.isString() && STRING_ONLY.contains(k)
          // formats assert on strings (OpenAPI's number formats are not assertions either way)
          || (v.isNull() || v.isBoolean()) && "format".equals(k);
      if (!passes) {
        return UNKNOWN;
      }
    }
    return ACCEPTS;
  }

  /** True when one of the decided keywords of {@code schema} rejects {@code v}; never guesses. */
  static boolean rejects(JsonNode s, JsonNode v) {
    if (s.isBoolean()) {
      return !s.booleanValue();
    }
    if (!s.isObject() || s.has("$ref")) {
      // draft-07 ignores the siblings of $ref, and this class does not know the draft: it stays silent
      return false;
    }
    JsonNode t = s.get("type");
    if (t != null) {
      int m = Types.mask(new Node(dev.contractgate.registry.SourceLocation.of("-"), s, Node.Mode.PLAIN, false,
          false, false));
      if (m != Types.BAD && (m & Types.of(v)) == 0) {
        return true;
      }
    }
    JsonNode e = s.get("enum");
    if (e != null && e.isArray()) {
      boolean in = false;
      String cv = Canon.json(v);
      for (JsonNode x : e.values()) {
        if (Canon.json(x).equals(cv)) {
          in = true;
          break;
        }
      }
      if (!in) {
        return true;
      }
    }
    JsonNode c = s.get("const");
    if (c != null && !Canon.json(c).equals(Canon.json(v))) {
      return true;
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      BigDecimal min = num(s, "minimum");
      BigDecimal max = num(s, "maximum");
      JsonNode emin = s.get("exclusiveMinimum");
      JsonNode emax = s.get("exclusiveMaximum");
      boolean minExcl = emin != null && emin.isBoolean() && emin.booleanValue();
      boolean maxExcl = emax != null && emax.isBoolean() && emax.booleanValue();
      if (min != null && (minExcl ? d.compareTo(min) <= 0 : d.compareTo(min) < 0)) {
        return true;
      }
      if (max != null && (maxExcl ? d.compareTo(max) >= 0 : d.compareTo(max) > 0)) {
        return true;
      }
      BigDecimal xmin = num(s, "exclusiveMinimum");
      BigDecimal xmax = num(s, "exclusiveMaximum");
      if (xmin != null && d.compareTo(xmin) <= 0 || xmax != null && d.compareTo(xmax) >= 0) {
        return true;
      }
      BigDecimal k = num(s, "multipleOf");
      if (k != null && k.signum() > 0 && d.remainder(k).signum() != 0) {
        return true;
      }
    }
    if (v.isString()) {
      int len = v.stringValue().codePointCount(0, v.stringValue().length());
      BigDecimal min = num(s, "minLength");
      BigDecimal max = num(s, "maxLength");
      if (min != null && BigDecimal.valueOf(len).compareTo(min) < 0
          || max != null && BigDecimal.valueOf(len).compareTo(max) > 0) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal num(JsonNode s, String kw) {
    JsonNode n = s.get(kw);
    return n != null && n.isNumber() ? n.decimalValue() : null;
  }
}
