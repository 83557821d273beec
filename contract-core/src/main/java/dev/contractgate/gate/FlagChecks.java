package dev.contractgate.gate;

import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.FeatureFlag;
import dev.contractgate.registry.SchemaPointers;
import dev.contractgate.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live checks of a backend-owned feature flag (docs/contract-format.md, "Feature flags"). The flag field
 * must be a boolean. While it is false the fields it gates may be absent (the schema's {@code required} is
 * waived for them); while it is true they must be present ({@code feature.gated-field-missing}, naming the
 * flag) and valid. An endpoint that is itself the flag may answer 404: the feature is off.
 */
final class FlagChecks {

  static final String NOT_BOOLEAN = "feature.flag-not-boolean";
  static final String GATED_MISSING = "feature.gated-field-missing";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Every missing gated field is one violation; a long list says nothing more after this many. */
  private static final int MAX_MISSING = 20;

  private FlagChecks() {}

  /** A flag endpoint's 404: not a violation, the feature is off. */
  static boolean featureOff(Endpoint e, int status) {
    return status == 404 && e.featureFlag().map(FeatureFlag::isEndpoint).orElse(false);
  }

  /**
   * Applies the flag's rules to the violations the schema found in a success response.
   *
   * @return the flag's state for the summary, e.g. {@code feature_enabled=false}, when the endpoint has a flag field
   */
  static Optional<String> apply(Endpoint e, int status, String body, List<Violation> violations) {
    Optional<FeatureFlag> flag = e.featureFlag().filter(f -> !f.isEndpoint());
    if (flag.isEmpty() || status < 200 || status > 299) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException | IllegalArgumentException ex) {
      return Optional.empty(); // reported as body.not-json by the validator
    }
    String name = flag.get().name();
    String pointer = flag.get().pointer().orElseThrow();
    JsonNode value = root.at(pointer);
    if (!value.isMissingNode() && !value.isBoolean()) {
      violations.add(new Violation(NOT_BOOLEAN, pointer, Optional.of(e.source().child("featureFlag")),
          "true or false (the feature flag " + name + ")", value.isString() ? "a string" : value.getNodeType()
              .toString().toLowerCase(java.util.Locale.ROOT),
          "send a JSON boolean: a frontend checks the flag before rendering, and \"false\" as a string is true"
              + " in JavaScript"));
      return Optional.of(name + " not a boolean");
    }
    boolean on = value.isBoolean() && value.booleanValue();
    if (!on) {
      // Flag off (or absent, which a frontend reads as off): the gated fields may be missing.
      violations.removeIf(v -> v.rule().equals("body.required") && gated(flag.get(), v.instancePointer()));
      return Optional.of(name + "=" + (value.isMissingNode() ? "absent" : "false"));
    }
    List<String> missing = new ArrayList<>();
    for (String gate : flag.get().gates()) {
      missingPlaces(root, "", SchemaPointers.segments(gate), 0, missing);
    }
    for (String m : missing.stream().distinct().limit(MAX_MISSING).toList()) {
      if (violations.stream().noneMatch(v -> v.instancePointer().equals(m))) {
        violations.add(new Violation(GATED_MISSING, m, Optional.of(e.source().child("featureFlag")),
            "present while " + name + " is true (the flag gates it)", "absent",
            "send the field whenever " + name + " is true, or send " + name + ": false until the backend has the data;"
                + " the frontend renders the feature as soon as the flag says true"));
      }
    }
    return Optional.of(name + "=true");
  }

  /** Whether an instance pointer is one of the places a flag gates. */
  static boolean gated(FeatureFlag flag, String instancePointer) {
    List<String> actual = SchemaPointers.segments(instancePointer);
    for (String gate : flag.gates()) {
      List<String> pattern = new ArrayList<>(SchemaPointers.segments(gate));
      if (pattern.size() == actual.size() + 1 && pattern.get(pattern.size() - 1).equals("*")) {
        pattern.remove(pattern.size() - 1); // /items/*/tags/* gates the list /items/*/tags itself
      }
      if (pattern.size() != actual.size()) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < pattern.size() && match; i++) {
        match = pattern.get(i).equals("*") || pattern.get(i).equals(actual.get(i));
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  /** The concrete pointers a gated pattern names that the body does not have: every item's field, for {@code *}. */
  private static void missingPlaces(JsonNode node, String at, List<String> segments, int i, List<String> out) {
    if (i == segments.size() || out.size() > MAX_MISSING) {
      return;
    }
    String seg = segments.get(i);
    boolean last = i == segments.size() - 1;
    if (seg.equals("*")) {
      if (last) {
        return; // "every item of the list": the list itself is the gated place, named one level up
      }
      if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          missingPlaces(node.get(k), at + "/" + k, segments, i + 1, out);
        }
      } else if (node.isObject()) {
        for (String key : node.propertyNames()) {
          missingPlaces(node.get(key), at + "/" + escape(key), segments, i + 1, out);
        }
      }
      return;
    }
    JsonNode child = node.isArray() && seg.chars().allMatch(Character::isDigit) && !seg.isEmpty()
        ? node.path(Integer.parseInt(seg)) : node.path(seg);
    if (child.isMissingNode()) {
      if (node.isObject() || node.isArray()) {
        out.add(at + "/" + escape(seg));
      }
      return;
    }
    missingPlaces(child, at + "/" + escape(seg), segments, i + 1, out);
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
