package dev.contractgate.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a contract tree strictly (see {@code docs/contract-format.md}) into an immutable {@link LoadedTree}.
 * This class walks the folders and decides what each one must hold; one reader per kind of file reads it:
 * {@link PolicyReader}, {@link NamespaceReader}, {@link EndpointsReader} (which loads the schemas it names
 * through {@link SchemaFiles}) and {@link ConsumerReader}.
 *
 * <p>A load goes on past a problem wherever the rest does not depend on it: another namespace, another version,
 * another consumer file. Within one file the first problem ends that file. At the end, every problem found is
 * thrown as one {@link ContractException} (see {@link ContractException#of}); a tree with one problem gets that
 * problem's own exception. A consumer pinned to a namespace or version that failed is not checked (it would only
 * echo the failure). Folders are visited in name order, so that the problems come in the same order on every
 * machine.
 */
final class ContractLoader {

  private static final String CONSUMERS_DIR = "consumers";

  private final Path root;
  private final String origin;
  private final TreeFiles files;
  private final SchemaFiles schemas;
  private final List<ContractException> problems = new ArrayList<>();
  /** Namespaces ({@code ns}) and versions ({@code ns@1.0.0}) that failed to load. */
  private final Set<String> broken = new HashSet<>();

  private ContractLoader(Path root, String origin) {
    this.root = root;
    this.origin = origin;
    this.files = new TreeFiles(root);
    this.schemas = new SchemaFiles(files);
  }

  /**
   * Loads the tree under {@code root}.
   *
   * @param origin how to name the tree in messages, e.g. the directory as the user typed it
   */
  static LoadedTree load(Path root, String origin) {
    return new ContractLoader(root, origin).load();
  }

  private LoadedTree load() {
    if (!Files.isDirectory(root)) {
      throw ContractException.builder("Cannot load contract", origin)
          .expected("a directory holding namespace folders (see docs/contract-format.md)")
          .butWas(Files.exists(root) ? "a file" : "nothing at this path")
          .hint("pass --contracts DIR with the root of your contract tree")
          .build();
    }
    Policy policy = attempt(() -> PolicyReader.readTree(files));
    Map<String, Namespace> namespaces = new TreeMap<>();
    Map<String, List<ContractVersion>> versions = new TreeMap<>();
    int folders = 0;
    for (Path dir : files.children("", root)) {
      String name = TreeFiles.name(dir);
      if (!Files.isDirectory(dir) || name.startsWith(".") || name.equals(CONSUMERS_DIR)) {
        continue;
      }
      folders++;
      Namespace ns = attempt(() -> NamespaceReader.read(files, dir, name));
      if (ns == null) {
        broken.add(name);
        continue;
      }
      List<ContractVersion> read = attempt(() -> versions(dir, ns));
      if (read == null) {
        broken.add(name);
        continue;
      }
      namespaces.put(name, ns);
      versions.put(name, read);
    }
    if (folders == 0) {
      problems.add(ContractException.builder("Cannot load contract", origin)
          .expected("at least one namespace folder with a namespace.yaml")
          .butWas("no namespace")
          .hint("create e.g. ivanpin/namespace.yaml and ivanpin/1.0.0/endpoints.yaml (see docs/contract-format.md)")
          .build());
      throw ContractException.of(origin, problems);
    }
    if (problems.isEmpty()) {
      // A chain through a file that failed to load would be reported as a second, misleading problem.
      attempt(() -> {
        schemas.checkInPlaceChains();
        return null;
      });
    }
    // Consumers come last: each is checked against the namespaces and versions read above.
    List<Consumer> consumers = consumers(versions);
    if (!problems.isEmpty()) {
      throw ContractException.of(origin, problems);
    }
    return new LoadedTree(origin, policy, namespaces, versions, consumers, schemas.documents());
  }

  private List<ContractVersion> versions(Path nsDir, Namespace ns) {
    List<ContractVersion> out = new ArrayList<>();
    for (Path dir : files.children(ns.id() + "/", nsDir)) {
      String name = swapped(nsDir, TreeFiles.name(dir));
      if (!Files.isDirectory(dir) || name.startsWith(".")) {
        continue;
      }
      if (!SemVer.isValid(name)) {
        problems.add(ContractException.builder("Cannot load contract", ns.id() + "/" + name + "/")
            .expected("a version folder named as a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0)")
            .butWas("\"" + name + "\"")
            .hint("rename the folder; versions are compared by semantic-version order")
            .build());
        continue;
      }
      ContractVersion v = attempt(() -> EndpointsReader.read(dir, ns.id(), SemVer.parse(name), schemas));
      if (v == null) {
        broken.add(ns.id() + "@" + SemVer.parse(name));
      } else {
        out.add(v);
      }
    }
    out.sort((a, b) -> a.version().compareTo(b.version()));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).version().compareTo(out.get(i - 1).version()) == 0) {
        throw ContractException.builder("Cannot load contract", ns.id() + "/")
            .expected("each version once")
            .butWas("two folders for " + out.get(i).version())
            .hint("remove one of them")
            .build();
      }
    }
    if (out.isEmpty() && broken.stream().noneMatch(b -> b.startsWith(ns.id() + "@"))) {
      throw ContractException.builder("Cannot load contract", ns.id() + "/")
          .expected("at least one version folder (e.g. " + ns.id() + "/1.0.0/endpoints.yaml)")
          .butWas("no version")
          .hint("create the first version of the namespace's contract")
          .build();
    }
    return List.copyOf(out);
  }

  /**
   * The version a folder holds: its name, or for {@code .V.import-new} (and {@code .V.import-old} when there is no
   * new one) the version {@code V} while its folder is missing, which is the instant an {@code import --force}
   * swaps them (openapi's ContractWriter, same names): readers see the old or the new version, never none.
   */
  private static String swapped(Path nsDir, String name) {
    for (String suffix : new String[] {".import-new", ".import-old"}) {
      if (name.startsWith(".") && name.endsWith(suffix) && name.length() > suffix.length() + 1) {
        String v = name.substring(1, name.length() - suffix.length());
        boolean newer = suffix.equals(".import-old") && Files.isDirectory(nsDir.resolve("." + v + ".import-new"));
        return SemVer.isValid(v) && !Files.exists(nsDir.resolve(v)) && !newer ? v : name;
      }
    }
    return name;
  }

  private List<Consumer> consumers(Map<String, List<ContractVersion>> versions) {
    Path dir = root.resolve(CONSUMERS_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Consumer> out = new ArrayList<>();
    for (Path p : files.children(CONSUMERS_DIR + "/", dir)) {
      String name = TreeFiles.name(p);
      if (!Files.isRegularFile(p) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
        continue;
      }
      String id = name.substring(0, name.lastIndexOf('.'));
      Consumer c = attempt(() -> ConsumerReader.read(files, p, CONSUMERS_DIR + "/" + name, id, versions,
          SchemaPointers.of(file -> {
            LocatedDocument d = schemas.documents().get(file);
            return d == null ? null : d.root();
          }), broken));
      if (c != null) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /** Runs one independent part of the load; a problem is kept for the end and the part answers null. */
  private <T> T attempt(java.util.function.Supplier<T> part) {
    try {
      return part.get();
    } catch (ContractException e) {
      problems.add(e);
      return null;
    }
  }
}
