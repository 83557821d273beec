package dev.contractgate.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One mapper for the tests that read or write JSON: indented, keys in insertion order. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(Object node) {
    return MAPPER.writeValueAsString(node);
  }
}
