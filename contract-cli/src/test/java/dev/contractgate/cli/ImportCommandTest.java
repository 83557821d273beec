package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  static final String V1 = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      servers: [{url: 'https://shop.example.com/api/shop'}]
      paths:
        /orders/{id}:
          get:
            operationId: getOrder
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Order'}
      components:
        schemas:
          Order:
            type: object
            required: [id, total]
            properties:
              id: {type: string}
              total: {type: number, nullable: true}
            example: {id: '1', total: {$ref: '#/not/a/ref'}}
      """;

  @TempDir Path tmp;

  Path file(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void should_import_a_description_into_a_tree_that_lists() throws IOException {
    // GIVEN
    Path spec = file("shop.yaml", V1);
    Path out = tmp.resolve("contracts");
    // WHEN
    CliRun run = CliRun.run("import", "openapi", spec.toString(), "--namespace", "shop", "--version", "1.0.0",
        "--out", out.toString());
    // THEN
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("Imported " + spec + " as shop/1.0.0 into " + out + ": 1 endpoints, 2 schema files,"
        + " base path /api/shop/");
    assertThat(out.resolve("shop/1.0.0/schemas/components.schema.json")).exists();
    assertThat(out.resolve("shop/1.0.0/schemas/get-order.200.schema.json")).content()
        .contains("\"$ref\" : \"components.schema.json#/$defs/Order\"");
    CliRun list = CliRun.run("list", "--contracts", out.toString());
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out()).contains("get-order", "GET", "/api/shop/orders/{id}");
  }

  @Test
  void should_refuse_an_existing_version_without_force_with_a_hint() throws IOException {
    Path spec = file("shop.yaml", V1);
    String out = tmp.resolve("contracts").toString();
    assertThat(CliRun.run("import", "openapi", spec.toString(), "-n", "shop", "--version", "1.0.0", "--out", out)
        .exitCode()).isZero();
    // WHEN
    CliRun again = CliRun.run("import", "openapi", spec.toString(), "-n", "shop", "--version", "1.0.0", "--out", out);
    // THEN
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(again.err()).contains("it exists already", "hint    : pass --force to replace it");
    CliRun forced = CliRun.run("import", "openapi", spec.toString(), "-n", "shop", "--version", "1.0.0", "--out", out,
        "--force");
    assertThat(forced.exitCode()).as(forced.all()).isZero();
  }

  @Test
  void should_report_usage_errors_with_exit_code_2() throws IOException {
    Path spec = file("shop.yaml", V1);
    CliRun noNamespace = CliRun.run("import", "openapi", spec.toString(), "--version", "1.0.0", "--out", "x");
    assertThat(noNamespace.exitCode()).isEqualTo(2);
    assertThat(noNamespace.err()).contains("Missing required option: '--namespace=NS'");
    CliRun badVersion = CliRun.run("import", "openapi", spec.toString(), "-n", "shop", "--version", "v1", "--out", "x");
    assertThat(badVersion.exitCode()).isEqualTo(2);
    assertThat(badVersion.err()).contains("--version must be a semantic version");
    assertThat(CliRun.run("import").exitCode()).isEqualTo(2);
  }

  @Test
  void should_refuse_a_remote_ref_with_exit_code_3_naming_the_pointer() throws IOException {
    Path spec = file("remote.yaml", V1.replace("id: {type: string}\n", "id: {$ref: 'https://example.com/id.json'}\n"));
    CliRun run = CliRun.run("import", "openapi", spec.toString(), "-n", "shop", "--version", "1.0.0", "--out",
        tmp.resolve("contracts").toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("Cannot import OpenAPI description: " + spec,
        "/components/schemas/Order/properties/id/$ref", "a remote reference");
    assertThat(tmp.resolve("contracts/shop")).doesNotExist();
  }

  @Test
  void should_diff_two_openapi_descriptions() throws IOException {
    // GIVEN: the new version drops the required response property "total"
    Path oldSpec = file("v1.yaml", V1);
    Path newSpec = file("v2.json", """
        {"openapi": "3.1.0", "info": {"title": "Shop", "version": "1.1.0"},
         "servers": [{"url": "https://shop.example.com/api/shop"}],
         "paths": {"/orders/{id}": {"get": {"operationId": "getOrder",
           "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
             "type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}}}}}}}
        """);
    // WHEN
    CliRun run = CliRun.run("diff", oldSpec.toString(), newSpec.toString(), "--namespace", "shop");
    // THEN
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("shop 1.0.0 -> 1.1.0", "GET /orders/{id} (getOrder)",
        "response.property.required-removed");
    CliRun same = CliRun.run("diff", oldSpec.toString(), oldSpec.toString());
    assertThat(same.exitCode()).as(same.all()).isZero();
    assertThat(same.out()).contains("api 0.0.0-old -> 0.0.0-new");
  }

  @Test
  void should_refuse_to_diff_an_openapi_description_against_a_bare_schema() throws IOException {
    CliRun run = CliRun.run("diff", file("v1.yaml", V1).toString(), file("s.json", "{\"type\":\"string\"}").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("OLD is an OpenAPI description but NEW is not");
  }
}
