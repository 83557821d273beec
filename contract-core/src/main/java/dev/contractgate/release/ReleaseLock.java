package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.SemVer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The lock file {@code contract-gate.lock} at the root of a contract tree: which versions are released, with a
 * SHA-256 of each of their files (CRLF read as LF). Meant to be committed next to the contracts.
 *
 * <p>One line per file, {@code <namespace>/<version>/<file> sha256:<hex>}, sorted, so that two branches that
 * release different versions merge without a conflict (or with {@code merge=union} in {@code .gitattributes}).
 * A line that appears twice is read once; the same file with two digests, or a merge conflict marker, is an
 * error naming the line.
 *
 * <pre>{@code
 * ReleaseLock.release(root, ContractRegistry.load(root), "ivanpin", "1.2.0");
 * LockCheck.Result r = LockCheck.run(ContractRegistry.load(root), root, ReleasedContent.git(root));
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReleaseLock {

  /** The lock file's name, at the root of the tree. */
  public static final String FILE = "contract-gate.lock";

  static final String HEADER = """
      # contract-gate.lock: the released contract versions, one line per file with its SHA-256 (CRLF read as LF).
      # Written by `contract-gate release --namespace NS --version V`; commit it. A released version never changes:
      # check-history, can-deploy, verify and the JUnit history tests fail when one of its files is edited, added
      # or removed. Release a new version instead. Format: <namespace>/<version>/<file> sha256:<64 hex digits>
      """;

  private static final Pattern LINE = Pattern.compile("([^\\s]+) (sha256:[0-9a-f]{64})");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Map<String, String> digests;

  private ReleaseLock(Map<String, String> digests) {
    this.digests = Collections.unmodifiableMap(new TreeMap<>(digests));
  }

  /** The lock of the tree at {@code root}; an empty lock when there is no lock file. */
  public static ReleaseLock read(Path root) {
    Path file = root.resolve(FILE);
    refuseLink(file);
    if (!Files.exists(file)) {
      return new ReleaseLock(Map.of());
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ContractException.builder("Cannot read the lock file", FILE)
          .expected("a readable UTF-8 text file")
          .butWas(e.getClass().getSimpleName())
          .hint("check the file's permissions and encoding")
          .build();
    }
  }

  /** Parses the lock file's text; errors name {@code contract-gate.lock:LINE}. */
  public static ReleaseLock parse(String text) {
    Map<String, String> digests = new TreeMap<>();
    Map<String, Integer> lineOf = new TreeMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (isConflictMarker(line)) {
        throw ContractException.builder("Cannot read the lock file", FILE + ":" + n)
            .expected("one line per released file")
            .butWas("a merge conflict marker \"" + line.substring(0, Math.min(line.length(), 7)) + "\"")
            .hint("resolve the conflict by keeping the lines of both sides (the file is sorted, order does not"
                + " matter) and deleting the markers; add 'contract-gate.lock merge=union' to .gitattributes so"
                + " that git does it (docs/contract-format.md)")
            .build();
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches() || !validFile(m.group(1))) {
        throw ContractException.builder("Cannot read the lock file", FILE + ":" + n)
            .expected("<namespace>/<version>/<file> sha256:<64 lowercase hex digits>")
            .butWas("\"" + clip(line) + "\"")
            .hint("the lock is written by `contract-gate release`; restore the line from version control")
            .build();
      }
      String previous = digests.putIfAbsent(m.group(1), m.group(2));
      if (previous != null && !previous.equals(m.group(2))) {
        throw ContractException.builder("Cannot read the lock file", FILE + ":" + n)
            .expected("one digest per released file")
            .butWas(m.group(1) + " is also locked with another digest on line " + lineOf.get(m.group(1)))
            .hint("two branches released the same version with different content: keep the line of the version"
                + " that was published, and release the other content as a new version")
            .build();
      }
      lineOf.putIfAbsent(m.group(1), n);
    }
    return new ReleaseLock(digests);
  }

  static boolean isConflictMarker(String line) {
    return line.startsWith("<<<<<<<") || line.startsWith(">>>>>>>") || line.startsWith("=======")
        || line.startsWith("|||||||");
  }

  private static boolean validFile(String file) {
    String[] parts = file.split("/", -1);
    if (parts.length < 3 || !NAME.matcher(parts[0]).matches() || !SemVer.isValid(parts[1])) {
      return false;
    }
    for (int i = 2; i < parts.length; i++) {
      if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..") || parts[i].contains("\\")) {
        return false;
      }
    }
    return true;
  }

  static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }

  /** Every locked file (tree-relative) and its digest, sorted by file. */
  public Map<String, String> digests() {
    return digests;
  }

  /** The released versions as {@code namespace/version}, sorted. */
  public Set<String> versions() {
    Set<String> out = new TreeSet<>();
    digests.keySet().forEach(f -> out.add(versionOf(f)));
    return out;
  }

  public boolean released(String namespace, String version) {
    return versions().contains(namespace + "/" + version);
  }

  /** The locked files of one version, sorted. */
  public Map<String, String> files(String namespace, String version) {
    String prefix = namespace + "/" + version + "/";
    Map<String, String> out = new TreeMap<>();
    digests.forEach((f, d) -> {
      if (f.startsWith(prefix)) {
        out.put(f, d);
      }
    });
    return out;
  }

  /** The lock file's text: the header and one sorted line per file. */
  public String render() {
    StringBuilder b = new StringBuilder(HEADER);
    digests.forEach((f, d) -> b.append(f).append(' ').append(d).append('\n'));
    return b.toString();
  }

  /**
   * What a release did.
   *
   * @param namespace the namespace
   * @param version the version
   * @param files the files locked, tree-relative, sorted
   * @param alreadyReleased true when the lock already held exactly these files and digests (nothing written)
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Released(String namespace, String version, List<String> files, boolean alreadyReleased) {
    public Released {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(version, "version");
      files = List.copyOf(files);
    }
  }

  /**
   * Marks a version released: writes the digest of each of its files into the lock file (temporary file and
   * atomic move, so that a crash leaves the old lock or the new one).
   *
   * @throws ContractException when the namespace or version does not exist, or when the version is already
   *     released with other content (that is an edit of a released version: release a new version instead)
   */
  public static Released release(Path root, ContractRegistry registry, String namespace, String version) {
    registry.requireVersion(namespace, version);
    ReleaseLock lock = read(root);
    Map<String, String> now = new TreeMap<>();
    Digests.versionFiles(root, namespace, version).forEach((f, p) -> now.put(f, Digests.ofFile(p)));
    for (Map.Entry<String, String> e : now.entrySet()) {
      if (e.getValue().equals(Digests.LINK)) {
        throw ContractException.builder("Cannot release " + namespace + "/" + version, e.getKey())
            .expected("a regular file").butWas("a symbolic link (target not shown)")
            .hint("copy the file into the version folder instead of linking to it").build();
      }
    }
    Map<String, String> locked = lock.files(namespace, version);
    if (!locked.isEmpty()) {
      if (locked.equals(now)) {
        return new Released(namespace, version, List.copyOf(now.keySet()), true);
      }
      throw ContractException.builder("Cannot release " + namespace + "/" + version, FILE)
          .expected("a version that is not released yet")
          .butWas(namespace + "/" + version + " is released and its files changed since")
          .hint("a released version never changes: undo the edit (check-history shows it) and release the change"
              + " as a new version")
          .build();
    }
    Map<String, String> all = new TreeMap<>(lock.digests);
    all.putAll(now);
    write(root, new ReleaseLock(all).render());
    return new Released(namespace, version, List.copyOf(now.keySet()), false);
  }

  private static void write(Path root, String text) {
    Path target = root.resolve(FILE);
    Path tmp = root.resolve("." + FILE + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + FILE, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the move took it, or there is nothing to clean up
      }
    }
  }

  static String versionOf(String file) {
    int first = file.indexOf('/');
    return file.substring(0, file.indexOf('/', first + 1));
  }

  /** A link would make the command read (and quote, in an error) a file outside the tree. */
  private static void refuseLink(Path file) {
    if (Files.isSymbolicLink(file)) {
      throw ContractException.builder("Cannot read the lock file", FILE)
          .expected("a regular file in the tree")
          .butWas("a symbolic link (target not shown)")
          .hint("replace the link with the file itself")
          .build();
    }
  }
}
