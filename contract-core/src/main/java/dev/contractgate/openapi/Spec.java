package dev.contractgate.openapi;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.LocatedDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A parsed OpenAPI description: lookups by JSON pointer (iterative), internal references, and errors. */
final class Spec {

  static final String HEADLINE = "Cannot import OpenAPI description";

  private final LocatedDocument doc;
  private final JsonNode schemas;

  Spec(LocatedDocument doc) {
    this.doc = doc;
    this.schemas = doc.root().path("components").path("schemas");
  }

  String file() {
    return doc.file();
  }

  JsonNode root() {
    return doc.root();
  }

  /** The node at a JSON pointer, or null; walks segment by segment, without recursion. */
  JsonNode at(String pointer) {
    return walk(doc.root(), pointer);
  }

  /** The schema at {@code tail} below {@code #/components/schemas/} (e.g. {@code Pet} or {@code Pet/properties/id}). */
  JsonNode component(String tail) {
    return walk(schemas, "/" + tail);
  }

  private static JsonNode walk(JsonNode from, String pointer) {
    if (pointer.isEmpty()) {
      return from;
    }
    if (!pointer.startsWith("/")) {
      return null;
    }
    JsonNode cur = from;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String seg = decode(raw).replace("~1", "/").replace("~0", "~");
      if (cur == null) {
        return null;
      }
      if (cur.isObject()) {
        cur = cur.get(seg);
      } else if (cur.isArray()) {
        try {
          cur = cur.get(Integer.parseInt(seg));
        } catch (NumberFormatException e) {
          return null;
        }
      } else {
        return null;
      }
    }
    return cur;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /**
   * Follows {@code $ref}s of a non-schema object (parameter, request body, response, header) inside the
   * description.
   */
  JsonNode resolve(JsonNode node, String pointer) {
    Set<String> seen = new HashSet<>();
    JsonNode cur = node;
    String at = pointer;
    while (cur != null && cur.isObject() && cur.path("$ref").isString()) {
      String ref = cur.get("$ref").asString();
      if (!ref.startsWith("#/") || !seen.add(ref)) {
        if (ref.startsWith("#/")) {
          throw error(at + "/$ref", "a $ref that leads to an object", "\"" + ref + "\": a cycle of references",
              "one of the objects in the cycle must be written out");
        }
        refuseRef(ref, at + "/$ref");
      }
      JsonNode target = at(ref.substring(1));
      if (target == null) {
        throw error(at + "/$ref", "a $ref to an object in this description", "\"" + ref + "\": nothing there",
            "fix the pointer after '#'");
      }
      cur = target;
      at = ref.substring(1);
    }
    return cur;
  }

  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final java.util.regex.Pattern PATH_PARAMETER = java.util.regex.Pattern.compile("\\{[^}]*}");

  /** A response key that names one status, 100 to 599 ({@code 2XX} and {@code default} do not). */
  static boolean isExactStatus(String key) {
    return key.length() == 3 && key.charAt(0) >= '1' && key.charAt(0) <= '5' && key.charAt(1) >= '0'
        && key.charAt(1) <= '9' && key.charAt(2) >= '0' && key.charAt(2) <= '9';
  }

  /** The path as a client calls it: {@code /pets/{id}} and {@code /pets/{petId}} are one route. */
  static String wirePath(String path) {
    return PATH_PARAMETER.matcher(path).replaceAll("{}");
  }

  /** Refuses a reference that is not to {@code #/components/schemas/...}; always throws. */
  void refuseRef(String ref, String at) {
    String what;
    if (SCHEME.matcher(ref).matches()) {
      what = "a remote reference";
    } else if (!ref.startsWith("#")) {
      what = "a reference to another file";
    } else {
      throw error(at, "a schema $ref to #/components/schemas/NAME", "\"" + ref + "\"",
          "point the reference at a schema under components/schemas");
    }
    throw error(at, "a $ref inside this description (#/components/...)", "\"" + ref + "\": " + what,
        "bundle the description into one self-contained file first (for example with 'redocly bundle'"
            + " or 'swagger-cli bundle'); Contract Gate never fetches schemas");
  }

  ContractException error(String pointer, String expected, String actual, String hint) {
    String pos = doc.position(pointer);
    return ContractException.builder(HEADLINE, doc.file())
        .at(pos.isEmpty() ? pointer : pos + ", at " + pointer)
        .expected(expected)
        .butWas(actual)
        .hint(hint)
        .build();
  }

  /** The elements of an array; none for anything else (OpenAPI's lists are optional). */
  static List<JsonNode> list(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    }
    return out;
  }
}
