package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Witnesses are checked with the validator, which compiles {@code $defs} on demand (issue 15, speed): a
 * reference into definitions by pointer, by anchor and by {@code $id} still reaches its schema.
 */
class WitnessDefinitionsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  private static Change onlyBreaking(String o, String n) {
    DiffResult r = SchemaDiff.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), Direction.REQUEST,
        DiffPolicy.defaults());
    assertThat(r.breaking()).hasSize(1);
    return r.breaking().get(0);
  }

  private static void witnessSeparates(String o, String n) {
    Change c = onlyBreaking(o, n);
    assertThat(c.witness()).as("witness of %s", c.ruleId()).isPresent();
    assertThat(Validation.valid(json(o), c.witness().get())).isTrue();
    assertThat(Validation.valid(json(n), c.witness().get())).isFalse();
  }

  @Test
  void through_a_pointer_into_definitions() {
    String o = "{'type':'object','properties':{'a':{'$ref':'#/$defs/A'}},'required':['a'],"
        + "'$defs':{'A':{'type':'string'},'B':{'type':'integer'}}}";
    witnessSeparates(o, o.replace("{'type':'string'}", "{'type':'string','maxLength':2}"));
  }

  @Test
  void through_an_anchor_inside_definitions() {
    String o = "{'type':'object','properties':{'a':{'$ref':'#short'}},'required':['a'],"
        + "'$defs':{'A':{'$anchor':'short','type':'string'}}}";
    witnessSeparates(o, o.replace("'type':'string'}", "'type':'string','maxLength':2}"));
  }

  @Test
  void through_an_id_inside_definitions() {
    String o = "{'$id':'https://x.example/root','type':'object','properties':{'a':{'$ref':'item'}},"
        + "'required':['a'],'$defs':{'A':{'$id':'item','type':'string'}}}";
    witnessSeparates(o, o.replace("'type':'string'}", "'type':'string','maxLength':2}"));
  }

  @Test
  void in_draft_07_definitions() {
    String o = "{'$schema':'http://json-schema.org/draft-07/schema#','type':'object',"
        + "'properties':{'a':{'$ref':'#/definitions/A'}},'required':['a'],'definitions':{'A':{'type':'string'}}}";
    witnessSeparates(o, o.replace("{'type':'string'}", "{'type':'string','maxLength':2}"));
  }
}
