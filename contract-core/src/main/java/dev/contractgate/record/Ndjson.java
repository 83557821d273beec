package dev.contractgate.record;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recording line format: one JSON object per line,
 * {@code {"time","method","target","status","headers":{name:[values]},"body","truncated"?,"namespace"?,"endpoint"?}}.
 */
final class Ndjson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Ndjson() {}

  static String write(RecordedExchange e) {
    ObjectNode o = MAPPER.createObjectNode();
    e.time().ifPresent(t -> o.put("time", t.toString()));
    o.put("method", e.method());
    o.put("target", e.target());
    o.put("status", e.status());
    ObjectNode h = o.putObject("headers");
    e.headers().forEach((k, v) -> {
      ArrayNode a = h.putArray(k);
      v.forEach(a::add);
    });
    o.put("body", e.body());
    if (e.truncated()) {
      o.put("truncated", true);
    }
    e.namespace().ifPresent(n -> o.put("namespace", n));
    e.endpoint().ifPresent(n -> o.put("endpoint", n));
    return MAPPER.writeValueAsString(o);
  }

  /** The exchange of one parsed line; {@link IllegalArgumentException} with a problem text otherwise. */
  static RecordedExchange read(JsonNode o) {
    if (!o.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with method, target and status, but was "
          + o.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    String method = text(o, "method");
    String target = text(o, "target");
    JsonNode status = o.get("status");
    if (status == null || !status.isIntegralNumber()) {
      throw new IllegalArgumentException("expected an integer \"status\", but was " + (status == null ? "absent" : status));
    }
    Optional<Instant> time = Optional.empty();
    JsonNode t = o.get("time");
    if (t != null && t.isString()) {
      try {
        time = Optional.of(Instant.parse(t.stringValue()));
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException("expected an ISO instant in \"time\", but was \"" + t.stringValue() + "\"");
      }
    }
    Map<String, List<String>> headers = new TreeMap<>();
    JsonNode h = o.get("headers");
    if (h != null && h.isObject()) {
      for (Map.Entry<String, JsonNode> e : h.properties()) {
        List<String> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> values.add(v.asString()));
        } else {
          values.add(e.getValue().asString());
        }
        headers.put(e.getKey(), values);
      }
    }
    JsonNode body = o.get("body");
    String b = body == null || body.isNull() ? "" : body.isString() ? body.stringValue() : body.toString();
    return new RecordedExchange(time, method, target, status.intValue(), headers, b,
        o.path("truncated").asBoolean(false), optional(o, "namespace"), optional(o, "endpoint"));
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isString() || n.stringValue().isEmpty()) {
      throw new IllegalArgumentException("expected a string \"" + field + "\", but was " + (n == null ? "absent" : n));
    }
    return n.stringValue();
  }

  private static Optional<String> optional(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n != null && n.isString() ? Optional.of(n.stringValue()) : Optional.empty();
  }
}
