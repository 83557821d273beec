package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --contracts DIR} option shared by every command that reads a contract tree. */
final class ContractsOption {

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description = "Root of the contract tree (see docs/contract-format.md). Default: the example contracts"
          + " packaged with the command.")
  Path directory;

  @Spec(Spec.Target.MIXEE) CommandLine.Model.CommandSpec mixee;

  /** Loads the tree; the run's redactor learns its token values before the command sees it. */
  ContractRegistry load() {
    ContractRegistry registry = directory == null
        ? ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, ContractCli.class.getClassLoader())
        : ContractRegistry.load(directory);
    Redactor.root(mixee).ifPresent(r -> r.learn(registry));
    return registry;
  }
}
