package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Status;

/** The console rendering, in the fact shape (docs/reports.md#the-fact-shape). */
final class TextRenderer {

  private static final String RED = "\u001B[31m";
  private static final String YELLOW = "\u001B[33m";
  private static final String GREEN = "\u001B[32m";
  private static final String BOLD = "\u001B[1m";
  private static final String RESET = "\u001B[0m";

  private TextRenderer() {}

  public static String render(Report report, boolean color) {
    return render(report, color, false);
  }

  /** With {@code verbose}, a diff's changelog shows every finding's details under its line. */
  public static String render(Report report, boolean color, boolean verbose) {
    if (Changelog.applies(report)) {
      return changelog(report, color, verbose);
    }
    StringBuilder b = new StringBuilder();
    String summary = report.summary();
    b.append(paint(report.passed() ? GREEN : RED, (color ? BOLD : "") + "contract-gate " + clean(report.title()), color))
        .append(" — ").append(paint(report.passed() ? GREEN : RED, summary, color)).append('\n');
    meta(b, report.meta());
    for (String group : report.groups()) {
      b.append('\n').append(paint(BOLD, clean(group), color)).append('\n');
      int width = report.entries().stream().filter(e -> e.group().equals(group))
          .mapToInt(e -> clean(e.name()).length()).max().orElse(0);
      for (Entry e : report.entries()) {
        if (!e.group().equals(group)) {
          continue;
        }
        b.append("  ").append(mark(e.status(), color)).append(' ')
            .append(String.format("%-" + width + "s", clean(e.name()))).append("  ").append(clean(e.summary())).append('\n');
        int i = 1;
        for (Finding f : e.findings()) {
          b.append("      [").append(i++).append("] ").append(level(f, color)).append(clean(f.rule()))
              .append(f.where().isEmpty() ? "" : " at " + clean(f.where())).append('\n');
          for (Fact fact : f.facts()) {
            fact(b, fact.key(), fact.value());
          }
          if (!f.hint().isEmpty()) {
            fact(b, "hint", f.hint());
          }
        }
      }
    }
    for (String note : report.notes()) {
      b.append('\n').append(clean(note));
    }
    if (!report.notes().isEmpty()) {
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * A diff as a changelog: one summary line, the findings grouped under their operation one line each
   * (details with {@code verbose}), each hint once in a legend, then the notes.
   */
  private static String changelog(Report report, boolean color, boolean verbose) {
    StringBuilder b = new StringBuilder();
    String counts = report.entries().size() == 1 ? report.entries().get(0).summary() : report.summary();
    String verdict = report.passed() ? (report.count(Status.WARNING) > 0 ? "WARNING" : "PASSED") : "FAILED";
    b.append(paint(report.passed() ? GREEN : RED, (color ? BOLD : "") + "contract-gate " + clean(report.title()), color))
        .append(" — ").append(paint(report.passed() ? GREEN : RED, verdict + ": " + clean(counts), color)).append('\n');
    meta(b, report.meta());
    for (Entry e : report.entries()) {
      if (report.entries().size() > 1) {
        b.append('\n').append(paint(BOLD, clean(e.group()) + " " + clean(e.name()), color)).append("  ")
            .append(clean(e.summary())).append('\n');
      }
      boolean blank = true;
      for (java.util.Map.Entry<String, java.util.List<Finding>> op : Changelog.byOperation(e).entrySet()) {
        java.util.List<Finding> fs = op.getValue();
        if (fs.size() == 1 && !verbose) {
          // One change to an operation is one line: a description with 30 operations removed reads as 30 lines.
          Finding f = fs.get(0);
          b.append(blank ? "\n" : "").append(level(f, color)).append(clean(f.rule())).append("  ")
              .append(clean(Changelog.single(op.getKey(), f))).append('\n');
          also(b, f, "    ");
          blank = false;
          continue;
        }
        b.append('\n').append(paint(BOLD, clean(op.getKey()), color)).append('\n');
        for (Finding f : fs) {
          b.append("  ").append(level(f, color)).append(clean(f.rule())).append("  ").append(clean(Changelog.line(f)))
              .append('\n');
          also(b, f, "      ");
          if (verbose) {
            for (Fact fact : Changelog.details(f)) {
              fact(b, fact.key(), fact.value());
            }
          }
        }
        blank = true;
      }
    }
    java.util.Map<String, java.util.List<String>> legend = Changelog.legend(report);
    boolean any = false;
    for (java.util.Map.Entry<String, java.util.List<String>> h : legend.entrySet()) {
      boolean safe = report.entries().stream().flatMap(x -> x.findings().stream())
          .filter(f -> h.getValue().contains(f.rule())).allMatch(f -> f.level() == Report.Level.INFO);
      if (safe) {
        continue;
      }
      if (!any) {
        b.append("\nWhat to do:\n");
        any = true;
      }
      // 13 rule ids and a 250-character hint on one line do not fit a terminal: wrap both, the hint under its rules.
      b.append(Changelog.wrap(clean(String.join(", ", h.getValue())) + ":", WIDTH, "  ", "    ")).append('\n')
          .append(Changelog.wrap(clean(h.getKey()), WIDTH, "      ", "      ")).append('\n');
    }
    if (!verbose && !report.entries().stream().allMatch(x -> x.findings().isEmpty())) {
      b.append("\nDetails (old and new in full, meaning, witness, schema locations, accept line): --verbose, or the"
          + " HTML and JSON reports.\n");
    }
    for (String note : report.notes()) {
      b.append('\n').append(clean(note));
    }
    if (!report.notes().isEmpty()) {
      b.append('\n');
    }
    return b.toString();
  }

  /** Columns the legend and the "also" lines wrap at: readable in an 80 to 120 column terminal. */
  static final int WIDTH = 100;

  /** The other operations a shared-component change reaches, on the line(s) under it. */
  private static void also(StringBuilder b, Finding f, String indent) {
    String also = Changelog.also(f);
    if (!also.isEmpty()) {
      b.append(Changelog.wrap("also: " + clean(also), WIDTH, indent, indent + "      ")).append('\n');
    }
  }

  /** One line under the headline: when, which tool, which commit and contracts; nothing when not known. */
  private static void meta(StringBuilder b, Report.Meta meta) {
    if (!meta.isEmpty()) {
      b.append(clean(meta.line())).append('\n');
    }
  }

  private static void fact(StringBuilder b, String key, String value) {
    String k = String.format("%-8s", clean(key));
    b.append("          ").append(k).append(": ")
        .append(clean(value).replace("\n", "\n" + " ".repeat(10 + k.length() + 2))).append('\n');
  }

  /** Values never carry control characters to the terminal: an ESC in a response must not repaint it. */
  private static String clean(String s) {
    return Escape.clean(s);
  }

  private static String level(Finding f, boolean color) {
    return switch (f.level()) {
      case BREAKING -> paint(RED, "BREAKING ", color);
      case WARNING -> paint(YELLOW, "WARNING ", color);
      case INFO -> "INFO ";
    };
  }

  private static String mark(Status s, boolean color) {
    return switch (s) {
      case FAILED -> paint(RED, "FAIL", color);
      case WARNING -> paint(YELLOW, "WARN", color);
      case PASSED -> paint(GREEN, "ok  ", color);
      case SKIPPED -> "skip";
    };
  }

  private static String paint(String code, String text, boolean color) {
    return color ? code + text + RESET : text;
  }
}
