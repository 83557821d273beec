package dev.contractgate.diff;

import static dev.contractgate.diff.ShopVersions.TODAY;
import static dev.contractgate.diff.ShopVersions.diff;
import static dev.contractgate.diff.ShopVersions.only;
import static dev.contractgate.diff.ShopVersions.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frontend ahead of its backend, with and without a backend-owned flag: can-deploy (deploy and rollback), the
 * history check's consumer rows, and the diff warning for a flag that goes away.
 */
class FeatureFlagChecksTest {

  @TempDir Path dir;

  /** 1.0.0: {id, video_enabled}; 1.1.0 adds videoUrl and title, gated by video_enabled. */
  static final String V1 = "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\":"
      + " \"integer\"}, \"video_enabled\": {\"type\": \"boolean\"}}}";
  static final String V2 = V1.replace("}}}", "}, \"videoUrl\": {\"type\": \"string\"}, \"title\": {\"type\":"
      + " \"string\"}}}");

  static String endpoints(String flag) {
    return ShopVersions.ORDER_ENDPOINT.replace("    path: orders/{id}\n", "    path: orders/{id}\n" + flag);
  }

  static final String FLAG = "    featureFlag: {pointer: /video_enabled, gates: [/videoUrl]}\n";

  /** Two versions of shop; {@code web} is built against 1.1.0 and reads {@code reads} of order.get. */
  ContractRegistry tree(String v1Schema, String v1Flag, String reads) {
    ContractTree tree = shop(dir)
        .endpoints("shop", "1.0.0", endpoints(v1Flag)).schema("shop", "1.0.0", "order.schema.json", v1Schema)
        .endpoints("shop", "1.1.0", endpoints(FLAG)).schema("shop", "1.1.0", "order.schema.json", V2)
        .consumer("web", "namespace: shop\nversion: 1.1.0\nreads:\n  order.get:\n" + reads);
    return tree.load();
  }

  static DeployCheck.Verdict web(DeployCheck.Result r) {
    return r.verdicts().stream().filter(v -> v.consumer().equals("web")).findFirst().orElseThrow();
  }

  @Nested
  class CanDeploy {

    @Test
    void should_accept_a_frontend_ahead_whose_new_reads_are_behind_the_backends_flag() {
      // GIVEN web reads videoUrl behind video_enabled; the backend to deploy is still 1.0.0
      ContractRegistry registry = tree(V1, "", "    - /id\n    - {pointer: /videoUrl, when: video_enabled}\n");
      // WHEN
      DeployCheck.Result result = DeployCheck.run(registry, "shop", "1.0.0", Optional.of("1.0.0"),
          ContractDiff.policyOf(registry), TODAY);
      // THEN
      DeployCheck.Verdict web = web(result);
      assertThat(web.deploySafe()).as(web.deploy().toString()).isTrue();
      assertThat(web.deploy()).filteredOn(c -> c.ruleId().equals(ConsumerReads.BEHIND_FLAG)).singleElement()
          .satisfies(c -> {
            assertThat(c.severity()).isEqualTo(Severity.INFO);
            assertThat(c.change().message()).contains("ahead behind video_enabled: hidden until the backend ships it",
                "fields  : /videoUrl", "backend : shop@1.0.0");
          });
      assertThat(web.deploy()).noneMatch(c -> c.severity() == Severity.BREAKING);
      assertThat(DiffReports.deploy(result, registry).entries().get(0).findings())
          .anySatisfy(f -> assertThat(f.rule()).isEqualTo(ConsumerReads.BEHIND_FLAG));
    }

    @Test
    void should_block_a_frontend_ahead_that_reads_a_new_field_without_a_flag() {
      // GIVEN web reads title, which 1.0.0 does not send, ungated
      ContractRegistry registry = tree(V1, "", "    - /id\n    - /title\n    - {pointer: /videoUrl, when: video_enabled}\n");
      // WHEN
      DeployCheck.Verdict web = web(DeployCheck.run(registry, "shop", "1.0.0", Optional.of("1.0.0"),
          ContractDiff.policyOf(registry), TODAY));
      // THEN
      assertThat(web.deploySafe()).isFalse();
      assertThat(web.deploy()).filteredOn(c -> c.ruleId().equals(ConsumerReads.MISSING)).singleElement()
          .satisfies(c -> {
            assertThat(c.severity()).isEqualTo(Severity.BREAKING);
            assertThat(c.change().message()).contains("frontend ahead of backend", "web", "fields  : /title")
                .doesNotContain("/videoUrl");
          });
    }

    @Test
    void should_judge_a_rollback_the_same_way() {
      // GIVEN web is on the candidate 1.1.0; rolling back to 1.0.0 takes videoUrl (gated) and title (ungated)
      ContractRegistry gated = tree(V1, "", "    - {pointer: /videoUrl, when: video_enabled}\n");
      ContractRegistry ungated = tree(V1, "", "    - /title\n");
      // WHEN
      DeployCheck.Verdict safe = web(DeployCheck.run(gated, "shop", "1.1.0", Optional.of("1.0.0"),
          ContractDiff.policyOf(gated), TODAY));
      DeployCheck.Verdict unsafe = web(DeployCheck.run(ungated, "shop", "1.1.0", Optional.of("1.0.0"),
          ContractDiff.policyOf(ungated), TODAY));
      // THEN
      assertThat(safe.rollbackSafe()).contains(true);
      assertThat(safe.rollback().orElseThrow()).anyMatch(c -> c.ruleId().equals(ConsumerReads.BEHIND_FLAG));
      assertThat(unsafe.rollbackSafe()).contains(false);
      assertThat(unsafe.rollback().orElseThrow()).anyMatch(c -> c.ruleId().equals(ConsumerReads.MISSING)
          && c.change().message().contains("/title"));
    }

    @Test
    void should_still_break_a_gated_read_whose_field_the_backend_sends_with_another_type() {
      // GIVEN 1.0.0 sends videoUrl as an integer; web reads it behind the flag
      String intUrl = V2.replace("\"videoUrl\": {\"type\": \"string\"}", "\"videoUrl\": {\"type\": \"integer\"}");
      ContractRegistry registry = tree(intUrl, "", "    - {pointer: /videoUrl, when: video_enabled}\n");
      // WHEN
      DeployCheck.Verdict web = web(DeployCheck.run(registry, "shop", "1.0.0", Optional.of("1.0.0"),
          ContractDiff.policyOf(registry), TODAY));
      // THEN the flag hides a missing field, not a wrong one
      assertThat(web.deploySafe()).isFalse();
      assertThat(web.deploy()).noneMatch(c -> c.ruleId().equals(ConsumerReads.BEHIND_FLAG));
    }
  }

  @Nested
  class History {

    @Test
    void should_fail_a_consumer_whose_ungated_read_a_later_version_drops_and_pass_a_gated_one() {
      // GIVEN web is built against 1.0.0 (with videoUrl and the flag); 1.1.0 drops videoUrl and title
      ContractTree tree = shop(dir)
          .endpoints("shop", "1.0.0", endpoints(FLAG)).schema("shop", "1.0.0", "order.schema.json", V2)
          .endpoints("shop", "1.1.0", endpoints("    featureFlag: video_enabled\n"))
          .schema("shop", "1.1.0", "order.schema.json", V1)
          .consumer("gated", "namespace: shop\nversion: 1.0.0\nreads:\n  order.get:\n"
              + "    - {pointer: /videoUrl, when: video_enabled}\n")
          .consumer("plain", "namespace: shop\nversion: 1.0.0\nreads:\n  order.get: [/title]\n");
      ContractRegistry registry = tree.load();
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN
      assertThat(result.consumers()).extracting(HistoryCheck.ConsumerCheck::consumer).containsExactly("gated", "plain");
      HistoryCheck.ConsumerCheck gated = result.consumers().get(0);
      HistoryCheck.ConsumerCheck plain = result.consumers().get(1);
      assertThat(gated.failsAt(Severity.BREAKING)).isFalse();
      assertThat(gated.findings()).singleElement().satisfies(c -> assertThat(c.change().message())
          .contains("behind video_enabled: hidden until the backend ships it", "/videoUrl"));
      assertThat(plain.failsAt(Severity.BREAKING)).isTrue();
      assertThat(plain.findings()).singleElement().satisfies(c -> assertThat(c.ruleId()).isEqualTo(ConsumerReads.MISSING));
      assertThat(result.failsAt(Severity.BREAKING)).isTrue();
      assertThat(dev.contractgate.report.ReportFormat.TEXT.render(DiffReports.history(result, "t", registry,
          Severity.BREAKING, false))).contains("plain", "reads on shop@1.1.0", "consumer.read-missing");
    }
  }

  @Nested
  class Diff {

    @Test
    void should_warn_when_a_flag_consumers_read_behind_is_removed_naming_them() {
      // GIVEN 1.1.0 (web's version) has the flag; a 1.2.0 drops the field
      ContractRegistry registry = shop(dir)
          .endpoints("shop", "1.1.0", endpoints(FLAG)).schema("shop", "1.1.0", "order.schema.json", V2)
          .endpoints("shop", "1.2.0", ShopVersions.ORDER_ENDPOINT)
          .schema("shop", "1.2.0", "order.schema.json", V2.replace(", \"video_enabled\": {\"type\": \"boolean\"}", ""))
          .consumer("web", "namespace: shop\nversion: 1.1.0\nreads:\n  order.get:\n"
              + "    - {pointer: /videoUrl, when: video_enabled}\n")
          .load();
      // WHEN
      EndpointChange c = only(diff(registry, "1.1.0", "1.2.0"), FlagChanges.REMOVED);
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.change().message()).contains("video_enabled", "consumers: web", "disappears silently");
    }

    @Test
    void should_warn_when_a_flag_stops_being_a_boolean_and_stay_silent_without_gated_readers() {
      // GIVEN 1.2.0 turns the flag into a string
      String stringFlag = V2.replace("\"video_enabled\": {\"type\": \"boolean\"}", "\"video_enabled\": {\"type\": \"string\"}");
      ContractTree tree = shop(dir)
          .endpoints("shop", "1.1.0", endpoints(FLAG)).schema("shop", "1.1.0", "order.schema.json", V2)
          .endpoints("shop", "1.2.0", ShopVersions.ORDER_ENDPOINT)
          .schema("shop", "1.2.0", "order.schema.json", stringFlag);
      ContractRegistry withReader = tree.consumer("web", "namespace: shop\nversion: 1.1.0\nreads:\n  order.get:\n"
          + "    - {pointer: /videoUrl, when: video_enabled}\n").load();
      // WHEN
      EndpointChange c = only(diff(withReader, "1.1.0", "1.2.0"), FlagChanges.TYPE_CHANGED);
      ContractRegistry withoutReader = tree.consumer("web", "namespace: shop\nversion: 1.1.0\nreads:\n"
          + "  order.get: [/videoUrl]\n").load();
      // THEN
      assertThat(c.change().message()).contains("video_enabled: not a boolean", "consumers: web");
      assertThat(diff(withoutReader, "1.1.0", "1.2.0").changes()).noneMatch(x -> x.ruleId().startsWith("feature."));
    }
  }
}
