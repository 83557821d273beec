package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A parsed JSON or YAML document that remembers the line and column of every value, so that errors found
 * later (by JSON pointer) can still name the line a person has to edit.
 *
 * <p>The tree is built with an explicit stack rather than recursion, so nesting depth is bounded by the
 * parser's {@link StreamReadConstraints}, not by the thread's stack. Duplicate keys are an error naming both
 * lines: real files contain them and silently keeping one of the two hides a bug.
 */
@API(status = INTERNAL, since = "0.1")
public final class LocatedDocument {

  /** How the bytes are encoded. */
  public enum Syntax {
    JSON,
    YAML;

    public static Syntax forFile(String file) {
      String f = file.toLowerCase(java.util.Locale.ROOT);
      return f.endsWith(".yaml") || f.endsWith(".yml") ? YAML : JSON;
    }
  }

  private static final int DEFAULT_MAX_DEPTH = 1000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String file;
  private final JsonNode root;
  private final Map<String, long[]> positions;

  private LocatedDocument(String file, JsonNode root, Map<String, long[]> positions) {
    this.file = file;
    this.root = root;
    this.positions = positions;
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The node at {@code pointer}, or a missing node. */
  public JsonNode at(String pointer) {
    return pointer.isEmpty() ? root : root.at(pointer);
  }

  /**
   * {@code "line 7, column 5"} for the value at {@code pointer}, falling back to the nearest ancestor that
   * has a position; empty when nothing is known.
   */
  public String position(String pointer) {
    String p = pointer;
    while (true) {
      long[] pos = positions.get(p);
      if (pos != null) {
        return "line " + pos[0] + ", column " + pos[1];
      }
      if (p.isEmpty()) {
        return "";
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** Parses a document, tracking positions. */
  public static LocatedDocument parse(String file, InputStream in, Syntax syntax) {
    return parse(file, in, syntax, DEFAULT_MAX_DEPTH);
  }

  /** Parses a document with an explicit nesting limit. */
  public static LocatedDocument parse(String file, InputStream in, Syntax syntax, int maxDepth) {
    return parse(file, in, syntax, maxDepth, true);
  }

  /**
   * Parses a document, optionally without the position of every value. Without positions, a multi-megabyte
   * document costs only its tree: {@link #position} then answers empty, but a duplicate key is still
   * refused with both lines (each open object remembers its keys' lines until it closes).
   */
  public static LocatedDocument parse(String file, InputStream in, Syntax syntax, int maxDepth, boolean positions) {
    return parse(file, in, syntax, maxDepth, positions ? new HashMap<>() : null);
  }

  private static LocatedDocument parse(
      String file, InputStream in, Syntax syntax, int maxDepth, Map<String, long[]> positions) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            // Real API descriptions run to many megabytes; the defaults would refuse them.
            .maxDocumentLength(-1L)
            .maxStringLength(Integer.MAX_VALUE)
            .build();
    TokenStreamFactory factory =
        syntax == Syntax.YAML
            ? YAMLFactory.builder()
                .streamReadConstraints(constraints)
                // SnakeYAML Engine stops at 3 MB of code points by default; real descriptions are larger.
                .loadSettings(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setAllowDuplicateKeys(true).build())
                .build()
            : JsonFactory.builder().streamReadConstraints(constraints).build();
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), in)) {
      JsonNode root = build(file, p, positions, syntax);
      if (root == null) {
        throw ContractException.builder("Cannot read " + kind(syntax), file)
            .expected("a " + kind(syntax) + " document")
            .butWas("an empty file")
            .hint("write the document, or delete the file if it is not needed")
            .build();
      }
      if (p.nextToken() != null) {
        TokenStreamLocation loc = p.currentTokenLocation();
        throw ContractException.builder("Cannot read " + kind(syntax), file)
            .at(lineCol(loc))
            .expected("one " + kind(syntax) + " value")
            .butWas("more content after the end of the first value")
            .hint("a file holds exactly one document; remove the trailing content")
            .build();
      }
      return new LocatedDocument(file, root, positions == null ? Map.of() : positions);
    } catch (StreamConstraintsException e) {
      throw ContractException.builder("Cannot read " + kind(syntax), file)
          .at(lineCol(e.getLocation()))
          .expected("at most " + maxDepth + " levels of nesting")
          .butWas("a deeper document (" + e.getOriginalMessage() + ")")
          .hint("flatten the document or raise the nesting limit")
          .build();
    } catch (JacksonException e) {
      throw ContractException.builder("Cannot read " + kind(syntax), file)
          .at(lineCol(e.getLocation()))
          .expected("well-formed " + kind(syntax))
          .butWas(firstLine(e.getOriginalMessage()))
          .hint(syntax == Syntax.YAML
              ? "check indentation and quoting around this line (a ':' or '#' inside a value needs quotes)"
              : "check for a missing comma, quote or bracket just before this position")
          .cause(e)
          .build();
    }
  }

  private static JsonNode build(String file, JsonParser p, Map<String, long[]> positions, Syntax syntax) {
    // Each frame: the container, its pointer (null without positions), the pending key, and without
    // positions the lines of the keys seen so far in this object.
    boolean track = positions != null;
    Deque<Object[]> stack = new ArrayDeque<>();
    JsonNode root = null;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      if (t == JsonToken.PROPERTY_NAME) {
        Object[] top = stack.peek();
        ObjectNode obj = (ObjectNode) top[0];
        String name = p.currentName();
        TokenStreamLocation loc = p.currentTokenLocation();
        if (obj.has(name)) {
          long firstLine;
          if (track) {
            long[] first = positions.get(top[1] + "/" + SourceLocation.escape(name));
            firstLine = first == null ? -1 : first[0];
          } else {
            @SuppressWarnings("unchecked")
            Map<String, Long> lines = (Map<String, Long>) top[3];
            firstLine = lines.getOrDefault(name, -1L);
          }
          throw ContractException.builder("Cannot read " + kind(syntax), file)
              .at(lineCol(loc))
              .expected("each key once per object")
              .butWas("key \"" + name + "\" a second time (first at line " + (firstLine < 0 ? "?" : firstLine) + ")")
              .hint("remove one of the two; which one wins is not defined, so Contract Gate refuses to guess")
              .build();
        }
        if (!track) {
          @SuppressWarnings("unchecked")
          Map<String, Long> lines = (Map<String, Long>) top[3];
          lines.put(name, (long) loc.getLineNr());
        }
        top[2] = name;
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        stack.pop();
        if (stack.isEmpty()) {
          return root; // the first value is complete; the caller checks that nothing follows it
        }
        continue;
      }
      String pointer = null;
      Object[] parent = stack.peek();
      JsonNode node;
      switch (t) {
        case START_OBJECT -> node = NODES.objectNode();
        case START_ARRAY -> node = NODES.arrayNode();
        case VALUE_STRING -> node = NODES.stringNode(p.getString());
        case VALUE_NUMBER_INT -> node = intNode(p);
        case VALUE_NUMBER_FLOAT -> node = NODES.numberNode(p.getDecimalValue());
        case VALUE_TRUE -> node = NODES.booleanNode(true);
        case VALUE_FALSE -> node = NODES.booleanNode(false);
        case VALUE_NULL -> node = NODES.nullNode();
        default -> node = NODES.pojoNode(p.getText());
      }
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
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        stack.push(new Object[] {node, pointer, null, !track && t == JsonToken.START_OBJECT ? new HashMap<String, Long>() : null});
      } else if (parent == null) {
        return root; // a scalar document
      }
    }
    return root;
  }

  private static JsonNode intNode(JsonParser p) {
    return switch (p.getNumberType()) {
      case INT -> NODES.numberNode(p.getIntValue());
      case LONG -> NODES.numberNode(p.getLongValue());
      default -> NODES.numberNode(p.getBigIntegerValue());
    };
  }

  static String kind(Syntax syntax) {
    return syntax == Syntax.YAML ? "YAML" : "JSON";
  }

  static String lineCol(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return "";
    }
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable content";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
