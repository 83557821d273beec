package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contractgate.diff.SchemaInput;
import dev.contractgate.testing.ContractTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file of a contract tree is read through its real path, which must stay inside the tree: a symbolic
 * link that leads out is refused, named as the link, never with its target's path or content.
 */
class TreeContainmentTest {

  private static final String SECRET = "TOPSECRET-4711";
  private static final String ORDER = "shop/1.0.0/schemas/order.schema.json";

  @TempDir Path tmp;
  Path tree;
  Path outside;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    outside = Files.createDirectories(tmp.resolve("private"));
    ContractTree.in(tree).withShop();
    // A JSON file the CI runner can read, and one that is not JSON at all.
    Files.writeString(outside.resolve("secret.json"),
        "{\"type\": \"object\", \"description\": \"" + SECRET + "\"}", StandardCharsets.UTF_8);
    Files.writeString(outside.resolve("passwd"), "rootsecret:x:0:0:" + SECRET + "\n", StandardCharsets.UTF_8);
  }

  private void link(String relative, Path target) throws IOException {
    Path p = tree.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.deleteIfExists(p);
    try {
      Files.createSymbolicLink(p, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not available here: " + e);
    }
  }

  private ContractException loadFailure() {
    Throwable thrown = catchThrowable(() -> ContractRegistry.load(tree));
    assertThat(thrown).isInstanceOf(ContractException.class);
    ContractException e = (ContractException) thrown;
    // Neither the target's path nor anything it holds.
    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(outside.toString()).doesNotContain("rootsecret")
        .doesNotContain("private");
    return e;
  }

  @Test
  void should_refuse_a_schema_that_links_to_a_json_file_outside_the_tree() throws IOException {
    // GIVEN
    link(ORDER, outside.resolve("secret.json"));
    // WHEN
    ContractException e = loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(ORDER);
    assertThat(e.getMessage()).contains("a symbolic link that leads outside the tree");
  }

  @Test
  void should_refuse_a_schema_that_links_to_a_file_that_is_not_json_without_quoting_it() throws IOException {
    // GIVEN
    link(ORDER, outside.resolve("passwd"));
    // WHEN
    ContractException e = loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(ORDER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop/namespace.yaml", "shop/1.0.0/endpoints.yaml", "contract-gate.yaml",
      "consumers/web.yaml", "shop/1.0.0/schemas/common.schema.json"})
  void should_refuse_any_file_of_the_tree_that_links_outside(String file) throws IOException {
    // GIVEN the file links out; the schema refers to common.schema.json so that $ref reaches it
    ContractTree.in(tree).schema("shop", "1.0.0", "order.schema.json",
        "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"common.schema.json\"}}}")
        .schema("shop", "1.0.0", "common.schema.json", "{\"type\": \"string\"}")
        .consumer("web", "namespace: shop\nversion: 1.0.0\n");
    // Each link leads to a valid file of its kind, which would load if links were followed.
    String valid = switch (file.substring(file.lastIndexOf('/') + 1)) {
      case "namespace.yaml" -> "basePath: /api/shop/\ndescription: " + SECRET + "\n";
      case "endpoints.yaml" -> ContractTree.SHOP_ENDPOINTS + "description: " + SECRET + "\n";
      case "contract-gate.yaml" -> "limits: {maxDepth: 50}\nseverities: {" + SECRET + ": off}\n";
      case "web.yaml" -> "namespace: shop\nversion: 1.0.0\nowners: [" + SECRET + "]\n";
      default -> Files.readString(outside.resolve("secret.json"));
    };
    Path target = Files.writeString(outside.resolve("valid-" + file.replace('/', '-')), valid);
    link(file, target);
    // WHEN
    ContractException e = loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(file);
  }

  @Test
  void should_name_the_linked_folder_when_a_folder_of_the_tree_links_outside() throws IOException {
    // GIVEN shop/1.0.0/schemas is a link to a folder outside that holds order.schema.json
    Files.copy(outside.resolve("secret.json"), outside.resolve("order.schema.json"));
    ContractTree.in(tree).delete(ORDER).delete("shop/1.0.0/schemas");
    link("shop/1.0.0/schemas", outside);
    // WHEN
    ContractException e = loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo("shop/1.0.0/schemas");
  }

  @Test
  void should_refuse_a_namespace_folder_that_links_outside_without_listing_it() throws IOException {
    // GIVEN a namespace folder that is a link to a folder outside
    Files.createDirectories(outside.resolve("some-private-folder"));
    Files.writeString(outside.resolve("namespace.yaml"), "basePath: /api/other/\n", StandardCharsets.UTF_8);
    link("other", outside);
    // WHEN
    ContractException e = loadFailure();
    // THEN
    assertThat(e.file()).startsWith("other");
    assertThat(e.getMessage()).doesNotContain("some-private-folder");
  }

  @Test
  void should_load_links_that_stay_inside_the_tree() throws IOException {
    // GIVEN the schema is a link to a file elsewhere in the tree
    ContractTree.in(tree).file("shop/1.0.0/shared/order.schema.json", ContractTree.ORDER_SCHEMA);
    link(ORDER, tree.resolve("shop/1.0.0/shared/order.schema.json"));
    // WHEN
    ContractRegistry registry = ContractRegistry.load(tree);
    // THEN
    assertThat(registry.schemaFiles()).contains(ORDER);
    assertThat(registry.compileAll()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_ref_of_a_bare_schema_file_through_a_link_out_of_its_folder() throws IOException {
    // GIVEN a.json refers to b.json, which links outside the folder
    Path dir = Files.createDirectories(tmp.resolve("bare"));
    Files.writeString(dir.resolve("a.json"), "{\"$ref\": \"b.json\"}");
    try {
      Files.createSymbolicLink(dir.resolve("b.json"), outside.resolve("secret.json"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not available here: " + e);
    }
    SchemaInput input = SchemaInput.ofFile(dir.resolve("a.json"));
    // WHEN
    Throwable thrown = catchThrowable(() -> input.documents().apply("b.json"));
    // THEN
    assertThat(thrown).isInstanceOf(ContractException.class).hasMessageContaining("b.json")
        .hasMessageContaining("symbolic link");
    assertThat(thrown.getMessage()).doesNotContain(SECRET).doesNotContain(outside.toString());
  }
}
