package dev.contractgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseLockTest {

  static final String DIGEST = "sha256:" + "a".repeat(64);

  @Test
  void the_example_tree_releases_every_published_version_and_matches_its_lock() {
    ReleaseLock lock = ReleaseLock.read(Trees.EXAMPLES);
    assertThat(lock.versions()).containsExactly("ivanpin/1.0.0", "ivanpin/1.1.0", "ivanpin/1.2.0", "wgp/1.0.0",
        "wgp/1.1.0", "wgp/1.2.0");
    LockCheck.Result r = LockCheck.run(ContractRegistry.load(Trees.EXAMPLES), Trees.EXAMPLES, ReleasedContent.none());
    assertThat(r.drifts()).as(r.render()).isEmpty();
  }

  @Test
  void release_writes_one_sorted_line_per_file_and_is_deterministic(@TempDir Path dir) throws IOException {
    // GIVEN two copies without a lock, released in opposite orders
    Path a = Trees.copy(dir.resolve("a"));
    Path b = Trees.copy(dir.resolve("b"));
    Files.delete(a.resolve(ReleaseLock.FILE));
    Files.delete(b.resolve(ReleaseLock.FILE));
    // WHEN
    ReleaseLock.release(a, ContractRegistry.load(a), "ivanpin", "1.1.0");
    ReleaseLock.Released r = ReleaseLock.release(a, ContractRegistry.load(a), "wgp", "1.0.0");
    ReleaseLock.release(b, ContractRegistry.load(b), "wgp", "1.0.0");
    ReleaseLock.release(b, ContractRegistry.load(b), "ivanpin", "1.1.0");
    // THEN
    String text = Files.readString(a.resolve(ReleaseLock.FILE));
    assertThat(text).isEqualTo(Files.readString(b.resolve(ReleaseLock.FILE)));
    List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(lines).isSorted().hasSize(9 + 6)
        .contains("wgp/1.0.0/endpoints.yaml " + ReleaseLock.read(Trees.EXAMPLES).digests().get("wgp/1.0.0/endpoints.yaml"))
        .allMatch(l -> l.matches("(ivanpin/1\\.1\\.0|wgp/1\\.0\\.0)/\\S+ sha256:[0-9a-f]{64}"));
    assertThat(r.alreadyReleased()).isFalse();
    assertThat(r.files()).contains("wgp/1.0.0/endpoints.yaml", "wgp/1.0.0/schemas/common.schema.json");
    assertThat(ReleaseLock.release(a, ContractRegistry.load(a), "wgp", "1.0.0").alreadyReleased()).isTrue();
    assertThat(dir.resolve("a").resolve("." + ReleaseLock.FILE + ".tmp")).doesNotExist();
  }

  @Test
  void a_released_version_that_changed_cannot_be_released_again(@TempDir Path dir) throws IOException {
    Path tree = Trees.copy(dir);
    Trees.dropSeo(tree);
    assertThatThrownBy(() -> ReleaseLock.release(tree, ContractRegistry.load(tree), "ivanpin", "1.2.0"))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("Cannot release ivanpin/1.2.0")
        .hasMessageContaining("released and its files changed since")
        .hasMessageContaining("release the change as a new version");
  }

  @Test
  void an_unknown_version_is_refused_with_the_known_ones(@TempDir Path dir) {
    Path tree = Trees.copy(dir);
    assertThatThrownBy(() -> ReleaseLock.release(tree, ContractRegistry.load(tree), "ivanpin", "9.9.9"))
        .isInstanceOf(ContractException.class).hasMessageContaining("9.9.9");
  }

  @Test
  void a_malformed_line_names_file_line_and_format() {
    assertThatThrownBy(() -> ReleaseLock.parse("# header\n\nivanpin/1.0.0/endpoints.yaml " + DIGEST + "\n"
        + "ivanpin/1.0.0/x.json md5:abc\n"))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("contract-gate.lock:4")
        .hasMessageContaining("<namespace>/<version>/<file> sha256:<64 lowercase hex digits>")
        .hasMessageContaining("\"ivanpin/1.0.0/x.json md5:abc\"");
    assertThatThrownBy(() -> ReleaseLock.parse("../1.0.0/endpoints.yaml " + DIGEST))
        .hasMessageContaining("contract-gate.lock:1");
    assertThatThrownBy(() -> ReleaseLock.parse("ivanpin/not-a-version/endpoints.yaml " + DIGEST))
        .hasMessageContaining("contract-gate.lock:1");
    assertThatThrownBy(() -> ReleaseLock.parse("ivanpin/1.0.0/../../etc/passwd " + DIGEST))
        .hasMessageContaining("contract-gate.lock:1");
  }

  @Test
  void a_merge_conflict_in_the_lock_is_a_clear_error_naming_the_marker_line() {
    String conflicted = """
        ivanpin/1.0.0/endpoints.yaml sha256:%s
        <<<<<<< HEAD
        ivanpin/1.3.0/endpoints.yaml sha256:%s
        =======
        ivanpin/1.4.0/endpoints.yaml sha256:%s
        >>>>>>> feature
        """.formatted("a".repeat(64), "b".repeat(64), "c".repeat(64));
    assertThatThrownBy(() -> ReleaseLock.parse(conflicted))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("contract-gate.lock:2")
        .hasMessageContaining("merge conflict marker")
        .hasMessageContaining("keeping the lines of both sides")
        .hasMessageContaining("merge=union");
  }

  @Test
  void a_repeated_line_counts_once_but_two_digests_for_one_file_are_an_error() {
    String line = "ivanpin/1.0.0/endpoints.yaml " + DIGEST;
    assertThat(ReleaseLock.parse(line + "\n" + line + "\n").digests()).hasSize(1);
    assertThatThrownBy(() -> ReleaseLock.parse(line + "\nivanpin/1.0.0/endpoints.yaml sha256:" + "b".repeat(64)))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("contract-gate.lock:2")
        .hasMessageContaining("also locked with another digest on line 1")
        .hasMessageContaining("release the other content as a new version");
  }

  @Test
  void a_lock_or_log_that_is_a_link_is_refused_without_reading_its_target(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE\n");
    Path tree = Trees.copy(dir.resolve("tree"));
    Files.delete(tree.resolve(ReleaseLock.FILE));
    try {
      Files.createSymbolicLink(tree.resolve(ReleaseLock.FILE), secret);
      Files.createSymbolicLink(tree.resolve(DeploymentLog.FILE), secret);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
    }
    assertThatThrownBy(() -> ReleaseLock.read(tree)).isInstanceOf(ContractException.class)
        .hasMessageContaining("contract-gate.lock").hasMessageContaining("symbolic link (target not shown)")
        .message().doesNotContain("TOP-SECRET");
    assertThatThrownBy(() -> DeploymentLog.append(tree, DeploymentLogTest.backend("production", "wgp", "1.0.0", 0)))
        .isInstanceOf(ContractException.class).hasMessageContaining("contract-gate.deployments")
        .message().doesNotContain("TOP-SECRET");
    assertThat(secret).hasContent("TOP-SECRET-VALUE");
  }

  @Test
  void crlf_line_ends_from_a_windows_checkout_do_not_count_as_an_edit(@TempDir Path dir) throws IOException {
    Path tree = Trees.copy(dir);
    Path file = tree.resolve("ivanpin/1.2.0/endpoints.yaml");
    Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
    LockCheck.Result r = LockCheck.run(ContractRegistry.load(tree), tree, ReleasedContent.none());
    assertThat(r.passed()).as(r.render()).isTrue();
  }
}
