package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.diff.HistoryCheck;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.drift.RecordedEvidence;
import dev.contractgate.registry.ContractRegistry;
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
      "Exceptions and severity overrides come from the tree's contract-gate.yaml; an expired exception fails."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every version is compatible with its predecessors",
      "1:a finding at or above --fail-on (names rule, namespace, version pair and pointer)",
      "2:usage error",
      "3:the contract cannot be read"
    })
final class CheckHistoryCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin DiffOptions diff;
  @Mixin ReportOptions reports;

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
    reports.emit(report);
    return result.failsAt(diff.threshold()) ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
