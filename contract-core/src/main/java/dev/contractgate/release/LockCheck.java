package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.SchemaDiff;
import dev.contractgate.diff.SchemaInput;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.SourceLocation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Released versions are still what was released: every file of a version in {@link ReleaseLock} must exist
 * with its locked digest, and no file may have been added to it. Each difference names the file and shows
 * what changed: the schema diff of the released content against the file now where the file is a schema,
 * the changed lines otherwise (when {@link ReleasedContent} finds the released bytes again).
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LockCheck {

  /** The hint every finding carries. */
  public static final String HINT = "a released version never changes under its consumers: undo the edit"
      + " (e.g. git checkout -- <file>) and release the change as a new version (copy the folder to the next"
      + " version, edit it there, run contract-gate release)";

  private LockCheck() {}

  /** What happened to a file of a released version. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** Its content is not the released content. */
    CHANGED,
    /** It was added to a released version. */
    ADDED,
    /** It was removed (possibly with the whole version). */
    REMOVED,
    /** The version is released in the baseline but its lines are gone from the lock. */
    UNLOCKED
  }

  /**
   * One file of a released version that is not what was released.
   *
   * @param namespace the namespace
   * @param version the released version
   * @param file the tree-relative file
   * @param kind what happened
   * @param lockedDigest the released digest, empty for an added file
   * @param actualDigest the digest now, empty for a removed file
   * @param details what changed, one line each: schema changes, changed lines, or why they cannot be shown
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Drift(String namespace, String version, String file, Kind kind, String lockedDigest,
      String actualDigest, List<String> details) {
    public Drift {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(lockedDigest, "lockedDigest");
      Objects.requireNonNull(actualDigest, "actualDigest");
      details = List.copyOf(details);
    }

    /** One line: {@code ivanpin/1.2.0/schemas/blog-detail.schema.json changed in released ivanpin 1.2.0}. */
    public String headline() {
      return switch (kind) {
        case CHANGED -> file + " changed in released " + namespace + " " + version;
        case ADDED -> file + " was added to released " + namespace + " " + version;
        case REMOVED -> file + " was removed from released " + namespace + " " + version;
        case UNLOCKED -> namespace + " " + version + " is released in the baseline but missing from "
            + ReleaseLock.FILE;
      };
    }

    /** The headline, the details and the hint, for a test failure or an error message. */
    public String message() {
      StringBuilder b = new StringBuilder(headline());
      details.forEach(d -> b.append("\n    ").append(d));
      return b.append("\n    hint: ").append(HINT).toString();
    }
  }

  /**
   * The outcome.
   *
   * @param released the released versions checked, {@code namespace/version}, sorted
   * @param drifts what differs, sorted by file
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Result(List<String> released, List<Drift> drifts) {
    public Result {
      released = List.copyOf(released);
      drifts = List.copyOf(drifts);
    }

    public boolean passed() {
      return drifts.isEmpty();
    }

    /** Every drift's message, separated by blank lines. */
    public String render() {
      StringBuilder b = new StringBuilder();
      drifts.forEach(d -> b.append(b.length() == 0 ? "" : "\n\n").append(d.message()));
      return b.toString();
    }
  }

  /** Checks the tree at {@code root} (loaded as {@code registry}) against its own lock file. */
  public static Result run(ContractRegistry registry, Path root, ReleasedContent old) {
    return compare(ReleaseLock.read(root), root, registry.documents(), old);
  }

  /** Checks the files under {@code root} against {@code lock}; {@code newDocs} are the tree's schema documents. */
  static Result compare(ReleaseLock lock, Path root, Function<String, JsonNode> newDocs, ReleasedContent old) {
    List<Drift> drifts = new ArrayList<>();
    for (String nv : lock.versions()) {
      String ns = nv.substring(0, nv.indexOf('/'));
      String v = nv.substring(nv.indexOf('/') + 1);
      Map<String, String> locked = lock.files(ns, v);
      Map<String, Path> present = Digests.versionFiles(root, ns, v);
      Map<String, String> now = new TreeMap<>();
      present.forEach((f, p) -> now.put(f, Digests.ofFile(p)));
      for (Map.Entry<String, String> e : locked.entrySet()) {
        String f = e.getKey();
        String actual = now.get(f);
        if (actual == null) {
          drifts.add(new Drift(ns, v, f, Kind.REMOVED, e.getValue(), "",
              List.of(present.isEmpty() ? "the whole version folder " + nv + "/ is gone" : "the file is gone")));
        } else if (actual.equals(Digests.LINK)) {
          drifts.add(new Drift(ns, v, f, Kind.CHANGED, e.getValue(), "",
              List.of("the released file was replaced by a symbolic link (not read, target not shown)")));
        } else if (!actual.equals(e.getValue())) {
          byte[] current = Digests.read(present.get(f));
          drifts.add(new Drift(ns, v, f, Kind.CHANGED, e.getValue(), actual,
              details(f, e.getValue(), old.find(f, e.getValue()), current, newDocs)));
        }
      }
      for (String f : now.keySet()) {
        if (!locked.containsKey(f)) {
          String link = now.get(f).equals(Digests.LINK) ? " (a symbolic link, not read)" : "";
          drifts.add(new Drift(ns, v, f, Kind.ADDED, "", link.isEmpty() ? now.get(f) : "",
              List.of("a new file in a released version" + link)));
        }
      }
    }
    drifts.sort((a, b) -> a.file().compareTo(b.file()));
    return new Result(List.copyOf(lock.versions()), drifts);
  }

  /** What changed in a file: its schema diff, its changed lines, or why neither can be shown. */
  static List<String> details(String file, String locked, Optional<byte[]> released, byte[] current,
      Function<String, JsonNode> newDocs) {
    List<String> out = new ArrayList<>();
    if (released.isEmpty()) {
      out.add("the released content was not found to show the difference (run inside the git repository that"
          + " holds it, or pass --baseline DIR); released " + abbrev(locked) + ", now " + abbrev(Digests.of(current)));
      return out;
    }
    String oldText = new String(released.get(), StandardCharsets.UTF_8);
    String newText = new String(current, StandardCharsets.UTF_8);
    JsonNode newDoc = newDocs.apply(file);
    if (newDoc != null) {
      try {
        JsonNode oldDoc = parse(file, oldText);
        Function<String, JsonNode> oldDocs = f -> f.equals(file) ? oldDoc : newDocs.apply(f);
        DiffResult r = SchemaDiff.compare(new SchemaInput(oldDocs, SourceLocation.of(file)),
            new SchemaInput(newDocs, SourceLocation.of(file)), Direction.BOTH, DiffPolicy.defaults());
        if (r.changes().isEmpty()) {
          out.add("the schema says the same, only its text changed:");
        } else {
          out.add("schema diff, released -> now:");
          long safe = 0;
          for (Change c : r.changes()) {
            if (c.severity() == dev.contractgate.diff.Severity.INFO) {
              safe++;
              continue;
            }
            StringBuilder line = new StringBuilder(c.severity() + " " + c.ruleId() + " at "
                + (c.path().isEmpty() ? "/" : c.path()));
            c.facts().stream().filter(f -> f.key().equals("old") || f.key().equals("new"))
                .forEach(f -> line.append("; ").append(f.key()).append(": ").append(ReleaseLock.clip(f.value())));
            out.add(line.toString());
          }
          if (safe > 0) {
            out.add("and " + safe + " safe " + (safe == 1 ? "change" : "changes"));
          }
          return out;
        }
      } catch (ContractException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
        out.add("changed lines (the released schema could not be compared: " + e.getClass().getSimpleName() + "):");
      }
    } else {
      out.add("changed lines, released -> now:");
    }
    out.addAll(LineDiff.of(oldText, newText));
    return out;
  }

  static String abbrev(String digest) {
    return digest.length() > 19 ? digest.substring(0, 19) + "..." : digest;
  }

  private static JsonNode parse(String file, String text) {
    return file.endsWith(".yaml") || file.endsWith(".yml")
        ? YAMLMapper.builder().build().readTree(text)
        : JsonMapper.shared().readTree(text);
  }

  /**
   * The root folder of a loaded tree: the directory it was loaded from, or for {@code classpath:ROOT} the
   * folder (or jar entry) the class loader of this thread, or of this library, finds.
   */
  public static Path rootOf(ContractRegistry registry) {
    String origin = registry.origin();
    if (!origin.startsWith("classpath:")) {
      return Path.of(origin);
    }
    String r = origin.substring("classpath:".length());
    r = r.startsWith("/") ? r.substring(1) : r;
    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
    URL url = tccl == null ? null : tccl.getResource(r);
    if (url == null) {
      url = LockCheck.class.getClassLoader().getResource(r);
    }
    if (url == null) {
      throw ContractException.builder("Cannot find the tree's root", origin)
          .expected("a classpath root").butWas("no such resource").hint("load the tree from a directory").build();
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri);
      }
      FileSystem fs;
      try {
        fs = FileSystems.getFileSystem(uri);
      } catch (FileSystemNotFoundException e) {
        fs = FileSystems.newFileSystem(uri, Map.of());
      }
      String inner = uri.getSchemeSpecificPart();
      return fs.getPath(inner.substring(inner.indexOf("!/") + 1));
    } catch (URISyntaxException | IOException e) {
      throw ContractException.builder("Cannot find the tree's root", origin)
          .expected("a readable classpath root").butWas(e.getClass().getSimpleName()).hint("check the classpath")
          .build();
    }
  }
}
