package dev.contractgate.diff.engine;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.Refs;
import dev.contractgate.registry.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One version of the contract tree: reads documents, follows {@code $ref}s, splits schemas into conjuncts. */
final class Side {

  /**
   * The number of files (the first ones of {@link #files}) the witness depth check looked at, and whether one
   * of them was too deep; see {@code Witnesses}.
   */
  int depthCheckedFiles;
  boolean deep;
  /** Witnesses built for comparisons over this (old) side; see {@code Witnesses#MAX_WITNESSES}. */
  int witnessesBuilt;

  /** The validator that checks witnesses against this side, built on first use; see {@code Witnesses}. */
  com.networknt.schema.SchemaRegistry witnessRegistry;
  final java.util.Map<SourceLocation, com.networknt.schema.Schema> witnessSchemas = new java.util.HashMap<>();


  static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "example",
      "deprecated", "readOnly", "writeOnly", "$comment", "$id", "$schema", "$anchor", "$dynamicAnchor",
      "$vocabulary", "contentEncoding", "contentMediaType", "contentSchema", "discriminator", "xml",
      "externalDocs");
  /** Containers whose content matters only through {@code $ref}. */
  static final Set<String> CONTAINERS = Set.of("$defs", "definitions");
  static final Set<String> APPLICATORS = Set.of("$ref", "allOf", "anyOf", "oneOf");

  final String label;
  private final Function<String, JsonNode> documents;
  /** $ref resolution with $id and $anchor (inside one document), else by file path. */
  private final dev.contractgate.registry.SchemaIds ids;
  /** Files read so far, in order; the witness check hands exactly these to the validator. */
  final Map<String, JsonNode> files = new LinkedHashMap<>();

  Side(String label, Function<String, JsonNode> documents) {
    this.label = label;
    this.documents = documents;
    this.ids = new dev.contractgate.registry.SchemaIds(f -> files.containsKey(f) ? files.get(f) : documents.apply(f));
  }

  JsonNode document(String file) {
    JsonNode doc = files.get(file);
    if (doc == null) {
      doc = documents.apply(file);
      if (doc == null) {
        throw ContractException.builder("Cannot compare schemas", file)
            .expected("a schema file in the " + label + " contract tree")
            .butWas("no such file")
            .hint("check the $ref or the schema path; paths are relative to the file that holds them")
            .build();
      }
      files.put(file, doc);
    }
    return doc;
  }

  boolean isDraft7(String file) {
    JsonNode s = document(file).get("$schema");
    if (s == null || !s.isString()) {
      return false;
    }
    String v = s.stringValue();
    return v.contains("draft-07") || v.contains("draft-06") || v.contains("draft-04");
  }

  Node at(SourceLocation loc) {
    JsonNode known = normalized.get(loc);
    if (known != null) {
      // checked and normalized when first read: the engine asks for the same places again and again
      return new Node(loc, known, Node.Mode.PLAIN, false, isDraft7(loc.file()), false);
    }
    JsonNode doc = document(loc.file());
    JsonNode n = navigate(doc, loc.pointer());
    if (n == null || n.isMissingNode()) {
      throw ContractException.builder("Cannot compare schemas", loc.file())
          .at(loc.pointer().isEmpty() ? "/" : loc.pointer())
          .expected("a schema at this JSON pointer in the " + label + " version")
          .butWas("nothing there")
          .hint("fix the $ref or the pointer in the schema reference")
          .build();
    }
    if (!n.isObject() && !n.isBoolean()) {
      throw ContractException.builder("Cannot compare schemas", loc.file())
          .at(loc.pointer().isEmpty() ? "/" : loc.pointer())
          .expected("a JSON Schema (an object or true/false)")
          .butWas(n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
          .hint("point the reference at a schema object")
          .build();
    }
    boolean draft7 = isDraft7(loc.file());
    JsonNode norm = normalized.get(loc);
    if (norm == null) {
      // unevaluated* reaches through $ref into other files: once any file read so far has it, the rewrites
      // that move evaluation are off for every schema normalized after
      anySensitive |= sensitive.computeIfAbsent(loc.file(), f -> Normalizer.evaluationSensitive(doc));
      norm = Normalizer.normalize(doc, loc.pointer(), n, draft7, anySensitive,
          moves.computeIfAbsent(loc.file(), f -> new HashMap<>()));
      normalized.put(loc, norm);
    }
    return new Node(loc, norm, Node.Mode.PLAIN, false, draft7, false);
  }

  /** The schema at {@code loc} as its author wrote it (not normalized), or null when there is none. */
  JsonNode written(SourceLocation loc) {
    JsonNode n = navigate(document(loc.file()), loc.pointer());
    return n != null && (n.isObject() || n.isBoolean()) ? n : null;
  }

  /** The normal form of each schema read through {@link #at}; see {@link Normalizer}. */
  private final Map<SourceLocation, JsonNode> normalized = new HashMap<>();
  /** Per file: pointers in the normal form that the author wrote elsewhere (normalized → as written). */
  private final Map<String, Map<String, String>> moves = new HashMap<>();
  /** Per file: {@link Normalizer#evaluationSensitive}. */
  private final Map<String, Boolean> sensitive = new HashMap<>();
  private boolean anySensitive;

  /** Where the author wrote what {@code loc} points at in the normal form. */
  SourceLocation source(SourceLocation loc) {
    Map<String, String> m = moves.get(loc.file());
    if (m == null || m.isEmpty()) {
      return loc;
    }
    String p = loc.pointer();
    for (int cut = p.length(); cut > 0; cut = p.lastIndexOf('/', cut - 1)) {
      String raw = m.get(p.substring(0, cut));
      if (raw != null) {
        return new SourceLocation(loc.file(), raw + p.substring(cut));
      }
    }
    return loc;
  }

  /**
   * The value at an RFC 6901 pointer, or null. Iterative: Jackson's {@code JsonNode.at} recurses once per
   * segment, which a deeply nested schema turns into a StackOverflowError.
   */
  static JsonNode navigate(JsonNode doc, String pointer) {
    JsonNode cur = doc;
    if (pointer.isEmpty()) {
      return cur;
    }
    int i = 1;
    while (cur != null && i <= pointer.length()) {
      int next = pointer.indexOf('/', i);
      if (next < 0) {
        next = pointer.length();
      }
      String seg = pointer.substring(i, next).replace("~1", "/").replace("~0", "~");
      if (cur.isArray()) {
        try {
          cur = cur.get(Integer.parseInt(seg));
        } catch (NumberFormatException e) {
          return null;
        }
      } else if (cur.isObject()) {
        cur = cur.get(seg);
      } else {
        return null;
      }
      i = next + 1;
    }
    return cur;
  }

  Node child(Node parent, String keyword) {
    JsonNode v = parent.get(keyword);
    SourceLocation loc = parent.loc.child(keyword);
    if (v == null) {
      return Node.absentAt(loc, parent.draft7);
    }
    return new Node(loc, v, Node.Mode.PLAIN, false, parent.draft7, false);
  }

  Node child(Node parent, String keyword, String name) {
    JsonNode container = parent.get(keyword);
    JsonNode v = container == null ? null : container.get(name);
    // one concatenation instead of two: this runs for every property of every object pair
    SourceLocation loc = new SourceLocation(parent.loc.file(),
        parent.loc.pointer() + "/" + SourceLocation.escape(keyword) + "/" + SourceLocation.escape(name));
    if (v == null) {
      return Node.absentAt(loc, parent.draft7);
    }
    return new Node(loc, v, Node.Mode.PLAIN, false, parent.draft7, false);
  }

  Node child(Node parent, String keyword, int index) {
    JsonNode v = parent.get(keyword).get(index);
    return new Node(parent.loc.child(keyword).child(index), v, Node.Mode.PLAIN, false, parent.draft7, false);
  }

  /** True when {@code json} carries nothing but annotations, containers and x- extensions. */
  static boolean onlyAnnotations(JsonNode json, Set<String> ignoring) {
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    for (String k : json.propertyNames()) {
      if (!ANNOTATIONS.contains(k) && !CONTAINERS.contains(k) && !k.startsWith("x-") && !ignoring.contains(k)) {
        return false;
      }
    }
    return true;
  }

  /** Accepts every value: {@code true}, {@code {}}, or annotations only. */
  boolean isTrivial(Node n) {
    Node r = resolve(n);
    return !r.orNull && r.mode == Node.Mode.PLAIN && onlyAnnotations(r.json, Set.of())
        || r.orNull && r.json.isBoolean() && r.json.booleanValue();
  }

  boolean isFalse(Node n) {
    return resolve(n).isFalse();
  }

  /**
   * Follows {@code $ref}s that stand alone (or, in draft-07, whose siblings are ignored). A {@code $ref} next
   * to other assertions in 2020-12 stays: {@link #conjuncts} turns it into an allOf.
   */
  Node resolve(Node n) {
    Node cur = n;
    Set<String> seen = null;
    while (cur.mode == Node.Mode.PLAIN && cur.json.isObject() && cur.json.has("$ref")
        && (cur.draft7 || onlyAnnotations(cur.json, Set.of("$ref")))) {
      if (seen == null) {
        seen = new HashSet<>();
      }
      if (!seen.add(cur.loc.toString())) {
        throw ContractException.builder("Cannot compare schemas", n.loc.file())
            .at(n.loc.pointer())
            .expected("a $ref chain that reaches a schema")
            .butWas("a cycle of $refs through " + cur.loc)
            .hint("let one of the references point at an actual schema")
            .build();
      }
      cur = at(target(cur)).withNull(cur.orNull);
    }
    return cur;
  }

  /** Per file: {@link DocumentFacts}, each document read once for them. */
  private final Map<String, DocumentFacts> facts = new HashMap<>();

  /** The facts of a file this side read (see {@link #files}) or can read. */
  DocumentFacts facts(String file) {
    DocumentFacts f = facts.get(file);
    if (f == null) {
      JsonNode doc = files.containsKey(file) ? files.get(file) : documents.apply(file);
      f = doc == null ? new DocumentFacts(false, false, false, List.of()) : DocumentFacts.of(file, doc);
      facts.put(file, f);
    }
    return f;
  }

  /**
   * Builds the reference index of {@code file} now (see {@link Engine#compareAll}); of a document without any
   * {@code $id} or anchor, the empty one, without reading it again.
   */
  void index(String file) {
    if (facts(file).scoped()) {
      ids.prepare(file);
    } else {
      ids.plain(file);
    }
  }

  /** Whether {@code defs} is the top-level definitions object of a document read here with no $id or anchor. */
  boolean unscopedDefinitions(JsonNode defs) {
    for (Map.Entry<String, JsonNode> e : files.entrySet()) {
      JsonNode doc = e.getValue();
      if (doc.get("$defs") == defs || doc.get("definitions") == defs) {
        return !ids.scoped(e.getKey());
      }
    }
    return false;
  }

  /** Where {@code ref}, held at {@code holder}, points; throws what {@link dev.contractgate.registry.SchemaIds#resolve} throws. */
  SourceLocation resolveRef(SourceLocation holder, String ref) {
    return ids.resolve(holder, ref);
  }

  SourceLocation target(Node n) {
    JsonNode ref = n.json.get("$ref");
    if (!ref.isString()) {
      throw ContractException.builder("Cannot compare schemas", n.loc.file())
          .at(n.loc.pointer() + "/$ref")
          .expected("a string")
          .butWas(ref.toString())
          .hint("write the reference as a string such as \"#/$defs/Post\"")
          .build();
    }
    try {
      return ids.resolve(n.loc, ref.stringValue());
    } catch (Refs.RefException e) {
      throw ContractException.builder("Cannot compare schemas", n.loc.file())
          .at(n.loc.pointer() + "/$ref")
          .expected("a $ref inside the contract tree")
          .butWas(e.getMessage())
          .hint(e.hint())
          .build();
    }
  }

  private static boolean simplyTyped(Node x) {
    if (!x.json.isObject() || !x.json.has("type")) {
      return false;
    }
    int mask = Types.mask(x);
    if (mask == Types.BAD || (mask & Types.NULL) != 0) {
      return false;
    }
    for (String k : List.of("not", "if", "allOf", "anyOf", "oneOf", "$ref", "$dynamicRef", "nullable")) {
      if (x.json.has(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNullSchema(JsonNode j) {
    if (!j.isObject()) {
      return false;
    }
    JsonNode t = j.get("type");
    return t != null && t.isString() && "null".equals(t.stringValue())
        && onlyAnnotations(j, Set.of("type"));
  }

  /**
   * The conjuncts of a schema: the node itself, or for a node with applicators its plain keywords (REST),
   * each allOf member and $ref target (recursively), its anyOf (ANY) and its oneOf (ONE). Iterative, so a
   * long allOf / $ref chain cannot exhaust the stack. {@code A ∪ null = ⋂(Ai ∪ null)}, so nullability
   * distributes over the conjuncts.
   */
  List<Node> conjuncts(Node start) {
    List<Node> out = new ArrayList<>();
    Deque<Node> work = new ArrayDeque<>();
    Set<Node.Id> seen = new HashSet<>();
    work.push(start);
    while (!work.isEmpty()) {
      Node x = resolve(work.pop());
      if (!seen.add(x.key)) {
        continue;
      }
      if (x.mode != Node.Mode.PLAIN || x.json.isBoolean()) {
        out.add(x);
        continue;
      }
      JsonNode j = x.json;
      JsonNode nullableOf = j.has("anyOf") ? j.get("anyOf") : j.get("oneOf");
      if (nullableOf != null && nullableOf.isArray() && nullableOf.size() == 2
          && !(j.has("anyOf") && j.has("oneOf")) && onlyAnnotations(j, Set.of("anyOf", "oneOf"))) {
        String kw = j.has("anyOf") ? "anyOf" : "oneOf";
        int nullAt = isNullSchema(nullableOf.get(0)) ? 0 : isNullSchema(nullableOf.get(1)) ? 1 : -1;
        if (nullAt >= 0 && !isNullSchema(nullableOf.get(1 - nullAt))) {
          Node other = child(x, kw, 1 - nullAt);
          // "X or null" is carried by the type bits only, so X must reject null by its type alone and hold
          // nothing (not, if, applicators) that could say otherwise; for oneOf this also keeps null from
          // matching twice. Anything else stays a union and is matched branch by branch.
          if (simplyTyped(resolve(other))) {
            work.push(other.withNull(true));
            continue;
          }
        }
      }
      boolean hasRef = j.has("$ref") && !x.draft7;
      boolean hasAll = j.has("allOf") && j.get("allOf").isArray();
      boolean hasAny = j.has("anyOf") && j.get("anyOf").isArray();
      boolean hasOne = j.has("oneOf") && j.get("oneOf").isArray();
      if (!hasRef && !hasAll && !hasAny && !hasOne) {
        out.add(x);
        continue;
      }
      if (!onlyAnnotations(j, APPLICATORS)) {
        out.add(x.withMode(Node.Mode.REST));
      }
      if (hasAny) {
        out.add(x.withMode(Node.Mode.ANY));
      }
      if (hasOne) {
        out.add(x.withMode(Node.Mode.ONE));
      }
      if (hasAll) {
        for (int i = j.get("allOf").size() - 1; i >= 0; i--) {
          work.push(child(x, "allOf", i).withNull(x.orNull));
        }
      }
      if (hasRef) {
        work.push(at(target(x)).withNull(x.orNull));
      }
    }
    if (out.size() > 1) {
      out.removeIf(c -> c.mode == Node.Mode.PLAIN && !c.orNull && onlyAnnotations(c.json, Set.of()));
      // the same text in the same file means the same constraint: A ∩ A = A, and long allOf chains that
      // repeat a constraint at every link collapse instead of growing the comparison quadratically
      Map<String, Node> unique = new LinkedHashMap<>();
      for (Node c : out) {
        JsonNode text = c.mode == Node.Mode.REST ? withoutApplicators(c.json) : c.json;
        unique.putIfAbsent(c.mode + "|" + c.orNull + "|" + c.loc.file() + "|" + Canon.json(text), c);
      }
      out = new ArrayList<>(unique.values());
    }
    if (out.isEmpty()) {
      out.add(Node.absentAt(start.loc, start.draft7));
    }
    return out;
  }

  private static JsonNode withoutApplicators(JsonNode j) {
    tools.jackson.databind.node.ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (var e : j.properties()) {
      if (!APPLICATORS.contains(e.getKey())) {
        copy.set(e.getKey(), e.getValue());
      }
    }
    return copy;
  }

  /** The branches of an ANY or ONE node; anyOf duplicates (same JSON in the same file) removed. */
  List<Node> branches(Node x) {
    String kw = x.mode == Node.Mode.ANY ? "anyOf" : "oneOf";
    JsonNode arr = x.json.get(kw);
    Map<String, Node> unique = new LinkedHashMap<>();
    for (int i = 0; i < arr.size(); i++) {
      // anyOf [A, A] = anyOf [A]; oneOf [A, A] rejects A's values, so oneOf keeps its duplicates (they then
      // count as overlapping branches)
      unique.putIfAbsent(x.mode == Node.Mode.ANY ? Canon.json(arr.get(i)) : Integer.toString(i), child(x, kw, i));
    }
    List<Node> out = new ArrayList<>(unique.values());
    if (x.mode == Node.Mode.ANY && out.size() > 1) {
      // A ∪ ∅ = A: the normal form turns a subsumed branch into false (see Normalizer)
      List<Node> live = new ArrayList<>(out);
      live.removeIf(Node::isFalse);
      if (!live.isEmpty()) {
        out = live;
      }
    }
    if (x.orNull) {
      JsonNode nullSchema = JsonNodeFactory.instance.objectNode().put("type", "null");
      out.add(new Node(x.loc.child(kw).child("null"), nullSchema, Node.Mode.PLAIN, false, x.draft7, false));
    }
    return out;
  }

  /** Memo of {@link #text}. */
  private final Map<Node.Id, String> texts = new HashMap<>();

  /**
   * The mode and canonical text of a combinator member, for finding same-text partners. Memoised: every
   * pair that reaches an {@code allOf: [{"$ref": previous}, {...}]} compares the texts of whole components,
   * once per reference to it. A node's place decides its JSON (absent and the synthetic null branch have
   * places of their own), so the key is enough.
   */
  String text(Node n) {
    return texts.computeIfAbsent(n.key, k -> n.mode + Canon.json(n.json));
  }

  /** Memo of {@link #conjuncts} keyed by node key; schemas are immutable during one comparison. */
  private final Map<Node.Id, List<Node>> conjunctCache = new HashMap<>();

  List<Node> conjunctsCached(Node n) {
    if (n.mode == Node.Mode.PLAIN && (n.json.isBoolean() || !(n.json.has("$ref") || n.json.has("allOf")
        || n.json.has("anyOf") || n.json.has("oneOf")))) {
      // What conjuncts() returns for a schema without applicators, without the memo: most schemas are like
      // that, and an entry per schema node kept a map as large as the comparison alive until its end.
      return List.of(n);
    }
    return conjunctCache.computeIfAbsent(n.key, k -> conjuncts(n));
  }
}
