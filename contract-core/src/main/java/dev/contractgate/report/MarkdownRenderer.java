package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Status;
import java.util.List;

/**
 * The pull-request comment: a headline with the verdict, a summary table per group, the failing and warning
 * checks with their findings collapsed in {@code <details>}, then the passed and skipped checks as a compact
 * list.
 *
 * <p>Every value from the report is escaped for where it lands: Markdown punctuation and {@code < > &} in
 * running text and table cells, HTML in {@code <summary>}, fences longer than any backtick run in code
 * blocks. Hostile names, summaries or facts cannot open a link, an image, raw HTML or break the layout.
 */
final class MarkdownRenderer {

  /** Longer lists of passed checks are collapsed. */
  static final int COMPACT_LIMIT = 10;

  private MarkdownRenderer() {}

  /** One small line under the verdict: when, which tool, which commit and contracts. */
  private static void meta(StringBuilder b, Report.Meta meta) {
    if (!meta.isEmpty()) {
      b.append("\n<sub>").append(text(meta.line())).append("</sub>\n");
    }
  }

  public static String render(Report report) {
    if (Changelog.applies(report)) {
      return changelog(report);
    }
    StringBuilder b = new StringBuilder();
    b.append("## ").append(report.passed() ? "✅" : "❌").append(" contract-gate ").append(text(report.title()))
        .append("\n\n**").append(text(report.summary())).append("**\n");
    meta(b, report.meta());

    if (!report.entries().isEmpty()) {
      b.append("\n| group | failed | warnings | passed | skipped |\n|:---|---:|---:|---:|---:|\n");
      for (String group : report.groups()) {
        List<Entry> in = report.entries().stream().filter(e -> e.group().equals(group)).toList();
        b.append("| ").append(text(group));
        for (Status s : Status.values()) {
          b.append(" | ").append(in.stream().filter(e -> e.status() == s).count());
        }
        b.append(" |\n");
      }
    }

    List<Entry> failed = only(report, Status.FAILED);
    List<Entry> warned = only(report, Status.WARNING);
    if (!failed.isEmpty()) {
      b.append("\n### Failed (").append(failed.size()).append(")\n");
      failed.forEach(e -> details(b, e));
    }
    if (!warned.isEmpty()) {
      b.append("\n### Warnings (").append(warned.size()).append(")\n");
      warned.forEach(e -> details(b, e));
    }

    List<Entry> rest = report.entries().stream()
        .filter(e -> e.status() == Status.PASSED || e.status() == Status.SKIPPED).toList();
    if (!rest.isEmpty()) {
      long skipped = rest.stream().filter(e -> e.status() == Status.SKIPPED).count();
      String heading = skipped == 0 ? "Passed" : skipped == rest.size() ? "Skipped" : "Passed and skipped";
      b.append("\n### ").append(heading).append(" (").append(rest.size()).append(")\n\n");
      boolean collapse = rest.size() > COMPACT_LIMIT;
      if (collapse) {
        b.append("<details>\n<summary>").append(rest.size()).append(" checks</summary>\n\n");
      }
      for (Entry e : rest) {
        b.append("- ").append(e.status() == Status.PASSED ? "✅" : "⏭️").append(" **").append(text(e.group()))
            .append("** · ").append(code(e.name()));
        if (!e.summary().isEmpty()) {
          b.append(" — ").append(text(e.summary()));
        }
        if (!e.findings().isEmpty()) {
          b.append(" (").append(e.findings().size()).append(e.findings().size() == 1 ? " note)" : " notes)");
        }
        b.append('\n');
      }
      if (collapse) {
        b.append("\n</details>\n");
      }
    }

    if (!report.notes().isEmpty()) {
      b.append('\n');
      for (String note : report.notes()) {
        b.append("> ").append(text(note)).append("  \n");
      }
    }
    return b.toString();
  }

  /**
   * A diff as a changelog: the verdict and counts on one line, the findings grouped under their operation one
   * line each, each hint once; the details are in the HTML and JSON reports.
   */
  private static String changelog(Report report) {
    StringBuilder b = new StringBuilder();
    String counts = report.entries().size() == 1 ? report.entries().get(0).summary() : report.summary();
    b.append("## ").append(report.passed() ? "✅" : "❌").append(" contract-gate ").append(text(report.title()))
        .append(" — **").append(report.passed() ? "PASSED" : "FAILED").append(": ").append(text(counts))
        .append("**\n");
    for (Entry e : report.entries()) {
      if (report.entries().size() > 1) {
        b.append("\n### ").append(text(e.group() + " " + e.name())).append(" — ").append(text(e.summary()))
            .append('\n');
      }
      boolean list = false;
      for (java.util.Map.Entry<String, List<Finding>> op : Changelog.byOperation(e).entrySet()) {
        if (op.getValue().size() == 1) {
          Finding f = op.getValue().get(0);
          b.append(list ? "" : "\n").append("- **").append(f.level().name()).append("** ").append(code(f.rule()))
              .append(" ").append(text(Changelog.single(op.getKey(), f))).append(also(f)).append('\n');
          list = true;
          continue;
        }
        list = false;
        b.append("\n#### ").append(code(op.getKey())).append("\n\n");
        for (Finding f : op.getValue()) {
          b.append("- **").append(f.level().name()).append("** ").append(code(f.rule())).append(" ")
              .append(text(Changelog.line(f))).append(also(f)).append('\n');
        }
      }
    }
    StringBuilder legend = new StringBuilder();
    for (java.util.Map.Entry<String, List<String>> h : Changelog.legend(report).entrySet()) {
      boolean safe = report.entries().stream().flatMap(x -> x.findings().stream())
          .filter(f -> h.getValue().contains(f.rule())).allMatch(f -> f.level() == Report.Level.INFO);
      if (!safe) {
        legend.append("- ").append(text(String.join(", ", h.getValue()))).append(": ").append(text(h.getKey()))
            .append('\n');
      }
    }
    if (!legend.isEmpty()) {
      b.append("\n**What to do**\n\n").append(legend);
    }
    if (!report.notes().isEmpty()) {
      b.append('\n');
      for (String note : report.notes()) {
        b.append("> ").append(text(note)).append("  \n");
      }
    }
    return b.toString();
  }

  /** The other operations a shared-component change reaches, at the end of its list item. */
  private static String also(Finding f) {
    String also = Changelog.also(f);
    return also.isEmpty() ? "" : " — also: " + text(also);
  }

  private static List<Entry> only(Report report, Status status) {
    return report.entries().stream().filter(e -> e.status() == status).toList();
  }

  private static void details(StringBuilder b, Entry e) {
    b.append("\n<details>\n<summary>").append(e.status() == Status.FAILED ? "❌" : "⚠️").append(" <b>")
        .append(Escape.html(Escape.oneLine(e.group()))).append("</b> · <code>")
        .append(Escape.html(Escape.oneLine(e.name()))).append("</code>");
    if (!e.summary().isEmpty()) {
      b.append(" — ").append(Escape.html(Escape.oneLine(e.summary())));
    }
    b.append("</summary>\n\n");
    if (e.findings().isEmpty()) {
      b.append("_No findings recorded._\n");
    }
    int i = 1;
    for (Finding f : e.findings()) {
      if (i > 1) {
        b.append('\n');
      }
      b.append("**[").append(i).append("] ").append(f.level().name()).append("** ").append(code(f.rule()));
      if (!f.where().isEmpty()) {
        b.append(" at ").append(code(f.where()));
      }
      b.append("\n\n");
      StringBuilder facts = new StringBuilder();
      Escape.facts(facts, "", f, false);
      if (!facts.isEmpty()) {
        fence(b, "text", facts.toString());
      }
      if (!f.oldFragment().isEmpty()) {
        b.append("\n###### old\n\n");
        fence(b, "json", Escape.clean(f.oldFragment()));
      }
      if (!f.newFragment().isEmpty()) {
        b.append("\n###### new\n\n");
        fence(b, "json", Escape.clean(f.newFragment()));
      }
      i++;
    }
    b.append("\n</details>\n");
  }

  /** A fenced code block whose fence no backtick run in the content can close. */
  private static void fence(StringBuilder b, String info, String content) {
    String f = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
    b.append(f).append(info).append('\n').append(content);
    if (!content.endsWith("\n")) {
      b.append('\n');
    }
    b.append(f).append('\n');
  }

  /**
   * A code span on one line; its delimiter is longer than any backtick run inside. Not for table cells: a
   * pipe inside would still split the row.
   */
  static String code(String s) {
    String c = Escape.oneLine(s);
    if (c.isBlank()) {
      return "` `";
    }
    String d = "`".repeat(longestRun(c, '`') + 1);
    boolean pad = c.startsWith("`") || c.endsWith("`") || (c.startsWith(" ") && c.endsWith(" "));
    return pad ? d + " " + c + " " + d : d + c + d;
  }

  /**
   * Running text on one line, safe in a heading, a list item or a table cell: HTML-sensitive characters as
   * entities, Markdown punctuation backslash-escaped.
   */
  static String text(String s) {
    String c = Escape.oneLine(s);
    StringBuilder b = new StringBuilder(c.length() + 8);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '$' -> b.append('\\').append(ch);
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
