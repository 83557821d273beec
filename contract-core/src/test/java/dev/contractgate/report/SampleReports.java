package dev.contractgate.report;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import dev.contractgate.report.Report.Status;
import java.util.List;

/** Reports shared by the renderer tests. */
final class SampleReports {

  /** Hostile text: markup, entities, pipes, backticks, quotes and a control character (BEL). */
  static final String HOSTILE = "<script>alert('x')</script> & | `code` \"q\" \u0007bell";

  static final String OLD_FRAGMENT = """
      {
        "type" : [ "number", "string" ],
        "description" : "price <EUR> & tax"
      }""";

  static final String NEW_FRAGMENT = """
      {
        "type" : "number"
      }""";

  private SampleReports() {}

  /**
   * Two groups; failed, warning, passed and skipped entries; findings with facts, hints and fragments; hostile
   * text in a group name, an entry name, a summary, a fact and a hint. Entries are given out of order.
   */
  static Report representative() {
    return new Report("check-history", "check-history contracts/ (2 namespaces)", List.of(
        new Entry("ivanpin", "blog.rss", Status.PASSED, "200 in 12 ms", List.of(), 12),
        new Entry("ivanpin", "blog.list", Status.FAILED, "2 violations", List.of(
            new Finding(Level.BREAKING, "required", "/customer", List.of(
                new Fact("expected", "required property \"email\""),
                new Fact("but was", "absent"),
                new Fact("schema", "contracts/ivanpin/1.2.0/schemas/order.schema.json#/properties/customer/required")),
                "", "", "", new Report.Location("contracts/ivanpin/1.2.0/schemas/order.schema.json", 12)),
            new Finding(Level.BREAKING, "type", "/items/0/price", List.of(
                new Fact("expected", "number"),
                new Fact("but was", "string \"12.50\""),
                new Fact("schema", "contracts/ivanpin/1.2.0/schemas/order.schema.json#/properties/items/items/properties/price")),
                "send a JSON number; this contract does not accept decimals encoded as strings", "", "")),
            35),
        new Entry("ivanpin", "blog.get", Status.WARNING, "200 in 180 ms", List.of(
            new Finding(Level.WARNING, "latency", "", List.of(
                new Fact("expected", "at most 150 ms"),
                new Fact("but was", "180 ms")),
                "", "", "")),
            180),
        new Entry("ivanpin", "admin.stats", Status.SKIPPED, "no token in IVANPIN_ADMIN_TOKEN", List.of(), 0),
        new Entry("ivanpin", "health", Status.PASSED, "200 in 3 ms", List.of(), 3),
        new Entry("wgp <web|legacy>", "1.1.0 -> 1.2.0", Status.FAILED, "1 breaking change, 1 info", List.of(
            new Finding(Level.INFO, "property.added", "/properties/slug", List.of(
                new Fact("new", "optional property \"slug\"")),
                "", "", "{\n  \"type\" : \"string\"\n}"),
            new Finding(Level.BREAKING, "type.narrowed", "/properties/price", List.of(
                new Fact("old", "number or string"),
                new Fact("new", "number"),
                new Fact("consumer", "wgp-web reads /items/*/price as a string")),
                "keep accepting strings until wgp-web 3.2 is deployed", OLD_FRAGMENT, NEW_FRAGMENT)),
            0),
        new Entry("wgp <web|legacy>", HOSTILE, Status.FAILED, "summary " + HOSTILE, List.of(
            new Finding(Level.BREAKING, "rule|`x`", "/a|b/<c>", List.of(
                new Fact("expected", "</details><img src=x onerror=alert(1)>"),
                new Fact("but was", "```\n" + HOSTILE + "\n```")),
                "hint " + HOSTILE, "", "")),
            7),
        new Entry("wgp <web|legacy>", "1.0.0 -> 1.1.0", Status.PASSED, "compatible", List.of(), 0)),
        List.of("reports written to target/contract-gate/", "note " + HOSTILE), META);
  }

  /** Fixed metadata, so the golden files show it and stay the same from run to run. */
  static final Report.Meta META = new Report.Meta("2026-12-03T07:10:57Z", "contract-gate 0.2.0",
      List.of("wgp@1.2.0", "ivanpin@1.2.0"), "0123456789abcdef0123456789abcdef01234567");

  /** A passing report with many passed checks, to see the compact list collapse. */
  static Report manyPassed(int n) {
    List<Entry> entries = java.util.stream.IntStream.rangeClosed(1, n)
        .mapToObj(i -> new Entry("ivanpin", String.format("endpoint.%02d", i), Status.PASSED, "200", List.of(), i))
        .toList();
    return new Report("verify", "verify http://127.0.0.1:8080", entries, List.of());
  }
}
