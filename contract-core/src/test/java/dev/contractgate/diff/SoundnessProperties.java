package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tools.jackson.databind.JsonNode;

/**
 * The engine's "safe" is checked against the validator: whenever it says a change is safe for responses,
 * every generated instance that the new schema accepts must be accepted by the old one, and the mirror for
 * requests. Runs under {@link DiffPolicy#strict()}, which is pure set inclusion (the default policy's two
 * documented tolerances are checked in RulesTest). A counterexample is a bug in the engine.
 */
class SoundnessProperties {

  private static final DiffPolicy STRICT = DiffPolicy.strict();

  @Property(tries = 4000, seed = "20261122")
  void a_safe_verdict_never_hides_an_instance_that_breaks(@ForAll long seed) {
    // GIVEN a random schema, a mutation of it, and instances shaped by both
    SchemaGen gen = new SchemaGen(seed);
    JsonNode old = gen.root();
    JsonNode neu = gen.mutate(old);
    // WHEN
    DiffResult r = SchemaDiff.compare(SchemaInput.of(old), SchemaInput.of(neu), Direction.BOTH, STRICT);
    // THEN
    boolean responseSafe = r.changes().stream()
        .noneMatch(c -> c.direction() == Direction.RESPONSE && c.severity().needsAttention());
    boolean requestSafe = r.changes().stream()
        .noneMatch(c -> c.direction() == Direction.REQUEST && c.severity().needsAttention());
    if (!responseSafe && !requestSafe) {
      return;
    }
    Schema so = Validation.compile(old);
    Schema sn = Validation.compile(neu);
    List<JsonNode> instances = gen.instances(40, old, neu);
    for (JsonNode i : instances) {
      boolean inOld = Validation.valid(so, i);
      boolean inNew = Validation.valid(sn, i);
      String context = "\nold: " + old + "\nnew: " + neu + "\ninstance: " + i + "\nchanges: " + r.changes().stream()
          .map(c -> c.severity() + " " + c.ruleId() + " " + c.path()).toList();
      if (responseSafe) {
        assertThat(!inNew || inOld).as("said safe for responses, but new accepts what old rejects" + context)
            .isTrue();
      }
      if (requestSafe) {
        assertThat(!inOld || inNew).as("said safe for requests, but new rejects what old accepts" + context)
            .isTrue();
      }
    }
  }

  @Property(tries = 1000, seed = "4242")
  void a_schema_compared_with_itself_has_no_changes(@ForAll long seed) {
    JsonNode s = new SchemaGen(seed).root();
    DiffResult r = SchemaDiff.compare(SchemaInput.of(s), SchemaInput.of(s.deepCopy()), Direction.BOTH, STRICT);
    assertThat(r.changes()).as("schema %s", s).isEmpty();
    assertThat(r.relation()).isEqualTo(Relation.EQUAL);
  }

  @Property(tries = 1500, seed = "77")
  void every_witness_is_accepted_by_one_version_and_rejected_by_the_other(@ForAll long seed) {
    SchemaGen gen = new SchemaGen(seed);
    JsonNode old = gen.root();
    JsonNode neu = gen.mutate(old);
    DiffResult r = SchemaDiff.compare(SchemaInput.of(old), SchemaInput.of(neu), Direction.BOTH, STRICT);
    for (Change c : r.changes()) {
      if (c.witness().isEmpty()) {
        continue;
      }
      boolean newAccepts = c.relation() != Relation.NARROWER;
      JsonNode w = c.witness().get();
      assertThat(Validation.valid(newAccepts ? neu : old, w)).as("%s witness %s%nold %s%nnew %s", c.ruleId(), w, old, neu)
          .isTrue();
      assertThat(Validation.valid(newAccepts ? old : neu, w)).as("%s witness %s%nold %s%nnew %s", c.ruleId(), w, old, neu)
          .isFalse();
    }
  }
}
