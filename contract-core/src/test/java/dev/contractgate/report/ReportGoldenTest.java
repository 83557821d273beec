package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rendering of the representative report, byte for byte, against {@code src/test/resources/reports/}.
 * After an intended change, regenerate with
 * {@code ./mvnw -o -pl contract-core test -Dtest=ReportGoldenTest -Dcontractgate.updateGolden=true} and review
 * the diff.
 */
class ReportGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/reports");
  static final boolean UPDATE = Boolean.getBoolean("contractgate.updateGolden");

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void should_render_the_same_report_identically_twice(ReportFormat format) {
    // GIVEN two equal reports built separately
    Report first = SampleReports.representative();
    Report second = SampleReports.representative();
    // WHEN
    String a = format.render(first);
    String b = format.render(second);
    // THEN
    assertThat(a).isEqualTo(b).isEqualTo(format.render(first));
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void should_match_the_golden_file(ReportFormat format) throws IOException {
    // GIVEN
    Path golden = GOLDEN.resolve("representative." + format.extension());
    // WHEN
    String actual = format.render(SampleReports.representative());
    // THEN
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    String how = "; if the change is intended, regenerate with "
        + "./mvnw -o -pl contract-core test -Dtest=ReportGoldenTest -Dcontractgate.updateGolden=true and review the diff";
    if (!Files.exists(golden)) {
      fail("golden file " + golden.toAbsolutePath() + " is missing" + how);
    }
    assertThat(actual)
        .as("%s rendering differs from %s%s", format, golden, how)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
