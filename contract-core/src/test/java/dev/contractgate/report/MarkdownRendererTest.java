package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  @Test
  void should_open_with_the_verdict_and_a_summary_table_per_group() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String md = ReportFormat.MARKDOWN.render(report);
    // THEN
    assertThat(md).startsWith("""
        ## ❌ contract-gate check-history contracts/ (2 namespaces)

        **FAILED: 3 of 8 checks failed, 1 warning**

        <sub>2026-12-03T07:10:57Z · contract-gate 0.2.0 · commit 0123456789ab · contracts ivanpin@1.2.0, wgp@1.2.0</sub>

        | group | failed | warnings | passed | skipped |
        |:---|---:|---:|---:|---:|
        | ivanpin | 1 | 1 | 2 | 1 |
        | wgp &lt;web\\|legacy&gt; | 2 | 0 | 1 | 0 |
        """);
  }

  @Test
  void should_mark_a_passing_report() {
    // GIVEN
    Report report = SampleReports.manyPassed(2);
    // WHEN
    String md = ReportFormat.MARKDOWN.render(report);
    // THEN
    assertThat(md).startsWith("## ✅ contract-gate verify http://127.0.0.1:8080\n\n**PASSED: 2 checks**\n");
  }

  @Test
  void should_keep_every_table_row_at_five_cells_whatever_the_text() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    List<String> rows = Arrays.stream(ReportFormat.MARKDOWN.render(report).split("\n"))
        .filter(l -> l.startsWith("|")).toList();
    // THEN
    assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(unescapedPipes(row)).as(row).isEqualTo(6));
  }

  @Test
  void should_collapse_the_findings_of_failures_and_warnings_failures_first() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String md = ReportFormat.MARKDOWN.render(report);
    // THEN
    assertThat(md.split("\n<details>\n<summary>", -1)).hasSize(5);
    assertThat(md.split("\n</details>\n", -1)).hasSize(5);
    assertThat(md).contains("""
        <details>
        <summary>❌ <b>ivanpin</b> · <code>blog.list</code> — 2 violations</summary>

        **[1] BREAKING** `required` at `/customer`

        ```text
        expected: required property "email"
        but was : absent
        schema  : contracts/ivanpin/1.2.0/schemas/order.schema.json#/properties/customer/required
        ```
        """);
    assertThat(md.indexOf("### Failed (3)")).isPositive()
        .isLessThan(md.indexOf("### Warnings (1)"));
    assertThat(md.indexOf("### Warnings (1)")).isLessThan(md.indexOf("### Passed and skipped (4)"));
    assertThat(md.indexOf("<summary>⚠️ <b>ivanpin</b> · <code>blog.get</code>")).isGreaterThan(md.indexOf("### Warnings"));
  }

  @Test
  void should_show_old_then_new_fragment_in_json_blocks() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String md = ReportFormat.MARKDOWN.render(report);
    // THEN
    assertThat(md).contains("""
        ###### old

        ```json
        {
          "type" : [ "number", "string" ],
          "description" : "price <EUR> & tax"
        }
        ```

        ###### new

        ```json
        {
          "type" : "number"
        }
        ```
        """);
  }

  @Test
  void should_list_passed_and_skipped_compactly_at_the_end() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String md = ReportFormat.MARKDOWN.render(report);
    // THEN
    assertThat(md).contains("""
        ### Passed and skipped (4)

        - ✅ **ivanpin** · `blog.rss` — 200 in 12 ms
        - ✅ **ivanpin** · `health` — 200 in 3 ms
        - ⏭️ **ivanpin** · `admin.stats` — no token in IVANPIN\\_ADMIN\\_TOKEN
        - ✅ **wgp &lt;web\\|legacy&gt;** · `1.0.0 -> 1.1.0` — compatible
        """);
  }

  @Test
  void should_collapse_more_than_ten_passed_checks() {
    // GIVEN
    Report ten = SampleReports.manyPassed(10);
    Report eleven = SampleReports.manyPassed(11);
    // WHEN
    String md10 = ReportFormat.MARKDOWN.render(ten);
    String md11 = ReportFormat.MARKDOWN.render(eleven);
    // THEN
    assertThat(md10).doesNotContain("<details>");
    assertThat(md11).contains("### Passed (11)\n\n<details>\n<summary>11 checks</summary>\n\n- ✅ **ivanpin** · `endpoint.01` — 200\n")
        .endsWith("- ✅ **ivanpin** · `endpoint.11` — 200\n\n</details>\n");
  }

  @Test
  void should_neutralise_hostile_text() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String md = ReportFormat.MARKDOWN.render(report);
    // THEN the only raw HTML is ours; markup survives only inside code, where it is literal
    assertThat(md).doesNotContain("\u0007");
    assertThat(outsideCode(md)).doesNotContain("<script", "<img").contains("&lt;script&gt;");
    assertThat(Arrays.stream(md.split("\n")).filter(l -> l.startsWith("<") || l.startsWith("</")))
        .allSatisfy(l -> assertThat(l).matches("</?details>|<summary>.*</summary>|<sub>[^<>]*</sub>"));
    // in <summary>: HTML-escaped
    assertThat(md).contains("<summary>❌ <b>wgp &lt;web|legacy&gt;</b> · <code>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        + " &amp; | `code` &quot;q&quot; bell</code> — summary &lt;script&gt;");
    // in a code span: a longer delimiter
    assertThat(md).contains("**[1] BREAKING** `` rule|`x` `` at `/a|b/<c>`");
    // in a fenced block: a longer fence than the triple backticks inside
    assertThat(md).contains("""
        ````text
        expected: </details><img src=x onerror=alert(1)>
        but was : ```
                  <script>alert('x')</script> & | `code` "q" bell
                  ```
        hint    : hint <script>alert('x')</script> & | `code` "q" bell
        ````
        """);
    // in running text: entities and backslashes
    assertThat(md).contains("> note &lt;script&gt;alert('x')&lt;/script&gt; &amp; \\| \\`code\\` \"q\" bell  \n");
  }

  /** The Markdown without its fenced blocks and code spans. */
  private static String outsideCode(String md) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : md.split("\n", -1)) {
      if (fence == null && line.startsWith("```")) {
        fence = line.replaceAll("[^`].*", "");
      } else if (fence != null && line.equals(fence)) {
        fence = null;
      } else if (fence == null) {
        out.append(line.replaceAll("(`+)(.+?)\\1", "")).append('\n');
      }
    }
    assertThat(fence).as("every fence is closed").isNull();
    return out.toString();
  }

  private static int unescapedPipes(String row) {
    int n = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '\\') {
        i++;
      } else if (row.charAt(i) == '|') {
        n++;
      }
    }
    return n;
  }
}
