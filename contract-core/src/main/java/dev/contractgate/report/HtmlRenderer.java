package dev.contractgate.report;

import static dev.contractgate.report.Escape.html;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML5 page for people: a table of contents, a section per group (groups with failures
 * first), each check a row with its status badge, name and summary, its findings below with the facts in a
 * definition list and the old and new schema fragments as a highlighted line diff (side by side when one
 * is absent or they are too large to diff).
 *
 * <p>The page loads nothing: inline CSS only, no script, no link, no external URL (a Content-Security-Policy
 * meta element forbids them too), light and dark colours from {@code prefers-color-scheme}. Every value is
 * HTML-escaped; anchors are numbered, so no value reaches an attribute unescaped. The output is deterministic.
 */
final class HtmlRenderer {

  private HtmlRenderer() {}

  public static String render(Report report) {
    List<String> groups = new ArrayList<>(report.groups());
    // Groups whose worst check is worse come first; the sort is stable, so ties keep the report's order.
    groups.sort(Comparator.comparing(g -> worst(report, g)));

    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        .append("<title>contract-gate ").append(html(Escape.oneLine(report.title()))).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

    String verdict = report.passed() ? "passed" : "failed";
    b.append("<header>\n<p class=\"kind\">contract-gate ").append(html(Escape.oneLine(report.kind())))
        .append("</p>\n<h1>").append(html(Escape.oneLine(report.title()))).append("</h1>\n")
        .append("<p class=\"verdict ").append(verdict).append("\">").append(report.passed() ? "✔ " : "✘ ")
        .append(html(report.summary())).append("</p>\n")
        .append("<p class=\"totals\">").append(counts(report.entries())).append("</p>\n");
    if (!report.meta().isEmpty()) {
      b.append("<p class=\"meta\">").append(html(Escape.oneLine(report.meta().line()))).append("</p>\n");
    }
    b.append("</header>\n");

    if (!groups.isEmpty()) {
      b.append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
      for (int g = 0; g < groups.size(); g++) {
        List<Entry> in = entries(report, groups.get(g));
        b.append("<li><a href=\"#g").append(g + 1).append("\">").append(html(Escape.oneLine(groups.get(g))))
            .append("</a> ").append(counts(in));
        if (in.stream().anyMatch(e -> e.status() == Status.FAILED || e.status() == Status.WARNING)) {
          b.append("\n<ul>");
          for (int i = 0; i < in.size(); i++) {
            Entry e = in.get(i);
            if (e.status() == Status.FAILED || e.status() == Status.WARNING) {
              b.append("<li><a href=\"#g").append(g + 1).append("-e").append(i + 1).append("\">")
                  .append(html(Escape.oneLine(e.name()))).append("</a> <span class=\"badge ")
                  .append(css(e.status())).append("\">").append(label(e.status())).append("</span></li>");
            }
          }
          b.append("</ul>\n");
        }
        b.append("</li>\n");
      }
      b.append("</ol>\n</nav>\n");
    }

    b.append("<main>\n");
    if (groups.isEmpty()) {
      b.append("<p class=\"empty\">No checks.</p>\n");
    }
    for (int g = 0; g < groups.size(); g++) {
      List<Entry> in = entries(report, groups.get(g));
      String gid = "g" + (g + 1);
      b.append("<section class=\"group\" id=\"").append(gid).append("\">\n<h2><span class=\"group-name\">")
          .append(html(Escape.oneLine(groups.get(g)))).append("</span> ").append(counts(in)).append("</h2>\n");
      for (int i = 0; i < in.size(); i++) {
        entry(b, gid + "-e" + (i + 1), in.get(i));
      }
      b.append("</section>\n");
    }
    b.append("</main>\n");

    if (!report.notes().isEmpty()) {
      b.append("<footer>\n<ul class=\"notes\">\n");
      for (String note : report.notes()) {
        b.append("<li>").append(html(note)).append("</li>\n");
      }
      b.append("</ul>\n</footer>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void entry(StringBuilder b, String id, Entry e) {
    boolean expandable = !e.findings().isEmpty();
    String tag = expandable ? "details" : "div";
    b.append('<').append(tag).append(" class=\"entry ").append(css(e.status())).append("\" id=\"").append(id)
        .append('"');
    if (expandable && e.status() != Status.PASSED && e.status() != Status.SKIPPED) {
      b.append(" open");
    }
    b.append(">\n").append(expandable ? "<summary class=\"row\">" : "<div class=\"row\">")
        .append("<span class=\"badge ").append(css(e.status())).append("\">").append(label(e.status()))
        .append("</span><span class=\"name\">").append(html(Escape.oneLine(e.name())))
        .append("</span><span class=\"summary\">").append(html(Escape.oneLine(e.summary()))).append("</span>")
        .append("<span class=\"time\">").append(e.millis() > 0 ? e.millis() + " ms" : "").append("</span>")
        .append(expandable ? "</summary>\n" : "</div>\n");
    if (expandable) {
      b.append("<ol class=\"findings\">\n");
      for (Finding f : e.findings()) {
        finding(b, f);
      }
      b.append("</ol>\n");
    }
    b.append("</").append(tag).append(">\n");
  }

  private static void finding(StringBuilder b, Finding f) {
    String level = f.level().name().toLowerCase(Locale.ROOT);
    b.append("<li class=\"finding ").append(level).append("\">\n<p class=\"head\"><span class=\"level ")
        .append(level).append("\">").append(f.level().name()).append("</span> <code class=\"rule\">")
        .append(html(Escape.oneLine(f.rule()))).append("</code>");
    if (!f.where().isEmpty()) {
      b.append(" at <code class=\"where\">").append(html(Escape.oneLine(f.where()))).append("</code>");
    }
    b.append("</p>\n");
    if (!f.facts().isEmpty() || !f.hint().isEmpty()) {
      b.append("<dl class=\"facts\">\n");
      for (Fact fact : f.facts()) {
        b.append("<dt>").append(html(Escape.oneLine(fact.key()))).append("</dt><dd>").append(html(fact.value()))
            .append("</dd>\n");
      }
      if (!f.hint().isEmpty()) {
        b.append("<dt class=\"hint\">hint</dt><dd class=\"hint\">").append(html(f.hint())).append("</dd>\n");
      }
      b.append("</dl>\n");
    }
    List<LineDiff.Line> diff = f.oldFragment().isEmpty() || f.newFragment().isEmpty() ? List.of()
        : LineDiff.of(f.oldFragment(), f.newFragment());
    if (!diff.isEmpty()) {
      diff(b, diff);
    } else if (!f.oldFragment().isEmpty() || !f.newFragment().isEmpty()) {
      b.append("<div class=\"side-by-side\">\n");
      fragment(b, "old", f.oldFragment());
      fragment(b, "new", f.newFragment());
      b.append("</div>\n");
    }
    b.append("</li>\n");
  }

  /**
   * Old and new as one highlighted diff: removed lines marked {@code -} in {@code <del>}, added lines {@code +} in
   * {@code <ins>}, so it reads without colour (print, screen readers) too.
   */
  private static void diff(StringBuilder b, List<LineDiff.Line> lines) {
    b.append("<figure class=\"fragment diff\"><figcaption>old → new</figcaption><pre>");
    for (LineDiff.Line l : lines) {
      switch (l.kind()) {
        case SAME -> b.append("<span class=\"same\">  ").append(html(l.text())).append("</span>\n");
        case REMOVED -> b.append("<del>- ").append(html(l.text())).append("</del>\n");
        case ADDED -> b.append("<ins>+ ").append(html(l.text())).append("</ins>\n");
      }
    }
    b.append("</pre></figure>\n");
  }

  private static void fragment(StringBuilder b, String which, String json) {
    b.append("<figure class=\"fragment ").append(which).append("\"><figcaption>").append(which)
        .append("</figcaption>");
    if (json.isEmpty()) {
      b.append("<p class=\"absent\">absent</p>");
    } else {
      b.append("<pre>").append(html(json)).append("</pre>");
    }
    b.append("</figure>\n");
  }

  private static List<Entry> entries(Report report, String group) {
    return report.entries().stream().filter(e -> e.group().equals(group)).toList();
  }

  private static Status worst(Report report, String group) {
    return entries(report, group).stream().map(Entry::status).min(Comparator.naturalOrder()).orElseThrow();
  }

  private static String counts(List<Entry> entries) {
    StringBuilder b = new StringBuilder("<span class=\"counts\">");
    for (Status s : Status.values()) {
      long n = entries.stream().filter(e -> e.status() == s).count();
      if (n > 0) {
        b.append("<span class=\"count ").append(css(s)).append("\">").append(n).append(' ')
            .append(s.name().toLowerCase(Locale.ROOT)).append("</span>");
      }
    }
    return b.append("</span>").toString();
  }

  private static String css(Status s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static String label(Status s) {
    return switch (s) {
      case FAILED -> "FAIL";
      case WARNING -> "WARN";
      case PASSED -> "PASS";
      case SKIPPED -> "SKIP";
    };
  }

  private static final String CSS = """
      :root {
        color-scheme: light dark;
        --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa; --code: #f0f3f6;
        --failed: #cf222e; --failed-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5;
        --passed: #1a7f37; --passed-bg: #dafbe1; --skipped: #59636e; --skipped-bg: #eff2f5;
        --info: #0969da; --info-bg: #ddf4ff; --link: #0969da;
      }
      @media (prefers-color-scheme: dark) {
        :root {
          --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23; --code: #1c2128;
          --failed: #ff7b72; --failed-bg: #3c1618; --warning: #d29922; --warning-bg: #3a2a08;
          --passed: #3fb950; --passed-bg: #12261e; --skipped: #9198a1; --skipped-bg: #212830;
          --info: #58a6ff; --info-bg: #0c2d6b; --link: #58a6ff;
        }
      }
      * { box-sizing: border-box; }
      body { margin: 0; padding: 0 0 48px; background: var(--bg); color: var(--fg);
        font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      header, nav, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
      a { color: var(--link); }
      code, pre, .name, dd { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
        font-size: 12.5px; }
      header { padding-top: 24px; }
      .kind { margin: 0; color: var(--muted); }
      h1 { margin: 2px 0 12px; font-size: 1.6rem; overflow-wrap: anywhere; }
      .verdict { display: inline-block; margin: 0; padding: 6px 12px; border-radius: 6px; font-weight: 600;
        border: 1px solid currentColor; }
      .verdict.failed { color: var(--failed); background: var(--failed-bg); }
      .verdict.passed { color: var(--passed); background: var(--passed-bg); }
      .totals { margin: 8px 0 0; }
      .meta { margin: 4px 0 0; color: var(--muted); font-size: 0.85em; }
      .counts { display: inline-flex; flex-wrap: wrap; gap: 6px; vertical-align: middle; font-size: 12px; font-weight: 600; }
      .count { padding: 0 8px; border-radius: 999px; }
      .count.failed, .badge.failed { color: var(--failed); background: var(--failed-bg); }
      .count.warning, .badge.warning { color: var(--warning); background: var(--warning-bg); }
      .count.passed, .badge.passed { color: var(--passed); background: var(--passed-bg); }
      .count.skipped, .badge.skipped { color: var(--skipped); background: var(--skipped-bg); }
      nav.toc { margin-top: 20px; }
      nav.toc h2 { font-size: 1rem; margin: 0 0 4px; }
      nav.toc ol { margin: 0; padding-left: 20px; }
      nav.toc li { margin: 2px 0; }
      nav.toc ul { margin: 2px 0 4px; padding-left: 18px; list-style: disc; }
      nav.toc ul a { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
      nav.toc .badge { font-size: 10px; padding: 0 5px; min-width: 0; }
      section.group { margin-top: 24px; border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
      section.group > h2 { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin: 0;
        padding: 10px 16px; font-size: 1.1rem; background: var(--panel); border-bottom: 1px solid var(--border); }
      .group-name { overflow-wrap: anywhere; }
      .entry { border-top: 1px solid var(--border); }
      section.group > h2 + .entry { border-top: 0; }
      .entry.failed { box-shadow: inset 4px 0 0 var(--failed); }
      .entry.warning { box-shadow: inset 4px 0 0 var(--warning); }
      .row { display: grid; grid-template-columns: 16px 4.5em minmax(8em, 20em) 1fr auto; gap: 12px;
        align-items: baseline; padding: 8px 16px; }
      div.row::before { content: ""; }
      summary.row { cursor: pointer; list-style: none; }
      summary.row::-webkit-details-marker { display: none; }
      summary.row::before { content: "▸"; color: var(--muted); }
      details[open] > summary.row::before { content: "▾"; }
      summary.row:hover { background: var(--panel); }
      .badge { display: inline-block; min-width: 4.5em; padding: 1px 6px; border-radius: 999px; text-align: center;
        font-size: 11px; font-weight: 700; letter-spacing: .04em; }
      .name { font-weight: 600; overflow-wrap: anywhere; }
      .summary { overflow-wrap: anywhere; }
      .time { color: var(--muted); font-size: 12px; white-space: nowrap; }
      ol.findings { margin: 0; padding: 0 16px 12px 60px; }
      .finding { margin: 8px 0; padding: 8px 12px; background: var(--panel); border: 1px solid var(--border);
        border-left: 4px solid var(--info); border-radius: 6px; }
      .finding::marker { color: var(--muted); }
      .finding.breaking { border-left-color: var(--failed); }
      .finding.warning { border-left-color: var(--warning); }
      .head { margin: 0 0 6px; overflow-wrap: anywhere; }
      .level { font-size: 11px; font-weight: 700; letter-spacing: .04em; padding: 1px 6px; border-radius: 4px; }
      .level.breaking { color: var(--failed); background: var(--failed-bg); }
      .level.warning { color: var(--warning); background: var(--warning-bg); }
      .level.info { color: var(--info); background: var(--info-bg); }
      code { background: var(--code); padding: 1px 4px; border-radius: 4px; }
      dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; align-items: baseline; }
      dl.facts dt { color: var(--muted); }
      dl.facts dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
      dl.facts .hint { font-family: inherit; font-size: inherit; color: var(--fg); }
      dl.facts dt.hint { color: var(--info); font-weight: 600; }
      .side-by-side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; margin-top: 8px; }
      .fragment { margin: 0; min-width: 0; }
      .fragment.diff { margin-top: 8px; }
      .fragment.diff del, .fragment.diff ins { display: block; text-decoration: none; }
      .fragment.diff del { background: var(--failed-bg); color: var(--failed); }
      .fragment.diff ins { background: var(--passed-bg); color: var(--passed); }
      .fragment.diff .same { display: block; }
      .fragment figcaption { font-size: 11px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; }
      .fragment.old figcaption { color: var(--failed); }
      .fragment.new figcaption { color: var(--passed); }
      .fragment pre { margin: 2px 0 0; padding: 8px 10px; background: var(--bg); border: 1px solid var(--border);
        border-radius: 6px; overflow: auto; }
      .fragment.old pre { border-top: 3px solid var(--failed); }
      .fragment.new pre { border-top: 3px solid var(--passed); }
      .absent { margin: 2px 0 0; padding: 8px 10px; color: var(--muted); font-style: italic;
        border: 1px dashed var(--border); border-radius: 6px; }
      footer { margin-top: 24px; color: var(--muted); }
      .notes { padding-left: 20px; }
      @media (max-width: 720px) {
        .row { grid-template-columns: 16px 4.5em 1fr; }
        .row .summary { grid-column: 2 / -1; }
        .row .time { display: none; }
        .side-by-side { grid-template-columns: minmax(0, 1fr); }
      }
      @media print {
        summary.row::before { content: ""; }
        section.group { break-inside: avoid-page; }
      }
      """;
}
