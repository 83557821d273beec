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

  private final Function<String, JsonNode> documents;
  private final Map<String, Index> indexes = new ConcurrentHashMap<>();

  /** @param documents a tree-relative file to its parsed document, or null when missing */
  public SchemaIds(Function<String, JsonNode> documents) {
    this.documents = documents;
  }

  /** The resources, anchors and base IRIs of one document. */
  private static final class Index {
    final String rootUri;
    final Map<String, String> resources = new HashMap<>();
    final Map<String, String> anchors = new HashMap<>();
    final Map<String, URI> bases = new HashMap<>();
    boolean nestedIds;

    Index(String rootUri) {
      this.rootUri = rootUri;
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
          return bases.get("");
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
    String pointer = here.resources.get(resource);
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
      resource = in.rootUri;
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
    Index ix = null;
    if (doc != null) {
      URI fileUri;
      try {
        fileUri = new URI("contract", null, "/" + file, null);
      } catch (URISyntaxException e) {
        fileUri = URI.create("contract:/document");
      }
      ix = new Index(fileUri.toString());
      ix.resources.put(fileUri.toString(), "");
      build(ix, doc, fileUri);
    }
    return ix;
  }

  private record Todo(String pointer, JsonNode node, URI base, boolean names) {}

  private static void build(Index ix, JsonNode doc, URI fileUri) {
    ArrayDeque<Todo> work = new ArrayDeque<>();
    work.push(new Todo("", doc, fileUri, false));
    while (!work.isEmpty()) {
      Todo t = work.pop();
      JsonNode n = t.node();
      if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          work.push(new Todo(t.pointer() + "/" + i, n.get(i), t.base(), false));
        }
        continue;
      }
      if (!n.isObject()) {
        continue;
      }
      if (t.names()) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          work.push(new Todo(t.pointer() + "/" + SourceLocation.escape(e.getKey()), e.getValue(), t.base(), false));
        }
        continue;
      }
      URI base = t.base();
      JsonNode id = n.get("$id");
      if (id != null && id.isString()) {
        try {
          URI resolved = base.resolve(new URI(id.asString()));
          base = URI.create(withoutFragment(resolved));
          ix.resources.putIfAbsent(base.toString(), t.pointer());
          ix.nestedIds |= !t.pointer().isEmpty();
        } catch (URISyntaxException | IllegalArgumentException e) {
          // not a usable $id: the base stays as it was
        }
      }
      if (t.pointer().isEmpty() || base != t.base()) {
        ix.bases.put(t.pointer(), base);
      }
      for (String kw : new String[] {"$anchor", "$dynamicAnchor"}) {
        JsonNode a = n.get(kw);
        if (a != null && a.isString()) {
          ix.anchors.putIfAbsent(withoutFragment(base) + "#" + a.asString(), t.pointer());
        }
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        JsonNode v = e.getValue();
        if (!DATA_KEYWORDS.contains(e.getKey()) && (v.isObject() || v.isArray())) {
          work.push(new Todo(t.pointer() + "/" + SourceLocation.escape(e.getKey()), v, base,
              SCHEMA_MAPS.contains(e.getKey())));
        }
      }
    }
  }
}
