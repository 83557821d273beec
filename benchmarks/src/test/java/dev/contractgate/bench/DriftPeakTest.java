package dev.contractgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriftPeakTest {

  @Test
  void oneRunReportsItsRowWithEveryRecordReadAndThePlantedViolationsCounted() throws Exception {
    String row = DriftPeak.measure(300, 2);

    String[] cells = row.split(" \\| ");
    assertThat(cells).hasSize(8);
    assertThat(cells[0]).isEqualTo("300");
    assertThat(cells[1]).isEqualTo("2");
    // documents 37, 137 and 237 carry the planted violation
    assertThat(cells[7]).isEqualTo("297");
    double peakSeen = Double.parseDouble(cells[4]);
    double poolPeaks = Double.parseDouble(cells[5]);
    assertThat(peakSeen).isPositive();
    assertThat(poolPeaks).isGreaterThanOrEqualTo(peakSeen - 1);
  }
}
