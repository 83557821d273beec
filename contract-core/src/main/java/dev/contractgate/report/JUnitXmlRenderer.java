package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JUnit XML for CI dashboards (the Ant/Surefire dialect Jenkins, GitLab and GitHub test reporters read): one
 * {@code <testsuite>} per group, one {@code <testcase>} per check.
 *
 * <ul>
 *   <li>FAILED: a {@code <failure>} whose message is the check's summary, whose type lists the rule ids, and
 *       whose body holds the findings in the fact shape of the text report (docs/reports.md);
 *   <li>WARNING (and PASSED with findings): the test passes, its findings go to {@code <system-out>};
 *   <li>SKIPPED: {@code <skipped>}.
 * </ul>
 *
 * <p>Values are XML-escaped and characters XML 1.0 does not allow are dropped. Times are in seconds.
 *
 * <p>A {@code classname} is a Java-like name made from the group ({@link #className}): Jenkins and the
 * Surefire report split a class name at its last dot into package and class, so {@code ivanpin@1.2.0} would be
 * filed as package {@code ivanpin@1.2}, class {@code 0}. The suite keeps the group as people write it.
 */
final class JUnitXmlRenderer {

  private JUnitXmlRenderer() {}

  public static String render(Report report) {
    List<Entry> all = report.entries();
    StringBuilder b = new StringBuilder(8_192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    attr(b, "name", "contract-gate " + report.title());
    counts(b, all);
    b.append(">\n");
    for (String group : report.groups()) {
      List<Entry> in = all.stream().filter(e -> e.group().equals(group)).toList();
      b.append("  <testsuite");
      attr(b, "name", group);
      counts(b, in);
      b.append(">\n");
      properties(b, report.meta());
      for (Entry e : in) {
        testcase(b, e);
      }
      b.append("  </testsuite>\n");
    }
    b.append("</testsuites>\n");
    return b.toString();
  }

  private static final java.util.regex.Pattern VERSION =
      java.util.regex.Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)*(?:-[0-9A-Za-z.-]+)?)(?![\\w])");

  /**
   * The group as a dotted name without dots inside its parts: {@code contractgate.<namespace>[.<rest>]}, where
   * the namespace is what comes before the first {@code @} or space, every version {@code 1.2.0} becomes
   * {@code v1_2_0}, {@code ->} becomes {@code to}, and any other character that cannot be in a Java identifier
   * becomes {@code _}. {@code ivanpin@1.2.0} is {@code contractgate.ivanpin.v1_2_0}, {@code ivanpin 1.1.0 -> 1.2.0}
   * is {@code contractgate.ivanpin.v1_1_0_to_v1_2_0}, {@code contract-gate.yaml} is
   * {@code contractgate.contract_gate_yaml}.
   */
  static String className(String group) {
    String g = group.strip();
    int cut = -1;
    for (int i = 0; i < g.length(); i++) {
      if (g.charAt(i) == '@' || Character.isWhitespace(g.charAt(i))) {
        cut = i;
        break;
      }
    }
    String head = cut < 0 ? g : g.substring(0, cut);
    String rest = cut < 0 ? "" : g.substring(cut + 1);
    String tail = identifier(rest);
    return "contractgate." + identifier(head) + (tail.equals("_") ? "" : "." + tail);
  }

  private static String identifier(String part) {
    String s = VERSION.matcher(part).replaceAll(m -> "v" + m.group(1).replaceAll("[.-]", "_"));
    s = s.replace("->", " to ").replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "_";
    }
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  /** The report's metadata as suite properties, which CI dashboards list with the suite. */
  private static void properties(StringBuilder b, Report.Meta meta) {
    if (meta.isEmpty()) {
      return;
    }
    b.append("    <properties>\n");
    property(b, "contract-gate.time", meta.time());
    property(b, "contract-gate.tool", meta.tool());
    property(b, "contract-gate.commit", meta.commit());
    property(b, "contract-gate.contracts", String.join(" ", meta.contracts()));
    b.append("    </properties>\n");
  }

  private static void property(StringBuilder b, String name, String value) {
    if (!value.isEmpty()) {
      b.append("      <property");
      attr(b, "name", name);
      attr(b, "value", value);
      b.append("/>\n");
    }
  }

  private static void testcase(StringBuilder b, Entry e) {
    b.append("    <testcase");
    attr(b, "classname", className(e.group()));
    attr(b, "name", e.name());
    attr(b, "time", seconds(e.millis()));
    boolean body = e.status() != Status.PASSED || !e.findings().isEmpty();
    if (!body) {
      b.append("/>\n");
      return;
    }
    b.append(">\n");
    switch (e.status()) {
      case FAILED -> {
        b.append("      <failure");
        attr(b, "message", e.summary());
        String rules = e.findings().stream().map(Finding::rule).distinct().collect(Collectors.joining(" "));
        if (!rules.isEmpty()) {
          attr(b, "type", rules);
        }
        b.append('>').append(Escape.xml(findings(e), false)).append("</failure>\n");
      }
      case SKIPPED -> {
        b.append("      <skipped");
        if (!e.summary().isEmpty()) {
          attr(b, "message", e.summary());
        }
        b.append("/>\n");
        if (!e.findings().isEmpty()) {
          systemOut(b, e);
        }
      }
      case WARNING, PASSED -> systemOut(b, e);
    }
    b.append("    </testcase>\n");
  }

  private static void systemOut(StringBuilder b, Entry e) {
    b.append("      <system-out>").append(Escape.xml(findings(e), false)).append("</system-out>\n");
  }

  /** The headline and the findings, as the console shows them. */
  private static String findings(Entry e) {
    StringBuilder t = new StringBuilder();
    t.append(e.group()).append(' ').append(e.name()).append(": ").append(e.summary());
    int n = e.findings().size();
    if (n > 0) {
      t.append(" (").append(n).append(n == 1 ? " finding)" : " findings)").append('\n');
    }
    int i = 1;
    for (Finding f : e.findings()) {
      t.append('\n');
      Escape.factBlock(t, "", i++, f);
    }
    return t.toString();
  }

  private static void counts(StringBuilder b, List<Entry> entries) {
    attr(b, "tests", Integer.toString(entries.size()));
    attr(b, "failures", Long.toString(count(entries, Status.FAILED)));
    attr(b, "errors", "0");
    attr(b, "skipped", Long.toString(count(entries, Status.SKIPPED)));
    attr(b, "time", seconds(entries.stream().mapToLong(Entry::millis).sum()));
  }

  private static long count(List<Entry> entries, Status status) {
    return entries.stream().filter(e -> e.status() == status).count();
  }

  private static String seconds(long millis) {
    return BigDecimal.valueOf(Math.max(0, millis), 3).toPlainString();
  }

  private static void attr(StringBuilder b, String name, String value) {
    b.append(' ').append(name).append("=\"").append(Escape.xml(value, true)).append('"');
  }
}
