package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * Checks a schema document for what would otherwise fail only when networknt compiles it, deep inside a
 * command and without a pointer: patterns (ECMA-262 syntax Java lacks is translated, the rest refused, see
 * {@link SchemaRegex}) and keywords whose value must be a schema, a list of schemas or a number. Each problem
 * is a {@link ContractException} with the file, the line, the schema pointer and the value as written.
 *
 * <p>The tree's loader runs it on every schema file it reads, and a bare {@code diff a.json b.json} on both
 * files, so that a schema that one command refuses is refused by all of them.
 */
@API(status = INTERNAL, since = "0.1")
public final class SchemaChecks {

  // Values of these keywords are data: a "pattern" inside an example is not a pattern.
  static final Set<String> DATA_KEYWORDS = Set.of("examples", "example", "default", "const", "enum", "$comment");
  // Keywords whose value maps names to schemas: a property called "pattern" there is a schema, not a keyword.
  static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
  private static final Set<String> ONE_SCHEMA = Set.of("not", "if", "then", "else", "contains", "additionalProperties",
      "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Set<String> NUMBERS = Set.of("minimum", "maximum", "multipleOf");

  private SchemaChecks() {}

  /** Checks every schema position of a file of the tree; the first problem found is thrown. */
  public static void check(LocatedDocument doc) {
    check(doc, "Cannot load contract");
  }

  /** As {@link #check(LocatedDocument)}, with the headline of the exception, e.g. {@code "Cannot read input"}. */
  public static void check(LocatedDocument doc, String headline) {
    walk(doc, (ptr, node) -> checkKeywords(doc, ptr, node, headline));
  }

  /**
   * Visits every schema object of a document, without recursion: array elements and the members of keywords
   * that hold schemas, never the values of data keywords ({@code const}, {@code enum}, {@code examples} ...), and
   * under a name-to-schema map ({@code properties}, {@code $defs} ...) the schemas, not the names.
   */
  static void walk(LocatedDocument doc, java.util.function.BiConsumer<String, JsonNode> visit) {
    // Each entry: a pointer, and whether the object there maps names to schemas.
    Deque<Map.Entry<String, Boolean>> pending = new ArrayDeque<>();
    pending.push(Map.entry("", false));
    while (!pending.isEmpty()) {
      Map.Entry<String, Boolean> next = pending.pop();
      String ptr = next.getKey();
      JsonNode node = doc.at(ptr);
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          pending.push(Map.entry(ptr + "/" + i, false));
        }
        continue;
      }
      if (!node.isObject()) {
        continue;
      }
      if (next.getValue()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          pending.push(Map.entry(ptr + "/" + SourceLocation.escape(e.getKey()), false));
        }
        continue;
      }
      visit.accept(ptr, node);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!DATA_KEYWORDS.contains(e.getKey()) && (e.getValue().isObject() || e.getValue().isArray())) {
          pending.push(Map.entry(ptr + "/" + SourceLocation.escape(e.getKey()), SCHEMA_MAPS.contains(e.getKey())));
        }
      }
    }
  }

  private static void checkKeywords(LocatedDocument doc, String ptr, JsonNode schema, String headline) {
    JsonNode pattern = schema.get("pattern");
    if (pattern != null && pattern.isString()) {
      checkPattern(doc, ptr + "/pattern", pattern.asString(), headline);
    }
    JsonNode pp = schema.get("patternProperties");
    if (pp != null && pp.isObject()) {
      for (String key : pp.propertyNames()) {
        checkPattern(doc, ptr + "/patternProperties/" + SourceLocation.escape(key), key, headline);
      }
    }
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      String at = ptr + "/" + SourceLocation.escape(k);
      if (ONE_SCHEMA.contains(k) && !isSchema(v)) {
        throw error(headline, doc, at, "a schema (an object or true/false) for \"" + k + "\"", describe(v),
            "write the subschema as an object, e.g. {\"type\": \"string\"}");
      }
      if (k.equals("items") && !isSchema(v) && !(v.isArray() && allSchemas(v))) {
        throw error(headline, doc, at, "a schema (an object or true/false) for \"items\"", describe(v),
            "write the item schema as an object, e.g. \"items\": {\"type\": \"string\"}");
      }
      if (SCHEMA_LISTS.contains(k) && !(v.isArray() && allSchemas(v))) {
        throw error(headline, doc, at, "a list of schemas for \"" + k + "\"", describe(v),
            "write a list, e.g. \"" + k + "\": [{\"type\": \"string\"}, {\"type\": \"null\"}]");
      }
      if (SCHEMA_MAPS.contains(k) && !(v.isObject() && allSchemas(v))) {
        throw error(headline, doc, at, "an object of named schemas for \"" + k + "\"", describe(v),
            "map each name to a schema, e.g. \"" + k + "\": {\"id\": {\"type\": \"integer\"}}");
      }
      if ((NUMBERS.contains(k) && !v.isNumber())
          || ((k.equals("exclusiveMinimum") || k.equals("exclusiveMaximum")) && !v.isNumber() && !v.isBoolean())) {
        throw error(headline, doc, at, "a number for \"" + k + "\"", describe(v), "write the bound as a JSON number, without quotes");
      }
    }
  }

  private static void checkPattern(LocatedDocument doc, String pointer, String pattern, String headline) {
    try {
      SchemaRegex.compile(pattern);
    } catch (SchemaRegex.InvalidPattern e) {
      throw error(headline, doc, pointer, "an ECMA-262 regular expression that Contract Gate can run (docs/limits.md)",
          "\"" + pattern + "\" (" + e.getMessage() + ")",
          "fix the pattern; write it as JSON Schema's ECMA-262 dialect, e.g. ^[a-z][a-z0-9-]*$");
    }
  }

  private static boolean isSchema(JsonNode v) {
    return v.isObject() || v.isBoolean();
  }

  private static boolean allSchemas(JsonNode container) {
    for (JsonNode v : container) {
      if (!isSchema(v)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(JsonNode v) {
    String text;
    if (v.isArray()) {
      text = allSchemas(v) ? "a list" : "a list with an entry that is not a schema";
    } else if (v.isObject()) {
      text = allSchemas(v) ? "an object" : "an object with a value that is not a schema";
    } else {
      text = v.toString();
    }
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  static ContractException error(String headline, LocatedDocument doc, String pointer, String expected, String actual,
      String hint) {
    String where = doc.position(pointer);
    return ContractException.builder(headline, doc.file())
        .at(where.isEmpty() ? pointer : pointer.isEmpty() ? where : where + ", at " + pointer)
        .expected(expected)
        .butWas(actual)
        .hint(hint)
        .build();
  }
}
