package dev.contractgate.openapi;

import dev.contractgate.registry.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** An operation's JSON request body as a schema file; the contract describes no other kind of body. */
final class RequestBody {

  private final Spec spec;
  private final SchemaFiles files;
  private final List<String> notes;

  RequestBody(Spec spec, SchemaFiles files, List<String> notes) {
    this.spec = spec;
    this.files = files;
    this.notes = notes;
  }

  /** The request schema file of {@code op}, or empty when it has no JSON body with a schema. */
  Optional<SourceLocation> schema(Operation op, String id, String method) {
    JsonNode raw = op.node().get("requestBody");
    if (raw == null) {
      return Optional.empty();
    }
    String at = op.pointer() + "/requestBody";
    JsonNode rb = spec.resolve(raw, at);
    if (raw.path("$ref").isString()) {
      at = raw.get("$ref").asString().substring(1);
    }
    JsonNode content = rb.path("content");
    Map.Entry<String, JsonNode> media = JsonMedia.of(content);
    if (media == null) {
      if (content.isObject() && !content.isEmpty()) {
        notes.add(method + " " + op.path() + ": request body " + content.propertyNames().iterator().next()
            + " is not JSON: the contract does not check it (diff compares its schema)");
      }
      return Optional.empty();
    }
    JsonNode schema = media.getValue().get("schema");
    if (schema == null) {
      return Optional.empty();
    }
    String schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
    return Optional.of(files.write(id + ".request", files.request(schema, schemaAt)));
  }
}
