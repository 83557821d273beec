package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.diff.engine.Kind;
import dev.contractgate.diff.engine.RulesDoc;
import dev.contractgate.diff.engine.Verdicts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void every_rule_has_a_mirror_and_the_mirror_table_is_symmetric() {
    List<String> problems = new ArrayList<>();
    for (Rule r : Rules.all()) {
      Rule m = Rules.find(r.mirrorId()).orElse(null);
      if (m == null) {
        problems.add(r.id() + " names a missing mirror " + r.mirrorId());
      } else if (!m.mirrorId().equals(r.id())) {
        problems.add(r.id() + " → " + m.id() + " but " + m.id() + " → " + m.mirrorId());
      } else if (r.direction() != Direction.BOTH && m.direction() == r.direction()) {
        problems.add(r.id() + " and its mirror " + m.id() + " judge the same direction");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void a_schema_rule_and_its_mirror_have_the_same_severity_under_pure_set_inclusion() {
    // GIVEN the policy without pragmatic exceptions
    DiffPolicy strict = DiffPolicy.strict();
    // WHEN / THEN: the response verdict of a change equals the request verdict of its inverse
    for (Kind k : Kind.values()) {
      Kind inverse = Kind.byId(k.inverseId());
      assertThat(Verdicts.severity(k, Direction.RESPONSE, strict))
          .as("response.%s vs request.%s", k.id(), inverse.id())
          .isEqualTo(Verdicts.severity(inverse, Direction.REQUEST, strict));
      assertThat(Kind.byId(inverse.inverseId())).as("inverse of the inverse of %s", k.id()).isEqualTo(k);
    }
  }

  @Test
  void the_default_policy_deviates_from_set_inclusion_only_where_documented() {
    List<String> deviations = new ArrayList<>();
    for (Rule r : Rules.all()) {
      if (r.direction() == Direction.BOTH) {
        continue;
      }
      Kind k = Kind.byId(r.id().substring(r.id().indexOf('.') + 1));
      if (Verdicts.severity(k, r.direction(), DiffPolicy.defaults())
          != Verdicts.severity(k, r.direction(), DiffPolicy.strict())) {
        deviations.add(r.id());
      }
    }
    assertThat(deviations).containsExactlyInAnyOrder("response.property.removed", "request.property.added");
  }

  @Test
  void ids_are_unique_lowercase_and_reserve_the_endpoint_rules() {
    List<String> ids = Rules.all().stream().map(Rule::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(\\.[a-zA-Z-]+)+"));
    assertThat(ids).contains("response.property.removed", "response.property.required-removed",
        "request.property.required-added", "response.type.widened", "request.enum.value-removed",
        "response.enum.value-added", "request.schema.unknown", "response.schema.unknown", "endpoint.removed",
        "endpoint.added", "endpoint.method-changed", "response.status.removed", "response.status.added",
        "response.header.expectation-added", "response.header.expectation-removed");
    assertThat(Rules.find("response.enum.value-added")).get().extracting(Rule::defaultSeverity)
        .isEqualTo(Severity.BREAKING);
  }

  @Test
  void docs_rules_md_is_generated_from_the_catalogue() throws Exception {
    Path doc = Path.of("..", "docs", "rules.md");
    if (Boolean.getBoolean("contractgate.updateGolden")) {
      Files.writeString(doc, RulesDoc.render(), StandardCharsets.UTF_8);
    }
    assertThat(doc).as("docs/rules.md next to the module").exists();
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as("docs/rules.md is stale; regenerate it from the repository root with:%n"
            + "  ./mvnw -o -q -pl contract-core test -Dtest=RulesTest -Dcontractgate.updateGolden=true")
        .isEqualTo(RulesDoc.render());
  }

  @Test
  void a_severity_override_for_an_unknown_rule_id_is_rejected_with_a_hint() {
    assertThatThrownBy(() -> DiffPolicy.defaults().withSeverity("response.propery.removed", Severity.OFF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response.propery.removed")
        .hasMessageContaining("docs/rules.md");
  }
}
