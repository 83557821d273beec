package dev.contractgate.diff;

import static dev.contractgate.diff.ShopVersions.TODAY;
import static dev.contractgate.diff.ShopVersions.diff;
import static dev.contractgate.diff.ShopVersions.only;
import static dev.contractgate.diff.ShopVersions.orderVersion;
import static dev.contractgate.diff.ShopVersions.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The endpoint-level diff of two contract versions ({@link ContractDiff}). */
class ContractDiffTest {

  @TempDir Path dir;

  // ------------------------------------------------------------------ endpoint rules

  /** Two endpoints, every endpoint-level feature set once; each case changes one line of it. */
  static final String BASE =
      """
      endpoints:
        - id: order.get
          method: GET
          path: orders/{id}
          request:
            query: schemas/order.query.schema.json
          responses:
            "200":
              schema: schemas/order.schema.json
              contentType: application/json
              headers:
                Vary: {contains: [Origin]}
              cookies: [SHOP_SESSID]
            "404": {schema: schemas/error.schema.json}
        - id: order.list
          method: GET
          path: orders/
          responses:
            "200": {schema: schemas/error.schema.json}
      """;

  static final String ORDER_LIST =
      """
        - id: order.list
          method: GET
          path: orders/
          responses:
            "200": {schema: schemas/error.schema.json}
      """;
  static final String QUERY = "    request:\n      query: schemas/order.query.schema.json\n";
  static final String QUERY_AND_BODY = QUERY + "      body: schemas/order.body.schema.json\n";
  static final String STATUS_404 = "      \"404\": {schema: schemas/error.schema.json}\n";
  static final String NO_BODY_404 = "      \"404\": {contentType: application/json}\n";
  static final String VARY = "        headers:\n          Vary: {contains: [Origin]}\n";
  static final String COOKIES = "        cookies: [SHOP_SESSID]\n";
  static final String PATH = "    path: orders/{id}\n";
  static final String DEPRECATED = PATH + "    deprecated: true\n    sunset: 2027-01-01\n";

  static final String OBJECT = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}";

  static Stream<Arguments> endpoint_rules() {
    return Stream.of(
        rule(BASE, BASE.replace(ORDER_LIST, ""), "endpoint.removed", Severity.BREAKING, "order.list", "endpoint"),
        rule(BASE.replace(ORDER_LIST, ""), BASE, "endpoint.added", Severity.INFO, "order.list", "endpoint"),
        rule(BASE, BASE.replace("method: GET\n" + PATH, "method: PUT\n" + PATH), "endpoint.method-changed",
            Severity.BREAKING, "order.get", "endpoint"),
        rule(BASE, BASE.replace(PATH, "    path: order/{id}\n"), "endpoint.path-changed", Severity.BREAKING,
            "order.get", "endpoint"),
        rule(BASE, BASE.replace(PATH, DEPRECATED), "endpoint.deprecated", Severity.INFO, "order.get", "endpoint"),
        rule(BASE.replace(PATH, DEPRECATED), BASE, "endpoint.reactivated", Severity.INFO, "order.get", "endpoint"),
        rule(BASE.replace(QUERY, ""), BASE, "request.query.schema-added", Severity.BREAKING, "order.get",
            "request query"),
        rule(BASE, BASE.replace(QUERY, ""), "request.query.schema-removed", Severity.INFO, "order.get",
            "request query"),
        rule(BASE, BASE.replace(QUERY, QUERY_AND_BODY), "request.body.added", Severity.BREAKING, "order.get",
            "request body"),
        rule(BASE.replace(QUERY, QUERY_AND_BODY), BASE, "request.body.removed", Severity.WARNING, "order.get",
            "request body"),
        rule(BASE.replace(STATUS_404, NO_BODY_404), BASE, "response.body.schema-added", Severity.INFO, "order.get",
            "response 404"),
        rule(BASE, BASE.replace(STATUS_404, NO_BODY_404), "response.body.schema-removed", Severity.BREAKING,
            "order.get", "response 404"),
        rule(BASE, BASE.replace(STATUS_404, ""), "response.status.removed", Severity.BREAKING, "order.get",
            "response 404"),
        rule(BASE.replace(STATUS_404, ""), BASE, "response.status.added", Severity.WARNING, "order.get",
            "response 404"),
        rule(BASE, BASE.replace("contentType: application/json", "contentType: application/problem+json"),
            "response.content-type.changed", Severity.BREAKING, "order.get", "response 200"),
        rule(BASE, BASE.replace(VARY, ""), "response.header.expectation-removed", Severity.BREAKING, "order.get",
            "response 200"),
        rule(BASE.replace(VARY, ""), BASE, "response.header.expectation-added", Severity.INFO, "order.get",
            "response 200"),
        rule(BASE, BASE.replace(COOKIES, ""), "response.cookie.removed", Severity.BREAKING, "order.get",
            "response 200"),
        rule(BASE.replace(COOKIES, ""), BASE, "response.cookie.added", Severity.WARNING, "order.get",
            "response 200"));
  }

  static Arguments rule(String oldYaml, String newYaml, String ruleId, Severity severity, String endpoint,
      String part) {
    if (oldYaml.equals(newYaml)) {
      throw new IllegalStateException("the case for " + ruleId + " changes nothing");
    }
    return Arguments.of(ruleId, oldYaml, newYaml, severity, endpoint, part);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoint_rules")
  void should_report_each_endpoint_rule_once_with_its_severity_and_place(String ruleId, String oldYaml,
      String newYaml, Severity severity, String endpoint, String part) {
    // GIVEN
    ContractRegistry registry = twoVersions(oldYaml, newYaml).load();
    // WHEN
    VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
    // THEN
    assertThat(diff.changes()).as(diff.changes().toString()).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo(ruleId);
      assertThat(c.severity()).isEqualTo(severity);
      assertThat(c.endpoint()).isEqualTo(endpoint);
      assertThat(c.part()).isEqualTo(part);
      assertThat(c.change().message().lines().toList()).first().asString().startsWith(ruleId + " at " + endpoint);
      assertThat(c.change().message()).contains("    old     : ", "    new     : ", "    meaning : ");
      assertThat(c.reaches()).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith(endpoint + " "));
    });
    assertThat(diff.hasBreaking()).isEqualTo(severity == Severity.BREAKING);
    assertThat(diff.failsAt(Severity.WARNING)).isEqualTo(severity != Severity.INFO);
  }

  @Test
  void should_name_old_and_new_method_and_path_in_the_message() {
    // GIVEN
    ContractRegistry registry = twoVersions(BASE, BASE.replace("method: GET\n" + PATH, "method: POST\n" + PATH)).load();
    // WHEN
    EndpointChange c = only(diff(registry, "1.0.0", "1.1.0"), "endpoint.method-changed");
    // THEN
    assertThat(c.change().message().lines().toList()).containsExactly(
        "endpoint.method-changed at order.get",
        "    old     : GET",
        "    new     : POST",
        "    meaning : a consumer that still calls GET gets an error");
  }

  @Test
  void should_report_a_changed_header_expectation_as_one_removed_and_one_added() {
    // GIVEN
    ContractRegistry registry = twoVersions(BASE,
        BASE.replace("Vary: {contains: [Origin]}", "Vary: {contains: [Origin, Accept-Language]}")).load();
    // WHEN
    VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
    // THEN
    assertThat(diff.changes()).extracting(EndpointChange::ruleId, EndpointChange::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("response.header.expectation-removed", Severity.BREAKING),
        org.assertj.core.groups.Tuple.tuple("response.header.expectation-added", Severity.INFO));
    assertThat(only(diff, "response.header.expectation-removed").change().message()).contains("Vary", "Origin");
  }

  @Test
  void should_ignore_content_type_parameters_and_case() {
    // GIVEN
    ContractRegistry registry = twoVersions(BASE,
        BASE.replace("contentType: application/json", "contentType: Application/JSON; charset=utf-8")).load();
    // WHEN
    VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
    // THEN
    assertThat(diff.changes()).isEmpty();
  }

  @Test
  void should_treat_a_new_id_for_the_same_route_as_a_rename_not_a_removal() {
    // GIVEN the same method and path (with a renamed path parameter) under a new id, and a narrower query
    String renamed = BASE.replace("id: order.get", "id: order.fetch").replace(PATH, "    path: orders/{orderId}\n");
    ContractRegistry registry = twoVersions(BASE, renamed)
        .schema("shop", "1.1.0", "order.query.schema.json",
            "{\"type\": \"object\", \"required\": [\"lang\"], \"properties\": {\"lang\": {\"type\": \"string\"}}}")
        .load();
    // WHEN
    VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
    // THEN
    assertThat(diff.changes()).extracting(EndpointChange::ruleId)
        .doesNotContain("endpoint.removed", "endpoint.added", "endpoint.path-changed");
    assertThat(only(diff, "request.property.required-added").endpoint()).isEqualTo("order.fetch");
  }

  // ------------------------------------------------------------------ bodies and directions

  @Nested
  class Directions {

    static final String QUERY_SCHEMA =
        "{\"type\": \"object\", \"properties\": {\"page\": {\"type\": \"string\"}, \"lang\": {\"type\": \"string\"}}}";
    static final String QUERY_NARROWED =
        "{\"type\": \"object\", \"required\": [\"lang\"], \"properties\": {\"page\": {\"type\": \"string\"},"
            + " \"lang\": {\"type\": \"string\", \"enum\": [\"ru\", \"en\"]}}}";

    @Test
    void should_judge_a_narrower_request_query_as_breaking_in_the_request_direction() {
      // GIVEN
      ContractRegistry registry = twoVersions(BASE, BASE)
          .schema("shop", "1.0.0", "order.query.schema.json", QUERY_SCHEMA)
          .schema("shop", "1.1.0", "order.query.schema.json", QUERY_NARROWED)
          .load();
      // WHEN
      VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
      // THEN
      assertThat(diff.changes()).isNotEmpty().allSatisfy(c -> {
        assertThat(c.part()).isEqualTo("request query");
        assertThat(c.change().direction()).isEqualTo(Direction.REQUEST);
        assertThat(c.ruleId()).startsWith("request.");
      });
      EndpointChange required = only(diff, "request.property.required-added");
      assertThat(required.severity()).isEqualTo(Severity.BREAKING);
      assertThat(required.change().path()).isEqualTo("/lang");
      assertThat(required.reaches()).containsExactly("order.get request query /lang");
      assertThat(diff.hasBreaking()).isTrue();
    }

    @Test
    void should_judge_a_wider_request_query_as_safe() {
      // GIVEN the same two schemas the other way round
      ContractRegistry registry = twoVersions(BASE, BASE)
          .schema("shop", "1.0.0", "order.query.schema.json", QUERY_NARROWED)
          .schema("shop", "1.1.0", "order.query.schema.json", QUERY_SCHEMA)
          .load();
      // WHEN
      VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
      // THEN
      assertThat(diff.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.severity()).isEqualTo(Severity.INFO));
      assertThat(only(diff, "request.property.required-removed").change().direction()).isEqualTo(Direction.REQUEST);
    }

    @Test
    void should_judge_a_request_body_in_the_request_direction() {
      // GIVEN
      String withBody = BASE.replace(QUERY, QUERY_AND_BODY);
      ContractRegistry registry = twoVersions(withBody, withBody)
          .schema("shop", "1.0.0", "order.body.schema.json", "{\"type\": \"object\", \"properties\": {\"n\":"
              + " {\"type\": \"integer\"}}}")
          .schema("shop", "1.1.0", "order.body.schema.json", "{\"type\": \"object\", \"properties\": {\"n\":"
              + " {\"type\": \"integer\", \"maximum\": 10}}}")
          .load();
      // WHEN
      VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
      // THEN
      assertThat(diff.changes()).singleElement().satisfies(c -> {
        assertThat(c.ruleId()).isEqualTo("request.number.maximum-lowered");
        assertThat(c.part()).isEqualTo("request body");
        assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      });
    }

    @Test
    void should_judge_a_wider_response_as_breaking_and_a_narrower_one_as_safe() {
      // GIVEN 1.1.0 no longer requires "id" and requires "total"
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\":"
          + " {\"type\": \"integer\"}, \"total\": {\"type\": \"number\"}}}");
      orderVersion(tree, "1.1.0", "{\"type\": \"object\", \"required\": [\"total\"], \"properties\": {\"id\":"
          + " {\"type\": \"integer\"}, \"total\": {\"type\": \"number\"}}}");
      // WHEN
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      // THEN
      EndpointChange wider = only(diff, "response.property.required-removed");
      assertThat(wider.severity()).isEqualTo(Severity.BREAKING);
      assertThat(wider.change().direction()).isEqualTo(Direction.RESPONSE);
      assertThat(wider.part()).isEqualTo("response 200");
      assertThat(wider.change().path()).isEqualTo("/id");
      assertThat(wider.change().message()).contains("the backend may now omit \"id\"");
      assertThat(only(diff, "response.property.required-added").severity()).isEqualTo(Severity.INFO);
      assertThat(diff.changes()).first().isSameAs(wider);
    }

    @Test
    void should_report_the_values_added_to_a_response_enum_as_one_finding() {
      // GIVEN two values and two required names dropped in one place each
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", "{\"type\": \"object\", \"required\": [\"a\", \"b\"], \"properties\":"
          + " {\"state\": {\"enum\": [\"new\", \"paid\"]}}}");
      orderVersion(tree, "1.1.0", "{\"type\": \"object\", \"properties\":"
          + " {\"state\": {\"enum\": [\"new\", \"paid\", \"shipped\", \"lost\"]}}}");
      // WHEN
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      // THEN the values added at one place are one finding that lists them (issue 15), the names dropped from
      // required one each
      assertThat(diff.changes()).filteredOn(c -> c.ruleId().equals("response.enum.value-added"))
          .extracting(c -> c.change().message())
          .singleElement().asString()
          .contains("values  : 2 added: ", "\"shipped\"", "\"lost\"");
      assertThat(diff.changes()).filteredOn(c -> c.ruleId().equals("response.property.required-removed"))
          .extracting(c -> c.change().path())
          .containsExactlyInAnyOrder("/a", "/b");
    }
  }

  // ------------------------------------------------------------------ shared components

  @Nested
  class SharedComponents {

    static final String TWO_ENDPOINTS =
        """
        endpoints:
          - id: order.get
            method: GET
            path: orders/{id}
            responses:
              "200": {schema: schemas/order.schema.json}
          - id: order.list
            method: GET
            path: orders/
            responses:
              "200": {schema: schemas/order-list.schema.json}
        """;
    static final String ORDER = "{\"type\": \"object\", \"properties\": {\"total\":"
        + " {\"$ref\": \"common.schema.json#/$defs/Money\"}}}";
    static final String ORDER_LIST = "{\"type\": \"object\", \"properties\": {\"items\": {\"type\": \"array\","
        + " \"items\": {\"type\": \"object\", \"properties\": {\"price\": {\"$ref\":"
        + " \"common.schema.json#/$defs/Money\"}}}}}}";
    static final String COMMON = "{\"$defs\": {\"Money\": {\"type\": \"object\", \"required\": [\"amount\","
        + " \"currency\"], \"properties\": {\"amount\": {\"type\": \"number\"}, \"currency\": {\"type\": \"string\"}}}}}";

    @Test
    void should_report_a_change_in_a_shared_definition_once_with_every_place_it_reaches() {
      // GIVEN Money, used by both endpoints, no longer requires its currency
      ContractTree tree = shop(dir);
      for (String v : new String[] {"1.0.0", "1.1.0"}) {
        tree.endpoints("shop", v, TWO_ENDPOINTS)
            .schema("shop", v, "order.schema.json", ORDER)
            .schema("shop", v, "order-list.schema.json", ORDER_LIST)
            .schema("shop", v, "common.schema.json", v.equals("1.0.0") ? COMMON
                : COMMON.replace("[\"amount\", \"currency\"]", "[\"amount\"]"));
      }
      // WHEN
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      // THEN
      EndpointChange c = only(diff, "response.property.required-removed");
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.reaches()).containsExactlyInAnyOrder(
          "order.get response 200 /total/currency",
          "order.list response 200 /items/*/price/currency");
      assertThat(c.change().oldLocation().toString()).contains("common.schema.json#/$defs/Money");
      assertThat(diff.breaking()).hasSize(1);
    }

    @Test
    void should_follow_anchors_and_nested_ids_of_a_shared_file_in_a_batch_of_endpoints() {
      // GIVEN the shared file names Money by an anchor and an embedded resource by $id (the batch indexes it
      // ahead, on two threads), and Money no longer requires its currency
      String common = "{\"$defs\": {"
          + "\"Money\": {\"$anchor\": \"money\", \"type\": \"object\", \"required\": [\"amount\", \"currency\"],"
          + " \"properties\": {\"amount\": {\"type\": \"number\"}, \"currency\": {\"type\": \"string\"}}},"
          + " \"Price\": {\"$id\": \"price\", \"type\": \"object\","
          + " \"properties\": {\"money\": {\"$ref\": \"common.schema.json#money\"}}}}}";
      String order = ORDER.replace("common.schema.json#/$defs/Money", "common.schema.json#money");
      String list = ORDER_LIST.replace("common.schema.json#/$defs/Money", "common.schema.json#/$defs/Price");
      ContractTree tree = shop(dir);
      for (String v : new String[] {"1.0.0", "1.1.0"}) {
        tree.endpoints("shop", v, TWO_ENDPOINTS)
            .schema("shop", v, "order.schema.json", order)
            .schema("shop", v, "order-list.schema.json", list)
            .schema("shop", v, "common.schema.json", v.equals("1.0.0") ? common
                : common.replace("[\"amount\", \"currency\"]", "[\"amount\"]"));
      }
      // WHEN
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      // THEN both endpoints reach the change, one through the anchor, one through the embedded resource
      EndpointChange c = only(diff, "response.property.required-removed");
      assertThat(c.reaches()).containsExactlyInAnyOrder(
          "order.get response 200 /total/currency",
          "order.list response 200 /items/*/price/money/currency");
      assertThat(diff.breaking()).hasSize(1);
    }

    @Test
    void should_follow_a_path_and_anchor_into_a_shared_file_whose_root_has_an_id() {
      // GIVEN the shared file names itself by an $id, the endpoints reach Money by path and anchor
      String common = COMMON.replace("{\"$defs\": {\"Money\": {",
          "{\"$id\": \"https://example.com/common\", \"$defs\": {\"Money\": {\"$anchor\": \"money\", ");
      ContractTree tree = shop(dir);
      for (String v : new String[] {"1.0.0", "1.1.0"}) {
        tree.endpoints("shop", v, TWO_ENDPOINTS)
            .schema("shop", v, "order.schema.json", ORDER.replace("#/$defs/Money", "#money"))
            .schema("shop", v, "order-list.schema.json", ORDER_LIST.replace("#/$defs/Money", "#money"))
            .schema("shop", v, "common.schema.json", v.equals("1.0.0") ? common
                : common.replace("[\"amount\", \"currency\"]", "[\"amount\"]"));
      }
      // WHEN
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      // THEN
      EndpointChange c = only(diff, "response.property.required-removed");
      assertThat(c.reaches()).containsExactlyInAnyOrder(
          "order.get response 200 /total/currency",
          "order.list response 200 /items/*/price/currency");
    }

    @Test
    void should_name_the_property_and_the_other_operations_a_shared_change_reaches_in_the_changelog() {
      // GIVEN Money no longer requires its currency, and no longer declares a (nullable) note
      String withNote = COMMON.replace("\"currency\": {\"type\": \"string\"}}",
          "\"currency\": {\"type\": \"string\"}, \"note\": {\"description\": \"" + "Free text. ".repeat(30)
              + "\", \"type\": [\"string\", \"null\"]}}");
      ContractTree tree = shop(dir);
      for (String v : new String[] {"1.0.0", "1.1.0"}) {
        tree.endpoints("shop", v, TWO_ENDPOINTS)
            .schema("shop", v, "order.schema.json", ORDER)
            .schema("shop", v, "order-list.schema.json", ORDER_LIST)
            .schema("shop", v, "common.schema.json", v.equals("1.0.0") ? withNote : COMMON.replace(
                "[\"amount\", \"currency\"]", "[\"amount\"]"));
      }
      ContractRegistry registry = tree.load();
      VersionDiff diff = diff(registry, "1.0.0", "1.1.0");
      // WHEN
      String text = dev.contractgate.report.ReportFormat.TEXT.render(DiffReports.history("diff", "diff", List.of(diff),
          List.of(), registry.documents(), registry.documents(), Severity.WARNING, false), false);
      // THEN the required change names the property, not both required lists
      EndpointChange c = only(diff, "response.property.required-removed");
      String first = c.endpoint().equals("order.get") ? "GET /orders/{id}" : "GET /orders/";
      String other = c.endpoint().equals("order.get") ? "GET /orders/" : "GET /orders/{id}";
      assertThat(text).contains("\"currency\" no longer required (reaches 2 places)\n      also: " + other + "\n")
          .doesNotContain("required [\"amount\",\"currency\"] →", "also: " + first + "\n");
      // AND the removed property shows its name and type, not its description
      assertThat(text).contains("/total/note: property \"note\" (string, nullable) → absent (any value allowed) (reaches 2"
          + " places)").doesNotContain("Free text.");
      // AND the details still carry both whole lists and the other operation with its id
      EndpointChange note = only(diff, "response.property.removed");
      assertThat(note.change().facts()).anySatisfy(f -> assertThat(f.key() + ": " + f.value())
          .startsWith("old: property \"note\" (string, nullable): {\"description\":\"Free text."));
      assertThat(c.change().facts()).anySatisfy(f -> assertThat(f.key() + ": " + f.value())
          .isEqualTo("old: required [\"amount\",\"currency\"]"));
      assertThat(c.change().facts()).anySatisfy(f -> assertThat(f.key() + ": " + f.value())
          .startsWith("also: " + other + " (order."));
    }
  }

  // ------------------------------------------------------------------ deprecation lifecycle

  @Nested
  class Sunsets {

    static final String WITH_LEGACY = BASE.replace("    path: orders/\n",
        "    path: orders/\n    deprecated: true\n    sunset: SUNSET\n");

    @Test
    void should_downgrade_removing_an_endpoint_whose_sunset_has_passed_to_a_warning() {
      // GIVEN
      ContractRegistry registry = twoVersions(WITH_LEGACY.replace("SUNSET", "2026-01-31"),
          BASE.replace(ORDER_LIST, "")).load();
      // WHEN
      EndpointChange c = only(diff(registry, "1.0.0", "1.1.0"), "endpoint.removed");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.endpoint()).isEqualTo("order.list");
      assertThat(c.note()).contains("sunset 2026-01-31", "has passed");
    }

    @Test
    void should_keep_removing_an_endpoint_before_its_sunset_breaking_and_say_so() {
      // GIVEN
      ContractRegistry registry = twoVersions(WITH_LEGACY.replace("SUNSET", "2027-03-01"),
          BASE.replace(ORDER_LIST, "")).load();
      // WHEN
      EndpointChange c = only(diff(registry, "1.0.0", "1.1.0"), "endpoint.removed");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).contains("2027-03-01", "not passed");
    }

    @Test
    void should_keep_removing_a_deprecated_endpoint_without_a_sunset_breaking() {
      // GIVEN
      ContractRegistry registry = twoVersions(WITH_LEGACY.replace("    sunset: SUNSET\n", ""),
          BASE.replace(ORDER_LIST, "")).load();
      // WHEN
      EndpointChange c = only(diff(registry, "1.0.0", "1.1.0"), "endpoint.removed");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).contains("without a sunset date");
    }

    @Test
    void should_keep_removing_an_endpoint_that_was_never_deprecated_breaking_without_a_note() {
      // GIVEN
      ContractRegistry registry = twoVersions(BASE, BASE.replace(ORDER_LIST, "")).load();
      // WHEN
      EndpointChange c = only(diff(registry, "1.0.0", "1.1.0"), "endpoint.removed");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).isEmpty();
      assertThat(c.change().message()).contains("old     : GET orders/", "new     : (absent)");
    }

    static String orderWithLegacy(String legacyAnnotations) {
      return "{\"type\": \"object\", \"required\": [\"id\", \"legacy\"], \"properties\": {\"id\": {\"type\":"
          + " \"integer\"}, \"legacy\": {\"type\": \"string\"" + legacyAnnotations + "}}}";
    }

    static final String ORDER_WITHOUT_LEGACY =
        "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\": \"integer\"}}}";

    EndpointChange legacyRemoval(String legacyAnnotations) {
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", orderWithLegacy(legacyAnnotations));
      orderVersion(tree, "1.1.0", ORDER_WITHOUT_LEGACY);
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      assertThat(diff.changes()).extracting(EndpointChange::ruleId).contains("response.property.removed");
      return only(diff, "response.property.required-removed");
    }

    @Test
    void should_downgrade_removing_a_property_whose_x_sunset_has_passed_to_a_warning() {
      // WHEN
      EndpointChange c = legacyRemoval(", \"deprecated\": true, \"x-sunset\": \"2026-05-31\"");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.change().path()).isEqualTo("/legacy");
      assertThat(c.note()).contains("x-sunset 2026-05-31", "has passed");
    }

    @Test
    void should_keep_removing_a_property_before_its_x_sunset_breaking_and_say_so() {
      // WHEN
      EndpointChange c = legacyRemoval(", \"deprecated\": true, \"x-sunset\": \"2026-06-01\"");
      // THEN sunset day itself has not passed yet
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).contains("x-sunset 2026-06-01", "not passed");
    }

    @Test
    void should_keep_removing_a_deprecated_property_without_x_sunset_breaking() {
      // WHEN
      EndpointChange c = legacyRemoval(", \"deprecated\": true");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).contains("without a valid x-sunset date");
    }

    @Test
    void should_keep_removing_a_deprecated_property_with_an_invalid_x_sunset_breaking() {
      // WHEN
      EndpointChange c = legacyRemoval(", \"deprecated\": true, \"x-sunset\": \"next spring\"");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).contains("without a valid x-sunset date", "YYYY-MM-DD");
    }

    @Test
    void should_ignore_x_sunset_on_a_property_that_is_not_deprecated() {
      // WHEN
      EndpointChange c = legacyRemoval(", \"x-sunset\": \"2020-01-01\"");
      // THEN
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.note()).isEmpty();
    }

    @Test
    void should_downgrade_removing_an_optional_sunset_property_when_the_policy_makes_it_breaking() {
      // GIVEN an optional deprecated property, removed, under a policy without a tolerant reader
      ContractTree tree = shop(dir);
      orderVersion(tree, "1.0.0", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"},"
          + " \"legacy\": {\"type\": \"string\", \"deprecated\": true, \"x-sunset\": \"2025-12-31\"}}}");
      orderVersion(tree, "1.1.0", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}");
      ContractRegistry registry = tree.load();
      // WHEN
      VersionDiff strict = ContractDiff.compare(registry, registry.requireVersion("shop", "1.0.0"),
          registry.requireVersion("shop", "1.1.0"), DiffPolicy.strict(), TODAY);
      // THEN
      assertThat(strict.changes()).singleElement().satisfies(c -> {
        assertThat(c.ruleId()).isEqualTo("response.property.removed");
        assertThat(c.severity()).isEqualTo(Severity.WARNING);
        assertThat(c.note()).contains("x-sunset 2025-12-31", "has passed");
      });
    }
  }

  // ------------------------------------------------------------------ severity overrides

  @Nested
  class SeverityOverrides {

    @Test
    void should_apply_the_severities_of_contract_gate_yaml_to_endpoint_and_schema_rules() {
      // GIVEN
      ContractTree tree = twoVersions(BASE, BASE.replace(ORDER_LIST, "").replace(STATUS_404, ""))
          .schema("shop", "1.1.0", "order.schema.json", "{\"type\": \"object\", \"properties\": {\"id\":"
              + " {\"type\": [\"integer\", \"string\"]}}}")
          .policy("""
              severities:
                endpoint.removed: warning
                response.status.removed: "off"
                response.type.widened: info
              """);
      // WHEN
      VersionDiff diff = diff(tree.load(), "1.0.0", "1.1.0");
      // THEN
      assertThat(only(diff, "endpoint.removed").severity()).isEqualTo(Severity.WARNING);
      assertThat(diff.changes()).extracting(EndpointChange::ruleId).doesNotContain("response.status.removed");
      assertThat(only(diff, "response.type.widened").severity()).isEqualTo(Severity.INFO);
      assertThat(diff.hasBreaking()).isFalse();
    }

    @Test
    void should_reject_an_unknown_rule_id_in_contract_gate_yaml() {
      // GIVEN
      ContractRegistry registry = twoVersions(BASE, BASE)
          .policy("severities:\n  response.propety.removed: warning\n").load();
      // WHEN
      ContractException e = catchThrowableOfType(ContractException.class, () -> ContractDiff.policyOf(registry));
      // THEN
      assertThat(e).isNotNull();
      assertThat(e.file()).isEqualTo("contract-gate.yaml");
      assertThat(e.getMessage()).contains("contract-gate.yaml", "/severities/response.propety.removed",
          "\"response.propety.removed\"", "rule id");
    }
  }

  // ------------------------------------------------------------------ helpers

  static final String ERROR = "{\"type\": \"object\", \"properties\": {\"error\": {\"type\": \"string\"}}}";
  static final String QUERY_SCHEMA = "{\"type\": \"object\", \"properties\": {\"lang\": {\"type\": \"string\"}}}";

  /** Versions 1.0.0 and 1.1.0 with the given endpoints and the same schemas. */
  ContractTree twoVersions(String oldYaml, String newYaml) {
    ContractTree tree = shop(dir);
    for (String[] v : new String[][] {{"1.0.0", oldYaml}, {"1.1.0", newYaml}}) {
      tree.endpoints("shop", v[0], v[1])
          .schema("shop", v[0], "order.schema.json", OBJECT)
          .schema("shop", v[0], "order.query.schema.json", QUERY_SCHEMA)
          .schema("shop", v[0], "order.body.schema.json", OBJECT)
          .schema("shop", v[0], "error.schema.json", ERROR);
    }
    return tree;
  }

  @Test
  void should_compare_versions_of_two_trees() {
    // GIVEN the same version in two trees, the second with 404 removed
    ContractRegistry deployed = twoVersions(BASE, BASE).load();
    ContractRegistry branch = ContractTree.in(dir.resolve("branch")).namespace("shop", ShopVersions.NAMESPACE)
        .endpoints("shop", "1.0.0", BASE.replace(STATUS_404, ""))
        .schema("shop", "1.0.0", "order.schema.json", OBJECT)
        .schema("shop", "1.0.0", "order.query.schema.json", QUERY_SCHEMA)
        .schema("shop", "1.0.0", "error.schema.json", ERROR)
        .load();
    // WHEN
    VersionDiff diff = ContractDiff.compare(deployed, deployed.requireVersion("shop", "1.0.0"), branch,
        branch.requireVersion("shop", "1.0.0"), DiffPolicy.defaults(), TODAY);
    // THEN
    assertThat(diff.label()).isEqualTo("shop 1.0.0 -> 1.0.0");
    assertThat(diff.changes()).extracting(EndpointChange::ruleId).containsExactly("response.status.removed");
  }
}
