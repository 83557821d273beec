package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.ReleaseLock;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "release",
    description = {
      "Mark a contract version released: write the SHA-256 of each of its files into contract-gate.lock at the"
          + " tree's root (sorted, one line per file; commit it).",
      "From then on check-history, can-deploy, verify and the JUnit history tests fail when a file of that"
          + " version is edited, added or removed: consumers were built against it. Unreleased versions stay"
          + " editable."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:released, or already released with exactly these files",
      "2:usage error (also: the tree is a classpath tree, which cannot be written)",
      "3:the contract cannot be read, an unknown namespace or version, a malformed lock, or the version is"
          + " released already and its files changed since"
    },
    footerHeading = "%nExample:%n",
    footer = "  contract-gate release --contracts contracts --namespace ivanpin --version 1.3.0")
final class ReleaseCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;

  @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "The namespace.")
  String namespace;

  @Option(names = {"-v", "--version"}, required = true, paramLabel = "V", description = "The version to release.")
  String version;

  @Override
  public Integer call() {
    if (!contracts.writable()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "release writes contract-gate.lock into the tree: pass --contracts DIR (a folder), not a classpath tree");
    }
    ContractRegistry registry = contracts.load();
    ReleaseLock.Released r = ReleaseLock.release(contracts.root(), registry, namespace, version);
    PrintWriter out = spec.commandLine().getOut();
    if (r.alreadyReleased()) {
      out.println(namespace + " " + version + " is already released, unchanged (" + r.files().size() + " files).");
    } else {
      out.println("Released " + namespace + " " + version + ": " + r.files().size() + " files locked in "
          + contracts.root().resolve(ReleaseLock.FILE) + ".");
      out.println("Commit " + ReleaseLock.FILE + " with the contracts; from now on the version cannot change.");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
