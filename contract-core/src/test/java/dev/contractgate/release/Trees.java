package dev.contractgate.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Copies of the example tree, and git, for the release tests. */
final class Trees {

  static final Path EXAMPLES = Path.of("../contracts/src/main/contracts");

  private Trees() {}

  static Path copy(Path to) {
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(EXAMPLES.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** Copies a version folder to a new version of the same namespace. */
  static void copyVersion(Path tree, String namespace, String from, String to) throws IOException {
    Path src = tree.resolve(namespace).resolve(from);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = tree.resolve(namespace).resolve(to).resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.writeString(t, Files.readString(p).replace(from, to));
        }
      }
    }
  }

  /** Removes "seo" (required and declared) from blog.detail of ivanpin 1.2.0: the issue's in-place edit. */
  static Path dropSeo(Path tree) throws IOException {
    Path file = tree.resolve("ivanpin/1.2.0/schemas/blog-detail.schema.json");
    String text = Files.readString(file);
    int start = text.indexOf("    \"seo\": {");
    int end = text.indexOf("    },\n", start) + "    },\n".length();
    text = text.substring(0, start) + text.substring(end);
    text = text.replace("\"tags\",\n    \"seo\"\n", "\"tags\"\n");
    Files.writeString(file, text);
    dropSeoReads(tree);
    return file;
  }

  /** The example consumer reads /seo/*: without it the tree would not load at all (reads must exist). */
  static void dropSeoReads(Path tree) throws IOException {
    Path consumer = tree.resolve("consumers/ivanpin-web.yaml");
    if (Files.exists(consumer)) {
      Files.writeString(consumer, Files.readString(consumer).replaceAll("(?m)^ *- /seo/.*\n", ""));
    }
  }

  static boolean gitAvailable() {
    try {
      return new ProcessBuilder("git", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.email=t@example.invalid", "-c",
        "user.name=test", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
