package dev.contractgate.cli;

import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    description = {
      "List namespaces, versions, endpoints and consumers of a contract tree.",
      "It loads every file and compiles every schema, so it doubles as a lint of the whole tree:"
          + " any problem exits 3 with the file, line and a hint.",
      "The listing is a report (kind list): one entry per endpoint (group NAMESPACE@VERSION, name the endpoint"
          + " id, summary 'METHOD PATH [STATUSES]' and deprecation, sunset and feature flag), one per consumer"
          + " (group consumers, with the fields it reads per endpoint), and notes with each namespace's base path,"
          + " token, session cookie and owners. For scripts, --format json prints it as the report JSON"
          + " (contract-gate/report/1, docs/report.schema.json)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the tree is valid", "2:usage error", "3:the tree cannot be loaded (the message says where and why)"},
    footerHeading = "%nExample:%n",
    footer = "  contract-gate list --contracts contracts/ --format json")
final class ListCommand implements Callable<Integer> {

  /** Group of the consumer entries; namespaces' groups are {@code namespace@version}. */
  static final String CONSUMERS = "consumers";

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @Mixin ReportOptions reports;
  @ParentCommand RootCommand root;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    ContractRegistry registry = contracts.load();
    int compiled = registry.compileAll();
    reports.emit(report(registry, compiled), spec.commandLine().getOut(), spec.commandLine().getErr(),
        Redactor.forTree(registry, root.environment));
    return ExitCodes.OK;
  }

  static Report report(ContractRegistry registry, int compiled) {
    List<Report.Entry> entries = new ArrayList<>();
    List<String> namespaceNotes = new ArrayList<>();
    List<String> versionNotes = new ArrayList<>();
    int versions = 0;
    int endpoints = 0;
    for (Namespace ns : registry.namespaces()) {
      namespaceNotes.add(describe(ns));
      for (ContractVersion v : registry.versions(ns.id())) {
        versions++;
        endpoints += v.endpoints().size();
        versionNotes.add(v.label() + ": " + count(v.endpoints().size(), "endpoint")
            + (v.description().isEmpty() ? "" : "; " + v.description()));
        for (Endpoint e : v.endpoints()) {
          entries.add(new Report.Entry(v.label(), e.id(), Report.Status.PASSED, summary(ns, e), List.of(), 0));
        }
      }
    }
    for (Consumer c : registry.consumers()) {
      entries.add(consumer(c));
    }
    String title = String.format("list contract tree %s: %s, %s, %s, %s; %s, %s compiled", registry.origin(),
        count(registry.namespaces().size(), "namespace"), count(versions, "version"), count(endpoints, "endpoint"),
        count(registry.consumers().size(), "consumer"), count(registry.schemaFiles().size(), "schema file"),
        count(compiled, "schema reference"));
    List<String> notes = new ArrayList<>(namespaceNotes);
    notes.addAll(versionNotes);
    return new Report("list", title, entries, notes);
  }

  /** {@code GET /api/ivanpin/services/blog/list.php [200 404]  deprecated (sunset 2027-01-01)  flag x}. */
  private static String summary(Namespace ns, Endpoint e) {
    String statuses = e.responses().keySet().stream().map(String::valueOf).collect(Collectors.joining(" "));
    return e.method() + " " + e.fullPath(ns.basePath()) + " [" + statuses + "]"
        + (e.deprecated() ? "  deprecated" + e.sunset().map(d -> " (sunset " + d + ")").orElse("") : "")
        + e.featureFlag().map(f -> "  flag " + f.name()).orElse("");
  }

  /** One consumer: its pinned version and, per endpoint it reads, the fields (an INFO finding each). */
  private static Report.Entry consumer(Consumer c) {
    List<String> read = c.reads().keySet().stream().sorted().toList();
    List<Report.Finding> findings = new ArrayList<>();
    for (String endpoint : read) {
      List<Report.Fact> facts = new ArrayList<>();
      facts.add(new Report.Fact("fields", String.join(", ", c.reads().get(endpoint))));
      // Reads behind a backend flag, per flag: what the frontend hides until the backend ships it.
      java.util.Map<String, List<String>> byFlag = new java.util.TreeMap<>();
      c.gated().getOrDefault(endpoint, java.util.Map.of())
          .forEach((pointer, flag) -> byFlag.computeIfAbsent(flag, k -> new ArrayList<>()).add(pointer));
      byFlag.forEach((flag, pointers) -> facts.add(new Report.Fact("behind " + flag,
          String.join(", ", pointers.stream().sorted().toList()))));
      findings.add(new Report.Finding(Report.Level.INFO, "consumer.reads", endpoint, facts, "", "", ""));
    }
    String summary = c.namespace() + "@" + c.version() + (read.isEmpty() ? "" : " reads " + String.join(", ", read));
    return new Report.Entry(CONSUMERS, c.id(), Report.Status.PASSED, summary, findings, 0);
  }

  /** {@code ivanpin: base path /api/ivanpin/services/; token X-WGP-Token from $IVANPIN_API_TOKEN ...}. */
  private static String describe(Namespace ns) {
    StringBuilder b = new StringBuilder(ns.id()).append(": base path ").append(ns.basePath());
    ns.auth().ifPresent(a -> b.append("; token ").append(a.header()).append(" from $").append(a.tokenEnv())
        .append(a.statusWithoutToken().isEmpty() ? "" : ", refused without it with "
            + a.statusWithoutToken().stream().map(String::valueOf).collect(Collectors.joining(" or "))));
    ns.sessionCookie().ifPresent(c -> b.append("; session cookie ").append(c));
    if (!ns.owners().isEmpty()) {
      b.append("; owners ").append(String.join(", ", ns.owners()));
    }
    if (!ns.description().isEmpty()) {
      b.append("; ").append(ns.description());
    }
    return b.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
