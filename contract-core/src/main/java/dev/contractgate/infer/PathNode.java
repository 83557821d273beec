package dev.contractgate.infer;

import dev.contractgate.registry.EndpointMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One position of the path templates below a base path: literal segments seen there, the parameter that
 * stands for id-like values, and the endpoints (by method) that end here. Ids (integers, UUIDs, hashes,
 * opaque tokens) become the parameter as they are read; slugs become it at the end when enough siblings look
 * like slugs; and past {@link InferOptions#maxPathValues()} distinct values every dotless literal does, so
 * the tree stays bounded whatever the traffic.
 */
final class PathNode {

  enum Kind { ID, SLUG }

  final TreeMap<String, PathNode> literals = new TreeMap<>();
  PathNode param;
  /** The strongest kind of value the parameter stood for: ID beats SLUG. */
  Kind paramKind;
  /** Past the bound: every dotless segment here is the parameter. */
  boolean collapsed;
  final TreeMap<String, EndpointStats> methods = new TreeMap<>();

  /** The node of {@code segment} below this one, created as needed. */
  PathNode child(String segment, InferOptions o) {
    if (Segments.isId(segment) || segment.equals(EndpointMatcher.ANY_SEGMENT)) {
      return param(Kind.ID);
    }
    boolean value = Segments.mayBeValue(segment);
    if (collapsed && value) {
      return param(Kind.SLUG);
    }
    PathNode c = literals.get(segment);
    if (c != null) {
      return c;
    }
    if (literals.size() >= 4L * o.maxPathValues()) {
      // Even file-like segments are values past four times the bound: memory first.
      collapsed = true;
      foldLiterals(o, false);
      return param(Kind.SLUG);
    }
    c = new PathNode();
    literals.put(segment, c);
    if (value && dotless() > o.maxPathValues()) {
      collapsed = true;
      foldLiterals(o, true);
      return param(Kind.SLUG);
    }
    return c;
  }

  PathNode param(Kind kind) {
    if (param == null) {
      param = new PathNode();
    }
    if (paramKind == null || kind == Kind.ID) {
      paramKind = kind;
    }
    return param;
  }

  EndpointStats endpoint(String method) {
    return methods.computeIfAbsent(method, m -> new EndpointStats());
  }

  private long dotless() {
    return literals.keySet().stream().filter(Segments::mayBeValue).count();
  }

  /** Moves literal children into the parameter: the dotless ones, or all of them. */
  private void foldLiterals(InferOptions o, boolean dotlessOnly) {
    Iterator<Map.Entry<String, PathNode>> it = literals.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, PathNode> e = it.next();
      if (!dotlessOnly || Segments.mayBeValue(e.getKey())) {
        param(Kind.SLUG).merge(e.getValue(), o);
        it.remove();
      }
    }
  }

  /** Adds another tree (another worker's) into this one. */
  void merge(PathNode other, InferOptions o) {
    other.methods.forEach((m, s) -> endpoint(m).merge(s, o));
    for (Map.Entry<String, PathNode> e : other.literals.entrySet()) {
      PathNode mine = literals.get(e.getKey());
      if (mine == null) {
        literals.put(e.getKey(), mine = new PathNode());
      }
      mine.merge(e.getValue(), o);
    }
    if (other.param != null) {
      param(other.paramKind).merge(other.param, o);
    }
    collapsed |= other.collapsed;
    if (literals.size() > 4L * o.maxPathValues()) {
      collapsed = true;
      foldLiterals(o, false);
    } else if (collapsed || dotless() > o.maxPathValues()) {
      collapsed = true;
      foldLiterals(o, true);
    }
  }

  /** Turns groups of slug siblings into the parameter, from the root down. */
  void templateSlugs(InferOptions o) {
    long slugs = literals.keySet().stream().filter(Segments::isSlug).count();
    if (slugs >= o.minSlugValues()) {
      Iterator<Map.Entry<String, PathNode>> it = literals.entrySet().iterator();
      List<PathNode> moved = new ArrayList<>();
      while (it.hasNext()) {
        Map.Entry<String, PathNode> e = it.next();
        if (Segments.isSlug(e.getKey())) {
          moved.add(e.getValue());
          it.remove();
        }
      }
      PathNode p = param(Kind.SLUG);
      moved.forEach(n -> p.merge(n, o));
    }
    literals.values().forEach(n -> n.templateSlugs(o));
    if (param != null) {
      param.templateSlugs(o);
    }
  }

  /** One template with its endpoint stats: segments, with parameters as {@code null} plus their kind. */
  record Route(List<String> segments, List<Kind> kinds, String method, EndpointStats stats) {}

  /** Every route below this node, literal segments in sorted order, the parameter last. */
  void routes(List<String> prefix, List<Kind> kinds, List<Route> out) {
    methods.forEach((m, s) -> out.add(new Route(new ArrayList<>(prefix), new ArrayList<>(kinds), m, s)));
    for (Map.Entry<String, PathNode> e : literals.entrySet()) {
      prefix.add(e.getKey());
      kinds.add(null);
      e.getValue().routes(prefix, kinds, out);
      prefix.remove(prefix.size() - 1);
      kinds.remove(kinds.size() - 1);
    }
    if (param != null) {
      prefix.add(null);
      kinds.add(paramKind);
      param.routes(prefix, kinds, out);
      prefix.remove(prefix.size() - 1);
      kinds.remove(kinds.size() - 1);
    }
  }
}
