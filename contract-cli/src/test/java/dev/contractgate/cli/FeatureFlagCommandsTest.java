package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backend-owned flags and reads that must exist, as a user meets them on the command line. */
class FeatureFlagCommandsTest {

  private static final String TODAY = "2026-12-01";

  @Test
  void should_accept_a_frontend_ahead_behind_a_flag_and_block_its_ungated_reads() {
    // WHEN ivanpin-web (built against 1.2.0) meets a backend still on 1.1.0
    CliRun run = CliRun.run("can-deploy", "-n", "ivanpin", "--candidate", "1.1.0", "--deployed", "1.1.0",
        "--today", TODAY);
    // THEN the catalog, read behind the endpoint flag, is hidden; seo, read without a flag, breaks
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("INFO consumer.read-behind-flag at services.catalog",
        "ahead behind endpoint: hidden until the backend ships it",
        "BREAKING consumer.read-missing at blog.detail", "/seo/title", "frontend ahead of backend")
        .doesNotContain("BREAKING endpoint.removed");
  }

  @Test
  void should_check_each_consumer_against_the_later_versions_of_its_major() {
    // WHEN
    CliRun run = CliRun.run("check-history", "--today", TODAY);
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("wgp-web", "reads on wgp@1.2.0", "built against 1.1.0: 0 reads");
  }

  @Test
  void should_keep_the_consumer_checks_when_recordings_add_evidence(@TempDir Path dir) throws IOException {
    // GIVEN an empty recording
    Path recording = Files.writeString(dir.resolve("empty.ndjson"), "", StandardCharsets.UTF_8);
    // WHEN
    CliRun run = CliRun.run("check-history", "--today", TODAY, "--recordings", recording.toString());
    // THEN
    assertThat(run.out()).as(run.all()).contains("reads on wgp@1.2.0");
  }

  @Test
  void should_lint_a_typo_in_a_read_with_the_schemas_own_pointer(@TempDir Path dir) throws IOException {
    // GIVEN wgp-web reads /items/*/sluggg
    Path tree = SecretsTest.copyTree(dir.resolve("tree"));
    Path consumer = tree.resolve("consumers/wgp-web.yaml");
    Files.writeString(consumer, Files.readString(consumer).replace("    - /items/*/slug\n", "    - /items/*/sluggg\n"),
        StandardCharsets.UTF_8);
    // WHEN
    CliRun list = CliRun.run("list", "--contracts", tree.toString());
    CliRun canDeploy = CliRun.run("can-deploy", "--contracts", tree.toString(), "-n", "wgp", "--candidate", "1.2.0");
    // THEN every command that loads the tree says so
    for (CliRun run : new CliRun[] {list, canDeploy}) {
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("consumers/wgp-web.yaml (line 8, column 7, at /reads/posts.list/1)",
          "consumer wgp-web", "posts.list", "\"/items/*/sluggg\"", "did you mean \"/items/*/slug\"?");
    }
  }

  @Test
  void should_show_flags_and_gated_reads_in_list() {
    // WHEN
    CliRun run = CliRun.run("list");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("services.catalog", "flag endpoint", "flag feature_enabled",
        "behind feature_enabled: /items/*/readingTime, /items/*/tags/*");
  }

  @Test
  void should_show_the_frontend_ahead_accepted_in_the_passing_demo(@TempDir Path dir) {
    // WHEN
    CliRun run = CliRun.run("demo", "--report-dir", dir.toString());
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("services.catalog", "404: feature off", "feature_enabled=true",
        "the frontend ahead of its backend is accepted");
  }

  @Test
  void should_fail_the_flag_story_naming_the_flag(@TempDir Path dir) {
    // WHEN
    CliRun run = CliRun.run("demo", "--break", "flag-on-without-data", "--report-dir", dir.toString());
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("BREAKING feature.gated-field-missing at /items/*/readingTime", "count   : ×",
        "present while feature_enabled is true");
  }
}
