package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @Test
  void should_order_by_semantic_version_precedence() {
    // GIVEN the example of semver.org item 11, plus numeric ordering of each part, shuffled
    List<String> ordered = List.of("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0-0", "2.0.0");
    List<SemVer> versions = new ArrayList<>(ordered.stream().map(SemVer::parse).toList());
    Collections.reverse(versions);
    Collections.shuffle(versions, new java.util.Random(42));
    // WHEN
    Collections.sort(versions);
    // THEN
    assertThat(versions).extracting(SemVer::toString).containsExactlyElementsOf(ordered);
  }

  @Test
  void should_rank_a_release_above_its_pre_releases() {
    // WHEN
    int c = SemVer.parse("1.0.0").compareTo(SemVer.parse("1.0.0-rc.99"));
    // THEN
    assertThat(c).isPositive();
    assertThat(SemVer.parse("1.0.0-rc.99").compareTo(SemVer.parse("1.0.0"))).isNegative();
  }

  @Test
  void should_compare_numeric_identifiers_numerically_and_below_alphanumeric_ones() {
    // THEN
    assertThat(SemVer.parse("1.0.0-2")).isLessThan(SemVer.parse("1.0.0-10"));
    assertThat(SemVer.parse("1.0.0-99999999999999999999")).isLessThan(SemVer.parse("1.0.0-100000000000000000000"));
    assertThat(SemVer.parse("1.0.0-999")).isLessThan(SemVer.parse("1.0.0-a"));
    assertThat(SemVer.parse("1.0.0-a.1")).isLessThan(SemVer.parse("1.0.0-a.1.0"));
    assertThat(SemVer.parse("1.0.0-B")).isLessThan(SemVer.parse("1.0.0-a"));
  }

  @Test
  void should_compare_equal_only_when_equal() {
    // GIVEN
    SemVer a = SemVer.parse("2.0.0-rc.1");
    SemVer b = SemVer.parse("2.0.0-rc.1");
    // THEN
    assertThat(a).isEqualTo(b).isEqualByComparingTo(b).hasToString("2.0.0-rc.1");
    assertThat(a.major()).isEqualTo(2);
    assertThat(a.prerelease()).isEqualTo("rc.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0", "0.0.0", "10.20.30", "1.0.0-0", "1.0.0-x-y-z.--", "1.0.0-0a.01a", "2147483647.0.0"})
  void should_accept_valid_versions(String text) {
    // THEN
    assertThat(SemVer.isValid(text)).isTrue();
    assertThat(SemVer.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1.0", "v1.0.0", "1.0.0.0", "01.0.0", "1.01.0", "1.0.0-", "1.0.0-01",
      "1.0.0-rc.01", "1.0.0+build", "1.0.0-rc..1", " 1.0.0", "2147483648.0.0", "99999999999.0.0"})
  void should_reject_invalid_versions(String text) {
    // THEN
    assertThat(SemVer.isValid(text)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> SemVer.parse(text))
        .withMessageStartingWith("not a semantic version: \"" + text + "\"");
  }
}
