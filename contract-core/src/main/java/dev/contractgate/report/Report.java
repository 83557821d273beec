package dev.contractgate.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The one report model every command renders: a list of checks ({@link Entry}), each with its findings.
 * Renderers ({@link ReportFormat}) turn it into text, JSON, Markdown, HTML or JUnit XML; the order is fixed
 * here (by group, failures first, then by name) so every rendering diffs cleanly.
 *
 * @param kind the command that produced it: {@code verify}, {@code diff}, {@code check-history},
 *     {@code can-deploy}, {@code drift}, {@code validate}, {@code list}
 * @param title one line: what was checked, e.g. {@code verify http://127.0.0.1:8080}
 * @param entries the checks
 * @param notes extra lines for the reader (where the reports were written, what was skipped)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Report(String kind, String title, List<Entry> entries, List<String> notes) {

  static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::group).thenComparing(Entry::status).thenComparing(Entry::name);

  public Report {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    entries = entries.stream().sorted(ORDER).toList();
    notes = List.copyOf(notes);
  }

  /** True when no check failed (warnings do not fail a report). */
  public boolean passed() {
    return entries.stream().noneMatch(e -> e.status() == Status.FAILED);
  }

  public long count(Status status) {
    return entries.stream().filter(e -> e.status() == status).count();
  }

  /** Groups in order, each once. */
  public List<String> groups() {
    return entries.stream().map(Entry::group).distinct().toList();
  }

  /** {@code FAILED: 2 of 18 checks failed, 1 warning} or {@code PASSED: 18 checks}. */
  public String summary() {
    long failed = count(Status.FAILED);
    long warnings = count(Status.WARNING);
    String w = warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    if (failed > 0) {
      return "FAILED: " + failed + " of " + entries.size() + (entries.size() == 1 ? " check" : " checks") + " failed" + w;
    }
    return "PASSED: " + entries.size() + (entries.size() == 1 ? " check" : " checks") + w;
  }

  /** The outcome of one check. Declared in report order: failures first. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Status {
    FAILED,
    WARNING,
    PASSED,
    SKIPPED
  }

  /** How serious one finding is. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Level {
    BREAKING,
    WARNING,
    INFO
  }

  /**
   * One check: an endpoint probed, a version pair compared, a consumer judged.
   *
   * @param group what it belongs to, e.g. a namespace ({@code ivanpin}) or a consumer ({@code ivanpin-web})
   * @param name what was checked, e.g. {@code blog.list} or {@code 1.1.0 -> 1.2.0}
   * @param status the outcome
   * @param summary one line, e.g. {@code 200 in 35 ms} or {@code 2 breaking changes}
   * @param findings what is wrong or notable, most serious first
   * @param millis how long it took, 0 when not measured
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Entry(String group, String name, Status status, String summary, List<Finding> findings, long millis) {
    public Entry {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(summary, "summary");
      findings = findings.stream()
          .sorted(Comparator.comparing(Finding::level).thenComparing(Finding::where).thenComparing(Finding::rule))
          .toList();
    }
  }

  /**
   * One finding: a violation or a change, with its facts in the order a person reads them.
   *
   * @param level how serious
   * @param rule stable rule id
   * @param where a JSON pointer, header or location, e.g. {@code /items/3/author/name}
   * @param facts key and value lines: expected, but was, schema, old, new ...
   * @param hint what to do, may be empty
   * @param oldFragment the old schema fragment (pretty JSON), empty when not applicable
   * @param newFragment the new schema fragment (pretty JSON), empty when not applicable
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Finding(
      Level level, String rule, String where, List<Fact> facts, String hint, String oldFragment, String newFragment) {
    public Finding {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(where, "where");
      facts = List.copyOf(facts);
      Objects.requireNonNull(hint, "hint");
      Objects.requireNonNull(oldFragment, "oldFragment");
      Objects.requireNonNull(newFragment, "newFragment");
    }
  }

  /**
   * One line of a finding.
   *
   * @param key fixed text such as {@code expected}
   * @param value runtime value
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Fact(String key, String value) {
    public Fact {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
