package dev.contractgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vendor-shaped OpenAPI descriptions: a REST API of {@code n} invented resources, each with list, create, get,
 * update, delete and an activity feed, in the shape large public descriptions have (shared path, query and
 * header parameters and error responses under {@code components}, JSON and form request bodies, component
 * schemas of 10 to 40 properties with formats, enums, nullable fields, arrays of references, nested objects,
 * {@code allOf} of a base and extras, {@code oneOf} of disjoint objects, security schemes, long Markdown
 * descriptions and examples). References are moderate: a resource refers to 2 to 5 others, and every tenth
 * one sits in a two-step cycle (its summary refers to a full object whose owner is that summary again), as
 * users and organisations do. {@link VendorChanges} derives a new version with a known list of changes.
 *
 * <p>Everything is a function of the seed and {@code n}: two runs write the same bytes.
 */
public final class VendorSpecs {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final String REF = "#/components/schemas/";

  /** The fewest resources every planted change fits on (about 0.35 MB). */
  public static final int MIN_RESOURCES = 10;

  /** An old and a new description and the changes planted between them. */
  public record Pair(ObjectNode oldApi, ObjectNode newApi, int resources, List<VendorChanges.Planted> planted) {}

  private final int n;
  private final long seed;
  private final boolean v31;
  private final ObjectNode schemas = MAPPER.createObjectNode();

  private VendorSpecs(int n, long seed, boolean v31) {
    if (n < 2) {
      throw new IllegalArgumentException("at least 2 resources, got " + n);
    }
    this.n = n;
    this.seed = seed;
    this.v31 = v31;
  }

  /**
   * A pair whose old side is about {@code bytes} long as pretty-printed JSON (at least {@link #MIN_RESOURCES}
   * resources); OpenAPI 3.1 when {@code v31}, else 3.0.3.
   */
  public static Pair ofSize(long bytes, long seed, boolean v31) {
    return pair(resourcesFor(bytes, seed, v31), seed, v31);
  }

  /** A pair of {@code n} resources per side. */
  public static Pair pair(int n, long seed, boolean v31) {
    if (n < MIN_RESOURCES) {
      throw new IllegalArgumentException("at least " + MIN_RESOURCES + " resources (to plant every change), got "
          + n);
    }
    ObjectNode old = generate(n, seed, v31);
    ObjectNode changed = old.deepCopy();
    List<VendorChanges.Planted> planted = VendorChanges.plant(changed, n, seed, v31);
    return new Pair(old, changed, n, planted);
  }

  /** The number of resources whose description is about {@code bytes} long (pretty-printed JSON). */
  public static int resourcesFor(long bytes, long seed, boolean v31) {
    // Linear in n: fitted on two small descriptions, so the mapping is as deterministic as the generator.
    long a = bytes(generate(8, seed, v31));
    long b = bytes(generate(24, seed, v31));
    double perResource = (b - a) / 16.0;
    double fixed = a - 8 * perResource;
    return Math.max(MIN_RESOURCES, (int) Math.round((bytes - fixed) / perResource));
  }

  /** One description of {@code n} resources. */
  public static ObjectNode generate(int n, long seed, boolean v31) {
    return new VendorSpecs(n, seed, v31).build();
  }

  /** Pretty-printed JSON, as vendors publish their descriptions. */
  public static String json(JsonNode api) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(api);
  }

  static long bytes(JsonNode api) {
    return json(api).getBytes(StandardCharsets.UTF_8).length;
  }

  // Names shared with VendorChanges.

  static String listPath(int i) {
    return "/" + VendorText.group(i) + "/{owner}/" + VendorText.noun(i) + "s";
  }

  static String itemPath(int i) {
    return listPath(i) + "/{" + VendorText.noun(i) + "_id}";
  }

  static String simple(int i) {
    return "simple-" + VendorText.stem(i);
  }

  static String full(int i) {
    return VendorText.stem(i);
  }

  static String create(int i) {
    return VendorText.stem(i) + "-create";
  }

  static String update(int i) {
    return VendorText.stem(i) + "-update";
  }

  /** Resource {@code i}'s full object has its own properties under {@code allOf[1]} (else flat). */
  static boolean composed(int i) {
    return i % 3 == 0;
  }

  /** Resource {@code i}'s create operation takes a form body too. */
  static boolean formBody(int i) {
    return i % 4 == 0;
  }

  /** Resource {@code i}'s list can be called without authentication. */
  static boolean publicList(int i) {
    return i % 2 == 0;
  }

  /** Resource {@code i}'s update body is optional ({@code requestBody.required: false}). */
  static boolean optionalUpdate(int i) {
    return i % 2 == 1;
  }

  /** Resource {@code i}'s summary refers to the full object of {@code i + 1} (a cycle). */
  static boolean cyclic(int i) {
    return i % 10 == 0;
  }

  private Random random(int i, int salt) {
    return new Random(seed * 1_000_003L + i * 31L + salt);
  }

  private ObjectNode build() {
    ObjectNode api = MAPPER.createObjectNode();
    api.put("openapi", v31 ? "3.1.0" : "3.0.3");
    ObjectNode info = api.putObject("info");
    info.put("title", "Example Works REST API");
    info.put("version", "1.4.0");
    info.put("description", VendorText.longText(random(-1, 0), "workspace", "manage")
        + "\n\nAll endpoints return JSON unless the operation says otherwise.");
    info.putObject("license").put("name", "MIT").put("url", "https://spdx.org/licenses/MIT");
    api.putArray("servers").addObject().put("url", "https://api.example.test/v3");
    api.putArray("security").addObject().putArray("bearerAuth");
    ArrayNode tags = api.putArray("tags");
    for (String g : VendorText.GROUPS) {
      tags.addObject().put("name", g).put("description", VendorText.sentence(random(-2, g.hashCode())));
    }
    ObjectNode paths = api.putObject("paths");
    ObjectNode components = api.putObject("components");
    components.set("schemas", schemas);
    VendorParts parts = new VendorParts(this::nullable, v31);
    parts.sharedComponents(components, schemas);
    for (int i = 0; i < n; i++) {
      schemas.set(simple(i), simpleSchema(i));
    }
    for (int i = 0; i < n; i++) {
      schemas.set(full(i), fullSchema(i));
      schemas.set(create(i), requestSchema(i, true));
      schemas.set(update(i), requestSchema(i, false));
      schemas.set(VendorText.stem(i) + "-activity", activitySchema(i));
    }
    ObjectNode examples = components.putObject("examples");
    ObjectNode params = components.withObject("/parameters");
    for (int i = 0; i < n; i++) {
      ObjectNode id = params.putObject(VendorText.stem(i) + "-id");
      id.put("name", VendorText.noun(i) + "_id").put("in", "path").put("required", true)
          .put("description", "The unique identifier of the " + VendorText.noun(i) + ".");
      id.putObject("schema").put("type", "integer");
      examples.putObject(full(i)).put("summary", "A " + VendorText.noun(i))
          .set("value", parts.example(schemas, schemas.get(full(i)), 0));
      parts.operations(paths, schemas, i, random(i, 7));
    }
    if (v31) {
      schemas.forEach(VendorSpecs::examplesArray);
    }
    return api;
  }

  /** 3.1 schemas carry {@code examples: [v]}; {@code example} is deprecated there. */
  private static void examplesArray(JsonNode schema) {
    if (schema instanceof ObjectNode o) {
      JsonNode e = o.remove("example");
      if (e != null) {
        o.putArray("examples").add(e);
      }
      for (String k : List.of("properties", "allOf", "anyOf", "oneOf", "items", "additionalProperties")) {
        JsonNode sub = o.get(k);
        if (sub == null) {
          continue;
        }
        if (k.equals("properties")) {
          sub.forEach(VendorSpecs::examplesArray);
        } else if (sub.isArray()) {
          sub.forEach(VendorSpecs::examplesArray);
        } else {
          examplesArray(sub);
        }
      }
    }
  }

  private ObjectNode simpleSchema(int i) {
    Random r = random(i, 1);
    ObjectNode s = object(VendorText.shortText(r, "summary of a " + VendorText.noun(i)));
    ObjectNode p = s.putObject("properties");
    p.set("id", type("integer").put("format", "int64").put("example", 1 + r.nextInt(90_000)));
    p.set("node_id", type("string").put("example", "MDQ6" + Long.toHexString(r.nextLong())));
    ObjectNode object = type("string");
    object.putArray("enum").add(VendorText.stem(i));
    p.set("object", object);
    p.set("name", type("string").put("maxLength", 100));
    p.set("url", type("string").put("format", "uri"));
    p.set("html_url", type("string").put("format", "uri"));
    VendorParts.fillFrom(p, VendorParts.SIMPLE_EXTRA, 4 + r.nextInt(7), r, this::nullable);
    if (cyclic(i) && i + 1 < n) {
      p.set("home", nullable(ref(full(i + 1))));
    }
    s.putArray("required").add("id").add("object").add("name").add("url");
    return s;
  }

  private ObjectNode fullSchema(int i) {
    Random r = random(i, 2);
    ObjectNode extras = MAPPER.createObjectNode();
    ObjectNode state = type("string").put("description", VendorText.shortText(r, "state"));
    state.putArray("enum").add("open").add("closed").add("locked");
    extras.set("state", state);
    extras.set("title", type("string").put("description", VendorText.shortText(r, "title")));
    extras.set("created_at", type("string").put("format", "date-time"));
    extras.set("updated_at", type("string").put("format", "date-time"));
    extras.set("closed_at", nullable(type("string").put("format", "date-time")));
    extras.set("description", nullable(type("string").put("description", VendorText.shortText(r, "text"))));
    ObjectNode visibility = type("string");
    visibility.putArray("enum").add("public").add("private").add("internal");
    extras.set("visibility", visibility);
    boolean ownedByCycle = i > 0 && cyclic(i - 1);
    extras.set("owner", ref(simple(ownedByCycle ? i - 1 : leaf(r, i))));
    int refs = 1 + r.nextInt(4);
    for (int k = 0; k < refs; k++) {
      switch (k) {
        case 0 -> extras.set("assignee", nullable(ref(simple(leaf(r, i)))));
        case 1 -> extras.set("members", type("array").set("items", ref(simple(leaf(r, i)))));
        case 2 -> {
          ObjectNode subject = MAPPER.createObjectNode();
          int a = leaf(r, i);
          int b = leaf(r, a);
          subject.putArray("oneOf").add(ref(simple(a))).add(ref(simple(b == a ? i : b)));
          extras.set("subject", subject);
        }
        default -> extras.set("parent", ref(simple(leaf(r, i))));
      }
    }
    ObjectNode permissions = object(null);
    ObjectNode pp = permissions.putObject("properties");
    for (String flag : List.of("admin", "maintain", "push", "triage", "pull")) {
      pp.set(flag, type("boolean"));
    }
    permissions.putArray("required").add("admin").add("pull").add("push");
    extras.set("permissions", permissions);
    int simpleCount = schemas.get(simple(i)).get("properties").size();
    int total = 10 + r.nextInt(31);
    VendorParts.fillFrom(extras, VendorParts.FULL_EXTRA, Math.max(0, total - simpleCount - extras.size()), r,
        this::nullable);
    List<String> required = List.of("state", "title", "created_at", "updated_at", "owner", "visibility");
    if (composed(i)) {
      ObjectNode s = MAPPER.createObjectNode();
      s.put("title", VendorText.stem(i));
      s.put("description", VendorText.shortText(r, VendorText.noun(i)));
      ArrayNode all = s.putArray("allOf");
      all.add(ref(simple(i)));
      ObjectNode own = all.addObject();
      own.put("type", "object");
      own.set("properties", extras);
      ArrayNode req = own.putArray("required");
      required.forEach(req::add);
      return s;
    }
    ObjectNode s = object(VendorText.shortText(r, VendorText.noun(i)));
    s.put("title", VendorText.stem(i));
    ObjectNode p = s.putObject("properties");
    p.setAll((ObjectNode) schemas.get(simple(i)).get("properties").deepCopy());
    p.remove("home");
    p.setAll(extras);
    ArrayNode req = s.putArray("required").add("id").add("object").add("name").add("url");
    required.forEach(req::add);
    return s;
  }

  private ObjectNode requestSchema(int i, boolean create) {
    Random r = random(i, create ? 3 : 4);
    ObjectNode s = object(VendorText.shortText(r, (create ? "new " : "changed ") + VendorText.noun(i)));
    ObjectNode p = s.putObject("properties");
    p.set("name", type("string").put("maxLength", 100).put("description", "The name of the " + VendorText.noun(i)
        + "."));
    p.set("title", type("string"));
    p.set("description", create ? type("string") : nullable(type("string")));
    ObjectNode visibility = type("string").put("default", "private");
    visibility.putArray("enum").add("public").add("private").add("internal");
    p.set("visibility", visibility);
    p.set("weight", type("number").put("minimum", 0).put("description", VendorText.shortText(r, "weight")));
    p.set("tags", type("array").put("maxItems", 20).set("items", type("string").put("maxLength", 50)));
    p.set("auto_init", type("boolean").put("default", false));
    VendorParts.fillFrom(p, VendorParts.REQUEST_EXTRA, 2 + r.nextInt(7), r, this::nullable);
    if (create) {
      s.putArray("required").add("name");
    }
    return s;
  }

  private ObjectNode activitySchema(int i) {
    Random r = random(i, 5);
    ObjectNode s = object(VendorText.shortText(r, "event"));
    ObjectNode p = s.putObject("properties");
    p.set("id", type("integer"));
    ObjectNode kind = type("string");
    kind.putArray("enum").add("created").add("updated").add("deleted").add("transferred");
    p.set("kind", kind);
    p.set("actor", ref(simple(leaf(r, i))));
    p.set("target", ref(simple(i)));
    p.set("created_at", type("string").put("format", "date-time"));
    p.set("payload", object(null).put("additionalProperties", true));
    s.putArray("required").add("id").add("kind").add("created_at");
    return s;
  }

  /** A resource other than {@code i} whose summary is not in a cycle (so reference chains stay short). */
  private int leaf(Random r, int i) {
    for (int tries = 0; tries < 20; tries++) {
      int k = r.nextInt(n);
      if (k != i && !cyclic(k)) {
        return k;
      }
    }
    return i == 1 ? n - 1 : 1;
  }

  static ObjectNode type(String t) {
    return MAPPER.createObjectNode().put("type", t);
  }

  static ObjectNode ref(String name) {
    return MAPPER.createObjectNode().put("$ref", REF + name);
  }

  private static ObjectNode object(String description) {
    ObjectNode o = type("object");
    if (description != null) {
      o.put("description", description);
    }
    return o;
  }

  /** The schema, or null: 3.0 {@code nullable}, 3.1 a {@code null} type (or {@code anyOf} for a reference). */
  ObjectNode nullable(ObjectNode schema) {
    if (!v31) {
      if (schema.has("$ref")) {
        ObjectNode o = MAPPER.createObjectNode();
        o.putArray("allOf").add(schema);
        return o.put("nullable", true);
      }
      return schema.put("nullable", true);
    }
    if (schema.has("$ref")) {
      ObjectNode o = MAPPER.createObjectNode();
      o.putArray("anyOf").add(schema).addObject().put("type", "null");
      return o;
    }
    String t = schema.get("type").asString();
    schema.putArray("type").add(t).add("null");
    return schema;
  }
}
