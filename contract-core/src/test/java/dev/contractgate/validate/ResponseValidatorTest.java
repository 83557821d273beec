package dev.contractgate.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Policy;
import dev.contractgate.testing.ContractTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseValidatorTest {

  private static final String POST_SCHEMA = "ivanpin/1.0.0/schemas/post.schema.json";
  private static final String VALID_POST =
      "{\"id\": 12, \"title\": \"Hello\", \"publishedAt\": \"2026-11-22T10:00:00+03:00\","
          + " \"url\": \"https://ivanpin.com/blog/hello\", \"lang\": \"ru\"}";
  private static final String FOREIGN_SESSION_SECRET = "s3cr3t-PHPSESSID-value-4711";
  private static final String OWN_SESSION_SECRET = "own-session-value-0815";
  private static final String TOKEN_SECRET = "tok-9f8e7d6c5b4a-SECRET";

  @TempDir static Path root;
  private static ContractRegistry registry;

  @BeforeAll
  static void writeTree() {
    registry = ContractTree.in(root)
        .policy("""
            limits:
              maxBodyBytes: 4096
              maxDepth: 6
            """)
        .namespace("ivanpin", """
            basePath: /api/ivanpin/services/
            auth:
              header: X-WGP-Token
              tokenEnv: IVANPIN_API_TOKEN
            sessionCookie: IVANPIN_SESSID
            """)
        .endpoints("ivanpin", "1.0.0", """
            endpoints:
              - id: blog.post
                method: GET
                path: blog/{slug}/
                responses:
                  "200": {schema: schemas/post.schema.json}
                  "404": {schema: schemas/error.schema.json}
              - id: headers.vary
                method: GET
                path: headers/vary
                responses:
                  "200":
                    headers:
                      Vary: {contains: [Origin]}
              - id: headers.misc
                method: GET
                path: headers/misc
                responses:
                  "200":
                    headers:
                      X-Api-Version: {equals: "1"}
                      Cache-Control: {pattern: "max-age=\\\\d+"}
                      X-Debug: {absent: true}
              - id: headers.secret
                method: GET
                path: headers/secret
                responses:
                  "200":
                    headers:
                      Authorization: {equals: "Bearer expected"}
                      X-WGP-Token: {equals: "expected"}
              - id: session.login
                method: POST
                path: session/login
                responses:
                  "200":
                    cookies: [IVANPIN_SESSID]
              - id: robots
                method: GET
                path: robots.txt
                responses:
                  "200": {contentType: text/plain}
            """)
        .schema("ivanpin", "1.0.0", "post.schema.json", """
            {
              "type": "object",
              "required": ["id", "title", "publishedAt", "url", "lang"],
              "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "publishedAt": {"type": "string", "format": "date-time"},
                "url": {"type": "string", "format": "uri"},
                "lang": {"enum": ["ru", "en"]},
                "meta": {"type": "object"}
              }
            }
            """)
        .schema("ivanpin", "1.0.0", "error.schema.json", """
            {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
            """)
        .namespace("shop", """
            basePath: /api/shop/
            auth:
              header: X-Shop-Token
              tokenEnv: SHOP_API_TOKEN
            """)
        .endpoints("shop", "1.0.0", """
            endpoints:
              - id: token.echo
                method: GET
                path: token
                responses:
                  "200":
                    headers:
                      X-Shop-Token: {equals: "expected"}
            """)
        .load();
  }

  private static ValidationResult validate(String endpoint, ObservedResponse response) {
    return ResponseValidator.of(registry).validate("ivanpin", "1.0.0", endpoint, response);
  }

  private static ObservedResponse status200() {
    return new ObservedResponse(200, Map.of(), "");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ResponseValidatorTest.class.getResourceAsStream("/messages/" + name)) {
      assertThat(in).as("golden file messages/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    }
  }

  @Nested
  class Rendering {

    @Test
    void should_render_two_body_violations_as_in_the_golden_file() throws IOException {
      // GIVEN
      ObservedResponse response = ObservedResponse.json(200,
          "{\"id\": \"12\", \"title\": \"Hello\", \"publishedAt\": \"2026-11-22T10:00:00+03:00\","
              + " \"url\": \"https://ivanpin.com/blog/hello\"}");
      // WHEN
      ValidationResult result = validate("blog.post", response);
      // THEN
      assertThat(result.render()).isEqualTo(golden("blog-post-two-violations.txt"));
    }

    @Test
    void should_render_the_headline_with_subject_status_and_count() {
      // WHEN
      ValidationResult one = validate("blog.post", ObservedResponse.json(200, "{}").withHeader("X", "y"));
      ValidationResult valid = validate("blog.post", ObservedResponse.json(200, VALID_POST));
      // THEN
      assertThat(one.render()).startsWith(
          "Response does not match contract ivanpin@1.0.0 blog.post (GET /api/ivanpin/services/blog/{slug}/),"
              + " status 200 (5 violations)\n\n[1] at /id\n");
      assertThat(valid.isValid()).isTrue();
      assertThat(valid.render()).isEqualTo(
          "Response matches contract ivanpin@1.0.0 blog.post (GET /api/ivanpin/services/blog/{slug}/), status 200");
    }

    @Test
    void should_say_violation_in_the_singular_for_one() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, VALID_POST.replace("\"ru\"", "\"de\"")));
      // THEN
      assertThat(result.render()).contains("status 200 (1 violation)\n");
    }

    @Test
    void should_align_the_fact_keys_and_omit_the_schema_line_outside_the_body() {
      // WHEN
      String rendered = validate("headers.vary", status200()).render();
      // THEN
      assertThat(rendered.lines().skip(2).toList()).containsExactly(
          "[1] at header:Vary",
          "    expected: Vary contains Origin",
          "    but was : absent",
          "    rule    : header.missing",
          "    hint    : send the Vary header; without Vary: Origin a CDN may serve one site's cached answer to the"
              + " other");
    }

    @Test
    void should_sort_violations_by_instance_pointer() {
      // GIVEN errors in reverse schema order
      String body = "{\"id\": 12, \"title\": 7, \"publishedAt\": \"yesterday\", \"url\": \"https://x.example/\","
          + " \"lang\": \"de\", \"meta\": []}";
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, body));
      // THEN
      assertThat(result.violations()).extracting(Violation::instancePointer)
          .containsExactly("/lang", "/meta", "/publishedAt", "/title");
      assertThat(result.render()).containsSubsequence("[1] at /lang", "[2] at /meta", "[3] at /publishedAt",
          "[4] at /title");
      assertThat(validate("blog.post", ObservedResponse.json(200, body)).render()).isEqualTo(result.render());
    }

    @Test
    void should_sort_status_headers_and_cookies_after_the_body() {
      // GIVEN
      ObservedResponse response = new ObservedResponse(200, Map.of("Set-Cookie",
          List.of("PHPSESSID=" + FOREIGN_SESSION_SECRET + "; path=/")), "");
      // WHEN
      ValidationResult result = validate("session.login", response);
      // THEN
      assertThat(result.violations()).extracting(Violation::instancePointer, Violation::rule).containsExactly(
          tuple("cookie:IVANPIN_SESSID", "cookie.missing"),
          tuple("cookie:PHPSESSID", "cookie.foreign-session"));
    }
  }

  @Nested
  class Body {

    @Test
    void should_accept_a_conforming_body() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, VALID_POST));
      // THEN
      assertThat(result.violations()).isEmpty();
    }

    @Test
    void should_report_a_type_mismatch() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, VALID_POST.replace("12", "\"12\"")));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.type");
        assertThat(v.instancePointer()).isEqualTo("/id");
        assertThat(v.expected()).isEqualTo("type \"integer\"");
        assertThat(v.actual()).isEqualTo("string \"12\"");
        assertThat(v.schemaLocation()).hasValueSatisfying(
            s -> assertThat(s).hasToString(POST_SCHEMA + "#/properties/id/type"));
        assertThat(v.hint()).isEqualTo("send a JSON integer here; consumers parse this value by type");
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22 10:00", "2026-11-22", "22.11.2026T10:00:00Z", "2026-11-22T10:00:00"})
    void should_assert_the_date_time_format(String value) {
      // WHEN
      ValidationResult result = validate("blog.post",
          ObservedResponse.json(200, VALID_POST.replace("2026-11-22T10:00:00+03:00", value)));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.format");
        assertThat(v.instancePointer()).isEqualTo("/publishedAt");
        assertThat(v.expected()).isEqualTo("format \"date-time\"");
        assertThat(v.actual()).isEqualTo("string \"" + value + "\"");
        assertThat(v.hint()).startsWith("send an RFC 3339 date-time with offset");
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"blog/hello", "/blog/hello", "not a uri"})
    void should_assert_the_uri_format(String value) {
      // WHEN
      ValidationResult result = validate("blog.post",
          ObservedResponse.json(200, VALID_POST.replace("https://ivanpin.com/blog/hello", value)));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.format");
        assertThat(v.instancePointer()).isEqualTo("/url");
        assertThat(v.expected()).isEqualTo("format \"uri\"");
        assertThat(v.hint()).startsWith("send an absolute URI");
      });
    }

    @Test
    void should_report_a_value_outside_the_enum() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, VALID_POST.replace("\"ru\"", "\"de\"")));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.enum");
        assertThat(v.instancePointer()).isEqualTo("/lang");
        assertThat(v.expected()).isEqualTo("one of [\"ru\",\"en\"]");
        assertThat(v.actual()).isEqualTo("string \"de\"");
        assertThat(v.schemaLocation()).hasValueSatisfying(
            s -> assertThat(s).hasToString(POST_SCHEMA + "#/properties/lang/enum"));
      });
    }

    @Test
    void should_report_a_missing_required_property_at_its_own_pointer() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, VALID_POST.replace("\"title\"", "\"name\"")));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.required");
        assertThat(v.instancePointer()).isEqualTo("/title");
        assertThat(v.expected()).isEqualTo("required property \"title\"");
        assertThat(v.actual()).isEqualTo("absent");
        assertThat(v.schemaLocation()).hasValueSatisfying(s -> assertThat(s).hasToString(POST_SCHEMA + "#/required"));
      });
    }

    @Test
    void should_truncate_long_values_in_but_was() {
      // GIVEN
      String longValue = "x".repeat(500);
      // WHEN
      ValidationResult result = validate("blog.post",
          ObservedResponse.json(200, VALID_POST.replace("12", "\"" + longValue + "\"")));
      // THEN
      Violation v = result.violations().get(0);
      assertThat(v.actual()).isEqualTo("string \"" + "x".repeat(76) + "...");
      assertThat(result.render()).doesNotContain("x".repeat(77));
    }

    @Test
    void should_validate_the_schema_of_an_error_status() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(404, "{\"message\": \"not found\"}"));
      // THEN
      assertThat(result.violations()).extracting(Violation::rule, Violation::instancePointer)
          .containsExactly(tuple("body.required", "/error"));
    }
  }

  @Nested
  class BodyLimits {

    @Test
    void should_report_a_body_larger_than_max_body_bytes_as_a_violation() {
      // GIVEN 2100 two-byte characters: 4200 bytes, over the 4096 limit although only 2100 chars long
      String body = "{\"title\": \"" + "я".repeat(2100) + "\"}";
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, body));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.too-large");
        assertThat(v.where()).isEqualTo("(body)");
        assertThat(v.expected()).isEqualTo("a body of at most 4096 bytes");
        assertThat(v.actual()).isEqualTo((body.getBytes(StandardCharsets.UTF_8).length) + " bytes");
        assertThat(v.hint()).contains("raise limits.maxBodyBytes in contract-gate.yaml");
      });
    }

    @Test
    void should_count_utf8_bytes_as_the_encoder_does() {
      for (String s : List.of("", "plain ascii", "я".repeat(300), "€ 3-byte", "emoji \uD83D\uDE00 pair",
          "lone \uD83D high", "lone \uDE00 low", "end \uD83D", "\u007F\u0080\u07FF\u0800\uFFFF")) {
        assertThat(ResponseValidator.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
      }
    }

    @Test
    void should_accept_a_body_of_exactly_max_body_bytes() {
      // GIVEN
      String prefix = VALID_POST.substring(0, VALID_POST.length() - 1) + ", \"meta\": {\"pad\": \"";
      String suffix = "\"}}";
      String body = prefix + "p".repeat(4096 - prefix.length() - suffix.length()) + suffix;
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, body));
      // THEN
      assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
      assertThat(result.violations()).isEmpty();
    }

    @Test
    void should_report_nesting_deeper_than_max_depth_as_a_violation() {
      // GIVEN 7 levels of objects, the limit is 6
      String sixLevels = VALID_POST.replace("{\"id\"", "{\"meta\": {\"a\": {\"b\": {\"c\": {\"d\": [1]}}}}, \"id\"");
      String sevenLevels = VALID_POST.replace("{\"id\"", "{\"meta\": {\"a\": {\"b\": {\"c\": {\"d\": [[1]]}}}}, \"id\"");
      // WHEN
      ValidationResult atLimit = validate("blog.post", ObservedResponse.json(200, sixLevels));
      ValidationResult overLimit = validate("blog.post", ObservedResponse.json(200, sevenLevels));
      // THEN
      assertThat(atLimit.violations()).isEmpty();
      assertThat(overLimit.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.too-deep");
        assertThat(v.expected()).isEqualTo("at most 6 levels of nesting");
        assertThat(v.actual()).startsWith("deeper nesting");
        assertThat(v.hint()).contains("raise limits.maxDepth in contract-gate.yaml");
      });
    }

    @Test
    void should_apply_other_limits_through_with_limits() {
      // WHEN
      List<Violation> violations = ResponseValidator.of(registry).withLimits(new Policy.Limits(10, 200))
          .validate("ivanpin", "1.0.0", "blog.post", ObservedResponse.json(200, VALID_POST)).violations();
      // THEN
      assertThat(violations).extracting(Violation::rule).containsExactly("body.too-large");
    }

    @Test
    void should_report_malformed_json_with_line_and_column() {
      // GIVEN
      String body = "{\"id\": 12,\n  \"title\": oops}";
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, body));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.not-json");
        assertThat(v.expected()).isEqualTo("a JSON body");
        assertThat(v.actual()).startsWith("malformed JSON (Unrecognized token 'oops'").endsWith(", line 2, column 12)");
        assertThat(v.hint()).contains("PHP warnings or notices");
      });
    }

    @Test
    void should_report_a_php_notice_before_the_json() {
      // WHEN
      ValidationResult result = validate("blog.post",
          ObservedResponse.json(200, "<br />\n<b>Notice</b>: Undefined index\n" + VALID_POST));
      // THEN
      assertThat(result.violations()).extracting(Violation::rule).containsExactly("body.not-json");
      assertThat(result.violations().get(0).actual()).contains("line 1, column 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void should_report_an_empty_body(String body) {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(200, body));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("body.not-json");
        assertThat(v.actual()).isEqualTo("an empty body");
      });
    }
  }

  @Nested
  class StatusAndContentType {

    @Test
    void should_report_an_undeclared_status() {
      // WHEN
      ValidationResult result = validate("blog.post", ObservedResponse.json(500, "{\"error\": \"boom\"}"));
      // THEN
      assertThat(result.status()).isEqualTo(500);
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("status.undeclared");
        assertThat(v.where()).isEqualTo("status");
        assertThat(v.expected()).isEqualTo("one of the declared statuses [200, 404]");
        assertThat(v.actual()).isEqualTo("500");
        assertThat(v.schemaLocation()).hasValueSatisfying(
            s -> assertThat(s).hasToString("ivanpin/1.0.0/endpoints.yaml#/endpoints/0/responses"));
      });
    }

    @Test
    void should_report_a_content_type_mismatch() {
      // GIVEN
      ObservedResponse response = new ObservedResponse(200,
          Map.of("Content-Type", List.of("text/html; charset=UTF-8")), VALID_POST);
      // WHEN
      ValidationResult result = validate("blog.post", response);
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("header.content-type");
        assertThat(v.where()).isEqualTo("header:Content-Type");
        assertThat(v.expected()).isEqualTo("application/json");
        assertThat(v.actual()).isEqualTo("text/html; charset=UTF-8");
      });
    }

    @Test
    void should_report_a_missing_content_type() {
      // WHEN
      ValidationResult result = validate("blog.post", new ObservedResponse(200, Map.of(), VALID_POST));
      // THEN
      assertThat(result.violations()).extracting(Violation::rule, Violation::actual)
          .containsExactly(tuple("header.content-type", "absent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"})
    void should_accept_the_content_type_with_parameters_and_any_case(String contentType) {
      // WHEN
      ValidationResult result = validate("blog.post",
          new ObservedResponse(200, Map.of("content-type", List.of(contentType)), VALID_POST));
      // THEN
      assertThat(result.violations()).isEmpty();
    }

    @Test
    void should_check_a_declared_non_json_content_type_without_reading_the_body() {
      // WHEN
      ValidationResult ok = validate("robots",
          new ObservedResponse(200, Map.of("Content-Type", List.of("text/plain")), "User-agent: *"));
      ValidationResult bad = validate("robots", ObservedResponse.json(200, "{}"));
      // THEN
      assertThat(ok.violations()).isEmpty();
      assertThat(bad.violations()).extracting(Violation::rule, Violation::expected)
          .containsExactly(tuple("header.content-type", "text/plain"));
    }
  }

  @Nested
  class Headers {

    @Test
    void should_report_vary_without_origin_as_missing() {
      // WHEN
      ValidationResult result = validate("headers.vary", status200());
      // THEN
      assertThat(result.violations()).extracting(Violation::rule, Violation::where, Violation::expected)
          .containsExactly(tuple("header.missing", "header:Vary", "Vary contains Origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Origin", "Accept-Encoding, Origin", "accept-encoding,origin", "Cookie ,  ORIGIN ", "*"})
    void should_accept_vary_listing_origin_among_other_tokens_or_star(String vary) {
      // WHEN
      ValidationResult result = validate("headers.vary", status200().withHeader("Vary", vary));
      // THEN
      assertThat(result.violations()).isEmpty();
    }

    @Test
    void should_accept_vary_split_over_two_header_lines() {
      // WHEN
      ValidationResult result = validate("headers.vary",
          status200().withHeader("Vary", "Accept-Encoding").withHeader("vary", "Origin"));
      // THEN
      assertThat(result.violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept-Encoding", "Origins", "X-Origin"})
    void should_report_vary_with_other_tokens_only(String vary) {
      // WHEN
      ValidationResult result = validate("headers.vary", status200().withHeader("Vary", vary));
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("header.mismatch");
        assertThat(v.expected()).isEqualTo("Vary contains Origin");
        assertThat(v.actual()).isEqualTo("\"" + vary + "\"");
      });
    }

    @Test
    void should_accept_the_misc_headers_when_they_match() {
      // GIVEN
      ObservedResponse response = status200().withHeader("X-Api-Version", "1")
          .withHeader("Cache-Control", "public, max-age=60");
      // WHEN
      ValidationResult result = validate("headers.misc", response);
      // THEN
      assertThat(result.violations()).isEmpty();
    }

    @Test
    void should_report_equals_pattern_and_absent_mismatches() {
      // GIVEN
      ObservedResponse response = status200().withHeader("X-Api-Version", "2")
          .withHeader("Cache-Control", "no-store").withHeader("X-Debug", "sql=SELECT secret FROM users");
      // WHEN
      ValidationResult result = validate("headers.misc", response);
      // THEN
      assertThat(result.violations()).extracting(Violation::where, Violation::rule, Violation::expected, Violation::actual)
          .containsExactly(
              tuple("header:Cache-Control", "header.mismatch", "Cache-Control matches /max-age=\\d+/", "\"no-store\""),
              tuple("header:X-Api-Version", "header.mismatch", "X-Api-Version equals \"1\"", "\"2\""),
              tuple("header:X-Debug", "header.forbidden", "no X-Debug header", "present (value not shown)"));
      assertThat(result.render()).doesNotContain("SELECT secret");
    }

    @Test
    void should_report_equals_when_the_header_is_sent_twice() {
      // WHEN
      ValidationResult result = validate("headers.misc", status200().withHeader("X-Api-Version", "1")
          .withHeader("X-Api-Version", "1").withHeader("Cache-Control", "max-age=1"));
      // THEN
      assertThat(result.violations()).extracting(Violation::actual).containsExactly("\"1, 1\"");
    }

    @Test
    void should_report_missing_equals_and_pattern_headers() {
      // WHEN
      ValidationResult result = validate("headers.misc", status200());
      // THEN
      assertThat(result.violations()).extracting(Violation::where, Violation::rule).containsExactly(
          tuple("header:Cache-Control", "header.missing"), tuple("header:X-Api-Version", "header.missing"));
    }

    @Test
    void should_redact_secret_header_values() {
      // GIVEN
      ObservedResponse response = status200()
          .withHeader("Authorization", "Bearer " + TOKEN_SECRET)
          .withHeader("x-wgp-token", TOKEN_SECRET);
      // WHEN
      ValidationResult result = validate("headers.secret", response);
      // THEN
      assertThat(result.violations()).extracting(Violation::where, Violation::actual).containsExactly(
          tuple("header:Authorization", "(redacted)"), tuple("header:X-WGP-Token", "(redacted)"));
      assertThat(result.render()).doesNotContain(TOKEN_SECRET);
    }

    @Test
    void should_redact_the_namespace_token_header_whatever_its_name() {
      // WHEN
      ValidationResult result = ResponseValidator.of(registry).validate("shop", "1.0.0", "token.echo",
          status200().withHeader("X-Shop-Token", TOKEN_SECRET));
      // THEN
      assertThat(result.violations()).extracting(Violation::rule, Violation::actual)
          .containsExactly(tuple("header.mismatch", "(redacted)"));
      assertThat(result.render()).doesNotContain(TOKEN_SECRET);
    }
  }

  @Nested
  class Cookies {

    @Test
    void should_accept_the_namespace_session_cookie() {
      // WHEN
      ValidationResult result = validate("session.login", status200()
          .withHeader("Set-Cookie", "IVANPIN_SESSID=" + OWN_SESSION_SECRET + "; path=/; HttpOnly"));
      // THEN
      assertThat(result.violations()).isEmpty();
    }

    @Test
    void should_report_a_missing_required_cookie() {
      // WHEN
      ValidationResult result = validate("session.login", status200());
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("cookie.missing");
        assertThat(v.where()).isEqualTo("cookie:IVANPIN_SESSID");
        assertThat(v.expected()).isEqualTo("Set-Cookie IVANPIN_SESSID");
        assertThat(v.actual()).isEqualTo("no cookie set");
        assertThat(v.hint()).contains("session_name('IVANPIN_SESSID')");
      });
    }

    @Test
    void should_report_a_foreign_session_cookie_without_its_value() {
      // GIVEN
      ObservedResponse response = status200()
          .withHeader("Set-Cookie", "IVANPIN_SESSID=" + OWN_SESSION_SECRET + "; path=/")
          .withHeader("Set-Cookie", "PHPSESSID=" + FOREIGN_SESSION_SECRET + "; path=/; HttpOnly");
      // WHEN
      ValidationResult result = validate("session.login", response);
      // THEN
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo("cookie.foreign-session");
        assertThat(v.where()).isEqualTo("cookie:PHPSESSID");
        assertThat(v.expected()).isEqualTo("session cookie IVANPIN_SESSID (namespace ivanpin)");
        assertThat(v.actual()).isEqualTo("session cookie PHPSESSID");
        assertThat(v.hint()).contains("session_name('IVANPIN_SESSID')");
      });
      assertThat(result.render())
          .contains("cookie.foreign-session")
          .doesNotContain(FOREIGN_SESSION_SECRET)
          .doesNotContain(OWN_SESSION_SECRET);
    }

    @Test
    void should_not_show_cookie_values_when_the_required_cookie_is_missing() {
      // WHEN
      ValidationResult result = validate("session.login",
          status200().withHeader("Set-Cookie", "PHPSESSID=" + FOREIGN_SESSION_SECRET));
      // THEN
      assertThat(result.violations()).extracting(Violation::actual)
          .containsExactly("cookies [PHPSESSID]", "session cookie PHPSESSID");
      assertThat(result.render()).doesNotContain(FOREIGN_SESSION_SECRET);
    }
  }
}
