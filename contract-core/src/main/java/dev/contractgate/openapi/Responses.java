package dev.contractgate.openapi;

import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** An operation's responses with exact statuses: schema, content type and headers of each. */
final class Responses {

  private final Spec spec;
  private final SchemaFiles files;
  private final List<String> notes;

  Responses(Spec spec, SchemaFiles files, List<String> notes) {
    this.spec = spec;
    this.files = files;
    this.notes = notes;
  }

  /** By status; ranges ({@code 2XX}) and {@code default} are skipped with a note. */
  Map<Integer, Endpoint.Response> of(Operation op, String id, String method) {
    Map<Integer, Endpoint.Response> responses = new TreeMap<>();
    JsonNode rs = op.node().path("responses");
    if (rs.isObject()) {
      for (Map.Entry<String, JsonNode> r : rs.properties()) {
        String key = r.getKey();
        String at = op.pointer() + "/responses/" + SourceLocation.escape(key);
        int status = Spec.isExactStatus(key) ? Integer.parseInt(key) : -1;
        if (status < 100) {
          notes.add(method + " " + op.path() + ": response \"" + key + "\" skipped (the contract names exact statuses"
              + " from 100 to 599)");
          continue;
        }
        responses.put(status, response(id, status, spec.resolve(r.getValue(), at), at));
      }
    }
    return responses;
  }

  private Endpoint.Response response(String id, int status, JsonNode r, String at) {
    Optional<SourceLocation> schema = Optional.empty();
    Optional<String> contentType = Optional.empty();
    JsonNode content = r.path("content");
    Map.Entry<String, JsonNode> media = JsonMedia.of(content);
    if (media != null) {
      if (!media.getKey().equals("application/json")) {
        contentType = Optional.of(media.getKey());
      }
      JsonNode s = media.getValue().get("schema");
      if (s != null) {
        String schemaAt = at + "/content/" + SourceLocation.escape(media.getKey()) + "/schema";
        schema = Optional.of(files.write(id + "." + status, files.response(s, schemaAt)));
        if (contentType.isEmpty()) {
          contentType = Optional.of("application/json");
        }
      } else if (contentType.isEmpty()) {
        contentType = Optional.of("application/json");
      }
    } else if (content.isObject() && !content.isEmpty()) {
      String first = content.propertyNames().iterator().next();
      if (!first.contains("*")) {
        contentType = Optional.of(first);
      }
    }
    return new Endpoint.Response(status, schema, contentType, ResponseHeaders.of(spec, r, at), List.of());
  }
}
