package dev.contractgate.openapi;

import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A response's headers as expectations: a fixed value where the schema allows only one, presence where the
 * header is required; the rest of a header's schema is not carried over.
 */
final class ResponseHeaders {

  private ResponseHeaders() {}

  /** Sorted by name. */
  static List<HeaderExpectation> of(Spec spec, JsonNode response, String at) {
    List<HeaderExpectation> headers = new ArrayList<>();
    JsonNode hs = response.path("headers");
    if (hs.isObject()) {
      for (Map.Entry<String, JsonNode> h : hs.properties()) {
        String name = h.getKey();
        if (name.equalsIgnoreCase("content-type")) {
          continue; // OpenAPI ignores it; the media type comes from content
        }
        JsonNode header = spec.resolve(h.getValue(), at + "/headers/" + SourceLocation.escape(name));
        JsonNode hschema = header.path("schema");
        JsonNode en = hschema.path("enum");
        if (hschema.path("const").isString()) {
          headers.add(HeaderExpectation.equalTo(name, hschema.get("const").asString()));
        } else if (en.isArray() && en.size() == 1 && en.get(0).isString()) {
          headers.add(HeaderExpectation.equalTo(name, en.get(0).asString()));
        } else if (header.path("required").asBoolean(false)) {
          headers.add(HeaderExpectation.matching(name, ".*"));
        }
      }
    }
    headers.sort((a, b) -> a.key().compareTo(b.key()));
    return headers;
  }
}
