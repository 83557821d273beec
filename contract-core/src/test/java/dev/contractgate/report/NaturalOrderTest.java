package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  private static List<String> sorted(String... values) {
    List<String> out = new ArrayList<>(List.of(values));
    Collections.shuffle(out, new Random(7));
    out.sort(NaturalOrder.STRINGS);
    return out;
  }

  @Test
  void should_compare_numbers_in_a_segment_as_numbers() {
    assertThat(sorted("/items10/{id}", "/items8/{id}", "/items9/{id}", "/items100/{id}", "/items0/{id}"))
        .containsExactly("/items0/{id}", "/items8/{id}", "/items9/{id}", "/items10/{id}", "/items100/{id}");
    assertThat(sorted("/items/10/author", "/items/3/author", "/items/3")).containsExactly("/items/3",
        "/items/3/author", "/items/10/author");
  }

  @Test
  void should_compare_segment_by_segment_so_a_shorter_segment_comes_first() {
    // Lexicographically "/items/" < "/items1"; segment by segment "items" is a prefix of "items10".
    assertThat(sorted("/items10", "/items/{id}", "/items")).containsExactly("/items", "/items/{id}", "/items10");
    assertThat(sorted("/v1.10/a", "/v1.9/a", "/v1.9.1/a")).containsExactly("/v1.9/a", "/v1.9.1/a", "/v1.10/a");
  }

  @Test
  void should_order_numbers_longer_than_a_long_and_break_ties_on_leading_zeros() {
    assertThat(sorted("/a/100000000000000000000000000000", "/a/99999999999999999999999999999", "/a/7", "/a/07"))
        .containsExactly("/a/07", "/a/7", "/a/99999999999999999999999999999", "/a/100000000000000000000000000000");
    assertThat(NaturalOrder.compare("/a/07", "/a/7")).isNotZero();
  }

  /** Strings of slashes, digits (zeros too) and letters: where the comparison has its cases. */
  @Property(tries = 2000)
  void should_be_a_total_order(@ForAll @Chars({'/', '0', '1', '7', 'a', '{'}) @StringLength(max = 7) String a,
      @ForAll @Chars({'/', '0', '1', '7', 'a', '{'}) @StringLength(max = 7) String b,
      @ForAll @Chars({'/', '0', '1', '7', 'a', '{'}) @StringLength(max = 7) String c) {
    assertThat(Integer.signum(NaturalOrder.compare(a, b))).isEqualTo(-Integer.signum(NaturalOrder.compare(b, a)));
    assertThat(NaturalOrder.compare(a, b) == 0).isEqualTo(a.equals(b));
    if (NaturalOrder.compare(a, b) <= 0 && NaturalOrder.compare(b, c) <= 0) {
      assertThat(NaturalOrder.compare(a, c)).isLessThanOrEqualTo(0);
    }
  }

  private static Finding change(Level level, String operation, String where) {
    return new Finding(level, "endpoint.removed", where, List.of(new Fact("operation", operation)), "", "", "");
  }

  @Test
  void should_group_findings_by_operation_path_in_natural_order_within_a_level() {
    List<Finding> findings = List.of(
        change(Level.BREAKING, "GET /items10/{id} (getItem10)", "get-item10 endpoint"),
        change(Level.BREAKING, "GET /items8/{id} (getItem8)", "get-item8 endpoint"),
        change(Level.INFO, "GET /items1/{id} (getItem1)", "get-item1 endpoint"),
        change(Level.BREAKING, "DELETE /items8/{id} (deleteItem8)", "delete-item8 endpoint"),
        change(Level.BREAKING, "GET /items9/{id} (getItem9)", "zzz endpoint"));
    Report.Entry e = new Report.Entry("api", "1 -> 2", Report.Status.FAILED, "", findings, 0);
    assertThat(e.findings()).extracting(f -> Changelog.operation(f)).containsExactly(
        "DELETE /items8/{id} (deleteItem8)", "GET /items8/{id} (getItem8)", "GET /items9/{id} (getItem9)",
        "GET /items10/{id} (getItem10)", "GET /items1/{id} (getItem1)");
  }

  @Test
  void should_sort_locations_of_other_reports_in_natural_order() {
    Finding a = new Finding(Level.BREAKING, "r", "/items/10/name", List.of(), "", "", "");
    Finding b = new Finding(Level.BREAKING, "r", "/items/9/name", List.of(), "", "", "");
    Report.Entry e = new Report.Entry("api", "x", Report.Status.FAILED, "", List.of(a, b), 0);
    assertThat(e.findings()).extracting(Finding::where).containsExactly("/items/9/name", "/items/10/name");
  }
}
