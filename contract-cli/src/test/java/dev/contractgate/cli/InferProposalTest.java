package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.ContractDiff;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code infer --from}: the next version, widened only where the recordings show values the current one rejects. */
class InferProposalTest {

  static final ContractRegistry EXAMPLES = InferCommandTest.EXAMPLES;

  /** The example tree, copied so that the proposal can be written into it. */
  static Path copyOfExamples(Path dir) throws IOException {
    Path source = Path.of("../contracts/src/main/contracts");
    Path target = dir.resolve("contracts");
    try (Stream<Path> s = Files.walk(source)) {
      for (Path p : s.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  /**
   * The stub traffic of ivanpin 1.2.0 with what a newer backend sends: a null readingTime, a post in German, a
   * post without excerpt, a 500 from blog.list, and a new endpoint tags/list.php.
   */
  static Path newerTraffic(Path dir) throws IOException {
    List<InferTraffic.Exchange> traffic = new ArrayList<>(InferTraffic.of(EXAMPLES, "ivanpin"));
    InferTraffic.Exchange list = traffic.get(0);
    ObjectNode nullReading = (ObjectNode) InferTraffic.MAPPER.readTree(list.body());
    ((ObjectNode) nullReading.get("items").get(0)).putNull("readingTime");
    ObjectNode german = (ObjectNode) InferTraffic.MAPPER.readTree(list.body());
    ((ObjectNode) german.get("items").get(1)).put("lang", "de");
    ObjectNode noExcerpt = (ObjectNode) InferTraffic.MAPPER.readTree(list.body());
    ((ObjectNode) noExcerpt.get("items").get(2)).remove("excerpt");
    for (ObjectNode b : List.of(nullReading, german, noExcerpt)) {
      traffic.add(new InferTraffic.Exchange("GET", list.target(), 200, list.headers(), b.toString(), true));
    }
    traffic.add(new InferTraffic.Exchange("GET", list.target(), 500, Map.of("Content-Type", "application/json"),
        "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"try again\"}}", true));
    for (int i = 0; i < 6; i++) {
      ObjectNode tags = InferTraffic.MAPPER.createObjectNode();
      ArrayNode items = tags.putArray("items");
      items.addObject().put("slug", "bitrix").put("count", 12 + i);
      items.addObject().put("slug", "nextjs").put("count", 3);
      traffic.add(new InferTraffic.Exchange("GET", "/api/ivanpin/services/tags/list.php?lang=ru", 200,
          Map.of("Content-Type", "application/json", "Vary", "Origin"), tags.toString(), true));
    }
    return InferTraffic.ndjson(dir.resolve("newer.ndjson"), traffic);
  }

  @Test
  void should_propose_the_next_version_widened_only_where_recordings_are_rejected(@TempDir Path dir)
      throws IOException {
    // GIVEN
    Path tree = copyOfExamples(dir);
    Path rec = newerTraffic(dir);
    // WHEN
    CliRun run = InferCommandTest.infer("--recordings", rec.toString(), "--from", "ivanpin@1.2.0", "--version", "1.3.0",
        "--contracts", tree.toString(), "--today", "2026-11-22");
    // THEN the proposal is written and the diff report is printed, per consumer
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("Inferred ivanpin 1.3.0 from 52 exchanges in 1 recording: 6 endpoints")
        .contains("rejected   : 3 responses the current version rejects")
        .contains("line 44: rejected, blog.list 200 body.enum at /items/1/lang: expected one of [\"ru\",\"en\"], but was"
            + " string \"de\"")
        .contains("note: proposed from ivanpin@1.2.0: 3 responses it rejected, 3 places widened, 1 status and 1"
            + " endpoint added")
        .contains("1.2.0 -> 1.3.0")
        .contains("ivanpin-web");
    Path v2 = tree.resolve("ivanpin/1.3.0");
    String common = Files.readString(v2.resolve("schemas/common.schema.json"));
    assertThat(common).contains("\"de\"").contains("\"widenedFrom\" : \"1.2.0\"");
    String list = Files.readString(v2.resolve("schemas/blog-list.schema.json"));
    assertThat(list).contains("\"type\" : [ \"integer\", \"null\" ]");
    // files nothing was widened in are copied byte for byte
    assertThat(v2.resolve("schemas/services-list.schema.json"))
        .hasSameTextualContentAs(tree.resolve("ivanpin/1.2.0/schemas/services-list.schema.json"));
    String endpoints = Files.readString(v2.resolve("endpoints.yaml"));
    assertThat(endpoints).contains("id: tags.list").contains("\"500\":").contains("schemas/blog-list.500.schema.json");
    // the diff from 1.2.0 to 1.3.0 holds exactly what the recordings showed
    ContractRegistry registry = ContractRegistry.load(tree);
    VersionDiff diff = ContractDiff.compare(registry, registry.requireVersion("ivanpin", "1.2.0"),
        registry.requireVersion("ivanpin", "1.3.0"), ContractDiff.policyOf(registry), LocalDate.of(2026, 11, 22));
    List<String> changes = diff.changes().stream()
        .filter(c -> !c.ruleId().equals("response.annotation.changed"))
        .map(InferProposalTest::describe).distinct().toList();
    assertThat(changes).containsExactlyInAnyOrder(
        "blog.list response.enum.value-added /items/*/lang",
        "blog.list response.type.nullable-added /items/*/readingTime",
        "blog.list response.property.required-removed /items/*/excerpt",
        "blog.list response.status.added ",
        "tags.list endpoint.added ");
    // and the same recordings drift green against the proposal
    CliRun drift = CliRun.run("drift", "--contracts", tree.toString(), "--namespace", "ivanpin", "--version", "1.3.0",
        "--color", "never", "-q", "--recordings", rec.toString());
    assertThat(drift.exitCode()).as(drift.all()).isZero();
    InferSafetyTest.assertNoStaging(tree);
  }

  static String describe(EndpointChange c) {
    return c.endpoint() + " " + c.ruleId() + " " + c.change().path();
  }

  @Test
  void should_refuse_an_out_tree_other_than_the_contracts(@TempDir Path dir) throws IOException {
    Path tree = copyOfExamples(dir);
    CliRun run = InferCommandTest.infer("--recordings", newerTraffic(dir).toString(), "--from", "ivanpin@1.2.0",
        "--version", "1.3.0", "--contracts", tree.toString(), "--out", dir.resolve("elsewhere").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("with --from the proposal goes into the --contracts tree");
  }
}
