package dev.contractgate.openapi;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.EndpointsYaml;
import dev.contractgate.registry.Namespace;
import dev.contractgate.registry.SourceLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
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
 * place; a version that exists is swapped with renames so that readers always see the old or the new one
 * (see {@link #write}).
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

  /** What a folder being written is called: {@code .<version or namespace>.import-staging-<random>}. */
  static final String STAGING = ".import-staging-";
  /**
   * The complete new version folder while {@code --force} swaps it in, and the old one moved aside:
   * {@code .<version>.import-new} and {@code .<version>.import-old}. The loader reads a version that is missing
   * from these ({@code ContractLoader}, same names), so that no reader ever sees it missing.
   */
  static final String NEW = ".import-new";
  static final String OLD = ".import-old";

  /** Where the steps of {@link #write} can be interrupted, for tests (a failure or a process halt). */
  interface Step {
    void reached(String step) throws IOException;
  }

  static volatile Step step = s -> { };

  /**
   * Writes the version (and the namespace.yaml when there is none); returns the version folder.
   *
   * <p>Everything is written into a hidden staging folder first. A new version (or namespace) is then one
   * rename. An existing version ({@code force}) is swapped in three renames: staging to {@code .V.import-new}
   * (complete), {@code V} to {@code .V.import-old}, {@code .V.import-new} to {@code V}; then the old one is
   * deleted. Between the second and the third rename {@code V} is missing on disk, and the loader reads
   * {@code .V.import-new} as {@code V}: at every instant a reader sees either the old or the new version. A
   * process killed at any step leaves these hidden folders; the next write into the tree (under a lock, so
   * never while another import works) finishes such a swap when the new folder is complete and undoes it
   * otherwise, and deletes staging folders, so nothing is left behind.
   */
  public static Path write(ImportedVersion v, Path tree, boolean force) {
    String ns = v.namespace().id();
    String version = v.version().version().toString();
    Path nsDir = tree.resolve(ns);
    Path target = nsDir.resolve(version);
    try {
      Files.createDirectories(tree);
    } catch (IOException e) {
      throw notWritable(target, e);
    }
    try (TreeLock lock = TreeLock.acquire(tree)) {
      recover(tree);
      checkTarget(tree, ns, version, force);
      boolean newNamespace = !Files.isDirectory(nsDir);
      Path staging = Files.createTempDirectory(newNamespace ? tree : nsDir, "." + (newNamespace ? ns : version) + STAGING);
      try {
        Path versionStage = newNamespace ? staging.resolve(version) : staging;
        Files.createDirectories(versionStage.resolve("schemas"));
        writeVersion(v, versionStage);
        if (newNamespace) {
          Files.writeString(staging.resolve("namespace.yaml"), namespaceYaml(v.namespace(), v), StandardCharsets.UTF_8);
          step.reached("staged");
          move(staging, nsDir);
          return target;
        }
        if (!Files.isRegularFile(nsDir.resolve("namespace.yaml"))) {
          Path tmp = Files.createTempFile(nsDir, ".namespace.yaml" + STAGING, "");
          Files.writeString(tmp, namespaceYaml(v.namespace(), v), StandardCharsets.UTF_8);
          move(tmp, nsDir.resolve("namespace.yaml"));
        }
        step.reached("staged");
        if (!Files.exists(target)) {
          move(staging, target);
          return target;
        }
        Path fresh = nsDir.resolve("." + version + NEW);
        Path old = nsDir.resolve("." + version + OLD);
        move(staging, fresh);
        step.reached("new complete");
        move(target, old);
        step.reached("old moved aside");
        move(fresh, target);
        step.reached("new in place");
        try {
          deleteTree(old);
        } catch (IOException e) {
          // the new version is in place; the next import deletes what is left of the old one
        }
        return target;
      } catch (IOException e) {
        undo(nsDir, version);
        throw e;
      } finally {
        if (Files.exists(staging)) {
          try {
            deleteTree(staging);
          } catch (IOException ignored) {
            // hidden, skipped by the loader, and deleted by the next import
          }
        }
      }
    } catch (IOException e) {
      throw notWritable(target, e);
    }
  }

  private static ContractException notWritable(Path target, IOException e) {
    return ContractException.builder("Cannot import OpenAPI description", target.toString())
        .expected("a writable contract tree")
        .butWas(e.toString())
        .hint("check that the folder is writable; the version folder is as it was before")
        .cause(e)
        .build();
  }

  /** After a failed swap in this process: the old version back in place when the new one is not. */
  private static void undo(Path nsDir, String version) {
    Path target = nsDir.resolve(version);
    Path old = nsDir.resolve("." + version + OLD);
    Path fresh = nsDir.resolve("." + version + NEW);
    try {
      if (!Files.exists(target) && Files.isDirectory(old)) {
        move(old, target);
      }
      if (Files.exists(target) && Files.isDirectory(fresh)) {
        deleteTree(fresh);
      }
    } catch (IOException e) {
      // the next import finishes or undoes the swap (recover)
    }
  }

  /**
   * Finishes or undoes what imports killed earlier left in {@code tree}, as readers see it: a version folder
   * that is missing comes from {@code .V.import-new} (complete) or else {@code .V.import-old}; when the version
   * folder is there, both are leftovers. Staging folders and files are deleted, also those of earlier releases
   * ({@code .import-*} folders, {@code .namespace-*.yaml} files).
   */
  static void recover(Path tree) throws IOException {
    for (Path p : children(tree)) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") && (name.contains(STAGING) || name.startsWith(".import-"))) {
        deleteTree(p);
      } else if (!name.startsWith(".") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        recoverNamespace(p);
      }
    }
  }

  private static void recoverNamespace(Path nsDir) throws IOException {
    for (Path p : children(nsDir)) {
      String name = p.getFileName().toString();
      if (!name.startsWith(".")) {
        continue;
      }
      if (name.contains(STAGING) || (name.startsWith(".import-") && Files.isDirectory(p))
          || (name.startsWith(".namespace-") && name.endsWith(".yaml"))) {
        deleteTree(p);
        continue;
      }
      String version = name.endsWith(NEW) ? name.substring(1, name.length() - NEW.length())
          : name.endsWith(OLD) ? name.substring(1, name.length() - OLD.length()) : null;
      if (version == null || version.isEmpty() || !Files.exists(p)) {
        continue;
      }
      Path target = nsDir.resolve(version);
      Path fresh = nsDir.resolve("." + version + NEW);
      Path old = nsDir.resolve("." + version + OLD);
      if (!Files.exists(target)) {
        move(Files.isDirectory(fresh) ? fresh : old, target);
      }
      deleteTree(fresh);
      deleteTree(old);
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /**
   * One import at a time per tree, across processes: a lock on a file in the system's temporary folder named
   * after the tree (none is left in the tree). The system drops the lock of a killed process.
   */
  private static final class TreeLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private TreeLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    /** File locks are per process: threads of this one take turns here first. */
    private static final java.util.concurrent.locks.ReentrantLock IN_PROCESS = new java.util.concurrent.locks.ReentrantLock();

    static TreeLock acquire(Path tree) throws IOException {
      String key = tree.toRealPath().toString();
      String hash = String.format("%08x", key.hashCode());
      Path file = Path.of(System.getProperty("java.io.tmpdir"), "contract-gate-import-" + hash + ".lock");
      IN_PROCESS.lock();
      FileChannel c = null;
      try {
        c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new TreeLock(c, c.lock());
      } catch (IOException | RuntimeException e) {
        if (c != null) {
          c.close();
        }
        IN_PROCESS.unlock();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
        channel.close();
      } finally {
        IN_PROCESS.unlock();
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
      EndpointsYaml.requestAndResponses(e, o, s -> relative(s, prefix));
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
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
