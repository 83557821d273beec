package dev.contractgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockCheckTest {

  @Test
  void removing_seo_from_released_ivanpin_1_2_0_fails_with_the_schema_diff_from_git(@TempDir Path dir)
      throws Exception {
    assumeTrue(Trees.gitAvailable(), "needs git");
    // GIVEN the example tree committed, then the in-place edit (committed too: git history still knows)
    Path tree = Trees.copy(dir.resolve("repo/contracts"));
    Trees.git(dir.resolve("repo"), "init", "-q");
    Trees.git(dir.resolve("repo"), "add", "-A");
    Trees.git(dir.resolve("repo"), "commit", "-qm", "released");
    Trees.dropSeo(tree);
    Trees.git(dir.resolve("repo"), "commit", "-qam", "drop seo");
    // WHEN
    LockCheck.Result r = LockCheck.run(ContractRegistry.load(tree), tree, ReleasedContent.git(tree));
    // THEN
    assertThat(r.passed()).isFalse();
    assertThat(r.drifts()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(LockCheck.Kind.CHANGED);
      assertThat(d.file()).isEqualTo("ivanpin/1.2.0/schemas/blog-detail.schema.json");
      assertThat(d.details()).contains("schema diff, released -> now:");
      assertThat(d.details()).anyMatch(l -> l.startsWith("BREAKING response.property.required-removed at /seo"));
    });
    assertThat(r.render()).contains("ivanpin/1.2.0/schemas/blog-detail.schema.json changed in released ivanpin 1.2.0",
        "hint: a released version never changes", "release the change as a new version");
  }

  @Test
  void without_the_released_content_the_finding_says_how_to_get_the_diff(@TempDir Path dir) throws IOException {
    Path tree = Trees.copy(dir);
    Trees.dropSeo(tree);
    LockCheck.Result r = LockCheck.run(ContractRegistry.load(tree), tree, ReleasedContent.git(tree));
    assertThat(r.drifts()).singleElement().satisfies(d -> assertThat(d.details()).singleElement().asString()
        .contains("released content was not found", "--baseline DIR", "released sha256:", "now sha256:"));
  }

  @Test
  void an_edited_endpoints_file_shows_the_changed_lines(@TempDir Path dir) throws IOException {
    Path baseline = Trees.copy(dir.resolve("base"));
    Path tree = Trees.copy(dir.resolve("head"));
    Path file = tree.resolve("wgp/1.1.0/endpoints.yaml");
    String text = Files.readString(file);
    String first = text.lines().filter(l -> l.contains("path:")).findFirst().orElseThrow();
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(first), first + "-renamed"));
    LockCheck.Result r = LockCheck.run(ContractRegistry.load(tree), tree, ReleasedContent.tree(baseline));
    assertThat(r.drifts()).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo("wgp/1.1.0/endpoints.yaml");
      assertThat(d.details()).contains("changed lines, released -> now:");
      assertThat(d.details()).anyMatch(l -> l.startsWith("- ") && l.endsWith(first.strip()));
      assertThat(d.details()).anyMatch(l -> l.startsWith("+ ") && l.endsWith(first.strip() + "-renamed"));
    });
  }

  @Test
  void an_added_file_a_removed_file_and_a_removed_version_each_fail(@TempDir Path dir) throws IOException {
    Path tree = Trees.copy(dir);
    Files.writeString(tree.resolve("wgp/1.2.0/schemas/extra.schema.json"), "{\"type\": \"object\"}");
    Files.delete(tree.resolve("wgp/1.1.0/schemas/cases-list.query.schema.json"));
    deleteTree(tree.resolve("ivanpin/1.0.0"));
    // 1.0.0 gone means 1.1.0's history has nothing to compare with, which is fine for the lock check
    LockCheck.Result r = LockCheck.compare(ReleaseLock.read(tree), tree, f -> null, ReleasedContent.none());
    assertThat(r.drifts()).extracting(d -> d.kind() + " " + d.file())
        .contains("ADDED wgp/1.2.0/schemas/extra.schema.json", "REMOVED wgp/1.1.0/schemas/cases-list.query.schema.json",
            "REMOVED ivanpin/1.0.0/endpoints.yaml");
    assertThat(r.drifts()).filteredOn(d -> d.version().equals("1.0.0") && d.namespace().equals("ivanpin"))
        .allSatisfy(d -> assertThat(d.details()).containsExactly("the whole version folder ivanpin/1.0.0/ is gone"));
  }

  @Test
  void an_unreleased_version_stays_editable(@TempDir Path dir) throws IOException {
    Path tree = Trees.copy(dir);
    Trees.copyVersion(tree, "ivanpin", "1.2.0", "1.3.0");
    Path file = tree.resolve("ivanpin/1.3.0/schemas/blog-detail.schema.json");
    Files.writeString(file, Files.readString(file).replace("\"Added in 1.3.0\"", "\"Edited before release\""));
    LockCheck.Result r = LockCheck.run(ContractRegistry.load(tree), tree, ReleasedContent.none());
    assertThat(r.passed()).as(r.render()).isTrue();
    assertThat(r.released()).doesNotContain("ivanpin/1.3.0");
    // and once released, the same kind of edit fails
    ReleaseLock.release(tree, ContractRegistry.load(tree), "ivanpin", "1.3.0");
    Files.writeString(file, Files.readString(file) + "\n");
    assertThat(LockCheck.run(ContractRegistry.load(tree), tree, ReleasedContent.none()).drifts())
        .extracting(LockCheck.Drift::file).containsExactly("ivanpin/1.3.0/schemas/blog-detail.schema.json");
  }

  @Test
  void a_released_file_replaced_by_a_link_is_never_read(@TempDir Path dir) throws IOException {
    // GIVEN a secret outside the tree, and a pull request that links a released file (and a new one) to it
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE\n");
    Path tree = Trees.copy(dir.resolve("tree"));
    Path released = tree.resolve("wgp/1.1.0/schemas/error.schema.json");
    Files.delete(released);
    try {
      Files.createSymbolicLink(released, secret);
      Files.createSymbolicLink(tree.resolve("wgp/1.1.0/schemas/extra.json"), secret);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
    }
    // WHEN
    LockCheck.Result r = LockCheck.compare(ReleaseLock.read(tree), tree, f -> null, ReleasedContent.tree(Trees.EXAMPLES));
    // THEN
    assertThat(r.drifts()).extracting(d -> d.kind() + " " + d.file())
        .containsExactly("CHANGED wgp/1.1.0/schemas/error.schema.json", "ADDED wgp/1.1.0/schemas/extra.json");
    assertThat(r.render()).contains("replaced by a symbolic link (not read, target not shown)", "(a symbolic link, not read)")
        .doesNotContain("TOP-SECRET-VALUE", secret.toString());
  }

  static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
