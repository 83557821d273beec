package dev.contractgate.diff.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which jobs of a batch reach a visit of the report walk: the walk records each visit's parent links and the
 * jobs whose root it is, and {@link #jobs} answers from them.
 *
 * <p>Answering by a backward search from every finding cost the whole ancestry per finding, and on a large
 * description almost every pair is an ancestor of every other (random references), so findings times pairs:
 * quadratic in the schema size, and most of a 2 MB comparison. Here the parent graph is condensed into its
 * strongly connected components once (Tarjan, iterative), and each component's set of jobs is the union of
 * its own roots and its parent components' sets, computed once when the component is closed. That is linear
 * in the visits and links (times the jobs over 64, the width of a {@link BitSet} word). A component with one
 * parent component and no roots of its own shares that parent's set instead of copying it.
 */
final class Reach<K> {

  private final Map<K, Integer> ids = new HashMap<>();
  private final List<int[]> parents = new ArrayList<>();
  private final List<Integer> parentCounts = new ArrayList<>();
  private final Map<Integer, BitSet> roots = new HashMap<>();
  private BitSet[] sets;
  // Tarjan's state, allocated once: every call continues the numbering and skips what earlier calls closed.
  private int[] index;
  private int[] low;
  private boolean[] onStack;
  private int[] stack;
  private int[] callNode;
  private int[] callEdge;
  private int counter;
  /** Parent links examined so far, over all calls of {@link #jobs}: at most twice the links (a test pins it). */
  int steps;

  private int id(K key) {
    Integer id = ids.get(key);
    if (id == null) {
      id = ids.size();
      ids.put(key, id);
      parents.add(new int[0]);
      parentCounts.add(0);
    }
    return id;
  }

  /** {@code key} is the root of job {@code job}. */
  void root(K key, int job) {
    roots.computeIfAbsent(id(key), k -> new BitSet()).set(job);
  }

  /** The walk reached {@code child} from {@code parent}. */
  void link(K child, K parent) {
    int c = id(child);
    int p = id(parent);
    int[] list = parents.get(c);
    int count = parentCounts.get(c);
    if (count == list.length) {
      list = Arrays.copyOf(list, Math.max(2, count * 2));
      parents.set(c, list);
    }
    list[count] = p;
    parentCounts.set(c, count + 1);
  }

  /**
   * The jobs whose root reaches {@code key} (its own included); empty when unknown. Shared between visits:
   * read it, never change it. No links may be added after the first call.
   */
  BitSet jobs(K key) {
    Integer id = ids.get(key);
    if (id == null) {
      return new BitSet();
    }
    if (sets == null) {
      int n = ids.size();
      sets = new BitSet[n];
      index = new int[n];
      low = new int[n];
      Arrays.fill(index, -1);
      onStack = new boolean[n];
      stack = new int[n];
      callNode = new int[n];
      callEdge = new int[n];
    }
    if (sets[id] == null) {
      condense(id);
    }
    return sets[id];
  }

  /**
   * Tarjan's algorithm over the parent links from {@code start}: it closes a component only after every
   * component it reaches (its ancestors in the walk) is closed, so the parents' sets are final by then.
   */
  private void condense(int start) {
    int sp = 0;
    int cp = 0;
    callNode[cp] = start;
    callEdge[cp] = 0;
    cp++;
    index[start] = low[start] = counter++;
    stack[sp++] = start;
    onStack[start] = true;
    while (cp > 0) {
      int v = callNode[cp - 1];
      int e = callEdge[cp - 1];
      if (e < parentCounts.get(v)) {
        callEdge[cp - 1]++;
        steps++;
        int w = parents.get(v)[e];
        if (sets[w] != null) {
          continue; // closed by an earlier call: final already
        }
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = true;
          callNode[cp] = w;
          callEdge[cp] = 0;
          cp++;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      cp--;
      if (cp > 0) {
        int u = callNode[cp - 1];
        low[u] = Math.min(low[u], low[v]);
      }
      if (low[v] != index[v]) {
        continue;
      }
      // v roots a component: the stack above it, down to v
      int bottom = sp - 1;
      while (stack[bottom] != v) {
        bottom--;
      }
      BitSet own = null;
      BitSet shared = null;
      for (int i = bottom; i < sp; i++) {
        int x = stack[i];
        BitSet r = roots.get(x);
        if (r != null) {
          own = own == null ? (BitSet) r.clone() : or(own, r);
        }
        int[] ps = parents.get(x);
        for (int k = 0; k < parentCounts.get(x); k++) {
          steps++;
          int p = ps[k];
          if (onStack[p] && index[p] >= index[v]) {
            continue; // inside this component
          }
          BitSet s = sets[p];
          if (s == shared || s.isEmpty()) {
            continue;
          }
          if (shared == null) {
            shared = s;
          } else {
            own = own == null ? (BitSet) s.clone() : or(own, s);
          }
        }
      }
      BitSet result;
      if (own == null) {
        result = shared == null ? new BitSet() : shared;
      } else {
        result = shared == null ? own : or(own, shared);
      }
      for (int i = bottom; i < sp; i++) {
        sets[stack[i]] = result;
        onStack[stack[i]] = false;
      }
      sp = bottom;
    }
  }

  private static BitSet or(BitSet into, BitSet other) {
    into.or(other);
    return into;
  }
}
