package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.HistoryCheck;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.drift.RecordedEvidence;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.BaselineCheck;
import dev.contractgate.release.LockCheck;
import dev.contractgate.release.ReleaseReports;
import dev.contractgate.release.ReleasedContent;
import java.util.ArrayList;
import dev.contractgate.report.Report;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "check-history",
    description = {
      "Check the whole history of every namespace: inside one major version, every version must be backward"
          + " compatible with every earlier one (transitive). A major bump may break.",
      "Exceptions and severity overrides come from the tree's contract-gate.yaml; an expired exception fails.",
      "A released version (contract-gate.lock, see release) whose files were edited, added or removed fails.",
      "--baseline DIR (the base branch's checkout, or an unpacked contracts jar) also compares with that tree:"
          + " its released versions must be unchanged and still locked, every version new in the working tree is"
          + " checked against the baseline's versions of its major, and the report lists what is new."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every version is compatible with its predecessors",
      "1:a finding at or above --fail-on (names rule, namespace, version pair and pointer), or a released"
          + " version changed",
      "2:usage error",
      "3:the contract cannot be read"
    })
final class CheckHistoryCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin DiffOptions diff;
  @Mixin ReportOptions reports;

  @CommandLine.Option(names = "--baseline", paramLabel = "DIR",
      description = "A contract tree to compare with (e.g. the base branch checked out next to this one).")
  java.nio.file.Path baseline;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    ContractRegistry registry = contracts.load();
    HistoryCheck.Result result = HistoryCheck.run(registry, diff.today());
    if (!diff.recordings.isEmpty()) {
      DiffPolicy policy = ContractDiff.policyOf(registry);
      List<VersionDiff> withEvidence = result.pairs().stream()
          .map(d -> RecordedEvidence.apply(d, registry, diff.recordings, policy)).toList();
      HistoryCheck.Result consumers = result;
      result = HistoryCheck.applyExceptions(withEvidence, registry.policy(), diff.today());
      // Recordings add evidence to the version pairs; the consumers' reads are judged as before.
      result = new HistoryCheck.Result(result.pairs(), result.policyFindings(), consumers.consumers());
    }
    Report report = DiffReports.history(result, "check-history " + registry.origin(), registry, diff.threshold(),
        diff.showInfo);
    boolean failed = result.failsAt(diff.threshold());
    if (baseline == null) {
      LockCheck.Result lock = ReleaseGuard.check(contracts, registry);
      report = ReleaseGuard.with(report, ReleaseReports.lock(lock));
      failed |= !lock.passed();
    } else {
      // The baseline's lock decides what was released; the working tree's own lock is checked as well.
      ContractRegistry base = ContractRegistry.load(baseline);
      BaselineCheck.Result b = BaselineCheck.run(registry, contracts.root(), base, baseline,
          ReleasedContent.git(contracts.root()), ContractDiff.policyOf(registry), diff.today());
      LockCheck.Result own = ReleaseGuard.check(contracts, registry);
      List<Report.Entry> more = new ArrayList<>(
          ReleaseReports.baseline(b, base, registry, diff.threshold(), diff.showInfo));
      ReleaseReports.lock(own).stream().filter(e -> e.status() == Report.Status.FAILED)
          .filter(e -> more.stream().noneMatch(m -> m.group().equals(e.group()) && m.name().equals(e.name())))
          .forEach(more::add);
      report = ReleaseGuard.with(report, more);
      List<String> notes = new ArrayList<>(report.notes());
      notes.add("baseline " + baseline + ": " + (b.newVersions().isEmpty() ? "no new version"
          : "new " + String.join(", ", b.newVersions())));
      report = new Report(report.kind(), report.title(), report.entries(), notes);
      failed |= b.failsAt(diff.threshold()) || !own.passed();
    }
    reports.emit(report);
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
