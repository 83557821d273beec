package dev.contractgate.openapi;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.HeaderExpectation;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes an imported version into a contract tree, all or nothing: everything goes into a hidden staging
 * folder beside the target (the loader skips folders whose name starts with '.') and is then moved into
 * place.
 */
final class ContractWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter JSON = JsonMapper.shared().writerWithDefaultPrettyPrinter();
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();

  private ContractWriter() {}

  /** The existing {@code basePath} of {@code tree/ns/namespace.yaml}, if that file exists. */
  public static java.util.Optional<String> existingBasePath(Path tree, String ns) {
    Path file = tree.resolve(ns).resolve("namespace.yaml");
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try (var in = Files.newInputStream(file)) {
      JsonNode root = dev.contractgate.registry.LocatedDocument.parse(ns + "/namespace.yaml", in,
          dev.contractgate.registry.LocatedDocument.Syntax.YAML).root();
      JsonNode bp = root.path("basePath");
      return bp.isString() ? java.util.Optional.of(bp.asString()) : java.util.Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses an existing version folder unless {@code force}. */
  public static void checkTarget(Path tree, String ns, String version, boolean force) {
    Path target = tree.resolve(ns).resolve(version);
    if (Files.exists(target) && !force) {
      throw ContractException.builder("Cannot import OpenAPI description", tree.resolve(ns).resolve(version).toString())
          .expected("a version folder that does not exist yet")
          .butWas("it exists already")
          .hint("pass --force to replace it, or import as a new version (e.g. the next minor) to keep history")
          .build();
    }
  }

  /** Writes the version (and the namespace.yaml when there is none); returns the version folder. */
  public static Path write(ImportedVersion v, Path tree, boolean force) {
    String ns = v.namespace().id();
    String version = v.version().version().toString();
    checkTarget(tree, ns, version, force);
    Path nsDir = tree.resolve(ns);
    Path target = nsDir.resolve(version);
    Path staging = null;
    try {
      Files.createDirectories(tree);
      boolean newNamespace = !Files.isDirectory(nsDir);
      staging = Files.createTempDirectory(newNamespace ? tree : nsDir, ".import-");
      Path versionStage = newNamespace ? staging.resolve(version) : staging;
      Files.createDirectories(versionStage.resolve("schemas"));
      writeVersion(v, versionStage);
      if (newNamespace) {
        Files.writeString(staging.resolve("namespace.yaml"), namespaceYaml(v.namespace(), v), StandardCharsets.UTF_8);
        move(staging, nsDir);
        return target;
      }
      if (!Files.isRegularFile(nsDir.resolve("namespace.yaml"))) {
        Path tmp = Files.createTempFile(nsDir, ".namespace-", ".yaml");
        Files.writeString(tmp, namespaceYaml(v.namespace(), v), StandardCharsets.UTF_8);
        move(tmp, nsDir.resolve("namespace.yaml"));
      }
      if (Files.exists(target)) {
        Path old = Files.createTempDirectory(nsDir, ".replaced-");
        Files.delete(old);
        move(target, old);
        try {
          move(staging, target);
        } catch (IOException e) {
          move(old, target); // put the old version back
          throw e;
        }
        deleteTree(old);
      } else {
        move(staging, target);
      }
      staging = null;
      return target;
    } catch (IOException e) {
      throw ContractException.builder("Cannot import OpenAPI description", target.toString())
          .expected("a writable contract tree")
          .butWas(e.toString())
          .hint("check that the folder is writable; nothing was changed")
          .build();
    } finally {
      if (staging != null && Files.exists(staging)) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // best effort: a hidden staging folder is skipped by the loader
        }
      }
    }
  }

  private static void writeVersion(ImportedVersion v, Path versionDir) throws IOException {
    String prefix = v.namespace().id() + "/" + v.version().version() + "/";
    for (Map.Entry<String, JsonNode> e : v.schemas().entrySet()) {
      Path file = versionDir.resolve(e.getKey().substring(prefix.length()));
      try (OutputStream out = Files.newOutputStream(file)) {
        JSON.writeValue(out, e.getValue());
      }
    }
    Files.writeString(versionDir.resolve("endpoints.yaml"), endpointsYaml(v), StandardCharsets.UTF_8);
  }

  /** The {@code endpoints.yaml} text of a version. */
  public static String endpointsYaml(ImportedVersion v) {
    String prefix = v.namespace().id() + "/" + v.version().version() + "/";
    ObjectNode root = NODES.objectNode();
    root.put("description", v.version().description());
    var list = root.putArray("endpoints");
    for (Endpoint e : v.version().endpoints()) {
      ObjectNode o = list.addObject();
      o.put("id", e.id());
      o.put("method", e.method());
      o.put("path", e.path());
      if (!e.summary().isEmpty()) {
        o.put("summary", e.summary());
      }
      if (e.deprecated()) {
        o.put("deprecated", true);
      }
      if (e.request().query().isPresent() || e.request().body().isPresent()) {
        ObjectNode r = o.putObject("request");
        e.request().query().ifPresent(q -> r.put("query", relative(q, prefix)));
        e.request().body().ifPresent(b -> r.put("body", relative(b, prefix)));
      }
      ObjectNode rs = o.putObject("responses");
      for (Endpoint.Response r : e.responses().values()) {
        ObjectNode ro = rs.putObject(String.valueOf(r.status()));
        r.schema().ifPresent(s -> ro.put("schema", relative(s, prefix)));
        r.contentType().filter(ct -> r.schema().isEmpty() || !ct.equals("application/json"))
            .ifPresent(ct -> ro.put("contentType", ct));
        if (!r.headers().isEmpty()) {
          ObjectNode hs = ro.putObject("headers");
          for (HeaderExpectation h : r.headers()) {
            ObjectNode ho = hs.putObject(h.name());
            switch (h.kind()) {
              case EQUALS -> ho.put("equals", h.values().get(0));
              case PATTERN -> ho.put("pattern", h.values().get(0));
              case CONTAINS -> h.values().forEach(ho.putArray("contains")::add);
              case ABSENT -> ho.put("absent", true);
            }
          }
        }
      }
    }
    return YAML.writeValueAsString(root);
  }

  private static String relative(SourceLocation s, String prefix) {
    return s.toString().substring(prefix.length());
  }

  /** The {@code namespace.yaml} text, with comments on what was derived. */
  public static String namespaceYaml(Namespace n, ImportedVersion v) {
    StringBuilder b = new StringBuilder();
    b.append("# Written by contract-gate import openapi: ").append(v.version().description().replace("\n", " "))
        .append('\n');
    if (!n.description().isEmpty()) {
      b.append("description: ").append(quote(n.description())).append('\n');
    }
    b.append("basePath: ").append(quote(n.basePath())).append('\n');
    n.auth().ifPresent(a -> {
      b.append("auth:\n");
      b.append("  header: ").append(quote(a.header())).append('\n');
      b.append("  # Derived from the namespace id: put the token in this environment variable before verify or stub.\n");
      b.append("  tokenEnv: ").append(a.tokenEnv()).append('\n');
    });
    if (!n.owners().isEmpty()) {
      b.append("owners: [");
      for (int i = 0; i < n.owners().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(quote(n.owners().get(i)));
      }
      b.append("]\n");
    }
    return b.toString();
  }

  private static String quote(String s) {
    return JsonMapper.shared().writeValueAsString(NODES.stringNode(s));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    } catch (FileAlreadyExistsException e) {
      throw e;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
