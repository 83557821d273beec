package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The checks of this package as report entries, to add to a command's report: one per released version
 * (group {@code released}), one per new version and baseline pair (group {@code baseline ...}).
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReleaseReports {

  /** The group of the lock check's entries. */
  public static final String RELEASED = "released";

  private ReleaseReports() {}

  /** One entry per released version: passed when all its files are as released. */
  public static List<Report.Entry> lock(LockCheck.Result result) {
    List<Report.Entry> out = new ArrayList<>();
    List<String> versions = new ArrayList<>(result.released());
    result.drifts().stream().map(d -> d.namespace() + "/" + d.version()).filter(v -> !versions.contains(v))
        .distinct().forEach(versions::add);
    for (String nv : versions) {
      List<Finding> findings = result.drifts().stream()
          .filter(d -> (d.namespace() + "/" + d.version()).equals(nv)).map(ReleaseReports::finding).toList();
      out.add(new Report.Entry(RELEASED, nv, findings.isEmpty() ? Report.Status.PASSED : Report.Status.FAILED,
          findings.isEmpty() ? "unchanged since its release"
              : findings.size() + (findings.size() == 1 ? " file differs" : " files differ") + " from the release",
          findings, 0));
    }
    return out;
  }

  /** The lock check and the new versions of a baseline check, each new version with its pairs. */
  public static List<Report.Entry> baseline(BaselineCheck.Result result, ContractRegistry base,
      ContractRegistry head, Severity failOn, boolean showInfo) {
    List<Report.Entry> out = new ArrayList<>(lock(result.released()));
    Report pairs = DiffReports.history("check-history", "", result.pairs(), List.of(), base.documents(),
        head.documents(), failOn, showInfo);
    for (Report.Entry e : pairs.entries()) {
      out.add(new Report.Entry("baseline " + e.group(), "baseline " + e.name(), e.status(), e.summary(),
          e.findings(), 0));
    }
    for (String nv : result.newVersions()) {
      String ns = nv.substring(0, nv.indexOf('/'));
      String v = nv.substring(ns.length() + 1);
      List<VersionDiff> mine = result.pairs().stream()
          .filter(d -> d.namespace().equals(ns) && (d.to().equals(v) || d.from().equals(v))).toList();
      boolean fails = mine.stream().anyMatch(d -> d.failsAt(failOn));
      String against = mine.stream().map(d -> d.to().equals(v) ? d.from() : d.to()).toList().toString();
      out.add(new Report.Entry("baseline " + ns, "new " + nv, fails ? Report.Status.FAILED : Report.Status.PASSED,
          mine.isEmpty() ? "new, first of its major in the baseline" : "new, compared with the baseline's " + against,
          List.of(), 0));
    }
    return out;
  }

  static Finding finding(LockCheck.Drift d) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("what", d.headline()));
    for (String line : d.details()) {
      facts.add(new Fact("change", line));
    }
    if (!d.lockedDigest().isEmpty()) {
      facts.add(new Fact("released", d.lockedDigest()));
    }
    if (!d.actualDigest().isEmpty()) {
      facts.add(new Fact("now", d.actualDigest()));
    }
    return new Finding(Report.Level.BREAKING, "release." + d.kind().name().toLowerCase(Locale.ROOT), d.file(), facts,
        LockCheck.HINT, "", "");
  }
}
