package dev.contractgate.diff;

import static dev.contractgate.diff.ShopVersions.TODAY;
import static dev.contractgate.diff.ShopVersions.only;
import static dev.contractgate.diff.ShopVersions.orderVersion;
import static dev.contractgate.diff.ShopVersions.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transitive history check with the exceptions of {@code contract-gate.yaml} ({@link HistoryCheck}). */
class HistoryCheckTest {

  @TempDir Path dir;

  static final String X_STRING = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"},"
      + " \"x\": {\"type\": \"string\"}}}";
  static final String X_INTEGER = X_STRING.replace("\"x\": {\"type\": \"string\"}", "\"x\": {\"type\": \"integer\"}");
  static final String NO_X = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}";

  static VersionDiff pair(HistoryCheck.Result result, String label) {
    return result.pairs().stream().filter(d -> d.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no pair " + label + " in "
            + result.pairs().stream().map(VersionDiff::label).toList()));
  }

  static List<String> labels(HistoryCheck.Result result) {
    return result.pairs().stream().map(VersionDiff::label).toList();
  }

  @Nested
  class Transitive {

    @Test
    void should_find_a_break_between_the_first_and_last_version_that_the_last_step_does_not_show() {
      // GIVEN x: string, then x removed (a warning), then x: integer (only declared again, next to 1.1.0)
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", X_STRING);
      orderVersion(tree, "1.1.0", NO_X);
      orderVersion(tree, "1.2.0", X_INTEGER);
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(tree.load(), TODAY);
      // THEN
      assertThat(labels(result)).containsExactlyInAnyOrder(
          "shop 1.0.0 -> 1.1.0", "shop 1.0.0 -> 1.2.0", "shop 1.1.0 -> 1.2.0");
      assertThat(pair(result, "shop 1.1.0 -> 1.2.0").failsAt(Severity.WARNING)).isFalse();
      assertThat(pair(result, "shop 1.0.0 -> 1.1.0").hasBreaking()).isFalse();
      VersionDiff skip = pair(result, "shop 1.0.0 -> 1.2.0");
      assertThat(skip.breaking()).singleElement().satisfies(c -> {
        assertThat(c.ruleId()).isEqualTo("response.type.changed");
        assertThat(c.change().path()).isEqualTo("/x");
      });
      assertThat(result.failsAt(Severity.BREAKING)).isTrue();
    }

    @Test
    void should_find_a_break_in_the_last_step_that_the_first_and_last_version_do_not_show() {
      // GIVEN no x, then x: string (declared), then x: integer
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", NO_X);
      orderVersion(tree, "1.1.0", X_STRING);
      orderVersion(tree, "1.2.0", X_INTEGER);
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(tree.load(), TODAY);
      // THEN
      assertThat(pair(result, "shop 1.0.0 -> 1.2.0").hasBreaking()).isFalse();
      assertThat(pair(result, "shop 1.0.0 -> 1.1.0").hasBreaking()).isFalse();
      assertThat(pair(result, "shop 1.1.0 -> 1.2.0").breaking()).extracting(EndpointChange::ruleId)
          .containsExactly("response.type.changed");
      assertThat(result.failsAt(Severity.BREAKING)).isTrue();
    }

    @Test
    void should_not_compare_across_a_major_version() {
      // GIVEN 2.0.0 breaks 1.x, 2.1.0 breaks nothing in 2.0.0
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", X_STRING);
      orderVersion(tree, "1.1.0", X_STRING);
      orderVersion(tree, "2.0.0", X_INTEGER);
      orderVersion(tree, "2.1.0", X_INTEGER);
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(tree.load(), TODAY);
      // THEN
      assertThat(labels(result)).containsExactlyInAnyOrder("shop 1.0.0 -> 1.1.0", "shop 2.0.0 -> 2.1.0");
      assertThat(result.failsAt(Severity.WARNING)).isFalse();
      assertThat(result.policyFindings()).isEmpty();
    }

    @Test
    void should_check_nothing_for_a_single_version() {
      // GIVEN
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", X_STRING);
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(tree.load(), TODAY);
      // THEN
      assertThat(result.pairs()).isEmpty();
      assertThat(result.failsAt(Severity.INFO)).isFalse();
    }
  }

  @Nested
  class Exceptions {

    static final String CUSTOMER = "{\"type\": \"object\", \"properties\": {\"customer\": {\"type\": \"object\","
        + " \"required\": [\"name\", \"email\"], \"properties\": {\"name\": {\"type\": \"string\"}, \"email\":"
        + " {\"type\": \"string\"}}}}}";
    static final String CUSTOMER_WITHOUT_NAME = CUSTOMER.replace("[\"name\", \"email\"]", "[\"email\"]");

    /** 1.0.0 -> 1.1.0 drops "name" from the required customer fields (one breaking change). */
    ContractRegistry treeWith(String exceptions) {
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", CUSTOMER);
      orderVersion(tree, "1.1.0", CUSTOMER_WITHOUT_NAME);
      if (!exceptions.isEmpty()) {
        tree.policy("exceptions:\n" + exceptions);
      }
      return tree.load();
    }

    static String exception(String rule, String location, String until) {
      return "  - rule: " + rule + "\n    location: \"" + location + "\"\n"
          + "    reason: the shop app never shows the customer name\n"
          + (until.isEmpty() ? "" : "    until: " + until + "\n");
    }

    @Test
    void should_break_without_an_exception() {
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(treeWith(""), TODAY);
      // THEN
      EndpointChange c = only(pair(result, "shop 1.0.0 -> 1.1.0"), "response.property.required-removed");
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.change().path()).isEqualTo("/customer/name");
      assertThat(result.failsAt(Severity.BREAKING)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop/1.1.0/order.get", "shop/1.1.0/order.get#/customer/name",
        "shop/1.1.0/order.get#/*/name", "shop/1.1.0/order.get#/customer/*", "shop/1.1.0"})
    void should_accept_a_finding_that_rule_and_location_match_as_info_with_the_reason(String location) {
      // GIVEN
      ContractRegistry registry = treeWith(exception("response.property.required-removed", location, ""));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN
      EndpointChange c = only(pair(result, "shop 1.0.0 -> 1.1.0"), "response.property.required-removed");
      assertThat(c.severity()).isEqualTo(Severity.INFO);
      assertThat(c.note()).isEqualTo("accepted by exception: the shop app never shows the customer name");
      assertThat(result.policyFindings()).isEmpty();
      assertThat(result.failsAt(Severity.WARNING)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop/1.1.0/order.get#/customer/email", "shop/1.1.0/order.get#/customer",
        "shop/1.1.0/order.get#/*", "shop/1.0.0/order.get", "shop/1.1.0/order.list", "other/1.1.0/order.get"})
    void should_not_accept_a_finding_at_another_location_and_warn_that_the_exception_is_unused(String location) {
      // GIVEN
      ContractRegistry registry = treeWith(exception("response.property.required-removed", location, ""));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN
      assertThat(only(pair(result, "shop 1.0.0 -> 1.1.0"), "response.property.required-removed").severity())
          .isEqualTo(Severity.BREAKING);
      assertThat(result.policyFindings()).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo("policy.exception-unused");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("location: " + location, "rule    : response.property.required-removed");
      });
    }

    @Test
    void should_not_accept_a_finding_of_another_rule() {
      // GIVEN
      ContractRegistry registry = treeWith(exception("response.property.removed", "shop/1.1.0/order.get", ""));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN
      assertThat(result.failsAt(Severity.BREAKING)).isTrue();
      assertThat(result.policyFindings()).extracting(Change::ruleId).containsExactly("policy.exception-unused");
    }

    @Test
    void should_name_the_expiry_date_of_an_exception_that_still_holds() {
      // GIVEN
      ContractRegistry registry = treeWith(exception("response.property.required-removed",
          "shop/1.1.0/order.get#/customer/name", "2026-06-01"));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN the until day itself still counts
      EndpointChange c = only(pair(result, "shop 1.0.0 -> 1.1.0"), "response.property.required-removed");
      assertThat(c.severity()).isEqualTo(Severity.INFO);
      assertThat(c.note()).contains("the shop app never shows the customer name", "(until 2026-06-01)");
      assertThat(result.failsAt(Severity.WARNING)).isFalse();
    }

    @Test
    void should_fail_on_an_expired_exception_and_keep_the_change_breaking() {
      // GIVEN
      ContractRegistry registry = treeWith(exception("response.property.required-removed",
          "shop/1.1.0/order.get#/customer/name", "2026-05-31"));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN
      EndpointChange c = only(pair(result, "shop 1.0.0 -> 1.1.0"), "response.property.required-removed");
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).isEmpty();
      assertThat(result.policyFindings()).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo("policy.exception-expired");
        assertThat(f.severity()).isEqualTo(Severity.BREAKING);
        assertThat(f.oldLocation().file()).isEqualTo("contract-gate.yaml");
        assertThat(f.message()).contains("until   : 2026-05-31 (today 2026-06-01)",
            "reason  : the shop app never shows the customer name", "renew");
      });
      assertThat(result.failsAt(Severity.BREAKING)).isTrue();
    }

    @Test
    void should_fail_on_an_expired_exception_even_when_nothing_matches_it_any_more() {
      // GIVEN
      ContractRegistry registry = treeWith(exception("response.property.removed", "shop/1.1.0/order.get",
          "2026-01-01"));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
      // THEN
      assertThat(result.policyFindings()).extracting(Change::ruleId).containsExactly("policy.exception-expired");
    }

    @Test
    void should_fail_at_warning_but_not_at_breaking_when_only_an_unused_exception_is_found() {
      // GIVEN a clean history and one stale exception
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", CUSTOMER);
      orderVersion(tree, "1.1.0", CUSTOMER);
      tree.policy("exceptions:\n" + exception("response.property.removed", "shop/1.1.0/order.get#/legacy", ""));
      // WHEN
      HistoryCheck.Result result = HistoryCheck.run(tree.load(), TODAY);
      // THEN
      assertThat(result.pairs()).allSatisfy(d -> assertThat(d.changes()).isEmpty());
      assertThat(result.failsAt(Severity.BREAKING)).isFalse();
      assertThat(result.failsAt(Severity.WARNING)).isTrue();
    }
  }

  @Test
  void should_fail_at_warning_but_not_at_breaking_on_a_warning_change() {
    // GIVEN an optional response property removed: a warning under the tolerant reader
    ContractTree tree = shop(dir);
    orderVersion(tree, "1.0.0", X_STRING);
    orderVersion(tree, "1.1.0", NO_X);
    // WHEN
    HistoryCheck.Result result = HistoryCheck.run(tree.load(), TODAY);
    // THEN
    assertThat(only(result.pairs().get(0), "response.property.removed").severity()).isEqualTo(Severity.WARNING);
    assertThat(result.failsAt(Severity.BREAKING)).isFalse();
    assertThat(result.failsAt(Severity.WARNING)).isTrue();
  }

  @Test
  void should_pass_the_example_tree_without_breaking_changes_or_warnings() {
    // GIVEN
    ContractRegistry registry = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));
    // WHEN
    HistoryCheck.Result result = HistoryCheck.run(registry, TODAY);
    // THEN
    assertThat(labels(result)).containsExactlyInAnyOrder(
        "ivanpin 1.0.0 -> 1.1.0", "ivanpin 1.0.0 -> 1.2.0", "ivanpin 1.1.0 -> 1.2.0",
        "wgp 1.0.0 -> 1.1.0", "wgp 1.0.0 -> 1.2.0", "wgp 1.1.0 -> 1.2.0");
    assertThat(result.pairs()).allSatisfy(d -> assertThat(d.breaking()).as(d.label()).isEmpty());
    assertThat(result.failsAt(Severity.WARNING)).isFalse();
    assertThat(result.policyFindings()).isEmpty();
    assertThat(pair(result, "ivanpin 1.1.0 -> 1.2.0").changes()).extracting(EndpointChange::ruleId)
        .contains("endpoint.added", "endpoint.deprecated");
  }
}
