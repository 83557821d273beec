package dev.contractgate.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File access shared by the readers of a contract tree, on the default file system and inside a jar alike. */
final class TreeFiles {

  private TreeFiles() {}

  /** Parses one file of the tree; {@code file} is how messages name it. */
  static LocatedDocument parse(String file, Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return LocatedDocument.parse(file, in, LocatedDocument.Syntax.forFile(file));
    } catch (IOException e) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("a readable file")
          .butWas(e.getClass().getSimpleName()
              + ": " + e.getMessage())
          .hint("check the file's permissions")
          .build();
    }
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

  /** Entries sorted by name, so that loading and its first error do not depend on the file system's order. */
  static List<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted((a, b) -> name(a).compareTo(name(b))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
