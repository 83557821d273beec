package dev.contractgate.cli;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.Deployment;
import dev.contractgate.release.DeploymentLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What can-deploy --env judges: from the deployments log, the backend version running in the environment
 * (the rollback target; the one before it when the candidate runs already) and the contract version of each
 * consumer build running there, and notes that say so in the report.
 */
record EnvironmentDeploy(Optional<String> deployed, Map<String, String> pinned, List<String> notes) {

  static EnvironmentDeploy of(ContractRegistry registry, Path root, String environment, String namespace,
      String candidate) {
    registry.requireVersion(namespace, candidate);
    DeploymentLog log = DeploymentLog.read(root);
    String env = log.environment(environment).orElseThrow(() -> new CommandFailure(ExitCodes.INPUT,
        "Nothing is recorded for environment \"" + environment + "\" in " + root.resolve(DeploymentLog.FILE)
            + " (environments recorded: " + log.environments() + ").\n  hint: after each deploy run"
            + " 'contract-gate record-deployment --env " + environment + " --namespace NS --version V' (and"
            + " --consumer NAME --consumer-version X for each frontend build), commit the log, then ask again."));
    DeploymentLog.State state = log.state(env);
    List<String> notes = new ArrayList<>();
    Optional<Deployment> current = state.backend(namespace);
    Optional<String> deployed;
    if (current.isEmpty()) {
      deployed = Optional.empty();
      notes.add(env + ": no backend of " + namespace + " recorded, so no rollback target");
    } else if (current.get().version().equals(candidate)) {
      deployed = state.previousBackend(namespace).map(Deployment::version);
      notes.add(env + ": " + namespace + " " + candidate + " runs already (since " + current.get().time() + ");"
          + deployed.map(v -> " rollback target: the previous version " + v).orElse(" no previous version recorded"));
    } else {
      deployed = Optional.of(current.get().version());
      notes.add(env + ": backend " + namespace + " " + current.get().version() + " since " + current.get().time()
          + " by " + current.get().by() + " (the rollback target)");
    }
    Map<String, String> pinned = new TreeMap<>();
    for (Deployment d : state.consumers().values()) {
      Optional<Consumer> c = registry.consumers().stream().filter(x -> x.id().equals(d.name())).findFirst();
      if (c.isEmpty()) {
        notes.add(env + ": consumer " + d.name() + " runs there but the tree no longer declares it: not judged");
      } else if (c.get().namespace().equals(namespace)) {
        pinned.put(d.name(), d.contract().orElseThrow());
        notes.add(env + ": " + d.what() + " since " + d.time());
      }
    }
    for (Consumer c : registry.consumers()) {
      if (c.namespace().equals(namespace) && !state.consumers().containsKey(c.id())) {
        notes.add(env + ": consumer " + c.id() + " is not recorded there: not judged");
      }
    }
    return new EnvironmentDeploy(deployed, pinned, notes);
  }
}
