package dev.contractgate.registry;

import static dev.contractgate.registry.LocatedDocument.MAX_ALIAS_VALUES;
import static dev.contractgate.registry.LocatedDocument.NODES;
import static dev.contractgate.registry.LocatedDocument.intNode;
import static dev.contractgate.registry.LocatedDocument.kind;
import static dev.contractgate.registry.LocatedDocument.lineCol;

import dev.contractgate.registry.LocatedDocument.Syntax;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Builds the tree from the token stream with an explicit stack. YAML aliases are expanded here (Jackson
 * hands an alias over as a string holding the anchor's name): each is a copy of the anchored value, and all
 * copies of one file together may hold at most {@link LocatedDocument#MAX_ALIAS_VALUES} values (docs/limits.md).
 */
final class TreeBuilder {
  private final String file;
  private final JsonParser p;
  private final Map<String, long[]> positions;
  private final Syntax syntax;
  private final int maxDepth;
  private final boolean track;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final Map<String, Long> anchorSizes = new HashMap<>();
  private long aliasValues;

  TreeBuilder(String file, JsonParser p, Map<String, long[]> positions, Syntax syntax, int maxDepth) {
    this.file = file;
    this.p = p;
    this.positions = positions;
    this.syntax = syntax;
    this.maxDepth = maxDepth;
    this.track = positions != null;
  }

  // Each frame: the container, its pointer (null without positions), the pending key, an unused slot, and the
  // container's YAML anchor (or null).
  JsonNode build() {
    Deque<Object[]> stack = new ArrayDeque<>();
    JsonNode root = null;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      if (t == JsonToken.PROPERTY_NAME) {
        propertyName(stack.peek());
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        Object[] done = stack.pop();
        if (done[4] != null) {
          anchors.put((String) done[4], (JsonNode) done[0]);
        }
        if (stack.isEmpty()) {
          return root; // the first value is complete; the caller checks that nothing follows it
        }
        continue;
      }
      String pointer = null;
      Object[] parent = stack.peek();
      JsonNode node = t.isScalarValue() && isAlias() ? alias(stack) : value(t);
      if (parent == null) {
        pointer = "";
        root = node;
      } else if (parent[0] instanceof ObjectNode obj) {
        String name = (String) parent[2];
        if (track) {
          pointer = parent[1] + "/" + SourceLocation.escape(name);
        }
        obj.set(name, node);
      } else {
        ArrayNode arr = (ArrayNode) parent[0];
        if (track) {
          pointer = parent[1] + "/" + arr.size();
        }
        arr.add(node);
      }
      if (track) {
        TokenStreamLocation loc = p.currentTokenLocation();
        positions.put(pointer, new long[] {loc.getLineNr(), loc.getColumnNr()});
      }
      String anchor = anchor();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        if (stack.size() >= maxDepth) {
          throw tooDeep(stack);
        }
        stack.push(new Object[] {node, pointer, null, null, anchor});
      } else {
        if (anchor != null) {
          anchors.put(anchor, node);
        }
        if (parent == null) {
          return root; // a scalar document
        }
      }
    }
    return root;
  }

  private void propertyName(Object[] top) {
    ObjectNode obj = (ObjectNode) top[0];
    String name = p.currentName();
    if (obj.has(name)) {
      if (!track) {
        // Rare, and an error: the caller reads the file again with positions to name both lines. Keeping the
        // line of every key of every open object instead cost a map per object on every large description.
        throw DuplicateKey.INSTANCE;
      }
      long[] first = positions.get(top[1] + "/" + SourceLocation.escape(name));
      long firstLine = first == null ? -1 : first[0];
      throw ContractException.builder("Cannot read " + kind(syntax), file)
          .at(lineCol(p.currentTokenLocation()))
          .expected("each key once per object")
          .butWas("key \"" + name + "\" a second time (first at line " + (firstLine < 0 ? "?" : firstLine) + ")")
          .hint("remove one of the two; which one wins is not defined, so Contract Gate refuses to guess")
          .build();
    }
    top[2] = name;
  }

  /** A key seen twice while reading without positions; see {@link LocatedDocument}. */
  static final class DuplicateKey extends RuntimeException {
    static final DuplicateKey INSTANCE = new DuplicateKey();

    private DuplicateKey() {
      super("duplicate key", null, false, false);
    }
  }

  private JsonNode value(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> NODES.objectNode();
      case START_ARRAY -> NODES.arrayNode();
      case VALUE_STRING -> NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT -> intNode(p);
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.pojoNode(p.getText());
    };
  }

  private boolean isAlias() {
    return p instanceof YAMLParser y && y.isCurrentAlias();
  }

  private String anchor() {
    if (!(p instanceof YAMLParser y)) {
      return null;
    }
    Object id = y.getObjectId();
    return id == null ? null : id.toString();
  }

  private JsonNode alias(Deque<Object[]> stack) {
    String name = p.getString();
    TokenStreamLocation loc = p.currentTokenLocation();
    Object[] parent = stack.peek();
    if (parent != null && parent[0] instanceof ObjectNode && "<<".equals(parent[2])) {
      throw aliasError(loc, "a merge key \"<<: *" + name + "\"",
          "write the keys out: merge keys are YAML 1.1 and are not part of YAML 1.2, which Contract Gate reads");
    }
    JsonNode target = anchors.get(name);
    if (target == null) {
      boolean open = stack.stream().anyMatch(f -> name.equals(f[4]));
      throw aliasError(loc, open ? "an alias *" + name + " inside the value it names (a value that contains itself)"
              : "an alias *" + name + " to an anchor that is not defined before it",
          open ? "a document is a tree: copy the part that repeats instead of nesting the value in itself"
              : "define &" + name + " earlier in the file, or fix the name");
    }
    long size = anchorSizes.computeIfAbsent(name, k -> count(target));
    aliasValues += size;
    if (aliasValues > MAX_ALIAS_VALUES) {
      throw aliasError(loc, "aliases that expand to more than " + MAX_ALIAS_VALUES + " values",
          "write the repeated parts out, or share them with $ref in a schema (docs/limits.md)");
    }
    if (stack.size() + depth(target) > maxDepth) {
      throw tooDeep(stack);
    }
    return target.deepCopy();
  }

  private ContractException aliasError(TokenStreamLocation loc, String actual, String hint) {
    return ContractException.builder("Cannot read " + kind(syntax), file)
        .at(lineCol(loc))
        .expected("a YAML alias to a value anchored earlier, expanding to at most " + MAX_ALIAS_VALUES + " values")
        .butWas(actual)
        .hint(hint)
        .build();
  }

  private ContractException tooDeep(Deque<Object[]> stack) {
    TokenStreamLocation loc = p.currentTokenLocation();
    String where = lineCol(loc);
    String pointer = pointerOf(stack);
    return ContractException.builder("Cannot read " + kind(syntax), file)
        .at(where.isEmpty() ? pointer : where + ", at " + pointer)
        .expected("at most " + maxDepth + " levels of nesting (objects and arrays)")
        .butWas("level " + (stack.size() + 1))
        .hint("flatten the document: move deep parts into $defs and refer to them (docs/limits.md)")
        .build();
  }

  /** The pointer of the innermost open container's newest child, shortened in the middle when long. */
  private static String pointerOf(Deque<Object[]> stack) {
    List<String> segments = new ArrayList<>();
    java.util.Iterator<Object[]> it = stack.descendingIterator();
    while (it.hasNext()) {
      Object[] f = it.next();
      if (f[0] instanceof ObjectNode) {
        segments.add(SourceLocation.escape(String.valueOf(f[2])));
      } else {
        segments.add(String.valueOf(((ArrayNode) f[0]).size() - 1));
      }
    }
    if (segments.size() <= 12) {
      return "/" + String.join("/", segments);
    }
    return "/" + String.join("/", segments.subList(0, 6)) + "/.../" + String.join("/",
        segments.subList(segments.size() - 6, segments.size())) + " (" + segments.size() + " segments)";
  }

  /** Values in a tree, counted without recursion. */
  private static long count(JsonNode root) {
    long n = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      n++;
      if (node.isContainer()) {
        for (JsonNode child : node) {
          pending.push(child);
        }
      }
    }
    return n;
  }

  /** Levels of objects and arrays in a tree, counted without recursion. */
  private static int depth(JsonNode root) {
    int max = 0;
    Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
    pending.push(Map.entry(root, root.isContainer() ? 1 : 0));
    while (!pending.isEmpty()) {
      Map.Entry<JsonNode, Integer> e = pending.pop();
      max = Math.max(max, e.getValue());
      for (JsonNode child : e.getKey()) {
        if (child.isContainer()) {
          pending.push(Map.entry(child, e.getValue() + 1));
        }
      }
    }
    return max;
  }
}
