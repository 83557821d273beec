package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "stub",
    description = {
      "Serve stubs of a contract on loopback until stopped (Ctrl-C), so a frontend team can build against a"
          + " contract before the backend ships it.",
      "Each endpoint answers with its schema's first example (or a generated value that validates). Requests"
          + " must carry the namespace's token header: any value, or exactly the value of the namespace's"
          + " token variable when it is set."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:usage error", "3:the contract cannot be read or stubbed"})
final class StubCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @CommandLine.ParentCommand RootCommand root;

  @Option(names = {"-p", "--port"}, defaultValue = "8089", paramLabel = "PORT",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Serve only this namespace; repeat for more.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = {"-v", "--version"}, paramLabel = "V", description = "Contract version (default: the newest).")
  String version;

  /** Counted down when the server runs; tests stop it through {@link #stop}. */
  final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stop = new CountDownLatch(1);
  volatile String baseUrl;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    ContractRegistry registry = contracts.load();
    List<Stub> stubs = new ArrayList<>();
    Map<String, String> tokens = new HashMap<>();
    List<Namespace> selected = namespaces.isEmpty() ? registry.namespaces()
        : namespaces.stream().map(registry::requireNamespace).toList();
    PrintWriter out = spec.commandLine().getOut();
    for (Namespace ns : selected) {
      ContractVersion v = version == null ? registry.latest(ns.id()) : registry.requireVersion(ns.id(), version);
      stubs.addAll(StubPlan.of(registry, v));
      StubPlan.refusal(registry, v).ifPresent(stubs::add);
      ns.auth().ifPresent(a -> {
        String token = root.environment.apply(a.tokenEnv());
        if (token != null && !token.isBlank()) {
          tokens.put(ns.id(), token);
        }
      });
    }
    EmbeddedBackend backend;
    try {
      backend = EmbeddedBackend.start(port, stubs, tokens::get);
    } catch (RuntimeException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot start the stub server on 127.0.0.1:" + port
          + "\n    expected: a free port\n    but was : " + e.getMessage()
          + "\n    hint    : pick another --port, or 0 for any free one");
    }
    try (backend) {
      baseUrl = backend.baseUrl();
      out.println("Serving " + stubs.size() + " stubs on " + backend.baseUrl() + " (Ctrl-C to stop):");
      for (Stub s : stubs) {
        if (!s.endpoint().equals("*")) {
          out.printf("  %-6s %s  -> %d  (%s@%s %s)%n", s.method(), s.pathRegex().replace("\\Q", "").replace("\\E", ""),
              s.status(), s.namespace(), s.version(), s.endpoint());
        }
      }
      out.flush();
      Thread hook = new Thread(stop::countDown);
      Runtime.getRuntime().addShutdownHook(hook);
      started.countDown();
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    return ExitCodes.OK;
  }

  void stop() {
    stop.countDown();
  }
}
