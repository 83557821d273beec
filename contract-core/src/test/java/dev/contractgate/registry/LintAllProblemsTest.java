package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.testing.ContractTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree with several independent problems reports all of them in one load (docs/contract-format.md, "Lint"),
 * each with its file and line and column; a tree with one problem reads exactly as before.
 */
class LintAllProblemsTest {

  @TempDir Path root;

  private ContractTree tree() {
    return ContractTree.in(root).withShop();
  }

  @Test
  void should_report_every_independent_problem_with_file_line_and_column() {
    ContractException e = tree()
        // 1: a second namespace whose namespace.yaml has a typo in a key
        .namespace("billing", "basePath: /api/billing/\ndescripion: Billing\n")
        .endpoints("billing", "1.0.0", ContractTree.SHOP_ENDPOINTS)
        .schema("billing", "1.0.0", "order.schema.json", ContractTree.ORDER_SCHEMA)
        // 2: a version of shop whose endpoints.yaml is not well-formed YAML
        .endpoints("shop", "1.1.0", "endpoints:\n  - id: order.get\n    method: \"GET\n")
        // 3: a consumer with a namespace typo
        .consumer("shop-web", "namespace: shpo\nversion: 1.0.0\n")
        // 4: a consumer reading an endpoint that does not exist
        .consumer("shop-app", "namespace: shop\nversion: 1.0.0\nreads:\n  order.gte: [/id]\n")
        .loadFailure();

    List<ContractException> problems = e.problems();
    assertThat(problems).extracting(ContractException::file).containsExactly(
        "billing/namespace.yaml", "shop/1.1.0/endpoints.yaml", "consumers/shop-app.yaml", "consumers/shop-web.yaml");
    assertThat(problems).allSatisfy(p -> assertThat(p.where()).matches("line \\d+, column \\d+.*"));
    assertThat(e.getMessage())
        .startsWith("Cannot load contract: 4 problems in ")
        .contains("1. Cannot load contract: billing/namespace.yaml (line 2, column 13, at /descripion)")
        .contains("did you mean \"description\"?")
        .contains("2. Cannot read YAML: shop/1.1.0/endpoints.yaml (line 4, column 1)")
        .contains("3. Cannot load contract: consumers/shop-app.yaml (line 4, column 14, at /reads/order.gte)")
        .contains("did you mean \"order.get\"?")
        .contains("4. Cannot load contract: consumers/shop-web.yaml (line 1, column 12, at /namespace)")
        .contains("did you mean \"shop\"?");
    // The accessors answer for the first problem.
    assertThat(e.file()).isEqualTo("billing/namespace.yaml");
  }

  @Test
  void should_throw_the_problem_itself_when_there_is_one() {
    ContractException e = tree().consumer("shop-web", "namespace: shpo\nversion: 1.0.0\n").loadFailure();

    assertThat(e.problems()).containsExactly(e);
    assertThat(e.getMessage()).startsWith("Cannot load contract: consumers/shop-web.yaml (line 1, column 12")
        .doesNotContain("problems in");
  }

  @Test
  void should_not_check_a_consumer_against_a_namespace_that_failed() {
    ContractException e = tree()
        .namespace("shop", "basePath: api/shop\n")
        .consumer("shop-web", "namespace: shop\nversion: 1.0.0\nreads:\n  order.get: [/nothing]\n")
        .loadFailure();

    // Only the namespace's own problem: "unknown namespace shop" would send the reader the wrong way.
    assertThat(e.problems()).hasSize(1);
    assertThat(e.file()).isEqualTo("shop/namespace.yaml");
  }

  @Test
  void should_not_check_a_consumer_against_a_version_that_failed_but_go_on_with_the_others() {
    ContractException e = tree()
        .endpoints("shop", "1.1.0", "endpoints: []\n")
        .consumer("shop-web", "namespace: shop\nversion: 1.1.0\n")
        .consumer("shop-app", "namespace: shop\nversion: 1.0.0\nowner: me\n")
        .loadFailure();

    assertThat(e.problems()).extracting(ContractException::file)
        .containsExactly("shop/1.1.0/endpoints.yaml", "consumers/shop-app.yaml");
    assertThat(e.getMessage()).contains("did you mean \"owners\"?");
  }

  @Test
  void should_keep_snakeyamls_actual_problem_and_where_it_is() {
    ContractException e = tree()
        .namespace("shop", "basePath: /api/shop/\ndescription: \"unclosed\nowners: [a]\n")
        .loadFailure();

    assertThat(e.where()).isEqualTo("line 4, column 1");
    // The problem, not only the context phrase ("while scanning a quoted scalar") SnakeYAML starts with.
    assertThat(e.actual()).startsWith("found unexpected end of stream")
        .contains("while scanning a quoted scalar started at line 2, column 14");
  }

  @Test
  void should_suggest_a_namespace_that_failed_to_load_for_a_consumer_typo() {
    ContractException e = tree()
        .namespace("shop", "basePath: /api/shop/\nowner: me\n")
        .consumer("shop-web", "namespace: shpo\nversion: 1.0.0\n")
        .loadFailure();

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(1).expected()).isEqualTo("one of the namespaces [shop]");
    assertThat(e.problems().get(1).hint()).startsWith("did you mean \"shop\"?");
  }

  @Test
  void should_suggest_nothing_when_no_name_is_close() {
    ContractException e = tree().consumer("shop-web", "namespace: warehouse\nversion: 1.0.0\n").loadFailure();

    assertThat(e.hint()).isEqualTo("fix the namespace id");
  }
}
