package dev.contractgate.cli;

import dev.contractgate.gate.GateReports;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.gate.StateHook;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.release.LockCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    description = {
      "Live gate: send every endpoint's probe to a running backend and check status, headers and body against"
          + " the contract.",
      "Each namespace's token is read from the environment variable its namespace.yaml names, and every probe"
          + " is sent once more without it: that request must be refused (401 or 403).",
      "Session cookies must carry the namespace's own name; Vary must contain Origin where declared.",
      "A released version (contract-gate.lock) whose files changed fails the run: the backend would be checked"
          + " against a contract its consumers were not built against."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every probe passed",
      "1:contract violated: a violation, a hang, a cut connection, an answer without token; or a released"
          + " version changed",
      "2:usage error",
      "3:the contract cannot be read, or a token variable is not set",
      "4:backend unreachable: no probe got any answer"
    },
    footerHeading = "%nExample:%n",
    footer = "  IVANPIN_API_TOKEN=... WGP_API_TOKEN=... contract-gate verify --base-url https://backend.example"
        + " --report-dir target/contract-gate")
final class VerifyCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin ReportOptions reports;

  @Option(names = "--base-url", required = true, paramLabel = "URL",
      description = "Scheme, host and port of the backend, e.g. http://127.0.0.1:8080 (a path prefix is kept).")
  String baseUrl;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Check only this namespace; repeat for more.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = {"-v", "--version"}, paramLabel = "V",
      description = "Contract version to check against (default: the newest of each namespace).")
  String version;

  @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Per request, e.g. 500ms, 5s (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--deadline", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "For the whole run; what is not done by then fails (default: ${DEFAULT-VALUE}).")
  Duration deadline;

  @Option(names = "--retries", defaultValue = "2", paramLabel = "N",
      description = "Extra attempts after a connection failure, with backoff; other failures are not retried"
          + " (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--state-hook", paramLabel = "URL",
      description = "Before each probe that declares a provider state (probe.state in endpoints.yaml), POST"
          + " {\"state\": NAME} to this URL and wait for a 2xx; those probes then run one at a time.")
  String stateHook;

  @CommandLine.ParentCommand RootCommand root;

  @Override
  public Integer call() {
    Function<String, String> environment = root.environment;
    reports.validate(spec.commandLine());
    if (concurrency < 1 || concurrency > 256) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency must be between 1 and 256, was " + concurrency);
    }
    if (retries < 0 || retries > 10) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--retries must be between 0 and 10, was " + retries);
    }
    ContractRegistry registry = contracts.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LiveGate gate;
    try {
      LiveGate.Builder builder = LiveGate.builder(registry).baseUrl(baseUrl).namespaces(namespaces).version(version)
          .concurrency(concurrency).timeout(timeout).deadline(deadline).retries(retries).environment(environment)
          .progress(p -> reports.progress(err, "probes done", p[0], p[1]));
      if (stateHook != null) {
        builder.states(StateHook.post(stateHook, timeout));
      }
      gate = builder.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    LockCheck.Result lock = ReleaseGuard.only(ReleaseGuard.check(contracts, registry), namespaces);
    GateResult result = gate.run();
    reports.emit(ReleaseGuard.with(GateReports.of(result, registry.consumers()), lock));
    if (result.unreachable()) {
      err.println("Backend unreachable: no probe got an answer from " + baseUrl
          + ". Check that the backend runs and that --base-url points at it.");
      err.flush();
      return ExitCodes.UNREACHABLE;
    }
    return result.passed() && lock.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
