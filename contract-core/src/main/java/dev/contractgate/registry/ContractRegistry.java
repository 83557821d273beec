package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.networknt.schema.Schema;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;

/**
 * A loaded contract tree: namespaces, their versions and endpoints, consumers, the policy, and the schemas,
 * compiled once each on first use.
 *
 * <p>Loading is strict and complete: every file we define is checked, every schema an endpoint references
 * is read, and every {@code $ref} is resolved inside the tree before this object exists. A registry never
 * touches the network.
 *
 * <pre>{@code
 * ContractRegistry registry = ContractRegistry.load(Path.of("contracts/src/main/contracts"));
 * ValidationResult result = ResponseValidator.of(registry)
 *     .validate("ivanpin", "1.2.0", "blog.list", ObservedResponse.json(200, body));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractRegistry {

  /** The classpath root under which the {@code contracts} jar carries its tree. */
  public static final String DEFAULT_CLASSPATH_ROOT = "contract-gate/contracts";

  private final LoadedTree tree;
  private final SchemaCompiler compiler;

  private ContractRegistry(LoadedTree tree) {
    this.tree = tree;
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    tree.schemaDocuments().forEach((file, doc) -> docs.put(file, doc.root()));
    this.compiler = new SchemaCompiler(docs);
  }

  /**
   * Loads the tree in a directory.
   *
   * @throws ContractException naming file, line and fix when anything in the tree is wrong
   */
  public static ContractRegistry load(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new ContractRegistry(ContractLoader.load(directory, directory.toString()));
  }

  /**
   * Loads a tree from a classpath root, such as a jar that packages contracts (see
   * {@link #DEFAULT_CLASSPATH_ROOT}).
   */
  public static ContractRegistry loadClasspath(String root, ClassLoader loader) {
    Objects.requireNonNull(root, "root");
    String r = root.startsWith("/") ? root.substring(1) : root;
    URL url = (loader == null ? ContractRegistry.class.getClassLoader() : loader).getResource(r);
    if (url == null) {
      throw ContractException.builder("Cannot load contract", "classpath:" + r)
          .expected("a classpath root holding a contract tree")
          .butWas("no such resource")
          .hint("add the jar that packages the contracts to the classpath, or pass a directory")
          .build();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        String inner = uri.getSchemeSpecificPart();
        inner = inner.substring(inner.indexOf("!/") + 1);
        return new ContractRegistry(ContractLoader.load(fs.getPath(inner), "classpath:" + r));
      }
      return new ContractRegistry(ContractLoader.load(Path.of(uri), "classpath:" + r));
    } catch (URISyntaxException | IOException e) {
      throw ContractException.builder("Cannot load contract", "classpath:" + r)
          .expected("a readable classpath root")
          .butWas(e.toString())
          .hint("check the classpath")
          .cause(e)
          .build();
    }
  }

  /** Where the tree was loaded from, as given (a directory or {@code classpath:...}). */
  public String origin() {
    return tree.origin();
  }

  /** Namespaces, sorted by id. */
  public List<Namespace> namespaces() {
    return List.copyOf(tree.namespaces().values());
  }

  public Optional<Namespace> namespace(String id) {
    return Optional.ofNullable(tree.namespaces().get(id));
  }

  /** The namespace or a {@link ContractException} listing the ones that exist. */
  public Namespace requireNamespace(String id) {
    return namespace(id).orElseThrow(() -> ContractException.builder("Unknown namespace", tree.origin())
        .expected("one of " + tree.namespaces().keySet())
        .butWas("\"" + id + "\"")
        .hint(Suggestions.hint(id, tree.namespaces().keySet(), "pick a namespace of the tree (contract-gate list)"))
        .build());
  }

  /** Versions of a namespace in semantic-version order; empty for an unknown namespace. */
  public List<ContractVersion> versions(String namespace) {
    return tree.versions().getOrDefault(namespace, List.of());
  }

  public Optional<ContractVersion> version(String namespace, String version) {
    return versions(namespace).stream().filter(v -> v.version().toString().equals(version)).findFirst();
  }

  /** The version, or a {@link ContractException} listing the ones that exist. */
  public ContractVersion requireVersion(String namespace, String version) {
    requireNamespace(namespace);
    return version(namespace, version).orElseThrow(() -> ContractException.builder("Unknown version", namespace + "/")
        .expected("one of " + versions(namespace).stream().map(v -> v.version().toString()).toList())
        .butWas("\"" + version + "\"")
        .hint(Suggestions.hint(version, versions(namespace).stream().map(v -> v.version().toString()).toList(),
            "pick a version of the namespace (contract-gate list)"))
        .build());
  }

  /** The newest version of a namespace. */
  public ContractVersion latest(String namespace) {
    List<ContractVersion> all = versions(requireNamespace(namespace).id());
    return all.get(all.size() - 1);
  }

  /** The endpoint, or a {@link ContractException} listing the ones that exist. */
  public Endpoint requireEndpoint(ContractVersion version, String endpointId) {
    return version.endpoint(endpointId).orElseThrow(() -> ContractException.builder("Unknown endpoint", version.file())
        .expected("one of " + version.endpoints().stream().map(Endpoint::id).toList())
        .butWas("\"" + endpointId + "\"")
        .hint(Suggestions.hint(endpointId, version.endpoints().stream().map(Endpoint::id).toList(),
            "pick an endpoint of " + version.label() + " (contract-gate list)"))
        .build());
  }

  /** All consumers, sorted by id. */
  public List<Consumer> consumers() {
    List<Consumer> out = new ArrayList<>(tree.consumers());
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(out);
  }

  public Policy policy() {
    return tree.policy();
  }

  /** Tree-relative paths of every schema file the registry read. */
  public List<String> schemaFiles() {
    return List.copyOf(tree.schemaDocuments().keySet());
  }

  /** A parsed schema document by tree-relative path. */
  public Optional<JsonNode> schemaDocument(String file) {
    LocatedDocument d = tree.schemaDocuments().get(file);
    return d == null ? Optional.empty() : Optional.of(d.root());
  }

  /** Document lookup by tree-relative path, returning {@code null} for unknown files (for the diff engine). */
  public Function<String, JsonNode> documents() {
    return file -> {
      LocatedDocument d = tree.schemaDocuments().get(file);
      return d == null ? null : d.root();
    };
  }

  /** {@code "line 12, column 7"} of a location in a schema file, empty when unknown. */
  public String position(SourceLocation location) {
    LocatedDocument d = tree.schemaDocuments().get(location.file());
    return d == null ? "" : d.position(location.pointer());
  }

  /**
   * Compiles every schema that an endpoint of any version references, so that a broken schema shows up now
   * rather than at the first response. Returns the number of compiled schemas.
   */
  public int compileAll() {
    int n = 0;
    for (List<ContractVersion> vs : tree.versions().values()) {
      for (ContractVersion v : vs) {
        for (Endpoint e : v.endpoints()) {
          for (SourceLocation s : schemasOf(e)) {
            compiler.compile(s);
            n++;
          }
        }
      }
    }
    return n;
  }

  /**
   * Internal: one instance per registry of something built from it, such as the response validator. The
   * registry keeps it so that its builders, which live in packages above this one, need no cache of their own.
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public <T> T shared(Class<T> type, Function<ContractRegistry, T> create) {
    return type.cast(shared.computeIfAbsent(type, k -> create.apply(this)));
  }

  private final Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

  /** Internal: the compiled schema; use {@code ResponseValidator.of(registry)} instead. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public Schema compiled(SourceLocation location) {
    return compiler.compile(location);
  }

  private static List<SourceLocation> schemasOf(Endpoint e) {
    List<SourceLocation> out = new ArrayList<>();
    e.request().query().ifPresent(out::add);
    e.request().body().ifPresent(out::add);
    e.responses().values().forEach(r -> r.schema().ifPresent(out::add));
    return out;
  }
}
