package dev.contractgate.infer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One place of the current contract that rejected recorded values, and what it takes to accept them: the
 * keyword that failed, with the types, values, names, bounds or shapes seen there. Applying it widens that one
 * keyword and nothing else; every edit is bounded by the schema, not by the traffic.
 */
final class Widening {

  /** Keywords whose constraint is dropped when a recorded value breaks it. */
  static final Set<String> DROPPED = Set.of("format", "pattern", "multipleOf", "uniqueItems", "contains",
      "minContains", "maxContains", "propertyNames", "dependentRequired", "dependentSchemas", "not",
      "contentMediaType", "contentEncoding", "if", "then", "else");
  private static final int MAX_VALUES = 64;

  /** Schema file (version-relative) or {@code endpoint} for endpoint-level edits. */
  final String file;
  /** JSON pointer of the schema holding the keyword, or {@code id status} for endpoint-level edits. */
  final String parent;
  /** The keyword, or the violation rule for endpoint-level edits. */
  final String keyword;
  long count;
  final TreeSet<String> types = new TreeSet<>();
  final TreeMap<String, JsonNode> values = new TreeMap<>();
  boolean tooMany;
  /** Required properties that were absent; header or cookie names for endpoint-level edits. */
  final TreeSet<String> names = new TreeSet<>();
  /** Media types seen, for a content type edit. */
  final TreeMap<String, Long> media = new TreeMap<>();
  /** Undeclared properties and their values. */
  final TreeMap<String, Shape> props = new TreeMap<>();
  /** Values no branch of an anyOf/oneOf accepted. */
  Shape branch;
  BigDecimal min;
  BigDecimal max;
  long minSize = Long.MAX_VALUE;
  long maxSize = -1;

  Widening(String file, String parent, String keyword) {
    this.file = file;
    this.parent = parent;
    this.keyword = keyword;
  }

  String key() {
    return file + "#" + parent + " " + keyword;
  }

  /** Records a rejected value ({@code null} when there is none, e.g. a missing property). */
  void see(JsonNode value, String name, long seq, InferOptions o, long[] stamps) {
    count++;
    if (name != null) {
      names.add(name);
    }
    if (value == null || value.isMissingNode()) {
      return;
    }
    types.add(typeOf(value));
    if (!tooMany && value.isValueNode()) {
      values.put(value.toString(), value);
      if (values.size() > MAX_VALUES) {
        tooMany = true;
        values.clear();
      }
    }
    if (value.isNumber()) {
      BigDecimal d = value.decimalValue();
      min = min == null || d.compareTo(min) < 0 ? d : min;
      max = max == null || d.compareTo(max) > 0 ? d : max;
    }
    long size = value.isString() ? value.stringValue().codePointCount(0, value.stringValue().length())
        : value.isContainer() ? value.size() : -1;
    if (size >= 0) {
      minSize = Math.min(minSize, size);
      maxSize = Math.max(maxSize, size);
    }
    if (keyword.equals("additionalProperties") || keyword.equals("unevaluatedProperties")) {
      props.computeIfAbsent(name, k -> new Shape()).fold(value, seq, o, stamps);
    } else if (keyword.equals("anyOf") || keyword.equals("oneOf") || keyword.equals("const")
        || keyword.equals("false")) {
      if (branch == null) {
        branch = new Shape();
      }
      branch.fold(value, seq, o, stamps);
    }
  }

  void merge(Widening w, InferOptions o) {
    count += w.count;
    types.addAll(w.types);
    names.addAll(w.names);
    if (tooMany || w.tooMany) {
      tooMany = true;
      values.clear();
    } else {
      values.putAll(w.values);
      if (values.size() > MAX_VALUES) {
        tooMany = true;
        values.clear();
      }
    }
    w.media.forEach((k, n) -> media.merge(k, n, Long::sum));
    w.props.forEach((k, s) -> props.computeIfAbsent(k, x -> new Shape()).merge(s, o));
    if (w.branch != null) {
      if (branch == null) {
        branch = new Shape();
      }
      branch.merge(w.branch, o);
    }
    min = w.min == null ? min : min == null || w.min.compareTo(min) < 0 ? w.min : min;
    max = w.max == null ? max : max == null || w.max.compareTo(max) > 0 ? w.max : max;
    minSize = Math.min(minSize, w.minSize);
    maxSize = Math.max(maxSize, w.maxSize);
  }

  /**
   * Widens the keyword in {@code schema} (the object that holds it).
   *
   * @return false when this keyword cannot be widened
   */
  boolean apply(ObjectNode schema, InferOptions o) {
    switch (keyword) {
      case "type" -> {
        List<String> t = new ArrayList<>();
        JsonNode cur = schema.get("type");
        if (cur != null && cur.isArray()) {
          cur.forEach(x -> t.add(x.asString()));
        } else if (cur != null) {
          t.add(cur.asString());
        }
        for (String seen : types) {
          if (!t.contains(seen) && !(seen.equals("integer") && t.contains("number"))) {
            t.add(seen);
          }
        }
        if (t.size() == 1) {
          schema.put("type", t.get(0));
        } else {
          ArrayNode a = schema.putArray("type");
          t.forEach(a::add);
        }
      }
      case "enum" -> {
        if (tooMany) {
          schema.remove("enum");
        } else {
          ArrayNode e = (ArrayNode) schema.get("enum");
          Set<String> have = new TreeSet<>();
          e.forEach(x -> have.add(x.toString()));
          values.forEach((k, v) -> {
            if (have.add(k)) {
              e.add(v);
            }
          });
        }
      }
      case "const" -> {
        if (branch == null) {
          return false;
        }
        ArrayNode e = VersionFiles.NODES.arrayNode();
        e.add(schema.get("const"));
        values.values().stream().filter(v -> !v.equals(e.get(0))).forEach(e::add);
        schema.remove("const");
        if (tooMany || branch != null && branch.typed() > values.size() + branch.nulls) {
          // objects or arrays were seen, or too many values: accept the shapes instead of listing values
          schema.set("anyOf", VersionFiles.NODES.arrayNode().add(VersionFiles.NODES.objectNode().set("enum", e))
              .add(new SchemaBuilder(o).inline(branch)));
        } else {
          schema.set("enum", e);
        }
      }
      case "required" -> {
        ArrayNode r = VersionFiles.NODES.arrayNode();
        schema.path("required").forEach(x -> {
          if (!names.contains(x.asString())) {
            r.add(x);
          }
        });
        if (r.isEmpty()) {
          schema.remove("required");
        } else {
          schema.set("required", r);
        }
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        ObjectNode p = schema.has("properties") && schema.get("properties").isObject()
            ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        props.forEach((name, shape) -> p.set(name, new SchemaBuilder(o).inline(shape)));
      }
      case "anyOf", "oneOf" -> {
        if (branch == null || !schema.get(keyword).isArray()) {
          return false;
        }
        ArrayNode branches = (ArrayNode) schema.remove(keyword);
        branches.add(new SchemaBuilder(o).inline(branch));
        schema.set("anyOf", branches);
      }
      case "minimum", "exclusiveMinimum" -> {
        BigDecimal cur = schema.get(keyword).decimalValue();
        schema.remove(keyword);
        schema.put("minimum", min == null || cur.compareTo(min) < 0 ? cur : min);
      }
      case "maximum", "exclusiveMaximum" -> {
        BigDecimal cur = schema.get(keyword).decimalValue();
        schema.remove(keyword);
        schema.put("maximum", max == null || cur.compareTo(max) > 0 ? cur : max);
      }
      case "minLength", "minItems", "minProperties" -> schema.put(keyword, Math.min(schema.get(keyword).asLong(),
          Math.max(0, minSize)));
      case "maxLength", "maxItems", "maxProperties" -> schema.put(keyword, Math.max(schema.get(keyword).asLong(),
          maxSize));
      default -> {
        if (!DROPPED.contains(keyword)) {
          return false;
        }
        schema.remove(keyword);
        if (keyword.equals("if") || keyword.equals("then") || keyword.equals("else")) {
          schema.remove("if");
          schema.remove("then");
          schema.remove("else");
        }
      }
    }
    return true;
  }

  /** Widens one response of an endpoint entry; false when the rule cannot be widened. */
  boolean applyToEndpoint(ObjectNode response) {
    switch (keyword) {
      case "header.content-type" -> {
        String best = null;
        for (Map.Entry<String, Long> m : media.entrySet()) {
          if (best == null || m.getValue() > media.get(best)) {
            best = m.getKey();
          }
        }
        if (best == null || best.isEmpty()) {
          return false;
        }
        response.put("contentType", best);
      }
      case "header.missing", "header.mismatch" -> {
        JsonNode h = response.get("headers");
        if (h instanceof ObjectNode headers) {
          List<String> drop = new ArrayList<>();
          headers.propertyNames().forEach(n -> {
            if (names.contains(n.toLowerCase(Locale.ROOT))) {
              drop.add(n);
            }
          });
          drop.forEach(headers::remove);
          if (headers.isEmpty()) {
            response.remove("headers");
          }
        }
      }
      case "cookie.missing" -> {
        JsonNode c = response.get("cookies");
        if (c instanceof ArrayNode cookies) {
          ArrayNode keep = VersionFiles.NODES.arrayNode();
          cookies.forEach(x -> {
            if (!names.contains(x.asString())) {
              keep.add(x);
            }
          });
          if (keep.isEmpty()) {
            response.remove("cookies");
          } else {
            response.set("cookies", keep);
          }
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  static String typeOf(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isString()) {
      return "string";
    }
    return v.isArray() ? "array" : "object";
  }

  static Map<String, Widening> mergeAll(List<Map<String, Widening>> maps, InferOptions o) {
    TreeMap<String, Widening> out = new TreeMap<>();
    for (Map<String, Widening> m : maps) {
      m.forEach((k, w) -> {
        Widening mine = out.get(k);
        if (mine == null) {
          mine = new Widening(w.file, w.parent, w.keyword);
          out.put(k, mine);
        }
        mine.merge(w, o);
      });
    }
    return out;
  }
}
