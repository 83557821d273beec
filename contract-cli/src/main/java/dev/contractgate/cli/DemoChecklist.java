package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import dev.contractgate.release.Deployment;
import dev.contractgate.release.DeploymentLog;
import dev.contractgate.release.LockCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The users' four-step deploy checklist, as the demo walks it on a copy of the example tree: which changes
 * are waiting (from the deployments log), compatibility (can-deploy --env production), both sites verified
 * (the live gate on the embedded backend), and the deployment recorded in the log.
 */
final class DemoChecklist {

  static final String ENV = "production";
  static final String BY = "demo";
  static final String MARKER = ".contract-gate-demo";

  private DemoChecklist() {}

  /**
   * Copies the example tree to {@code dir/demo-tree} (replacing an earlier demo's copy, never anything else) and records what the story
   * says already runs: production on the previous versions (or, for the rollback story, on the newest with
   * ivanpin-web built against it), staging on the newest.
   */
  static Path seed(ContractRegistry examples, Path dir, boolean rollbackStory) {
    Path from = LockCheck.rootOf(examples);
    Path to = dir.resolve("demo-tree");
    try {
      if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(to.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
        // Only a copy this demo wrote is ever deleted.
        throw new CommandFailure(ExitCodes.USAGE, to + " exists and was not written by the demo; choose another"
            + " --report-dir (the demo keeps its copy of the example tree in REPORT-DIR/demo-tree).");
      }
      if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> s = Files.walk(to)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : s.toList()) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.writeString(to.resolve(MARKER), "Written by contract-gate demo; deleted and rewritten by its next run.\n");
    } catch (IOException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot copy the example tree to " + to + ": " + e.getMessage());
    }
    ContractRegistry tree = ContractRegistry.load(to);
    Instant now = Instant.now();
    Instant twoWeeks = now.minus(Duration.ofDays(14));
    Instant yesterday = now.minus(Duration.ofDays(1));
    for (Namespace ns : tree.namespaces()) {
      List<String> versions = tree.versions(ns.id()).stream().map(v -> v.version().toString()).toList();
      String newest = versions.get(versions.size() - 1);
      String previous = versions.size() > 1 ? versions.get(versions.size() - 2) : newest;
      record(to, twoWeeks, ENV, Deployment.Kind.BACKEND, ns.id(), previous, Optional.empty());
      if (rollbackStory && ns.id().equals("ivanpin")) {
        record(to, yesterday, ENV, Deployment.Kind.BACKEND, ns.id(), newest, Optional.empty());
      }
      record(to, yesterday, "staging", Deployment.Kind.BACKEND, ns.id(), newest, Optional.empty());
    }
    for (Consumer c : tree.consumers()) {
      List<String> versions = tree.versions(c.namespace()).stream().map(v -> v.version().toString()).toList();
      String built = rollbackStory && c.namespace().equals("ivanpin") ? c.version().toString()
          : versions.get(Math.max(0, Math.min(versions.indexOf(c.version().toString()), versions.size() - 2)));
      record(to, rollbackStory ? yesterday : twoWeeks, ENV, Deployment.Kind.CONSUMER, c.id(), "build-" + built,
          Optional.of(built));
    }
    return to;
  }

  private static void record(Path root, Instant at, String env, Deployment.Kind kind, String name, String version,
      Optional<String> contract) {
    DeploymentLog.append(root, new Deployment(at, env, kind, name, version, contract, BY));
  }

  /** Step 1: per namespace, what production runs, what the candidate brings, and which consumers wait for it. */
  static String waiting(ContractRegistry tree, Path root) {
    DeploymentLog.State state = DeploymentLog.read(root).state(ENV);
    StringBuilder b = new StringBuilder("Checklist 1/4, changes waiting (" + ENV + ", from "
        + DeploymentLog.FILE + "):\n");
    for (Namespace ns : tree.namespaces()) {
      String candidate = tree.latest(ns.id()).version().toString();
      String running = state.backend(ns.id()).map(Deployment::version).orElse("nothing");
      b.append("  ").append(ns.id()).append(": ").append(ENV).append(" runs ").append(running)
          .append(", the candidate is ").append(candidate);
      if (!running.equals(candidate) && !running.equals("nothing")) {
        VersionDiff d = ContractDiff.compare(tree, tree.requireVersion(ns.id(), running),
            tree.requireVersion(ns.id(), candidate), ContractDiff.policyOf(tree), LocalDate.now());
        b.append(": ").append(d.changes().size()).append(" changes waiting, ").append(d.breaking().size())
            .append(" breaking");
      }
      b.append("\n");
      for (Consumer c : tree.consumers()) {
        if (!c.namespace().equals(ns.id())) {
          continue;
        }
        String deployed = Optional.ofNullable(state.consumers().get(c.id())).flatMap(Deployment::contract)
            .orElse("nothing");
        String next = c.version().toString();
        b.append("    ").append(c.id()).append(": runs a build against ").append(deployed).append(", its next build")
            .append(" is against ").append(next);
        if (!next.equals(deployed) && next.equals(candidate)) {
          b.append(": it waits for this backend, deploy the backend first, then the frontend");
        }
        b.append("\n");
      }
    }
    return b.toString();
  }

  /** Step 4: records the candidates as deployed to production and prints the environment's state. */
  static String recordAndShow(ContractRegistry tree, Path root, boolean passed) {
    StringBuilder b = new StringBuilder("Checklist 4/4, deployment recorded:\n");
    if (!passed) {
      b.append("  not recorded: the gate failed, nothing goes out.\n");
    } else {
      for (Namespace ns : tree.namespaces()) {
        String candidate = tree.latest(ns.id()).version().toString();
        Optional<Deployment> current = DeploymentLog.read(root).state(ENV).backend(ns.id());
        if (current.isEmpty() || !current.get().version().equals(candidate)) {
          record(root, Instant.now(), ENV, Deployment.Kind.BACKEND, ns.id(), candidate, Optional.empty());
          b.append("  contract-gate record-deployment --env ").append(ENV).append(" --namespace ").append(ns.id())
              .append(" --version ").append(candidate).append(" --by ").append(BY).append("\n");
        }
      }
    }
    DeploymentLog log = DeploymentLog.read(root);
    b.append("\n").append(DeploymentsCommand.text(log, log.environments(), root.resolve(DeploymentLog.FILE).toString()));
    return b.toString();
  }
}
