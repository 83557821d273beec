package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Level;
import dev.contractgate.report.Report.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changelog view of a diff report (docs/reports.md#the-changelog), as text and Markdown. */
class ChangelogTest {

  static final String BREAKING_HINT = "undo the change in this major version, or release it as a new major version"
      + " once every consumer has moved; to accept it knowingly, add an exception to contract-gate.yaml (the"
      + " finding's accept line: rule and location; with a reason and an until date)";

  static Finding finding(Level level, String rule, String operation, String where, String old, String now,
      Fact... more) {
    List<Fact> facts = new ArrayList<>(List.of(new Fact("old", old), new Fact("new", now),
        new Fact("meaning", "m")));
    facts.addAll(List.of(more));
    facts.add(new Fact("operation", operation));
    return new Finding(level, rule, where, facts, level == Level.BREAKING ? BREAKING_HINT : "check it", "", "");
  }

  static Report diff(Finding... findings) {
    return new Report("diff", "diff old.json -> new.json", List.of(new Entry("api", "1.0.0 -> 1.1.0",
        Status.FAILED, "n breaking changes", List.of(findings), 0)), List.of());
  }

  @Test
  void should_name_the_property_that_stopped_or_started_being_required_not_both_lists() {
    // GIVEN
    Report report = diff(
        finding(Level.BREAKING, "response.property.required-removed", "GET /pets/{id} (getPet)",
            "getPet response 200 /owner/created_at", "required [\"created_at\",\"id\",\"name\",\"object\",\"owner\","
                + "\"state\",\"title\",\"updated_at\",\"url\",\"visibility\"]",
            "required [\"id\",\"name\",\"object\",\"owner\",\"state\",\"title\",\"updated_at\",\"url\",\"visibility\"]"),
        finding(Level.BREAKING, "request.property.required-added", "POST /pets (createPet)",
            "createPet request body /region", "required [\"name\"]", "required [\"name\",\"region\"]"));
    // WHEN
    String text = ReportFormat.TEXT.render(report, false);
    String verbose = TextRenderer.render(report, false, true);
    // THEN
    assertThat(text).contains(
        "GET /pets/{id} (getPet)  response 200 /owner/created_at: \"created_at\" no longer required\n",
        "POST /pets (createPet)  request body /region: \"region\" now required\n")
        .doesNotContain("required [", "more characters");
    assertThat(verbose).contains("old     : required [\"created_at\",\"id\",\"name\",\"object\",\"owner\",\"state\","
        + "\"title\",\"updated_at\",\"url\",\"visibility\"]", "new     : required [\"name\",\"region\"]");
  }

  @Test
  void should_show_a_removed_property_by_name_and_type_not_by_its_description() {
    // GIVEN
    String schema = "{\"description\":\"" + "The primary text of this object. ".repeat(8) + "\",\"type\":[\"null\","
        + "\"string\"]}";
    Report report = diff(finding(Level.WARNING, "response.property.removed", "POST /notes (createNote)",
        "createNote response 201 /title", "property \"title\" (string, nullable): " + schema,
        "no property \"title\" (any value allowed)"));
    // WHEN
    String text = ReportFormat.TEXT.render(report, false);
    String markdown = ReportFormat.MARKDOWN.render(report, false);
    // THEN
    assertThat(text).contains("POST /notes (createNote)  response 201 /title: property \"title\" (string, nullable)"
        + " → absent (any value allowed)\n").doesNotContain("primary text");
    assertThat(markdown).contains("/title: property \"title\" (string, nullable) → absent (any value allowed)")
        .doesNotContain("primary text");
    assertThat(TextRenderer.render(report, false, true)).contains("old     : property \"title\" (string, nullable): "
        + schema);
  }

  @Test
  void should_name_a_hostile_property_quoted_as_the_diff_quotes_it_and_without_control_characters() {
    // GIVEN a property named a"b, newline, ESC[2J (pointer-escaped "/" too), quoted in the values as JSON
    String name = "a\"b\n\u001B[2J/c";
    String quoted = "\"a\\\"b\\n\\u001B[2J/c\"";
    Report report = diff(
        finding(Level.WARNING, "response.property.removed", "GET /x (getX)", "getX response 200 /a\"b\n\u001B[2J~1c",
            "property " + quoted + " (integer): {\"type\":\"integer\"}", "no property " + quoted
                + " (any value allowed)"),
        finding(Level.BREAKING, "response.property.required-removed", "GET /x (getX)",
            "getX response 200 /a\"b\n\u001B[2J~1c", "required [" + quoted + "]", "required []"));
    // WHEN
    String text = ReportFormat.TEXT.render(report, false);
    // THEN
    assertThat(Changelog.quote(name)).isEqualTo(quoted);
    assertThat(text).contains("property " + quoted + " (integer) → absent (any value allowed)",
        ": " + quoted + " no longer required").doesNotContain("\u001B[2J");
  }

  @Test
  void should_wrap_a_long_legend_at_a_hundred_columns_with_every_rule_and_the_whole_hint() {
    // GIVEN 13 breaking rules that share one hint
    List<Finding> findings = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      String rule = "request.some-keyword-" + i + ".narrowed";
      rules.add(rule);
      findings.add(finding(Level.BREAKING, rule, "GET /items" + i + " (list" + i + ")", "list" + i + " request query /q",
          "type number", "type integer"));
    }
    // WHEN
    String text = ReportFormat.TEXT.render(diff(findings.toArray(Finding[]::new)), false);
    String legend = text.substring(text.indexOf("What to do:"), text.indexOf("\nDetails"));
    // THEN
    assertThat(legend.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(TextRenderer.WIDTH));
    assertThat(legend.lines().count()).isGreaterThan(4);
    assertThat(legend.lines().skip(2)).allSatisfy(l -> assertThat(l).startsWith("    "));
    assertThat(legend.replaceAll("\\s+", " ")).contains(String.join(", ", rules) + ": " + BREAKING_HINT);
  }

  @Test
  void should_name_the_other_operations_a_shared_change_reaches_first_three_then_how_many_more() {
    // GIVEN a change reported under the create, reaching the get, the update, the list, the replace and 7 places
    // the diff stopped listing
    Finding f = finding(Level.BREAKING, "response.type.nullable-added", "POST /beacons (create-beacon)",
        "create-beacon response 201 /title", "type string", "type null, string",
        new Fact("also", "GET /beacons/{beacon_id} (get-beacon)\nPATCH /beacons/{beacon_id} (update-beacon)\n"
            + "GET /beacons (list-beacons)\nPUT /beacons/{beacon_id} (replace-beacon)\n... and 7 more places"),
        new Fact("reaches", "create-beacon response 201 /title\nget-beacon response 200 /title"));
    Report report = diff(f);
    // WHEN
    String text = ReportFormat.TEXT.render(report, false);
    String verbose = TextRenderer.render(report, false, true);
    String markdown = ReportFormat.MARKDOWN.render(report, false);
    // THEN
    String also = "also: GET /beacons/{beacon_id}, PATCH /beacons/{beacon_id}, GET /beacons and 8 more";
    assertThat(text).contains("response 201 /title: type string → type null, string (reaches 2 places)\n    " + also
        + "\n");
    assertThat(verbose).contains("\n      " + also + "\n").doesNotContain("also    :");
    assertThat(markdown).contains("(reaches 2 places) — " + MarkdownRenderer.text(also));
  }

  @Test
  void should_order_operations_by_path_then_method_whatever_their_severity_or_number_of_findings() {
    // GIVEN a warning on /items8, two breaking changes on /items10 and one on POST /items8
    Report report = diff(
        finding(Level.BREAKING, "request.type.narrowed", "GET /items10 (list10)", "list10 request query /a",
            "type number", "type integer"),
        finding(Level.BREAKING, "request.type.narrowed", "GET /items10 (list10)", "list10 request query /b",
            "type number", "type integer"),
        finding(Level.BREAKING, "request.type.narrowed", "POST /items8 (create8)", "create8 request body /c",
            "type number", "type integer"),
        finding(Level.WARNING, "response.header.removed", "GET /items8 (list8)", "list8 response 200 header X-A",
            "X-A", "(absent)"),
        finding(Level.BREAKING, "endpoint.removed", "DELETE /items9/{id} (delete9)", "delete9 endpoint",
            "DELETE /items9/{id}", "(absent)"));
    // WHEN
    String text = ReportFormat.TEXT.render(report, false);
    String markdown = ReportFormat.MARKDOWN.render(report, false);
    // THEN
    for (String out : List.of(text, markdown)) {
      int get8 = out.indexOf("GET /items8 (list8)");
      int post8 = out.indexOf("POST /items8 (create8)");
      int delete9 = out.indexOf("DELETE /items9/{id} (delete9)");
      int get10 = out.indexOf("GET /items10 (list10)");
      assertThat(List.of(get8, post8, delete9, get10)).as(out).doesNotContain(-1).isSorted();
    }
    assertThat(text).contains("\nGET /items10 (list10)\n  BREAKING request.type.narrowed  request query /a");
  }
}
