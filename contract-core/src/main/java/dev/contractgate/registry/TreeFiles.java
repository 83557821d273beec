package dev.contractgate.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * File access shared by the readers of a contract tree, on the default file system and inside a jar alike.
 *
 * <p>Every file and folder is resolved with its real path, which must stay inside the real path of the
 * tree's root: a symbolic link that leads out of the tree is refused, naming the link (tree-relative) and
 * never its target or the target's content. On a pull request the tree is the contributor's, and a report
 * posted back would otherwise carry whatever file the CI runner can read. Links that stay inside are fine.
 */
final class TreeFiles {

  private final Path root;
  private final Path realRoot;

  TreeFiles(Path root) {
    this.root = root;
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException | RuntimeException e) {
      real = root.toAbsolutePath().normalize();
    }
    this.realRoot = real;
  }

  Path root() {
    return root;
  }

  /** What is at {@code p}, the tree-relative {@code file}: for messages that must tell a folder from nothing. */
  enum Kind {
    FILE,
    DIRECTORY,
    OTHER,
    MISSING
  }

  /** The kind of entry at {@code p}, after checking that it stays inside the tree. */
  Kind kind(String file, Path p) {
    if (p == null || !Files.exists(p)) {
      return Kind.MISSING;
    }
    contain(file, p);
    return Files.isRegularFile(p) ? Kind.FILE : Files.isDirectory(p) ? Kind.DIRECTORY : Kind.OTHER;
  }

  /** "a directory" or "nothing" for a message about a file that should be at {@code p}. */
  static String describe(Kind kind) {
    return switch (kind) {
      case DIRECTORY -> "a directory, not a file";
      case OTHER -> "not a regular file";
      default -> "missing file";
    };
  }

  /** Parses one file of the tree; {@code file} is how messages name it. */
  LocatedDocument parse(String file, Path p) {
    contain(file, p);
    try (InputStream in = Files.newInputStream(p)) {
      return LocatedDocument.parse(file, in, LocatedDocument.Syntax.forFile(file));
    } catch (IOException e) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("a readable file")
          .butWas(e instanceof NoSuchFileException ? "missing file" : e.getClass().getSimpleName())
          .hint("check the file's permissions")
          .build();
    }
  }

  /** Parses a file given on its own (not part of a tree, so no containment), e.g. {@code diff --policy}. */
  static LocatedDocument parseFile(String file, Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return LocatedDocument.parse(file, in, LocatedDocument.Syntax.forFile(file));
    } catch (IOException e) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("a readable file")
          .butWas(e.getClass().getSimpleName())
          .hint("check the file's permissions")
          .build();
    }
  }

  /** Entries of a folder of the tree sorted by name, after checking that the folder stays inside the tree. */
  List<Path> children(String dirName, Path dir) {
    contain(dirName, dir);
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted((a, b) -> name(a).compareTo(name(b))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses {@code p} (the tree-relative {@code file}) when its real path leaves the tree, naming the first
   * link on the way that leads out.
   */
  void contain(String file, Path p) {
    if (p.getFileSystem() != FileSystems.getDefault()) {
      return; // a jar holds no links
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      return; // nothing there (yet): whoever opens it reports that
    }
    if (real.startsWith(realRoot)) {
      return;
    }
    throw ContractException.builder("Cannot load contract", link(file))
        .expected("a file inside the contract tree")
        .butWas("a symbolic link that leads outside the tree (target not shown)")
        .hint("copy the file into the tree instead of linking to it; links may only point inside the tree")
        .build();
  }

  /** The tree-relative name of the first link in {@code file} whose target is outside the tree. */
  private String link(String file) {
    String clean = file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
    Path p = root;
    StringBuilder name = new StringBuilder();
    for (String part : clean.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      p = p.resolve(part);
      name.append(name.length() == 0 ? "" : "/").append(part);
      if (Files.isSymbolicLink(p)) {
        try {
          if (!p.toRealPath().startsWith(realRoot)) {
            return name.toString();
          }
        } catch (IOException e) {
          return name.toString();
        }
      }
    }
    return clean;
  }

  /**
   * The path of a tree-relative file, or null for a name that is empty or could step outside the tree.
   * {@link Refs} refuses such names already; this keeps the tree closed should a caller skip it.
   */
  static Path resolveInTree(Path root, String file) {
    Path p = root;
    for (String part : file.split("/")) {
      if (part.isEmpty() || part.equals("..") || part.equals(".")) {
        return null;
      }
      p = p.resolve(part);
    }
    return p;
  }

  /** The last name of a path; a jar file system ends directory names with '/'. */
  static String name(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }
}
