package dev.contractgate.testing;

import dev.contractgate.registry.ContractRegistry;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Recording lines and bodies for drift tests, built from the example contract tree. */
public final class Recordings {

  public static final Path EXAMPLE_TREE = Path.of("../contracts/src/main/contracts");
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Recordings() {}

  /** The first example of a schema file of the example tree, as a mutable copy. */
  public static ObjectNode example(ContractRegistry registry, String file) {
    JsonNode doc = registry.schemaDocument(file).orElseThrow();
    return (ObjectNode) doc.path("examples").get(0).deepCopy();
  }

  /** ivanpin 1.2.0 blog.list example with {@code /items/N/author/name} removed. */
  public static ObjectNode blogListWithoutAuthorName(ContractRegistry registry, int n) {
    ObjectNode body = example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json");
    ArrayNode items = (ArrayNode) body.get("items");
    ((ObjectNode) items.get(n).get("author")).remove("name");
    return body;
  }

  /** One NDJSON line as {@code ContractRecorder} writes it. */
  public static String line(String method, String target, int status, String body) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("time", "2026-11-22T10:00:00Z");
    o.put("method", method);
    o.put("target", target);
    o.put("status", status);
    ObjectNode h = o.putObject("headers");
    h.putArray("content-type").add("application/json");
    h.putArray("vary").add("Origin");
    o.put("body", body);
    return MAPPER.writeValueAsString(o);
  }
}
