package dev.contractgate.cli;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "list",
    description = {
      "List namespaces, versions, endpoints and consumers of a contract tree.",
      "It loads every file and compiles every schema, so it doubles as a lint of the whole tree:"
          + " any problem exits 3 with the file, line and a hint."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the tree is valid", "2:usage error", "3:the tree cannot be loaded (the message says where and why)"})
final class ListCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON is for scripts.")
  Format format;

  @Override
  public Integer call() {
    ContractRegistry registry = contracts.load();
    int compiled = registry.compileAll();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(Json.write(json(registry, compiled)));
    } else {
      text(registry, compiled, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void text(ContractRegistry registry, int compiled, PrintWriter out) {
    int versions = 0;
    int endpoints = 0;
    for (Namespace ns : registry.namespaces()) {
      for (ContractVersion v : registry.versions(ns.id())) {
        versions++;
        endpoints += v.endpoints().size();
      }
    }
    out.printf("Contract tree %s: %d namespace%s, %d versions, %d endpoints, %d consumers; %d schema files, %d"
            + " schema references compiled%n",
        registry.origin(), registry.namespaces().size(), registry.namespaces().size() == 1 ? "" : "s", versions,
        endpoints, registry.consumers().size(), registry.schemaFiles().size(), compiled);
    for (Namespace ns : registry.namespaces()) {
      out.println();
      StringBuilder head = new StringBuilder(ns.id()).append("  ").append(ns.basePath());
      ns.auth().ifPresent(a -> head.append("  token ").append(a.header()).append(" from $").append(a.tokenEnv()));
      ns.sessionCookie().ifPresent(c -> head.append("  cookie ").append(c));
      out.println(head);
      for (ContractVersion v : registry.versions(ns.id())) {
        out.printf("  %s  %d endpoint%s%s%n", v.version(), v.endpoints().size(), v.endpoints().size() == 1 ? "" : "s",
            v.description().isEmpty() ? "" : "  " + v.description());
        int idWidth = v.endpoints().stream().mapToInt(e -> e.id().length()).max().orElse(0);
        for (Endpoint e : v.endpoints()) {
          String statuses = e.responses().keySet().stream().map(String::valueOf).collect(Collectors.joining(" "));
          String flags = (e.deprecated() ? "  deprecated" + e.sunset().map(d -> " (sunset " + d + ")").orElse("") : "")
              + e.featureFlag().map(f -> "  flag " + f).orElse("");
          out.printf("    %-" + idWidth + "s  %-6s %s  [%s]%s%n", e.id(), e.method(), e.fullPath(ns.basePath()),
              statuses, flags);
        }
      }
    }
    List<Consumer> consumers = registry.consumers();
    if (!consumers.isEmpty()) {
      out.println();
      out.println("consumers");
      for (Consumer c : consumers) {
        out.printf("  %s  %s@%s%s%n", c.id(), c.namespace(), c.version(),
            c.reads().isEmpty() ? "" : "  reads " + String.join(", ", c.reads().keySet().stream().sorted().toList()));
      }
    }
  }

  private static ObjectNode json(ContractRegistry registry, int compiled) {
    ObjectNode root = Json.object();
    root.put("format", "contract-gate/list/1");
    root.put("origin", registry.origin());
    root.put("compiledSchemas", compiled);
    ArrayNode nss = root.putArray("namespaces");
    for (Namespace ns : registry.namespaces()) {
      ObjectNode n = nss.addObject();
      n.put("id", ns.id());
      n.put("basePath", ns.basePath());
      n.put("description", ns.description());
      ns.auth().ifPresent(a -> {
        ObjectNode auth = n.putObject("auth");
        auth.put("header", a.header());
        auth.put("tokenEnv", a.tokenEnv());
        ArrayNode st = auth.putArray("statusWithoutToken");
        a.statusWithoutToken().forEach(st::add);
      });
      ns.sessionCookie().ifPresent(c -> n.put("sessionCookie", c));
      ArrayNode owners = n.putArray("owners");
      ns.owners().forEach(owners::add);
      ArrayNode vs = n.putArray("versions");
      for (ContractVersion v : registry.versions(ns.id())) {
        ObjectNode vn = vs.addObject();
        vn.put("version", v.version().toString());
        vn.put("description", v.description());
        ArrayNode es = vn.putArray("endpoints");
        for (Endpoint e : v.endpoints()) {
          ObjectNode en = es.addObject();
          en.put("id", e.id());
          en.put("method", e.method());
          en.put("path", e.path());
          en.put("fullPath", e.fullPath(ns.basePath()));
          ArrayNode st = en.putArray("statuses");
          e.responses().keySet().forEach(st::add);
          en.put("deprecated", e.deprecated());
          e.sunset().ifPresent(d -> en.put("sunset", d.toString()));
          e.featureFlag().ifPresent(f -> en.put("featureFlag", f));
        }
      }
    }
    ArrayNode cs = root.putArray("consumers");
    for (Consumer c : registry.consumers()) {
      ObjectNode cn = cs.addObject();
      cn.put("id", c.id());
      cn.put("namespace", c.namespace());
      cn.put("version", c.version().toString());
      ObjectNode reads = cn.putObject("reads");
      c.reads().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(r -> {
        ArrayNode ps = reads.putArray(r.getKey());
        r.getValue().forEach(ps::add);
      });
    }
    return root;
  }
}
