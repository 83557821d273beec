package dev.contractgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contractgate.registry.ContractException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLogTest {

  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  static Deployment backend(String env, String ns, String version, long minutes) {
    return new Deployment(T0.plusSeconds(60 * minutes), env, Deployment.Kind.BACKEND, ns, version, Optional.empty(),
        "alice");
  }

  static Deployment consumer(String env, String id, String build, String contract, long minutes) {
    return new Deployment(T0.plusSeconds(60 * minutes), env, Deployment.Kind.CONSUMER, id, build,
        Optional.of(contract), "bob");
  }

  @Test
  void each_environment_has_its_current_and_previous_backend_and_its_consumers(@TempDir Path root) throws Exception {
    DeploymentLog.append(root, backend("production", "ivanpin", "1.1.0", 0));
    DeploymentLog.append(root, backend("staging", "ivanpin", "1.2.0", 1));
    DeploymentLog.append(root, consumer("production", "ivanpin-web", "2026.11.1", "1.1.0", 2));
    DeploymentLog.append(root, backend("production", "ivanpin", "1.2.0", 3));
    DeploymentLog.append(root, backend("production", "ivanpin", "1.2.0", 4));
    DeploymentLog log = DeploymentLog.read(root);
    assertThat(Files.readString(root.resolve(DeploymentLog.FILE))).startsWith("# contract-gate.deployments")
        .contains("2026-11-01T10:02:00Z production consumer ivanpin-web 2026.11.1 contract=1.1.0 by=bob\n");
    assertThat(log.environments()).containsExactly("production", "staging");
    DeploymentLog.State prod = log.state("production");
    assertThat(prod.backend("ivanpin")).map(Deployment::version).contains("1.2.0");
    assertThat(prod.previousBackend("ivanpin")).map(Deployment::version).contains("1.1.0");
    assertThat(prod.consumers().get("ivanpin-web").contract()).contains("1.1.0");
    DeploymentLog.State staging = log.state("staging");
    assertThat(staging.backend("ivanpin")).map(Deployment::version).contains("1.2.0");
    assertThat(staging.previousBackend("ivanpin")).isEmpty();
    assertThat(staging.consumers()).isEmpty();
  }

  @Test
  void the_union_of_two_branches_logs_reads_sorted_by_time_with_repeated_lines_once() {
    String common = backend("production", "ivanpin", "1.1.0", 0).line();
    String ours = backend("production", "ivanpin", "1.2.0", 30).line();
    String theirs = backend("production", "ivanpin", "1.1.1", 10).line();
    // what merge=union leaves: both sides' lines, in file order, the common one possibly twice
    DeploymentLog log = DeploymentLog.parse(String.join("\n", common, ours, common, theirs) + "\n");
    assertThat(log.entries()).extracting(Deployment::version).containsExactly("1.1.0", "1.1.1", "1.2.0");
    assertThat(log.state("production").previousBackend("ivanpin")).map(Deployment::version).contains("1.1.1");
  }

  @Test
  void a_log_merged_by_git_from_two_branches_that_both_recorded_keeps_both(@TempDir Path dir) throws Exception {
    assumeTrue(Trees.gitAvailable(), "needs git");
    // GIVEN a repository whose .gitattributes merges the log by union, as docs/ci.md says
    Files.writeString(dir.resolve(".gitattributes"), DeploymentLog.FILE + " merge=union\n");
    DeploymentLog.append(dir, backend("production", "ivanpin", "1.1.0", 0));
    Trees.git(dir, "init", "-q");
    Trees.git(dir, "add", "-A");
    Trees.git(dir, "commit", "-qm", "first deploy");
    Trees.git(dir, "checkout", "-qb", "staging-team");
    DeploymentLog.append(dir, backend("staging", "ivanpin", "1.2.0", 20));
    Trees.git(dir, "commit", "-qam", "staging deploy");
    Trees.git(dir, "checkout", "-q", "main");
    DeploymentLog.append(dir, consumer("production", "ivanpin-web", "2026.11.2", "1.1.0", 10));
    Trees.git(dir, "commit", "-qam", "frontend deploy");
    // WHEN
    Trees.git(dir, "merge", "-q", "--no-edit", "staging-team");
    // THEN
    String merged = Files.readString(dir.resolve(DeploymentLog.FILE));
    assertThat(merged).doesNotContain("<<<<<<<");
    DeploymentLog log = DeploymentLog.read(dir);
    assertThat(log.entries()).extracting(Deployment::what)
        .containsExactly("backend ivanpin 1.1.0", "consumer ivanpin-web 2026.11.2 (contract 1.1.0)",
            "backend ivanpin 1.2.0");
  }

  @Test
  void a_log_with_conflict_markers_is_a_clear_error() {
    String text = backend("production", "ivanpin", "1.1.0", 0).line() + "\n<<<<<<< HEAD\n"
        + backend("production", "ivanpin", "1.2.0", 1).line() + "\n=======\n>>>>>>> other\n";
    assertThatThrownBy(() -> DeploymentLog.parse(text))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("contract-gate.deployments:2")
        .hasMessageContaining("merge conflict marker")
        .hasMessageContaining("keep the lines of both sides")
        .hasMessageContaining("merge=union");
  }

  @Test
  void a_malformed_line_names_its_line_and_the_format() {
    String good = backend("production", "ivanpin", "1.1.0", 0).line();
    for (String bad : List.of("yesterday production backend ivanpin 1.1.0 by=alice",
        "2026-11-01T10:00:00Z production frontend ivanpin 1.1.0 by=alice",
        "2026-11-01T10:00:00Z production backend ivanpin 1.1.0",
        "2026-11-01T10:00:00Z production consumer ivanpin-web 7 by=alice",
        "2026-11-01T10:00:00Z production backend ivanpin 1.1.0 by=alice token=s3cr3t")) {
      assertThatThrownBy(() -> DeploymentLog.parse(good + "\n" + bad + "\n"))
          .as(bad)
          .isInstanceOf(ContractException.class)
          .hasMessageContaining("contract-gate.deployments:2")
          .hasMessageContaining("<time UTC> <environment> backend|consumer <name> <version>");
    }
  }

  @Test
  void a_field_cannot_smuggle_a_second_line_or_a_space() {
    assertThatThrownBy(() -> new Deployment(T0, "production", Deployment.Kind.BACKEND, "ivanpin", "1.1.0",
        Optional.empty(), "x\n2026-11-01T10:00:00Z production backend ivanpin 0.0.1 by=mallory"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid by");
    assertThatThrownBy(() -> new Deployment(T0, "prod uction", Deployment.Kind.BACKEND, "ivanpin", "1.1.0",
        Optional.empty(), "alice")).hasMessageContaining("invalid environment");
  }

  @Test
  void concurrent_appends_never_interleave(@TempDir Path root) throws Exception {
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            DeploymentLog.append(root, backend("env" + id, "ivanpin", "1." + i + ".0", id * 100L + i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    DeploymentLog log = DeploymentLog.read(root);
    assertThat(log.entries()).hasSize(threads * each);
    assertThat(Files.readString(root.resolve(DeploymentLog.FILE)).lines().filter(l -> l.startsWith("# contract-gate")))
        .hasSize(1);
  }
}
