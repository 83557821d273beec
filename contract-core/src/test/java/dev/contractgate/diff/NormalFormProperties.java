package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tools.jackson.databind.JsonNode;

/**
 * The normal form is an equivalence: the rewritten schema accepts exactly the values the schema as written
 * accepts, checked with the validator on instances shaped by both. Runs on the random schemas of
 * {@link SchemaGen} and on the schemas {@link MetamorphicProperties} makes for each refactor, where the
 * rewrites apply. A counterexample is a normal form that widens or narrows: a silent "safe" in the making.
 */
class NormalFormProperties {

  @Property(tries = 800, seed = "5150")
  void the_normal_form_accepts_exactly_what_the_schema_accepts(@ForAll long seed) throws Exception {
    JsonNode[] pair = MetamorphicProperties.pair(seed);
    SchemaGen gen = new SchemaGen(seed);
    for (JsonNode s : List.of(pair[0], pair[1], gen.root())) {
      JsonNode n = normalize(s);
      Schema written = Validation.compile(s);
      Schema normal = Validation.compile(n);
      for (JsonNode i : gen.instances(40, s, n)) {
        assertThat(Validation.valid(normal, i)).as("instance %s%nschema %s%nnormal form %s", i, s, n)
            .isEqualTo(Validation.valid(written, i));
      }
    }
  }

  static JsonNode normalize(JsonNode s) throws Exception {
    Class<?> c = Class.forName("dev.contractgate.diff.engine.Normalizer");
    Method m = c.getDeclaredMethod("normalize", JsonNode.class, String.class, JsonNode.class, boolean.class,
        boolean.class, java.util.Map.class);
    m.setAccessible(true);
    Method sensitive = c.getDeclaredMethod("evaluationSensitive", JsonNode.class);
    sensitive.setAccessible(true);
    return (JsonNode) m.invoke(null, s, "", s, false, sensitive.invoke(null, s), new HashMap<String, String>());
  }
}
