package dev.contractgate.openapi;

import dev.contractgate.registry.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The operations under {@code paths}, in document order, and the endpoint ids they get. */
final class Operations {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private Operations() {}

  static List<Operation> read(Spec spec, List<String> notes) {
    JsonNode paths = spec.root().path("paths");
    List<Operation> out = new ArrayList<>();
    if (!paths.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> p : paths.properties()) {
      String path = p.getKey();
      String at = "/paths/" + SourceLocation.escape(path);
      if (!path.startsWith("/")) {
        throw spec.error(at, "a path that starts with '/'", "\"" + path + "\"", "write e.g. /pets/{id}");
      }
      JsonNode item = spec.resolve(p.getValue(), at);
      List<JsonNode> shared = Spec.list(item.path("parameters"));
      for (String m : METHODS) {
        JsonNode op = item.get(m);
        if (op == null || !op.isObject()) {
          continue;
        }
        String opAt = at + "/" + m;
        if (m.equals("trace")) {
          notes.add("TRACE " + path + ": skipped (the contract format has no TRACE)");
          continue;
        }
        String base = normaliseId(op.path("operationId").asString(""));
        if (base.isEmpty()) {
          base = normaliseId(m + "." + path.replace("{", "").replace("}", "").replace('/', '.'));
        }
        out.add(new Operation(m, path, op, opAt, shared, at + "/parameters", base));
      }
    }
    return out;
  }

  /**
   * Ids from operationIds (or method and path), normalised; when two operations map to the same id, the first
   * in document order keeps it and the next ones get {@code -2}, {@code -3} ... (the lowest free suffix).
   */
  static Map<Operation, String> assignIds(List<Operation> ops, List<String> notes) {
    Set<String> wanted = new HashSet<>();
    ops.forEach(o -> wanted.add(o.baseId()));
    Set<String> taken = new HashSet<>();
    // By identity: the record's hash would walk the whole operation node.
    Map<Operation, String> out = new IdentityHashMap<>();
    for (Operation o : ops) {
      String id = o.baseId();
      if (!taken.add(id)) {
        int n = 2;
        while (wanted.contains(id + "-" + n) || taken.contains(id + "-" + n)) {
          n++;
        }
        String suffixed = id + "-" + n;
        taken.add(suffixed);
        notes.add(o.method().toUpperCase(Locale.ROOT) + " " + o.path() + ": id \"" + id + "\" is already used by an"
            + " earlier operation; this one is \"" + suffixed + "\"");
        id = suffixed;
      }
      out.put(o, id);
    }
    return out;
  }

  /**
   * {@code listPets} → {@code list-pets}, {@code Pets.GetByID} → {@code pets.get-by-id}; characters outside
   * {@code [a-z0-9_.-]} become '-'; an id that would not start with a letter gets the prefix {@code op-}.
   */
  static String normaliseId(String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = raw.charAt(i - 1);
        boolean nextLower = i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          b.append('-');
        }
      }
      char l = Character.toLowerCase(c);
      b.append((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_' || l == '.' || l == '-' ? l : '-');
    }
    List<String> segments = new ArrayList<>();
    for (String seg : b.toString().split("\\.")) {
      String s = collapseDashes(seg);
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    String id = String.join(".", segments);
    if (!id.isEmpty() && !(id.charAt(0) >= 'a' && id.charAt(0) <= 'z')) {
      id = "op-" + id;
    }
    return id;
  }

  /** Runs of '-' as one, none at either end (by hand: a regular expression per segment showed in imports). */
  private static String collapseDashes(String seg) {
    StringBuilder b = new StringBuilder(seg.length());
    for (int i = 0; i < seg.length(); i++) {
      char c = seg.charAt(i);
      if (c != '-' || b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append(c);
      }
    }
    if (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }
}
