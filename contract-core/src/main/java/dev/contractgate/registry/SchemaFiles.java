package dev.contractgate.registry;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The schema files of a tree, read on demand as endpoints name them and then every file their references
 * reach. Each file is read once, and every {@code $ref} in it is checked before anything is compiled, so a
 * broken or remote reference never reaches the validator.
 *
 * <p>Nothing here recurses along references: files wait in a queue, so a chain of references through any
 * number of files loads. What validation would have to follow in place (a {@code $ref}, {@code allOf},
 * {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else}, {@code dependentSchemas}:
 * the same value checked against another schema) is collected on the way and measured by {@link InPlace}.
 */
final class SchemaFiles {

  private static final Set<String> IN_PLACE_ONE = Set.of("not", "if", "then", "else");
  private static final Set<String> IN_PLACE_LISTS = Set.of("allOf", "anyOf", "oneOf");

  private final TreeFiles files;
  private final Map<String, LocatedDocument> documents = new TreeMap<>();
  private final SchemaIds ids = new SchemaIds(f -> {
    LocatedDocument d = document(f);
    return d == null ? null : d.root();
  });
  private final Deque<LocatedDocument> unchecked = new ArrayDeque<>();
  private final InPlace inPlace = new InPlace(documents);
  private boolean checking;

  SchemaFiles(TreeFiles files) {
    this.files = files;
  }

  TreeFiles files() {
    return files;
  }

  /** Every file read so far, by tree-relative path. */
  Map<String, LocatedDocument> documents() {
    return documents;
  }

  /** Measures the chains of in-place schemas over every file read; call once, after the last file. */
  void checkInPlaceChains() {
    inPlace.check();
  }

  /** The file with its references checked, loading what they reach; null if it does not exist. */
  LocatedDocument document(String file) {
    LocatedDocument doc = read(file);
    if (doc == null || checking) {
      return doc;
    }
    checking = true;
    try {
      while (!unchecked.isEmpty()) {
        checkReferences(unchecked.poll());
      }
    } finally {
      checking = false;
    }
    return doc;
  }

  /** Why {@link #document} found no file: "not found", or what is there instead. */
  String absence(String file) {
    Path p = TreeFiles.resolveInTree(files.root(), file);
    TreeFiles.Kind kind = files.kind(file, p);
    return kind == TreeFiles.Kind.MISSING ? "not found" : TreeFiles.describe(kind);
  }

  /** Reads and registers a file, its references left for the queue; null if there is no such file. */
  private LocatedDocument read(String file) {
    LocatedDocument known = documents.get(file);
    if (known != null) {
      return known;
    }
    Path p = TreeFiles.resolveInTree(files.root(), file);
    if (p == null || files.kind(file, p) != TreeFiles.Kind.FILE) {
      return null;
    }
    LocatedDocument doc = files.parse(file, p);
    SchemaChecks.check(doc);
    // Registered before its references are followed, so that a cycle between files ends here.
    documents.put(file, doc);
    unchecked.add(doc);
    return doc;
  }

  private void checkReferences(LocatedDocument doc) {
    SchemaChecks.walk(doc, (ptr, node) -> {
      JsonNode id = node.get("$id");
      if (id != null && !ptr.isEmpty() && id.isString() && Refs.isRemote(id.asString())) {
        throw Fields.error(doc, ptr + "/$id", "a relative $id below the root of a schema file",
            "\"" + id.asString() + "\"",
            "write the $id relative to the file's own (\"address\"), or move the subschema into its own file");
      }
      SourceLocation here = new SourceLocation(doc.file(), ptr);
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        inPlace.edge(here, checkReference(doc, ptr + "/$ref", ref.asString()));
      }
      for (String dynamic : List.of("$dynamicRef", "$recursiveRef")) {
        JsonNode d = node.get(dynamic);
        if (d != null && d.isString() && Refs.isRemote(d.asString())) {
          throw refError(doc, ptr + "/" + dynamic, d.asString(), "a remote reference",
              "$ref and $dynamicRef resolve only inside the contract tree; copy the schema into the tree");
        }
      }
      inPlaceChildren(here, node);
    });
  }

  private void inPlaceChildren(SourceLocation here, JsonNode node) {
    for (String k : IN_PLACE_ONE) {
      JsonNode v = node.get(k);
      if (v != null && v.isObject()) {
        inPlace.edge(here, here.child(k));
      }
    }
    for (String k : IN_PLACE_LISTS) {
      JsonNode v = node.get(k);
      if (v != null && v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isObject()) {
            inPlace.edge(here, here.child(k).child(i));
          }
        }
      }
    }
    JsonNode ds = node.get("dependentSchemas");
    if (ds != null && ds.isObject()) {
      for (Map.Entry<String, JsonNode> e : ds.properties()) {
        if (e.getValue().isObject()) {
          inPlace.edge(here, here.child("dependentSchemas").child(e.getKey()));
        }
      }
    }
  }

  /** Checks one reference and returns where it leads. */
  private SourceLocation checkReference(LocatedDocument doc, String refPointer, String ref) {
    SourceLocation target;
    try {
      // an absolute $ref is refused even where it names the file's own $id: the validator sees no root $id
      target = Refs.isRemote(ref) ? Refs.resolve(new SourceLocation(doc.file(), refPointer), ref)
          : ids.resolve(new SourceLocation(doc.file(), refPointer), ref);
    } catch (Refs.RefException e) {
      throw refError(doc, refPointer, ref, e.getMessage(), e.hint());
    }
    LocatedDocument targetDoc = target.file().equals(doc.file()) ? doc : read(target.file());
    if (targetDoc == null) {
      String absence = absence(target.file());
      throw refError(doc, refPointer, ref, absence.equals("not found")
              ? "a file that does not exist (" + target.file() + ")" : absence + " (" + target.file() + ")",
          "create the file or fix the path; it is relative to " + doc.file());
    }
    if (targetDoc.at(target.pointer()).isMissingNode()) {
      throw refError(doc, refPointer, ref, "a pointer that does not exist in " + target.file(),
          "fix the fragment after '#'; it must name an existing schema such as #/$defs/Name");
    }
    // A chain of bare $refs that returns to its start never reaches a schema. The walk is bounded: a longer
    // chain is reported by InPlace, which measures every chain once.
    Set<SourceLocation> seen = new HashSet<>();
    SourceLocation cur = target;
    LocatedDocument curDoc = targetDoc;
    for (int steps = 0; steps <= InPlace.MAX_DEPTH; steps++) {
      JsonNode n = curDoc.at(cur.pointer());
      if (!n.isObject() || n.size() != 1 || !n.has("$ref") || !n.get("$ref").isString()) {
        break;
      }
      if (!seen.add(cur)) {
        throw refError(doc, refPointer, ref, "a cycle of references that never reaches a schema",
            "one of the schemas in the cycle must define something besides $ref");
      }
      try {
        cur = ids.resolve(new SourceLocation(cur.file(), cur.pointer()), n.get("$ref").asString());
      } catch (Refs.RefException e) {
        break; // reported when that document is checked
      }
      curDoc = cur.file().equals(doc.file()) ? doc : documents.get(cur.file());
      if (curDoc == null) {
        break; // loaded and checked on its own
      }
    }
    return target;
  }

  private static ContractException refError(LocatedDocument doc, String pointer, String ref, String actual, String hint) {
    String where = doc.position(pointer);
    return ContractException.builder("Cannot load contract", doc.file())
        .at(where.isEmpty() ? pointer : where + ", at " + pointer)
        .expected("a $ref to a schema inside the contract tree")
        .butWas("\"" + ref + "\": " + actual)
        .hint(hint)
        .build();
  }

  /**
   * The chains of schemas that validation follows without descending into the value: each level costs the
   * validator stack, and a cycle of them never ends. Longest chains are measured without recursion, once per
   * schema, over every file read (docs/limits.md).
   */
  static final class InPlace {
    /** The most in-place levels in a row, counting each schema on the way (docs/limits.md). */
    static final int MAX_DEPTH = LocatedDocument.MAX_DEPTH;

    private final Map<String, LocatedDocument> documents;
    private final Map<SourceLocation, List<SourceLocation>> edges = new HashMap<>();

    InPlace(Map<String, LocatedDocument> documents) {
      this.documents = documents;
    }

    void edge(SourceLocation from, SourceLocation to) {
      edges.computeIfAbsent(from, k -> new ArrayList<>(2)).add(to);
    }

    /** Throws for a cycle, or for a chain longer than {@link #MAX_DEPTH}. */
    void check() {
      Map<SourceLocation, Integer> depth = new HashMap<>();
      Set<SourceLocation> onPath = new HashSet<>();
      List<SourceLocation> starts = new ArrayList<>(edges.keySet());
      starts.sort(null); // the same first problem on every machine
      for (SourceLocation start : starts) {
        if (depth.containsKey(start)) {
          continue;
        }
        // Iterative depth-first walk: each frame is a node and the index of its next edge.
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {start, 0});
        onPath.add(start);
        while (!stack.isEmpty()) {
          Object[] top = stack.peek();
          SourceLocation node = (SourceLocation) top[0];
          List<SourceLocation> out = edges.getOrDefault(node, List.of());
          int i = (Integer) top[1];
          if (i < out.size()) {
            top[1] = i + 1;
            SourceLocation next = out.get(i);
            if (onPath.contains(next)) {
              throw cycle(node, next);
            }
            if (!depth.containsKey(next)) {
              stack.push(new Object[] {next, 0});
              onPath.add(next);
              if (stack.size() > MAX_DEPTH) {
                throw tooLong(start, stack.size());
              }
            }
            continue;
          }
          int d = 1;
          for (SourceLocation next : out) {
            d = Math.max(d, 1 + depth.get(next));
          }
          if (d > MAX_DEPTH) {
            throw tooLong(node, d);
          }
          depth.put(node, d);
          onPath.remove(node);
          stack.pop();
        }
      }
    }

    private ContractException cycle(SourceLocation from, SourceLocation back) {
      LocatedDocument doc = documents.get(from.file());
      return SchemaChecks.error("Cannot load contract", doc, from.pointer(),
          "$ref, allOf, anyOf, oneOf, not, if, then and else that reach a schema without coming back",
          "a cycle back to " + back + " that never descends into the value",
          "validation would never end; let the recursion go through properties or items (a tree of nodes),"
              + " not through the same value again");
    }

    private ContractException tooLong(SourceLocation from, int levels) {
      LocatedDocument doc = documents.get(from.file());
      return SchemaChecks.error("Cannot load contract", doc, from.pointer(),
          "at most " + MAX_DEPTH + " levels of $ref, allOf, anyOf, oneOf, not, if, then, else and dependentSchemas"
              + " in a row (docs/limits.md)",
          "a chain of " + (levels > MAX_DEPTH ? "more than " + MAX_DEPTH : levels) + " levels from here",
          "refer to the schema at the end of the chain directly instead of through every step");
    }
  }
}
