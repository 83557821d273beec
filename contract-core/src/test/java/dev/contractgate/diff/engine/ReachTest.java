package dev.contractgate.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The jobs reaching a visit, against a plain backward search over the same links. */
class ReachTest {

  @Test
  void a_cycle_reached_from_two_roots_reaches_both_jobs_everywhere_in_it() {
    // GIVEN root r0 (job 0) → a, root r1 (jobs 1 and 2) → b, and the cycle a → b → c → a, and d only below r0
    Reach<String> reach = new Reach<>();
    reach.root("r0", 0);
    reach.root("r1", 1);
    reach.root("r1", 2);
    reach.link("a", "r0");
    reach.link("b", "r1");
    reach.link("b", "a");
    reach.link("c", "b");
    reach.link("a", "c");
    reach.link("d", "r0");
    // WHEN asked / THEN every member of the cycle is reached by all three jobs, d and r0 only by job 0
    for (String k : List.of("a", "b", "c")) {
      assertThat(reach.jobs(k).stream().boxed().toList()).as(k).containsExactly(0, 1, 2);
    }
    assertThat(reach.jobs("d").stream().boxed().toList()).containsExactly(0);
    assertThat(reach.jobs("r0").stream().boxed().toList()).containsExactly(0);
    assertThat(reach.jobs("r1").stream().boxed().toList()).containsExactly(1, 2);
    assertThat(reach.jobs("unknown").isEmpty()).isTrue();
  }

  @Test
  void random_graphs_with_cycles_agree_with_a_backward_search_in_any_query_order() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      // GIVEN a random graph of up to 60 nodes, up to 150 links (cycles and self links included), 1-8 jobs
      int n = 1 + random.nextInt(60);
      int links = random.nextInt(150);
      int jobs = 1 + random.nextInt(8);
      Reach<Integer> reach = new Reach<>();
      List<List<Integer>> parents = new ArrayList<>();
      List<BitSet> roots = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        parents.add(new ArrayList<>());
        roots.add(new BitSet());
      }
      for (int j = 0; j < jobs; j++) {
        int r = random.nextInt(n);
        reach.root(r, j);
        roots.get(r).set(j);
      }
      for (int e = 0; e < links; e++) {
        int child = random.nextInt(n);
        int parent = random.nextInt(n);
        reach.link(child, parent);
        parents.get(child).add(parent);
      }
      // WHEN every node is asked, in random order / THEN the same jobs as a backward search finds
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      java.util.Collections.shuffle(order, random);
      for (int k : order) {
        assertThat(reach.jobs(k)).as("round %d node %d", round, k).isEqualTo(naive(k, parents, roots));
      }
    }
  }

  @Test
  void asking_for_every_node_of_a_dense_graph_examines_each_link_at_most_twice_in_total() {
    // GIVEN 2,000 nodes where every node links to 3 random others (so nearly everything is an ancestor of
    // everything: a backward search per node would examine about 2,000 x 6,000 links)
    Random random = new Random(5);
    int n = 2_000;
    Reach<Integer> reach = new Reach<>();
    reach.root(0, 0);
    reach.root(1, 1);
    int links = 0;
    for (int child = 0; child < n; child++) {
      for (int k = 0; k < 3; k++) {
        reach.link(child, random.nextInt(n));
        links++;
      }
    }
    // WHEN every node is asked
    int reachedByBoth = 0;
    for (int k = 0; k < n; k++) {
      reachedByBoth += reach.jobs(k).cardinality() == 2 ? 1 : 0;
    }
    // THEN the work over all questions stays within two passes over the links
    assertThat(reachedByBoth).isGreaterThan(n / 2);
    assertThat(reach.steps).isPositive().isLessThanOrEqualTo(2 * links);
  }

  private static BitSet naive(int key, List<List<Integer>> parents, List<BitSet> roots) {
    BitSet out = new BitSet();
    boolean[] seen = new boolean[parents.size()];
    Deque<Integer> todo = new ArrayDeque<>(List.of(key));
    while (!todo.isEmpty()) {
      int k = todo.poll();
      if (seen[k]) {
        continue;
      }
      seen[k] = true;
      out.or(roots.get(k));
      todo.addAll(parents.get(k));
    }
    return out;
  }
}
