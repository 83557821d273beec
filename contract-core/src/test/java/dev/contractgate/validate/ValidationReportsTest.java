package dev.contractgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.gate.GateReports;
import dev.contractgate.gate.GateResult;
import dev.contractgate.gate.ProbeResult;
import dev.contractgate.registry.SourceLocation;
import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import java.util.List;
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
}
