package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DeployCheck;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.registry.ContractRegistry;
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
          + " and is rolling back to the deployed version safe for consumers that already use the candidate?"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every consumer is deploy-safe and, where it applies, rollback-safe",
      "1:a consumer breaks (the findings behind each \"no\" are printed)",
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

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    ContractRegistry registry = contracts.load();
    DeployCheck.Result result = DeployCheck.run(registry, namespace, candidate, Optional.ofNullable(deployed),
        ContractDiff.policyOf(registry), diff.today());
    reports.emit(DiffReports.deploy(result, registry));
    return result.safe() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
