package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A contributor controls both the patternProperties keys and the property names the diff matches against them:
 * a catastrophic pattern must not hang diff, check-history or can-deploy (unbounded before: 2^40 steps).
 */
class PatternCoverageBudgetTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a_catastrophic_pattern_property_ends_within_its_budget() {
    String name = "a".repeat(40) + "!";
    JsonNode old = JSON.readTree("{\"type\":\"object\",\"additionalProperties\":false,"
        + "\"patternProperties\":{\"^(a+)+$\":{\"type\":\"string\"}}}");
    JsonNode changed = JSON.readTree("{\"type\":\"object\",\"additionalProperties\":false,"
        + "\"patternProperties\":{\"^(a+)+$\":{\"type\":\"string\"}},"
        + "\"properties\":{\"" + name + "\":{\"type\":\"integer\"}}}");

    DiffResult r = SchemaDiff.compare(SchemaInput.of(old), SchemaInput.of(changed), Direction.RESPONSE,
        DiffPolicy.defaults());

    // The new property is reported (the old schema's coverage of its name could not be decided in budget,
    // which counts as "not covered": the closed old object rejected it).
    assertThat(r.changes()).isNotEmpty();
    assertThat(r.changes()).anyMatch(c -> c.path().contains(name));
  }
}
