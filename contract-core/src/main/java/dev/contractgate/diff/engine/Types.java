package dev.contractgate.diff.engine;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** JSON types as bits, with integer a subset of number (number = INT | FRAC). */
final class Types {
  static final int NULL = 1;
  static final int BOOL = 2;
  static final int OBJ = 4;
  static final int ARR = 8;
  static final int STR = 16;
  static final int INT = 32;
  static final int FRAC = 64;
  static final int NUM = INT | FRAC;
  static final int ALL = 127;
  /** Marks a type name the engine does not know. */
  static final int BAD = -1;

  private Types() {}

  static int bit(String name) {
    return switch (name) {
      case "null" -> NULL;
      case "boolean" -> BOOL;
      case "object" -> OBJ;
      case "array" -> ARR;
      case "string" -> STR;
      case "integer" -> INT;
      case "number" -> NUM;
      default -> BAD;
    };
  }

  /** The types a PLAIN/REST node allows by its {@code type} keyword alone. */
  static int mask(Node x) {
    if (x.json.isBoolean()) {
      return (x.json.booleanValue() ? ALL : 0) | (x.orNull ? NULL : 0);
    }
    if (x.mode == Node.Mode.ANY || x.mode == Node.Mode.ONE) {
      return ALL;
    }
    JsonNode t = x.json.get("type");
    int m;
    if (t == null) {
      m = ALL;
    } else if (t.isString()) {
      m = bit(t.stringValue());
    } else if (t.isArray()) {
      m = 0;
      for (JsonNode e : t.values()) {
        int b = e.isString() ? bit(e.stringValue()) : BAD;
        if (b == BAD) {
          return BAD;
        }
        m |= b;
      }
    } else {
      return BAD;
    }
    if (m == BAD) {
      return BAD;
    }
    JsonNode nullable = x.json.get("nullable");
    // OpenAPI 3.0 nullable only means something next to type
    if (x.orNull || t != null && nullable != null && nullable.isBoolean() && nullable.booleanValue()) {
      m |= NULL;
    }
    return m;
  }

  static int of(JsonNode v) {
    if (v.isNull()) {
      return NULL;
    } else if (v.isBoolean()) {
      return BOOL;
    } else if (v.isObject()) {
      return OBJ;
    } else if (v.isArray()) {
      return ARR;
    } else if (v.isString()) {
      return STR;
    } else if (v.isNumber()) {
      return v.isIntegralNumber() || v.decimalValue().stripTrailingZeros().scale() <= 0 ? INT : FRAC;
    }
    return 0;
  }

  static String text(int m) {
    if (m == ALL) {
      return "any type";
    }
    List<String> names = new ArrayList<>();
    if ((m & NULL) != 0) {
      names.add("null");
    }
    if ((m & BOOL) != 0) {
      names.add("boolean");
    }
    if ((m & OBJ) != 0) {
      names.add("object");
    }
    if ((m & ARR) != 0) {
      names.add("array");
    }
    if ((m & STR) != 0) {
      names.add("string");
    }
    if ((m & NUM) == NUM) {
      names.add("number");
    } else if ((m & INT) != 0) {
      names.add("integer");
    } else if ((m & FRAC) != 0) {
      names.add("non-integer number");
    }
    return names.isEmpty() ? "no type" : String.join(", ", names);
  }

  /** A value of one type in {@code m}, preferring the order object, array, string, integer, ... */
  static JsonNode sample(int m) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ((m & OBJ) != 0) {
      return f.objectNode();
    } else if ((m & ARR) != 0) {
      return f.arrayNode();
    } else if ((m & STR) != 0) {
      return f.stringNode("");
    } else if ((m & INT) != 0) {
      return f.numberNode(java.math.BigDecimal.ZERO);
    } else if ((m & FRAC) != 0) {
      return f.numberNode(new java.math.BigDecimal("0.5"));
    } else if ((m & BOOL) != 0) {
      return f.booleanNode(true);
    } else if ((m & NULL) != 0) {
      return f.nullNode();
    }
    return null;
  }
}
