package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles contract schemas with networknt, once each, from documents the registry already holds.
 *
 * <p>networknt only ever sees IRIs under {@link #BASE}, served from memory; every other IRI is blocked, so
 * compiling or validating cannot reach the network or the file system whatever a schema says. Compilation is
 * lazy: a large description with self-referencing components is compiled as far as validation needs.
 */
@API(status = INTERNAL, since = "0.1")
public final class SchemaCompiler {

  /** The synthetic base IRI of the contract tree; its scheme resolves nowhere outside this class. */
  public static final String BASE = "contract:/";

  /** The stack of the thread that compiles: room for chains of references through thousands of files. */
  private static final long COMPILE_STACK_BYTES = 256L * 1024 * 1024;

  private final Map<String, byte[]> documents;
  private final SchemaRegistry registry;
  private final Map<SourceLocation, Schema> cache = new ConcurrentHashMap<>();

  public SchemaCompiler(Map<String, JsonNode> documents) {
    Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
      JsonNode doc = e.getValue();
      if (doc.isObject() && doc.has("$id")) {
        // References resolve by place in the tree; a root $id would move the base IRI outside of it.
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        copy.remove("$id");
        doc = copy;
      }
      bytes.put(e.getKey(), doc.toString().getBytes(StandardCharsets.UTF_8));
    }
    this.documents = bytes;
    ResourceLoader fromMemory =
        iri -> {
          String s = iri.toString();
          if (!s.startsWith(BASE)) {
            return null;
          }
          byte[] content = this.documents.get(s.substring(BASE.length()));
          if (content == null) {
            return null;
          }
          InputStreamSource source = () -> new ByteArrayInputStream(content);
          return source;
        };
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .preloadSchema(false)
            // ECMA-262 patterns translated for java.util.regex, each match with a budget (SchemaRegex).
            .regularExpressionFactory(SchemaRegex.FACTORY)
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(config)
                    .schemaLoader(
                        l ->
                            l.fetchRemoteResources(false)
                                .resourceLoaders(r -> r.values(list -> {
                                  list.clear();
                                  list.add(fromMemory);
                                }))
                                .block(iri -> !iri.toString().startsWith(BASE))));
  }

  /** The compiled schema at a location of the tree. */
  public Schema compile(SourceLocation location) {
    return cache.computeIfAbsent(location, this::doCompile);
  }

  private Schema doCompile(SourceLocation location) {
    if (!documents.containsKey(location.file())) {
      throw ContractException.builder("Cannot compile schema", location.file())
          .at(location.pointer())
          .expected("a schema file registered in the contract tree")
          .butWas("an unknown file")
          .hint("reference the schema from an endpoint so the registry loads it")
          .build();
    }
    Object[] result = new Object[1];
    // networknt compiles every schema a $ref reaches, recursing once per level of the chain; the loader lets
    // a chain run through any number of files, so the recursion gets a stack of its own that such a chain
    // cannot exhaust (the thread only reserves the memory; it uses what the recursion touches).
    Thread t = new Thread(null, () -> {
      try {
        Schema schema = registry.getSchema(SchemaLocation.of(iri(location)));
        schema.initializeValidators();
        result[0] = schema;
      } catch (RuntimeException | StackOverflowError e) {
        result[0] = e;
      }
    }, "contract-gate-compile", COMPILE_STACK_BYTES);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // finish the compile: it is cached, and a half-compiled schema must not be
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (result[0] instanceof Schema schema) {
      return schema;
    }
    Throwable e = (Throwable) result[0];
    throw ContractException.builder("Cannot compile schema", location.file())
        .at(location.pointer())
        .expected("a valid JSON Schema (2020-12 or draft-07)")
        .butWas(e instanceof StackOverflowError ? "references that nest deeper than the compiler can follow"
            : cause(e))
        .hint(e instanceof StackOverflowError ? "shorten the chains of $ref between the schema files (docs/limits.md)"
            : "check the keyword named above against the JSON Schema specification")
        .cause(e)
        .build();
  }

  /** The message of a compile failure, without the class names of the libraries underneath. */
  private static String cause(Throwable e) {
    String m = String.valueOf(e.getMessage());
    Throwable c = e.getCause();
    if (c != null && c.getMessage() != null && m.contains(c.getClass().getName())) {
      m = c.getMessage();
    }
    return m.replaceFirst("^[a-z][a-z0-9_.]*\\.[A-Z][A-Za-z]*(Exception|Error): ", "");
  }

  /** The IRI networknt knows a location by. */
  public static String iri(SourceLocation location) {
    return BASE + location.file() + "#" + location.pointer();
  }

  /** Maps a networknt schema location back into the tree. */
  public static SourceLocation toSource(SchemaLocation location) {
    String iri = location.getAbsoluteIri() == null ? "" : location.getAbsoluteIri().toString();
    String file = iri.startsWith(BASE) ? iri.substring(BASE.length()) : iri;
    String fragment = location.getFragment() == null ? "" : location.getFragment().toString();
    if (!fragment.isEmpty() && !fragment.startsWith("/")) {
      fragment = fragment.startsWith("#") ? fragment.substring(1) : "/" + fragment;
    }
    return new SourceLocation(file, fragment);
  }
}
