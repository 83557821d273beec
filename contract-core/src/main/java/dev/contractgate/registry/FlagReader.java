package dev.contractgate.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads an endpoint's {@code featureFlag}: the short form (a field name at the response root) or the long
 * form ({@code pointer} or {@code endpoint: true}, and the {@code gates} pointers). The flag and every gated
 * pointer must be places the endpoint's success response schema produces, and the flag must be a boolean.
 */
final class FlagReader {

  private FlagReader() {}

  static Optional<FeatureFlag> read(Fields f, Map<Integer, Endpoint.Response> responses, SchemaPointers pointers) {
    if (!f.has("featureFlag")) {
      return Optional.empty();
    }
    List<SourceLocation> roots = new ArrayList<>();
    responses.forEach((status, r) -> {
      if (status >= 200 && status < 300) {
        r.schema().ifPresent(roots::add);
      }
    });
    JsonNode v = f.node().get("featureFlag");
    if (v.isString()) {
      String name = f.requiredString("featureFlag", "name the boolean response field, e.g. feature_enabled");
      if (name.startsWith("/") || name.equals(FeatureFlag.ENDPOINT)) {
        throw f.error("featureFlag", "a field name at the response root, e.g. feature_enabled",
            "\"" + name + "\"", name.startsWith("/") ? "write the long form: featureFlag: {pointer: " + name + "}"
                : "write featureFlag: {endpoint: true} to make the endpoint itself the flag");
      }
      FeatureFlag flag = FeatureFlag.field(name);
      checkFlag(f, "featureFlag", flag.pointer().orElseThrow(), roots, pointers);
      return Optional.of(flag);
    }
    if (!v.isObject()) {
      throw f.error("featureFlag", "a field name (feature_enabled) or a mapping {pointer | endpoint: true, gates}",
          Fields.describe(v), "see \"Feature flags\" in docs/contract-format.md");
    }
    Fields g = f.child("featureFlag", "the feature flag");
    g.allowOnly("pointer", "endpoint", "gates");
    boolean endpoint = g.optionalBoolean("endpoint", false);
    if (g.has("endpoint") && !endpoint) {
      throw g.error("endpoint", "endpoint: true", "false", "remove the key: the endpoint is not the flag by default");
    }
    Optional<String> pointer = g.optionalString("pointer", "write the JSON pointer of the boolean, e.g. /feature_enabled");
    if (endpoint == pointer.isPresent()) {
      throw g.error(null, "exactly one of \"pointer\" (a boolean response field) and \"endpoint: true\"",
          endpoint ? "both" : "neither", "write pointer: /feature_enabled, or endpoint: true when the endpoint's"
              + " presence is the flag");
    }
    if (pointer.isPresent()) {
      String p = pointer.get();
      if (!p.startsWith("/") || p.contains("*")) {
        throw g.error("pointer", "a JSON pointer to one boolean, starting with '/', without '*'", "\"" + p + "\"",
            "write e.g. /feature_enabled or /features/video");
      }
      checkFlag(g, "pointer", p, roots, pointers);
    }
    List<String> gates = g.stringList("gates", "list the pointer patterns the flag gates, e.g. [/items/*/videoUrl]");
    for (int i = 0; i < gates.size(); i++) {
      String gate = gates.get(i);
      if (!gate.startsWith("/")) {
        throw Fields.error(g.document(), g.pointerOf("gates") + "/" + i, "a JSON pointer pattern starting with '/'",
            "\"" + gate + "\"", "write e.g. /items/*/videoUrl");
      }
      if (!roots.isEmpty() && !pointers.produces(roots, gate)) {
        throw Fields.error(g.document(), g.pointerOf("gates") + "/" + i,
            "a place the success response schema declares", "\"" + gate + "\" (not in " + names(roots) + ")",
            didYouMean(pointers, roots, gate, "declare the field in the schema (optional: it is absent while the"
                + " flag is false), or fix the pointer"));
      }
    }
    return Optional.of(pointer.map(p -> new FeatureFlag(Optional.of(p), gates))
        .orElseGet(() -> FeatureFlag.endpoint(gates)));
  }

  private static void checkFlag(Fields f, String key, String pointer, List<SourceLocation> roots,
      SchemaPointers pointers) {
    if (roots.isEmpty()) {
      throw f.error(key, "a success (2xx) response with a schema that holds the flag", "no 2xx schema",
          "declare the success response's schema, or make the endpoint the flag: featureFlag: {endpoint: true}");
    }
    if (!pointers.produces(roots, pointer)) {
      throw f.error(key, "a field the success response schema declares", "\"" + pointer + "\" (not in "
          + names(roots) + ")", didYouMean(pointers, roots, pointer, "declare the boolean in the schema"));
    }
    if (!pointers.mayBeBoolean(roots, pointer)) {
      throw f.error(key, "a boolean field (the flag is true or false)", "\"" + pointer + "\", not a boolean in "
          + names(roots), "give the field \"type\": \"boolean\"; a frontend checks it before rendering");
    }
  }

  /** A hint that names the closest pointer the schema does declare, when one is close. */
  static String didYouMean(SchemaPointers pointers, List<SourceLocation> roots, String pattern, String otherwise) {
    return SchemaPointers.suggest(pattern, pointers.known(roots))
        .map(s -> "did you mean \"" + s + "\"? Otherwise " + otherwise).orElse(otherwise);
  }

  static String names(List<SourceLocation> roots) {
    return roots.stream().map(SourceLocation::toString).distinct().reduce((a, b) -> a + ", " + b).orElse("");
  }
}
