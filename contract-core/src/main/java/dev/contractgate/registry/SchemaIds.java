package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * Resolves a {@code $ref} the way JSON Schema 2020-12 does inside one document: against the base IRI that the
 * enclosing {@code $id}s set, to an embedded resource ({@code $id}), a JSON pointer, or a plain-name fragment
 * ({@code $anchor}, {@code $dynamicAnchor}). What does not name a resource of the document falls back to
 * {@link Refs#resolve}: a path relative to the referring file, inside the tree only. A remote reference stays
 * refused unless an {@code $id} of the document itself names it.
 *
 * <p>One instance reads each document once (an index of its resources and anchors); it is thread-safe.
 */
@API(status = INTERNAL, since = "0.4")
public final class SchemaIds {

  private static final Set<String> DATA_KEYWORDS =
      Set.of("examples", "example", "default", "const", "enum", "$comment");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

  /** What changes the base URI or names a schema, in any draft. */
  private static final Set<String> SCOPES = Set.of("$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor");

  private final Function<String, JsonNode> documents;
  private final Map<String, Index> indexes = new ConcurrentHashMap<>();

  /** @param documents a tree-relative file to its parsed document, or null when missing */
  public SchemaIds(Function<String, JsonNode> documents) {
    this.documents = documents;
  }

  /**
   * The resources, anchors and base IRIs of one document. The document's own IRI is made only when asked for:
   * most documents have no {@code $id} and no anchor, and parsing an IRI per file was a good part of indexing
   * the hundreds of small files of an imported description.
   */
  private static final class Index {
    final String file;
    private URI fileUri;
    final Map<String, String> resources = new HashMap<>();
    final Map<String, String> anchors = new HashMap<>();
    final Map<String, URI> bases = new HashMap<>();
    boolean nestedIds;
    /** Whether any schema in the document has an {@code $id}, {@code id} or an anchor. */
    boolean scoped;

    Index(String file) {
      this.file = file;
    }

    URI fileUri() {
      if (fileUri == null) {
        try {
          fileUri = new URI("contract", null, "/" + file, null);
        } catch (URISyntaxException e) {
          fileUri = URI.create("contract:/document");
        }
      }
      return fileUri;
    }

    String rootUri() {
      return fileUri().toString();
    }

    /** The pointer of the schema whose base IRI is {@code resource}, or null. */
    String resource(String resource) {
      return resource.equals(rootUri()) ? "" : resources.get(resource);
    }

    URI baseAt(String pointer) {
      String p = pointer;
      while (true) {
        URI b = bases.get(p);
        if (b != null) {
          return b;
        }
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
          b = bases.get("");
          return b != null ? b : fileUri();
        }
        p = p.substring(0, slash);
      }
    }
  }

  /**
   * Resolves {@code ref} found at {@code from} (the schema holding it, or its {@code $ref} member).
   *
   * @throws Refs.RefException for a remote reference, one that escapes the tree, or an anchor no schema defines
   */
  public SourceLocation resolve(SourceLocation from, String ref) {
    int hash = ref.indexOf('#');
    String rawFragment = hash < 0 ? "" : ref.substring(hash + 1);
    boolean plainName = !rawFragment.isEmpty() && !rawFragment.startsWith("/");
    Index here = index(from.file());
    if (here == null || !plainName && !Refs.isRemote(ref) && !here.nestedIds) {
      return Refs.resolve(from, ref);
    }
    URI target;
    try {
      target = here.baseAt(from.pointer()).resolve(new URI(ref));
    } catch (URISyntaxException | IllegalArgumentException e) {
      if (plainName) {
        throw new Refs.RefException("a malformed reference \"" + ref + "\"",
            "write a plain-name fragment as letters, digits, '-', '_', '.' and ':', e.g. \"#money\"");
      }
      return Refs.resolve(from, ref);
    }
    String resource = withoutFragment(target);
    String fragment = target.getFragment() == null ? "" : target.getFragment();
    String file;
    String pointer = here.resource(resource);
    Index in = here;
    if (pointer != null) {
      file = from.file();
    } else if (Refs.isRemote(ref)) {
      return Refs.resolve(from, ref); // refused: it names nothing in this document
    } else {
      SourceLocation lexical = Refs.resolve(from, hash < 0 ? ref : ref.substring(0, hash));
      file = lexical.file();
      pointer = "";
      in = index(file);
      if (in == null) {
        return new SourceLocation(file, fragment.startsWith("/") ? fragment : "");
      }
      // the file's root resource, under its own $id when it has one (the anchors of the root are keyed by that)
      resource = withoutFragment(in.baseAt(""));
    }
    if (fragment.isEmpty() || fragment.startsWith("/")) {
      return new SourceLocation(file, pointer + fragment);
    }
    String anchored = in.anchors.get(resource + "#" + fragment);
    if (anchored == null) {
      throw new Refs.RefException(
          "a plain-name fragment \"#" + fragment + "\" that no $anchor of " + file + " defines",
          "add \"$anchor\": \"" + fragment + "\" to the schema it names, or refer to it by JSON pointer such as"
              + " \"#/$defs/" + fragment + "\"");
    }
    return new SourceLocation(file, anchored);
  }

  /**
   * Records that {@code file} has no {@code $id} and no anchor anywhere, as its reader already knows: its
   * references resolve by path, and it is not read again for an index.
   */
  public void plain(String file) {
    indexes.putIfAbsent(file, new Index(file));
  }

  /** Reads {@code file} into its index now, not on the first reference resolved from it. */
  public void prepare(String file) {
    index(file);
  }

  /**
   * Whether some schema of {@code file} (outside data keywords such as {@code examples}) has an {@code $id},
   * a draft-04 {@code id} or an anchor; true when the file cannot be read.
   */
  public boolean scoped(String file) {
    Index ix = index(file);
    return ix == null || ix.scoped;
  }

  private static String withoutFragment(URI u) {
    String s = u.toString();
    int hash = s.indexOf('#');
    return hash < 0 ? s : s.substring(0, hash);
  }

  private Index index(String file) {
    Index ix = indexes.get(file);
    if (ix == null) {
      ix = build(file); // a missing file is asked again: a loader may not have read it yet
      if (ix != null) {
        indexes.putIfAbsent(file, ix);
      }
    }
    return ix;
  }

  private Index build(String file) {
    JsonNode doc = documents.apply(file);
    if (doc == null) {
      return null;
    }
    Index ix = new Index(file);
    build(ix, doc);
    return ix;
  }

  /** One node still to read; its pointer is spelled out only for an {@code $id} or anchor ({@link PointerTrail}). */
  private record Todo(PointerTrail at, JsonNode node, URI base, boolean names) {}

  /** Reads the document into {@code ix}; a null base stands for the document's own IRI. */
  private static void build(Index ix, JsonNode doc) {
    ArrayDeque<Todo> work = new ArrayDeque<>();
    work.push(new Todo(PointerTrail.at(""), doc, null, false));
    while (!work.isEmpty()) {
      Todo t = work.pop();
      JsonNode n = t.node();
      if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          JsonNode v = n.get(i);
          if (v.isContainer()) {
            work.push(new Todo(t.at().item(i), v, t.base(), false));
          }
        }
        continue;
      }
      if (!n.isObject()) {
        continue;
      }
      if (t.names()) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          if (e.getValue().isContainer()) {
            work.push(new Todo(t.at().member(e.getKey()), e.getValue(), t.base(), false));
          }
        }
        continue;
      }
      URI base = t.base();
      JsonNode id = n.get("$id");
      if (id != null && id.isString()) {
        try {
          URI resolved = (base != null ? base : ix.fileUri()).resolve(new URI(id.asString()));
          base = URI.create(withoutFragment(resolved));
          ix.resources.putIfAbsent(base.toString(), t.at().toString());
          ix.nestedIds |= !t.at().isStart();
        } catch (URISyntaxException | IllegalArgumentException e) {
          // not a usable $id: the base stays as it was
        }
      }
      if (base != t.base()) {
        ix.bases.put(t.at().toString(), base);
      }
      for (String kw : new String[] {"$anchor", "$dynamicAnchor"}) {
        JsonNode a = n.get(kw);
        if (a != null && a.isString()) {
          ix.anchors.putIfAbsent(withoutFragment(base != null ? base : ix.fileUri()) + "#" + a.asString(),
              t.at().toString());
          ix.scoped = true;
        }
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        JsonNode v = e.getValue();
        if (v.isString() && !ix.scoped && SCOPES.contains(e.getKey())) {
          ix.scoped = true;
        }
        if (!DATA_KEYWORDS.contains(e.getKey()) && (v.isObject() || v.isArray())) {
          work.push(new Todo(t.at().member(e.getKey()), v, base, SCHEMA_MAPS.contains(e.getKey())));
        }
      }
    }
  }
}
