package dev.contractgate.cli;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.DeployCheck;
import dev.contractgate.diff.DiffReports;
import dev.contractgate.gate.GateReports;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.LiveGate;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import dev.contractgate.report.Report;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description = {
      "Start an embedded backend (WireMock on a free loopback port) that serves both namespaces of the example"
          + " contracts, run the live gate (verify) and can-deploy against it, write the reports and print where.",
      "With --break STORY the backend misbehaves the way the story tells, and the gate must catch it:",
      "  frontend-ahead          ivanpin-web needs blog.detail's \"seo\"; the backend does not send it yet",
      "  silent-format-change    blog.list sends publishedAt as \"2025-02-20 09:00\": no 500, wrong data",
      "  cross-site-break        a change made for ivanpin turns the author object into a string, breaking wgp",
      "  shared-session-cookie   the backend sets PHPSESSID instead of IVANPIN_SESSID / WGP_SESSID",
      "  missing-vary-origin     list endpoints drop Vary: Origin, so a CDN mixes the two sites' answers",
      "  no-token-answered       the wgp namespace answers requests without X-WGP-Token",
      "  rollback-removes-field  a rollback drops blog.detail's \"seo\", which ivanpin-web already reads",
      "  flag-on-without-data    blog.list says feature_enabled: true but sends no readingTime",
      "Without --break the backend has not shipped services.catalog yet: ivanpin-web reads it behind the endpoint"
          + " flag, so its 404 is \"feature off\", accepted."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the gate passed (no --break)",
      "1:the gate caught the story (or found a problem)",
      "2:usage error, e.g. an unknown story"
    })
final class DemoCommand implements Callable<Integer> {

  private static final Story ROLLBACK = Story.ROLLBACK_REMOVES_FIELD;

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin HelpOption help;
  @Mixin ReportOptions reports;

  @Option(names = "--break", paramLabel = "STORY", converter = Story.Converter.class,
      completionCandidates = Story.Candidates.class,
      description = "Switch the embedded backend into a failure story: ${COMPLETION-CANDIDATES}.")
  Story story;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    if (reports.reportDir == null) {
      reports.reportDir = Path.of("target", "contract-gate-demo");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ContractRegistry registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT,
        DemoCommand.class.getClassLoader());
    // Fresh tokens per run: the demo shows that a token is sent and checked, never what it is.
    Map<String, String> env = new HashMap<>();
    Map<String, String> byNamespace = new HashMap<>();
    SecureRandom random = new SecureRandom();
    List<Stub> stubs = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      ContractVersion served = registry.latest(ns.id());
      stubs.addAll(StubPlan.of(registry, served));
      StubPlan.refusal(registry, served).ifPresent(stubs::add);
      ns.auth().ifPresent(a -> {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String token = "demo-" + HexFormat.of().formatHex(bytes);
        env.put(a.tokenEnv(), token);
        byNamespace.put(ns.id(), token);
      });
    }
    // The demo's own tokens join the run's redaction before anything is printed.
    Redactor.root(spec).ifPresent(r -> r.learn(registry));
    Redactor.of(spec).add(env.values());
    stubs = story != null ? story.apply(stubs) : Story.passing(stubs);
    try (EmbeddedBackend backend = EmbeddedBackend.start(0, stubs, byNamespace::get)) {
      if (!reports.quiet) {
        err.println("Embedded backend on " + backend.baseUrl() + (story == null ? "" : ", story: " + story.id));
        err.flush();
      }
      GateResult result = LiveGate.builder(registry).baseUrl(backend.baseUrl()).environment(env::get)
          .progress(p -> reports.progress(err, "probes done", p[0], p[1])).build().run();
      Report report = GateReports.of(result);
      List<String> notes = new ArrayList<>(report.notes());
      notes.add(story == null
          ? "Demo: the embedded backend serves every namespace as its newest contract says, except "
              + Story.AHEAD_ENDPOINT + ", not shipped yet: ivanpin-web reads it behind its endpoint flag (when:"
              + " endpoint), so the 404 is \"feature off\" and the frontend ahead of its backend is accepted."
          : "Demo story " + story.id + ": " + story.description + ".");
      report = new Report("verify", "demo verify" + (story == null ? "" : " --break " + story.id), report.entries(), notes);
      reports.emit(report);
      // The embedded backend runs the newest versions; a rollback story asks whether going back is safe.
      boolean deploySafe = true;
      List<Report.Entry> deployEntries = new ArrayList<>();
      for (Namespace ns : registry.namespaces()) {
        String candidate = registry.latest(ns.id()).version().toString();
        String deployed = candidate;
        if (story == Story.ROLLBACK_REMOVES_FIELD && ns.id().equals("ivanpin")) {
          List<ContractVersion> all = registry.versions(ns.id());
          deployed = all.get(all.size() - 2).version().toString();
        }
        DeployCheck.Result r = DeployCheck.run(registry, ns.id(), candidate, Optional.of(deployed),
            ContractDiff.policyOf(registry), LocalDate.now());
        deploySafe &= r.safe();
        deployEntries.addAll(DiffReports.deploy(r, registry).entries());
      }
      out.println();
      reports.emit(new Report("can-deploy", "demo can-deploy" + (story == ROLLBACK ? " (rollback to the previous"
          + " ivanpin version)" : ""), deployEntries, List.of()));
      return result.passed() && deploySafe ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
