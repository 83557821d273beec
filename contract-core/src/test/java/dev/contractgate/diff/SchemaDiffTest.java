package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SchemaDiffTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  static DiffResult diff(String oldSchema, String newSchema, Direction d) {
    return SchemaDiff.compare(SchemaInput.of(json(oldSchema)), SchemaInput.of(json(newSchema)), d);
  }

  static final String BOOKS_OLD = "{'type':'object','required':['items'],'properties':{'items':{'type':'array',"
      + "'items':{'type':'object','required':['title','author'],'properties':{'title':{'type':'string'},"
      + "'author':{'type':'string'}}}}}}";
  static final String BOOKS_NEW = BOOKS_OLD.replace("['title','author']", "['title']");

  @Test
  void should_explain_a_no_longer_required_response_property_in_the_message_shape() {
    // WHEN
    DiffResult r = diff(BOOKS_OLD, BOOKS_NEW, Direction.RESPONSE);
    // THEN
    assertThat(r.changes()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("response.property.required-removed");
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.relation()).isEqualTo(Relation.WIDER);
      assertThat(c.path()).isEqualTo("/items/*/author");
      assertThat(c.message().lines().toList()).startsWith(
          "response.property.required-removed at /properties/items/items/properties/author",
          "    old     : required [\"author\",\"title\"]",
          "    new     : required [\"title\"]",
          "    meaning : the backend may now omit \"author\"; a consumer that reads it breaks",
          "    instance: /items/*/author");
      assertThat(c.witness()).isPresent();
      assertThat(c.message()).contains("witness : " + c.witness().get() + "  (new accepts, old rejects)");
    });
    assertThat(r.hasBreaking()).isTrue();
    assertThat(r.relation()).isEqualTo(Relation.WIDER);
  }

  @Test
  void should_carry_a_witness_that_the_validator_confirms() {
    DiffResult r = diff(BOOKS_OLD, BOOKS_NEW, Direction.RESPONSE);
    JsonNode w = r.breaking().get(0).witness().orElseThrow();
    assertThat(Validation.valid(json(BOOKS_NEW), w)).isTrue();
    assertThat(Validation.valid(json(BOOKS_OLD), w)).isFalse();
  }

  @Test
  void the_same_change_is_safe_for_requests_and_reported_as_info() {
    DiffResult r = diff(BOOKS_OLD, BOOKS_NEW, Direction.REQUEST);
    assertThat(r.hasBreaking()).isFalse();
    assertThat(r.changes()).extracting(Change::ruleId, Change::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("request.property.required-removed", Severity.INFO));
  }

  @Test
  void both_directions_report_each_difference_once_per_direction() {
    DiffResult r = diff("{'enum':['a','b']}", "{'enum':['a','c']}", Direction.BOTH);
    assertThat(r.ruleIds()).containsExactly("request.enum.value-added", "request.enum.value-removed",
        "response.enum.value-added", "response.enum.value-removed");
    assertThat(r.breaking()).extracting(Change::ruleId)
        .containsExactlyInAnyOrder("request.enum.value-removed", "response.enum.value-added");
    assertThat(r.relation()).isEqualTo(Relation.INCOMPARABLE);
  }

  @Test
  void fingerprints_ignore_key_order_set_order_branch_order_and_definition_names() {
    // GIVEN the same change written twice, reformatted and reordered
    String old1 = "{'$defs':{'A':{'type':'object','required':['a','b'],'properties':{'a':{'type':'string'},"
        + "'b':{'enum':[1,2,3]}}}},'anyOf':[{'$ref':'#/$defs/A'},{'type':'integer'}]}";
    String new1 = "{'$defs':{'A':{'type':'object','required':['a'],'properties':{'a':{'type':'string'},"
        + "'b':{'enum':[1,2,3,4]}}}},'anyOf':[{'$ref':'#/$defs/A'},{'type':'integer'}]}";
    String old2 = "{'anyOf':[{'type':'integer'},{'$ref':'#/$defs/Renamed'}],'$defs':{'Renamed':{'properties':{"
        + "'b':{'enum':[3,1,2]},'a':{'type':'string'}},'required':['b','a'],'type':'object'}}}";
    String new2 = "{'anyOf':[{'type':'integer'},{'$ref':'#/$defs/Renamed'}],'$defs':{'Renamed':{'properties':{"
        + "'b':{'enum':[4,3,2,1]},'a':{'type':'string'}},'required':['a'],'type':'object'}}}";
    // WHEN
    DiffResult r1 = diff(old1, new1, Direction.BOTH);
    DiffResult r2 = diff(old2, new2, Direction.BOTH);
    // THEN
    assertThat(r1.changes()).hasSize(4);
    assertThat(r2.changes()).extracting(Change::fingerprint)
        .containsExactlyElementsOf(r1.changes().stream().map(Change::fingerprint).toList());
    assertThat(r2.changes()).extracting(Change::path).containsExactly("/b", "/b", "/b", "/b");
  }

  @Test
  void fingerprints_differ_between_directions_and_between_values() {
    DiffResult a = diff("{'maxLength':5}", "{'maxLength':6}", Direction.BOTH);
    DiffResult b = diff("{'maxLength':5}", "{'maxLength':7}", Direction.BOTH);
    assertThat(a.changes()).extracting(Change::fingerprint).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(b.changes().stream().map(Change::fingerprint).toList());
  }

  @Test
  void output_is_sorted_and_identical_across_runs() {
    String o = "{'properties':{'z':{'type':'integer'},'a':{'type':'string'},'m':{'enum':[1]}}}";
    String n = "{'properties':{'z':{'type':'number'},'a':{'type':'integer'},'m':{'enum':[1,2]}}}";
    DiffResult first = diff(o, n, Direction.BOTH);
    assertThat(first.changes()).extracting(Change::path).isSorted();
    for (int i = 0; i < 3; i++) {
      assertThat(diff(o, n, Direction.BOTH)).isEqualTo(first);
    }
  }

  @Test
  void a_deeply_nested_schema_of_5000_levels_does_not_exhaust_the_stack() {
    // GIVEN {"properties":{"a":{"properties":{"a": ... {"type":"integer"} }}}} 5000 levels deep, built in code
    // because the JSON parser limits nesting
    int depth = 5000;
    JsonNode old = nested(depth, "integer");
    JsonNode neu = nested(depth, "number");
    // WHEN, on a small stack so that any recursion along the nesting would fail
    DiffResult r = SmallStack.run(() -> SchemaDiff.compare(SchemaInput.of(old), SchemaInput.of(neu), Direction.RESPONSE));
    // THEN
    assertThat(r.breaking()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("response.type.widened");
      assertThat(c.path()).isEqualTo("/a".repeat(depth));
    });
  }

  private static JsonNode nested(int depth, String leafType) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode node = f.objectNode().put("type", leafType);
    for (int i = 0; i < depth; i++) {
      ObjectNode parent = f.objectNode();
      parent.putObject("properties").set("a", node);
      node = parent;
    }
    return node;
  }

  @Test
  void long_ref_and_allOf_chains_do_not_exhaust_the_stack() {
    // GIVEN D0 → allOf[$ref D1] → ... → D5000 = {type: integer | number}
    int n = 5000;
    DiffResult r = SmallStack.run(() -> SchemaDiff.compare(SchemaInput.of(chain(n, "integer")),
        SchemaInput.of(chain(n, "number")), Direction.RESPONSE));
    assertThat(r.breaking()).extracting(Change::ruleId).containsExactly("response.type.widened");
  }

  private static JsonNode chain(int n, String leafType) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode defs = root.putObject("$defs");
    for (int i = 0; i < n; i++) {
      ObjectNode d = defs.putObject("D" + i);
      if (i % 2 == 0) {
        d.putArray("allOf").addObject().put("$ref", "#/$defs/D" + (i + 1));
        d.put("minimum", 0);
      } else {
        d.put("$ref", "#/$defs/D" + (i + 1));
      }
    }
    defs.putObject("D" + n).put("type", leafType);
    root.put("$ref", "#/$defs/D0");
    return root;
  }

  @Test
  void recursive_schemas_terminate_and_report_the_change_once() {
    String o = "{'$defs':{'T':{'type':'object','properties':{'v':{'type':'integer'},'kids':{'type':'array',"
        + "'items':{'$ref':'#/$defs/T'}},'next':{'anyOf':[{'$ref':'#/$defs/T'},{'type':'null'}]}}}},'$ref':'#/$defs/T'}";
    DiffResult r = diff(o, o.replace("'v':{'type':'integer'}", "'v':{'type':'number'}"), Direction.RESPONSE);
    assertThat(r.breaking()).singleElement().extracting(Change::path).isEqualTo("/v");
  }

  @Test
  void refs_resolve_across_files_of_the_contract_tree() {
    // GIVEN a schema in ns/1.0.0/schemas that refers to a shared file two levels up
    Map<String, JsonNode> oldTree = new HashMap<>();
    oldTree.put("ns/1.0.0/schemas/post.json", json("{'properties':{'author':{'$ref':'../../common.json#/$defs/Author'}}}"));
    oldTree.put("ns/common.json", json("{'$defs':{'Author':{'type':'object','required':['name'],'properties':{'name':{}}}}}"));
    Map<String, JsonNode> newTree = new HashMap<>(oldTree);
    newTree.put("ns/common.json", json("{'$defs':{'Author':{'type':'object','properties':{'name':{}}}}}"));
    SourceLocation root = SourceLocation.of("ns/1.0.0/schemas/post.json");
    // WHEN
    DiffResult r = SchemaDiff.compare(new SchemaInput(oldTree::get, root), new SchemaInput(newTree::get, root),
        Direction.RESPONSE, DiffPolicy.defaults());
    // THEN
    assertThat(r.breaking()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("response.property.required-removed");
      assertThat(c.path()).isEqualTo("/author/name");
      assertThat(c.newLocation().file()).isEqualTo("ns/common.json");
    });
  }

  @Test
  void a_remote_ref_is_refused_with_a_message_naming_file_and_pointer() {
    assertThatThrownBy(() -> diff("{'properties':{'a':{'$ref':'https://example.com/x.json'}}}", "{}",
        Direction.RESPONSE))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("schema.json at /properties/a/$ref")
        .hasMessageContaining("a remote reference")
        .hasMessageContaining("hint");
  }

  @Test
  void a_ref_to_a_missing_file_or_pointer_is_an_input_error() {
    assertThatThrownBy(() -> diff("{'$ref':'other.json'}", "{}", Direction.RESPONSE))
        .isInstanceOf(ContractException.class).hasMessageContaining("other.json").hasMessageContaining("no such file");
    assertThatThrownBy(() -> diff("{'$ref':'#/$defs/Missing'}", "{}", Direction.RESPONSE))
        .isInstanceOf(ContractException.class).hasMessageContaining("/$defs/Missing");
  }

  @Test
  void severity_overrides_can_soften_or_switch_off_a_rule() {
    DiffPolicy p = DiffPolicy.defaults().withSeverity("response.property.required-removed", Severity.WARNING);
    DiffResult softened = SchemaDiff.compare(SchemaInput.of(json(BOOKS_OLD)), SchemaInput.of(json(BOOKS_NEW)),
        Direction.RESPONSE, p);
    assertThat(softened.hasBreaking()).isFalse();
    assertThat(softened.warnings()).hasSize(1);
    assertThat(softened.changes().get(0).message()).contains("(reported as a warning by policy)");
    DiffResult off = SchemaDiff.compare(SchemaInput.of(json(BOOKS_OLD)), SchemaInput.of(json(BOOKS_NEW)),
        Direction.RESPONSE, p.withSeverity("response.property.required-removed", Severity.OFF));
    assertThat(off.changes()).isEmpty();
    assertThat(off.worst()).isEqualTo(Severity.OFF);
  }

  @Test
  void unknown_findings_follow_the_policy_severity() {
    String o = "{'type':'string','pattern':'^(a)\\\\1'}";
    String n = "{'type':'string','pattern':'^b'}";
    // the second opinion would decide this one ("b"): off, to see the UNKNOWN itself
    assertThat(SchemaDiff.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), Direction.RESPONSE,
        DiffPolicy.defaults().withSecondOpinion(false)).breaking()).extracting(Change::relation)
        .containsExactly(Relation.UNKNOWN);
    DiffResult w = SchemaDiff.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), Direction.RESPONSE,
        DiffPolicy.defaults().withUnknownSeverity(Severity.WARNING).withSecondOpinion(false));
    assertThat(w.hasBreaking()).isFalse();
    assertThat(w.warnings()).singleElement().extracting(Change::message, org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("cannot be decided").contains("counts it as warning");
  }

  @Test
  void tolerant_reader_turns_a_removed_open_response_property_into_a_warning_only() {
    String o = "{'type':'object','properties':{'a':{'type':'string'},'legacy':{'type':'integer'}}}";
    String n = "{'type':'object','properties':{'a':{'type':'string'}}}";
    assertThat(diff(o, n, Direction.RESPONSE).warnings()).extracting(Change::ruleId)
        .containsExactly("response.property.removed");
    DiffResult strict = SchemaDiff.compare(SchemaInput.of(json(o)), SchemaInput.of(json(n)), Direction.RESPONSE,
        DiffPolicy.strict());
    assertThat(strict.breaking()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("response.property.removed");
      assertThat(c.witness()).isPresent();
      assertThat(Validation.valid(json(n), c.witness().get())).isTrue();
      assertThat(Validation.valid(json(o), c.witness().get())).isFalse();
    });
    // closed old object: adding a property breaks responses whatever the tolerance
    String closed = "{'type':'object','additionalProperties':false,'properties':{'a':{}}}";
    assertThat(diff(closed, closed.replace("'a':{}", "'a':{},'b':{}"), Direction.RESPONSE).breaking())
        .extracting(Change::ruleId).containsExactly("response.property.added-to-closed");
  }

  @Test
  void identical_inputs_give_an_empty_equal_result() {
    DiffResult r = diff(BOOKS_OLD, BOOKS_OLD, Direction.BOTH);
    assertThat(r.changes()).isEmpty();
    assertThat(r.relation()).isEqualTo(Relation.EQUAL);
    assertThat(r.worst()).isEqualTo(Severity.OFF);
    assertThat(List.of(Relation.WIDER.breaks(Direction.RESPONSE), Relation.WIDER.breaks(Direction.REQUEST)))
        .containsExactly(true, false);
  }

  @Test
  void every_decided_pattern_change_carries_a_string_witness() {
    String[][] pairs = {
        {"^[a-z0-9]+$", "^[a-z]+$"}, {"^[A-Z]{2}$", "^[A-Z]{2,3}$"}, {"^[A-Z]{2}$", "^[A-Z]{3}$"},
        {"abc", "^abc"}, {"^\\d{3}$", "^\\d{3}"}, {"^\\+[1-9]\\d{1,14}$", "^\\+?[1-9]\\d{1,14}$"},
        {"^[a-z0-9]+(?:-[a-z0-9]+)*$", "^[a-z0-9-]+$"}, {null, "^[a-z]+$"}, {"^\\d+$", null}};
    for (String[] pair : pairs) {
      tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) json("{'type':'string'}");
      tools.jackson.databind.node.ObjectNode n = o.deepCopy();
      if (pair[0] != null) {
        o.put("pattern", pair[0]);
      }
      if (pair[1] != null) {
        n.put("pattern", pair[1]);
      }
      DiffResult r = SchemaDiff.compare(SchemaInput.of(o), SchemaInput.of(n), Direction.BOTH, DiffPolicy.strict());
      assertThat(r.breaking()).as("%s → %s", pair[0], pair[1]).isNotEmpty();
      for (Change c : r.breaking()) {
        assertThat(c.witness()).as("witness of %s for %s → %s", c.ruleId(), pair[0], pair[1]).isPresent();
        String w = c.witness().get().asString();
        boolean newAccepts = c.relation() == Relation.WIDER;
        String accepting = newAccepts ? pair[1] : pair[0];
        String rejecting = newAccepts ? pair[0] : pair[1];
        assertThat(accepting == null || java.util.regex.Pattern.compile(accepting).matcher(w).find()).isTrue();
        assertThat(rejecting != null && java.util.regex.Pattern.compile(rejecting).matcher(w).find()).isFalse();
      }
    }
  }
}
