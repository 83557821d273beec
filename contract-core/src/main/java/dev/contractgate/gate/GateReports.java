package dev.contractgate.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.Consumer;
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
    return of(result, List.of());
  }

  /**
   * As {@link #of(GateResult)}, and every finding of a failed probe names the consumers it breaks (a fact
   * {@code breaks}): those of the probe's namespace that read the failing pointer, a pointer under it or one
   * above it (a missing object breaks the reads of its fields); a failure of the whole response (no pointer:
   * a status, a timeout) breaks every consumer that reads the endpoint.
   */
  public static Report of(GateResult result, List<Consumer> consumers) {
    List<Report.Entry> entries = new ArrayList<>();
    for (ProbeResult r : result.results()) {
      List<Finding> findings = new ArrayList<>();
      findings.addAll(ValidationReports.findings(r.violations()));
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
      if (r.outcome().failed() && !consumers.isEmpty()) {
        findings.replaceAll(f -> withBroken(f, r, consumers));
      }
      String name = r.endpoint() + (r.kind() == ProbeResult.Kind.WITHOUT_TOKEN ? " (without token)" : "");
      entries.add(new Report.Entry(r.namespace() + "@" + r.version(), name,
          r.outcome().failed() ? Report.Status.FAILED : Report.Status.PASSED,
          r.request() + " -> " + r.message(), findings, r.millis()));
    }
    return new Report("verify", "verify " + result.baseUrl(), entries,
        List.of("Checked in " + result.millis() + " ms."));
  }

  private static Finding withBroken(Finding f, ProbeResult r, List<Consumer> consumers) {
    String pointer = f.where().startsWith("/") ? f.where() : "";
    List<String> broken = new ArrayList<>();
    for (Consumer c : consumers) {
      List<String> reads = c.reads().getOrDefault(r.endpoint(), List.of());
      if (c.namespace().equals(r.namespace()) && reads.stream().anyMatch(q -> pointer.isEmpty() || related(pointer, q))) {
        broken.add(c.id() + " (built on " + c.version() + ")");
      }
    }
    if (broken.isEmpty()) {
      return f;
    }
    List<Fact> facts = new ArrayList<>(f.facts());
    facts.add(new Fact("breaks", String.join(", ", broken.stream().sorted().toList())));
    return new Finding(f.level(), f.rule(), f.where(), facts, f.hint(), f.oldFragment(), f.newFragment(), f.location());
  }

  /** True when one of the pointers is the other or lies under it; {@code *} in either matches any one segment. */
  static boolean related(String pointer, String read) {
    String[] a = pointer.split("/", -1);
    String[] b = read.split("/", -1);
    for (int i = 1; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i]) && !a[i].equals("*") && !b[i].equals("*")) {
        return false;
      }
    }
    return true;
  }
}
