package dev.contractgate.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of contract files and the files that make up one version. */
final class Digests {

  private Digests() {}

  /**
   * The digest of a file's content with CRLF read as LF: a checkout with {@code core.autocrlf} must not make
   * a released version look edited.
   */
  static String of(byte[] content) {
    byte[] normal = normalize(content);
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static byte[] normalize(byte[] content) {
    byte[] out = new byte[content.length];
    int n = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
        continue;
      }
      out[n++] = content[i];
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Every file of {@code root/namespace/version} (hidden files and folders left out), keyed by its
   * tree-relative name with {@code /}, sorted; empty when the folder does not exist.
   */
  static Map<String, Path> versionFiles(Path root, String namespace, String version) {
    Path dir = root.resolve(namespace).resolve(version);
    Map<String, Path> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      // Links are listed, never followed: their content is not the tree's (see LINK).
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)).forEach(p -> {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (Stream.of(rel.split("/")).noneMatch(seg -> seg.startsWith("."))) {
          out.put(rel, p);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + namespace + "/" + version + "/", e);
    }
    return out;
  }

  /** What stands for a symbolic link's digest: a link is never read, so its target cannot leak into a report. */
  static final String LINK = "symbolic-link";

  /** The digest of a listed file, {@link #LINK} for a link. */
  static String ofFile(Path file) {
    return Files.isSymbolicLink(file) ? LINK : of(read(file));
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
    }
  }
}
