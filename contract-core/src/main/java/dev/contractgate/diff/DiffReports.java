package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns diffs, history checks and deploy checks into the report model. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DiffReports {

  /** Built on first use, by a report's first fragment (a diff without findings needs none). */
  private static final class Pretty {
    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  static final int MAX_FRAGMENT_CHARS = 4000;

  private DiffReports() {}

  /**
   * A history check as a report: a check per version pair, failed at {@code failOn}; safe changes are
   * counted, listed only with {@code showInfo}. The fragments shown side by side come from {@code registry}.
   *
   * @param title the report's title, e.g. {@code check-history contracts/}
   */
  public static Report history(HistoryCheck.Result result, String title, ContractRegistry registry, Severity failOn,
      boolean showInfo) {
    Report r = history("check-history", title, result.pairs(), result.policyFindings(), registry.documents(),
        registry.documents(), failOn, showInfo);
    if (result.consumers().isEmpty()) {
      return r;
    }
    List<Report.Entry> entries = new ArrayList<>(r.entries());
    for (HistoryCheck.ConsumerCheck c : result.consumers()) {
      List<Finding> findings = new ArrayList<>();
      // Reads hidden behind a flag are INFO but always shown: they are what the frontend will not render.
      c.findings().forEach(f -> findings.add(finding(f, c.namespace() + "/" + c.backend(), registry.documents(),
          registry.documents())));
      long failing = c.findings().stream().filter(f -> f.severity().compareTo(failOn) <= 0).count();
      long hidden = c.findings().stream().filter(f -> f.severity() == Severity.INFO).count();
      entries.add(new Report.Entry(c.consumer(), "reads on " + c.namespace() + "@" + c.backend(),
          c.failsAt(failOn) ? Report.Status.FAILED : Report.Status.PASSED,
          "built against " + c.pinned() + ": " + count(failing, "read") + " " + c.namespace() + "@" + c.backend()
              + " does not send, " + count(hidden, "group") + " of reads hidden behind a flag", findings, 0));
    }
    return new Report(r.kind(), r.title(), entries, r.notes());
  }

  /**
   * Version diffs and policy findings as a report of {@code kind}: a check per version pair, then one per
   * policy finding.
   *
   * @param oldDocs old schema documents, for the fragments shown side by side (may return null)
   * @param newDocs new schema documents, likewise
   * @param failOn the least severe level that fails an entry
   * @param showInfo whether safe (INFO) changes are listed as findings
   */
  public static Report history(String kind, String title, List<VersionDiff> pairs, List<Change> policyFindings,
      Function<String, JsonNode> oldDocs, Function<String, JsonNode> newDocs, Severity failOn, boolean showInfo) {
    List<Report.Entry> entries = new ArrayList<>();
    for (VersionDiff d : pairs) {
      List<Finding> findings = new ArrayList<>();
      long info = 0;
      for (EndpointChange c : d.changes()) {
        if (c.severity() == Severity.INFO && !showInfo) {
          info++;
          continue;
        }
        findings.add(finding(c, d.namespace() + "/" + d.to(), oldDocs, newDocs));
      }
      long breaking = d.breaking().size();
      long warnings = d.warnings().size();
      Report.Status status = d.failsAt(failOn) ? Report.Status.FAILED
          : warnings > 0 ? Report.Status.WARNING : Report.Status.PASSED;
      entries.add(new Report.Entry(d.namespace(), d.from() + " -> " + d.to(), status,
          count(breaking, "breaking change") + ", " + count(warnings, "warning") + ", " + count(info + (showInfo
              ? d.changes().stream().filter(c -> c.severity() == Severity.INFO).count() : 0), "safe change"),
          findings, 0));
    }
    for (Change c : policyFindings) {
      Report.Status status = c.severity().compareTo(failOn) <= 0 ? Report.Status.FAILED : Report.Status.WARNING;
      entries.add(new Report.Entry("contract-gate.yaml", c.ruleId(), status, c.headline(),
          List.of(finding(c, "", List.of(), "", oldDocs, newDocs)), 0));
    }
    int tried = pairs.stream().mapToInt(VersionDiff::secondOpinionInstances).sum();
    // the second opinion's effort, so that a safe verdict says how hard it was checked (issue 14)
    List<String> notes = tried == 0 ? List.of() : List.of("second opinion: " + tried + " generated instance"
        + (tried == 1 ? "" : "s") + " validated against both versions before calling a direction safe");
    return new Report(kind, title, entries, notes);
  }

  /**
   * A deploy check as a report, the consumers × (deploy-safe, rollback-safe) answer of can-deploy: per
   * consumer, a deploy check and a rollback check. The fragments shown side by side come from
   * {@code registry}.
   */
  public static Report deploy(DeployCheck.Result result, ContractRegistry registry) {
    return deploy(result, registry.documents());
  }

  /** {@link #deploy(DeployCheck.Result, ContractRegistry)} with the schema documents given directly. */
  public static Report deploy(DeployCheck.Result result, Function<String, JsonNode> docs) {
    List<Report.Entry> entries = new ArrayList<>();
    for (DeployCheck.Verdict v : result.verdicts()) {
      List<Finding> deploy = new ArrayList<>();
      for (EndpointChange c : v.deploy()) {
        if (shown(c)) {
          deploy.add(finding(c, result.namespace() + "/" + result.candidate(), docs, docs));
        }
      }
      entries.add(new Report.Entry(v.consumer(), "deploy " + result.namespace() + "@" + result.candidate(),
          v.deploySafe() ? Report.Status.PASSED : Report.Status.FAILED,
          (v.deploySafe() ? "deploy-safe" : "NOT deploy-safe") + " for " + v.consumer() + " (built against "
              + v.pinned() + "): " + count(v.deploy().stream().filter(c -> c.severity() == Severity.BREAKING).count(),
              "breaking change") + " it reads" + RollbackHints.listed(deploy),
          deploy, 0));
      if (v.rollback().isPresent()) {
        List<Finding> back = new ArrayList<>();
        for (EndpointChange c : v.rollback().get()) {
          if (shown(c)) {
            back.add(RollbackHints.of(finding(c, result.namespace() + "/" + result.deployed().orElse("?"), docs, docs),
                c, v, result));
          }
        }
        boolean safe = v.rollbackSafe().orElse(true);
        entries.add(new Report.Entry(v.consumer(), "rollback to " + result.namespace() + "@" + result.deployed().orElse("?"),
            safe ? Report.Status.PASSED : Report.Status.FAILED,
            (safe ? "rollback-safe" : "NOT rollback-safe") + ": going back from " + result.candidate() + " to "
                + result.deployed().orElse("?") + " takes away "
                + count(v.rollback().get().stream().filter(c -> c.severity() == Severity.BREAKING).count(),
                    "thing") + " " + v.consumer() + " uses" + RollbackHints.listed(back),
            back, 0));
      } else {
        entries.add(new Report.Entry(v.consumer(), "rollback", Report.Status.SKIPPED, v.rollbackNote(), List.of(), 0));
      }
    }
    return new Report("can-deploy", "can-deploy " + result.namespace() + "@" + result.candidate()
        + result.deployed().map(d -> " (deployed " + d + ")").orElse(""), entries,
        result.verdicts().isEmpty() ? List.of("No consumer of " + result.namespace() + " is declared under consumers/.")
            : List.of());
  }

  /** A deploy check lists what is not safe, and the reads a frontend hides behind a flag (INFO, accepted). */
  private static boolean shown(EndpointChange c) {
    return c.severity() != Severity.INFO || c.ruleId().equals(ConsumerReads.BEHIND_FLAG);
  }

  static Finding finding(EndpointChange c, String nsVersion, Function<String, JsonNode> oldDocs,
      Function<String, JsonNode> newDocs) {
    List<Fact> extra = new ArrayList<>();
    if (c.reaches().size() > 1) {
      extra.add(new Fact("reaches", String.join("\n", c.reaches())));
    }
    if (!c.operation().isEmpty()) {
      // What the changelog groups findings under (docs/reports.md).
      extra.add(new Fact("operation", c.operation()));
    }
    String where = c.endpoint() + " " + c.part() + (c.change().path().isEmpty() ? "" : " " + c.change().path());
    String accept = "rule: " + c.ruleId() + ", location: " + nsVersion + "/" + c.endpoint()
        + (c.change().path().isEmpty() ? "" : "#" + c.change().path());
    if (!c.endpoint().equals("schema") && c.severity() != Severity.INFO && !c.ruleId().startsWith("response.recorded.")) {
      extra.add(new Fact("accept", accept));
    }
    Finding f = finding(c.change(), where, extra, c.note(), oldDocs, newDocs);
    if (c.endpoint().equals("schema")) {
      // Two bare schemas have no namespace or version an exception could name.
      String bare = switch (c.severity()) {
        case BREAKING -> "undo the change, or version the schema as a breaking release for every reader";
        case WARNING -> "check that no reader relies on it";
        default -> f.hint();
      };
      return new Finding(f.level(), f.rule(), f.where(), f.facts(), bare, f.oldFragment(), f.newFragment());
    }
    if (c.ruleId().startsWith("consumer.") || c.ruleId().startsWith("feature.")) {
      return f; // its meaning says what to do: ship the backend first, or read behind a flag
    }
    if (c.ruleId().equals("response.recorded.new-only")) {
      return new Finding(f.level(), f.rule(), f.where(), f.facts(), "the backend already sends what consumers of the"
          + " old version reject: fix the backend, or move every consumer to the new version before it ships",
          f.oldFragment(), f.newFragment());
    }
    if (c.ruleId().equals("response.recorded.old-only")) {
      return new Finding(f.level(), f.rule(), f.where(), f.facts(), "make the backend send what the new version"
          + " requires before the new contract goes out, or relax the new contract; the live gate will fail"
          + " otherwise", f.oldFragment(), f.newFragment());
    }
    // The same for every finding of a severity, so a changelog can print it once; the finding's own rule and
    // location are its "accept" fact.
    String hint = switch (c.severity()) {
      case BREAKING -> "undo the change in this major version, or release it as a new major version once every"
          + " consumer has moved; to accept it knowingly, add an exception to contract-gate.yaml (the finding's"
          + " accept line: rule and location; with a reason and an until date)";
      case WARNING -> "check that no consumer relies on it; to accept it, add an exception to contract-gate.yaml (the"
          + " finding's accept line: rule and location; with a reason)";
      default -> f.hint();
    };
    return new Finding(f.level(), f.rule(), f.where(), f.facts(), hint, f.oldFragment(), f.newFragment());
  }

  static Finding finding(Change c, String where, List<Fact> extra, String note,
      Function<String, JsonNode> oldDocs, Function<String, JsonNode> newDocs) {
    List<Fact> facts = new ArrayList<>(c.facts());
    String hint = "";
    for (Fact f : c.facts()) {
      if (f.key().equals("meaning")) {
        hint = f.value();
      }
    }
    facts.addAll(extra);
    if (!note.isEmpty()) {
      facts.add(new Fact("note", note));
    }
    Report.Level level = switch (c.severity()) {
      case BREAKING -> Report.Level.BREAKING;
      case WARNING -> Report.Level.WARNING;
      default -> Report.Level.INFO;
    };
    return new Finding(level, c.ruleId(), where, facts, hint, fragment(oldDocs, c.oldLocation()),
        fragment(newDocs, c.newLocation()));
  }

  private static String fragment(Function<String, JsonNode> docs, dev.contractgate.registry.SourceLocation at) {
    if (docs == null || !at.file().endsWith(".json")) {
      return "";
    }
    JsonNode doc = docs.apply(at.file());
    if (doc == null) {
      return "";
    }
    JsonNode node = doc.at(at.pointer());
    if (node.isMissingNode()) {
      return "";
    }
    String text = Pretty.MAPPER.writeValueAsString(node);
    return text.length() <= MAX_FRAGMENT_CHARS ? text : text.substring(0, MAX_FRAGMENT_CHARS) + "\n... (truncated)";
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
