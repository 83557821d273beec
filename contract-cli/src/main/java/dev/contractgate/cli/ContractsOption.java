package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.LockCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --contracts} option shared by every command that reads a contract tree. Without it the tree is
 * the nearest one found upward from the working directory; the example tree is used only when named
 * ({@code --contracts classpath:examples}), never as a silent fallback: checking a real backend against the
 * example namespaces would pass or fail for the wrong reasons.
 */
final class ContractsOption {

  /** The name of the example contracts packaged with the command. */
  static final String EXAMPLES = "classpath:examples";

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description = "Root of the contract tree (see docs/contract-format.md), or classpath:ROOT;"
          + " " + EXAMPLES + " is the example tree packaged with the command. Default: the nearest folder"
          + " upward from the working directory that holds a contract-gate.yaml, or its contracts/ subfolder"
          + " (with a contract-gate.yaml or namespace folders), or contracts/src/main/contracts.")
  String directory;

  @Spec(Spec.Target.MIXEE) CommandLine.Model.CommandSpec mixee;

  private Path root;

  /** Loads the tree; the run's redactor learns its token values before the command sees it. */
  ContractRegistry load() {
    ContractRegistry registry;
    if (directory != null && directory.startsWith("classpath:")) {
      String r = directory.equals(EXAMPLES) ? ContractRegistry.DEFAULT_CLASSPATH_ROOT
          : directory.substring("classpath:".length());
      registry = ContractRegistry.loadClasspath(r, ContractCli.class.getClassLoader());
      root = LockCheck.rootOf(registry);
    } else {
      root = directory != null ? Path.of(directory) : discover();
      if (directory == null) {
        // The arguments named no tree, so the scan before parsing did not see this one's namespace files: an
        // error while loading may quote a token pasted there.
        Redactor.root(mixee).ifPresent(r -> SecretScan.beforeParse(r.redactor, new String[] {root.toString()},
            r.environment));
      }
      registry = ContractRegistry.load(root);
    }
    Redactor.root(mixee).ifPresent(r -> {
      r.learn(registry);
      r.loaded = registry;
      r.loadedRoot = root;
    });
    return registry;
  }

  /** The root folder of the tree {@link #load()} loaded (inside the jar for a classpath tree). */
  Path root() {
    if (root == null) {
      throw new IllegalStateException("load() first");
    }
    return root;
  }

  /** True when the tree is a folder that can be written (not a classpath tree). */
  boolean writable() {
    return directory == null || !directory.startsWith("classpath:");
  }

  private Path discover() {
    Path start = Redactor.root(mixee).map(r -> r.workingDirectory).orElse(Path.of("").toAbsolutePath());
    return find(start).orElseThrow(() -> new CommandFailure(ExitCodes.USAGE,
        "No contract tree: --contracts is not given, and no folder from " + start + " upward holds a "
            + "contract-gate.yaml, a contracts/ folder with one or with namespace folders, or a"
            + " contracts/src/main/contracts with one.\n"
            + "  hint: pass --contracts DIR with the root of your contract tree, run the command inside it, or add a"
            + " contract-gate.yaml at its root (docs/contract-format.md); --contracts " + EXAMPLES
            + " names the example tree, and 'contract-gate demo' shows it end to end."));
  }

  /**
   * The nearest tree from {@code start} upward: a folder with a {@code contract-gate.yaml}, or its
   * {@code contracts/} subfolder when that has one or holds a namespace folder ({@code NS/namespace.yaml}), or
   * a {@code contracts} Maven module's {@code contracts/src/main/contracts} with a {@code contract-gate.yaml}.
   */
  static Optional<Path> find(Path start) {
    for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("contract-gate.yaml"))) {
        return Optional.of(d);
      }
      Path c = d.resolve("contracts");
      if (Files.isRegularFile(c.resolve("contract-gate.yaml")) || holdsNamespace(c)) {
        return Optional.of(c);
      }
      Path module = c.resolve("src").resolve("main").resolve("contracts");
      if (Files.isRegularFile(module.resolve("contract-gate.yaml"))) {
        return Optional.of(module);
      }
    }
    return Optional.empty();
  }

  private static boolean holdsNamespace(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.limit(1000).anyMatch(p -> Files.isRegularFile(p.resolve("namespace.yaml")));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
