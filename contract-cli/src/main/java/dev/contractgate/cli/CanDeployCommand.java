package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DeployCheck;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.LockCheck;
import dev.contractgate.report.Report;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "can-deploy",
    description = {
      "Can this backend contract version go out? For every consumer of the namespace: is the candidate safe"
          + " for the version the consumer is built against (narrowed to the fields it declares it reads),"
          + " and is rolling back to the deployed version safe for consumers that already use the candidate?",
      "With --env ENV the answer is for exactly what the tree's deployments log (contract-gate.deployments,"
          + " see record-deployment) says runs in ENV: its backend version and each consumer build there, judged"
          + " against the contract version that build is built against; the rollback target is the backend"
          + " version running in ENV (or the one before it, when the candidate runs already).",
      "A released version whose files changed (contract-gate.lock) fails the check."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every consumer is deploy-safe and, where it applies, rollback-safe",
      "1:a consumer breaks (the findings behind each \"no\" are printed), or a released version changed",
      "2:usage error",
      "3:the contract cannot be read, or an unknown namespace or version"
    })
final class CanDeployCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin DiffOptions diff;
  @Mixin ReportOptions reports;

  @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "The namespace to deploy.")
  String namespace;

  @Option(names = "--candidate", required = true, paramLabel = "V", description = "The contract version to deploy.")
  String candidate;

  @Option(names = "--deployed", paramLabel = "V",
      description = "The version running now, for the rollback check (default: the newest older than the candidate).")
  String deployed;

  @Option(names = "--env", paramLabel = "ENV",
      description = "Judge against what the deployments log says runs in this environment (not with --deployed).")
  String environment;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    if (environment != null && deployed != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--env reads the deployed version from the deployments log: leave out --deployed");
    }
    ContractRegistry registry = contracts.load();
    LockCheck.Result lock = ReleaseGuard.only(ReleaseGuard.check(contracts, registry), List.of(namespace));
    DeployCheck.Result result;
    List<String> notes = List.of();
    if (environment == null) {
      result = DeployCheck.run(registry, namespace, candidate, Optional.ofNullable(deployed),
          ContractDiff.policyOf(registry), diff.today());
    } else {
      EnvironmentDeploy env = EnvironmentDeploy.of(registry, contracts.root(), environment, namespace, candidate);
      result = DeployCheck.run(registry, namespace, candidate, env.deployed(), env.pinned(),
          ContractDiff.policyOf(registry), diff.today());
      notes = env.notes();
    }
    Report report = ReleaseGuard.with(DiffReports.deploy(result, registry), lock);
    List<String> allNotes = new java.util.ArrayList<>(notes);
    if (environment != null && result.verdicts().isEmpty()) {
      // "no consumer declared" would be wrong here: consumers may be declared but none runs in the environment
      allNotes.add("No consumer build of " + namespace + " is recorded in " + environment + ", so none is judged;"
          + " record each frontend's deploys with 'contract-gate record-deployment --env " + environment
          + " --consumer NAME --consumer-version X'.");
      report.notes().stream().filter(n -> !n.startsWith("No consumer of")).forEach(allNotes::add);
    } else {
      allNotes.addAll(report.notes());
    }
    reports.emit(new Report(report.kind(), report.title(), report.entries(), allNotes));
    return result.safe() && lock.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
