package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

  /** Every attribute that can make a browser fetch or navigate somewhere. */
  private static final Pattern URL_ATTRIBUTE = Pattern.compile(
      "\\s(href|src|srcset|action|formaction|poster|data|background|ping|xlink:href)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
      Pattern.CASE_INSENSITIVE);

  /** A start tag; text never holds a raw {@code <}, so these are all the tags there are. */
  private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

  @Test
  void should_load_nothing_from_outside() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .doesNotContain("http://", "https://", "<link", "<script", "<img", "<iframe", "url(", "@import")
        .contains("<style>", "@media (prefers-color-scheme: dark)", "Content-Security-Policy");
    // "src=" occurs only in the escaped hostile text, never in a tag
    assertThat(tags(html)).isNotEmpty().noneMatch(tag -> tag.contains("src=") || tag.contains("//"));
    assertThat(urlAttributes(html)).isNotEmpty().allSatisfy(value -> assertThat(value).startsWith("#"));
  }

  @Test
  void should_keep_a_url_in_the_title_as_text() {
    // GIVEN
    Report report = SampleReports.manyPassed(3);
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html).contains("<h1>verify http://127.0.0.1:8080</h1>");
    assertThat(urlAttributes(html)).allSatisfy(value -> assertThat(value).startsWith("#"));
  }

  @Test
  void should_link_every_anchor_of_the_table_of_contents_to_an_element() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    List<String> ids = new ArrayList<>();
    for (String tag : tags(html)) {
      Matcher m = ID.matcher(tag);
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(urlAttributes(html)).extracting(v -> v.substring(1)).isSubsetOf(ids).contains("g1", "g2", "g1-e1");
    assertThat(html).contains("<nav class=\"toc\"");
  }

  @Test
  void should_escape_hostile_text() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html)
        .doesNotContain("<script", "<img", "</details><img", "\u0007")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | `code` &quot;q&quot; bell")
        .contains("&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;")
        .contains("<span class=\"group-name\">wgp &lt;web|legacy&gt;</span>");
  }

  @Test
  void should_show_old_and_new_as_a_highlighted_line_diff() {
    // GIVEN a finding with both fragments
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN one pane: unchanged lines plain, removed lines in <del> with "-", added in <ins> with "+", all escaped
    assertThat(html).contains("<figure class=\"fragment diff\"><figcaption>old → new</figcaption><pre>"
        + "<span class=\"same\">  {</span>\n"
        + "<del>-   &quot;type&quot; : [ &quot;number&quot;, &quot;string&quot; ],</del>\n"
        + "<del>-   &quot;description&quot; : &quot;price &lt;EUR&gt; &amp; tax&quot;</del>\n"
        + "<ins>+   &quot;type&quot; : &quot;number&quot;</ins>\n"
        + "<span class=\"same\">  }</span>\n</pre></figure>");
    assertThat(html).contains(".fragment.diff del { background: var(--failed-bg);")
        .contains(".fragment.diff ins { background: var(--passed-bg);");
    // and nothing external: the page still loads nothing
    assertThat(html).doesNotContain("<script", "<link", "src=\"http");
  }

  @Test
  void should_diff_lines_with_the_longest_common_subsequence() {
    assertThat(LineDiff.of("a\nb\nc", "a\nx\nc")).extracting(l -> l.kind() + " " + l.text())
        .containsExactly("SAME a", "REMOVED b", "ADDED x", "SAME c");
    assertThat(LineDiff.of("a", "a\nb")).extracting(l -> l.kind() + " " + l.text()).containsExactly("SAME a", "ADDED b");
    String big = "x\n".repeat(2_100);
    assertThat(LineDiff.of(big, big + "y")).as("too large: the caller shows both panes").isEmpty();
  }

  @Test
  void should_mark_a_missing_fragment_as_absent() {
    // GIVEN an added property: only a new fragment
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html).contains("<figure class=\"fragment old\"><figcaption>old</figcaption><p class=\"absent\">absent</p>"
        + "</figure>\n<figure class=\"fragment new\"><figcaption>new</figcaption><pre>{\n  &quot;type&quot; : &quot;string&quot;\n}</pre>");
  }

  @Test
  void should_show_facts_and_hint_in_a_definition_list() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html).contains("<dl class=\"facts\">\n<dt>expected</dt><dd>number</dd>\n"
        + "<dt>but was</dt><dd>string &quot;12.50&quot;</dd>\n<dt>schema</dt>");
    assertThat(html).contains("<dt class=\"hint\">hint</dt><dd class=\"hint\">send a JSON number;");
  }

  @Test
  void should_list_failures_before_passes_in_every_group() {
    // GIVEN
    Report report = SampleReports.representative();
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    String[] sections = html.split("<section class=\"group\"");
    assertThat(sections).hasSize(3);
    for (String section : List.of(sections[1], sections[2])) {
      assertThat(section.lastIndexOf("class=\"entry failed\""))
          .isPositive()
          .isLessThan(section.indexOf("class=\"entry passed\""));
    }
    assertThat(sections[1]).contains("class=\"entry warning\"");
    assertThat(sections[1].indexOf("class=\"entry warning\"")).isLessThan(sections[1].indexOf("class=\"entry passed\""));
    assertThat(sections[1].indexOf("class=\"entry passed\"")).isLessThan(sections[1].indexOf("class=\"entry skipped\""));
  }

  @Test
  void should_put_groups_with_failures_first() {
    // GIVEN "a" passes, "b" fails: the report order is a, b
    Report report = new Report("verify", "t", List.of(
        new Entry("a", "x", Status.PASSED, "ok", List.of(), 0),
        new Entry("b", "y", Status.FAILED, "broken", List.of(), 0)), List.of());
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html.indexOf("<span class=\"group-name\">b</span>"))
        .isPositive()
        .isLessThan(html.indexOf("<span class=\"group-name\">a</span>"));
  }

  @Test
  void should_render_an_empty_report() {
    // GIVEN
    Report report = new Report("verify", "nothing", List.of(), List.of());
    // WHEN
    String html = ReportFormat.HTML.render(report);
    // THEN
    assertThat(html).contains("PASSED: 0 checks", "No checks.").endsWith("</html>\n");
  }

  private static List<String> tags(String html) {
    List<String> tags = new ArrayList<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      tags.add(m.group());
    }
    return tags;
  }

  /** The value of every URL-bearing attribute of every tag. */
  private static List<String> urlAttributes(String html) {
    List<String> values = new ArrayList<>();
    for (String tag : tags(html)) {
      Matcher m = URL_ATTRIBUTE.matcher(tag);
      while (m.find()) {
        String v = m.group(2);
        values.add(v.startsWith("\"") || v.startsWith("'") ? v.substring(1, v.length() - 1) : v);
      }
    }
    return values;
  }
}
