package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.engine.Engine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Equal sub-schemas whose references lead to equal places are settled without planning (issue 15, speed),
 * and a difference anywhere they reach, through any number of references and cycles, keeps them unsettled.
 */
class SettledTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  // a user refers to an org that refers back to its members: a cycle, as real descriptions have
  private static final String DEFS = "'$defs':{"
      + "'User':{'type':'object','properties':{'login':{'type':'string'},'org':{'$ref':'#/$defs/Org'}}},"
      + "'Org':{'type':'object','properties':{'name':{'type':'string'},%s"
      + "'members':{'type':'array','items':{'$ref':'#/$defs/User'}}}}}";

  private static String schema(String rootExtra, String orgExtra) {
    return ("{'type':'object','properties':{'owner':{'$ref':'#/$defs/User'},"
        + "'author':{'$ref':'#/$defs/User'}" + rootExtra + "}," + DEFS.formatted(orgExtra) + "}");
  }

  private static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  private static DiffResult compare(String o, String n, Engine.Stats stats) {
    return Engine.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), Direction.RESPONSE,
        DiffPolicy.defaults().withSecondOpinion(false), stats);
  }

  @Test
  void references_into_an_unchanged_cycle_are_settled_without_planning_it() {
    Engine.Stats unchanged = new Engine.Stats();
    DiffResult r = compare(schema("", ""), schema(",'extra':{'type':'string'}", ""), unchanged);
    assertThat(r.ruleIds()).containsExactly("response.property.added");
    assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("/extra"));

    Engine.Stats changed = new Engine.Stats();
    compare(schema("", ""), schema(",'extra':{'type':'string'}", "'since':{'type':'string'},"), changed);
    // owner and author settle at once; with the org changed, the whole cycle has to be planned
    assertThat(unchanged.settled).isGreaterThanOrEqualTo(2);
    assertThat(unchanged.pairs).isLessThan(changed.pairs);
  }

  @Test
  void a_change_at_the_far_end_of_a_cycle_is_found() {
    DiffResult r = compare(schema("", ""),
        schema("", "'plan':{'type':'string'},").replace("'members':{", "'members':{'maxItems':10,"),
        new Engine.Stats());
    assertThat(r.hasBreaking()).isFalse();
    assertThat(r.changes()).extracting(Change::ruleId)
        .contains("response.property.added", "response.array.max-items-lowered");
    // one finding per change, at the first place that reaches it (owner and author share the pair)
    assertThat(r.changes()).extracting(Change::path)
        .containsExactlyInAnyOrder("/author/org/members", "/author/org/plan");
  }

  @Test
  void a_narrowed_type_below_equal_references_is_breaking_for_requests() {
    String o = schema("", "");
    String n = o.replace("'login':{'type':'string'}", "'login':{'type':'string','maxLength':3}");
    DiffResult r = Engine.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), Direction.REQUEST,
        DiffPolicy.defaults().withSecondOpinion(false), new Engine.Stats());
    assertThat(r.hasBreaking()).isTrue();
    assertThat(r.breaking()).extracting(Change::ruleId).contains("request.string.max-length-lowered");
  }

  @Test
  void the_same_reference_text_leading_to_different_places_is_not_settled() {
    // the two versions' "#/$defs/User" name different schemas: equal text, unequal meaning
    String o = "{'properties':{'u':{'$ref':'#/$defs/User'}},'$defs':{'User':{'type':'string'}}}";
    String n = "{'properties':{'u':{'$ref':'#/$defs/User'}},'$defs':{'User':{'type':'integer'}}}";
    DiffResult r = compare(o, n, new Engine.Stats());
    assertThat(r.ruleIds()).containsExactly("response.type.changed");
  }

  @Test
  void an_id_inside_a_value_leaves_it_to_planning_with_the_same_verdict() {
    String o = "{'properties':{'u':{'$id':'https://x.example/u','$ref':'#/$defs/A','$defs':{'A':{'type':'string'}}}}}";
    String n = o.replace("'type':'string'", "'type':'integer'");
    assertThat(compare(o, n, new Engine.Stats()).ruleIds()).containsExactly("response.type.changed");
    assertThat(compare(o, o, new Engine.Stats()).changes()).isEmpty();
  }
}
