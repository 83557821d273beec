package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code diff} of two OpenAPI descriptions as a user runs it: relative paths, the changelog, the notes. */
class OpenApiDiffCommandTest {

  @TempDir Path dir;

  /** {@code ops} operations; the first {@code removed} are left out, and {@code listPets} gets a required header. */
  static String description(int ops, int removed, boolean changed) {
    StringBuilder b = new StringBuilder("openapi: 3.0.3\ninfo: {title: t, version: "
        + (changed ? "2.0.0" : "1.0.0") + "}\npaths:\n");
    b.append("  /pets:\n    get:\n      operationId: listPets\n");
    if (changed) {
      b.append("      parameters: [{name: X-Tenant, in: header, required: true, schema: {type: string}}]\n");
    }
    b.append("      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}\n");
    for (int i = removed; i < ops; i++) {
      b.append("  /items").append(i).append("/{id}:\n    get:\n      operationId: getItem").append(i).append('\n')
          .append("      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n")
          .append("      responses: {'200': {description: ok, content: {application/json: {schema: {type: object,"
              + " properties: {name: {type: string}}}}}}}\n");
    }
    return b.toString();
  }

  /** The temp dir as a path relative to the working directory: it goes up ("../../tmp/..."). */
  private Path relative(Path p) {
    return Path.of("").toAbsolutePath().relativize(p);
  }

  @Test
  void should_read_descriptions_given_with_parent_directory_segments() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("old.yaml"), description(3, 0, false));
    Files.writeString(dir.resolve("new.yaml"), description(3, 0, true));
    Path old = relative(sub).resolve("../old.yaml");
    Path now = relative(sub).resolve("../new.yaml");
    assertThat(old.toString()).contains("..");
    CliRun run = CliRun.run("diff", old.toString(), now.toString());
    assertThat(run.err()).doesNotContain("unreadable");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("BREAKING request.parameter.required-added  GET /pets (listPets)  request header"
        + " X-Tenant: (absent) → header X-Tenant (required)");
  }

  @Test
  void should_name_the_old_description_first_when_both_are_broken() throws IOException {
    // the two imports run side by side; the errors still come in the order the user gave the files
    Path old = Files.writeString(dir.resolve("old.yaml"), description(2, 0, false).replace("paths:", "paths: [oops"));
    Path now = Files.writeString(dir.resolve("new.yaml"), description(2, 0, true).replace("paths:", "paths: [oops"));
    CliRun run = CliRun.run("diff", old.toString(), now.toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("old.yaml").doesNotContain("new.yaml");

    Path good = Files.writeString(dir.resolve("good.yaml"), description(2, 0, false));
    CliRun second = CliRun.run("diff", good.toString(), now.toString());
    assertThat(second.exitCode()).as(second.all()).isEqualTo(3);
    assertThat(second.err()).contains("new.yaml");
  }

  @Test
  void should_read_schema_files_given_with_parent_directory_segments() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.json"), "{\"type\": \"string\"}");
    Files.writeString(dir.resolve("b.json"), "{\"type\": \"integer\"}");
    CliRun run = CliRun.run("diff", relative(sub) + "/../a.json", relative(sub) + "/../b.json");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("BREAKING response.type.changed").doesNotContain("unreadable");
  }

  @Test
  void should_still_confine_refs_of_a_schema_given_with_parent_segments_to_its_folder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("in/sub"));
    Files.writeString(dir.resolve("secret.json"), "{\"type\": \"string\"}");
    Files.writeString(dir.resolve("in/a.json"), "{\"$ref\": \"../secret.json\"}");
    Files.writeString(dir.resolve("in/b.json"), "{\"type\": \"integer\"}");
    CliRun run = CliRun.run("diff", relative(sub) + "/../a.json", relative(sub) + "/../b.json");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
  }

  @Test
  void should_report_thirty_removed_operations_in_about_one_line_each() throws IOException {
    Path old = Files.writeString(dir.resolve("old.yaml"), description(40, 0, false));
    Path now = Files.writeString(dir.resolve("new.yaml"), description(40, 30, true));
    CliRun run = CliRun.run("diff", old.toString(), now.toString());
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).contains("FAILED: 31 breaking changes, 0 warnings, 0 safe changes");
    assertThat(lines.stream().filter(l -> l.startsWith("BREAKING endpoint.removed  GET /items")).count()).isEqualTo(30);
    assertThat(lines).contains("BREAKING endpoint.removed  GET /items7/{id} (getItem7)");
    // 31 changes, the summary line, blank lines, the legend (its hint wrapped at 100 columns) and the pointer to
    // the details.
    assertThat(lines).as(run.out()).hasSizeLessThanOrEqualTo(31 + 11);
    assertThat(run.out()).containsOnlyOnce("undo the change in this major version");
  }

  @Test
  void should_show_details_with_verbose() throws IOException {
    Path old = Files.writeString(dir.resolve("old.yaml"), description(1, 0, false));
    Path now = Files.writeString(dir.resolve("new.yaml"), description(1, 0, true));
    CliRun run = CliRun.run("diff", "--verbose", old.toString(), now.toString());
    assertThat(run.out()).contains("GET /pets (listPets)\n  BREAKING request.parameter.required-added  request header",
        "meaning : an old consumer does not send it and is refused",
        "accept  : rule: request.parameter.required-added, location: api/2.0.0/list-pets");
  }

  @Test
  void should_put_the_import_notes_with_a_count_in_every_format() throws IOException {
    String trace = "  /t:\n    trace: {responses: {'200': {description: ok}}}\n";
    Path old = Files.writeString(dir.resolve("old.yaml"), description(1, 0, false) + trace);
    Path now = Files.writeString(dir.resolve("new.yaml"), description(1, 0, true) + trace);
    String note = "both: TRACE /t: skipped (the contract format has no TRACE)";
    CliRun text = CliRun.run("diff", old.toString(), now.toString());
    assertThat(text.out()).contains("1 note on what the import skipped, derived or reads only in part:\n" + note);
    CliRun md = CliRun.run("diff", "--format", "markdown", old.toString(), now.toString());
    assertThat(md.out()).contains("1 note on what the import skipped", "TRACE /t: skipped");
    CliRun html = CliRun.run("diff", "--format", "html", old.toString(), now.toString());
    assertThat(html.out()).contains("1 note on what the import skipped", "TRACE /t: skipped");
    CliRun json = CliRun.run("diff", "--format", "json", old.toString(), now.toString());
    JsonNode report = Json.MAPPER.readTree(json.out());
    assertThat(report.path("notes").get(0).asString()).startsWith("1 note on what the import skipped");
    assertThat(report.path("notes").get(1).asString()).isEqualTo(note);
    JsonNode finding = report.path("entries").get(0).path("findings").get(0);
    assertThat(finding.path("facts").toString()).contains("\"operation\"", "GET /pets (listPets)");
  }

  @Test
  void should_list_operations_in_natural_order_in_every_format() throws IOException {
    Path old = Files.writeString(dir.resolve("old.yaml"), description(12, 0, false));
    Path now = Files.writeString(dir.resolve("new.yaml"), description(12, 12, false));
    String text = CliRun.run("diff", old.toString(), now.toString()).out();
    assertThat(text.indexOf("GET /items2/{id}")).isPositive().isLessThan(text.indexOf("GET /items10/{id}"));
    assertThat(text.indexOf("GET /items9/{id}")).isLessThan(text.indexOf("GET /items10/{id}"));
    for (String format : List.of("markdown", "html", "json", "sarif")) {
      String out = CliRun.run("diff", "--format", format, old.toString(), now.toString()).out();
      assertThat(out.indexOf("items9")).as(format).isPositive().isLessThan(out.indexOf("items10"));
    }
  }

  /** Both OAuth flows' URLs and the OpenID Connect URL carry user-info; the token URL moves, a scope goes. */
  private static String oauth(String host, String scopes, boolean json) {
    String token = "https://user:secret@" + host + "/token";
    String oidc = "https://admin:hunter2@" + host + "/.well-known/openid-configuration";
    if (json) {
      return """
          {"openapi": "3.0.3", "info": {"title": "t", "version": "1.0.0"},
           "components": {"securitySchemes": {
             "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "%s", "scopes": {%s}}}},
             "oidc": {"type": "openIdConnect", "openIdConnectUrl": "%s"}}},
           "security": [{"oauth": []}],
           "paths": {"/pets": {"get": {"operationId": "listPets",
             "responses": {"200": {"description": "ok"}}}}}}
          """.formatted(token, scopes.replaceAll("(\\w+)", "\"$1\": \"s\""), oidc);
    }
    return """
        openapi: 3.0.3
        info: {title: t, version: 1.0.0}
        components:
          securitySchemes:
            oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: '%s', scopes: {%s}}}}
            oidc: {type: openIdConnect, openIdConnectUrl: '%s'}
        security: [{oauth: []}]
        paths:
          /pets: {get: {operationId: listPets, responses: {'200': {description: ok}}}}
        """.formatted(token, scopes.replaceAll("(\\w+)", "$1: s"), oidc);
  }

  @Test
  void should_never_show_the_user_info_of_an_oauth_url_in_any_format() throws IOException {
    for (String ext : List.of("yaml", "json")) {
      boolean json = ext.equals("json");
      Path old = Files.writeString(dir.resolve("old." + ext), oauth("auth.example", "read, write", json));
      Path now = Files.writeString(dir.resolve("new." + ext), oauth("login.example", "read", json));
      CliRun text = CliRun.run("diff", "--verbose", old.toString(), now.toString());
      assertThat(text.exitCode()).as(text.all()).isEqualTo(1);
      assertThat(text.out()).contains("security schemes",
          "WARNING request.security.url-changed  security scheme oauth flow clientCredentials tokenUrl:"
              + " https://auth.example/token → https://login.example/token",
          "BREAKING request.security.scope-removed  security scheme oauth flow clientCredentials scopes: read, write"
              + " → read",
          "https://login.example/.well-known/openid-configuration");
      for (String format : List.of("text", "markdown", "html", "json", "sarif", "junit")) {
        CliRun run = CliRun.run("diff", "--verbose", "--format", format, old.toString(), now.toString());
        assertThat(run.exitCode()).as(format).isEqualTo(1);
        assertThat(run.all()).as(ext + " " + format).contains("login.example")
            .doesNotContain("secret", "hunter2", "user:", "admin:");
      }
    }
  }
}
