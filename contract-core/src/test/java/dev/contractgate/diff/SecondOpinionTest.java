package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.engine.Engine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The second opinion (issue 14): a counter-witness search before "safe" and for UNKNOWN. */
class SecondOpinionTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  private static DiffResult diff(String o, String n, Direction d, DiffPolicy p) {
    return SchemaDiff.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), d, p);
  }

  // an overlapping branch added to a oneOf: the keyword rules cannot decide it
  private static final String OLD = "{'oneOf':[{'type':'string'},{'type':'integer'}]}";
  private static final String NEW = "{'oneOf':[{'type':'string'},{'type':'integer'},{'type':'string','maxLength':3}]}";

  @Test
  void an_unknown_with_a_counter_witness_becomes_breaking_and_carries_it() {
    DiffResult r = diff(OLD, NEW, Direction.REQUEST, DiffPolicy.defaults());
    assertThat(r.changes()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("request.schema.counter-witness-narrower");
      assertThat(c.isBreaking()).isTrue();
      assertThat(c.witness()).isPresent();
      assertThat(Validation.valid(json(OLD), c.witness().get())).isTrue();
      assertThat(Validation.valid(json(NEW), c.witness().get())).isFalse();
      assertThat(c.message()).contains("second opinion: ").contains("left it undecided");
    });
    assertThat(r.secondOpinionInstances()).isPositive();
  }

  @Test
  void without_a_counter_witness_unknown_stays_unknown() {
    // the new oneOf only loses values (short strings now match twice): nothing the new one accepts is new
    DiffResult r = diff(OLD, NEW, Direction.RESPONSE, DiffPolicy.defaults());
    assertThat(r.changes()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("response.schema.undecidable");
      assertThat(c.relation()).isEqualTo(Relation.UNKNOWN);
    });
    assertThat(r.secondOpinionInstances()).isPositive();
  }

  @Test
  void it_can_be_switched_off() {
    DiffResult r = diff(OLD, NEW, Direction.REQUEST, DiffPolicy.defaults().withSecondOpinion(false));
    assertThat(r.ruleIds()).containsExactly("request.schema.undecidable");
    assertThat(r.secondOpinionInstances()).isZero();
  }

  @Test
  void it_is_deterministic() {
    DiffResult a = diff(OLD, NEW, Direction.BOTH, DiffPolicy.defaults());
    DiffResult b = diff(OLD, NEW, Direction.BOTH, DiffPolicy.defaults());
    assertThat(a.changes()).isEqualTo(b.changes());
    assertThat(a.secondOpinionInstances()).isEqualTo(b.secondOpinionInstances());
  }

  @Test
  void equal_schemas_are_settled_without_a_search() {
    Engine.Stats stats = new Engine.Stats();
    DiffResult r = Engine.compare(SchemaInput.of(json(NEW)), SchemaInput.of(json(NEW)), Direction.BOTH,
        DiffPolicy.defaults(), stats);
    assertThat(r.changes()).isEmpty();
    assertThat(r.secondOpinionInstances()).isZero();
    assertThat(stats.pairs).isEqualTo(1);
    assertThat(stats.settled).isEqualTo(1);
  }

  @Test
  void the_issue_example_is_breaking_for_responses_in_one_direction_and_for_requests_in_the_other() {
    String one = "{'type':'object','oneOf':[{'required':['email']},{'required':['phone']}]}";
    String any = "{'type':'object','anyOf':[{'required':['email']},{'required':['phone']}]}";
    for (DiffPolicy p : new DiffPolicy[] {DiffPolicy.defaults(), DiffPolicy.defaults().withSecondOpinion(false)}) {
      assertThat(diff(one, any, Direction.BOTH, p).breaking()).extracting(Change::ruleId)
          .containsExactly("response.oneOf.became-anyOf");
      assertThat(diff(any, one, Direction.BOTH, p).breaking()).extracting(Change::ruleId)
          .containsExactly("request.anyOf.became-oneOf");
    }
  }

  @Test
  void a_change_the_policy_tolerates_gets_no_counter_witness() {
    // tolerant reader: declaring a property on an open request object is INFO, though set-wise narrower
    DiffResult r = diff("{'type':'object'}", "{'type':'object','properties':{'a':{'type':'string'}}}",
        Direction.REQUEST, DiffPolicy.defaults());
    assertThat(r.hasBreaking()).isFalse();
    assertThat(r.secondOpinionInstances()).isZero();
  }
}
