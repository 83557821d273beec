package dev.contractgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Large synthetic schema pairs, in the shape that makes diff tools blow up: thousands of {@code $defs}
 * components with 12 fields each, references to random other components (so the graph is cyclic), arrays of
 * the component itself (self references), {@code anyOf [ref, null]}, and an {@code allOf} chain: every tenth
 * component extends the previous one. The new version drops {@code f1} from {@code required} and adds an
 * optional property in every 97th component. A Java port of the generator the diff blow-up was found with.
 */
public final class SyntheticSchemas {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Compact JSON bytes per component, measured on this generator (about 1,030); used to size a pair. */
  private static final double BYTES_PER_COMPONENT = 1030.0;

  /** An old and a new version of the same schema. */
  public record Pair(ObjectNode oldSchema, ObjectNode newSchema, int components) {
    /** Compact UTF-8 size of the old schema. */
    public int oldBytes() {
      return MAPPER.writeValueAsString(oldSchema).getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private SyntheticSchemas() {}

  /** The number of components whose schema is about {@code bytes} long (compact JSON). */
  public static int componentsFor(long bytes) {
    return Math.max(20, (int) Math.round(bytes / BYTES_PER_COMPONENT));
  }

  /** A pair of about {@code bytes} per side (compact JSON). */
  public static Pair ofSize(long bytes) {
    return pair(componentsFor(bytes));
  }

  /** A pair with {@code n} components per side. */
  public static Pair pair(int n) {
    return new Pair(generate(n, false), generate(n, true), n);
  }

  /** One version of the schema with {@code n} components; {@code changed} selects the new version. */
  public static ObjectNode generate(int n, boolean changed) {
    Random random = new Random(7);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/$defs/C" + (n - 1));
    ObjectNode defs = root.putObject("$defs");
    for (int i = 0; i < n; i++) {
      ObjectNode props = MAPPER.createObjectNode();
      for (int j = 0; j < 12; j++) {
        double k = random.nextDouble();
        ObjectNode f = props.putObject("f" + j);
        if (k < 0.3) {
          f.put("type", "string");
          f.put("maxLength", 200);
          f.put("description", "field " + j + " of component " + i
              + " in a long description that pads the schema size realistically");
        } else if (k < 0.5) {
          f.put("type", "integer");
          f.put("minimum", 0);
        } else if (k < 0.7) {
          f.put("$ref", "#/$defs/C" + random.nextInt(n));
        } else if (k < 0.8) {
          f.put("type", "array");
          f.putObject("items").put("$ref", "#/$defs/C" + i);
        } else if (k < 0.9) {
          ArrayNode any = f.putArray("anyOf");
          any.addObject().put("$ref", "#/$defs/C" + random.nextInt(n));
          any.addObject().put("type", "null");
        } else {
          f.putArray("enum").add("a").add("b").add("c");
        }
      }
      ObjectNode d = MAPPER.createObjectNode();
      d.put("type", "object");
      d.set("properties", props);
      d.putArray("required").add("f0").add("f1");
      ObjectNode target = d;
      if (i % 10 == 0 && i > 0) {
        ObjectNode wrapper = MAPPER.createObjectNode();
        ArrayNode all = wrapper.putArray("allOf");
        all.addObject().put("$ref", "#/$defs/C" + (i - 1));
        all.add(d);
        d = wrapper;
      }
      if (changed && i % 97 == 0) {
        target.putArray("required").add("f0");
        ((ObjectNode) target.get("properties")).putObject("added").put("type", "string");
      }
      defs.set("C" + i, d);
    }
    return root;
  }

  /**
   * The same components as an OpenAPI 3.0 description: {@code components.schemas}, references rewritten,
   * {@code anyOf [ref, null]} as {@code nullable}, and one {@code GET} path per {@code perPath} components
   * whose 200 response is that component.
   */
  public static ObjectNode toOpenApi(ObjectNode schema, int perPath) {
    ObjectNode api = MAPPER.createObjectNode();
    api.put("openapi", "3.0.3");
    ObjectNode info = api.putObject("info");
    info.put("title", "synthetic");
    info.put("version", "1.0.0");
    ObjectNode paths = api.putObject("paths");
    ObjectNode schemas = api.putObject("components").putObject("schemas");
    JsonNode defs = schema.get("$defs");
    int i = 0;
    for (String name : defs.propertyNames()) {
      schemas.set(name, rewrite(defs.get(name)));
      if (i % perPath == 0) {
        ObjectNode op = paths.putObject("/" + name.toLowerCase()).putObject("get");
        op.put("operationId", "get" + name);
        ObjectNode ok = op.putObject("responses").putObject("200");
        ok.put("description", "OK");
        ok.putObject("content").putObject("application/json").putObject("schema")
            .put("$ref", "#/components/schemas/" + name);
      }
      i++;
    }
    return api;
  }

  private static JsonNode rewrite(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      JsonNode any = node.get("anyOf");
      if (any != null && any.size() == 2 && "null".equals(any.get(1).path("type").asString(""))) {
        out.putArray("anyOf").add(rewrite(any.get(0)));
        out.put("nullable", true);
        return out;
      }
      for (String key : node.propertyNames()) {
        JsonNode v = node.get(key);
        if (key.equals("$ref")) {
          out.put("$ref", v.asString().replace("#/$defs/", "#/components/schemas/"));
        } else {
          out.set(key, rewrite(v));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(e -> out.add(rewrite(e)));
      return out;
    }
    return node;
  }

  /** Compact JSON text. */
  public static String json(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }
}
