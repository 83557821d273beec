package dev.contractgate.infer;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Writes an inferred version into a contract tree, all or nothing: the files go into a hidden staging folder
 * inside the tree (the loader skips folders whose name starts with '.'), are loaded there as a tree of their
 * own, and are then moved into place with one rename.
 */
final class TreeWriter {

  private TreeWriter() {}

  static Path write(InferredVersion v, Path tree, boolean force) {
    String ns = v.namespace();
    Path nsDir = tree.resolve(ns);
    Path target = nsDir.resolve(v.version());
    if (Files.exists(target) && !force) {
      throw ContractException.builder("Cannot write inferred version", target.toString())
          .expected("a version folder that does not exist yet")
          .butWas("it exists already")
          .hint("pass --force to replace it, or infer as a new version (e.g. the next minor) to keep history")
          .build();
    }
    Path existingNs = nsDir.resolve("namespace.yaml");
    Optional<String> existingBase = basePath(existingNs);
    if (existingBase.isPresent() && !Collector.normalizeBase(existingBase.get()).equals(v.basePath())) {
      throw ContractException.builder("Cannot write inferred version", existingNs.toString())
          .at("/basePath")
          .expected("the base path the version was inferred for, " + v.basePath())
          .butWas("\"" + existingBase.get() + "\"")
          .hint("infer with --base-path " + existingBase.get() + ", or write into another tree")
          .build();
    }
    Path staging = null;
    try {
      Files.createDirectories(tree);
      staging = Files.createTempDirectory(tree, ".infer-");
      for (Map.Entry<String, String> f : v.files().entrySet()) {
        Path file = staging.resolve(f.getKey());
        if (f.getKey().equals(ns + "/namespace.yaml") && Files.isRegularFile(existingNs)) {
          Files.createDirectories(file.getParent());
          Files.copy(existingNs, file);
          continue;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
      // The staged tree must load on its own: a version that does not lint is never written.
      ContractRegistry.load(staging);
      if (!Files.isDirectory(nsDir)) {
        move(staging.resolve(ns), nsDir);
      } else if (Files.exists(target)) {
        Path old = Files.createTempDirectory(nsDir, ".replaced-");
        Files.delete(old);
        move(target, old);
        try {
          move(staging.resolve(ns).resolve(v.version()), target);
        } catch (IOException e) {
          move(old, target);
          throw e;
        }
        deleteTree(old);
      } else {
        move(staging.resolve(ns).resolve(v.version()), target);
      }
      return target;
    } catch (IOException e) {
      throw ContractException.builder("Cannot write inferred version", target.toString())
          .expected("a writable contract tree")
          .butWas(e.toString())
          .hint("check that the folder is writable; nothing was changed")
          .cause(e)
          .build();
    } finally {
      if (staging != null) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // best effort: a hidden staging folder is skipped by the loader
        }
      }
    }
  }

  private static Optional<String> basePath(Path namespaceYaml) {
    if (!Files.isRegularFile(namespaceYaml)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(namespaceYaml)) {
      JsonNode root = LocatedDocument.parse(namespaceYaml.toString(), in, LocatedDocument.Syntax.YAML).root();
      JsonNode bp = root.path("basePath");
      return bp.isString() ? Optional.of(bp.asString()) : Optional.empty();
    } catch (IOException e) {
      throw ContractException.builder("Cannot read namespace", namespaceYaml.toString())
          .expected("a readable namespace.yaml")
          .butWas(e.toString())
          .hint("check the file's permissions")
          .cause(e)
          .build();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
