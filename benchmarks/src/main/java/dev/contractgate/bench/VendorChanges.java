package dev.contractgate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The changes between the old and the new {@link VendorSpecs} description: 32 of the kinds vendors ship in
 * one release (removed and added operations, a required request property, a removed response property, an
 * enum value added to a response, parameters made required, a narrowed type, a field made nullable, a body
 * made required, reworded descriptions ...), each on a resource chosen by the seed, recorded with the rule id
 * Contract Gate should report for it.
 */
public final class VendorChanges {

  /**
   * One planted change.
   *
   * @param change what was changed, for people
   * @param operation {@code METHOD /path} of the operation it shows on
   * @param operationId that operation's {@code operationId}
   * @param ruleId the rule id of {@code docs/rules.md} it should be reported with; empty for a change that
   *     should not be reported above INFO (a reworded description)
   * @param severity the rule's default severity, {@code NONE} for a reworded description
   * @param detail the property, parameter or header it is about; empty for a whole operation or body
   */
  public record Planted(String change, String operation, String operationId, String ruleId, String severity,
      String detail) {}

  private final ObjectNode api;
  private final int n;
  private final boolean v31;
  private final List<Integer> order;
  private final Set<String> used = new HashSet<>();
  private final List<Planted> planted = new ArrayList<>();
  private final Map<String, String> operationIds = new HashMap<>();
  private int cursor;

  private VendorChanges(ObjectNode api, int n, long seed, boolean v31) {
    this.api = api;
    this.n = n;
    this.v31 = v31;
    List<Integer> eligible = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // A resource whose full object another summary refers to (the cycle) would show its changes on every
      // endpoint that reaches it; keep the planted changes on one resource each.
      if (!VendorSpecs.cyclic(i) && !(i > 0 && VendorSpecs.cyclic(i - 1))) {
        eligible.add(i);
      }
    }
    Collections.shuffle(eligible, new Random(seed + 99));
    this.order = eligible;
    api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
        operationIds.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
            op.getValue().path("operationId").asString(""))));
  }

  /** Applies the changes to {@code api} (a copy of the old description) and lists them. */
  static List<Planted> plant(ObjectNode api, int n, long seed, boolean v31) {
    VendorChanges c = new VendorChanges(api, n, seed, v31);
    c.plantAll();
    return List.copyOf(c.planted);
  }

  private void plantAll() {
    ((ObjectNode) api.get("info")).put("version", "1.5.0");
    for (int t = 0; t < 2; t++) {
      int k = pick("delete", i -> true);
      remove(VendorSpecs.itemPath(k), "delete");
      add("operation removed", "DELETE " + VendorSpecs.itemPath(k), "endpoint.removed", "BREAKING", "");
    }
    int feed = pick("activity", i -> true);
    remove(VendorSpecs.itemPath(feed) + "/activity", "get");
    add("operation removed", "GET " + VendorSpecs.itemPath(feed) + "/activity", "endpoint.removed", "BREAKING", "");
    for (int t = 0; t < 2; t++) {
      int k = pick("required-added", i -> true);
      ObjectNode s = schema(VendorSpecs.create(k));
      ((ObjectNode) s.get("properties")).set("region", VendorSpecs.type("string").put("maxLength", 32));
      ((ArrayNode) s.get("required")).add("region");
      add("required request property added", post(k), "request.property.required-added", "BREAKING", "region");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("response-removed", i -> true);
      fullProps(k).remove("description");
      add("response property removed", get(k), "response.property.removed", "WARNING", "description");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("enum-added", i -> true);
      ((ArrayNode) fullProps(k).get("state").get("enum")).add("merged");
      add("enum value added to a response", get(k), "response.enum.value-added", "BREAKING", "state");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("query-required", i -> true);
      param(op(VendorSpecs.listPath(k), "get"), "state").put("required", true);
      add("query parameter made required", "GET " + VendorSpecs.listPath(k), "request.property.required-added",
          "BREAKING", "state");
    }
    int idem = pick("header-required", i -> true);
    param(op(VendorSpecs.listPath(idem), "post"), "X-Idempotency-Key").put("required", true);
    add("header parameter made required", post(idem), "request.parameter.required-added", "BREAKING",
        "X-Idempotency-Key");
    for (int t = 0; t < 2; t++) {
      int k = pick("narrowed", i -> true);
      ((ObjectNode) schema(VendorSpecs.create(k)).get("properties").get("weight")).put("type", "integer");
      add("request type narrowed (number to integer)", post(k), "request.type.narrowed", "BREAKING", "weight");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("nullable", i -> true);
      ObjectNode title = (ObjectNode) fullProps(k).get("title");
      if (v31) {
        title.putArray("type").add("string").add("null");
      } else {
        title.put("nullable", true);
      }
      add("response field made nullable", get(k), "response.type.nullable-added", "BREAKING", "title");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("body-required", VendorSpecs::optionalUpdate);
      ((ObjectNode) op(VendorSpecs.itemPath(k), "patch").get("requestBody")).put("required", true);
      add("request body made required", "PATCH " + VendorSpecs.itemPath(k), "request.body.required-added",
          "BREAKING", "");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("reword-op", i -> true);
      ObjectNode o = op(VendorSpecs.itemPath(k), "get");
      o.put("description", o.get("description").asString().replace("For more information", "To learn more"));
      add("operation description reworded", get(k), "", "NONE", "");
    }
    for (int t = 0; t < 2; t++) {
      int k = pick("reword-prop", i -> true);
      ObjectNode state = (ObjectNode) fullProps(k).get("state");
      state.put("description", "The state of the " + VendorText.noun(k) + ": `open`, `closed` or `locked`.");
      add("property description reworded", get(k), "", "NONE", "state");
    }
    for (int t = 0; t < 3; t++) {
      int k = pick("added", i -> true);
      addArchive(k);
      add("operation added", "POST " + VendorSpecs.itemPath(k) + "/archive", "endpoint.added", "INFO", "");
    }
    int status = pick("status", i -> true);
    ((ObjectNode) op(VendorSpecs.itemPath(status), "get").get("responses")).remove("404");
    add("response status removed", get(status), "response.status.removed", "BREAKING", "404");
    int form = pick("form", VendorSpecs::formBody);
    ((ObjectNode) op(VendorSpecs.listPath(form), "post").get("requestBody").get("content"))
        .remove("application/x-www-form-urlencoded");
    add("form media type no longer accepted", post(form), "request.media-type.removed", "BREAKING", "");
    int auth = pick("auth", VendorSpecs::publicList);
    ((ObjectNode) op(VendorSpecs.listPath(auth), "get")).remove("security");
    add("list now requires authentication", "GET " + VendorSpecs.listPath(auth), "request.security.tightened",
        "BREAKING", "");
    int length = pick("max-length", i -> true);
    ((ObjectNode) schema(VendorSpecs.create(length)).get("properties").get("name")).put("maxLength", 50);
    add("request maxLength lowered", post(length), "request.string.max-length-lowered", "BREAKING", "name");
    int header = pick("header-removed", i -> true);
    ((ObjectNode) op(VendorSpecs.listPath(header), "get").get("responses").get("200").get("headers"))
        .remove("X-RateLimit-Remaining");
    add("response header removed", "GET " + VendorSpecs.listPath(header), "response.header.removed", "WARNING",
        "X-RateLimit-Remaining");
    int enumRemoved = pick("enum-removed", i -> true);
    ArrayNode visibility = (ArrayNode) schema(VendorSpecs.create(enumRemoved)).get("properties")
        .get("visibility").get("enum");
    visibility.remove(2);
    add("request enum value removed", post(enumRemoved), "request.enum.value-removed", "BREAKING", "visibility");
    int optional = pick("required-removed", i -> true);
    ArrayNode required = (ArrayNode) fullOwn(optional).get("required");
    for (int j = 0; j < required.size(); j++) {
      if (required.get(j).asString().equals("created_at")) {
        required.remove(j);
        break;
      }
    }
    add("response property no longer required", get(optional), "response.property.required-removed",
        "BREAKING", "created_at");
  }

  /** The next resource in the seeded order that satisfies {@code ok} and has no change of this kind yet. */
  private int pick(String kind, IntPredicate ok) {
    for (int step = 0; step < order.size(); step++) {
      int k = order.get((cursor + step) % order.size());
      if (ok.test(k) && used.add(kind + " " + k)) {
        cursor = (cursor + step + 1) % order.size();
        return k;
      }
    }
    throw new IllegalArgumentException(n + " resources are too few to plant every change (kind " + kind
        + "); use at least 10");
  }

  private void add(String change, String operation, String ruleId, String severity, String detail) {
    planted.add(new Planted(change, operation, operationIds.get(operation), ruleId, severity, detail));
  }

  private static String get(int k) {
    return "GET " + VendorSpecs.itemPath(k);
  }

  private static String post(int k) {
    return "POST " + VendorSpecs.listPath(k);
  }

  private ObjectNode schema(String name) {
    return (ObjectNode) api.get("components").get("schemas").get(name);
  }

  /** The schema object that holds the full object's own properties and required list. */
  private ObjectNode fullOwn(int k) {
    ObjectNode s = schema(VendorSpecs.full(k));
    return VendorSpecs.composed(k) ? (ObjectNode) s.get("allOf").get(1) : s;
  }

  private ObjectNode fullProps(int k) {
    return (ObjectNode) fullOwn(k).get("properties");
  }

  private ObjectNode op(String path, String method) {
    return (ObjectNode) api.get("paths").get(path).get(method);
  }

  private void remove(String path, String method) {
    ObjectNode item = (ObjectNode) api.get("paths").get(path);
    item.remove(method);
    if (item.isEmpty()) {
      ((ObjectNode) api.get("paths")).remove(path);
    }
  }

  private static ObjectNode param(ObjectNode op, String name) {
    for (JsonNode p : op.get("parameters")) {
      if (name.equals(p.path("name").asString(""))) {
        return (ObjectNode) p;
      }
    }
    throw new IllegalStateException("no inline parameter " + name);
  }

  private void addArchive(int k) {
    ObjectNode item = ((ObjectNode) api.get("paths")).putObject(VendorSpecs.itemPath(k) + "/archive");
    ObjectNode post = item.putObject("post");
    post.put("summary", "Archive a " + VendorText.noun(k));
    post.put("description", "Archives the " + VendorText.noun(k) + ". An archived " + VendorText.noun(k)
        + " is read-only until it is restored.");
    post.putArray("tags").add(VendorText.group(k));
    post.put("operationId", "archive-" + VendorText.stem(k));
    operationIds.put("POST " + VendorSpecs.itemPath(k) + "/archive", "archive-" + VendorText.stem(k));
    ArrayNode params = post.putArray("parameters");
    params.addObject().put("$ref", "#/components/parameters/owner");
    params.addObject().put("$ref", "#/components/parameters/" + VendorText.stem(k) + "-id");
    ObjectNode responses = post.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "Response");
    ok.putObject("content").putObject("application/json").set("schema", VendorSpecs.ref(VendorSpecs.full(k)));
    responses.putObject("404").put("$ref", "#/components/responses/not-found");
    ArrayNode sec = post.putArray("security");
    sec.addObject().putArray("oauth2").add(VendorText.group(k) + ":write");
  }
}
