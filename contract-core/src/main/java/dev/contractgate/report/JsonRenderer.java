package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The versioned JSON rendering; {@code docs/report.schema.json} describes it. */
final class JsonRenderer {

  /** Bumped on any incompatible change of the shape. */
  public static final String FORMAT = "contract-gate/report/1";

  private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonRenderer() {}

  public static String render(Report report) {
    return MAPPER.writeValueAsString(tree(report)) + "\n";
  }

  public static ObjectNode tree(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("kind", report.kind());
    root.put("title", report.title());
    root.put("passed", report.passed());
    ObjectNode summary = root.putObject("summary");
    summary.put("checks", report.entries().size());
    for (Report.Status s : Report.Status.values()) {
      summary.put(s.name().toLowerCase(java.util.Locale.ROOT), report.count(s));
    }
    summary.put("text", report.summary());
    if (!report.meta().isEmpty()) {
      ObjectNode meta = root.putObject("meta");
      meta.put("time", report.meta().time());
      meta.put("tool", report.meta().tool());
      meta.put("commit", report.meta().commit());
      ArrayNode contracts = meta.putArray("contracts");
      report.meta().contracts().forEach(contracts::add);
    }
    ArrayNode entries = root.putArray("entries");
    for (Entry e : report.entries()) {
      ObjectNode en = entries.addObject();
      en.put("group", e.group());
      en.put("name", e.name());
      en.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
      en.put("summary", e.summary());
      en.put("millis", e.millis());
      ArrayNode fs = en.putArray("findings");
      for (Finding f : e.findings()) {
        ObjectNode fn = fs.addObject();
        fn.put("level", f.level().name().toLowerCase(java.util.Locale.ROOT));
        fn.put("rule", f.rule());
        fn.put("where", f.where());
        ArrayNode facts = fn.putArray("facts");
        for (Fact fact : f.facts()) {
          ObjectNode x = facts.addObject();
          x.put("key", fact.key());
          x.put("value", fact.value());
        }
        fn.put("hint", f.hint());
        if (f.location().isKnown()) {
          ObjectNode at = fn.putObject("location");
          at.put("file", f.location().file());
          at.put("line", f.location().line());
        }
        if (!f.oldFragment().isEmpty()) {
          fn.put("old", f.oldFragment());
        }
        if (!f.newFragment().isEmpty()) {
          fn.put("new", f.newFragment());
        }
      }
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    return root;
  }
}
