package dev.contractgate.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
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
 */
final class SchemaFiles {

  // Values of these keywords are data: a "$ref" inside an example is not a reference.
  private static final Set<String> DATA_KEYWORDS =
      Set.of("examples", "example", "default", "const", "enum", "$comment");
  // Keywords whose value maps names to schemas: a property called "default" there is a schema, not data.
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

  private final Path root;
  private final Map<String, LocatedDocument> documents = new TreeMap<>();
  private final SchemaIds ids = new SchemaIds(f -> {
    LocatedDocument d = document(f);
    return d == null ? null : d.root();
  });

  SchemaFiles(Path root) {
    this.root = root;
  }

  /** Every file read so far, by tree-relative path. */
  Map<String, LocatedDocument> documents() {
    return documents;
  }

  /** The file with its references checked, loading what they reach; null if it does not exist. */
  LocatedDocument document(String file) {
    LocatedDocument known = documents.get(file);
    if (known != null) {
      return known;
    }
    Path p = TreeFiles.resolveInTree(root, file);
    if (p == null || !Files.isRegularFile(p)) {
      return null;
    }
    LocatedDocument doc = TreeFiles.parse(file, p);
    // Registered before its references are followed, so that a cycle between files ends here.
    documents.put(file, doc);
    checkReferences(doc);
    return doc;
  }

  private void checkReferences(LocatedDocument doc) {
    // Each entry: a pointer, and whether the object there maps names to schemas (properties, $defs ...),
    // in which case its keys are names, not keywords.
    Deque<Map.Entry<String, Boolean>> pending = new ArrayDeque<>();
    pending.push(Map.entry("", false));
    while (!pending.isEmpty()) {
      Map.Entry<String, Boolean> next = pending.pop();
      String ptr = next.getKey();
      JsonNode node = doc.at(ptr);
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          pending.push(Map.entry(ptr + "/" + i, false));
        }
        continue;
      }
      if (!node.isObject()) {
        continue;
      }
      if (next.getValue()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          pending.push(Map.entry(ptr + "/" + SourceLocation.escape(e.getKey()), false));
        }
        continue;
      }
      JsonNode id = node.get("$id");
      if (id != null && !ptr.isEmpty() && id.isString() && Refs.isRemote(id.asString())) {
        throw Fields.error(doc, ptr + "/$id", "a relative $id below the root of a schema file",
            "\"" + id.asString() + "\"",
            "write the $id relative to the file's own (\"address\"), or move the subschema into its own file");
      }
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        checkReference(doc, ptr + "/$ref", ref.asString());
      }
      for (String dynamic : List.of("$dynamicRef", "$recursiveRef")) {
        JsonNode d = node.get(dynamic);
        if (d != null && d.isString() && Refs.isRemote(d.asString())) {
          throw refError(doc, ptr + "/" + dynamic, d.asString(), "a remote reference",
              "$ref and $dynamicRef resolve only inside the contract tree; copy the schema into the tree");
        }
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!DATA_KEYWORDS.contains(e.getKey()) && (e.getValue().isObject() || e.getValue().isArray())) {
          pending.push(Map.entry(ptr + "/" + SourceLocation.escape(e.getKey()), SCHEMA_MAPS.contains(e.getKey())));
        }
      }
    }
  }

  private void checkReference(LocatedDocument doc, String refPointer, String ref) {
    SourceLocation target;
    try {
      // an absolute $ref is refused even where it names the file's own $id: the validator sees no root $id
      target = Refs.isRemote(ref) ? Refs.resolve(new SourceLocation(doc.file(), refPointer), ref)
          : ids.resolve(new SourceLocation(doc.file(), refPointer), ref);
    } catch (Refs.RefException e) {
      throw refError(doc, refPointer, ref, e.getMessage(), e.hint());
    }
    LocatedDocument targetDoc = target.file().equals(doc.file()) ? doc : document(target.file());
    if (targetDoc == null) {
      throw refError(doc, refPointer, ref, "a file that does not exist (" + target.file() + ")",
          "create the file or fix the path; it is relative to " + doc.file());
    }
    if (targetDoc.at(target.pointer()).isMissingNode()) {
      throw refError(doc, refPointer, ref, "a pointer that does not exist in " + target.file(),
          "fix the fragment after '#'; it must name an existing schema such as #/$defs/Name");
    }
    // A chain of bare $refs that returns to its start never reaches a schema.
    Set<SourceLocation> seen = new HashSet<>();
    SourceLocation cur = target;
    LocatedDocument curDoc = targetDoc;
    while (true) {
      JsonNode n = curDoc.at(cur.pointer());
      if (!n.isObject() || n.size() != 1 || !n.has("$ref") || !n.get("$ref").isString()) {
        return;
      }
      if (!seen.add(cur)) {
        throw refError(doc, refPointer, ref, "a cycle of references that never reaches a schema",
            "one of the schemas in the cycle must define something besides $ref");
      }
      try {
        cur = ids.resolve(new SourceLocation(cur.file(), cur.pointer()), n.get("$ref").asString());
      } catch (Refs.RefException e) {
        return; // reported when that document is checked
      }
      curDoc = cur.file().equals(doc.file()) ? doc : documents.get(cur.file());
      if (curDoc == null) {
        return; // loaded and checked on its own
      }
    }
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
}
