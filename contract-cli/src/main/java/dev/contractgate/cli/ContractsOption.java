package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --contracts DIR} option shared by every command that reads a contract tree. */
final class ContractsOption {

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description = "Root of the contract tree (see docs/contract-format.md). Default: the example contracts"
          + " packaged with the command.")
  Path directory;

  ContractRegistry load() {
    if (directory == null) {
      return ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, ContractCli.class.getClassLoader());
    }
    return ContractRegistry.load(directory);
  }
}
