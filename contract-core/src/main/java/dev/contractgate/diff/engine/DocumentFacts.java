package dev.contractgate.diff.engine;

import dev.contractgate.registry.Refs;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What the engine asks of a whole document, read in one walk and remembered per file by its {@link Side}:
 * whether it is too deep for the validator (see {@code Witnesses}), whether it uses a keyword the validator
 * reads otherwise than the engine (see {@code SecondOpinion}), and which other files its references name.
 * Each question used to walk every document again; on a large description those walks were a fifth of the
 * comparison.
 *
 * @param deep whether a value sits more than {@link #MAX_DEPTH} levels down (the document is level 1)
 * @param foreign whether some object has a boolean {@code nullable}, {@code exclusiveMinimum} or
 *     {@code exclusiveMaximum}
 * @param scoped whether an {@code $id}, {@code id} or anchor is written anywhere (data included: a document
 *     without any needs no reference index)
 * @param files the tree-relative files its references name, other than itself, in order of their names
 */
record DocumentFacts(boolean deep, boolean foreign, boolean scoped, List<String> files) {

  /** Levels the validator and the serializer may recurse through. */
  static final int MAX_DEPTH = 300;

  private static final Set<String> FOREIGN = Set.of("nullable", "exclusiveMinimum", "exclusiveMaximum");
  private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");
  private static final Set<String> SCOPES = Set.of("$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor");

  static DocumentFacts of(String file, JsonNode doc) {
    boolean deep = false;
    boolean foreign = false;
    boolean scoped = false;
    Set<String> files = new TreeSet<>();
    ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
    ArrayDeque<Integer> levels = new ArrayDeque<>();
    nodes.push(doc);
    levels.push(1);
    while (!nodes.isEmpty()) {
      JsonNode n = nodes.pop();
      int level = levels.pop();
      if (n.isEmpty()) {
        continue;
      }
      deep |= level >= MAX_DEPTH; // a member or an element one level further down
      if (n.isObject()) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          JsonNode v = e.getValue();
          if (v.isContainer()) {
            nodes.push(v);
            levels.push(level + 1);
          } else if (v.isBoolean()) {
            foreign |= FOREIGN.contains(e.getKey());
          } else if (v.isString() && SCOPES.contains(e.getKey())) {
            scoped = true;
          } else if (v.isString() && REFERENCES.contains(e.getKey()) && !v.stringValue().startsWith("#")) {
            try {
              String other = Refs.resolve(SourceLocation.of(file), v.stringValue()).file();
              if (!other.equals(file)) {
                files.add(other);
              }
            } catch (RuntimeException ex) {
              // a reference that leaves the tree or is remote: the comparison reports it where it matters
            }
          }
        }
      } else if (n.isArray()) {
        for (JsonNode v : n.values()) {
          if (v.isContainer()) {
            nodes.push(v);
            levels.push(level + 1);
          }
        }
      }
    }
    return new DocumentFacts(deep, foreign, scoped, List.copyOf(files));
  }
}
