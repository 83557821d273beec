package dev.contractgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.gate.GateReports;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.ProbeResult;
import dev.contractgate.registry.Consumer;
import dev.contractgate.registry.SemVer;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidationReportsTest {

  static final Violation REQUIRED = new Violation("body.required", "/items/3/author/name",
      Optional.of(new SourceLocation("ivanpin/1.2.0/schemas/common.schema.json", "/$defs/Author/required")),
      "required property \"name\"", "absent", "send \"name\"");
  static final Violation NOT_JSON = new Violation("body.not-json", "", Optional.empty(),
      "a JSON document", "malformed JSON at line 1", "");

  @Test
  void should_carry_pointer_expected_but_was_schema_and_hint() {
    Report.Finding f = ValidationReports.finding(REQUIRED);
    assertThat(f.level()).isEqualTo(Report.Level.BREAKING);
    assertThat(f.rule()).isEqualTo("body.required");
    assertThat(f.where()).isEqualTo("/items/3/author/name");
    assertThat(f.facts()).containsExactly(
        new Fact("expected", "required property \"name\""),
        new Fact("but was", "absent"),
        new Fact("schema", "ivanpin/1.2.0/schemas/common.schema.json#/$defs/Author/required"));
    assertThat(f.hint()).isEqualTo("send \"name\"");
  }

  @Test
  void should_name_the_whole_body_and_leave_out_a_schema_that_is_not_there() {
    Report.Finding f = ValidationReports.finding(NOT_JSON);
    assertThat(f.where()).isEqualTo("(body)");
    assertThat(f.facts()).extracting(Fact::key).containsExactly("expected", "but was");
  }

  /** The live gate reports a violation through this mapping, so both read alike. */
  @Test
  void should_read_like_a_violation_found_by_the_live_gate() {
    ProbeResult probe = new ProbeResult("ivanpin", "1.2.0", "blog.list", ProbeResult.Kind.CONTRACT,
        "GET /api/ivanpin/services/blog/list.php", ProbeResult.Outcome.VIOLATED, 200, 5, 1,
        List.of(REQUIRED, NOT_JSON), "2 violations");
    Report gate = GateReports.of(new GateResult("http://127.0.0.1:1", List.of(probe), 5));
    assertThat(gate.entries().get(0).findings())
        .containsExactlyInAnyOrder(ValidationReports.finding(REQUIRED), ValidationReports.finding(NOT_JSON));
  }

  static Violation publishedAt(int i, String actual) {
    return new Violation("body.format", "/items/" + i + "/publishedAt",
        Optional.of(new SourceLocation("ivanpin/1.2.0/schemas/blog-list.schema.json", "/$defs/Post/properties/publishedAt")),
        "a date-time", actual, "send RFC 3339 date-times");
  }

  @Test
  void should_group_the_same_violation_over_array_items_by_pointer_pattern_with_the_first_values() {
    // GIVEN the same violation on five items, and one other violation
    List<Violation> vs = List.of(publishedAt(0, "\"yesterday\""), publishedAt(1, "\"today\""),
        publishedAt(2, "\"x\""), publishedAt(10, "\"y\""), publishedAt(11, "\"z\""), REQUIRED);
    // WHEN
    List<Report.Finding> fs = ValidationReports.findings(vs);
    // THEN one finding for the five, one for the other
    assertThat(fs).hasSize(2);
    Report.Finding grouped = fs.get(0);
    assertThat(grouped.where()).isEqualTo("/items/*/publishedAt");
    assertThat(grouped.rule()).isEqualTo("body.format");
    assertThat(grouped.facts()).containsExactly(
        new Fact("expected", "a date-time"),
        new Fact("but was", "/items/0/publishedAt: \"yesterday\"\n/items/1/publishedAt: \"today\"\n"
            + "/items/2/publishedAt: \"x\"\n… and 2 more"),
        new Fact("count", "×5"),
        new Fact("schema", "ivanpin/1.2.0/schemas/blog-list.schema.json#/$defs/Post/properties/publishedAt"));
    assertThat(grouped.hint()).isEqualTo("send RFC 3339 date-times");
    assertThat(fs.get(1)).isEqualTo(ValidationReports.finding(REQUIRED));
  }

  @Test
  void should_not_group_violations_that_differ_in_what_was_expected() {
    Violation other = new Violation("body.format", "/items/1/publishedAt", publishedAt(1, "1").schemaLocation(),
        "a date", "1", "");
    assertThat(ValidationReports.findings(List.of(publishedAt(0, "0"), other)))
        .extracting(Report.Finding::where).containsExactly("/items/0/publishedAt", "/items/1/publishedAt");
  }

  @Test
  void should_name_the_consumers_a_verify_failure_breaks_from_what_they_read() {
    // GIVEN two consumers of ivanpin (one reads the failing field, one reads only other fields) and one of wgp
    Consumer web = new Consumer("ivanpin-web", "ivanpin", SemVer.parse("1.1.0"), List.of(),
        Map.of("blog.list", List.of("/items/*/publishedAt", "/items/*/title")), "consumers/ivanpin-web.yaml");
    Consumer app = new Consumer("ivanpin-app", "ivanpin", SemVer.parse("1.2.0"), List.of(),
        Map.of("blog.list", List.of("/items/*/title")), "consumers/ivanpin-app.yaml");
    Consumer author = new Consumer("ivanpin-author", "ivanpin", SemVer.parse("1.2.0"), List.of(),
        Map.of("blog.list", List.of("/items/*/author/name/first")), "consumers/ivanpin-author.yaml");
    Consumer other = new Consumer("wgp-web", "wgp", SemVer.parse("1.1.0"), List.of(),
        Map.of("blog.list", List.of("/items/*/publishedAt")), "consumers/wgp-web.yaml");
    ProbeResult probe = new ProbeResult("ivanpin", "1.2.0", "blog.list", ProbeResult.Kind.CONTRACT,
        "GET /blog", ProbeResult.Outcome.VIOLATED, 200, 5, 1,
        List.of(publishedAt(0, "1"), publishedAt(1, "2"), REQUIRED, NOT_JSON), "4 violations");
    // WHEN
    Report report = GateReports.of(new GateResult("http://127.0.0.1:1", List.of(probe), 5),
        List.of(web, app, author, other));
    // THEN
    Map<String, String> breaks = new java.util.TreeMap<>();
    for (Report.Finding f : report.entries().get(0).findings()) {
      breaks.put(f.where(), f.facts().stream().filter(x -> x.key().equals("breaks")).map(Fact::value)
          .findFirst().orElse("-"));
    }
    assertThat(breaks).containsExactly(
        Map.entry("(body)", "ivanpin-app (built on 1.2.0), ivanpin-author (built on 1.2.0), ivanpin-web (built on 1.1.0)"),
        Map.entry("/items/*/publishedAt", "ivanpin-web (built on 1.1.0)"),
        Map.entry("/items/3/author/name", "ivanpin-author (built on 1.2.0)"));
  }

  @Test
  void should_name_no_consumer_when_the_probe_passed() {
    Consumer web = new Consumer("ivanpin-web", "ivanpin", SemVer.parse("1.1.0"), List.of(),
        Map.of("blog.list", List.of("/items/*/title")), "consumers/ivanpin-web.yaml");
    ProbeResult probe = new ProbeResult("ivanpin", "1.2.0", "blog.list", ProbeResult.Kind.CONTRACT,
        "GET /blog", ProbeResult.Outcome.PASSED, 200, 5, 1, List.of(), "200");
    Report report = GateReports.of(new GateResult("http://127.0.0.1:1", List.of(probe), 5), List.of(web));
    assertThat(report.entries().get(0).findings()).isEmpty();
  }
}
