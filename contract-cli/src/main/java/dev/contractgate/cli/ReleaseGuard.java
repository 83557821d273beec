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

  /** {@code report} with one entry per released version added. */
  static Report with(Report report, LockCheck.Result lock) {
    return with(report, ReleaseReports.lock(lock));
  }

  static Report with(Report report, List<Report.Entry> more) {
    List<Report.Entry> entries = new ArrayList<>(report.entries());
    entries.addAll(more);
    return new Report(report.kind(), report.title(), entries, report.notes());
  }
}
