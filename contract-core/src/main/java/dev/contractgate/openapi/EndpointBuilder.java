package dev.contractgate.openapi;

import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.SourceLocation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One operation as an endpoint. Query, request body and responses are built in this order, which is the order
 * of their schema files and notes.
 */
final class EndpointBuilder {

  private final List<String> notes;
  private final Parameters parameters;
  private final RequestBody requestBody;
  private final Responses responses;

  EndpointBuilder(Spec spec, SchemaFiles files, List<String> notes) {
    this.notes = notes;
    this.parameters = new Parameters(spec, files);
    this.requestBody = new RequestBody(spec, files, notes);
    this.responses = new Responses(spec, files, notes);
  }

  /** Empty (with a note) when the operation has no response with an exact status: an endpoint needs one. */
  Optional<Endpoint> endpoint(Operation op, String id, String rel, SourceLocation source) {
    String method = op.method().toUpperCase(Locale.ROOT);
    JsonNode node = op.node();
    Optional<SourceLocation> query = parameters.query(op, id);
    Optional<SourceLocation> body = requestBody.schema(op, id, method);
    Map<Integer, Endpoint.Response> byStatus = responses.of(op, id, method);
    if (byStatus.isEmpty()) {
      notes.add(method + " " + op.path() + ": skipped, it declares no response with an exact status");
      return Optional.empty();
    }
    String summary = node.path("summary").asString("").strip();
    return Optional.of(new Endpoint(id, method, rel, summary, node.path("deprecated").asBoolean(false),
        Optional.empty(), Optional.empty(), new Endpoint.Request(query, body), byStatus, Optional.empty(), source));
  }
}
