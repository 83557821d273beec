package dev.contractgate.diff.engine;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.contractgate.registry.SourceLocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a witness for a finding: a whole instance, from the root, that the accepting version validates and
 * the other rejects. Candidates are small (the minimal instance of each schema on the way, with the
 * difference planted at the finding's path) and every one is checked with the real validator, so a witness
 * is evidence, never a guess. Anything the builder does not understand yields no witness.
 */
final class Witnesses {

  private static final String BASE = "https://contract-gate.invalid/";
  private static final int MAX_DEPTH = 40;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Side so;
  private final Side sn;
  private final SourceLocation oldRoot;
  private final SourceLocation newRoot;
  private Schema oldSchema;
  private Schema newSchema;
  private boolean broken;

  Witnesses(Side so, Side sn, SourceLocation oldRoot, SourceLocation newRoot) {
    this.so = so;
    this.sn = sn;
    this.oldRoot = oldRoot;
    this.newRoot = newRoot;
  }

  /** Witnesses built per side pair; past it findings come without one (each costs a validation run). */
  static final int MAX_WITNESSES = 100;

  Optional<JsonNode> build(Finding f) {
    if (f.hint == null || f.kind.relation() == dev.contractgate.diff.Relation.UNKNOWN) {
      return Optional.empty();
    }
    // Bounded so that a change in a hub component of a large description, reached from hundreds of places,
    // does not validate hundreds of instances against multi-megabyte schemas: the first ones make the point.
    if (so.witnessesBuilt++ >= MAX_WITNESSES) {
      return Optional.empty();
    }
    boolean newAccepts = f.kind.relation() != dev.contractgate.diff.Relation.NARROWER;
    Side side = newAccepts ? sn : so;
    if (tooDeep()) {
      // the validator and the serializer recurse along the document; very deep documents get no witness
      return Optional.empty();
    }
    try {
      Findings.Visit v = f.at;
      JsonNode value = local(f.hint, side, newAccepts ? v.pair().n : v.pair().o);
      if (value == null) {
        return Optional.empty();
      }
      int steps = 0;
      while (v.parent() != null && value != null) {
        if (++steps > MAX_DEPTH) {
          return Optional.empty();
        }
        Node holder = newAccepts ? v.parent().pair().n : v.parent().pair().o;
        value = wrap(side, holder, v.segment(), value);
        v = v.parent();
      }
      if (value == null || !accepts(true, newAccepts, value) || accepts(false, newAccepts, value)) {
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (RuntimeException | StackOverflowError e) {
      // A witness is a bonus: a schema the builder or the third-party validator cannot handle (including its
      // recursion on very long $ref chains) just gets none; the finding itself is unaffected.
      return Optional.empty();
    }
  }

  /**
   * Whether either side holds a too deep document. Files are only ever added to a side, in order, so each side
   * remembers how many it checked (see {@link Side#depthCheckedFiles}); each document's depth is read once
   * ({@link DocumentFacts}).
   */
  boolean tooDeep() {
    boolean any = false;
    for (Side side : new Side[] {so, sn}) {
      if (!side.deep && side.depthCheckedFiles < side.files.size()) {
        int i = 0;
        for (String file : side.files.keySet()) {
          if (i++ >= side.depthCheckedFiles && side.facts(file).deep()) {
            side.deep = true;
            break;
          }
        }
        side.depthCheckedFiles = side.files.size();
      }
      any |= side.deep;
    }
    return any;
  }

  private JsonNode local(Pair.Hint h, Side side, Node at) {
    switch (h.kind()) {
      case VALUE:
        return h.value() == null ? null : h.value().deepCopy();
      case OMIT: {
        JsonNode m = minimal(side, at, 0);
        if (m == null || !m.isObject()) {
          return null;
        }
        ((ObjectNode) m).remove(h.name());
        return m;
      }
      case WITH: {
        JsonNode m = minimal(side, at, 0);
        if (m == null || !m.isObject()) {
          return null;
        }
        JsonNode v = h.value();
        if (v == null) {
          Node r = side.resolve(at);
          Node prop = r.json.path("properties").has(h.name()) ? side.child(r, "properties", h.name())
              : Node.absentAt(r.loc, r.draft7);
          v = minimal(side, prop, 1);
        }
        if (v == null) {
          return null;
        }
        ((ObjectNode) m).set(h.name(), v.deepCopy());
        return m;
      }
      default:
        return null;
    }
  }

  /** The instance one level up: {@code value} planted at {@code segment} of a minimal {@code holder}. */
  private JsonNode wrap(Side side, Node holder, String segment, JsonNode value) {
    if (segment == null) {
      return value;
    }
    if (segment.startsWith("/(")) {
      return null;
    }
    String s = segment.substring(1);
    if (s.equals("*") || s.matches("\\d+")) {
      Node r = side.resolve(holder);
      if (s.equals("*") && !r.json.has("items") && !r.json.has("prefixItems") && !"array".equals(
          r.json.path("type").asString(""))) {
        JsonNode m = minimal(side, holder, 1);
        if (m == null || !m.isObject()) {
          return null;
        }
        ((ObjectNode) m).set("undeclared-property", value);
        return m;
      }
      ArrayNode arr = F.arrayNode();
      int index = s.equals("*") ? 0 : Integer.parseInt(s);
      JsonNode m = minimal(side, holder, 1);
      for (int i = 0; i < index; i++) {
        if (m == null || !m.isArray() || m.size() <= i) {
          return null;
        }
        arr.add(m.get(i));
      }
      arr.add(value);
      if (s.equals("*")) {
        int min = r.json.path("minItems").asInt(0);
        while (arr.size() < min) {
          arr.add(value.deepCopy());
        }
      }
      return arr;
    }
    String name = s.replace("~1", "/").replace("~0", "~");
    JsonNode m = minimal(side, holder, 1);
    ObjectNode obj = m != null && m.isObject() ? (ObjectNode) m : F.objectNode();
    obj.set(name, value);
    return obj;
  }

  /** A small instance the schema accepts, or null; depth-bounded, never exact for exotic keywords. */
  JsonNode minimal(Side side, Node x, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    Node r = side.resolve(x);
    if (r.json.isBoolean()) {
      return r.json.booleanValue() ? F.nullNode() : (r.orNull ? F.nullNode() : null);
    }
    List<Node> conj = side.conjunctsCached(r);
    Node c = conj.get(0);
    for (Node k : conj) {
      if (k.mode == Node.Mode.REST || k.mode == Node.Mode.PLAIN) {
        c = k;
        break;
      }
    }
    if (c.json.isBoolean()) {
      return c.json.booleanValue() || c.orNull ? F.nullNode() : null;
    }
    if (c.mode == Node.Mode.ANY || c.mode == Node.Mode.ONE) {
      for (Node b : side.branches(c)) {
        JsonNode v = minimal(side, b, depth + 1);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    List<JsonNode> vals = EnumKeywords.valueSet(c);
    if (vals != null) {
      return vals.isEmpty() ? null : vals.get(0).deepCopy();
    }
    int m = Types.mask(c);
    if (m == Types.BAD) {
      return null;
    }
    JsonNode j = c.json;
    if ((m & Types.OBJ) != 0) {
      ObjectNode o = F.objectNode();
      TreeSet<String> req = new TreeSet<>();
      j.path("required").values().forEach(v -> req.add(v.asString()));
      for (String name : req) {
        Node prop = j.path("properties").has(name) ? side.child(c, "properties", name)
            : j.has("additionalProperties") ? side.child(c, "additionalProperties") : Node.absentAt(c.loc, c.draft7);
        JsonNode v = minimal(side, prop, depth + 1);
        if (v == null) {
          return null;
        }
        o.set(name, v);
      }
      return o;
    }
    if ((m & Types.ARR) != 0) {
      ArrayNode a = F.arrayNode();
      int min = j.path("minItems").asInt(0);
      List<Node> prefix = new ArrayList<>();
      String pk = j.path("items").isArray() ? "items" : j.has("prefixItems") ? "prefixItems" : null;
      if (pk != null) {
        for (int i = 0; i < j.get(pk).size(); i++) {
          prefix.add(side.child(c, pk, i));
        }
      }
      for (int i = 0; i < min; i++) {
        Node item = i < prefix.size() ? prefix.get(i)
            : pk != null && pk.equals("items") ? side.child(c, "additionalItems") : side.child(c, "items");
        JsonNode v = minimal(side, item, depth + 1);
        if (v == null) {
          return null;
        }
        a.add(v);
      }
      return a;
    }
    if ((m & Types.STR) != 0) {
      String format = j.path("format").asString("");
      String s = switch (format) {
        case "date" -> "2024-01-31";
        case "date-time" -> "2024-01-31T10:00:00Z";
        case "email" -> "a@example.com";
        case "uuid" -> "123e4567-e89b-12d3-a456-426614174000";
        case "uri" -> "https://example.com/a";
        case "ipv4" -> "192.0.2.1";
        default -> "a".repeat(Math.max(0, Math.min(1000, j.path("minLength").asInt(0))));
      };
      return F.stringNode(s);
    }
    if ((m & Types.NUM) != 0) {
      BigDecimal v = BigDecimal.ZERO;
      JsonNode min = j.has("exclusiveMinimum") && j.get("exclusiveMinimum").isNumber() ? j.get("exclusiveMinimum")
          : j.get("minimum");
      if (min != null && min.isNumber() && min.decimalValue().compareTo(v) > 0) {
        v = min.decimalValue().setScale(0, RoundingMode.CEILING).add(BigDecimal.ONE);
      }
      JsonNode mul = j.get("multipleOf");
      if (mul != null && mul.isNumber() && mul.decimalValue().signum() > 0) {
        BigDecimal step = mul.decimalValue();
        v = v.divide(step, 0, RoundingMode.CEILING).multiply(step);
      }
      return F.numberNode(v);
    }
    if ((m & Types.BOOL) != 0) {
      return F.booleanNode(false);
    }
    if ((m & Types.NULL) != 0) {
      return F.nullNode();
    }
    return null;
  }

  /** Whether the new (or old) version validates {@code value}, with or without format assertions. */
  boolean validates(boolean useNew, JsonNode value, boolean formats) {
    Schema s = schema(useNew);
    return s.validate(value, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(formats))).isEmpty();
  }

  /** Whether the accepting ({@code acceptingSide}) or the other version validates {@code value}. */
  private boolean accepts(boolean acceptingSide, boolean newAccepts, JsonNode value) {
    boolean useNew = acceptingSide == newAccepts;
    Schema s = schema(useNew);
    return s.validate(value, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))).isEmpty();
  }

  private Schema schema(boolean useNew) {
    if (broken) {
      throw new IllegalStateException("validator unavailable");
    }
    if (useNew && newSchema == null) {
      newSchema = load(sn, newRoot);
    } else if (!useNew && oldSchema == null) {
      oldSchema = load(so, oldRoot);
    }
    return useNew ? newSchema : oldSchema;
  }

  private static Schema load(Side side, SourceLocation root) {
    // One registry per side, shared by every comparison over it: building a registry serialises and re-parses
    // whole documents, which on a multi-megabyte description, once per endpoint, exhausted a 512 MB heap.
    if (side.witnessRegistry == null) {
      side.witnessRegistry = registry(side);
    }
    return side.witnessSchemas.computeIfAbsent(root, r -> {
      String fragment = r.pointer().isEmpty() ? "" : "#" + r.pointer();
      return side.witnessRegistry.getSchema(SchemaLocation.of(BASE + side.label + "/" + r.file() + fragment));
    });
  }

  private static SchemaRegistry registry(Side side) {
    String prefix = BASE + side.label + "/";
    // Lazy compilation: preloading follows every $ref eagerly and recursively (stack and heap grow with the
    // contract), while a witness touches only the few schemas on its path.
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.dialectRegistry(LeanDefinitions.registry(side::unscopedDefinitions)).schemaRegistryConfig(
            com.networknt.schema.SchemaRegistryConfig.builder().preloadSchema(false).build()).nodeReader(new HeldDocuments(side)).schemas(iri -> {
          if (!iri.startsWith(prefix)) {
            return null;
          }
          String file = iri.substring(prefix.length());
          int hash = file.indexOf('#');
          if (hash >= 0) {
            file = file.substring(0, hash);
          }
          if (!side.files.containsKey(file)) {
            try {
              side.document(file);
            } catch (RuntimeException e) {
              return null;
            }
          }
          return HeldDocuments.MARKER + file;
        }));
  }

  /**
   * Gives the validator the documents this side already holds instead of their text: serialising and
   * re-parsing them kept a second copy of both versions alive next to the engine's memo (about 65 MB for
   * two 4.4 MB schemas, most of a 512 MB heap's headroom). The loader above answers with a marker that is
   * never JSON; everything else (the meta-schemas) is read as usual. The validator only reads the trees.
   */
  private static final class HeldDocuments extends com.networknt.schema.serialization.BasicNodeReader {
    static final String MARKER = "\u0000contract-gate held document:";
    /** Meta-schema trees by text; read only, as the validator only reads the trees it is given. */
    private static final java.util.Map<String, JsonNode> META = new java.util.concurrent.ConcurrentHashMap<>();
    private final Side side;

    HeldDocuments(Side side) {
      this.side = side;
    }

    @Override
    public JsonNode readSchema(String content, com.networknt.schema.InputFormat format) {
      if (content.startsWith(MARKER)) {
        JsonNode doc = side.files.get(content.substring(MARKER.length()));
        if (doc != null) {
          return doc;
        }
      }
      // Everything else is a meta-schema from the validator's own resources: the same few texts for every
      // registry, parsed once per JVM instead of once per side and comparison (the second opinion loads
      // both sides' validators even where no finding needs a witness; issue 14, cost).
      if (format == com.networknt.schema.InputFormat.JSON && content.length() < 64 * 1024) {
        JsonNode cached = META.get(content);
        if (cached == null) {
          cached = super.readSchema(content, format);
          if (META.size() < 64) {
            META.put(content, cached);
          }
        }
        return cached;
      }
      return super.readSchema(content, format);
    }

    @Override
    public JsonNode readSchema(java.io.InputStream in, com.networknt.schema.InputFormat format) {
      try {
        return readSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), format);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
