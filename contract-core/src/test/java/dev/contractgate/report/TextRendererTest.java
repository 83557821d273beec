package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

  @Test
  void should_write_no_escape_sequence_without_colour() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String text = ReportFormat.TEXT.render(report, false);
    // THEN
    assertThat(text).startsWith("contract-gate check-history").doesNotContain("\u001B");
  }

  @Test
  void should_not_pass_control_characters_from_values_to_the_terminal() {
    // GIVEN a summary that tries to clear the screen
    Report report = new Report("verify", "t", List.of(
        new Entry("g", "n", Status.FAILED, "x\u001B[2Jy\u0007", List.of(), 0)), List.of());
    // WHEN
    String plain = ReportFormat.TEXT.render(report, false);
    String colour = ReportFormat.TEXT.render(report, true);
    // THEN
    assertThat(plain).contains("x[2Jy\n").doesNotContain("\u001B", "\u0007");
    assertThat(colour).contains("x[2Jy\n").doesNotContain("\u001B[2J", "\u0007");
  }
}
