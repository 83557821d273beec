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

  /** Findings of an entry by operation, in report order (the most serious first). */
  static Map<String, List<Finding>> byOperation(Entry e) {
    Map<String, List<Finding>> out = new LinkedHashMap<>();
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
    String reaches = fact(f, "reaches");
    int places = reaches.isEmpty() ? 0 : reaches.split("\n").length;
    return where + (where.isEmpty() ? "" : ": ") + change + (places > 1 ? " (reaches " + places + " places)" : "");
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
      if (x.key().equals("operation")) {
        continue;
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
