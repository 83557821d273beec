package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import dev.contractgate.report.Report.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {

  @Test
  void should_print_an_error_per_breaking_finding_of_a_failed_check_with_file_and_line() {
    // GIVEN a hostile file name and message: %, CR, LF, comma and colon
    Finding f = new Finding(Level.BREAKING, "body.type", "/items/*/id", List.of(new Fact("expected", "integer"),
        new Fact("but was", "\"1,5%\"\r\n::error::forged")), "send a number", "", "",
        new Report.Location("contracts/a,b:c.json", 7));
    Report report = new Report("verify", "t", List.of(
        new Entry("ivanpin@1.2.0", "blog.list", Status.FAILED, "1 violation", List.of(f), 0),
        new Entry("ivanpin@1.2.0", "blog.get", Status.WARNING, "slow", List.of(
            new Finding(Level.WARNING, "latency", "", List.of(), "", "", ""),
            new Finding(Level.INFO, "note", "", List.of(), "", "", "")), 0),
        new Entry("ivanpin@1.2.0", "health", Status.FAILED, "connection refused", List.of(), 0)), List.of());
    // WHEN
    String out = GithubAnnotations.render(report);
    // THEN one line each, no forged command at the start of any line
    assertThat(out.split("\n")).containsExactly(
        "::error file=contracts/a%2Cb%3Ac.json,line=7,title=ivanpin@1.2.0 blog.list%3A body.type::body.type at"
            + " /items/*/id%0Aexpected: integer%0Abut was: \"1,5%25\"%0D%0A::error::forged%0Ahint: send a number",
        "::error title=ivanpin@1.2.0 health::connection refused",
        "::warning title=ivanpin@1.2.0 blog.get%3A latency::latency");
    assertThat(Arrays.stream(out.split("\n")).filter(l -> l.startsWith("::error::"))).isEmpty();
  }

  @Test
  void should_be_active_only_when_github_actions_is_true() {
    assertThat(GithubAnnotations.active(Map.of("GITHUB_ACTIONS", "true")::get)).isTrue();
    assertThat(GithubAnnotations.active(Map.of("GITHUB_ACTIONS", "false")::get)).isFalse();
    assertThat(GithubAnnotations.active(k -> null)).isFalse();
  }
}
