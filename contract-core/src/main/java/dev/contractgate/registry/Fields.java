package dev.contractgate.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of one object in one of our own files: every key must be known, every value must have
 * the expected type, and every complaint names the file, the line and what would have been right.
 */
final class Fields {

  private final LocatedDocument doc;
  private final String pointer;
  private final JsonNode node;

  private Fields(LocatedDocument doc, String pointer, JsonNode node) {
    this.doc = doc;
    this.pointer = pointer;
    this.node = node;
  }

  /** The object at {@code pointer}; fails unless it is a mapping. */
  public static Fields object(LocatedDocument doc, String pointer, String what) {
    JsonNode n = doc.at(pointer);
    if (!n.isObject()) {
      throw error(doc, pointer, "a mapping (" + what + ")", describe(n), "write " + what + " as key: value lines");
    }
    return new Fields(doc, pointer, n);
  }

  public LocatedDocument document() {
    return doc;
  }

  public String pointer() {
    return pointer;
  }

  public JsonNode node() {
    return node;
  }

  public String pointerOf(String key) {
    return pointer + "/" + SourceLocation.escape(key);
  }

  public SourceLocation location() {
    return new SourceLocation(doc.file(), pointer);
  }

  /** Fails on the first key not in {@code allowed}, suggesting the closest allowed key. */
  public Fields allowOnly(String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (String key : node.propertyNames()) {
      if (!ok.contains(key)) {
        String close = Suggestions.closest(key, ok).orElse(null);
        throw error(
            doc,
            pointerOf(key),
            "one of " + new TreeSet<>(ok),
            "unknown key \"" + key + "\"",
            close == null
                ? "remove the key; see docs/contract-format.md for the keys this file takes"
                : "did you mean \"" + close + "\"?");
      }
    }
    return this;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public String requiredString(String key, String hint) {
    if (!node.has(key)) {
      throw error(doc, pointer, "key \"" + key + "\"", "absent", hint);
    }
    return string(key, hint);
  }

  public Optional<String> optionalString(String key, String hint) {
    return has(key) ? Optional.of(string(key, hint)) : Optional.empty();
  }

  private String string(String key, String hint) {
    JsonNode v = node.get(key);
    if (!v.isString() || v.asString().isBlank()) {
      throw error(doc, pointerOf(key), "a non-empty string for \"" + key + "\"", describe(v), hint);
    }
    return v.asString();
  }

  public boolean optionalBoolean(String key, boolean dflt) {
    if (!has(key)) {
      return dflt;
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw error(doc, pointerOf(key), "true or false for \"" + key + "\"", describe(v), "write true or false without quotes");
    }
    return v.booleanValue();
  }

  public Optional<Long> optionalLong(String key, long min, String hint) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber() || v.longValue() < min) {
      throw error(doc, pointerOf(key), "an integer >= " + min + " for \"" + key + "\"", describe(v), hint);
    }
    return Optional.of(v.longValue());
  }

  public Optional<LocalDate> optionalDate(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    String text = v.isString() ? v.asString() : v.toString();
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw error(doc, pointerOf(key), "an ISO date (YYYY-MM-DD) for \"" + key + "\"", describe(v), "write e.g. 2027-01-31");
    }
  }

  /** A list of strings; a single string is accepted as a one-element list. */
  public List<String> stringList(String key, String hint) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode v = node.get(key);
    if (v.isString()) {
      return List.of(v.asString());
    }
    if (!v.isArray()) {
      throw error(doc, pointerOf(key), "a list of strings for \"" + key + "\"", describe(v), hint);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isString() || e.asString().isBlank()) {
        throw error(doc, pointerOf(key) + "/" + i, "a non-empty string", describe(e), hint);
      }
      out.add(e.asString());
    }
    return List.copyOf(out);
  }

  public List<Integer> intList(String key, int min, int max, String hint) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode v = node.get(key);
    if (!v.isArray()) {
      throw error(doc, pointerOf(key), "a list of integers for \"" + key + "\"", describe(v), hint);
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isIntegralNumber() || e.intValue() < min || e.intValue() > max) {
        throw error(doc, pointerOf(key) + "/" + i, "an integer from " + min + " to " + max, describe(e), hint);
      }
      out.add(e.intValue());
    }
    return List.copyOf(out);
  }

  /** A mapping of scalar values, rendered as strings (numbers and booleans are accepted as written). */
  public Map<String, String> scalarMap(String key, String hint) {
    if (!has(key)) {
      return Map.of();
    }
    Fields m = child(key, "a mapping of names to values");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : m.node.properties()) {
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw error(doc, m.pointerOf(e.getKey()), "a string, number or boolean", describe(v), hint);
      }
      out.put(e.getKey(), v.asString());
    }
    return Collections.unmodifiableMap(out);
  }

  public Fields child(String key, String what) {
    return object(doc, pointerOf(key), what);
  }

  public ContractException error(String key, String expected, String actual, String hint) {
    return error(doc, key == null ? pointer : pointerOf(key), expected, actual, hint);
  }

  public static ContractException error(
      LocatedDocument doc, String pointer, String expected, String actual, String hint) {
    String where = doc.position(pointer);
    return ContractException.builder("Cannot load contract", doc.file())
        .at(where.isEmpty() ? pointer : where + (pointer.isEmpty() ? "" : ", at " + pointer))
        .expected(expected)
        .butWas(actual)
        .hint(hint)
        .build();
  }

  /** A short, safe description of a value for "but was". */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "absent";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isString()) {
      String s = n.asString();
      return "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
    }
    return n.toString();
  }
}
