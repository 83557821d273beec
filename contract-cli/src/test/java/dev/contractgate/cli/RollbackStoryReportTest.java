package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The demo's rollback story as a reader sees it: a summary that agrees with its list, hints about rollback. */
class RollbackStoryReportTest {

  @Test
  void should_count_what_it_lists_and_talk_about_rolling_back(@TempDir Path dir) throws Exception {
    // WHEN
    CliRun run = CliRun.run("demo", "--break", "rollback-removes-field", "--report-dir", dir.toString(), "-q");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    JsonNode report = Json.MAPPER.readTree(dir.resolve("can-deploy.json").toFile());
    JsonNode rollback = null;
    for (JsonNode e : report.path("entries")) {
      if (e.path("name").asString().startsWith("rollback to ") && e.path("status").asString().equals("failed")) {
        rollback = e;
      }
    }
    assertThat(rollback).as(report.toString()).isNotNull();
    Map<String, Integer> byLevel = new TreeMap<>();
    long breakingRules = 0;
    for (JsonNode f : rollback.path("findings")) {
      byLevel.merge(f.path("level").asString(), 1, Integer::sum);
      if (f.path("level").asString().equals("breaking")) {
        breakingRules++;
        assertThat(f.path("hint").asString()).as(f.toString()).contains("roll").doesNotContain("major version");
        f.path("facts").forEach(x -> assertThat(x.path("value").asString()).doesNotContain("ship the backend first"));
      }
      if (f.path("level").asString().equals("warning")) {
        assertThat(f.path("hint").asString()).contains("before rolling back");
      }
    }
    int listed = rollback.path("findings").size();
    assertThat(listed).isGreaterThan((int) breakingRules);
    String summary = rollback.path("summary").asString();
    assertThat(summary)
        .contains("takes away " + breakingRules + " thing")
        .contains("; " + listed + " listed: " + byLevel.get("breaking") + " breaking, " + byLevel.get("warning") + " warnings");
    // AND the report names the demo tree's contract versions
    assertThat(report.path("meta").path("contracts").toString()).contains("ivanpin@1.1.0", "ivanpin@1.2.0");
  }
}
