package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every case in {@code src/test/resources/diff-cases/*.json}: the verdict per direction, optionally the
 * exact set of rule ids that need attention, the relation (see {@link #expectedRelation}), every witness
 * against the networknt validator, and that the response verdict of old → new equals the request verdict of
 * new → old under the strict policy.
 */
class DiffCasesTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  record Case(String file, int index, String description, JsonNode old, JsonNode neu, JsonNode expected) {}

  static List<Case> cases() throws IOException, URISyntaxException {
    URL dir = DiffCasesTest.class.getResource("/diff-cases");
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Case> out = new ArrayList<>();
    for (Path f : files) {
      JsonNode arr;
      try (InputStream in = Files.newInputStream(f)) {
        arr = JSON.readTree(in);
      }
      for (int i = 0; i < arr.size(); i++) {
        JsonNode c = arr.get(i);
        out.add(new Case(f.getFileName().toString(), i, c.get("description").asString(), c.get("old"),
            c.get("new"), c.get("expected")));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicContainer> diff_cases() throws Exception {
    return cases().stream().collect(java.util.stream.Collectors.groupingBy(Case::file, java.util.TreeMap::new,
            java.util.stream.Collectors.toList()))
        .entrySet().stream()
        .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()
            .map(c -> DynamicTest.dynamicTest("#" + c.index() + " " + c.description(), () -> check(c)))));
  }

  @Test
  void the_suite_has_at_least_150_cases_and_every_file_is_a_keyword_family() throws Exception {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(all.stream().map(Case::file).distinct().count()).isGreaterThanOrEqualTo(15);
  }

  static DiffPolicy policy(JsonNode expected) {
    DiffPolicy p = DiffPolicy.defaults();
    JsonNode cfg = expected.get("policy");
    if (cfg == null) {
      return p;
    }
    if (cfg.has("tolerantReader")) {
      p = p.withTolerantReader(cfg.get("tolerantReader").booleanValue());
    }
    if (cfg.has("format")) {
      p = p.withFormat(DiffPolicy.FormatMode.valueOf(cfg.get("format").asString()));
    }
    if (cfg.has("responseEnumGrowth")) {
      p = p.withResponseEnumGrowth(Severity.valueOf(cfg.get("responseEnumGrowth").asString()));
    }
    if (cfg.has("secondOpinion")) {
      p = p.withSecondOpinion(cfg.get("secondOpinion").booleanValue());
    }
    return p;
  }

  static String verdict(DiffResult r, Direction d) {
    List<Change> mine = r.changes().stream().filter(c -> c.direction() == d).toList();
    if (mine.stream().anyMatch(c -> c.isBreaking() && c.relation() != Relation.UNKNOWN)) {
      return "breaking";
    }
    if (mine.stream().anyMatch(c -> c.severity().needsAttention() && c.relation() == Relation.UNKNOWN)) {
      return "unknown";
    }
    if (mine.stream().anyMatch(c -> c.severity() == Severity.WARNING)) {
      return "warning";
    }
    return "safe";
  }

  private static void check(Case c) {
    // GIVEN
    DiffPolicy policy = policy(c.expected());
    // WHEN
    DiffResult r = SchemaDiff.compare(SchemaInput.of(c.old()), SchemaInput.of(c.neu()), Direction.BOTH, policy);
    // THEN
    String report = "\n" + String.join("\n\n", r.changes().stream().map(ch -> ch.severity() + " " + ch.message())
        .toList());
    assertThat(verdict(r, Direction.RESPONSE)).as("response verdict" + report)
        .isEqualTo(c.expected().get("response").asString());
    assertThat(verdict(r, Direction.REQUEST)).as("request verdict" + report)
        .isEqualTo(c.expected().get("request").asString());
    if (c.expected().has("rules")) {
      TreeSet<String> want = new TreeSet<>();
      c.expected().get("rules").values().forEach(v -> want.add(v.asString()));
      TreeSet<String> got = new TreeSet<>();
      r.changes().stream().filter(ch -> ch.severity().needsAttention()).forEach(ch -> got.add(ch.ruleId()));
      assertThat(got).as("rule ids that need attention" + report).isEqualTo(want);
    }
    if (c.expected().has("findingsPerDirection")) {
      // one change, one finding: the same change is never reported twice in one direction
      for (Direction d : List.of(Direction.RESPONSE, Direction.REQUEST)) {
        assertThat(r.changes().stream().filter(ch -> ch.direction() == d).count()).as("findings for " + d + report)
            .isEqualTo(c.expected().get("findingsPerDirection").asLong());
      }
    }
    for (Change ch : r.changes()) {
      if (ch.witness().isEmpty()) {
        continue;
      }
      JsonNode w = ch.witness().get();
      boolean newAccepts = ch.relation() != Relation.NARROWER;
      assertThat(Validation.valid(newAccepts ? c.neu() : c.old(), w)).as("witness %s accepted by %s for %s", w,
          newAccepts ? "new" : "old", ch.ruleId()).isTrue();
      assertThat(Validation.valid(newAccepts ? c.old() : c.neu(), w)).as("witness %s rejected by %s for %s", w,
          newAccepts ? "old" : "new", ch.ruleId()).isFalse();
    }
    DiffPolicy strict = DiffPolicy.strict();
    DiffResult forward = SchemaDiff.compare(SchemaInput.of(c.old()), SchemaInput.of(c.neu()), Direction.RESPONSE,
        strict);
    DiffResult backward = SchemaDiff.compare(SchemaInput.of(c.neu()), SchemaInput.of(c.old()), Direction.REQUEST,
        strict);
    assertThat(verdict(backward, Direction.REQUEST)).as("mirror: request verdict of new → old")
        .isEqualTo(verdict(forward, Direction.RESPONSE));
    assertThat(r.relation()).as("relation of old → new" + report).isEqualTo(expectedRelation(c.expected()));
  }

  /**
   * The relation a case declares: its {@code relation} if it names one, else the one its verdicts imply. A
   * direction whose verdict is not safe is one the change breaks in ({@link Relation#breaks}), so breaking
   * responses alone mean wider, breaking requests alone narrower, both incomparable, neither equal. A case
   * whose policy keeps a real difference safe (a tolerant reader) must name its relation.
   */
  static Relation expectedRelation(JsonNode expected) {
    if (expected.has("relation")) {
      return Relation.valueOf(expected.get("relation").asString().toUpperCase(Locale.ROOT));
    }
    String response = expected.get("response").asString();
    String request = expected.get("request").asString();
    if (response.equals("unknown") || request.equals("unknown")) {
      return Relation.UNKNOWN;
    }
    boolean wider = !response.equals("safe");
    boolean narrower = !request.equals("safe");
    return wider && narrower ? Relation.INCOMPARABLE
        : wider ? Relation.WIDER : narrower ? Relation.NARROWER : Relation.EQUAL;
  }
}
