package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelog layout of a {@code diff} report, shared by the text and Markdown renderers: findings grouped
 * under the operation they change ({@code GET /pets (listPets)}), one line each, and the hints once per rule
 * in a legend. Values are shortened at a boundary with a count of what was left out, never mid-token.
 */
final class Changelog {

  /** Longest old or new value on a finding's line. */
  static final int MAX_VALUE = 90;
  /** Places of a {@code reaches} list shown before "and N more". */
  static final int MAX_REACHES = 3;

  private Changelog() {}

  static boolean applies(Report report) {
    return report.kind().equals("diff");
  }

  /**
   * Findings of an entry by operation, the operations in one order (path in natural order, then method) and
   * each operation's findings in report order (the most serious first).
   */
  static Map<String, List<Finding>> byOperation(Entry e) {
    Map<String, List<Finding>> out = new java.util.TreeMap<>(NaturalOrder.OPERATIONS);
    for (Finding f : e.findings()) {
      out.computeIfAbsent(operation(f), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  static String operation(Finding f) {
    String op = fact(f, "operation");
    if (!op.isEmpty()) {
      return op;
    }
    int space = f.where().indexOf(' ');
    return space < 0 ? f.where() : f.where().substring(0, space);
  }

  /** {@code request header X-Trace: type string → type integer}: where in the operation, then old → new. */
  static String line(Finding f) {
    String where = f.where();
    if (!fact(f, "operation").isEmpty() || where.startsWith("schema ")) {
      int space = where.indexOf(' ');
      where = space < 0 ? "" : where.substring(space + 1);
    }
    String old = fact(f, "old");
    String now = fact(f, "new");
    String change = old.isEmpty() && now.isEmpty() ? fact(f, "meaning")
        : shorten(oneLine(old), MAX_VALUE) + " → " + shorten(oneLine(now), MAX_VALUE);
    String named = named(f, old, now);
    if (!named.isEmpty()) {
      // The finding is about one property: name it, not the whole required list or the schema with its prose.
      change = named;
    }
    String reaches = fact(f, "reaches");
    int places = reaches.isEmpty() ? 0 : reaches.split("\n").length;
    return where + (where.isEmpty() ? "" : ": ") + change + (places > 1 ? " (reaches " + places + " places)" : "");
  }

  /**
   * A change to one property, said with its name: {@code "state" no longer required}, {@code "region" now
   * required}, {@code property "title" (string, nullable) → absent (any value allowed)}; empty for other
   * findings. The whole {@code required} lists and schemas stay in the details.
   */
  static String named(Finding f, String old, String now) {
    String where = f.where();
    int slash = where.lastIndexOf('/');
    if (slash < 0 || slash == where.length() - 1) {
      return "";
    }
    String name = where.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    String rule = f.rule();
    if (rule.endsWith("property.required-removed") && old.startsWith("required")) {
      return quote(name) + " no longer required";
    }
    if (rule.endsWith("property.required-added") && now.startsWith("required")) {
      return quote(name) + " now required";
    }
    String o = property(old, name);
    String n = property(now, name);
    if (o.isEmpty() || n.isEmpty()) {
      return "";
    }
    return o + " → " + n;
  }

  /**
   * {@code property "title" (string, nullable): {...}} as {@code property "title" (string, nullable)},
   * {@code no property "title" (any value allowed)} as {@code absent (any value allowed)}; empty for any other
   * value.
   */
  private static String property(String value, String name) {
    String q = quote(name);
    String absent = "no property " + q;
    if (value.startsWith(absent)) {
      return "absent" + value.substring(absent.length());
    }
    String present = "property " + q;
    if (!value.startsWith(present)) {
      return "";
    }
    String rest = value.substring(present.length());
    if (rest.startsWith(": ")) {
      return present;
    }
    int end = rest.indexOf("): ");
    return rest.startsWith(" (") && end > 0 ? present + rest.substring(0, end + 1) : "";
  }

  /** {@code name} as a JSON string, how the diff's messages quote property names. */
  static String quote(String name) {
    StringBuilder b = new StringBuilder(name.length() + 2).append('"');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      int shortEscape = "\b\t\n\f\r".indexOf(c);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (shortEscape >= 0) {
        b.append('\\').append("btnfr".charAt(shortEscape));
      } else if (c < 0x20) {
        b.append(String.format("\\u%04X", (int) c)); // as Jackson writes it
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * The other operations a shared-component change reaches, as a client calls them:
   * {@code GET /pets/{id}, PATCH /pets/{id} and 2 more}; empty when it reaches no other operation.
   */
  static String also(Finding f) {
    String value = fact(f, "also");
    if (value.isEmpty()) {
      return "";
    }
    List<String> ops = new ArrayList<>();
    int more = 0;
    for (String line : value.split("\n")) {
      if (line.startsWith("... and ")) {
        more += places(line);
      } else if (ops.size() < MAX_REACHES) {
        ops.add(withoutId(line));
      } else {
        more++;
      }
    }
    return String.join(", ", ops) + (more > 0 ? " and " + more + " more" : "");
  }

  /** {@code ... and 7 more places} → 7. */
  private static int places(String line) {
    String digits = line.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }

  /** {@code GET /pets/{id} (getPet)} → {@code GET /pets/{id}}: the method and path are what a reader scans. */
  private static String withoutId(String label) {
    return label.endsWith(")") && label.contains(" (") ? label.substring(0, label.lastIndexOf(" (")) : label;
  }

  /** The line of an operation's only finding: the operation, then what changed (unless the rule says it all). */
  static String single(String operation, Finding f) {
    boolean whole = f.rule().equals("endpoint.removed") || f.rule().equals("endpoint.added");
    return operation + (whole ? "" : "  " + line(f));
  }

  /** The facts a detailed view shows, with a long {@code reaches} list cut to its first places. */
  static List<Fact> details(Finding f) {
    List<Fact> out = new ArrayList<>();
    for (Fact x : f.facts()) {
      if (x.key().equals("operation") || x.key().equals("also")) {
        continue; // the operation is the group's heading; "also" is on the line under the finding
      }
      out.add(x.key().equals("reaches") ? new Fact("reaches", reaches(x.value())) : x);
    }
    return out;
  }

  static String reaches(String value) {
    String[] lines = value.split("\n");
    if (lines.length <= MAX_REACHES) {
      return value;
    }
    int more = lines.length - MAX_REACHES;
    String last = lines[lines.length - 1];
    if (last.startsWith("... and ") && last.endsWith(" more")) {
      // The diff already capped the list: count what it left out too.
      more = more - 1 + Integer.parseInt(last.substring(8, last.length() - 5));
    }
    return String.join("\n", java.util.Arrays.copyOf(lines, MAX_REACHES)) + "\nand " + more + " more";
  }

  /** Each hint once, after the rules it is for. */
  static Map<String, List<String>> legend(Report report) {
    Map<String, List<String>> byHint = new LinkedHashMap<>();
    for (Entry e : report.entries()) {
      for (Finding f : e.findings()) {
        if (f.hint().isEmpty()) {
          continue;
        }
        List<String> rules = byHint.computeIfAbsent(f.hint(), k -> new ArrayList<>());
        if (!rules.contains(f.rule())) {
          rules.add(f.rule());
        }
      }
    }
    return byHint;
  }

  /**
   * {@code value} cut to at most {@code max} characters at the last boundary (space, comma, closing bracket)
   * before it, with how many characters were left out.
   */
  static String shorten(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int cut = -1;
    for (int i = max; i > 8; i--) {
      char c = value.charAt(i);
      if (c == ' ' || c == ',') {
        cut = i;
        break;
      }
      char prev = value.charAt(i - 1);
      if (prev == ']' || prev == '}' || prev == ')') {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      cut = max; // one token longer than the line: cut it, and say so below
    }
    String kept = value.substring(0, cut).stripTrailing();
    if (kept.endsWith(",")) {
      kept = kept.substring(0, kept.length() - 1);
    }
    return kept + " … (" + (value.length() - kept.length()) + " more characters)";
  }

  /**
   * {@code text} in lines of at most {@code width} columns, broken after spaces; the first line after
   * {@code first}, the others after {@code next}. A word longer than a line stays whole.
   */
  static String wrap(String text, int width, String first, String next) {
    StringBuilder b = new StringBuilder(first);
    int column = first.length();
    boolean start = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!start && column + 1 + word.length() > width) {
        b.append('\n').append(next);
        column = next.length();
        start = true;
      }
      if (!start) {
        b.append(' ');
        column++;
      }
      b.append(word);
      column += word.length();
      start = false;
    }
    return b.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ');
  }

  static String fact(Finding f, String key) {
    for (Fact x : f.facts()) {
      if (x.key().equals(key)) {
        return x.value();
      }
    }
    return "";
  }
}
