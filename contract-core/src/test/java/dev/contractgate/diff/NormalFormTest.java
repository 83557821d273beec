package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Findings on a schema the normal form rewrote still point at what the author wrote. */
class NormalFormTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static DiffResult diff(String old, String neu) {
    JsonNode o = JSON.readTree(old);
    JsonNode n = JSON.readTree(neu);
    return SchemaDiff.compare(SchemaInput.of(o), SchemaInput.of(n), Direction.BOTH, DiffPolicy.defaults());
  }

  @Test
  void a_finding_inside_a_merged_allOf_part_points_at_the_part() {
    // GIVEN an object split into allOf parts on both sides, and a property type changed in the second part
    String old = """
        {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                   {"properties": {"b": {"type": "string"}}, "required": ["b"]}]}""";
    String neu = """
        {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                   {"properties": {"b": {"type": "integer"}}, "required": ["b"]}]}""";
    // WHEN
    DiffResult r = diff(old, neu);
    // THEN
    assertThat(r.breaking()).isNotEmpty();
    assertThat(r.breaking()).allSatisfy(c -> {
      assertThat(c.oldLocation().pointer()).startsWith("/allOf/1/properties/b");
      assertThat(c.newLocation().pointer()).startsWith("/allOf/1/properties/b");
      assertThat(c.path()).isEqualTo("/b");
    });
  }

  @Test
  void a_finding_on_a_merged_schema_against_a_plain_one_points_at_each_side_as_written() {
    String old = """
        {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}""";
    String neu = """
        {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                   {"properties": {"b": {"type": "string", "maxLength": 3}}}]}""";
    DiffResult r = diff(old, neu);
    assertThat(r.ruleIds()).containsExactlyInAnyOrder("request.string.max-length-lowered",
        "response.string.max-length-lowered");
    assertThat(r.changes()).allSatisfy(c -> {
      assertThat(c.oldLocation().pointer()).startsWith("/properties/b");
      assertThat(c.newLocation().pointer()).startsWith("/allOf/1/properties/b");
    });
  }

  @Test
  void the_normal_form_hides_nothing_it_should_not() {
    // the refactor is equal; the change next to it is still reported
    DiffResult r = diff("""
        {"type": "integer", "exclusiveMinimum": 0, "maximum": 10}""", """
        {"type": "number", "multipleOf": 1, "minimum": 1, "maximum": 11}""");
    assertThat(r.ruleIds()).containsExactlyInAnyOrder("response.number.maximum-raised",
        "request.number.maximum-raised");
    assertThat(r.relation()).isEqualTo(Relation.WIDER);
  }
}
