package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** Issue 16 end to end: the lock, the baseline, the deployments log, and no silent example tree. */
class ReleaseCommandsTest {

  static final String BLOG_DETAIL = "ivanpin/1.2.0/schemas/blog-detail.schema.json";

  /** Runs the command line with {@code cwd} as the working directory the tree is searched from. */
  static CliRun inDir(Path cwd, String... args) {
    return inDir(cwd, k -> null, args);
  }

  static CliRun inDir(Path cwd, java.util.function.Function<String, String> env, String... args) {
    // As ContractCli.run does: standard output and standard error go through the run's redactor.
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Redactor redactor = new Redactor();
    Redactor.MaskingWriter maskedOut = redactor.writer(out);
    Redactor.MaskingWriter maskedErr = redactor.writer(err);
    PrintWriter o = maskedOut.printer();
    PrintWriter e = maskedErr.printer();
    CommandLine cl = RootCommand.commandLine(o, e, env, redactor);
    ((RootCommand) cl.getCommand()).workingDirectory = cwd;
    int code = cl.execute(args);
    o.flush();
    e.flush();
    try {
      maskedOut.drain();
      maskedErr.drain();
    } catch (IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The edit: "seo" removed (required and declared) from blog.detail of the published ivanpin 1.2.0. */
  static void dropSeo(Path tree) throws IOException {
    Path file = tree.resolve(BLOG_DETAIL);
    String text = Files.readString(file);
    int start = text.indexOf("    \"seo\": {");
    int end = text.indexOf("    },\n", start) + "    },\n".length();
    Files.writeString(file, (text.substring(0, start) + text.substring(end)).replace("\"tags\",\n    \"seo\"\n", "\"tags\"\n"));
    // The example consumer reads /seo/*: without dropping those reads the tree would not load at all.
    Path consumer = tree.resolve("consumers/ivanpin-web.yaml");
    if (Files.exists(consumer)) {
      Files.writeString(consumer, Files.readString(consumer).replaceAll("(?m)^ *- /seo/.*\\n", ""));
    }
  }

  static void copyVersion(Path tree, String ns, String from, String to) throws IOException {
    Path src = tree.resolve(ns).resolve(from);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = tree.resolve(ns).resolve(to).resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.writeString(t, Files.readString(p).replace(from, to));
        }
      }
    }
  }

  @Nested
  class NoSilentExampleTree {

    @Test
    void without_contracts_and_without_a_tree_upward_the_command_exits_2_with_a_hint(@TempDir Path dir) {
      for (String[] args : new String[][] {{"check-history"}, {"list"},
          {"verify", "--base-url", "https://prod.backend.example"}, {"can-deploy", "-n", "ivanpin", "--candidate", "1.2.0"}}) {
        CliRun run = inDir(dir, args);
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("No contract tree", "from " + dir + " upward", "--contracts DIR",
            "--contracts classpath:examples names the example tree");
        assertThat(run.out()).doesNotContain("ivanpin", "wgp");
      }
    }

    @Test
    void the_nearest_tree_upward_is_found_from_a_subfolder_or_as_contracts(@TempDir Path dir) throws IOException {
      // GIVEN a repository with its tree in contracts/ (with a contract-gate.yaml), and one without the policy file
      Path tree = DiffCommandsTest.copyOfExampleTree(dir.resolve("repo/contracts"));
      Files.createDirectories(dir.resolve("repo/web/src"));
      Path bare = DiffCommandsTest.copyOfExampleTree(dir.resolve("bare/contracts"));
      Files.delete(bare.resolve("contract-gate.yaml"));
      // WHEN / THEN
      for (Path cwd : new Path[] {dir.resolve("repo"), dir.resolve("repo/web/src"), tree.resolve("ivanpin/1.2.0")}) {
        CliRun run = inDir(cwd, "check-history");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("check-history " + tree, "ivanpin/1.2.0  unchanged since its release");
      }
      CliRun run = inDir(dir.resolve("bare"), "list");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains(bare.toString());
      // and a contracts Maven module, seen from a sibling module
      Path module = DiffCommandsTest.copyOfExampleTree(dir.resolve("mvn/contracts/src/main/contracts"));
      Files.createDirectories(dir.resolve("mvn/backend"));
      CliRun fromSibling = inDir(dir.resolve("mvn/backend"), "list");
      assertThat(fromSibling.exitCode()).as(fromSibling.all()).isZero();
      assertThat(fromSibling.out()).contains(module.toString());
    }

    @Test
    void a_found_tree_that_does_not_load_never_prints_its_token(@TempDir Path dir) throws IOException {
      String token = "tok-" + "7".repeat(28);
      Path tree = DiffCommandsTest.copyOfExampleTree(dir.resolve("repo/contracts"));
      Path ns = tree.resolve("ivanpin/namespace.yaml");
      Files.writeString(ns, Files.readString(ns) + token + ": leaked\n");
      CliRun run = inDir(dir.resolve("repo"), Map.of("IVANPIN_API_TOKEN", token)::get, "list");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("ivanpin/namespace.yaml", "***");
      assertThat(run.all()).doesNotContain(token, token.substring(0, 12));
    }

    @Test
    void the_demo_never_deletes_a_folder_it_did_not_write(@TempDir Path dir) throws IOException {
      Path mine = Files.createDirectories(dir.resolve("demo-tree"));
      Files.writeString(mine.resolve("notes.txt"), "mine");
      CliRun run = CliRun.run("demo", "-q", "--report-dir", dir.toString());
      assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
      assertThat(run.err()).contains("demo-tree exists and was not written by the demo");
      assertThat(mine.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void the_example_tree_is_used_when_named() {
      CliRun run = inDir(Path.of("/"), "list", "--contracts", "classpath:examples");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("ivanpin", "wgp");
    }
  }

  @Nested
  class Lock {

    @Test
    void removing_seo_from_published_ivanpin_1_2_0_fails_check_history_can_deploy_and_verify(@TempDir Path dir)
        throws IOException {
      // GIVEN the in-place edit (ivanpin-web's /seo reads dropped with it, or the tree would not load)
      Path tree = DiffCommandsTest.copyOfExampleTree(dir);
      dropSeo(tree);
      // WHEN
      CliRun history = CliRun.run("check-history", "--contracts", tree.toString());
      CliRun deploy = CliRun.run("can-deploy", "--contracts", tree.toString(), "-n", "ivanpin", "--candidate", "1.2.0");
      CliRun other = CliRun.run("can-deploy", "--contracts", tree.toString(), "-n", "wgp", "--candidate", "1.2.0");
      CliRun json = CliRun.run("check-history", "--contracts", tree.toString(), "--format", "json");
      GateCommandsTest.registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
      CliRun verify;
      try (EmbeddedBackend backend = GateCommandsTest.conformingBackend(s -> s)) {
        verify = CliRun.withEnv(GateCommandsTest.ENV::get, "verify", "--contracts", tree.toString(), "--base-url",
            backend.baseUrl(), "-q");
      }
      // THEN
      for (CliRun run : new CliRun[] {history, deploy, verify}) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL ivanpin/1.2.0", BLOG_DETAIL + " changed in released ivanpin 1.2.0",
            "release the change as a new version");
      }
      assertThat(history.out()).contains("released content was not found", "--baseline DIR");
      assertThat(verify.out()).contains("ok   blog.list");
      assertThat(other.exitCode()).as("a gate for wgp answers for wgp's releases").isZero();
      JsonNode report = Json.MAPPER.readTree(json.out());
      assertThat(report.path("entries").findValuesAsString("rule")).contains("release.changed");
      // and once undone the same commands pass
      Files.copy(DiffCommandsTest.EXAMPLE_TREE.resolve(BLOG_DETAIL), tree.resolve(BLOG_DETAIL),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(CliRun.run("check-history", "--contracts", tree.toString()).exitCode()).isZero();
    }

    @Test
    void release_locks_a_new_version_once_and_refuses_a_classpath_tree(@TempDir Path dir) throws IOException {
      Path tree = DiffCommandsTest.copyOfExampleTree(dir);
      copyVersion(tree, "ivanpin", "1.2.0", "1.3.0");
      CliRun first = CliRun.run("release", "--contracts", tree.toString(), "-n", "ivanpin", "-v", "1.3.0");
      CliRun again = CliRun.run("release", "--contracts", tree.toString(), "-n", "ivanpin", "-v", "1.3.0");
      CliRun jar = CliRun.run("release", "--contracts", "classpath:examples", "-n", "ivanpin", "-v", "1.2.0");
      CliRun unknown = CliRun.run("release", "--contracts", tree.toString(), "-n", "ivanpin", "-v", "1.4.0");
      assertThat(first.exitCode()).as(first.all()).isZero();
      assertThat(first.out()).contains("Released ivanpin 1.3.0: 10 files locked", "contract-gate.lock");
      assertThat(Files.readAllLines(tree.resolve("contract-gate.lock")))
          .contains("ivanpin/1.3.0/endpoints.yaml " + ReleaseCommandsTest.digest(tree.resolve("ivanpin/1.3.0/endpoints.yaml")));
      assertThat(again.out()).contains("ivanpin 1.3.0 is already released, unchanged");
      assertThat(jar.exitCode()).isEqualTo(2);
      assertThat(jar.err()).contains("pass --contracts DIR");
      assertThat(unknown.exitCode()).isEqualTo(3);
      assertThat(unknown.err()).contains("1.4.0");
    }

    @Test
    void a_lock_with_merge_conflict_markers_exits_3_naming_the_line(@TempDir Path dir) throws IOException {
      Path tree = DiffCommandsTest.copyOfExampleTree(dir);
      Path lock = tree.resolve("contract-gate.lock");
      Files.writeString(lock, Files.readString(lock) + "<<<<<<< HEAD\nivanpin/1.3.0/endpoints.yaml sha256:"
          + "a".repeat(64) + "\n=======\n>>>>>>> branch\n");
      int markerLine = (int) Files.readString(lock).lines().takeWhile(l -> !l.startsWith("<<<")).count() + 1;
      CliRun run = CliRun.run("check-history", "--contracts", tree.toString());
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("contract-gate.lock:" + markerLine, "merge conflict marker",
          "keeping the lines of both sides", "merge=union");
    }
  }

  static String digest(Path file) throws IOException {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return "sha256:" + java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class Baseline {

    @Test
    void a_new_version_is_listed_and_checked_against_the_baseline(@TempDir Path dir) throws IOException {
      Path base = DiffCommandsTest.copyOfExampleTree(dir.resolve("base"));
      Path head = DiffCommandsTest.copyOfExampleTree(dir.resolve("head"));
      copyVersion(head, "ivanpin", "1.2.0", "1.3.0");
      CliRun run = CliRun.run("check-history", "--contracts", head.toString(), "--baseline", base.toString());
      CliRun md = CliRun.run("check-history", "--contracts", head.toString(), "--baseline", base.toString(),
          "--format", "markdown");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("baseline ivanpin", "new ivanpin/1.3.0",
          "new, compared with the baseline's [1.0.0, 1.1.0, 1.2.0]", "baseline 1.2.0 -> 1.3.0",
          "baseline " + base + ": new ivanpin/1.3.0");
      assertThat(md.out()).contains("new ivanpin/1.3.0");
    }

    @Test
    void a_released_version_edited_on_the_branch_fails_with_its_schema_diff(@TempDir Path dir) throws IOException {
      Path base = DiffCommandsTest.copyOfExampleTree(dir.resolve("base"));
      Path head = DiffCommandsTest.copyOfExampleTree(dir.resolve("head"));
      dropSeo(head);
      CliRun run = CliRun.run("check-history", "--contracts", head.toString(), "--baseline", base.toString());
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains(BLOG_DETAIL + " changed in released ivanpin 1.2.0", "schema diff, released -> now:",
          "BREAKING response.property.required-removed at /seo");
    }

    @Test
    void a_missing_baseline_exits_3(@TempDir Path dir) {
      Path head = DiffCommandsTest.copyOfExampleTree(dir.resolve("head"));
      CliRun run = CliRun.run("check-history", "--contracts", head.toString(), "--baseline", dir.resolve("nope").toString());
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("nope");
    }
  }

  @Nested
  class Deployments {

    @Test
    void can_deploy_answers_for_what_runs_in_each_environment(@TempDir Path dir) throws IOException {
      Path tree = DiffCommandsTest.copyOfExampleTree(dir);
      String t = tree.toString();
      // GIVEN production on 1.1.0 with an ivanpin-web build against 1.1.0; staging moved on to 1.2.0 and so did
      // its ivanpin-web build (against 1.2.0, the version consumers/ivanpin-web.yaml names)
      record(t, "--env", "production", "-n", "ivanpin", "-v", "1.1.0", "--by", "alice");
      record(t, "--env", "production", "--consumer", "ivanpin-web", "--consumer-version", "2026.11.1",
          "--contract-version", "1.1.0", "--by", "bob");
      record(t, "--env", "staging", "-n", "ivanpin", "-v", "1.1.0", "--by", "alice");
      record(t, "--env", "staging", "-n", "ivanpin", "-v", "1.2.0", "--by", "alice");
      record(t, "--env", "staging", "--consumer", "ivanpin-web", "--consumer-version", "2026.11.2", "--by", "bob");
      // WHEN
      CliRun prod = CliRun.run("can-deploy", "--contracts", t, "--env", "production", "-n", "ivanpin",
          "--candidate", "1.2.0");
      CliRun staging = CliRun.run("can-deploy", "--contracts", t, "--env", "staging", "-n", "ivanpin",
          "--candidate", "1.2.0");
      CliRun unknown = CliRun.run("can-deploy", "--contracts", t, "--env", "qa", "-n", "ivanpin", "--candidate", "1.2.0");
      CliRun both = CliRun.run("can-deploy", "--contracts", t, "--env", "qa", "--deployed", "1.1.0", "-n", "ivanpin",
          "--candidate", "1.2.0");
      // THEN
      assertThat(prod.exitCode()).as(prod.all()).isZero();
      assertThat(prod.out()).contains("deploy-safe for ivanpin-web (built against 1.1.0)",
          "production: backend ivanpin 1.1.0 since", "by alice (the rollback target)",
          "production: consumer ivanpin-web 2026.11.1 (contract 1.1.0)");
      assertThat(staging.exitCode()).as(staging.all()).isEqualTo(1);
      assertThat(staging.out()).contains("staging: ivanpin 1.2.0 runs already", "rollback target: the previous version 1.1.0",
          "NOT rollback-safe", "/seo");
      assertThat(unknown.exitCode()).isEqualTo(3);
      assertThat(unknown.err()).contains("Nothing is recorded for environment \"qa\"", "[production, staging]",
          "record-deployment --env qa");
      assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void deployments_prints_the_log_and_the_state_per_environment(@TempDir Path dir) throws IOException {
      Path tree = DiffCommandsTest.copyOfExampleTree(dir);
      String t = tree.toString();
      CliRun recorded = CliRun.withEnv(Map.of("GITHUB_ACTOR", "octocat")::get, "record-deployment", "--contracts", t,
          "--env", "production", "-n", "wgp", "-v", "1.1.0");
      record(t, "--env", "production", "-n", "wgp", "-v", "1.2.0", "--by", "alice");
      assertThat(recorded.out()).contains("production backend wgp 1.1.0 by=octocat");
      CliRun text = CliRun.run("deployments", "--contracts", t);
      CliRun md = CliRun.run("deployments", "--contracts", t, "--env", "production", "--format", "markdown");
      CliRun json = CliRun.run("deployments", "--contracts", t, "--format", "json");
      assertThat(text.exitCode()).as(text.all()).isZero();
      assertThat(text.out()).contains("2 deployments", "production", "backend wgp 1.2.0  since", "(previous 1.1.0)",
          "backend wgp 1.1.0  by octocat");
      assertThat(md.out()).contains("### production", "| backend wgp | 1.2.0 | 1.2.0 |", "| alice | 1.1.0 |");
      JsonNode env = Json.MAPPER.readTree(json.out()).path("environments").get(0);
      assertThat(env.path("environment").asString()).isEqualTo("production");
      assertThat(env.path("backends").get(0).path("version").asString()).isEqualTo("1.2.0");
      assertThat(env.path("backends").get(0).path("previous").asString()).isEqualTo("1.1.0");
      assertThat(env.path("log")).hasSize(2);
      CliRun deploy = CliRun.run("can-deploy", "--contracts", t, "--env", "production", "-n", "wgp", "--candidate", "1.2.0");
      assertThat(deploy.exitCode()).as(deploy.all()).isZero();
      assertThat(deploy.out()).contains("No consumer build of wgp is recorded in production",
          "production: consumer wgp-web is not recorded there: not judged",
          "wgp 1.2.0 runs already", "rollback target: the previous version 1.1.0")
          .doesNotContain("declared under consumers/");
    }

    @Test
    void who_is_never_a_secret_and_bad_input_is_refused(@TempDir Path dir) throws IOException {
      Path tree = DiffCommandsTest.copyOfExampleTree(dir);
      String t = tree.toString();
      String token = "tok-" + "9".repeat(24);
      CliRun secret = CliRun.withEnv(Map.of("IVANPIN_API_TOKEN", token)::get, "record-deployment", "--contracts", t,
          "--env", "production", "-n", "ivanpin", "-v", "1.2.0", "--by", token);
      CliRun spaces = CliRun.run("record-deployment", "--contracts", t, "--env", "prod uction", "-n", "ivanpin", "-v", "1.2.0");
      CliRun consumer = CliRun.run("record-deployment", "--contracts", t, "--env", "production", "--consumer", "nobody",
          "--consumer-version", "1");
      CliRun version = CliRun.run("record-deployment", "--contracts", t, "--env", "production", "-n", "ivanpin", "-v", "7.0.0");
      CliRun mixed = CliRun.run("record-deployment", "--contracts", t, "--env", "production", "-n", "ivanpin", "-v", "1.2.0",
          "--consumer", "ivanpin-web", "--consumer-version", "1");
      assertThat(secret.exitCode()).isEqualTo(2);
      assertThat(secret.all()).contains("--by holds a secret").doesNotContain(token);
      assertThat(spaces.exitCode()).isEqualTo(2);
      assertThat(spaces.err()).contains("invalid environment \"prod uction\"");
      assertThat(consumer.exitCode()).isEqualTo(2);
      assertThat(consumer.err()).contains("unknown consumer \"nobody\"", "ivanpin-web", "wgp-web");
      assertThat(version.exitCode()).isEqualTo(3);
      assertThat(mixed.exitCode()).isEqualTo(2);
      assertThat(tree.resolve("contract-gate.deployments")).doesNotExist();
    }

    void record(String tree, String... args) {
      String[] all = Stream.concat(Stream.of("record-deployment", "--contracts", tree), Stream.of(args))
          .toArray(String[]::new);
      CliRun run = CliRun.run(all);
      assertThat(run.exitCode()).as(run.all()).isZero();
    }
  }
}
