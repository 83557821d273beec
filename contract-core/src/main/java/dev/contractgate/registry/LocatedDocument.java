package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A parsed JSON or YAML document that remembers the line and column of every value, so that errors found
 * later (by JSON pointer) can still name the line a person has to edit.
 *
 * <p>The tree is built with an explicit stack rather than recursion, and nesting deeper than {@link #MAX_DEPTH}
 * is refused with the line and the pointer. Bytes that are not UTF-8 are refused with the line and column of
 * the first bad one. YAML aliases are expanded, within {@link #MAX_ALIAS_VALUES} values per file. Duplicate keys are an error naming both
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

  /**
   * The most levels of objects and arrays any document we read may nest (the root counts as one): the
   * limit of the JSON writer and of networknt's reader, so that a document that loads can also be compiled,
   * validated and written out again (docs/limits.md). A smaller limit may be asked for; a larger one is capped.
   */
  public static final int MAX_DEPTH = 500;

  /** The most values the YAML aliases of one file may expand to, all copies together (docs/limits.md). */
  public static final long MAX_ALIAS_VALUES = 100_000;

  private static final int DEFAULT_MAX_DEPTH = MAX_DEPTH;
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String file;
  private final JsonNode root;
  private Map<String, long[]> positions;
  /** For positions on demand: what to read again, with positions, the first time one is asked for. */
  private byte[] unread;
  private Syntax syntax;
  private int maxDepth;

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
  public synchronized String position(String pointer) {
    if (unread != null) {
      positions = parse(file, new ByteArrayInputStream(unread), syntax, maxDepth, new HashMap<>()).positions;
      unread = null;
    }
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

  /**
   * Parses a document without positions, and keeps its bytes to read it again with positions the first time
   * {@link #position} is asked: where positions serve only error messages (an OpenAPI description), a
   * successful read does not pay for them (recording them made reading a 3.5 MB description three times
   * slower).
   */
  public static LocatedDocument parseWithPositionsOnDemand(String file, InputStream in, Syntax syntax,
      int maxDepth) {
    byte[] bytes = readAll(file, in, syntax);
    LocatedDocument doc = parse(file, new ByteArrayInputStream(bytes), syntax, maxDepth, null);
    doc.unread = bytes;
    doc.syntax = syntax;
    doc.maxDepth = maxDepth;
    return doc;
  }

  private static byte[] readAll(String file, InputStream in, Syntax syntax) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw ContractException.builder("Cannot read " + kind(syntax), file)
          .expected("a readable file")
          .butWas(e.getClass().getSimpleName())
          .hint("check the file's permissions")
          .build();
    }
  }

  private static LocatedDocument parse(
      String file, InputStream in, Syntax syntax, int requestedDepth, Map<String, long[]> positions) {
    int maxDepth = Math.max(1, Math.min(requestedDepth, MAX_DEPTH));
    byte[] bytes = readAll(file, in, syntax);
    checkUtf8(file, bytes, syntax);
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            // One more than ours, so that build() sees the level that is too deep and names its pointer.
            .maxNestingDepth(maxDepth + 1)
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
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(bytes))) {
      JsonNode root;
      try {
        root = new TreeBuilder(file, p, positions, syntax, maxDepth).build();
      } catch (TreeBuilder.DuplicateKey e) {
        // read again with positions: that read refuses the same key with the lines of both
        return parse(file, new ByteArrayInputStream(bytes), syntax, requestedDepth, new HashMap<>());
      }
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
          .hint("flatten the document: move deep parts into $defs and refer to them (docs/limits.md)")
          .build();
    } catch (JacksonException e) {
      MarkedYamlEngineException yaml = yamlCause(e);
      if (yaml != null && yaml.getProblem() != null) {
        throw yamlError(file, yaml, e);
      }
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

  private static MarkedYamlEngineException yamlCause(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof MarkedYamlEngineException m) {
        return m;
      }
    }
    return null;
  }

  /**
   * SnakeYAML says what is wrong in {@code problem} at {@code problemMark}; its {@code context} ("while parsing a
   * block mapping") only says what it was reading, and where that started. Both are kept, the problem first.
   */
  private static ContractException yamlError(String file, MarkedYamlEngineException m, Throwable cause) {
    String where = m.getProblemMark().or(m::getContextMark)
        .map(mark -> "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)).orElse("");
    String actual = m.getProblem().strip();
    if (m.getContext() != null && !m.getContext().isBlank()) {
      actual += " (" + m.getContext().strip()
          + m.getContextMark().map(mark -> " started at line " + (mark.getLine() + 1) + ", column "
              + (mark.getColumn() + 1)).orElse("") + ")";
    }
    return ContractException.builder("Cannot read YAML", file)
        .at(where)
        .expected("well-formed YAML")
        .butWas(actual)
        .hint("check indentation and quoting around this line (a ':' or '#' inside a value needs quotes)")
        .cause(cause)
        .build();
  }

  /**
   * Refuses bytes that are not UTF-8, naming the line and column of the first bad byte: the parsers would
   * report it at the start of the file or not at all. Files that start with a UTF-16 or UTF-32 byte-order
   * mark are left to the JSON parser, which detects those encodings.
   */
  private static void checkUtf8(String file, byte[] b, Syntax syntax) {
    if (b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
        || (b[0] == 0 && syntax == Syntax.JSON))) {
      return;
    }
    // Line and column are counted only for the error: tracking them for every byte made this check a visible
    // share of reading a multi-megabyte description.
    int i = 0;
    while (i < b.length) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int c = b[i] & 0xFF;
      int extra;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        min = 0x10000;
      } else {
        throw notUtf8(file, syntax, b, i, c);
      }
      int cp = c & (0x3F >> extra);
      for (int k = 1; k <= extra; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          throw notUtf8(file, syntax, b, i, c);
        }
        cp = (cp << 6) | (b[i + k] & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        throw notUtf8(file, syntax, b, i, c);
      }
      i += extra + 1;
    }
  }

  /** The error for the sequence at {@code at}: its line, and its column counted in characters. */
  private static ContractException notUtf8(String file, Syntax syntax, byte[] b, int at, int firstByte) {
    long line = 1;
    long column = 1;
    for (int k = 0; k < at; k++) {
      if (b[k] == '\n') {
        line++;
        column = 1;
      } else if ((b[k] & 0xC0) != 0x80) {
        column++;
      }
    }
    return ContractException.builder("Cannot read " + kind(syntax), file)
        .at("line " + line + ", column " + column)
        .expected("UTF-8 text")
        .butWas(String.format(java.util.Locale.ROOT, "a byte sequence that is not UTF-8 (starting with 0x%02X)", firstByte))
        .hint("save the file as UTF-8; in an editor, re-type the character at this position")
        .build();
  }

  static JsonNode intNode(JsonParser p) {
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
