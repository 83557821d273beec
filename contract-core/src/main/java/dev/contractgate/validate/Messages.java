package dev.contractgate.validate;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.networknt.schema.Error;
import dev.contractgate.registry.SchemaRegex;
import dev.contractgate.registry.SourceLocation;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Turns networknt errors into {@link Violation}s: one factory per keyword, so the CLI text, JSON reports and
 * assertion messages all say the same thing. Values are truncated; header values that may carry secrets are
 * never shown.
 */
@API(status = INTERNAL, since = "0.1")
public final class Messages {

  public static final int MAX_VALUE_CHARS = 80;
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "cookie", "set-cookie", "proxy-authorization", "x-wgp-token", "x-api-key");

  private Messages() {}

  public static Violation violation(Error error, SourceLocation schemaLocation) {
    String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
    String instance = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    if (instance.equals("/")) {
      instance = "";
    }
    JsonNode schemaValue = error.getSchemaNode();
    JsonNode actualNode = error.getInstanceNode();
    String expected;
    String actual = describe(actualNode);
    String hint;
    switch (keyword) {
      case "required" -> {
        String property = error.getProperty();
        instance = instance + "/" + SourceLocation.escape(property);
        expected = "required property \"" + property + "\"";
        actual = "absent";
        hint = "send \"" + property + "\"; making it optional is a breaking change for every consumer that reads it";
      }
      case "type" -> {
        expected = "type " + compact(schemaValue);
        hint = "send a JSON " + compact(schemaValue).replace("\"", "") + " here; consumers parse this value by type";
      }
      case "format" -> {
        String format = schemaValue == null ? "?" : schemaValue.asString();
        expected = "format \"" + format + "\"";
        hint = switch (format) {
          case "date-time" -> "send an RFC 3339 date-time with offset, e.g. 2026-11-22T10:00:00+03:00";
          case "date" -> "send an ISO date, e.g. 2026-11-22";
          case "uri" -> "send an absolute URI, e.g. https://ivanpin.com/blog/post";
          case "email" -> "send an e-mail address, e.g. name@example.com";
          default -> "send a value in the \"" + format + "\" format";
        };
      }
      case "enum" -> {
        expected = "one of " + compact(schemaValue);
        hint = "send one of the allowed values; a new value needs a new contract version that consumers accept";
      }
      case "const" -> {
        expected = "the constant " + compact(schemaValue);
        hint = "send exactly this value";
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        String property = error.getProperty();
        if (property != null) {
          instance = instance + "/" + SourceLocation.escape(property);
        }
        expected = "no property" + (property == null ? "s" : " \"" + property + "\"") + " outside the declared ones";
        hint = "remove the property, or declare it in a new contract version";
      }
      default -> {
        expected = keyword + " " + compact(schemaValue);
        hint = "";
      }
    }
    return new Violation(
        "body." + keyword,
        instance,
        Optional.of(schemaLocation),
        expected,
        actual,
        hint.isEmpty() ? stripPointer(error.getMessage()) : hint);
  }

  /** A {@code pattern} check that was stopped over its budget: neither a match nor a mismatch. */
  public static Violation patternBudget(Error error, SourceLocation schemaLocation, SchemaRegex.BudgetExceeded over) {
    String instance = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    return patternBudget(instance.equals("/") ? "" : instance, schemaLocation, describe(error.getInstanceNode()), over);
  }

  /** As above, for a value found by other means (a property name that {@code patternProperties} checked). */
  public static Violation patternBudget(String instancePointer, SourceLocation schemaLocation, String value,
      SchemaRegex.BudgetExceeded over) {
    return new Violation(
        "body.pattern-budget",
        instancePointer,
        Optional.of(schemaLocation),
        "pattern \"" + over.pattern() + "\" decided within " + SchemaRegex.budget(over.length()) + " steps",
        value + " (" + over.length() + " characters): stopped after " + over.steps() + " steps"
            + (over.body() ? ", when the body's " + SchemaRegex.STEPS_PER_BODY + " steps for all its patterns ran out"
                : ""),
        "the pattern backtracks without limit on such values; rewrite it without nested or repeated groups"
            + " such as (a+)+ or (.*a){12} (docs/limits.md)");
  }

  /** The pointer of the first property called {@code name} in {@code instance}, found without recursion. */
  public static String propertyPointer(JsonNode instance, String name) {
    java.util.Deque<Map.Entry<String, JsonNode>> pending = new java.util.ArrayDeque<>();
    pending.push(Map.entry("", instance));
    while (!pending.isEmpty()) {
      Map.Entry<String, JsonNode> e = pending.pop();
      JsonNode n = e.getValue();
      if (n.isObject()) {
        if (n.has(name)) {
          return e.getKey() + "/" + SourceLocation.escape(name);
        }
        for (Map.Entry<String, JsonNode> p : n.properties()) {
          pending.push(Map.entry(e.getKey() + "/" + SourceLocation.escape(p.getKey()), p.getValue()));
        }
      } else if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          pending.push(Map.entry(e.getKey() + "/" + i, n.get(i)));
        }
      }
    }
    return "";
  }

  private static String stripPointer(String message) {
    if (message == null) {
      return "";
    }
    int colon = message.indexOf(": ");
    return colon > 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
  }

  /** {@code string "12.50"}, {@code number 5}, {@code object {...}}, {@code array [3 items]}. */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "absent";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isString()) {
      return "string " + truncate("\"" + n.asString() + "\"");
    }
    if (n.isNumber()) {
      return (n.isIntegralNumber() ? "integer " : "number ") + truncate(n.toString());
    }
    if (n.isBoolean()) {
      return "boolean " + n;
    }
    if (n.isArray()) {
      return "array [" + n.size() + (n.size() == 1 ? " item]" : " items]");
    }
    return "object " + truncate(n.toString());
  }

  public static String compact(JsonNode n) {
    return n == null ? "?" : truncate(n.toString());
  }

  public static String truncate(String s) {
    return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 3) + "...";
  }

  /** A header value fit for a report: secrets never, other values truncated. */
  public static String headerValue(String name, String value) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "(redacted)" : "\"" + truncate(value) + "\"";
  }

  public static String where(TokenStreamLocation loc) {
    return loc == null || loc.getLineNr() <= 0 ? "position unknown"
        : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  public static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
