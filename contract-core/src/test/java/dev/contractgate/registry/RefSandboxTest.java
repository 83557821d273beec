package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.networknt.schema.Schema;
import dev.contractgate.testing.ContractTree;
import dev.contractgate.testing.TrapServer;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import dev.contractgate.validate.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code $ref} resolves only inside the contract tree, at load time and inside networknt. */
@Timeout(20)
class RefSandboxTest {

  private static final String ORDER_FILE = "shop/1.0.0/schemas/order.schema.json";

  @TempDir Path tmp;
  private Path root;

  @BeforeEach
  void createRoot() throws Exception {
    root = Files.createDirectories(tmp.resolve("tree"));
  }

  private ContractTree treeWithOrderSchema(String json) {
    return ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json", json);
  }

  private static String orderSchemaWithRef(String ref) {
    return """
        {
          "type": "object",
          "properties": {
            "id": {"type": "integer"},
            "customer": {"$ref": "%s"}
          }
        }
        """.formatted(ref);
  }

  @Nested
  class RefusedAtLoad {

    @Test
    void should_refuse_an_http_ref_without_connecting() {
      try (TrapServer trap = TrapServer.start()) {
        // GIVEN
        String url = trap.url("/x.json");
        ContractTree tree = treeWithOrderSchema(orderSchemaWithRef(url));
        // WHEN
        ContractException e = tree.loadFailure();
        // THEN
        assertThat(e.file()).isEqualTo(ORDER_FILE);
        assertThat(e.where()).isEqualTo("line 5, column 26, at /properties/customer/$ref");
        assertThat(e.getMessage())
            .contains("expected: a $ref to a schema inside the contract tree")
            .contains("but was : \"" + url + "\": a remote reference")
            .contains("hint    : $ref resolves only inside the contract tree; copy the schema into the tree");
        assertThat(trap.connections()).as("connections to the trap socket").isZero();
      }
    }

    @Test
    void should_refuse_an_https_ref_without_connecting() {
      try (TrapServer trap = TrapServer.start()) {
        // GIVEN
        String url = "https://127.0.0.1:" + trap.port() + "/x.json";
        ContractTree tree = treeWithOrderSchema(orderSchemaWithRef(url));
        // WHEN
        ContractException e = tree.loadFailure();
        // THEN
        assertThat(e.getMessage()).contains("but was : \"" + url + "\": a remote reference");
        assertThat(trap.connections()).isZero();
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "urn:x", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
        "jar:file:/tmp/x.jar!/a.json", "C:/schemas/a.json"})
    void should_refuse_a_ref_with_a_scheme(String ref) {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef(ref));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(ORDER_FILE);
      assertThat(e.where()).endsWith("at /properties/customer/$ref");
      assertThat(e.getMessage()).contains("but was : \"" + ref + "\": a remote reference");
    }

    @Test
    void should_refuse_a_relative_ref_that_leaves_the_tree() throws Exception {
      // GIVEN
      Files.writeString(tmp.resolve("outside.json"), "{\"type\": \"object\"}");
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("../../../../outside.json"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(ORDER_FILE);
      assertThat(e.where()).isEqualTo("line 5, column 26, at /properties/customer/$ref");
      assertThat(e.getMessage())
          .contains("but was : \"../../../../outside.json\": a path that leaves the contract tree")
          .contains("hint    : keep shared schemas inside the contract tree");
    }

    @Test
    void should_refuse_a_percent_encoded_ref_that_leaves_the_tree() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside.json"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage()).contains("a path that leaves the contract tree");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "//127.0.0.1:9/x.json"})
    void should_refuse_an_absolute_path_ref(String ref) {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef(ref));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage())
          .contains("but was : \"" + ref + "\": an absolute path")
          .contains("hint    : write the path relative to the file that holds the $ref");
    }

    @Test
    void should_refuse_a_malformed_percent_encoding() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("common%zz.schema.json"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(ORDER_FILE);
      assertThat(e.getMessage())
          .contains("but was : \"common%zz.schema.json\": a malformed percent-encoding")
          .contains("hint    : write '%' followed by two hex digits");
    }

    @Test
    void should_refuse_id_in_a_subschema() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema("""
          {
            "$id": "https://shop.example/order.json",
            "type": "object",
            "properties": {
              "customer": {
                "$id": "https://evil.example/customer.json",
                "type": "object"
              }
            }
          }
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(ORDER_FILE);
      assertThat(e.where()).isEqualTo("line 6, column 14, at /properties/customer/$id");
      assertThat(e.getMessage())
          .contains("expected: a relative $id below the root of a schema file")
          .contains("but was : \"https://evil.example/customer.json\"")
          .contains("hint    : write the $id relative to the file's own");
    }

    @Test
    void should_refuse_a_pure_ref_cycle_between_two_files() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema("{\"$ref\": \"b.schema.json\"}")
          .schema("shop", "1.0.0", "b.schema.json", "{\"$ref\": \"order.schema.json\"}");
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isIn(ORDER_FILE, "shop/1.0.0/schemas/b.schema.json");
      assertThat(e.where()).endsWith("at /$ref");
      assertThat(e.getMessage())
          .contains("but was : ")
          .contains("a cycle of references that never reaches a schema")
          .contains("hint    : one of the schemas in the cycle must define something besides $ref");
    }

    @Test
    void should_refuse_a_pure_ref_cycle_inside_one_file() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema("""
          {
            "type": "object",
            "properties": {"a": {"$ref": "#/$defs/A"}},
            "$defs": {
              "A": {"$ref": "#/$defs/B"},
              "B": {"$ref": "#/$defs/A"}
            }
          }
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.file()).isEqualTo(ORDER_FILE);
      assertThat(e.getMessage()).contains("a cycle of references that never reaches a schema");
    }

    @Test
    void should_refuse_an_anchor_fragment_that_no_anchor_defines() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("#foo"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.where()).isEqualTo("line 5, column 26, at /properties/customer/$ref");
      assertThat(e.getMessage())
          .contains("but was : \"#foo\": a plain-name fragment \"#foo\" that no $anchor of")
          .contains("hint    : add \"$anchor\": \"foo\" to the schema it names");
    }

    @Test
    void should_refuse_a_ref_to_a_missing_file() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("customer.schema.json"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage())
          .contains("but was : \"customer.schema.json\": a file that does not exist (shop/1.0.0/schemas/customer.schema.json)")
          .contains("hint    : create the file or fix the path; it is relative to " + ORDER_FILE);
    }

    @Test
    void should_refuse_a_ref_to_a_missing_pointer() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("#/$defs/Customer"));
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage())
          .contains("but was : \"#/$defs/Customer\": a pointer that does not exist in " + ORDER_FILE)
          .contains("hint    : fix the fragment after '#'");
    }

    @Test
    void should_check_a_ref_under_a_property_named_like_a_data_keyword() {
      // GIVEN a property called "default": its value is a schema, not data
      ContractTree tree = treeWithOrderSchema("""
          {
            "type": "object",
            "properties": {
              "default": {"$ref": "missing.schema.json"}
            }
          }
          """);
      // WHEN
      ContractException e = tree.loadFailure();
      // THEN
      assertThat(e.getMessage())
          .startsWith("Cannot load contract")
          .contains("at /properties/default/$ref")
          .contains("a file that does not exist (shop/1.0.0/schemas/missing.schema.json)");
    }

    @Test
    void should_refuse_a_remote_dynamic_ref_without_connecting() {
      try (TrapServer trap = TrapServer.start()) {
        // GIVEN
        String url = trap.url("/x.json");
        ContractTree tree = treeWithOrderSchema("{\"properties\": {\"a\": {\"$dynamicRef\": \"" + url + "\"}}}");
        // WHEN
        ContractException e = tree.loadFailure();
        // THEN
        assertThat(e.where()).endsWith("at /properties/a/$dynamicRef");
        assertThat(e.getMessage()).contains("but was : \"" + url + "\": a remote reference");
        assertThat(trap.connections()).isZero();
      }
    }

    @Test
    void should_not_treat_a_ref_inside_examples_as_a_reference() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema("""
          {
            "type": "object",
            "examples": [{"$ref": "http://127.0.0.1:9/not-a-reference.json"}],
            "properties": {"id": {"type": "integer", "default": {"$ref": "urn:data"}}}
          }
          """);
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.compileAll()).isEqualTo(1);
    }
  }

  @Nested
  class ResolvedInsideTheTree {

    @Test
    void should_load_a_relative_ref_to_another_file_and_a_same_file_ref() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema("""
          {
            "type": "object",
            "required": ["customer", "lines"],
            "properties": {
              "customer": {"$ref": "common.schema.json#/$defs/Customer"},
              "lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}}
            },
            "$defs": {
              "Line": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}
            }
          }
          """).schema("shop", "1.0.0", "common.schema.json", """
          {"$defs": {"Customer": {"type": "object", "required": ["email"],
            "properties": {"email": {"type": "string"}}}}}
          """);
      // WHEN
      ContractRegistry registry = tree.load();
      ValidationResult ok = ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
          ObservedResponse.json(200, "{\"customer\": {\"email\": \"a@b.c\"}, \"lines\": [{\"sku\": \"X1\"}]}"));
      ValidationResult bad = ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
          ObservedResponse.json(200, "{\"customer\": {}, \"lines\": [{\"sku\": 7}]}"));
      // THEN
      assertThat(registry.schemaFiles())
          .containsExactly("shop/1.0.0/schemas/common.schema.json", ORDER_FILE);
      assertThat(ok.violations()).isEmpty();
      assertThat(bad.violations()).extracting(Violation::instancePointer, v -> v.schemaLocation().orElseThrow().toString())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("/customer/email",
                  "shop/1.0.0/schemas/common.schema.json#/$defs/Customer/required"),
              org.assertj.core.groups.Tuple.tuple("/lines/0/sku", ORDER_FILE + "#/$defs/Line/properties/sku/type"));
    }

    @Test
    void should_load_a_ref_through_a_parent_folder_inside_the_tree() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema(orderSchemaWithRef("../shared/customer.schema.json"))
          .file("shop/1.0.0/shared/customer.schema.json", "{\"type\": \"object\"}");
      // WHEN
      ContractRegistry registry = tree.load();
      // THEN
      assertThat(registry.schemaFiles()).contains("shop/1.0.0/shared/customer.schema.json");
      assertThat(ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
          ObservedResponse.json(200, "{\"customer\": []}")).violations())
          .singleElement().satisfies(v -> assertThat(v.schemaLocation()).hasValueSatisfying(
              s -> assertThat(s).hasToString("shop/1.0.0/shared/customer.schema.json#/type")));
    }

    @Test
    void should_validate_a_deep_tree_with_a_recursive_schema() {
      // GIVEN
      ContractTree tree = treeWithOrderSchema("""
          {
            "type": "object",
            "required": ["comments"],
            "properties": {"comments": {"type": "array", "items": {"$ref": "#/$defs/Comment"}}},
            "$defs": {
              "Comment": {
                "type": "object",
                "required": ["text", "replies"],
                "properties": {
                  "text": {"type": "string"},
                  "replies": {"type": "array", "items": {"$ref": "#/$defs/Comment"}}
                }
              }
            }
          }
          """);
      ContractRegistry registry = tree.load();
      int depth = 40;
      // WHEN
      ValidationResult ok = ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
          ObservedResponse.json(200, "{\"comments\": [" + replyChain(depth, "\"deepest\"") + "]}"));
      ValidationResult bad = ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get",
          ObservedResponse.json(200, "{\"comments\": [" + replyChain(depth, "42") + "]}"));
      // THEN
      assertThat(ok.violations()).isEmpty();
      String deepest = "/comments/0" + "/replies/0".repeat(depth - 1) + "/text";
      assertThat(bad.violations()).singleElement().satisfies(v -> {
        assertThat(v.instancePointer()).isEqualTo(deepest);
        assertThat(v.rule()).isEqualTo("body.type");
        assertThat(v.schemaLocation()).hasValueSatisfying(
            s -> assertThat(s).hasToString(ORDER_FILE + "#/$defs/Comment/properties/text/type"));
      });
    }

    /** {@code depth} nested comments, each with one reply; the innermost has {@code text}. */
    private String replyChain(int depth, String innermostText) {
      String c = "{\"text\": " + innermostText + ", \"replies\": []}";
      for (int i = 1; i < depth; i++) {
        c = "{\"text\": \"level " + i + "\", \"replies\": [" + c + "]}";
      }
      return c;
    }
  }

  @Nested
  class NetworkntAlone {

    private static final JsonMapper JSON = JsonMapper.shared();

    private Throwable compileAndValidate(String document, String instance) {
      SchemaCompiler compiler = new SchemaCompiler(Map.of("a.schema.json", JSON.readTree(document)));
      return catchThrowable(() -> {
        Schema schema = compiler.compile(SourceLocation.of("a.schema.json"));
        List<?> errors = schema.validate(JSON.readTree(instance));
        if (!errors.isEmpty()) {
          throw new AssertionError("violations: " + errors);
        }
      });
    }

    @Test
    void should_not_fetch_a_root_ref_to_a_loopback_socket() {
      try (TrapServer trap = TrapServer.start()) {
        // GIVEN a document the loader never saw
        String doc = "{\"$ref\": \"" + trap.url("/x.json") + "\"}";
        // WHEN
        Throwable failure = compileAndValidate(doc, "{\"a\": 1}");
        // THEN
        assertThat(failure).as("compiling or validating must fail").isNotNull();
        assertThat(failure).hasMessageContaining(trap.url("/x.json"));
        assertThat(trap.connections()).as("connections to the trap socket").isZero();
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"properties\": {\"a\": {\"$ref\": \"URL\"}}}",
        "{\"properties\": {\"a\": {\"$dynamicRef\": \"URL\"}}}",
        "{\"$schema\": \"URL\", \"type\": \"object\"}",
        "{\"$id\": \"URL\", \"properties\": {\"a\": {\"$ref\": \"x.json\"}}}",
        "{\"properties\": {\"a\": {\"$id\": \"URL\", \"properties\": {\"b\": {\"$ref\": \"y.json\"}}}}}"})
    void should_not_fetch_any_remote_iri(String template) {
      try (TrapServer trap = TrapServer.start()) {
        // GIVEN
        String doc = template.replace("URL", trap.url("/x.json"));
        // WHEN
        Throwable failure = compileAndValidate(doc, "{\"a\": {\"b\": 1}}");
        // THEN
        assertThat(failure).as("compiling or validating %s must fail", doc).isNotNull();
        assertThat(trap.connections()).as("connections to the trap socket").isZero();
      }
    }

    @Test
    void should_refuse_to_compile_a_file_that_was_not_registered() {
      // GIVEN
      SchemaCompiler compiler = new SchemaCompiler(Map.of("a.schema.json", JSON.readTree("{}")));
      // WHEN
      Throwable failure = catchThrowable(() -> compiler.compile(SourceLocation.of("../etc/passwd")));
      // THEN
      assertThat(failure).isInstanceOf(ContractException.class)
          .hasMessageContaining("expected: a schema file registered in the contract tree");
    }

    @Test
    void should_map_schema_locations_back_into_the_tree() {
      // GIVEN
      JsonNode doc = JSON.readTree("{\"properties\": {\"a\": {\"type\": \"string\"}}}");
      Schema schema = new SchemaCompiler(Map.of("ns/1.0.0/schemas/a.json", doc))
          .compile(SourceLocation.of("ns/1.0.0/schemas/a.json"));
      // WHEN
      var error = schema.validate(JSON.readTree("{\"a\": 1}")).get(0);
      // THEN
      assertThat(SchemaCompiler.toSource(error.getSchemaLocation()))
          .isEqualTo(new SourceLocation("ns/1.0.0/schemas/a.json", "/properties/a/type"));
    }
  }

  @Test
  void should_fail_compile_all_without_connecting_for_a_remote_meta_schema() {
    try (TrapServer trap = TrapServer.start()) {
      // GIVEN
      ContractRegistry registry = treeWithOrderSchema(
          "{\"$schema\": \"" + trap.url("/meta") + "\", \"type\": \"object\"}").load();
      // WHEN
      Throwable failure = catchThrowable(registry::compileAll);
      // THEN
      assertThat(failure).isInstanceOf(ContractException.class)
          .hasMessageStartingWith("Cannot compile schema: " + ORDER_FILE)
          .hasMessageContaining("is not allowed to be loaded");
      assertThat(trap.connections()).isZero();
    }
  }
}
