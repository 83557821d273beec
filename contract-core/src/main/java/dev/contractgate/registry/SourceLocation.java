package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A place in the contract tree: a file path relative to the tree root and a JSON pointer inside that file.
 *
 * <p>Rendered as {@code ivanpin/1.0.0/schemas/blog-list.schema.json#/properties/items}; an empty pointer is
 * the whole document.
 *
 * @param file tree-relative path with forward slashes, never starting with {@code /}
 * @param pointer RFC 6901 JSON pointer, {@code ""} for the document root
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SourceLocation(String file, String pointer) implements Comparable<SourceLocation> {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw new IllegalArgumentException("JSON pointer must be empty or start with '/': " + pointer);
    }
  }

  /** The root of {@code file}. */
  public static SourceLocation of(String file) {
    return new SourceLocation(file, "");
  }

  /** Parses {@code file#/pointer} (the fragment is optional). */
  public static SourceLocation parse(String text) {
    int hash = text.indexOf('#');
    if (hash < 0) {
      return new SourceLocation(text, "");
    }
    return new SourceLocation(text.substring(0, hash), text.substring(hash + 1));
  }

  /** This location with one more pointer segment, escaped as RFC 6901 requires. */
  public SourceLocation child(String segment) {
    return new SourceLocation(file, pointer + "/" + escape(segment));
  }

  /** This location with an array index appended. */
  public SourceLocation child(int index) {
    return new SourceLocation(file, pointer + "/" + index);
  }

  /** Escapes one reference token for a JSON pointer ({@code ~} to {@code ~0}, {@code /} to {@code ~1}). */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : pointer.compareTo(o.pointer);
  }

  @Override
  public String toString() {
    return pointer.isEmpty() ? file : file + "#" + pointer;
  }
}
