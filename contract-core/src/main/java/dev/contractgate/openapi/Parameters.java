package dev.contractgate.openapi;

import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An operation's query parameters as one object schema, the form the contract gives a query. */
final class Parameters {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Spec spec;
  private final SchemaFiles files;

  Parameters(Spec spec, SchemaFiles files) {
    this.spec = spec;
    this.files = files;
  }

  /** The query schema file of {@code op}, or empty when it takes no query parameters. */
  Optional<SourceLocation> query(Operation op, String id) {
    // Parameters: the path item's, overridden by the operation's with the same name and location.
    Map<String, JsonNode> params = new LinkedHashMap<>();
    Map<String, String> paramAt = new HashMap<>();
    List<JsonNode> shared = op.pathParams();
    for (int i = 0; i < shared.size(); i++) {
      add(params, paramAt, shared.get(i), op.pathParamsPointer() + "/" + i);
    }
    List<JsonNode> own = Spec.list(op.node().path("parameters"));
    for (int i = 0; i < own.size(); i++) {
      add(params, paramAt, own.get(i), op.pointer() + "/parameters/" + i);
    }
    return query(id, params, paramAt);
  }

  private void add(Map<String, JsonNode> params, Map<String, String> paramAt, JsonNode raw, String at) {
    JsonNode p = spec.resolve(raw, at);
    if (!p.isObject()) {
      return;
    }
    String key = p.path("in").asString("") + ":" + p.path("name").asString("");
    params.put(key, p);
    paramAt.put(key, raw.path("$ref").isString() ? raw.get("$ref").asString().substring(1) : at);
  }

  private Optional<SourceLocation> query(String id, Map<String, JsonNode> params, Map<String, String> paramAt) {
    ObjectNode props = NODES.objectNode();
    List<String> required = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : params.entrySet()) {
      JsonNode p = e.getValue();
      if (!p.path("in").asString("").equals("query")) {
        continue;
      }
      String name = p.path("name").asString("");
      String at = paramAt.get(e.getKey());
      JsonNode schema = p.get("schema");
      String schemaAt = at + "/schema";
      if (schema == null && p.path("content").isObject()) {
        Map.Entry<String, JsonNode> media = JsonMedia.of(p.get("content"));
        if (media != null && media.getValue().has("schema")) {
          schema = media.getValue().get("schema");
          schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
        }
      }
      JsonNode built = schema == null ? NODES.objectNode() : files.request(schema, schemaAt);
      if (p.path("deprecated").asBoolean(false) && built.isObject() && !built.has("deprecated")) {
        ((ObjectNode) built).put("deprecated", true);
      }
      props.set(name, built);
      if (p.path("required").asBoolean(false)) {
        required.add(name);
      }
    }
    if (props.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode q = NODES.objectNode();
    q.put("$schema", SchemaFiles.SCHEMA_DIALECT);
    q.put("type", "object");
    q.set("properties", props);
    if (!required.isEmpty()) {
      required.forEach(q.putArray("required")::add);
    }
    // No additionalProperties: false: OpenAPI does not forbid undeclared query parameters, and servers ignore
    // them (cache busters, tracking parameters); see docs/openapi.md.
    return Optional.of(files.write(id + ".query", q));
  }
}
