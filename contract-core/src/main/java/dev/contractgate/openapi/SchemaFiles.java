package dev.contractgate.openapi;

import dev.contractgate.openapi.SchemaRewriter.View;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema files of the version being built, by tree-relative path, in the order they are made (the
 * components first, then endpoint by endpoint), which is the order they are written and listed in.
 *
 * <p>The components are one shared file, unless a {@code readOnly} or {@code writeOnly} property makes the
 * request view differ from the response view: then that direction gets a file of its own, so that every
 * endpoint schema can reference the components its direction sees.
 */
final class SchemaFiles {

  static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Spec spec;
  private final String versionDir;
  private final SchemaRewriter rewriter;
  private final Map<String, JsonNode> schemas = new LinkedHashMap<>();
  private final Map<String, JsonNode> side = new LinkedHashMap<>();
  private String requestComponents;
  private String responseComponents;

  SchemaFiles(Spec spec, boolean v30, String versionDir) {
    this.spec = spec;
    this.versionDir = versionDir;
    this.rewriter = new SchemaRewriter(spec, v30);
  }

  /** Builds the components files; first, so that they come first and the endpoint schemas know their names. */
  void components() {
    JsonNode comps = spec.root().path("components").path("schemas");
    if (comps.isMissingNode() || comps.isNull()) {
      requestComponents = responseComponents = "components.schema.json";
      return;
    }
    if (!comps.isObject()) {
      throw spec.error("/components/schemas", "an object of named schemas", "a " + comps.getNodeType(), "");
    }
    int flags = flags(comps);
    boolean readOnly = (flags & READ_ONLY) != 0;
    boolean writeOnly = (flags & WRITE_ONLY) != 0;
    requestComponents = readOnly ? "components.request.schema.json" : "components.schema.json";
    responseComponents = writeOnly ? "components.response.schema.json" : "components.schema.json";
    if (!readOnly || !writeOnly) {
      schemas.put(schemaFile("components.schema.json"), componentsDoc(comps, View.NEUTRAL));
    }
    if (readOnly) {
      schemas.put(schemaFile(requestComponents), componentsDoc(comps, View.REQUEST));
    }
    if (writeOnly) {
      schemas.put(schemaFile(responseComponents), componentsDoc(comps, View.RESPONSE));
    }
  }

  private ObjectNode componentsDoc(JsonNode comps, View view) {
    ObjectNode doc = NODES.objectNode();
    doc.put("$schema", SCHEMA_DIALECT);
    ObjectNode defs = doc.putObject("$defs");
    for (Map.Entry<String, JsonNode> e : comps.properties()) {
      defs.set(e.getKey(), rewriter.rewrite(e.getValue(), "/components/schemas/" + SourceLocation.escape(e.getKey()),
          view, "#/$defs/"));
    }
    return doc;
  }

  private static final Set<String> DATA_KEYWORDS = Set.of("example", "examples", "default", "enum", "const");

  private static final int READ_ONLY = 1;
  private static final int WRITE_ONLY = 2;

  /**
   * Which of {@code readOnly: true} and {@code writeOnly: true} appear anywhere as keywords (not inside data
   * values): one walk for both, as it visits every node of the components.
   */
  private static int flags(JsonNode node) {
    int found = 0;
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty() && found != (READ_ONLY | WRITE_ONLY)) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        JsonNode r = n.get("readOnly");
        if (r != null && r.asBoolean(false)) {
          found |= READ_ONLY;
        }
        JsonNode w = n.get("writeOnly");
        if (w != null && w.asBoolean(false)) {
          found |= WRITE_ONLY;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          if (e.getValue().isContainer() && !DATA_KEYWORDS.contains(e.getKey())) {
            todo.push(e.getValue());
          }
        }
      } else if (n.isArray()) {
        for (JsonNode v : n.values()) {
          if (v.isContainer()) {
            todo.push(v);
          }
        }
      }
    }
    return found;
  }

  /** A schema of the description as a request sees it, referencing the request's components. */
  JsonNode request(JsonNode schema, String at) {
    return rewriter.rewrite(schema, at, View.REQUEST, requestComponents + "#/$defs/");
  }

  /** A schema of the description as a response sees it, referencing the response's components. */
  JsonNode response(JsonNode schema, String at) {
    return rewriter.rewrite(schema, at, View.RESPONSE, responseComponents + "#/$defs/");
  }

  /** Adds {@code schemas/<name>.schema.json}, declaring the dialect unless the schema does. */
  SourceLocation write(String name, JsonNode schema) {
    JsonNode doc = schema;
    if (schema.isObject() && !schema.has("$schema")) {
      ObjectNode o = NODES.objectNode();
      o.put("$schema", SCHEMA_DIALECT);
      o.setAll((ObjectNode) schema);
      doc = o;
    }
    String file = schemaFile(name + ".schema.json");
    schemas.put(file, doc);
    return SourceLocation.of(file);
  }

  /**
   * A schema the diff compares but the contract has no place for (a form body, a header parameter, a response
   * header): kept beside the version's files, never written into the tree.
   */
  SourceLocation side(String name, JsonNode schema) {
    // Beside the components, as their references are relative to the file that holds them (a side schema in a
    // folder of its own named a components file that does not exist there: exit 3 on every form body or
    // header parameter given by $ref). The "description." prefix keeps the names apart from the endpoints'.
    String file = schemaFile("description." + name + ".schema.json");
    side.put(file, schema);
    return SourceLocation.of(file);
  }

  /** The side schemas so far, by path. */
  Map<String, JsonNode> sideSchemas() {
    return side;
  }

  private String schemaFile(String name) {
    return versionDir + "/schemas/" + name;
  }

  /** Every file so far, by tree-relative path. */
  Map<String, JsonNode> all() {
    return schemas;
  }
}
