package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, the format code scanning reads (GitHub annotates the lines of a pull request with it): one run,
 * the rule ids as the driver's rules, one result per finding, and for a failed check without findings one result
 * for the check. A result points at the contract file and line its finding has ({@link Report.Location}); the
 * report's metadata goes into the run's invocation and properties.
 *
 * <p>Levels: a breaking finding of a failed check is an {@code error}; a breaking finding of a check that did not
 * fail (a warning, or a finding a policy allows) and a warning are a {@code warning}; an info is a {@code note}.
 */
final class SarifRenderer {

  static final String VERSION = "2.1.0";
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  /** Contract files are relative to the directory the tool ran in, which CI checks the repository out to. */
  static final String SRCROOT = "%SRCROOT%";

  private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SarifRenderer() {}

  public static String render(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", VERSION);
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "contract-gate");
    String tool = report.meta().tool();
    if (tool.startsWith("contract-gate ")) {
      driver.put("version", tool.substring("contract-gate ".length()));
    }

    List<Result> results = results(report);
    TreeMap<String, String> rules = new TreeMap<>();
    results.forEach(r -> rules.putIfAbsent(r.rule, r.level));
    List<String> ruleIds = new ArrayList<>(rules.keySet());
    ArrayNode ruleNodes = driver.putArray("rules");
    for (String id : ruleIds) {
      ObjectNode rule = ruleNodes.addObject();
      rule.put("id", id);
      rule.putObject("shortDescription").put("text", id);
    }

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    if (!report.meta().time().isEmpty()) {
      invocation.put("endTimeUtc", report.meta().time());
    }
    run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
        .put("text", "the directory contract-gate ran in");
    ObjectNode properties = run.putObject("properties");
    properties.put("kind", report.kind());
    properties.put("title", report.title());
    properties.put("summary", report.summary());
    if (!report.meta().commit().isEmpty()) {
      properties.put("commit", report.meta().commit());
    }
    ArrayNode contracts = properties.putArray("contracts");
    report.meta().contracts().forEach(contracts::add);

    ArrayNode out = run.putArray("results");
    for (Result r : results) {
      ObjectNode n = out.addObject();
      n.put("ruleId", r.rule);
      n.put("ruleIndex", ruleIds.indexOf(r.rule));
      n.put("level", r.level);
      n.putObject("message").put("text", r.message);
      if (r.location.isKnown()) {
        ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (r.location.file().startsWith("/")) {
          // a tree outside the working directory: an absolute file URI (code scanning cannot map it to the repo)
          artifact.put("uri", "file://" + uri(r.location.file()));
        } else {
          artifact.put("uri", uri(r.location.file()));
          artifact.put("uriBaseId", SRCROOT);
        }
        physical.putObject("region").put("startLine", Math.max(1, r.location.line()));
      }
      n.putObject("properties").put("check", r.check).put("summary", r.summary);
    }
    return MAPPER.writeValueAsString(root) + "\n";
  }

  private record Result(String rule, String level, String message, Report.Location location, String check,
      String summary) {}

  private static List<Result> results(Report report) {
    List<Result> out = new ArrayList<>();
    for (Entry e : report.entries()) {
      String check = e.group() + " " + e.name();
      for (Finding f : e.findings()) {
        out.add(new Result(f.rule(), level(e, f), message(e, f), f.location(), check, e.summary()));
      }
      if (e.status() == Status.FAILED && e.findings().isEmpty()) {
        out.add(new Result("contract-gate.check", "error", check + ": " + e.summary(), Report.Location.NONE, check,
            e.summary()));
      }
    }
    return out;
  }

  private static String level(Entry e, Finding f) {
    return switch (f.level()) {
      case BREAKING -> e.status() == Status.FAILED ? "error" : "warning";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** The finding as the text layout prints it: headline, then the facts and the hint, one per line. */
  static String message(Entry e, Finding f) {
    StringBuilder b = new StringBuilder();
    b.append(e.group()).append(' ').append(e.name()).append(": ").append(f.rule())
        .append(f.where().isEmpty() ? "" : " at " + f.where());
    for (Fact fact : f.facts()) {
      if (!fact.value().isEmpty()) {
        b.append('\n').append(fact.key()).append(": ").append(fact.value());
      }
    }
    if (!f.hint().isEmpty()) {
      b.append("\nhint: ").append(f.hint());
    }
    return b.toString();
  }

  /** A relative path as a URI reference: segments percent-encoded where a URI needs it, slashes kept. */
  static String uri(String file) {
    StringBuilder b = new StringBuilder();
    for (byte c : file.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int x = c & 0xff;
      if ((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || "/-._~@".indexOf(x) >= 0) {
        b.append((char) x);
      } else {
        b.append('%').append(String.format("%02X", x));
      }
    }
    return b.toString();
  }
}
