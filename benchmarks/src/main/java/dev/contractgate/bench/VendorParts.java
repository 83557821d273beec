package dev.contractgate.bench;

import static dev.contractgate.bench.VendorSpecs.MAPPER;
import static dev.contractgate.bench.VendorSpecs.ref;
import static dev.contractgate.bench.VendorSpecs.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The operations, shared components, property pools and examples of {@link VendorSpecs}. */
final class VendorParts {

  /** A property a schema may carry: its name and how its schema is made (given {@code nullable}). */
  record Field(String name, Function<UnaryOperator<ObjectNode>, ObjectNode> make) {}

  static final List<Field> SIMPLE_EXTRA = List.of(
      new Field("login", n -> type("string").put("example", "octo-ops")),
      new Field("avatar_url", n -> type("string").put("format", "uri")),
      new Field("gravatar_id", n -> n.apply(type("string"))),
      new Field("type", n -> enumOf("User", "Bot", "Organization", "Mannequin")),
      new Field("site_admin", n -> type("boolean")),
      new Field("display_name", n -> type("string").put("maxLength", 255)),
      new Field("events_url", n -> type("string").put("example", "https://api.example.test/v3/events{/privacy}")),
      new Field("followers_url", n -> type("string").put("format", "uri")),
      new Field("company", n -> n.apply(type("string"))),
      new Field("location", n -> n.apply(type("string"))),
      new Field("email", n -> n.apply(type("string").put("format", "email"))),
      new Field("starred_at", n -> type("string").put("format", "date-time")),
      new Field("slug", n -> type("string").put("pattern", "^[a-z0-9][a-z0-9-]*$").put("example", "main-yard")),
      new Field("color", n -> type("string").put("pattern", "^[0-9a-fA-F]{6}$").put("example", "f29513")));

  static final List<Field> FULL_EXTRA = List.of(
      new Field("number", n -> type("integer").put("minimum", 1)),
      new Field("comments", n -> type("integer").put("minimum", 0)),
      new Field("forks_count", n -> type("integer")),
      new Field("stargazers_count", n -> type("integer")),
      new Field("watchers_count", n -> type("integer")),
      new Field("size", n -> type("integer").put("description", "The size in kilobytes.")),
      new Field("open_issues_count", n -> type("integer")),
      new Field("archived", n -> type("boolean").put("default", false)),
      new Field("disabled", n -> type("boolean")),
      new Field("locked", n -> type("boolean")),
      new Field("has_wiki", n -> type("boolean").put("default", true)),
      new Field("has_pages", n -> type("boolean")),
      new Field("homepage", n -> n.apply(type("string").put("format", "uri"))),
      new Field("language", n -> n.apply(type("string"))),
      new Field("topics", n -> type("array").set("items", type("string"))),
      new Field("labels", n -> type("array").set("items", label())),
      new Field("license", n -> n.apply(license())),
      new Field("pushed_at", n -> type("string").put("format", "date-time")),
      new Field("merged_at", n -> n.apply(type("string").put("format", "date-time"))),
      new Field("due_on", n -> n.apply(type("string").put("format", "date-time"))),
      new Field("score", n -> type("number")),
      new Field("priority", n -> enumOf("low", "medium", "high", "urgent")),
      new Field("author_association", n -> enumOf("COLLABORATOR", "CONTRIBUTOR", "FIRST_TIMER",
          "FIRST_TIME_CONTRIBUTOR", "MANNEQUIN", "MEMBER", "NONE", "OWNER")),
      new Field("body", n -> n.apply(type("string"))),
      new Field("body_html", n -> type("string")),
      new Field("body_text", n -> type("string")),
      new Field("reactions", n -> reactions()),
      new Field("timeline_url", n -> type("string").put("format", "uri")),
      new Field("repository_url", n -> type("string").put("format", "uri")),
      new Field("labels_url", n -> type("string")),
      new Field("draft", n -> type("boolean")),
      new Field("custom_properties", n -> type("object").put("additionalProperties", true)),
      new Field("fingerprint", n -> type("string").put("pattern", "^[a-f0-9]{40}$")),
      new Field("amount", n -> type("integer").put("description", "In the smallest currency unit.")),
      new Field("currency", n -> type("string").put("pattern", "^[a-z]{3}$").put("example", "eur")),
      new Field("metadata", n -> type("object").set("additionalProperties", type("string").put("maxLength", 500))),
      new Field("livemode", n -> type("boolean")),
      new Field("expires_at", n -> n.apply(type("integer").put("format", "unix-time"))),
      new Field("checksum", n -> type("string").put("minLength", 40).put("maxLength", 40)),
      new Field("quota", n -> quota()));

  static final List<Field> REQUEST_EXTRA = List.of(
      new Field("homepage", n -> type("string").put("format", "uri")),
      new Field("has_wiki", n -> type("boolean")),
      new Field("has_pages", n -> type("boolean")),
      new Field("allow_merge", n -> type("boolean").put("default", true)),
      new Field("default_branch", n -> type("string")),
      new Field("priority", n -> enumOf("low", "medium", "high", "urgent")),
      new Field("due_on", n -> type("string").put("format", "date-time")),
      new Field("labels", n -> type("array").set("items", type("string"))),
      new Field("assignees", n -> type("array").put("maxItems", 10).set("items", type("string"))),
      new Field("milestone", n -> n.apply(type("integer"))),
      new Field("color", n -> type("string").put("pattern", "^[0-9a-fA-F]{6}$")),
      new Field("amount", n -> type("integer").put("minimum", 1)),
      new Field("currency", n -> type("string").put("pattern", "^[a-z]{3}$")),
      new Field("notes", n -> type("string").put("maxLength", 2000)),
      new Field("expires_at", n -> type("integer")));

  private final UnaryOperator<ObjectNode> nullable;
  private final boolean v31;

  VendorParts(UnaryOperator<ObjectNode> nullable, boolean v31) {
    this.nullable = nullable;
    this.v31 = v31;
  }

  /** Adds {@code count} fields of {@code pool} that {@code props} does not have yet, in a seeded order. */
  static void fillFrom(ObjectNode props, List<Field> pool, int count, Random r, UnaryOperator<ObjectNode> nullable) {
    List<Field> order = new ArrayList<>(pool);
    Collections.shuffle(order, r);
    int added = 0;
    for (Field f : order) {
      if (added == count) {
        return;
      }
      if (!props.has(f.name())) {
        ObjectNode s = f.make().apply(nullable);
        if (r.nextInt(10) < 7 && !s.has("description")) {
          s.put("description", VendorText.shortText(r, f.name().replace('_', ' ')));
        }
        props.set(f.name(), s);
        added++;
      }
    }
  }

  /** Parameters, responses, headers, security schemes and error schemas every operation shares. */
  void sharedComponents(ObjectNode components, ObjectNode schemas) {
    ObjectNode params = components.putObject("parameters");
    params.set("owner", param("owner", "path", true, type("string"),
        "The account owner. The name is not case sensitive."));
    params.set("per-page", param("per_page", "query", false,
        type("integer").put("default", 30).put("minimum", 1).put("maximum", 100),
        "The number of results per page (max 100). For more information, see \"[Using pagination]"
            + "(https://docs.example.test/rest/pagination).\""));
    params.set("page", param("page", "query", false, type("integer").put("default", 1).put("minimum", 1),
        "The page number of the results to fetch."));
    params.set("since", param("since", "query", false, type("string").put("format", "date-time"),
        "Only show results that were last updated after the given time, as an ISO 8601 timestamp: "
            + "`YYYY-MM-DDTHH:MM:SSZ`."));
    params.set("api-version", param("X-Api-Version", "header", false, enumOf("2024-01-01", "2025-06-01"),
        "The API version to use. Defaults to the oldest supported one."));
    ObjectNode headers = components.putObject("headers");
    headers.putObject("link").put("description", "Pagination links (RFC 8288).").set("schema", type("string"));
    headers.putObject("x-request-id").set("schema", type("string").put("format", "uuid"));
    ObjectNode error = type("object").put("description", "A basic error.");
    ObjectNode ep = error.putObject("properties");
    ep.set("message", type("string"));
    ep.set("documentation_url", type("string"));
    ep.set("url", type("string"));
    ep.set("status", type("string"));
    schemas.set("basic-error", error);
    ObjectNode validation = type("object").put("description", "Validation failed.");
    validation.putArray("required").add("message").add("documentation_url");
    ObjectNode vp = validation.putObject("properties");
    vp.set("message", type("string"));
    vp.set("documentation_url", type("string"));
    ObjectNode item = type("object");
    item.putArray("required").add("code");
    ObjectNode ip = item.putObject("properties");
    for (String k : List.of("resource", "field", "message", "code")) {
      ip.set(k, type("string"));
    }
    ip.set("index", type("integer"));
    ObjectNode value = MAPPER.createObjectNode();
    value.putArray("oneOf").add(nullable.apply(type("string"))).add(nullable.apply(type("integer")))
        .add(nullable.apply(type("array").set("items", type("string"))));
    ip.set("value", value);
    vp.set("errors", type("array").set("items", item));
    schemas.set("validation-error", validation);
    ObjectNode responses = components.putObject("responses");
    responses.set("not-found", jsonResponse("Resource not found", ref("basic-error")));
    responses.set("forbidden", jsonResponse("Forbidden", ref("basic-error")));
    responses.set("requires-authentication", jsonResponse("Requires authentication", ref("basic-error")));
    responses.set("validation-failed", jsonResponse("Validation failed, or the endpoint has been spammed.",
        ref("validation-error")));
    responses.putObject("not-modified").put("description", "Not modified");
    ObjectNode security = components.putObject("securitySchemes");
    security.putObject("bearerAuth").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
    ObjectNode oauth = security.putObject("oauth2").put("type", "oauth2");
    ObjectNode flow = oauth.putObject("flows").putObject("authorizationCode")
        .put("authorizationUrl", "https://example.test/login/oauth/authorize")
        .put("tokenUrl", "https://example.test/login/oauth/access_token");
    ObjectNode scopes = flow.putObject("scopes");
    for (String g : VendorText.GROUPS) {
      scopes.put(g + ":read", "Read " + g).put(g + ":write", "Read and write " + g);
    }
  }

  /** The six operations of resource {@code i} under {@code paths}. */
  void operations(ObjectNode paths, ObjectNode schemas, int i, Random r) {
    String noun = VendorText.noun(i);
    String stem = VendorText.stem(i);
    String group = VendorText.group(i);
    ObjectNode list = paths.putObject(VendorSpecs.listPath(i));
    ObjectNode get = op(list, "get", "list-" + stem + "s", "List " + noun + "s", r, noun, "list", group);
    refParams(get, "owner", "per-page", "page", "since", "api-version");
    inlineQuery(get, "sort", false, enumOf("created", "updated", "name"));
    inlineQuery(get, "direction", false, enumOf("asc", "desc"));
    inlineQuery(get, "state", false, enumOf("open", "closed", "all"));
    ObjectNode ok = jsonResponse("Response", type("array").set("items", ref(VendorSpecs.simple(i))));
    ok.withObject("content").withObject("application/json").putArray("example")
        .add(example(schemas, schemas.get(VendorSpecs.simple(i)), 1))
        .add(example(schemas, schemas.get(VendorSpecs.simple(i)), 1));
    ObjectNode headers = ok.putObject("headers");
    headers.putObject("Link").put("$ref", "#/components/headers/link");
    headers.putObject("X-RateLimit-Remaining").put("description", "Requests left in the window.")
        .set("schema", type("integer"));
    responses(get, ok, "304", "403", "404");
    if (VendorSpecs.publicList(i)) {
      ArrayNode sec = get.putArray("security");
      sec.addObject();
      sec.addObject().putArray("bearerAuth");
    }
    ObjectNode post = op(list, "post", "create-" + stem, "Create a " + noun, r, noun, "create", group);
    refParams(post, "owner");
    inlineParam(post, "X-Idempotency-Key", "header", false, type("string").put("maxLength", 64));
    ObjectNode body = post.putObject("requestBody").put("required", true);
    ObjectNode media = body.putObject("content").putObject("application/json");
    media.set("schema", ref(VendorSpecs.create(i)));
    media.putObject("examples").putObject("default").set("value",
        example(schemas, schemas.get(VendorSpecs.create(i)), 0));
    if (VendorSpecs.formBody(i)) {
      // Inline, as form-first vendors write them (and a form schema with a $ref into components stops
      // Contract Gate's diff today: the import looks for it in a file that does not exist).
      body.withObject("content").putObject("application/x-www-form-urlencoded")
          .set("schema", schemas.get(VendorSpecs.create(i)).deepCopy());
    }
    ObjectNode created = fullResponse(i, "Response");
    created.putObject("headers").putObject("Location").set("schema", type("string").put("format", "uri"));
    responses(post, created, "201", "403", "404", "422");
    writeSecurity(post, group);

    ObjectNode item = paths.putObject(VendorSpecs.itemPath(i));
    ObjectNode one = op(item, "get", "get-" + stem, "Get a " + noun, r, noun, "get", group);
    refParams(one, "owner", stem + "-id", "api-version");
    responses(one, fullResponse(i, "Response"), "304", "404");
    ObjectNode patch = op(item, "patch", "update-" + stem, "Update a " + noun, r, noun, "update", group);
    refParams(patch, "owner", stem + "-id");
    ObjectNode update = patch.putObject("requestBody").put("required", !VendorSpecs.optionalUpdate(i));
    update.putObject("content").putObject("application/json").set("schema", ref(VendorSpecs.update(i)));
    responses(patch, fullResponse(i, "Response"), "404", "422");
    writeSecurity(patch, group);
    ObjectNode delete = op(item, "delete", "delete-" + stem, "Delete a " + noun, r, noun, "delete", group);
    refParams(delete, "owner", stem + "-id");
    delete.putObject("responses").putObject("204").put("description", "Response");
    delete.withObject("responses").putObject("403").put("$ref", "#/components/responses/forbidden");
    delete.withObject("responses").putObject("404").put("$ref", "#/components/responses/not-found");
    writeSecurity(delete, group);

    ObjectNode activity = paths.putObject(VendorSpecs.itemPath(i) + "/activity");
    ObjectNode feed = op(activity, "get", "list-" + stem + "-activity", "List activity of a " + noun, r, noun,
        "list the activity of", group);
    refParams(feed, "owner", stem + "-id", "per-page", "page");
    responses(feed, jsonResponse("Response", type("array").set("items", ref(stem + "-activity"))), "404");
  }

  private static ObjectNode op(ObjectNode pathItem, String method, String id, String summary, Random r,
      String noun, String action, String group) {
    ObjectNode o = pathItem.putObject(method);
    o.put("summary", summary);
    o.put("description", VendorText.longText(r, noun, action));
    o.putArray("tags").add(group);
    o.put("operationId", id);
    o.putObject("externalDocs").put("description", "API method documentation")
        .put("url", "https://docs.example.test/rest/" + id);
    return o;
  }

  private ObjectNode fullResponse(int i, String description) {
    ObjectNode res = jsonResponse(description, ref(VendorSpecs.full(i)));
    res.withObject("content").withObject("application/json").putObject("examples").putObject("default")
        .put("$ref", "#/components/examples/" + VendorSpecs.full(i));
    return res;
  }

  private static void responses(ObjectNode op, ObjectNode success, String... statuses) {
    ObjectNode out = op.putObject("responses");
    String first = statuses[0].equals("201") ? "201" : "200";
    out.set(first, success);
    for (String s : statuses) {
      String name = switch (s) {
        case "304" -> "not-modified";
        case "403" -> "forbidden";
        case "404" -> "not-found";
        case "422" -> "validation-failed";
        default -> null;
      };
      if (name != null) {
        out.putObject(s).put("$ref", "#/components/responses/" + name);
      }
    }
  }

  private static void writeSecurity(ObjectNode op, String group) {
    ArrayNode sec = op.putArray("security");
    sec.addObject().putArray("bearerAuth");
    sec.addObject().putArray("oauth2").add(group + ":write");
  }

  private static void refParams(ObjectNode op, String... names) {
    ArrayNode params = op.withArray("parameters");
    for (String name : names) {
      params.addObject().put("$ref", "#/components/parameters/" + name);
    }
  }

  private static void inlineQuery(ObjectNode op, String name, boolean required, ObjectNode schema) {
    inlineParam(op, name, "query", required, schema);
  }

  private static void inlineParam(ObjectNode op, String name, String in, boolean required, ObjectNode schema) {
    op.withArray("parameters").add(param(name, in, required, schema, "The " + name.replace('_', ' ')
        + " to filter or order by."));
  }

  private static ObjectNode param(String name, String in, boolean required, ObjectNode schema, String text) {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("name", name).put("description", text).put("in", in);
    if (required) {
      p.put("required", true);
    }
    p.set("schema", schema);
    return p;
  }

  private static ObjectNode jsonResponse(String description, ObjectNode schema) {
    ObjectNode res = MAPPER.createObjectNode().put("description", description);
    res.putObject("content").putObject("application/json").set("schema", schema);
    return res;
  }

  static ObjectNode enumOf(String... values) {
    ObjectNode s = type("string");
    ArrayNode e = s.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return s;
  }

  private static ObjectNode label() {
    ObjectNode l = type("object");
    ObjectNode p = l.putObject("properties");
    p.set("id", type("integer"));
    p.set("name", type("string"));
    p.set("color", type("string"));
    p.set("default", type("boolean"));
    l.putArray("required").add("id").add("name");
    return l;
  }

  private static ObjectNode license() {
    ObjectNode l = type("object");
    ObjectNode p = l.putObject("properties");
    for (String k : List.of("key", "name", "spdx_id", "url", "node_id")) {
      p.set(k, type("string"));
    }
    l.putArray("required").add("key").add("name");
    return l;
  }

  private static ObjectNode reactions() {
    ObjectNode r = type("object");
    ObjectNode p = r.putObject("properties");
    p.set("url", type("string").put("format", "uri"));
    for (String k : List.of("total_count", "+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket")) {
      p.set(k, type("integer"));
    }
    return r;
  }

  private static ObjectNode quota() {
    ObjectNode q = type("object");
    ObjectNode p = q.putObject("properties");
    for (String k : List.of("limit", "used", "remaining", "reset")) {
      p.set(k, type("integer"));
    }
    q.putArray("required").add("limit").add("remaining");
    return q;
  }

  /**
   * An instance of {@code schema} as vendors show it: every property, values derived from the property's name
   * and format (so the same schema always gives the same example); references deeper than one level as ids.
   */
  JsonNode example(ObjectNode schemas, JsonNode schema, int depth) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asString().substring(VendorSpecs.REF.length());
      if (depth >= 2) {
        return MAPPER.createObjectNode().put("id", Math.abs(name.hashCode() % 100_000));
      }
      return example(schemas, schemas.get(name), depth + 1);
    }
    for (String k : List.of("allOf", "anyOf", "oneOf")) {
      if (schema.has(k)) {
        if (k.equals("allOf")) {
          ObjectNode merged = MAPPER.createObjectNode();
          schema.get(k).forEach(s -> {
            JsonNode e = example(schemas, s, depth);
            if (e.isObject()) {
              merged.setAll((ObjectNode) e);
            }
          });
          return merged;
        }
        return example(schemas, schema.get(k).get(0), depth);
      }
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    JsonNode t = schema.path("type");
    String type = t.isArray() ? t.get(0).asString() : t.asString("object");
    return switch (type) {
      case "object" -> {
        ObjectNode o = MAPPER.createObjectNode();
        schema.path("properties").properties().forEach(e -> o.set(e.getKey(), example(schemas, e.getValue(), depth)));
        yield o;
      }
      case "array" -> MAPPER.createArrayNode().add(example(schemas, schema.path("items"), depth));
      case "integer" -> JsonNodeFactory.instance.numberNode(42);
      case "number" -> JsonNodeFactory.instance.numberNode(12.5);
      case "boolean" -> JsonNodeFactory.instance.booleanNode(false);
      default -> JsonNodeFactory.instance.stringNode(switch (schema.path("format").asString("")) {
        case "date-time" -> "2026-03-14T09:26:53Z";
        case "uri" -> "https://api.example.test/v3/items/1347";
        case "email" -> "ops@example.test";
        case "uuid" -> "5b3b1d8e-6f4c-4c2a-9d1e-2f7a1c0e9b44";
        default -> "Example text for the field, as a vendor would show it in its reference documentation.";
      });
    };
  }
}
