package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.engine.Engine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A large description in the shape that used to exhaust the pair budget: many components with $refs to each
 * other, self references through arrays, {@code anyOf: [$ref, null]}, and {@code allOf: [$ref previous, own
 * object]} chains. Every conjunct of such an allOf was tried against the other one, which compared two
 * unrelated components and, through their $refs, the product of the component graph with itself: 200,000
 * pairs for 300 components, and every finding became {@code schema.undecidable}.
 */
class LargeSchemaScaleTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Every STEP-th component loses f1 from required and gains an optional "added" (some are allOf ones). */
  private static final int STEP = 45;

  @Test
  void a_large_generated_description_gives_exactly_the_planted_findings_and_linear_pairs() {
    // GIVEN 600 components, of which the reachable multiples of 45 changed
    Generated g = generate(600);
    Engine.Stats stats = new Engine.Stats();
    // WHEN, on a small stack: nothing may recurse along the schema graph
    DiffResult r = SmallStack.run(() -> Engine.compare(SchemaInput.of(g.old), SchemaInput.of(g.neu),
        Direction.RESPONSE, DiffPolicy.defaults(), stats));
    // THEN nothing is undecidable, and the findings are exactly the planted changes, once per component
    assertThat(r.changes()).extracting(Change::ruleId)
        .doesNotContain("response.schema.undecidable")
        .containsOnly("response.property.required-removed", "response.property.added");
    assertThat(r.breaking()).extracting(Change::ruleId).containsOnly("response.property.required-removed");
    Set<String> expectedRequired = new TreeSet<>();
    Set<String> expectedAdded = new TreeSet<>();
    for (int i : g.changedAndReachable()) {
      String object = "/$defs/C" + i + (g.isAllOf(i) ? "/allOf/1" : "");
      expectedRequired.add(object + "/properties/f1");
      expectedAdded.add(object + "/properties/added");
    }
    assertThat(expectedRequired).hasSizeGreaterThan(5);
    assertThat(g.changedAndReachable()).anyMatch(g::isAllOf).anyMatch(i -> !g.isAllOf(i));
    assertThat(locations(r, "response.property.required-removed", false)).isEqualTo(expectedRequired);
    assertThat(locations(r, "response.property.added", true)).isEqualTo(expectedAdded);
    // and the memo grows with the schema, not with the paths through it: about 13 pairs per component here
    assertThat(stats.pairs).as("pairs for 600 components").isLessThan(30 * 600);
  }

  @Test
  void the_number_of_pairs_grows_linearly_with_the_number_of_components() {
    int[] sizes = {200, 400, 800};
    int[] pairs = new int[sizes.length];
    for (int k = 0; k < sizes.length; k++) {
      Generated g = generate(sizes[k]);
      Engine.Stats stats = new Engine.Stats();
      DiffResult r = Engine.compare(SchemaInput.of(g.old), SchemaInput.of(g.neu), Direction.RESPONSE,
          DiffPolicy.defaults(), stats);
      assertThat(r.ruleIds()).doesNotContain("response.schema.undecidable");
      pairs[k] = stats.pairs;
    }
    // doubling the components at most (about) doubles the pairs; the product of the component graph with
    // itself would quadruple them
    assertThat(pairs[1]).as("pairs %s for %s components", pairs[1], sizes[1]).isLessThan(pairs[0] * 5 / 2);
    assertThat(pairs[2]).as("pairs %s for %s components", pairs[2], sizes[2]).isLessThan(pairs[1] * 5 / 2);
    assertThat(pairs[2]).isLessThan(30 * sizes[2]);
  }

  @Test
  void cross_pairs_of_modified_branches_run_out_of_their_own_budget_without_any_finding() {
    // GIVEN a root anyOf of 7 components whose branch texts all changed (a description), so that every old
    // branch is tried against every new one: 42 comparisons of two different components, each of which
    // compares their referenced components with each other, and so on; and a null branch added at the end
    Generated g = generate(600);
    rootUnion(g.old, "old", false);
    rootUnion(g.neu, "new", true);
    Engine.Stats stats = new Engine.Stats();
    // WHEN
    DiffResult r = SmallStack.run(() -> Engine.compare(SchemaInput.of(g.old), SchemaInput.of(g.neu),
        Direction.RESPONSE, DiffPolicy.defaults(), stats));
    // THEN the cross exploration hit its budget, the rest of the comparison did not, and the budget shows
    // nowhere: the branches are matched by place and the findings are the real ones
    assertThat(stats.crossPairs).isGreaterThanOrEqualTo(50_000);
    assertThat(stats.pairs).isLessThan(200_000);
    assertThat(r.ruleIds()).doesNotContain("response.schema.undecidable")
        .containsOnly("response.type.nullable-added", "response.property.required-removed",
            "response.property.added");
    assertThat(r.breaking()).extracting(Change::ruleId)
        .containsOnly("response.type.nullable-added", "response.property.required-removed");
  }

  /** Replaces the root $ref with an anyOf of the last 7 components, each with its own description. */
  private static void rootUnion(ObjectNode root, String label, boolean withNull) {
    int n = root.get("$defs").size();
    root.remove("$ref");
    ArrayNode any = root.putArray("anyOf");
    for (int i = 0; i < 7; i++) {
      any.addObject().put("$ref", "#/$defs/C" + (n - 1 - i)).put("description", label + " branch " + i);
    }
    if (withNull) {
      any.addObject().put("type", "null");
    }
  }

  private static Set<String> locations(DiffResult r, String ruleId, boolean newSide) {
    return r.changes().stream().filter(c -> c.ruleId().equals(ruleId))
        .map(c -> (newSide ? c.newLocation() : c.oldLocation()).pointer())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Both versions, plus which component references which (for reachability from the root). */
  private record Generated(ObjectNode old, ObjectNode neu, int n, List<Set<Integer>> refs) {

    boolean isAllOf(int i) {
      return i % 10 == 0 && i > 0;
    }

    List<Integer> changedAndReachable() {
      Set<Integer> seen = new HashSet<>();
      Deque<Integer> todo = new ArrayDeque<>(List.of(n - 1));
      while (!todo.isEmpty()) {
        int c = todo.pop();
        if (seen.add(c)) {
          todo.addAll(refs.get(c));
        }
      }
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < n; i += STEP) {
        if (seen.contains(i)) {
          out.add(i);
        }
      }
      return out;
    }
  }

  /** The shape of /tmp/big/gen.py from the benchmark, in code (docs/benchmarks.md). */
  private static Generated generate(int n) {
    List<Set<Integer>> refs = new ArrayList<>();
    ObjectNode old = document(n, false, refs);
    ObjectNode neu = document(n, true, new ArrayList<>());
    return new Generated(old, neu, n, refs);
  }

  private static ObjectNode document(int n, boolean changed, List<Set<Integer>> refs) {
    Random random = new Random(7);
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/$defs/C" + (n - 1));
    ObjectNode defs = root.putObject("$defs");
    for (int i = 0; i < n; i++) {
      Set<Integer> out = new HashSet<>();
      ObjectNode d = F.objectNode().put("type", "object");
      ObjectNode props = d.putObject("properties");
      for (int j = 0; j < 12; j++) {
        double k = random.nextDouble();
        ObjectNode p = props.putObject("f" + j);
        if (k < 0.3) {
          p.put("type", "string").put("maxLength", 200)
              .put("description", "field " + j + " of component " + i + " in a long description");
        } else if (k < 0.5) {
          p.put("type", "integer").put("minimum", 0);
        } else if (k < 0.7) {
          int t = random.nextInt(n);
          out.add(t);
          p.put("$ref", "#/$defs/C" + t);
        } else if (k < 0.8) {
          out.add(i);
          p.put("type", "array").putObject("items").put("$ref", "#/$defs/C" + i);
        } else if (k < 0.9) {
          int t = random.nextInt(n);
          out.add(t);
          ArrayNode any = p.putArray("anyOf");
          any.addObject().put("$ref", "#/$defs/C" + t);
          any.addObject().put("type", "null");
        } else {
          p.putArray("enum").add("a").add("b").add("c");
        }
      }
      boolean plant = changed && i % STEP == 0;
      ArrayNode required = d.putArray("required").add("f0");
      if (!plant) {
        required.add("f1");
      } else {
        props.putObject("added").put("type", "string");
      }
      if (i % 10 == 0 && i > 0) {
        ObjectNode wrapper = F.objectNode();
        ArrayNode all = wrapper.putArray("allOf");
        all.addObject().put("$ref", "#/$defs/C" + (i - 1));
        all.add(d);
        out.add(i - 1);
        defs.set("C" + i, wrapper);
      } else {
        defs.set("C" + i, d);
      }
      refs.add(out);
    }
    return root;
  }
}
