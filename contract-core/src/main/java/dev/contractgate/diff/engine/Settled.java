package dev.contractgate.diff.engine;

import dev.contractgate.registry.Refs;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Pairs that are equal by construction, settled without planning their insides (issue 14, cost). Each
 * rule concludes "no difference" from syntax only where that is valid for every kind of node:
 *
 * <ol>
 *   <li><b>Same place in equal documents.</b> Both nodes sit at the same pointer of documents that are
 *       equal node for node, whose references (followed to other files) only reach documents that are
 *       equal too, and the two nodes are read the same way (mode, or-null, absent). Every keyword, every
 *       {@code $ref} (fragment, anchor or file) and every base URI then resolves to the same schema, so
 *       the accepted sets are equal. This makes a schema compared with itself cost about one walk of it.
 *   <li><b>Equal reference-free sub-schemas.</b> Both JSON values are equal node for node (numbers by
 *       value and representation), contain no {@code $ref}, {@code $dynamicRef} or {@code $recursiveRef}
 *       anywhere, are read the same way and under the same dialect (draft-07 or 2020-12). The meaning of
 *       such a value depends on nothing outside it. Checked iteratively, with a size bound, so deep or huge
 *       sub-schemas simply fall back to planning.
 * </ol>
 */
final class Settled {

  /**
   * Off only to measure what the shortcut saves ({@code -Dcontractgate.diff.settle=false}, see
   * docs/benchmarks.md); the verdicts are the same either way.
   */
  static final boolean ON = !"false".equals(System.getProperty("contractgate.diff.settle"));

  /** Nodes compared for rule 2 before giving up; keeps the check linear overall. */
  static final int MAX_NODES = 4_000;

  private final Side so;
  private final Side sn;
  private final Map<String, Boolean> stableFiles = new HashMap<>();
  int settled;

  Settled(Side so, Side sn) {
    this.so = so;
    this.sn = sn;
  }

  boolean equal(Node o, Node n) {
    if (!ON || o.mode != n.mode || o.orNull != n.orNull || o.absent != n.absent || o.draft7 != n.draft7) {
      return false;
    }
    if (o.absent) {
      return true;
    }
    boolean eq = o.loc.pointer().equals(n.loc.pointer()) && stable(o.loc.file(), n.loc.file())
        || same(o.json, n.json, false, MAX_NODES);
    if (eq) {
      settled++;
    }
    return eq;
  }

  /** Whether the two files hold equal documents and reach only equal documents through their references. */
  private boolean stable(String fo, String fn) {
    String key = fo + "\u0000" + fn;
    Boolean known = stableFiles.get(key);
    if (known != null) {
      return known;
    }
    // assumed while checking: a cycle of files that are pairwise equal is equal
    stableFiles.put(key, true);
    boolean ok;
    try {
      JsonNode a = so.document(fo);
      JsonNode b = sn.document(fn);
      ok = a == b || same(a, b, true, Integer.MAX_VALUE);
      if (ok) {
        for (String ref : externalRefs(a)) {
          if (!fo.equals(fn)) {
            ok = false;
            break;
          }
          String file = Refs.resolve(SourceLocation.of(fo), ref).file();
          if (!stable(file, file)) {
            ok = false;
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      ok = false;
    }
    stableFiles.put(key, ok);
    return ok;
  }

  /** The {@code $ref} values of a document that name another file (not only a fragment). */
  private static java.util.Set<String> externalRefs(JsonNode doc) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(doc);
    while (!work.isEmpty()) {
      JsonNode j = work.pop();
      if (j.isObject()) {
        for (var e : j.properties()) {
          JsonNode v = e.getValue();
          if ((e.getKey().equals("$ref") || e.getKey().equals("$dynamicRef") || e.getKey().equals("$recursiveRef"))
              && v.isString() && !v.stringValue().startsWith("#")) {
            out.add(v.stringValue());
          }
          if (v.isContainer()) {
            work.push(v);
          }
        }
      } else if (j.isArray()) {
        for (JsonNode v : j.values()) {
          if (v.isContainer()) {
            work.push(v);
          }
        }
      }
    }
    return out;
  }

  /**
   * Node-for-node equality, iterative; with {@code refsAllowed} false, a reference anywhere makes it false.
   * False as well once more than {@code budget} nodes were compared.
   */
  static boolean same(JsonNode a, JsonNode b, boolean refsAllowed, int budget) {
    Deque<JsonNode> wa = new ArrayDeque<>();
    Deque<JsonNode> wb = new ArrayDeque<>();
    wa.push(a);
    wb.push(b);
    int seen = 0;
    while (!wa.isEmpty()) {
      JsonNode x = wa.pop();
      JsonNode y = wb.pop();
      if (++seen > budget) {
        return false;
      }
      if (x.getNodeType() != y.getNodeType()) {
        return false;
      }
      if (x.isObject()) {
        if (x.size() != y.size()) {
          return false;
        }
        for (var e : x.properties()) {
          String k = e.getKey();
          if (!refsAllowed && (k.equals("$ref") || k.equals("$dynamicRef") || k.equals("$recursiveRef"))) {
            return false;
          }
          JsonNode yv = y.get(k);
          if (yv == null) {
            return false;
          }
          wa.push(e.getValue());
          wb.push(yv);
        }
      } else if (x.isArray()) {
        if (x.size() != y.size()) {
          return false;
        }
        Iterator<JsonNode> ix = x.values().iterator();
        Iterator<JsonNode> iy = y.values().iterator();
        while (ix.hasNext()) {
          wa.push(ix.next());
          wb.push(iy.next());
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }
}
