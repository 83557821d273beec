package dev.contractgate.stub;

import dev.contractgate.registry.Refs;
import dev.contractgate.registry.SchemaIds;
import dev.contractgate.registry.SchemaRegex;
import dev.contractgate.registry.SourceLocation;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a plausible JSON value for a schema: every declared property (only the required ones deep down, so
 * recursive schemas end), formats honoured, bounds respected. Used for stubs when a schema has no
 * {@code examples}; callers validate the result, since a {@code pattern} or {@code not} may defeat it.
 */
final class InstanceGenerator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int FULL_DEPTH = 6;
  private static final int MAX_DEPTH = 40;

  private final Function<String, JsonNode> documents;
  private final SchemaIds ids;

  private InstanceGenerator(Function<String, JsonNode> documents) {
    this.documents = documents;
    this.ids = new SchemaIds(documents);
  }

  /**
   * @throws IllegalStateException when no value can be built (e.g. {@code false} schema, unreachable depth)
   */
  public static JsonNode generate(Function<String, JsonNode> documents, SourceLocation schema) {
    return new InstanceGenerator(documents).value(schema, 0);
  }

  private JsonNode value(SourceLocation at, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("the schema requires nesting deeper than " + MAX_DEPTH + " levels");
    }
    JsonNode doc = documents.apply(at.file());
    JsonNode s = doc == null ? null : doc.at(at.pointer());
    if (s == null || s.isMissingNode()) {
      throw new IllegalStateException("no schema at " + at);
    }
    if (s.isBoolean()) {
      if (!s.booleanValue()) {
        throw new IllegalStateException("the schema at " + at + " is false: no value is valid");
      }
      return NODES.objectNode();
    }
    if (s.has("$ref") && s.size() == 1) {
      return value(ids.resolve(at, s.get("$ref").asString()), depth + 1);
    }
    if (s.has("const")) {
      return s.get("const");
    }
    if (s.has("enum") && s.get("enum").isArray() && !s.get("enum").isEmpty()) {
      return s.get("enum").get(0);
    }
    if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
      return s.get("examples").get(0);
    }
    if (s.has("$ref")) {
      return value(ids.resolve(at, s.get("$ref").asString()), depth + 1);
    }
    for (String combinator : new String[] {"anyOf", "oneOf"}) {
      JsonNode branches = s.get(combinator);
      if (branches != null && branches.isArray() && !branches.isEmpty()) {
        // Prefer a branch that is not plain null: a stub should show data.
        for (int i = 0; i < branches.size(); i++) {
          if (!"null".equals(branches.get(i).path("type").asString(""))) {
            return value(at.child(combinator).child(i), depth + 1);
          }
        }
        return value(at.child(combinator).child(0), depth + 1);
      }
    }
    if (s.has("allOf") && s.get("allOf").isArray()) {
      ObjectNode merged = NODES.objectNode();
      for (int i = 0; i < s.get("allOf").size(); i++) {
        JsonNode part = value(at.child("allOf").child(i), depth + 1);
        if (part.isObject()) {
          merged.setAll((ObjectNode) part);
        } else {
          return part;
        }
      }
      if (s.has("properties") || s.has("required")) {
        JsonNode own = object(s, at, depth);
        merged.setAll((ObjectNode) own);
      }
      return merged;
    }
    String type = type(s);
    return switch (type) {
      case "object" -> object(s, at, depth);
      case "array" -> array(s, at, depth);
      case "string" -> string(s);
      case "integer" -> number(s, true);
      case "number" -> number(s, false);
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> NODES.objectNode();
    };
  }

  private static String type(JsonNode s) {
    JsonNode t = s.get("type");
    if (t != null && t.isString()) {
      return t.asString();
    }
    if (t != null && t.isArray()) {
      for (JsonNode x : t) {
        if (!"null".equals(x.asString())) {
          return x.asString();
        }
      }
      return "null";
    }
    if (s.has("properties") || s.has("required")) {
      return "object";
    }
    if (s.has("items") || s.has("prefixItems")) {
      return "array";
    }
    return "object";
  }

  private JsonNode object(JsonNode s, SourceLocation at, int depth) {
    ObjectNode o = NODES.objectNode();
    JsonNode props = s.path("properties");
    java.util.Set<String> required = new java.util.HashSet<>();
    s.path("required").forEach(r -> required.add(r.asString()));
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      if (depth < FULL_DEPTH || required.contains(p.getKey())) {
        o.set(p.getKey(), value(at.child("properties").child(p.getKey()), depth + 1));
      }
    }
    for (String r : required) {
      if (!o.has(r)) {
        o.put(r, "value");
      }
    }
    return o;
  }

  private JsonNode array(JsonNode s, SourceLocation at, int depth) {
    ArrayNode a = NODES.arrayNode();
    int min = s.path("minItems").asInt(0);
    JsonNode prefix = s.path("prefixItems");
    for (int i = 0; i < prefix.size(); i++) {
      a.add(value(at.child("prefixItems").child(i), depth + 1));
    }
    int count = Math.max(min, depth < FULL_DEPTH ? 1 : 0);
    if (s.has("items") && s.get("items").isObject()) {
      while (a.size() < count) {
        a.add(value(at.child("items"), depth + 1));
      }
    }
    return a;
  }

  private static JsonNode string(JsonNode s) {
    String format = s.path("format").asString("");
    String v = switch (format) {
      case "date-time" -> "2026-01-15T10:00:00+03:00";
      case "date" -> "2026-01-15";
      case "time" -> "10:00:00+03:00";
      case "uri", "uri-reference", "iri" -> "https://example.com/";
      case "email", "idn-email" -> "user@example.com";
      case "uuid" -> "123e4567-e89b-42d3-a456-426614174000";
      case "hostname" -> "example.com";
      case "ipv4" -> "192.0.2.1";
      case "ipv6" -> "2001:db8::1";
      default -> "text";
    };
    int min = s.path("minLength").asInt(0);
    StringBuilder b = new StringBuilder(v);
    while (b.length() < min) {
      b.append('x');
    }
    int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
    String out = b.length() > max ? b.substring(0, max) : b.toString();
    if (s.has("pattern") && !matches(s.get("pattern").asString(), out)) {
      throw new IllegalStateException("cannot generate a string for pattern /" + s.get("pattern").asString() + "/");
    }
    return NODES.stringNode(out);
  }

  /** The schema's pattern (ECMA-262, with the validator's budget) on a generated value; undecided is no. */
  private static boolean matches(String pattern, String value) {
    try {
      return SchemaRegex.compile(pattern).find(value);
    } catch (SchemaRegex.InvalidPattern | SchemaRegex.BudgetExceeded e) {
      return false;
    }
  }

  private static JsonNode number(JsonNode s, boolean integer) {
    BigDecimal v = BigDecimal.ONE;
    if (s.has("minimum")) {
      v = v.max(s.get("minimum").decimalValue());
    }
    if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
      v = v.max(s.get("exclusiveMinimum").decimalValue().add(BigDecimal.ONE));
    }
    if (s.has("multipleOf") && s.get("multipleOf").isNumber()) {
      BigDecimal m = s.get("multipleOf").decimalValue();
      v = v.divide(m, 0, java.math.RoundingMode.CEILING).multiply(m);
    }
    if (s.has("maximum") && v.compareTo(s.get("maximum").decimalValue()) > 0) {
      v = s.get("maximum").decimalValue();
    }
    return integer ? NODES.numberNode(v.toBigInteger()) : NODES.numberNode(v);
  }
}
