package dev.contractgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.VersionDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small description pair per feature the OpenAPI diff reads beyond the contract (docs/openapi.md). */
class DescriptionDiffTest {

  @TempDir Path dir;

  private static final String HEAD = """
      openapi: 3.1.0
      info: {title: t, version: 1.0.0}
      components:
        securitySchemes:
          key: {type: apiKey, in: header, name: %s}
          oauth: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://x/a', scopes: {read: r, write: w}}}}
      """;

  /** Findings as {@code SEVERITY rule @ part}, plus the old and new text of endpoint rules. */
  private List<String> diff(String oldPaths, String newPaths) throws IOException {
    return diff(HEAD.formatted("X-Key") + oldPaths, HEAD.formatted("X-Key") + newPaths, true);
  }

  private List<String> diff(String oldDoc, String newDoc, boolean unused) throws IOException {
    VersionDiff d = compare(oldDoc, newDoc);
    return d.changes().stream().map(DescriptionDiffTest::line).toList();
  }

  private VersionDiff compare(String oldDoc, String newDoc) throws IOException {
    Path o = Files.writeString(dir.resolve("old.yaml"), oldDoc);
    Path n = Files.writeString(dir.resolve("new.yaml"), newDoc);
    ImportedVersion a = OpenApiImport.convert(o, "api", "1.0.0", Optional.empty());
    ImportedVersion b = OpenApiImport.convert(n, "api", "2.0.0", Optional.empty());
    return OpenApiImport.compare(a, b, DiffPolicy.defaults(), LocalDate.of(2026, 1, 1));
  }

  private static String line(EndpointChange c) {
    String old = fact(c, "old");
    String now = fact(c, "new");
    return c.severity() + " " + c.ruleId() + " @ " + c.endpoint() + " " + c.part()
        + (old.isEmpty() && now.isEmpty() ? "" : " [" + old + " → " + now + "]");
  }

  private static String fact(EndpointChange c, String key) {
    return c.change().facts().stream().filter(f -> f.key().equals(key)).map(f -> f.value()).findFirst().orElse("");
  }

  private static String op(String method, String body) {
    return "paths:\n  /pets:\n    " + method + ":\n      operationId: addPet\n" + body.indent(6)
        + "      responses: {'201': {description: ok}}\n";
  }

  private static final String FORM = """
      requestBody:
        required: %s
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {name: {type: %s}, tags: {type: array, items: {type: string}}}}
            encoding: {tags: {style: form, explode: %s}}
      """;

  private static String refs(String required, String headerType) {
    return """
        openapi: 3.1.0
        info: {title: t, version: 1.0.0}
        paths:
          /things:
            post:
              operationId: createThing
              parameters: [{name: X-Region, in: header, schema: {$ref: '#/components/schemas/region'}}]
              requestBody:
                content:
                  application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/thing'}}
              responses: {'201': {description: ok}}
        components:
          schemas:
            region: {type: %s}
            thing: {type: object, required: [%s], properties: {name: {type: string}, region: {type: string}}}
        """.formatted(headerType, required);
  }

  @Test
  void should_follow_component_refs_of_form_bodies_and_header_parameters() throws IOException {
    // these schemas are kept beside the contract's files; their $refs must reach the components (exit 3 before)
    assertThat(diff(refs("name", "string"), refs("name", "string"), true)).isEmpty();
    assertThat(diff(refs("name", "string"), refs("name, region", "integer"), true)).containsExactlyInAnyOrder(
        "BREAKING request.type.changed @ create-thing request header X-Region [type string → type integer]",
        "BREAKING request.property.required-added @ create-thing request body application/x-www-form-urlencoded"
            + " [required [\"name\"] → required [\"name\",\"region\"]]");
  }

  @Test
  void should_break_when_a_request_body_becomes_required_and_not_when_it_stops() throws IOException {
    assertThat(diff(op("post", FORM.formatted("false", "string", "true")), op("post", FORM.formatted("true", "string", "true"))))
        .containsExactly("BREAKING request.body.required-added @ add-pet request body [required: false → required: true]");
    assertThat(diff(op("post", FORM.formatted("true", "string", "true")), op("post", FORM.formatted("false", "string", "true"))))
        .containsExactly("INFO request.body.required-removed @ add-pet request body [required: true → required: false]");
  }

  @Test
  void should_break_on_a_required_body_added_and_not_on_an_optional_one() throws IOException {
    String none = op("post", "");
    assertThat(diff(none, op("post", FORM.formatted("true", "string", "true"))))
        .containsExactly("BREAKING request.body.added @ add-pet request body [(no body) → required body"
            + " [application/x-www-form-urlencoded]]");
    assertThat(diff(none, op("post", FORM.formatted("false", "string", "true"))))
        .containsExactly("INFO request.body.optional-added @ add-pet request body [(no body) → optional body"
            + " [application/x-www-form-urlencoded]]");
  }

  @Test
  void should_compare_the_schema_and_the_encoding_of_a_form_body() throws IOException {
    List<String> found = diff(op("post", FORM.formatted("true", "string", "true")),
        op("post", FORM.formatted("true", "integer", "false")));
    assertThat(found).contains(
        "BREAKING request.body.encoding-changed @ add-pet request body application/x-www-form-urlencoded [tags:"
            + " contentType (default), style form, explode true, allowReserved false → tags: contentType (default),"
            + " style form, explode false, allowReserved false]",
        "BREAKING request.type.changed @ add-pet request body application/x-www-form-urlencoded [type string → type"
            + " integer]");
  }

  @Test
  void should_break_when_a_multipart_media_type_is_dropped_and_compare_its_schema_while_it_stays() throws IOException {
    String both = """
        requestBody:
          content:
            application/json: {schema: {type: object}}
            multipart/form-data: {schema: {type: object, properties: {photo: {type: %s}}}}
        """;
    String jsonOnly = "requestBody:\n  content:\n    application/json: {schema: {type: object}}\n";
    assertThat(diff(op("post", both.formatted("string")), op("post", jsonOnly))).containsExactly(
        "BREAKING request.media-type.removed @ add-pet request body [application/json, multipart/form-data →"
            + " application/json]");
    assertThat(diff(op("post", jsonOnly), op("post", both.formatted("string")))).containsExactly(
        "INFO request.media-type.added @ add-pet request body [application/json → application/json,"
            + " multipart/form-data]");
    assertThat(diff(op("post", both.formatted("string")), op("post", both.formatted("integer")))).containsExactly(
        "BREAKING request.type.changed @ add-pet request body multipart/form-data [type string → type integer]");
  }

  private static String params(String params) {
    return "paths:\n  /pets/{id}:\n    get:\n      operationId: getPet\n      parameters:\n" + params.indent(8)
        + "      responses: {'200': {description: ok}}\n";
  }

  private static final String ID = "- {name: id, in: path, required: true, schema: {type: string}}\n";

  @Test
  void should_judge_header_and_cookie_parameters_added_required_and_retyped() throws IOException {
    assertThat(diff(params(ID), params(ID + "- {name: X-Tenant, in: header, required: true, schema: {type: string}}\n"
        + "- {name: theme, in: cookie, schema: {type: string}}\n"))).containsExactly(
        "BREAKING request.parameter.required-added @ get-pet request header X-Tenant [(absent) → header X-Tenant"
            + " (required)]",
        "INFO request.parameter.added @ get-pet request cookie theme [(absent) → cookie theme (optional)]");
    assertThat(diff(params(ID + "- {name: X-Tenant, in: header, schema: {type: string}}\n"),
        params(ID + "- {name: x-tenant, in: header, required: true, schema: {type: integer}, deprecated: true}\n")))
        .containsExactlyInAnyOrder(
            "BREAKING request.parameter.required-added @ get-pet request header X-Tenant [optional → required]",
            "INFO request.parameter.deprecated @ get-pet request header X-Tenant [deprecated: false → deprecated: true]",
            "BREAKING request.type.changed @ get-pet request header X-Tenant [type string → type integer]");
    assertThat(diff(params(ID + "- {name: X-Tenant, in: header, schema: {type: string}}\n"), params(ID)))
        .containsExactly("WARNING request.parameter.removed @ get-pet request header X-Tenant [header X-Tenant →"
            + " (absent)]");
  }

  @Test
  void should_compare_path_parameters_by_position_not_name() throws IOException {
    String renamed = params("- {name: petId, in: path, required: true, schema: {type: string}}\n")
        .replace("/pets/{id}", "/pets/{petId}");
    assertThat(diff(params(ID), renamed)).isEmpty();
    assertThat(diff(params(ID), renamed.replace("type: string", "type: integer"))).containsExactly(
        "BREAKING request.type.changed @ get-pet request path id [type string → type integer]");
  }

  @Test
  void should_break_on_style_explode_and_allow_empty_value_changes_of_a_query_parameter() throws IOException {
    assertThat(diff(params(ID + "- {name: ids, in: query, schema: {type: array}, allowEmptyValue: true}\n"),
        params(ID + "- {name: ids, in: query, schema: {type: array}, style: pipeDelimited}\n"))).containsExactlyInAnyOrder(
        "BREAKING request.parameter.style-changed @ get-pet request query ids [style form, explode true,"
            + " allowReserved false → style pipeDelimited, explode false, allowReserved false]",
        "BREAKING request.parameter.empty-value-refused @ get-pet request query ids [allowEmptyValue: true →"
            + " allowEmptyValue: false]");
  }

  @Test
  void should_break_when_a_parameter_moves_from_the_query_to_a_header() throws IOException {
    assertThat(diff(params(ID + "- {name: api_key, in: query, schema: {type: string}}\n"),
        params(ID + "- {name: api_key, in: header, schema: {type: string}}\n"))).contains(
        "BREAKING request.parameter.location-changed @ get-pet request query api_key [query api_key → header"
            + " api_key]");
  }

  private static String secured(String security) {
    return "paths:\n  /pets:\n    get:\n      operationId: listPets\n" + (security.isEmpty() ? ""
        : "      security: " + security + "\n") + "      responses: {'200': {description: ok}}\n";
  }

  @Test
  void should_break_when_an_operation_starts_requiring_auth_or_more_scopes() throws IOException {
    assertThat(diff(secured(""), secured("[{key: []}]")))
        .containsExactly("BREAKING request.security.tightened @ list-pets security [(none) → key]");
    assertThat(diff(secured("[{oauth: [read]}]"), secured("[{oauth: [read, write]}]")))
        .containsExactly("BREAKING request.security.tightened @ list-pets security [oauth [read] → oauth [read, write]]");
    assertThat(diff(secured("[{oauth: [read]}]"), secured("[{key: []}]")))
        .containsExactly("BREAKING request.security.tightened @ list-pets security [oauth [read] → key]");
  }

  @Test
  void should_pass_when_auth_is_relaxed() throws IOException {
    assertThat(diff(secured("[{oauth: [read, write]}]"), secured("[{oauth: [read]}, {key: []}]")))
        .containsExactly("INFO request.security.relaxed @ list-pets security [oauth [read, write] → oauth [read] or key]");
    assertThat(diff(secured("[{key: []}]"), secured("[{key: []}, {}]")))
        .containsExactly("INFO request.security.relaxed @ list-pets security [key → key or (none)]");
  }

  @Test
  void should_break_when_a_scheme_the_operation_uses_is_redefined() throws IOException {
    String paths = secured("[{key: []}]");
    assertThat(diff(HEAD.formatted("X-Key") + paths, HEAD.formatted("X-Api-Key") + paths, true)).containsExactly(
        "BREAKING request.security.scheme-changed @ list-pets security [key: apiKey in header X-Key → key: apiKey in"
            + " header X-Api-Key]");
  }

  /** A description whose only security scheme is {@code scheme} (YAML of the scheme object). */
  private static String schemeDoc(String scheme) {
    return "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\ncomponents:\n  securitySchemes:\n    oauth:\n"
        + scheme.indent(6) + secured("[{oauth: [read]}]");
  }

  private static final String FLOWS = """
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: %s
          scopes: {%s}
        authorizationCode:
          authorizationUrl: https://auth.example/authorize
          tokenUrl: https://auth.example/token
          scopes: {read: r}
      """;

  @Test
  void should_warn_once_when_a_token_url_moves_and_break_when_a_scope_is_removed() throws IOException {
    List<String> found = diff(schemeDoc(FLOWS.formatted("https://auth.example/token", "read: r, write: w, old: o")),
        schemeDoc(FLOWS.formatted("https://login.example/token", "read: r, admin: a")), true);
    assertThat(found).containsExactlyInAnyOrder(
        "WARNING request.security.url-changed @ (securitySchemes) security scheme oauth flow clientCredentials"
            + " tokenUrl [https://auth.example/token → https://login.example/token]",
        "BREAKING request.security.scope-removed @ (securitySchemes) security scheme oauth flow clientCredentials"
            + " scopes [old, read, write → admin, read]",
        "INFO request.security.scope-added @ (securitySchemes) security scheme oauth flow clientCredentials scopes"
            + " [old, read, write → admin, read]");
    VersionDiff d = compare(schemeDoc(FLOWS.formatted("https://auth.example/token", "read: r, write: w, old: o")),
        schemeDoc(FLOWS.formatted("https://auth.example/token", "read: r")));
    assertThat(d.changes()).singleElement().satisfies(c -> {
      assertThat(c.operation()).isEqualTo("security schemes");
      assertThat(fact(c, "meaning")).isEqualTo("a client that requests old, write is refused a token");
      assertThat(c.change().oldLocation().pointer())
          .isEqualTo("/components/securitySchemes/oauth/flows/clientCredentials/scopes");
    });
  }

  @Test
  void should_break_when_an_oauth_flow_is_removed_and_not_when_one_is_added() throws IOException {
    String two = FLOWS.formatted("https://auth.example/token", "read: r");
    String one = """
        type: oauth2
        flows:
          authorizationCode:
            authorizationUrl: https://auth.example/authorize
            tokenUrl: https://auth.example/token
            scopes: {read: r}
        """;
    assertThat(diff(schemeDoc(two), schemeDoc(one), true)).containsExactly("BREAKING request.security.flow-removed"
        + " @ (securitySchemes) security scheme oauth flow clientCredentials [clientCredentials → (absent)]");
    assertThat(diff(schemeDoc(one), schemeDoc(two), true)).containsExactly("INFO request.security.flow-added"
        + " @ (securitySchemes) security scheme oauth flow clientCredentials [(absent) → clientCredentials]");
  }

  @Test
  void should_warn_when_an_authorization_refresh_or_open_id_connect_url_changes() throws IOException {
    String code = "type: oauth2\nflows: {authorizationCode: {authorizationUrl: '%s', tokenUrl: 'https://a/t',"
        + " refreshUrl: '%s', scopes: {}}}\n";
    assertThat(diff(schemeDoc(code.formatted("https://a/auth", "https://a/r")),
        schemeDoc(code.formatted("https://b/auth", "https://b/r")), true)).containsExactly(
        "WARNING request.security.url-changed @ (securitySchemes) security scheme oauth flow authorizationCode"
            + " authorizationUrl [https://a/auth → https://b/auth]",
        "WARNING request.security.url-changed @ (securitySchemes) security scheme oauth flow authorizationCode"
            + " refreshUrl [https://a/r → https://b/r]");
    String oidc = "type: openIdConnect\nopenIdConnectUrl: '%s'\n";
    assertThat(diff(schemeDoc(oidc.formatted("https://a/.well-known/openid-configuration")),
        schemeDoc(oidc.formatted("https://b/.well-known/openid-configuration")), true)).containsExactly(
        "WARNING request.security.url-changed @ (securitySchemes) security scheme oauth openIdConnectUrl"
            + " [https://a/.well-known/openid-configuration → https://b/.well-known/openid-configuration]");
  }

  @Test
  void should_never_show_the_user_info_of_a_scheme_url() throws IOException {
    VersionDiff d = compare(schemeDoc(FLOWS.formatted("https://user:secret@auth.example/token", "read: r")),
        schemeDoc(FLOWS.formatted("https://user:s3cr@t/x@login.example/token", "read: r")));
    assertThat(d.changes()).singleElement().extracting(c -> c.change().message() + c.change().facts()).asString()
        .contains("https://auth.example/token", "https://login.example/token")
        .doesNotContain("secret", "user", "s3cr", "t/x");
    // Only the user-info differs: nothing a client configures changed, so nothing is reported.
    assertThat(compare(schemeDoc(FLOWS.formatted("https://user:secret@auth.example/token", "read: r")),
        schemeDoc(FLOWS.formatted("https://user:other@auth.example/token", "read: r"))).changes()).isEmpty();
  }

  private static String multipart(String headers) {
    return op("post", """
        requestBody:
          required: true
          content:
            multipart/form-data:
              schema: {type: object, properties: {file: {type: string, format: binary}}}
              encoding:
                file:
                  contentType: image/png
                  headers: {%s}
        """.formatted(headers));
  }

  @Test
  void should_compare_multipart_part_headers_like_request_headers() throws IOException {
    String part = "request body multipart/form-data part file header";
    assertThat(diff(multipart("X-Old: {schema: {type: string}}"),
        multipart("X-Old: {schema: {type: string}}, X-Tenant: {required: true, schema: {type: string}}")))
        .containsExactly("BREAKING request.body.part-header.required-added @ add-pet " + part + " X-Tenant [(absent) →"
            + " X-Tenant (required)]");
    assertThat(diff(multipart("X-Old: {schema: {type: string}}"), multipart("X-Trace: {schema: {type: string}}")))
        .containsExactlyInAnyOrder(
            "WARNING request.body.part-header.removed @ add-pet " + part + " X-Old [X-Old (optional) → (absent)]",
            "INFO request.body.part-header.added @ add-pet " + part + " X-Trace [(absent) → X-Trace (optional)]");
    assertThat(diff(multipart("X-Old: {schema: {type: string}}"),
        multipart("X-Old: {required: true, schema: {type: string}}")))
        .containsExactly("BREAKING request.body.part-header.required-added @ add-pet " + part + " X-Old [optional →"
            + " required]");
    assertThat(diff(multipart("X-Old: {required: true, schema: {type: string}}"),
        multipart("x-old: {schema: {type: string}}")))
        .containsExactly("INFO request.body.part-header.required-removed @ add-pet " + part + " X-Old [required →"
            + " optional]");
    // The consumer writes the header: a narrower schema breaks it, a wider one does not.
    assertThat(diff(multipart("X-Size: {schema: {type: number}}"), multipart("X-Size: {schema: {type: integer}}")))
        .singleElement().asString().startsWith("BREAKING request.")
        .contains("@ add-pet " + part + " X-Size [type number");
    assertThat(diff(multipart("X-Size: {schema: {type: integer}}"), multipart("X-Size: {schema: {type: number}}")))
        .allMatch(l -> l.startsWith("INFO "));
  }

  @Test
  void should_compare_a_response_header_described_by_content() throws IOException {
    String h = "'200': {description: ok, headers: {X-Meta: {content: {application/json: {schema: {type: %s}}}}}}\n";
    assertThat(diff(response(h.formatted("object")), response(h.formatted("array")))).containsExactly(
        "BREAKING response.type.changed @ list-pets response 200 header X-Meta [type object → type array]");
  }

  private static String response(String response) {
    return "paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n" + response.indent(8);
  }

  @Test
  void should_report_a_response_body_added_where_there_was_none_as_info_and_its_removal_as_breaking()
      throws IOException {
    String none = "'200': {description: ok}\n";
    String json = "'200': {description: ok, content: {application/json: {schema: {type: object}}}}\n";
    List<String> added = diff(response(none), response(json));
    assertThat(added).hasSize(1);
    assertThat(added.get(0)).startsWith("INFO response.body.added @ list-pets response 200 [(no body) → application/json");
    assertThat(diff(response(json), response(none))).hasSize(1).first().asString()
        .startsWith("BREAKING response.body.removed @ list-pets response 200 [application/json");
  }

  @Test
  void should_compare_response_headers_and_extra_media_types() throws IOException {
    String old = """
        '200':
          description: ok
          headers: {X-Rate: {schema: {type: integer}}, X-Old: {schema: {type: string}}}
          content:
            application/json: {schema: {type: object}}
            text/csv: {schema: {type: string}}
        """;
    String now = """
        '200':
          description: ok
          headers: {X-Rate: {schema: {type: string}}, X-New: {schema: {type: string}}}
          content:
            application/json: {schema: {type: object}}
        """;
    assertThat(diff(response(old), response(now))).containsExactlyInAnyOrder(
        "BREAKING response.media-type.removed @ list-pets response 200 [application/json, text/csv → application/json]",
        "WARNING response.header.removed @ list-pets response 200 header X-Old [X-Old → (absent)]",
        "INFO response.header.added @ list-pets response 200 header X-New [(absent) → X-New]",
        "BREAKING response.type.changed @ list-pets response 200 header X-Rate [type integer → type string]");
  }

  @Test
  void should_compare_default_and_range_responses_the_contract_leaves_out() throws IOException {
    String ok = "'200': {description: ok}\n";
    String err = "default: {description: e, content: {application/json: {schema: {type: object, properties: {code:"
        + " {type: %s}}}}}}\n";
    assertThat(diff(response(ok + err.formatted("integer")), response(ok))).containsExactly(
        "BREAKING response.status.removed @ list-pets response default [response default → (absent)]");
    assertThat(diff(response(ok + err.formatted("integer")), response(ok + err.formatted("string")))).containsExactly(
        "BREAKING response.type.changed @ list-pets response default application/json [type integer → type string]");
  }

  @Test
  void should_report_servers_callbacks_and_webhooks() throws IOException {
    String base = HEAD.formatted("X-Key") + "servers: [{url: '%s'}]\n" + """
        paths:
          /pets:
            post:
              operationId: addPet
              responses: {'201': {description: ok}}
        %s
        """;
    String cb = "      callbacks: {onAdded: {'{$request.body#/cb}': {post: {responses: {'200': {description: %s}}}}}}\n";
    String hook = "webhooks: {newPet: {post: {responses: {'200': {description: %s}}}}}\n";
    String old = base.formatted("https://a.example/v1", hook.formatted("ok")).replace(
        "      responses: {'201'", cb.formatted("ok") + "      responses: {'201'");
    assertThat(diff(old, base.formatted("https://a.example/v2", ""), true)).containsExactlyInAnyOrder(
        "BREAKING api.servers.path-changed @ (servers) servers [/v1 → /v2]",
        "WARNING callback.removed @ add-pet callback onAdded [onAdded → (absent)]",
        "WARNING webhook.removed @ (webhooks) webhook [newPet POST → (absent)]");
    String changed = base.formatted("https://b.example/v1", hook.formatted("changed")).replace(
        "      responses: {'201'", cb.formatted("changed") + "      responses: {'201'");
    assertThat(diff(old, changed, true)).containsExactlyInAnyOrder(
        "WARNING api.servers.changed @ (servers) servers [https://a.example/v1 → https://b.example/v1]",
        "WARNING callback.changed @ add-pet callback onAdded [onAdded → onAdded (changed)]",
        "WARNING webhook.changed @ (webhooks) webhook [newPet POST → newPet POST (changed)]");
  }

  @Test
  void should_follow_a_callback_given_as_a_ref_and_compare_server_variables() throws IOException {
    String doc = """
        openapi: 3.1.0
        info: {title: t, version: 1.0.0}
        servers:
          - url: 'https://{creds}@{region}.api.example/v1'
            variables:
              creds: {default: 'bob:hunter2'}
              region: {default: eu, enum: [%s]}
        components:
          callbacks:
            OnAdded: {'{$request.body#/cb}': {post: {responses: {'200': {description: %s}}}}}
        paths:
          /pets:
            post:
              operationId: addPet
              callbacks: {onAdded: {$ref: '#/components/callbacks/OnAdded'}}
              responses: {'201': {description: ok}}
        """;
    List<String> found = diff(doc.formatted("eu, us", "ok"), doc.formatted("eu", "changed"), true);
    assertThat(found).containsExactlyInAnyOrder(
        "WARNING api.servers.changed @ (servers) servers [https://{region}.api.example/v1 (region = eu of eu, us) →"
            + " https://{region}.api.example/v1 (region = eu of eu)]",
        "WARNING callback.changed @ add-pet callback onAdded [onAdded → onAdded (changed)]");
    assertThat(found.toString()).doesNotContain("hunter2", "bob");
  }

  @Test
  void should_read_the_servers_of_a_path_item_given_as_a_ref() throws IOException {
    String doc = """
        openapi: 3.1.0
        info: {title: t, version: 1.0.0}
        components:
          pathItems:
            Pets:
              servers: [{url: 'https://%s.example/v1'}]
              get: {operationId: listPets, responses: {'200': {description: ok}}}
        paths:
          /pets: {$ref: '#/components/pathItems/Pets'}
        """;
    assertThat(diff(doc.formatted("a"), doc.formatted("b"), true)).containsExactly(
        "WARNING api.servers.changed @ list-pets servers [https://a.example/v1 → https://b.example/v1]");
  }

  @Test
  void should_judge_a_header_of_a_default_response_that_stops_being_required() throws IOException {
    String r = "'200': {description: ok}\ndefault: {description: e, headers: {X-Request-Id: {required: %s, schema:"
        + " {type: string}}}}\n";
    assertThat(diff(response(r.formatted("true")), response(r.formatted("false")))).containsExactly(
        "BREAKING response.header.expectation-removed @ list-pets response default header X-Request-Id [required →"
            + " optional]");
    assertThat(diff(response(r.formatted("false")), response(r.formatted("true")))).containsExactly(
        "INFO response.header.expectation-added @ list-pets response default header X-Request-Id [optional →"
            + " required]");
  }

  @Test
  void should_never_show_the_user_info_of_a_server_url() throws IOException {
    String doc = HEAD.formatted("X-Key") + "servers: [{url: '%s'}]\n" + secured("");
    VersionDiff d = compare(doc.formatted("https://bob:hunter2@a.example/v1"),
        doc.formatted("https://bob:hunter3@b.example/v1"));
    assertThat(d.changes()).singleElement().extracting(c -> c.change().message()).asString()
        .contains("https://a.example/v1", "https://b.example/v1").doesNotContain("hunter", "bob");
  }

  @Test
  void should_label_changes_with_method_path_and_operation_id() throws IOException {
    VersionDiff d = compare(HEAD.formatted("X-Key") + secured(""), HEAD.formatted("X-Key") + secured("[{key: []}]"));
    assertThat(d.changes()).singleElement().extracting(EndpointChange::operation).isEqualTo("GET /pets (listPets)");
  }

  @Test
  void should_note_what_it_reads_only_in_part() throws IOException {
    Path o = Files.writeString(dir.resolve("n.yaml"), HEAD.formatted("X-Key") + """
        paths:
          /pets:
            trace: {responses: {'200': {description: ok}}}
            post:
              operationId: addPet
              callbacks: {onAdded: {'{$request.body#/cb}': {post: {responses: {'200': {description: ok}}}}}}
              responses: {'201': {description: ok, links: {self: {operationId: addPet}}}}
        """);
    ImportedVersion v = OpenApiImport.convert(o, "api", "1.0.0", Optional.empty());
    assertThat(v.diffNotes()).containsExactly("TRACE /pets: skipped (the contract format has no TRACE)",
        "1 callback(s) and 0 webhook operation(s) are compared as a whole: any change is one finding, not compared"
            + " schema by schema",
        "1 response link(s) are not compared: a changed or removed link is not reported");
  }
}
