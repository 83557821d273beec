package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code diff}, {@code check-history} and {@code can-deploy}: exit codes and what the output names. */
class DiffCommandsTest {

  static final Path EXAMPLE_TREE = Path.of("../contracts/src/main/contracts");
  static final String TODAY = "2026-06-01";

  /** A fresh copy of the example tree under {@code target}. */
  static Path copyOfExampleTree(Path target) {
    try (Stream<Path> files = Files.walk(EXAMPLE_TREE)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(EXAMPLE_TREE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /**
   * Takes the lines of {@code version} (e.g. {@code ivanpin/1.2.0}) out of the tree's lock: the fixtures below
   * edit that version in place to test the history check, which a released version must never see.
   */
  static void unrelease(Path tree, String version) throws IOException {
    Path lock = tree.resolve("contract-gate.lock");
    Files.write(lock, Files.readAllLines(lock).stream().filter(l -> !l.startsWith(version + "/")).toList());
  }

  /** Edits one JSON file of a tree in place. */
  static void editJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(file.toFile());
    edit.accept(doc);
    Files.writeString(file, Json.MAPPER.writeValueAsString(doc));
  }

  /** Drops {@code name} from {@code $defs/Author} of ivanpin 1.2.0: required and declared. */
  static Path treeWithoutAuthorName(Path dir) throws IOException {
    Path tree = copyOfExampleTree(dir);
    unrelease(tree, "ivanpin/1.2.0");
    editJson(tree.resolve("ivanpin/1.2.0/schemas/common.schema.json"), doc -> {
      ObjectNode author = (ObjectNode) doc.get("$defs").get("Author");
      ArrayNode required = (ArrayNode) author.get("required");
      for (int i = required.size() - 1; i >= 0; i--) {
        if (required.get(i).asString().equals("name")) {
          required.remove(i);
        }
      }
      ((ObjectNode) author.get("properties")).remove("name");
    });
    return withoutReads(tree, "/author/name");
  }

  /**
   * ivanpin-web is built against 1.2.0, so it may only read what 1.2.0 declares: a tree that drops a field from
   * 1.2.0 drops the frontend's reads of it too, or the tree would not load.
   */
  static Path withoutReads(Path tree, String suffix) throws IOException {
    Path consumer = tree.resolve("consumers/ivanpin-web.yaml");
    Files.writeString(consumer, String.join("\n", Files.readAllLines(consumer).stream()
        .filter(l -> !l.strip().endsWith(suffix)).toList()) + "\n");
    return tree;
  }

  /** Drops the optional {@code url} from {@code $defs/Author} of ivanpin 1.2.0: a warning, nothing breaking. */
  static Path treeWithoutAuthorUrl(Path dir) throws IOException {
    Path tree = copyOfExampleTree(dir);
    unrelease(tree, "ivanpin/1.2.0");
    editJson(tree.resolve("ivanpin/1.2.0/schemas/common.schema.json"),
        doc -> ((ObjectNode) doc.get("$defs").get("Author").get("properties")).remove("url"));
    return withoutReads(tree, "/author/url");
  }

  static List<String> rules(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : report.path("entries")) {
      for (JsonNode f : e.path("findings")) {
        out.add(f.path("level").asString() + " " + f.path("rule").asString());
      }
    }
    return out;
  }

  @Nested
  class CheckHistory {

    @Test
    void should_fail_on_a_required_field_dropped_from_a_shared_definition_and_pass_without_it(@TempDir Path dir)
        throws IOException {
      // GIVEN
      Path broken = treeWithoutAuthorName(dir.resolve("broken"));
      Path fresh = copyOfExampleTree(dir.resolve("fresh"));
      // WHEN
      CliRun failed = CliRun.run("check-history", "--contracts", broken.toString(), "--today", TODAY);
      CliRun passed = CliRun.run("check-history", "--contracts", fresh.toString(), "--today", TODAY);
      // THEN
      assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
      assertThat(failed.out()).contains("response.property.required-removed", "ivanpin", "1.1.0 -> 1.2.0",
          "/items/*/author/name", "FAILED");
      assertThat(failed.out()).contains("blog.detail response 200 /author/name");
      assertThat(failed.out().lines().filter(l -> l.contains("BREAKING response.property.required-removed")))
          .as("one finding per version pair, not one per endpoint").hasSize(2);
      assertThat(passed.exitCode()).as(passed.all()).isZero();
      assertThat(passed.out()).contains("PASSED", "ivanpin", "wgp").doesNotContain("BREAKING");
    }

    @Test
    void should_fail_on_warnings_only_with_fail_on_warning(@TempDir Path dir) throws IOException {
      // GIVEN
      Path tree = treeWithoutAuthorUrl(dir);
      // WHEN
      CliRun lenient = CliRun.run("check-history", "--contracts", tree.toString(), "--today", TODAY);
      CliRun strict = CliRun.run("check-history", "--contracts", tree.toString(), "--today", TODAY,
          "--fail-on", "warning");
      // THEN
      assertThat(lenient.exitCode()).as(lenient.all()).isZero();
      assertThat(lenient.out()).contains("WARNING response.property.removed", "/items/*/author/url");
      assertThat(strict.exitCode()).as(strict.all()).isEqualTo(1);
    }

    @Test
    void should_fail_on_an_expired_exception_in_the_tree_policy(@TempDir Path dir) throws IOException {
      // GIVEN
      Path tree = treeWithoutAuthorName(dir);
      Files.writeString(tree.resolve("contract-gate.yaml"), """
          exceptions:
            - rule: response.property.required-removed
              location: "ivanpin/1.2.0/blog.list#/items/*/author/name"
              reason: authors are shown by avatar only
              until: 2026-05-31
          """);
      // WHEN
      CliRun expired = CliRun.run("check-history", "--contracts", tree.toString(), "--today", TODAY);
      CliRun valid = CliRun.run("check-history", "--contracts", tree.toString(), "--today", "2026-05-31");
      // THEN
      assertThat(expired.exitCode()).as(expired.all()).isEqualTo(1);
      assertThat(expired.out()).contains("policy.exception-expired", "contract-gate.yaml", "2026-05-31");
      assertThat(valid.exitCode()).as(valid.all()).isZero();
      assertThat(valid.out()).contains("0 breaking changes");
    }

    @Test
    void should_exit_3_when_the_tree_cannot_be_read(@TempDir Path dir) throws IOException {
      // GIVEN
      Path tree = copyOfExampleTree(dir);
      Files.writeString(tree.resolve("contract-gate.yaml"), "severities:\n  response.propety.removed: warning\n");
      // WHEN
      CliRun run = CliRun.run("check-history", "--contracts", tree.toString());
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("contract-gate.yaml", "response.propety.removed");
    }
  }

  @Nested
  class Diff {

    static final String LIST = "{\"type\": \"object\", \"required\": [\"items\"], \"properties\": {\"items\":"
        + " {\"type\": \"array\", \"items\": {\"$ref\": \"author.schema.json\"}}}}";
    static final String AUTHOR = "{\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\":"
        + " {\"type\": \"string\"}}}";

    @TempDir Path dir;

    /** old/list.schema.json and new/list.schema.json, each with a sibling author.schema.json. */
    String[] schemaPair(String newAuthor) throws IOException {
      Files.createDirectories(dir.resolve("old"));
      Files.createDirectories(dir.resolve("new"));
      Files.writeString(dir.resolve("old/list.schema.json"), LIST);
      Files.writeString(dir.resolve("old/author.schema.json"), AUTHOR);
      Files.writeString(dir.resolve("new/list.schema.json"), LIST);
      Files.writeString(dir.resolve("new/author.schema.json"), newAuthor);
      return new String[] {dir.resolve("old/list.schema.json").toString(), dir.resolve("new/list.schema.json").toString()};
    }

    String[] nameNoLongerRequired() throws IOException {
      return schemaPair(AUTHOR.replace("\"required\": [\"name\"], ", ""));
    }

    @Test
    void should_diff_two_schema_files_following_a_relative_ref_to_a_sibling() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      // WHEN
      CliRun run = CliRun.run("diff", "--verbose", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("(response)", "BREAKING response.property.required-removed", "/items/*/name",
          "author.schema.json#/properties/name", "witness")
          .contains("response.property.required-removed:\n      undo the change, or version the schema as a breaking")
          .as("two bare schemas have no namespace an exception could name").doesNotContain("contract-gate.yaml");
    }

    @Test
    void should_pass_the_same_change_in_the_request_direction() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      // WHEN
      CliRun run = CliRun.run("diff", "--direction", "request", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("(request)", "PASSED", "1 safe change").doesNotContain("BREAKING");
    }

    @Test
    void should_say_how_many_instances_the_second_opinion_tried_before_calling_a_direction_safe()
        throws IOException {
      // GIVEN a change that is safe for requests (searched) and a pair that is equal (never searched)
      String[] files = nameNoLongerRequired();
      // WHEN (the pair helpers write the same two files, so one after the other)
      CliRun searched = CliRun.run("diff", "--direction", "request", files[0], files[1]);
      String[] same = schemaPair(AUTHOR);
      CliRun equal = CliRun.run("diff", "--direction", "request", same[0], same[1]);
      // THEN
      assertThat(searched.exitCode()).as(searched.all()).isZero();
      assertThat(searched.out()).containsPattern(
          "second opinion: [1-9][0-9]* generated instances? validated against both versions");
      assertThat(equal.out()).as(equal.all()).doesNotContain("second opinion");
    }

    @Test
    void should_find_a_counter_witness_by_default_and_not_with_no_second_opinion(@TempDir Path dir)
        throws IOException {
      // GIVEN a look-ahead dropped from a pattern: "a" (no digit) is newly accepted, which the keyword rules
      // cannot decide (a look-ahead is outside the regular translation) and the second opinion finds
      Path old = dir.resolve("old.json");
      Path now = dir.resolve("new.json");
      Files.writeString(old, "{\"type\": \"string\", \"pattern\": \"^(?=.*\\\\d)[a-z0-9]+$\"}");
      Files.writeString(now, "{\"type\": \"string\", \"pattern\": \"^[a-z0-9]+$\"}");
      // WHEN
      CliRun on = CliRun.run("diff", old.toString(), now.toString());
      CliRun off = CliRun.run("diff", "--no-second-opinion", old.toString(), now.toString());
      // THEN the witness breaks the response by default; without the search the change stays undecided
      assertThat(on.exitCode()).as(on.all()).isEqualTo(1);
      assertThat(on.out()).contains("response.schema.counter-witness-wider").containsPattern(
          "second opinion: [1-9][0-9]* generated instances? validated against both versions");
      assertThat(off.out()).as(off.all()).doesNotContain("counter-witness", "second opinion")
          .contains("response.string.pattern-changed");
    }

    @Test
    void should_report_both_directions_as_json() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      // WHEN
      CliRun run = CliRun.run("diff", "--direction", "both", "--show-info", "--format", "json", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      JsonNode report = Json.MAPPER.readTree(run.out());
      assertThat(report.path("kind").asString()).isEqualTo("diff");
      assertThat(report.path("passed").asBoolean()).isFalse();
      assertThat(rules(report)).containsExactlyInAnyOrder("breaking response.property.required-removed",
          "info request.property.required-removed");
    }

    @Test
    void should_pass_an_identical_schema_pair() throws IOException {
      // GIVEN
      String[] files = schemaPair(AUTHOR);
      // WHEN
      CliRun run = CliRun.run("diff", "--format", "json", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(Json.MAPPER.readTree(run.out()).path("passed").asBoolean()).isTrue();
    }

    @Test
    void should_apply_the_severities_of_a_policy_file_to_two_schema_files() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      Path policy = dir.resolve("policy.yaml");
      Files.writeString(policy, "severities:\n  response.property.required-removed: warning\n");
      // WHEN
      CliRun lenient = CliRun.run("diff", "--policy", policy.toString(), files[0], files[1]);
      CliRun strict = CliRun.run("diff", "--policy", policy.toString(), "--fail-on", "warning", files[0], files[1]);
      // THEN
      assertThat(lenient.exitCode()).as(lenient.all()).isZero();
      assertThat(lenient.out()).contains("WARNING response.property.required-removed");
      assertThat(strict.exitCode()).as(strict.all()).isEqualTo(1);
    }

    @Test
    void should_diff_two_version_folders() throws IOException {
      // GIVEN
      Path tree = treeWithoutAuthorName(dir.resolve("tree"));
      // WHEN
      CliRun run = CliRun.run("diff", "--today", TODAY, tree.resolve("ivanpin/1.1.0").toString(),
          tree.resolve("ivanpin/1.2.0").toString());
      CliRun verbose = CliRun.run("diff", "--verbose", "--today", TODAY, tree.resolve("ivanpin/1.1.0").toString(),
          tree.resolve("ivanpin/1.2.0").toString());
      // THEN one line per change under its operation; the places it reaches with --verbose
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("ivanpin", "1.1.0 -> 1.2.0", "GET /blog/list.php (blog.list)\n  BREAKING"
          + " response.property.required-removed  response 200 /items/*/author/name: \"name\" no longer required"
          + " (reaches 2 places)\n      also: GET /blog/{slug}/\n");
      assertThat(verbose.out()).contains("blog.list response 200 /items/*/author/name",
          "blog.detail response 200 /author/name");
    }

    @Test
    void should_diff_version_folders_of_two_trees() throws IOException {
      // GIVEN the deployed tree and a branch that breaks 1.2.0
      Path deployed = copyOfExampleTree(dir.resolve("deployed"));
      Path branch = treeWithoutAuthorName(dir.resolve("branch"));
      // WHEN
      CliRun run = CliRun.run("diff", "--today", TODAY, deployed.resolve("ivanpin/1.2.0").toString(),
          branch.resolve("ivanpin/1.2.0").toString());
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("1.2.0 -> 1.2.0", "response.property.required-removed");
    }

    @Test
    void should_diff_by_namespace_and_versions() throws IOException {
      // GIVEN
      Path tree = treeWithoutAuthorName(dir.resolve("tree"));
      // WHEN
      CliRun broken = CliRun.run("diff", "--contracts", tree.toString(), "--today", TODAY,
          "--namespace", "ivanpin", "--from", "1.1.0", "--to", "1.2.0");
      CliRun fine = CliRun.run("diff", "--contracts", tree.toString(), "--today", TODAY,
          "-n", "ivanpin", "--from", "1.0.0", "--to", "1.1.0");
      // THEN
      assertThat(broken.exitCode()).as(broken.all()).isEqualTo(1);
      assertThat(broken.out()).contains("/items/*/author/name");
      assertThat(fine.exitCode()).as(fine.all()).isZero();
    }

    @Test
    void should_list_safe_changes_only_with_show_info() throws IOException {
      // GIVEN
      Path tree = copyOfExampleTree(dir.resolve("tree"));
      String[] args = {"diff", "--contracts", tree.toString(), "--today", TODAY, "-n", "ivanpin", "--from", "1.1.0",
          "--to", "1.2.0"};
      // WHEN
      CliRun counted = CliRun.run(args);
      CliRun listed = CliRun.run(concat(args, "--show-info"));
      // THEN
      assertThat(counted.exitCode()).isZero();
      assertThat(counted.out()).contains("19 safe changes").doesNotContain("INFO ");
      assertThat(listed.exitCode()).isZero();
      assertThat(listed.out()).contains("19 safe changes", "INFO endpoint.added  GET /services/catalog.php (services.catalog)",
          "INFO endpoint.deprecated  endpoint: deprecated: false → deprecated: true",
          "GET /blog/{slug}/ (blog.detail)\n", "INFO response.property.added  response 200 /seo");
    }

    @Test
    void should_warn_and_fail_on_warning_and_accept_it_through_a_policy_exception() throws IOException {
      // GIVEN
      Path tree = treeWithoutAuthorUrl(dir.resolve("tree"));
      Path policy = dir.resolve("accepted.yaml");
      Files.writeString(policy, """
          exceptions:
            - rule: response.property.removed
              location: "ivanpin/1.2.0/blog.list#/items/*/author/url"
              reason: the site links authors by id
          """);
      String[] args = {"diff", "--today", TODAY, "--fail-on", "warning", tree.resolve("ivanpin/1.1.0").toString(),
          tree.resolve("ivanpin/1.2.0").toString()};
      // WHEN
      CliRun warned = CliRun.run(args);
      CliRun accepted = CliRun.run(concat(args, "--policy", policy.toString(), "--show-info", "--verbose"));
      // THEN
      assertThat(warned.exitCode()).as(warned.all()).isEqualTo(1);
      assertThat(warned.out()).contains("WARNING response.property.removed", "/items/*/author/url");
      assertThat(accepted.exitCode()).as(accepted.all()).isZero();
      assertThat(accepted.out()).contains("INFO response.property.removed", "accepted by exception: the site links"
          + " authors by id").doesNotContain("WARNING");
    }

    // ---------------------------------------------------------------- usage errors (2)

    @Test
    void should_refuse_a_single_input() throws IOException {
      // WHEN
      CliRun run = CliRun.run("diff", nameNoLongerRequired()[0]);
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Usage error", "Give two inputs OLD NEW");
    }

    @Test
    void should_refuse_files_and_namespace_at_once() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      // WHEN
      CliRun run = CliRun.run("diff", files[0], files[1], "-n", "ivanpin", "--from", "1.1.0", "--to", "1.2.0");
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("not both");
    }

    @Test
    void should_refuse_an_incomplete_namespace_selection() {
      // WHEN
      CliRun run = CliRun.run("diff", "-n", "ivanpin", "--from", "1.1.0");
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--namespace, --from and --to go together");
    }

    @Test
    void should_refuse_a_direction_for_version_folders() {
      // WHEN
      CliRun run = CliRun.run("diff", "--direction", "request", EXAMPLE_TREE.resolve("ivanpin/1.1.0").toString(),
          EXAMPLE_TREE.resolve("ivanpin/1.2.0").toString());
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--direction applies to two schema files");
    }

    @Test
    void should_refuse_a_folder_and_a_file() throws IOException {
      // WHEN
      CliRun run = CliRun.run("diff", EXAMPLE_TREE.resolve("ivanpin/1.1.0").toString(), nameNoLongerRequired()[1]);
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("both be schema files or both be version folders");
    }

    @Test
    void should_refuse_folders_of_two_namespaces() {
      // WHEN
      CliRun run = CliRun.run("diff", EXAMPLE_TREE.resolve("ivanpin/1.1.0").toString(),
          EXAMPLE_TREE.resolve("wgp/1.2.0").toString());
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("different namespaces", "ivanpin", "wgp");
    }

    @Test
    void should_refuse_an_unknown_direction() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      // WHEN
      CliRun run = CliRun.run("diff", "--direction", "sideways", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("sideways", "response", "request", "both");
    }

    // ---------------------------------------------------------------- input errors (3)

    @Test
    void should_name_a_missing_file() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      String missing = dir.resolve("old/nope.schema.json").toString();
      // WHEN
      CliRun run = CliRun.run("diff", missing, files[1]);
      // THEN
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Cannot read input", missing, "nothing at this path");
    }

    @Test
    void should_name_file_and_line_of_malformed_json() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      Files.writeString(dir.resolve("old/list.schema.json"), "{\"type\": \"object\",\n  \"properties\": {},\n}\n");
      // WHEN
      CliRun run = CliRun.run("diff", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("list.schema.json", "line 3", "well-formed JSON");
      assertThat(run.all()).doesNotContain("Internal error", "Exception");
    }

    @Test
    void should_name_a_ref_in_a_sibling_file_that_does_not_exist() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      Files.delete(dir.resolve("new/author.schema.json"));
      // WHEN
      CliRun run = CliRun.run("diff", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("author.schema.json");
      assertThat(run.all()).doesNotContain("Internal error");
    }

    @Test
    void should_refuse_a_ref_that_leaves_the_folder() throws IOException {
      // GIVEN
      String[] files = nameNoLongerRequired();
      Files.writeString(dir.resolve("new/list.schema.json"), LIST.replace("author.schema.json",
          "../old/author.schema.json"));
      // WHEN
      CliRun run = CliRun.run("diff", files[0], files[1]);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("list.schema.json", "../old/author.schema.json", "leaves");
    }

    @Test
    void should_name_an_unknown_version() {
      // WHEN
      CliRun run = CliRun.run("diff", "--contracts", "classpath:examples", "-n", "ivanpin", "--from", "1.1.0", "--to", "1.9.0");
      // THEN
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("1.9.0", "[1.0.0, 1.1.0, 1.2.0]");
    }
  }

  @Nested
  class CanDeploy {

    @Test
    void should_block_ivanpin_1_2_0_because_rolling_back_takes_seo_away() {
      // WHEN
      CliRun run = CliRun.run("can-deploy", "--contracts", "classpath:examples", "-n", "ivanpin", "--candidate", "1.2.0", "--today", TODAY);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("can-deploy ivanpin@1.2.0 (deployed 1.1.0)", "ivanpin-web",
          "deploy-safe for ivanpin-web", "NOT rollback-safe", "blog.detail response 200 /seo");
      assertThat(run.out()).doesNotContain("NOT deploy-safe");
    }

    @Test
    void should_pass_ivanpin_1_2_0_when_it_is_already_deployed() {
      // WHEN
      CliRun run = CliRun.run("can-deploy", "--contracts", "classpath:examples", "-n", "ivanpin", "--candidate", "1.2.0", "--deployed", "1.2.0",
          "--today", TODAY);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("the candidate is the deployed version");
    }

    @Test
    void should_pass_wgp_1_2_0() {
      // WHEN
      CliRun run = CliRun.run("can-deploy", "--contracts", "classpath:examples", "-n", "wgp", "--candidate", "1.2.0", "--format", "json", "--today", TODAY);
      // THEN
      assertThat(run.exitCode()).as(run.all()).isZero();
      JsonNode report = Json.MAPPER.readTree(run.out());
      assertThat(report.path("kind").asString()).isEqualTo("can-deploy");
      assertThat(report.path("passed").asBoolean()).isTrue();
      assertThat(run.out()).contains("wgp-web", "not yet on the candidate");
    }

    @Test
    void should_list_the_versions_when_the_candidate_is_unknown() {
      // WHEN
      CliRun run = CliRun.run("can-deploy", "--contracts", "classpath:examples", "-n", "ivanpin", "--candidate", "1.9.0");
      // THEN
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Unknown version", "\"1.9.0\"", "1.0.0", "1.1.0", "1.2.0");
      assertThat(run.out()).isEmpty();
    }

    @Test
    void should_require_namespace_and_candidate() {
      // WHEN
      CliRun run = CliRun.run("can-deploy", "--contracts", "classpath:examples", "--candidate", "1.2.0");
      // THEN
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--namespace");
    }
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Nested
  class Recordings {
    Path recording(Path dir) throws IOException {
      // The 1.1.0 example of blog.detail, as the backend really sent it: no "seo", which 1.2.0 requires.
      JsonNode example = Json.MAPPER.readTree(Path.of("../contracts/src/main/contracts/ivanpin/1.1.0/schemas/"
          + "blog-detail.schema.json").toFile()).path("examples").get(0);
      ObjectNode line = Json.MAPPER.createObjectNode();
      line.put("time", "2026-11-20T10:00:00Z");
      line.put("method", "GET");
      line.put("target", "/api/ivanpin/services/blog/one-bitrix-two-nextjs/?lang=ru");
      line.put("status", 200);
      line.putObject("headers").putArray("Content-Type").add("application/json");
      line.put("body", example.toString());
      Path file = dir.resolve("traffic.ndjson");
      Files.writeString(file, line.toString() + "\n");
      return file;
    }

    @Test
    void should_point_at_a_recording_the_new_version_would_reject(@TempDir Path dir) throws IOException {
      // GIVEN
      Path file = recording(dir);
      // WHEN
      CliRun run = CliRun.run("diff", "--contracts", "classpath:examples", "--namespace", "ivanpin", "--from", "1.1.0",
          "--to", "1.2.0", "--recordings", file.toString(), "--fail-on", "warning", "--verbose");
      // THEN
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out())
          .contains("GET /blog/{slug}/ (blog.detail)\n  WARNING response.recorded.old-only  response 200 /seo")
          .contains("recording: " + file + ", line 1")
          .contains("verdict : old 1.1.0 accepts, new 1.2.0 rejects")
          .contains("make the backend send what the new version requires");
    }

    @Test
    void should_use_recordings_in_the_history_check(@TempDir Path dir) throws IOException {
      Path file = recording(dir);
      CliRun run = CliRun.run("check-history", "--contracts", "classpath:examples", "--recordings", file.toString(), "--fail-on", "warning");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out()).contains("response.recorded.old-only", "1.1.0 -> 1.2.0");
      assertThat(CliRun.run("check-history", "--contracts", "classpath:examples", "--recordings", file.toString()).exitCode())
          .as("a warning does not fail at the default --fail-on breaking").isZero();
    }

    @Test
    void should_refuse_recordings_for_two_bare_schemas(@TempDir Path dir) throws IOException {
      Path file = recording(dir);
      Path a = dir.resolve("a.schema.json");
      Files.writeString(a, "{\"type\": \"object\"}");
      CliRun run = CliRun.run("diff", a.toString(), a.toString(), "--recordings", file.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--recordings needs contract versions");
    }
  }
}
