package dev.contractgate.drift;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Turns a drift run into the report model, for any {@link dev.contractgate.report.ReportFormat}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DriftReports {

  private DriftReports() {}

  /** The report, with every endpoint below 100 % failing and no unreadable line tolerated. */
  public static Report of(DriftResult r) {
    return of(r, 100.0, 0);
  }

  /**
   * The report: one entry per endpoint (group {@code namespace@version}), failing below {@code minPercent};
   * an entry for unmatched requests (a warning) and one for unreadable lines (failing beyond
   * {@code maxUnreadable}).
   */
  public static Report of(DriftResult r, double minPercent, long maxUnreadable) {
    Objects.requireNonNull(r.files(), "files");
    List<Report.Entry> entries = new ArrayList<>();
    for (EndpointDrift e : r.endpoints()) {
      entries.add(entry(e, minPercent));
    }
    if (!r.unmatched().isEmpty()) {
      List<Finding> findings = new ArrayList<>();
      for (DriftGroup g : r.unmatched()) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("expected", "an endpoint of the contract for this method and path"));
        facts.add(new Fact("but was", "no endpoint matches (" + times(g.count()) + ")"));
        examples(facts, g.samples());
        findings.add(new Finding(Level.WARNING, g.rule(), g.pointer(), facts,
            "declare the endpoint in the contract, or stop calling it", "", ""));
      }
      long n = r.unmatchedCount();
      entries.add(new Report.Entry("unmatched", "requests matching no endpoint", Report.Status.WARNING,
          n + (n == 1 ? " request under a namespace's base path matches" : " requests under a namespace's base path match") + " no endpoint", findings, 0));
    }
    if (r.unreadableCount() > 0) {
      List<Finding> findings = new ArrayList<>();
      for (Sample s : r.unreadable()) {
        findings.add(new Finding(Level.BREAKING, "recording.unreadable", s.at().toString(), List.of(
            new Fact("expected", "one recorded exchange (JSON)"), new Fact("but was", s.value())),
            s.value().contains("limits.maxBodyBytes")
                ? "raise limits.maxBodyBytes in contract-gate.yaml to read it, or leave such responses out of the recording"
                : "fix or remove the line; a recorder that crashed may leave a cut last line", "", ""));
      }
      boolean tolerated = r.unreadableCount() <= maxUnreadable;
      entries.add(new Report.Entry("recordings", "unreadable lines and entries",
          tolerated ? Report.Status.WARNING : Report.Status.FAILED,
          r.unreadableCount() + " unreadable (" + maxUnreadable + " tolerated)"
              + (r.unreadableCount() > r.unreadable().size() ? ", first " + r.unreadable().size() + " shown" : ""),
          findings, 0));
    }
    if (r.recordings() == r.unreadableCount()) {
      // Nothing was checked: an empty input is an input error, never a pass (the CLI exits 3).
      entries.add(new Report.Entry("recordings", "recorded exchanges", Report.Status.FAILED,
          "no recorded exchange in the input: nothing was checked", List.of(new Finding(Level.BREAKING,
              "recording.empty", String.join(", ", r.files()), List.of(
                  new Fact("expected", "at least one recorded exchange"),
                  new Fact("but was", r.recordings() == 0 ? "no line or entry at all"
                      : "only unreadable lines or entries (" + r.recordings() + ")")),
              "pass recordings that hold traffic: NDJSON from ContractRecorder, a HAR file or a WireMock directory",
              "", "")), 0));
    }
    List<String> notes = new ArrayList<>();
    notes.add("Read " + r.recordings() + (r.recordings() == 1 ? " recording" : " recordings") + " from "
        + r.files().size() + (r.files().size() == 1 ? " source" : " sources") + " in " + r.millis() + " ms; "
        + r.validated() + " validated, minimum conformance " + percent(minPercent) + ".");
    if (r.outsideNamespaces() > 0) {
      notes.add(r.outsideNamespaces() + " outside every checked namespace's base path (pages, assets, other APIs): skipped.");
    }
    if (r.withoutResponse() > 0) {
      notes.add(r.withoutResponse() + " without a response (status 0): skipped.");
    }
    if (r.truncated() > 0) {
      notes.add(r.truncated() + " with a body the recorder truncated: skipped.");
    }
    return new Report("drift", "drift " + String.join(", ", r.files()), entries, notes);
  }

  static Report.Entry entry(EndpointDrift e, double minPercent) {
    List<Finding> findings = new ArrayList<>();
    for (DriftGroup g : e.violations()) {
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("expected", g.detail()));
      facts.add(new Fact("seen", "in " + g.count() + " of " + e.count() + " responses"));
      if (!g.schema().isEmpty()) {
        facts.add(new Fact("schema", g.schema()));
      }
      examples(facts, g.samples());
      findings.add(new Finding(Level.BREAKING, g.rule(), g.pointer(), facts, "", "", ""));
    }
    for (DriftGroup g : e.unknownFields()) {
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("expected", "a property the schema declares"));
      facts.add(new Fact("seen", "in " + g.count() + " of " + e.count() + " responses"));
      examples(facts, g.samples());
      findings.add(new Finding(Level.WARNING, g.rule(), g.pointer(), facts,
          "declare the property in the next contract version, or stop sending it; consumers may already read it",
          "", ""));
    }
    Map<String, List<DriftGroup>> byPattern = new LinkedHashMap<>();
    for (DriftGroup g : e.disallowedValues()) {
      byPattern.computeIfAbsent(g.pointer(), k -> new ArrayList<>()).add(g);
    }
    for (Map.Entry<String, List<DriftGroup>> p : byPattern.entrySet()) {
      List<String> values = new ArrayList<>();
      List<Sample> samples = new ArrayList<>();
      for (DriftGroup g : p.getValue()) {
        values.add(g.detail() + " (" + g.count() + ")");
        samples.addAll(g.samples());
      }
      samples.sort(null);
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("expected", "a value the enum allows"));
      facts.add(new Fact("seen", String.join(", ", values)));
      examples(facts, samples.subList(0, Math.min(3, samples.size())));
      findings.add(new Finding(Level.WARNING, "drift.enum-value", p.getKey(), facts,
          "add the value to the enum in a new contract version that consumers accept, or stop sending it", "", ""));
    }
    for (String p : e.neverSeen()) {
      findings.add(new Finding(Level.INFO, "drift.never-seen", p, List.of(
          new Fact("expected", "declared in the schema"), new Fact("seen", "in none of " + e.count() + " responses")),
          "a property no response carries may be dead; check before a consumer relies on it", "", ""));
    }
    Report.Status status;
    String summary;
    if (e.count() == 0) {
      status = Report.Status.SKIPPED;
      summary = "no responses recorded (" + e.request() + ")";
    } else {
      status = e.below(minPercent) ? Report.Status.FAILED
          : e.violations().isEmpty() && e.unknownFields().isEmpty() && e.disallowedValues().isEmpty()
              ? Report.Status.PASSED : Report.Status.WARNING;
      summary = e.count() + (e.count() == 1 ? " response, " : " responses, ") + percent(floor(e.conformance()))
          + " conforming (" + e.request() + ")";
    }
    return new Report.Entry(e.label(), e.endpoint(), status, summary, findings, 0);
  }

  private static void examples(List<Fact> facts, List<Sample> samples) {
    for (Sample s : samples) {
      facts.add(new Fact("example", s.at() + (s.value().isEmpty() ? "" : ": " + s.value())));
    }
  }

  private static String times(long n) {
    return n == 1 ? "once" : n + " times";
  }

  /** One decimal, rounded down, so that 99.96 % never reads as 100.0 %. */
  static double floor(double percent) {
    return Math.floor(percent * 10) / 10;
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f %%", p);
  }
}
