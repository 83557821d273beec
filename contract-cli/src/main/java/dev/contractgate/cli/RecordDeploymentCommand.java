package dev.contractgate.cli;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.Deployment;
import dev.contractgate.release.DeploymentLog;
import dev.contractgate.release.ReleaseLock;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "record-deployment",
    description = {
      "Append one line to the tree's deployments log (contract-gate.deployments, commit it): the time, the"
          + " environment, what was deployed (a backend namespace's contract version, or a consumer's build with"
          + " the contract version it is built against) and who.",
      "can-deploy --env and deployments read it. The same command serves staging and production."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:recorded",
      "2:usage error (an invalid name, a secret passed as --by, a classpath tree)",
      "3:the contract cannot be read, an unknown namespace, version or consumer, or an unreadable log"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  contract-gate record-deployment --env production --namespace ivanpin --version 1.2.0 --by alice",
      "  contract-gate record-deployment --env production --consumer ivanpin-web --consumer-version 2024.6.1"
    })
final class RecordDeploymentCommand implements Callable<Integer> {

  /** Where "who" comes from when --by is not given, first set wins; never a token variable. */
  static final List<String> WHO_VARIABLES =
      List.of("CONTRACT_GATE_DEPLOYER", "GITHUB_ACTOR", "GITLAB_USER_LOGIN", "USER", "USERNAME");

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @CommandLine.ParentCommand RootCommand root;

  @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment, e.g. staging, production.")
  String environment;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @ArgGroup(exclusive = false) Backend backend;
    @ArgGroup(exclusive = false) Frontend consumer;
  }

  static final class Backend {
    @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "The backend's namespace.")
    String namespace;

    @Option(names = {"-v", "--version"}, required = true, paramLabel = "V", description = "The contract version now running.")
    String version;
  }

  static final class Frontend {
    @Option(names = "--consumer", required = true, paramLabel = "NAME", description = "The consumer (consumers/NAME.yaml).")
    String name;

    @Option(names = "--consumer-version", required = true, paramLabel = "X", description = "The consumer build's version.")
    String version;

    @Option(names = "--contract-version", paramLabel = "V",
        description = "The contract version the build is built against (default: the version in consumers/NAME.yaml).")
    String contract;
  }

  @Option(names = "--by", paramLabel = "WHO",
      description = "Who deployed (default: $CONTRACT_GATE_DEPLOYER, $GITHUB_ACTOR, $GITLAB_USER_LOGIN, $USER or"
          + " $USERNAME, else 'unknown'). A login name, never a token.")
  String by;

  /** The clock; tests pass their own. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    if (!contracts.writable()) {
      throw usage("record-deployment appends to the tree's deployments log: pass --contracts DIR (a folder)");
    }
    ContractRegistry registry = contracts.load();
    Function<String, String> env = root == null ? System::getenv : root.environment;
    String who = who(env);
    Deployment d;
    try {
      if (what.backend != null) {
        registry.requireVersion(what.backend.namespace, what.backend.version);
        d = new Deployment(clock.instant(), environment, Deployment.Kind.BACKEND, what.backend.namespace,
            what.backend.version, Optional.empty(), who);
      } else {
        Consumer c = registry.consumers().stream().filter(x -> x.id().equals(what.consumer.name)).findFirst()
            .orElseThrow(() -> usage("unknown consumer \"" + what.consumer.name + "\"; the tree declares "
                + registry.consumers().stream().map(Consumer::id).toList() + " (consumers/NAME.yaml)"));
        String contract = what.consumer.contract != null ? what.consumer.contract : c.version().toString();
        registry.requireVersion(c.namespace(), contract);
        d = new Deployment(clock.instant(), environment, Deployment.Kind.CONSUMER, c.id(), what.consumer.version,
            Optional.of(contract), who);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    DeploymentLog.append(contracts.root(), d);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Recorded in " + contracts.root().resolve(DeploymentLog.FILE) + ":");
    out.println("  " + d.line());
    if (d.kind() == Deployment.Kind.BACKEND
        && !ReleaseLock.read(contracts.root()).released(d.name(), d.version())) {
      out.println("Note: " + d.name() + " " + d.version() + " is not released: its contract can still change."
          + " Run 'contract-gate release --namespace " + d.name() + " --version " + d.version() + "'.");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** --by, else the first login variable that is set and valid; refused when it is a known secret. */
  private String who(Function<String, String> env) {
    List<String> secrets = Redactor.of(spec).known();
    if (by != null) {
      if (secrets.stream().anyMatch(s -> by.contains(s))) {
        throw usage("--by holds a secret (a token value); pass a login name");
      }
      if (!by.matches("[A-Za-z0-9._@+-]{1,64}")) {
        throw usage("--by must be a login name: letters, digits, '.', '_', '@', '+' or '-', at most 64");
      }
      return by;
    }
    for (String v : WHO_VARIABLES) {
      String value = env.apply(v);
      if (value != null && value.matches("[A-Za-z0-9._@+-]{1,64}")
          && secrets.stream().noneMatch(value::contains)) {
        return value;
      }
    }
    return "unknown";
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
