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
import dev.contractgate.release.LockCheck;
import dev.contractgate.release.ReleaseReports;
import dev.contractgate.release.ReleasedContent;
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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description = {
      "Walk the deploy checklist on a copy of the example contracts (REPORT-DIR/demo-tree, with a deployments log"
          + " that says what runs in production and staging): 1. which changes are waiting, 2. compatibility"
          + " (can-deploy --env production), 3. both sites verified (the live gate against an embedded backend,"
          + " WireMock on a free loopback port, serving both namespaces), 4. the deployment recorded"
          + " (record-deployment, then the log). Writes the reports and prints where.",
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
    ContractRegistry examples = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT,
        DemoCommand.class.getClassLoader());
    Path tree = DemoChecklist.seed(examples, reports.reportDir, story == ROLLBACK);
    ContractRegistry registry = ContractRegistry.load(tree);
    Redactor.root(spec).ifPresent(r -> {
      r.loaded = registry; // the reports name the demo tree's versions and lines
      r.loadedRoot = tree;
    });
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
    out.println(DemoChecklist.waiting(registry, tree));
    out.println("Checklist 2/4, compatibility: can-deploy --env " + DemoChecklist.ENV + " for each namespace's newest"
        + " version, judged for what runs there");
    out.flush();
    // The embedded backend runs the newest versions; the rollback story's log says production runs them already,
    // so the question becomes whether going back to the previous one is safe.
    boolean deploySafe = true;
    List<Report.Entry> deployEntries = new ArrayList<>();
    List<String> deployNotes = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      String candidate = registry.latest(ns.id()).version().toString();
      EnvironmentDeploy running = EnvironmentDeploy.of(registry, tree, DemoChecklist.ENV, ns.id(), candidate);
      DeployCheck.Result r = DeployCheck.run(registry, ns.id(), candidate, running.deployed(), running.pinned(),
          ContractDiff.policyOf(registry), LocalDate.now());
      deploySafe &= r.safe();
      deployEntries.addAll(DiffReports.deploy(r, registry).entries());
      deployNotes.addAll(running.notes());
    }
    LockCheck.Result lock = LockCheck.run(registry, tree, ReleasedContent.none());
    ReleaseReports.lock(lock).stream().filter(e -> e.status() == Report.Status.FAILED).forEach(deployEntries::add);
    reports.emit(new Report("can-deploy", "demo can-deploy --env " + DemoChecklist.ENV + (story == ROLLBACK
        ? " (rollback to the previous ivanpin version)" : ""), deployEntries, deployNotes));
    out.println();
    out.println("Checklist 3/4, both sites verified: the live gate against the embedded backend");
    out.flush();
    boolean passed;
    try (EmbeddedBackend backend = EmbeddedBackend.start(0, stubs, byNamespace::get)) {
      if (!reports.quiet) {
        err.println("Embedded backend on " + backend.baseUrl() + (story == null ? "" : ", story: " + story.id));
        err.flush();
      }
      GateResult result = LiveGate.builder(registry).baseUrl(backend.baseUrl()).environment(env::get)
          .progress(p -> reports.progress(err, "probes done", p[0], p[1])).build().run();
      Report report = GateReports.of(result, registry.consumers());
      List<String> notes = new ArrayList<>(report.notes());
      notes.add(story == null
          ? "Demo: the embedded backend serves every namespace as its newest contract says, except "
              + Story.AHEAD_ENDPOINT + ", not shipped yet: ivanpin-web reads it behind its endpoint flag (when:"
              + " endpoint), so the 404 is \"feature off\" and the frontend ahead of its backend is accepted."
          : "Demo story " + story.id + ": " + story.description + ".");
      report = new Report("verify", "demo verify" + (story == null ? "" : " --break " + story.id), report.entries(), notes);
      reports.emit(report);
      passed = result.passed() && deploySafe && lock.passed();
    }
    out.println();
    out.print(DemoChecklist.recordAndShow(registry, tree, passed));
    out.flush();
    return passed ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
