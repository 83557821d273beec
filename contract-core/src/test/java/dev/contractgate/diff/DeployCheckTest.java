package dev.contractgate.diff;

import static dev.contractgate.diff.ShopVersions.TODAY;
import static dev.contractgate.diff.ShopVersions.orderVersion;
import static dev.contractgate.diff.ShopVersions.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Can this contract version go out?" per consumer, narrowed to what it reads ({@link DeployCheck}). */
class DeployCheckTest {

  @TempDir Path dir;

  /** 1.0.0: customer {name, email} and note, all required. */
  static final String V1 = "{\"type\": \"object\", \"required\": [\"id\", \"note\", \"customer\"], \"properties\":"
      + " {\"id\": {\"type\": \"integer\"}, \"note\": {\"type\": \"string\"}, \"customer\": {\"type\": \"object\","
      + " \"required\": [\"name\", \"email\"], \"properties\": {\"name\": {\"type\": \"string\"}, \"email\":"
      + " {\"type\": \"string\"}}}}}";

  static DeployCheck.Verdict verdict(DeployCheck.Result result, String consumer) {
    return result.verdicts().stream().filter(v -> v.consumer().equals(consumer)).findFirst()
        .orElseThrow(() -> new AssertionError("no verdict for " + consumer + " in " + result.verdicts()));
  }

  static DeployCheck.Result run(ContractRegistry registry, String candidate, Optional<String> deployed) {
    return DeployCheck.run(registry, "shop", candidate, deployed, ContractDiff.policyOf(registry), TODAY);
  }

  static String consumer(String version, String reads) {
    return "namespace: shop\nversion: " + version + "\n" + (reads.isEmpty() ? "" : "reads:\n  order.get: " + reads + "\n");
  }

  @Nested
  class Reads {

    /** 1.0.0 is {@link #V1}, 1.1.0 is {@code candidate}. */
    ContractRegistry candidate(String candidate, String... consumers) {
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", V1);
      orderVersion(tree, "1.1.0", candidate);
      for (int i = 0; i < consumers.length; i += 2) {
        tree.consumer(consumers[i], consumers[i + 1]);
      }
      return tree.load();
    }

    @Test
    void should_not_fail_a_consumer_by_a_breaking_change_in_a_field_it_does_not_read() {
      // GIVEN "note" is no longer required; web reads only the customer's name
      ContractRegistry registry = candidate(V1.replace("\"note\", ", ""), "web",
          consumer("1.0.0", "[/id, /customer/name]"));
      // WHEN
      DeployCheck.Result result = run(registry, "1.1.0", Optional.empty());
      // THEN
      DeployCheck.Verdict web = verdict(result, "web");
      assertThat(web.deploySafe()).isTrue();
      assertThat(web.deploy()).extracting(c -> c.change().path()).doesNotContain("/note");
      assertThat(result.safe()).isTrue();
    }

    @ParameterizedTest(name = "reads {0}")
    @ValueSource(strings = {"[/customer/name]", "[/customer]", "[/*/name]", "[/id, /customer/*]"})
    void should_fail_a_consumer_by_a_breaking_change_in_a_field_it_reads(String reads) {
      // GIVEN the customer's name is no longer required
      ContractRegistry registry = candidate(V1.replace("\"name\", ", ""), "web", consumer("1.0.0", reads));
      // WHEN
      DeployCheck.Result result = run(registry, "1.1.0", Optional.empty());
      // THEN
      DeployCheck.Verdict web = verdict(result, "web");
      assertThat(web.deploySafe()).isFalse();
      assertThat(web.deploy()).filteredOn(c -> c.severity() == Severity.BREAKING)
          .extracting(c -> c.change().path()).containsExactly("/customer/name");
      assertThat(result.safe()).isFalse();
    }

    @Test
    void should_fail_a_consumer_that_reads_a_field_inside_an_object_that_is_no_longer_required() {
      // GIVEN the customer object itself may be omitted
      String optionalCustomer = V1.replace("[\"id\", \"note\", \"customer\"]", "[\"id\", \"note\"]");
      ContractRegistry registry = candidate(optionalCustomer, "web", consumer("1.0.0", "[/customer/email]"));
      // WHEN
      DeployCheck.Verdict web = verdict(run(registry, "1.1.0", Optional.empty()), "web");
      // THEN
      assertThat(web.deploySafe()).isFalse();
      assertThat(web.deploy()).extracting(c -> c.change().path()).contains("/customer");
    }

    @Test
    void should_judge_a_consumer_without_reads_on_every_change() {
      // GIVEN "note" is no longer required; one consumer declares reads, one does not
      ContractRegistry registry = candidate(V1.replace("\"note\", ", ""),
          "web", consumer("1.0.0", "[/customer/name]"),
          "app", consumer("1.0.0", ""));
      // WHEN
      DeployCheck.Result result = run(registry, "1.1.0", Optional.empty());
      // THEN
      assertThat(result.verdicts()).extracting(DeployCheck.Verdict::consumer).containsExactly("app", "web");
      DeployCheck.Verdict app = verdict(result, "app");
      assertThat(app.deploySafe()).isFalse();
      assertThat(app.deploy()).extracting(c -> c.change().path()).contains("/note");
      assertThat(verdict(result, "web").deploySafe()).isTrue();
      assertThat(result.safe()).isFalse();
    }

    @Test
    void should_ignore_changes_to_endpoints_the_consumer_does_not_read() {
      // GIVEN order.get drops a required field, web only reads order.list, whose schema stays the same
      String endpoints = ShopVersions.ORDER_ENDPOINT + """
            - id: order.list
              method: GET
              path: orders/
              responses:
                "200":
                  schema: schemas/list.schema.json
          """;
      ContractTree tree = shop(dir);
      for (String v : new String[] {"1.0.0", "1.1.0"}) {
        tree.endpoints("shop", v, endpoints)
            .schema("shop", v, "order.schema.json", v.equals("1.0.0") ? V1 : V1.replace("\"name\", ", ""))
            .schema("shop", v, "list.schema.json", V1);
      }
      ContractRegistry registry = tree.consumer("web", "namespace: shop\nversion: 1.0.0\nreads:\n"
          + "  order.list: [/customer/name]\n").load();
      // WHEN
      DeployCheck.Verdict web = verdict(run(registry, "1.1.0", Optional.empty()), "web");
      // THEN
      assertThat(web.deploySafe()).isTrue();
      assertThat(web.deploy()).isEmpty();
    }
  }

  @Nested
  class Rollback {

    /** 1.1.0 adds the required "total"; 1.2.0 equals 1.1.0. */
    ContractRegistry threeVersions(String... consumers) {
      ContractTree tree = shop(dir);
      String withTotal = V1.replace("\"id\": {\"type\": \"integer\"}",
          "\"id\": {\"type\": \"integer\"}, \"total\": {\"type\": \"number\"}").replace("[\"id\", ", "[\"id\", \"total\", ");
      orderVersion(tree, "1.0.0", V1);
      orderVersion(tree, "1.1.0", withTotal);
      orderVersion(tree, "1.2.0", withTotal);
      for (int i = 0; i < consumers.length; i += 2) {
        tree.consumer(consumers[i], consumers[i + 1]);
      }
      return tree.load();
    }

    @Test
    void should_check_rollback_only_for_consumers_pinned_at_or_after_the_candidate() {
      // GIVEN
      ContractRegistry registry = threeVersions(
          "old", consumer("1.0.0", "[/id]"),
          "same", consumer("1.1.0", "[/total]"),
          "newer", consumer("1.2.0", "[/total]"));
      // WHEN candidate 1.1.0 over 1.0.0 (the newest older version)
      DeployCheck.Result result = run(registry, "1.1.0", Optional.empty());
      // THEN
      assertThat(result.deployed()).contains("1.0.0");
      DeployCheck.Verdict old = verdict(result, "old");
      assertThat(old.deploySafe()).isTrue();
      assertThat(old.rollback()).isEmpty();
      assertThat(old.rollbackSafe()).isEmpty();
      assertThat(old.rollbackNote()).contains("pinned to 1.0.0", "not yet on the candidate");
      for (String pinnedLater : new String[] {"same", "newer"}) {
        DeployCheck.Verdict v = verdict(result, pinnedLater);
        assertThat(v.rollbackSafe()).as(pinnedLater).contains(false);
        assertThat(v.rollback().orElseThrow()).as(pinnedLater).filteredOn(c -> c.severity() == Severity.BREAKING)
            .extracting(EndpointChange::ruleId, c -> c.change().path())
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("response.property.required-removed", "/total"),
                org.assertj.core.groups.Tuple.tuple("consumer.read-missing", "/total"));
        assertThat(v.rollbackNote()).isEmpty();
      }
      assertThat(result.safe()).isFalse();
    }

    @Test
    void should_be_rollback_safe_when_the_consumer_does_not_read_what_a_rollback_takes_away() {
      // GIVEN
      ContractRegistry registry = threeVersions("same", consumer("1.1.0", "[/id]"));
      // WHEN
      DeployCheck.Result result = run(registry, "1.1.0", Optional.of("1.0.0"));
      // THEN
      assertThat(verdict(result, "same").rollbackSafe()).contains(true);
      assertThat(result.safe()).isTrue();
    }

    @Test
    void should_default_the_deployed_version_to_the_newest_older_one() {
      // GIVEN
      ContractRegistry registry = threeVersions("same", consumer("1.2.0", "[/total]"));
      // WHEN
      DeployCheck.Result result = run(registry, "1.2.0", Optional.empty());
      // THEN 1.1.0 -> 1.2.0 takes nothing away
      assertThat(result.deployed()).contains("1.1.0");
      assertThat(verdict(result, "same").rollbackSafe()).contains(true);
      assertThat(result.safe()).isTrue();
    }

    @Test
    void should_use_the_given_deployed_version() {
      // GIVEN
      ContractRegistry registry = threeVersions("same", consumer("1.2.0", "[/total]"));
      // WHEN
      DeployCheck.Result result = run(registry, "1.2.0", Optional.of("1.0.0"));
      // THEN
      assertThat(result.deployed()).contains("1.0.0");
      assertThat(verdict(result, "same").rollbackSafe()).contains(false);
    }

    @Test
    void should_skip_rollback_without_an_older_version_or_when_the_candidate_is_deployed() {
      // GIVEN
      ContractRegistry registry = threeVersions("first", consumer("1.0.0", "[/id]"), "same", consumer("1.1.0", "[/id]"));
      // WHEN
      DeployCheck.Result first = run(registry, "1.0.0", Optional.empty());
      DeployCheck.Result redeploy = run(registry, "1.1.0", Optional.of("1.1.0"));
      // THEN
      assertThat(first.deployed()).isEmpty();
      assertThat(verdict(first, "first").rollback()).isEmpty();
      assertThat(verdict(first, "first").rollbackNote()).isEqualTo("no deployed version to roll back to");
      assertThat(verdict(redeploy, "same").rollback()).isEmpty();
      assertThat(verdict(redeploy, "same").rollbackNote()).isEqualTo("the candidate is the deployed version");
    }
  }

  @Nested
  class ExampleTree {

    final ContractRegistry registry = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));

    @Test
    void should_let_ivanpin_1_2_0_go_out_but_not_roll_back_for_ivanpin_web() {
      // WHEN
      DeployCheck.Result result = DeployCheck.run(registry, "ivanpin", "1.2.0", Optional.empty(),
          ContractDiff.policyOf(registry), TODAY);
      // THEN
      assertThat(result.deployed()).contains("1.1.0");
      DeployCheck.Verdict web = verdict(result, "ivanpin-web");
      assertThat(web.pinned()).isEqualTo("1.2.0");
      assertThat(web.deploySafe()).isTrue();
      assertThat(web.rollbackSafe()).contains(false);
      assertThat(web.rollback().orElseThrow()).filteredOn(c -> c.severity() == Severity.BREAKING)
          .anySatisfy(c -> {
            assertThat(c.endpoint()).isEqualTo("blog.detail");
            assertThat(c.ruleId()).isEqualTo("response.property.required-removed");
            assertThat(c.change().path()).isEqualTo("/seo");
          });
      assertThat(result.safe()).isFalse();
    }

    @Test
    void should_let_wgp_1_2_0_go_out() {
      // WHEN
      DeployCheck.Result result = DeployCheck.run(registry, "wgp", "1.2.0", Optional.empty(),
          ContractDiff.policyOf(registry), TODAY);
      // THEN
      assertThat(result.verdicts()).extracting(DeployCheck.Verdict::consumer).containsExactly("wgp-web");
      DeployCheck.Verdict web = verdict(result, "wgp-web");
      assertThat(web.pinned()).isEqualTo("1.1.0");
      assertThat(web.deploySafe()).isTrue();
      assertThat(web.rollback()).isEmpty();
      assertThat(result.safe()).isTrue();
    }
  }
}
