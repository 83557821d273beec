package dev.contractgate.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.validate.ValidationReports;
import dev.contractgate.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Turns a live-gate run into the report model, for any {@link dev.contractgate.report.ReportFormat}:
 * one entry per probe, grouped by {@code namespace@version}.
 *
 * <pre>{@code
 * GateResult result = LiveGate.builder(registry).baseUrl(url).build().run();
 * System.out.println(ReportFormat.TEXT.render(GateReports.of(result)));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GateReports {

  private GateReports() {}

  /** The run as a report: failing probes fail their entry. */
  public static Report of(GateResult result) {
    List<Report.Entry> entries = new ArrayList<>();
    for (ProbeResult r : result.results()) {
      List<Finding> findings = new ArrayList<>();
      for (Violation v : r.violations()) {
        findings.add(ValidationReports.finding(v));
      }
      switch (r.outcome()) {
        case UNREACHABLE -> findings.add(new Finding(Report.Level.BREAKING, "gate.unreachable", "", List.of(
            new Fact("request", r.request()), new Fact("but was", r.message())),
            "check that the backend runs and that --base-url points at it", "", ""));
        case TIMED_OUT -> findings.add(new Finding(Report.Level.BREAKING, "gate.timeout", "", List.of(
            new Fact("request", r.request()), new Fact("but was", r.message())),
            "the endpoint hangs; look at slow queries or locks in the backend, or raise --timeout", "", ""));
        case NOT_RUN -> findings.add(r.status() != 0
            // The backend answered in time; checking its answer did not finish.
            ? new Finding(Report.Level.BREAKING, "gate.deadline", "", List.of(
                new Fact("request", r.request()), new Fact("backend", "answered " + r.status() + " in time"),
                new Fact("but was", r.message())),
                "the time went into validating the response, not into the backend: look at the schema's patterns"
                    + " and the size of the response (docs/limits.md), or raise --deadline", "", "")
            : new Finding(Report.Level.BREAKING, "gate.deadline", "", List.of(
                new Fact("request", r.request()), new Fact("but was", r.message())),
                "raise --deadline or --concurrency, or look for endpoints that hang", "", ""));
        default -> { }
      }
      String name = r.endpoint() + (r.kind() == ProbeResult.Kind.WITHOUT_TOKEN ? " (without token)" : "");
      entries.add(new Report.Entry(r.namespace() + "@" + r.version(), name,
          r.outcome().failed() ? Report.Status.FAILED : Report.Status.PASSED,
          r.request() + " -> " + r.message(), findings, r.millis()));
    }
    return new Report("verify", "verify " + result.baseUrl(), entries,
        List.of("Checked in " + result.millis() + " ms."));
  }
}
