package dev.contractgate.record;

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
}
