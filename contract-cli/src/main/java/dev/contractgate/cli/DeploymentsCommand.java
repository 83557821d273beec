package dev.contractgate.cli;

import dev.contractgate.release.Deployment;
import dev.contractgate.release.DeploymentLog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "deployments",
    description = {
      "Print the tree's deployments log (contract-gate.deployments) and what runs now in each environment:"
          + " per backend namespace its contract version and the previous one (the rollback target), per"
          + " consumer its build and the contract version it is built against."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed (also when nothing is recorded yet)",
      "2:usage error",
      "3:the contract or the log cannot be read (a malformed line, an unresolved merge)"
    })
final class DeploymentsCommand implements Callable<Integer> {

  enum Format { text, json, markdown }

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;

  @Option(names = "--env", paramLabel = "ENV", description = "Only this environment (default: all in the log).")
  String environment;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    contracts.load();
    DeploymentLog log = DeploymentLog.read(contracts.root());
    List<String> envs = environment == null ? log.environments()
        : List.of(log.environment(environment).orElse(environment));
    PrintWriter out = spec.commandLine().getOut();
    String where = contracts.root().resolve(DeploymentLog.FILE).toString();
    switch (format) {
      case json -> out.println(json(log, envs, where));
      case markdown -> out.print(markdown(log, envs, where));
      default -> out.print(text(log, envs, where));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String text(DeploymentLog log, List<String> envs, String where) {
    StringBuilder b = new StringBuilder("Deployments log " + where + ": " + log.entries().size()
        + (log.entries().size() == 1 ? " deployment" : " deployments") + "\n");
    if (envs.isEmpty()) {
      b.append("\nNothing recorded yet: run 'contract-gate record-deployment --env ENV ...' after each deploy.\n");
    }
    for (String env : envs) {
      DeploymentLog.State s = log.state(env);
      b.append("\n").append(env).append("\n  now:\n");
      if (s.backends().isEmpty() && s.consumers().isEmpty()) {
        b.append("    nothing recorded\n");
      }
      for (String ns : sorted(s.backends().keySet())) {
        Deployment d = s.backends().get(ns);
        b.append("    ").append(d.what()).append("  since ").append(d.time()).append(" by ").append(d.by())
            .append(s.previousBackend(ns).map(p -> "  (previous " + p.version() + ")").orElse("")).append("\n");
      }
      for (String c : sorted(s.consumers().keySet())) {
        Deployment d = s.consumers().get(c);
        b.append("    ").append(d.what()).append("  since ").append(d.time()).append(" by ").append(d.by()).append("\n");
      }
      b.append("  log:\n");
      for (Deployment d : log.entries(env)) {
        b.append("    ").append(d.time()).append("  ").append(d.what()).append("  by ").append(d.by()).append("\n");
      }
    }
    return b.toString();
  }

  static String json(DeploymentLog log, List<String> envs, String where) {
    JsonMapper m = JsonMapper.shared();
    ObjectNode root = m.createObjectNode();
    root.put("log", where);
    ArrayNode environments = root.putArray("environments");
    for (String env : envs) {
      DeploymentLog.State s = log.state(env);
      ObjectNode e = environments.addObject();
      e.put("environment", env);
      ArrayNode backends = e.putArray("backends");
      for (String ns : sorted(s.backends().keySet())) {
        ObjectNode o = entry(backends.addObject(), s.backends().get(ns));
        s.previousBackend(ns).ifPresent(p -> o.put("previous", p.version()));
      }
      ArrayNode consumers = e.putArray("consumers");
      for (String c : sorted(s.consumers().keySet())) {
        entry(consumers.addObject(), s.consumers().get(c));
      }
      ArrayNode lines = e.putArray("log");
      log.entries(env).forEach(d -> entry(lines.addObject(), d));
    }
    return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static ObjectNode entry(ObjectNode o, Deployment d) {
    o.put("time", d.time().toString());
    o.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("name", d.name());
    o.put("version", d.version());
    d.contract().ifPresent(c -> o.put("contract", c));
    o.put("by", d.by());
    return o;
  }

  static String markdown(DeploymentLog log, List<String> envs, String where) {
    StringBuilder b = new StringBuilder("## Deployments\n\nLog: `" + where + "`, " + log.entries().size()
        + (log.entries().size() == 1 ? " deployment" : " deployments") + ".\n");
    for (String env : envs) {
      DeploymentLog.State s = log.state(env);
      b.append("\n### ").append(env).append("\n\n| What | Version | Contract | Since | By | Previous |\n"
          + "|---|---|---|---|---|---|\n");
      for (String ns : sorted(s.backends().keySet())) {
        Deployment d = s.backends().get(ns);
        row(b, d, s.previousBackend(ns).map(Deployment::version).orElse(""));
      }
      for (String c : sorted(s.consumers().keySet())) {
        row(b, s.consumers().get(c), "");
      }
      b.append("\n<details><summary>Log</summary>\n\n| Time | What | Version | Contract | By |\n|---|---|---|---|---|\n");
      for (Deployment d : log.entries(env)) {
        b.append("| ").append(d.time()).append(" | ").append(d.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append(' ').append(d.name()).append(" | ").append(d.version()).append(" | ")
            .append(d.contract().orElse("")).append(" | ").append(d.by()).append(" |\n");
      }
      b.append("\n</details>\n");
    }
    return b.toString();
  }

  private static void row(StringBuilder b, Deployment d, String previous) {
    b.append("| ").append(d.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(d.name())
        .append(" | ").append(d.version()).append(" | ").append(d.contract().orElse(d.version())).append(" | ")
        .append(d.time()).append(" | ").append(d.by()).append(" | ").append(previous).append(" |\n");
  }

  private static List<String> sorted(java.util.Collection<String> keys) {
    List<String> out = new ArrayList<>(keys);
    out.sort(null);
    return out;
  }
}
