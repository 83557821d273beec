package dev.contractgate.diff.engine;

import dev.contractgate.diff.Direction;
import dev.contractgate.diff.Relation;
import dev.contractgate.diff.Severity;
import dev.contractgate.report.Report.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What a finding says, in the fact shape of docs/reports.md#the-fact-shape: a headline, then facts. */
final class Messages {

  private Messages() {}

  static String headline(String ruleId, String pointer) {
    return ruleId + " at " + (pointer.isEmpty() ? "/" : pointer);
  }

  static List<Fact> facts(Finding f, Direction d, Severity s, Optional<JsonNode> witness) {
    List<Fact> facts = new ArrayList<>(6);
    facts.add(new Fact("old", f.oldText));
    facts.add(new Fact("new", f.newText));
    facts.add(new Fact("meaning", meaning(f, d, s)));
    facts.add(new Fact("instance", f.path.isEmpty() ? "(the whole value)" : f.path));
    facts.add(new Fact("schema", f.oldLoc + " → " + f.newLoc));
    witness.ifPresent(w -> facts.add(new Fact("witness", Planner.abbreviate(w.toString()) + "  ("
        + (f.kind.relation() == Relation.NARROWER ? "old accepts, new rejects" : "new accepts, old rejects") + ")")));
    return facts;
  }

  static String meaning(Finding f, Direction d, Severity s) {
    boolean response = d == Direction.RESPONSE;
    String values = f.kind.values(f.subject);
    switch (f.kind) {
      case REQUIRED_REMOVED:
        return response ? "the backend may now omit " + f.subject + "; a consumer that reads it breaks" + tolerance(s)
            : "consumers may now omit " + f.subject + "; the backend accepts that";
      case REQUIRED_ADDED:
        return response ? "the backend now always sends " + f.subject + "; consumers are unaffected"
            : "the backend now rejects requests without " + f.subject + "; an old consumer that does not send it"
                + " breaks" + tolerance(s);
      case PROPERTY_ADDED:
        return response ? "the backend now declares " + f.subject + "; consumers built against the old version"
            + " accept it" + tolerance(s)
            : "the backend now checks " + f.subject + " against a schema; a consumer that sent other values under"
                + " that name breaks" + tolerance(s);
      case PROPERTY_REMOVED:
        return response ? "the backend no longer declares " + f.subject + " and may send anything under that name;"
            + " a consumer that reads it can break" + tolerance(s)
            : "consumers may now send any value for " + f.subject + "; the backend accepts it";
      case ANNOTATION_CHANGED:
        return "documentation only (" + f.subject + "); the accepted values are unchanged";
      default:
        break;
    }
    return switch (f.kind.relation()) {
      case EQUAL -> "the accepted values are unchanged";
      case WIDER -> response
          ? "the backend may now send " + values + ", which the old schema rejected; a consumer built against"
              + " the old version can break" + tolerance(s)
          : "consumers may now also send " + values + "; the backend accepts them";
      case NARROWER -> response
          ? "the backend no longer sends " + values + "; consumers still accept everything it sends"
          : "the backend now rejects " + values + ", which the old schema accepted; a consumer still sending them"
              + " breaks" + tolerance(s);
      case INCOMPARABLE -> "the accepted values changed both ways (" + values + "); old "
          + (response ? "consumers" : "requests") + " can break";
      case UNKNOWN -> "the effect cannot be decided from the schemas (" + values + "); the policy counts it as "
          + s.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String tolerance(Severity s) {
    return s == Severity.WARNING ? " (reported as a warning by policy)"
        : s == Severity.INFO ? " (accepted by policy)" : "";
  }

  /**
   * What kind of value a property schema declares, for the one-line changelog view: {@code  (string, nullable)}
   * or {@code  (object)}; empty when the schema says nothing a reader could name. Read from the schema, not
   * from its shown (possibly abbreviated) JSON, so a long description cannot push the type out of sight.
   */
  static String kindOf(Node n) {
    if (n == null || n.absent || !n.json.isObject()) {
      return n != null && n.json.isBoolean() ? " (" + (n.json.asBoolean() ? "any value" : "no value") + ")" : "";
    }
    JsonNode j = n.json;
    List<String> parts = new ArrayList<>(3);
    boolean nullable = n.orNull || j.path("nullable").asBoolean(false);
    JsonNode type = j.get("type");
    if (type != null && type.isString()) {
      parts.add(type.stringValue());
    } else if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.isString() && t.stringValue().equals("null")) {
          nullable = true;
        } else if (t.isString()) {
          parts.add(t.stringValue());
        }
      }
    }
    if (parts.isEmpty()) {
      JsonNode ref = j.get("$ref");
      if (ref != null && ref.isString()) {
        String r = ref.stringValue();
        parts.add("$ref " + r.substring(r.lastIndexOf('/') + 1));
      } else if (j.has("enum")) {
        parts.add("enum");
      } else if (j.has("const")) {
        parts.add("const");
      } else if (j.has("properties")) {
        parts.add("object");
      } else if (j.has("items")) {
        parts.add("array");
      } else {
        for (String k : List.of("oneOf", "anyOf", "allOf")) {
          if (j.has(k)) {
            parts.add(k);
            break;
          }
        }
      }
    }
    JsonNode format = j.get("format");
    if (format != null && format.isString()) {
      parts.add(format.stringValue());
    }
    if (nullable) {
      parts.add("nullable");
    }
    if (j.path("deprecated").asBoolean(false)) {
      parts.add("deprecated");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }
}
