package dev.contractgate.release;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * Where the released content of a file is found again, to show what an edit changed: the lock keeps only
 * digests (small, merge-friendly), so the old bytes come from a baseline tree or from git history, and are
 * used only when their digest is the locked one.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ReleasedContent {

  /** How many commits that touched a file are searched for its released content. */
  static final int GIT_COMMITS = 50;

  private final BiFunction<String, String, Optional<byte[]>> lookup;

  private ReleasedContent(BiFunction<String, String, Optional<byte[]>> lookup) {
    this.lookup = lookup;
  }

  /** Finds nothing: findings then show the digests only. */
  public static ReleasedContent none() {
    return new ReleasedContent((f, d) -> Optional.empty());
  }

  /** The file of the same name in another tree (a baseline checkout or an unpacked contracts jar). */
  public static ReleasedContent tree(Path root) {
    Objects.requireNonNull(root, "root");
    return new ReleasedContent((file, digest) -> {
      Path p = root.resolve(file).normalize();
      if (!p.startsWith(root.normalize()) || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      byte[] b = Digests.read(p);
      return digest.equals(Digests.of(b)) ? Optional.of(b) : Optional.empty();
    });
  }

  /**
   * The file as git knows it, when {@code root} is inside a git work tree and {@code git} is on the path: the
   * staged copy, then the last {@value #GIT_COMMITS} commits that touched it, newest first. Anything that goes
   * wrong (no git, not a repository) finds nothing.
   */
  public static ReleasedContent git(Path root) {
    Objects.requireNonNull(root, "root");
    if (root.getFileSystem() != FileSystems.getDefault()) {
      return none();
    }
    return new ReleasedContent((file, digest) -> {
      Optional<byte[]> staged = run(root, "git", "show", ":./" + file);
      if (staged.isPresent() && digest.equals(Digests.of(staged.get()))) {
        return staged;
      }
      Optional<byte[]> log = run(root, "git", "log", "-n", String.valueOf(GIT_COMMITS), "--format=%H", "--", file);
      if (log.isEmpty()) {
        return Optional.empty();
      }
      for (String commit : new String(log.get(), StandardCharsets.UTF_8).split("\n")) {
        if (!commit.matches("[0-9a-f]{40,64}")) {
          continue;
        }
        Optional<byte[]> b = run(root, "git", "show", commit + ":./" + file);
        if (b.isPresent() && digest.equals(Digests.of(b.get()))) {
          return b;
        }
      }
      return Optional.empty();
    });
  }

  /** This source, then {@code other}. */
  public ReleasedContent or(ReleasedContent other) {
    return new ReleasedContent((f, d) -> {
      Optional<byte[]> b = lookup.apply(f, d);
      return b.isPresent() ? b : other.lookup.apply(f, d);
    });
  }

  /**
   * The content of {@code file} (tree-relative) whose digest is {@code digest}, if found.
   */
  public Optional<byte[]> find(String file, String digest) {
    return lookup.apply(file, digest);
  }

  private static Optional<byte[]> run(Path dir, String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out.toByteArray()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
