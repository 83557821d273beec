package dev.contractgate.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.Severity;
import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCheckTest {

  static BaselineCheck.Result check(Path head, Path base) {
    ContractRegistry h = ContractRegistry.load(head);
    return BaselineCheck.run(h, head, ContractRegistry.load(base), base, ReleasedContent.none(),
        ContractDiff.policyOf(h), LocalDate.of(2026, 6, 1));
  }

  @Test
  void a_new_compatible_version_is_listed_and_checked_against_each_baseline_version_of_its_major(@TempDir Path dir)
      throws IOException {
    Path base = Trees.copy(dir.resolve("base"));
    Path head = Trees.copy(dir.resolve("head"));
    Trees.copyVersion(head, "ivanpin", "1.2.0", "1.3.0");
    BaselineCheck.Result r = check(head, base);
    assertThat(r.newVersions()).containsExactly("ivanpin/1.3.0");
    assertThat(r.pairs()).extracting(d -> d.namespace() + " " + d.from() + " -> " + d.to())
        .containsExactly("ivanpin 1.0.0 -> 1.3.0", "ivanpin 1.1.0 -> 1.3.0", "ivanpin 1.2.0 -> 1.3.0");
    assertThat(r.failsAt(Severity.BREAKING)).isFalse();
    assertThat(ReleaseReports.baseline(r, ContractRegistry.load(base), ContractRegistry.load(head), Severity.BREAKING,
        false)).extracting(e -> e.name()).contains("new ivanpin/1.3.0", "baseline 1.2.0 -> 1.3.0");
  }

  @Test
  void a_new_version_that_breaks_its_major_fails(@TempDir Path dir) throws IOException {
    Path base = Trees.copy(dir.resolve("base"));
    Path head = Trees.copy(dir.resolve("head"));
    Trees.copyVersion(head, "ivanpin", "1.2.0", "1.3.0");
    Path file = head.resolve("ivanpin/1.3.0/schemas/blog-detail.schema.json");
    Files.writeString(file, Files.readString(file).replace("\"tags\",\n    \"seo\"\n", "\"tags\"\n"));
    BaselineCheck.Result r = check(head, base);
    assertThat(r.failsAt(Severity.BREAKING)).isTrue();
    assertThat(r.released().passed()).isTrue();
    assertThat(r.pairs()).filteredOn(d -> d.hasBreaking()).extracting(d -> d.from() + " -> " + d.to())
        .containsExactly("1.2.0 -> 1.3.0");
  }

  @Test
  void a_released_version_edited_on_the_branch_fails_with_the_diff_against_the_baseline(@TempDir Path dir)
      throws IOException {
    Path base = Trees.copy(dir.resolve("base"));
    Path head = Trees.copy(dir.resolve("head"));
    Trees.dropSeo(head);
    BaselineCheck.Result r = check(head, base);
    assertThat(r.failsAt(Severity.BREAKING)).isTrue();
    assertThat(r.newVersions()).isEmpty();
    assertThat(r.released().drifts()).singleElement().satisfies(d ->
        assertThat(d.details()).anyMatch(l -> l.startsWith("BREAKING response.property.required-removed at /seo")));
  }

  @Test
  void deleting_a_released_version_and_its_lock_lines_on_the_branch_fails(@TempDir Path dir) throws IOException {
    Path base = Trees.copy(dir.resolve("base"));
    Path head = Trees.copy(dir.resolve("head"));
    LockCheckTest.deleteTree(head.resolve("wgp/1.0.0"));
    Path lock = head.resolve(ReleaseLock.FILE);
    Files.write(lock, Files.readAllLines(lock).stream().filter(l -> !l.startsWith("wgp/1.0.0/")).toList());
    BaselineCheck.Result r = check(head, base);
    assertThat(r.failsAt(Severity.BREAKING)).isTrue();
    assertThat(r.released().drifts()).extracting(d -> d.kind() + " " + d.file())
        .contains("UNLOCKED " + ReleaseLock.FILE, "REMOVED wgp/1.0.0/endpoints.yaml");
    assertThat(r.released().render()).contains("wgp 1.0.0 is released in the baseline but missing from contract-gate.lock");
  }
}
