package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import dev.contractgate.report.Report.Location;
import dev.contractgate.report.Report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line adds to every report: metadata and the contract line of each finding. */
class ReportContextTest {

  static final String SHA = "4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2";
  static final String OTHER = "0000000000000000000000000000000000000abc";

  @Nested
  class Commit {
    @Test
    void should_read_a_branch_head_from_a_loose_ref(@TempDir Path dir) throws IOException {
      Files.createDirectories(dir.resolve(".git/refs/heads"));
      Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
      Files.writeString(dir.resolve(".git/refs/heads/main"), SHA + "\n");
      Path sub = Files.createDirectories(dir.resolve("a/b"));
      assertThat(ReportContext.commit(sub)).contains(SHA);
    }

    @Test
    void should_read_a_packed_ref_and_a_detached_head(@TempDir Path dir) throws IOException {
      Files.createDirectories(dir.resolve(".git"));
      Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/release\n");
      Files.writeString(dir.resolve(".git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
          + OTHER + " refs/heads/main\n" + SHA + " refs/heads/release\n");
      assertThat(ReportContext.commit(dir)).contains(SHA);
      Files.writeString(dir.resolve(".git/HEAD"), OTHER + "\n");
      assertThat(ReportContext.commit(dir)).contains(OTHER);
    }

    @Test
    void should_follow_a_worktree_gitdir_file_to_the_common_refs(@TempDir Path dir) throws IOException {
      Path common = Files.createDirectories(dir.resolve("main/.git"));
      Path wt = Files.createDirectories(common.resolve("worktrees/w"));
      Files.createDirectories(common.resolve("refs/heads"));
      Files.writeString(common.resolve("refs/heads/w"), SHA + "\n");
      Files.writeString(wt.resolve("HEAD"), "ref: refs/heads/w\n");
      Files.writeString(wt.resolve("commondir"), "../..\n");
      Path checkout = Files.createDirectories(dir.resolve("wt"));
      Files.writeString(checkout.resolve(".git"), "gitdir: " + wt + "\n");
      assertThat(ReportContext.commit(checkout)).contains(SHA);
    }

    @Test
    void should_be_empty_outside_git_or_when_git_files_make_no_sense(@TempDir Path dir) throws IOException {
      // no .git above a temporary folder (the system's temporary directory is not in a repository)
      assertThat(ReportContext.commit(dir)).isEmpty();
      Files.createDirectories(dir.resolve(".git"));
      assertThat(ReportContext.commit(dir)).as("no HEAD").isEmpty();
      Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/../../../etc/passwd\n");
      assertThat(ReportContext.commit(dir)).as("a ref outside refs/").isEmpty();
      Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/gone\n");
      assertThat(ReportContext.commit(dir)).as("a missing ref").isEmpty();
      Files.writeString(dir.resolve(".git/HEAD"), "not a sha\n");
      assertThat(ReportContext.commit(dir)).isEmpty();
    }
  }

  @Test
  void should_take_the_time_from_source_date_epoch_and_else_from_the_clock() {
    assertThat(ReportContext.time(Map.of("SOURCE_DATE_EPOCH", "1780000000")::get)).isEqualTo("2026-05-28T20:26:40Z");
    assertThat(ReportContext.time(k -> null)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(ReportContext.time(Map.of("SOURCE_DATE_EPOCH", "yesterday")::get))
        .as("not a number: the clock").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void should_list_every_contract_version_of_the_tree_and_the_tool_version(@TempDir Path dir) {
    ContractRegistry registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
    Report.Meta meta = ReportContext.meta(k -> null, dir, registry);
    assertThat(meta.contracts()).contains("ivanpin@1.0.0", "ivanpin@1.2.0", "wgp@1.2.0").isSorted();
    assertThat(meta.tool()).startsWith("contract-gate ");
    assertThat(meta.commit()).isEmpty();
  }

  @Test
  void should_locate_a_finding_at_its_schema_line_else_at_its_endpoint(@TempDir Path dir) throws IOException {
    // GIVEN a tree under the working directory
    Path tree = DiffCommandsTest.copyOfExampleTree(dir.resolve("contracts"));
    ContractRegistry registry = ContractRegistry.load(tree);
    ReportContext.Locator locator = new ReportContext.Locator(registry, tree, dir);
    Finding bySchema = new Finding(Level.BREAKING, "body.type", "/items/0/title", List.of(
        new Fact("schema", "ivanpin/1.2.0/schemas/blog-list.schema.json#/properties/items")), "", "", "");
    Finding byEndpoint = new Finding(Level.BREAKING, "header.mismatch", "Vary", List.of(), "", "", "");
    Entry entry = new Entry("ivanpin@1.2.0", "blog.list", Status.FAILED, "x", List.of(), 0);
    // WHEN
    Location schema = locator.locate(entry, bySchema);
    Location endpoint = locator.locate(entry, byEndpoint);
    Location unknown = locator.locate(new Entry("ivanpin-web", "reads", Status.FAILED, "x", List.of(), 0), byEndpoint);
    // THEN
    assertThat(schema.file()).isEqualTo("contracts/ivanpin/1.2.0/schemas/blog-list.schema.json");
    List<String> schemaLines = Files.readAllLines(tree.resolve("ivanpin/1.2.0/schemas/blog-list.schema.json"));
    assertThat(schemaLines.get(schema.line() - 1)).contains("\"items\"");
    assertThat(endpoint.file()).isEqualTo("contracts/ivanpin/1.2.0/endpoints.yaml");
    List<String> endpointLines = Files.readAllLines(tree.resolve("ivanpin/1.2.0/endpoints.yaml"));
    assertThat(endpointLines.get(endpoint.line() - 1)).contains("blog.list");
    assertThat(unknown).isEqualTo(Location.NONE);
  }

  @Test
  void should_add_nothing_when_the_command_runs_without_its_root() {
    Report r = new Report("verify", "t", List.of(), List.of());
    assertThat(ReportContext.enrich(r, Optional.empty())).isSameAs(r);
  }
}
