package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.LockCheck;
import dev.contractgate.release.ReleaseReports;
import dev.contractgate.release.ReleasedContent;
import dev.contractgate.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The lock check every gate runs first: check-history, can-deploy and verify fail (exit 1) when a released
 * version's file was edited, added or removed, with the file and what changed in their report.
 */
final class ReleaseGuard {

  private ReleaseGuard() {}

  /** The released versions of the loaded tree against its lock; released content is looked up in git. */
  static LockCheck.Result check(ContractsOption contracts, ContractRegistry registry) {
    return LockCheck.run(registry, contracts.root(), ReleasedContent.git(contracts.root()));
  }

  /**
   * The lock check narrowed to {@code namespaces} (all when empty): a gate about one namespace answers for
   * that namespace's released versions.
   */
  static LockCheck.Result only(LockCheck.Result lock, List<String> namespaces) {
    if (namespaces.isEmpty()) {
      return lock;
    }
    return new LockCheck.Result(
        lock.released().stream().filter(v -> namespaces.contains(v.substring(0, v.indexOf('/')))).toList(),
        lock.drifts().stream().filter(d -> namespaces.contains(d.namespace())).toList());
  }

  /**
   * {@code report} with an entry for each released version that changed; the versions that did not are left
   * out, so that a gate's report stays about what it gates (check-history lists them all).
   */
  static Report with(Report report, LockCheck.Result lock) {
    return with(report, ReleaseReports.lock(lock).stream().filter(e -> e.status() == Report.Status.FAILED).toList());
  }

  static Report with(Report report, List<Report.Entry> more) {
    List<Report.Entry> entries = new ArrayList<>(report.entries());
    entries.addAll(more);
    return new Report(report.kind(), report.title(), entries, report.notes());
  }
}
