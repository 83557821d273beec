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
 * @param meta when, by which tool version, against which contract versions and commit; {@link Meta#NONE} when
 *     the producer does not know (renderers then leave it out)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Report(String kind, String title, List<Entry> entries, List<String> notes, Meta meta) {

  static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::group).thenComparing(Entry::status).thenComparing(Entry::name);

  public Report {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    entries = entries.stream().sorted(ORDER).toList();
    notes = List.copyOf(notes);
    Objects.requireNonNull(meta, "meta");
  }

  /** A report without metadata: the command line adds it when it emits the report. */
  public Report(String kind, String title, List<Entry> entries, List<String> notes) {
    this(kind, title, entries, notes, Meta.NONE);
  }

  /** This report with {@code meta}. */
  public Report withMeta(Meta meta) {
    return new Report(kind, title, entries, notes, meta);
  }

  /** Every finding's location resolved by {@code locate}; a finding that has one keeps it. */
  public Report located(java.util.function.BiFunction<Entry, Finding, Location> locate) {
    List<Entry> out = entries.stream().map(e -> new Entry(e.group(), e.name(), e.status(), e.summary(),
        e.findings().stream().map(f -> f.location().isKnown() ? f : f.at(locate.apply(e, f))).toList(), e.millis()))
        .toList();
    return new Report(kind, title, out, notes, meta);
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
      // Most serious first; then by operation path and location in natural order (/items8 before /items10).
      findings = findings.stream().sorted(NaturalOrder.FINDINGS).toList();
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
   * @param location the line of the contract file the finding is about, {@link Location#NONE} when unknown
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Finding(Level level, String rule, String where, List<Fact> facts, String hint, String oldFragment,
      String newFragment, Location location) {

    /** A finding whose contract location is not known (yet). */
    public Finding(
        Level level, String rule, String where, List<Fact> facts, String hint, String oldFragment, String newFragment) {
      this(level, rule, where, facts, hint, oldFragment, newFragment, Location.NONE);
    }

    /** This finding at {@code location}. */
    public Finding at(Location location) {
      return new Finding(level, rule, where, facts, hint, oldFragment, newFragment, location);
    }

    public Finding {
      Objects.requireNonNull(location, "location");
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

  /**
   * A line of a contract file, for annotations (SARIF, GitHub Actions).
   *
   * @param file the path as the reader's tools know it: relative to the working directory, forward slashes
   * @param line 1-based; 0 when only the file is known
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Location(String file, int line) {
    public static final Location NONE = new Location("", 0);

    public Location {
      Objects.requireNonNull(file, "file");
      if (line < 0) {
        throw new IllegalArgumentException("line must be 0 or more: " + line);
      }
    }

    public boolean isKnown() {
      return !file.isEmpty();
    }
  }

  /**
   * What a report is about beyond its checks, so a report read weeks later says what produced it.
   *
   * @param time when it was made, ISO-8601 UTC ({@code 2026-12-03T07:10:57Z}), empty when unknown
   * @param tool the tool and its version, {@code contract-gate 0.2.0}
   * @param contracts the contract versions of the tree checked, {@code namespace@version}, sorted
   * @param commit the git commit of the working directory, empty when not in git
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Meta(String time, String tool, List<String> contracts, String commit) {
    public static final Meta NONE = new Meta("", "", List.of(), "");

    public Meta {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(tool, "tool");
      contracts = contracts.stream().sorted().distinct().toList();
      Objects.requireNonNull(commit, "commit");
    }

    public boolean isEmpty() {
      return time.isEmpty() && tool.isEmpty() && contracts.isEmpty() && commit.isEmpty();
    }

    /** {@code 2026-12-03T07:10:57Z · contract-gate 0.2.0 · commit 1a2b3c4d5e6f · ivanpin@1.2.0}, parts known. */
    public String line() {
      List<String> parts = new java.util.ArrayList<>();
      if (!time.isEmpty()) {
        parts.add(time);
      }
      if (!tool.isEmpty()) {
        parts.add(tool);
      }
      if (!commit.isEmpty()) {
        parts.add("commit " + (commit.length() > 12 ? commit.substring(0, 12) : commit));
      }
      if (!contracts.isEmpty()) {
        parts.add("contracts " + String.join(", ", contracts));
      }
      return String.join(" · ", parts);
    }
  }
}
