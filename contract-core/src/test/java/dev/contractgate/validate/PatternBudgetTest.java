package dev.contractgate.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.contractgate.diff.SchemaInput;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Patterns are the author's (on a pull request, anyone's) and values the backend's: a pattern that
 * backtracks without limit is stopped by a budget and reported at its JSON pointer, and ECMA-262 syntax that
 * Java lacks either works or is refused at load with the pointer and the pattern as written.
 */
class PatternBudgetTest {

  private static final Duration QUICKLY = Duration.ofSeconds(20);
  private static final String FILE = "shop/1.0.0/schemas/order.schema.json";

  @TempDir Path root;

  private ContractRegistry tree(String idSchema) {
    return ContractTree.in(root).withShop()
        .schema("shop", "1.0.0", "order.schema.json",
            "{\"type\": \"object\", \"properties\": {\"id\": " + idSchema + "}}")
        .load();
  }

  private static List<Violation> validate(ContractRegistry registry, String body) {
    return ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get", ObservedResponse.json(200, body))
        .violations();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "^(a+)+\\1$     | 40",
      "^(.*a){12}$    | 60",
  })
  void should_stop_a_pattern_that_backtracks_without_limit_and_name_its_pointer(String pattern, int length) {
    // GIVEN a pattern that takes exponential (or high polynomial) time on a value that almost matches
    ContractRegistry registry = tree("{\"type\": \"string\", \"pattern\": " + json(pattern.strip()) + "}");
    String value = "a".repeat(length - 1) + "b";
    // WHEN
    List<Violation> violations = assertTimeoutPreemptively(QUICKLY,
        () -> validate(registry, "{\"id\": \"" + value + "\"}"));
    // THEN
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("body.pattern-budget");
      assertThat(v.instancePointer()).isEqualTo("/id");
      assertThat(v.schemaLocation()).hasValueSatisfying(s -> assertThat(s.toString())
          .isEqualTo(FILE + "#/properties/id/pattern"));
      assertThat(v.expected()).contains("\"" + pattern.strip() + "\"").doesNotContain("\\z");
      assertThat(v.actual()).contains(length + " characters").contains("stopped after");
      assertThat(v.hint()).contains("(a+)+");
    });
  }

  @Test
  void should_still_match_a_long_value_with_an_ordinary_pattern() {
    // GIVEN a linear pattern and a value of 200 000 characters
    ContractRegistry registry = tree("{\"type\": \"string\", \"pattern\": \"^[a-z]+$\"}");
    // WHEN
    List<Violation> ok = validate(registry, "{\"id\": \"" + "a".repeat(200_000) + "\"}");
    List<Violation> bad = validate(registry, "{\"id\": \"" + "a".repeat(200_000) + "B\"}");
    // THEN
    assertThat(ok).isEmpty();
    assertThat(bad).singleElement().extracting(Violation::rule).isEqualTo("body.pattern");
  }

  @Test
  void should_stop_a_pattern_property_that_backtracks_on_a_property_name() {
    // GIVEN
    ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json", """
        {"type": "object", "properties": {"tags": {"type": "object",
          "patternProperties": {"^(a+)+\\\\1$": {"type": "string"}}}}}
        """);
    ContractRegistry registry = ContractRegistry.load(root);
    String name = "a".repeat(39) + "b";
    // WHEN
    List<Violation> violations = assertTimeoutPreemptively(QUICKLY,
        () -> validate(registry, "{\"tags\": {\"" + name + "\": 5}}"));
    // THEN
    assertThat(violations).anySatisfy(v -> {
      assertThat(v.rule()).isEqualTo("body.pattern-budget");
      assertThat(v.instancePointer()).isEqualTo("/tags/" + name);
      assertThat(v.expected()).contains("^(a+)+\\1$");
    });
  }

  @Test
  void should_stop_a_header_pattern_that_backtracks() {
    // GIVEN a header expectation with a pattern that backtracks without limit
    ContractTree.in(root).withShop().endpoints("shop", "1.0.0", """
        endpoints:
          - id: order.get
            method: GET
            path: orders/{id}
            responses:
              "200":
                schema: schemas/order.schema.json
                headers:
                  X-Trace: {pattern: "^(a+)+\\\\1$"}
        """);
    ContractRegistry registry = ContractRegistry.load(root);
    ObservedResponse response = new ObservedResponse(200,
        Map.of("Content-Type", List.of("application/json"), "X-Trace", List.of("a".repeat(39) + "b")), "{\"id\": 1}");
    // WHEN
    List<Violation> violations = assertTimeoutPreemptively(QUICKLY,
        () -> ResponseValidator.of(registry).validate("shop", "1.0.0", "order.get", response).violations());
    // THEN
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("header.pattern-budget");
      assertThat(v.instancePointer()).isEqualTo("header:X-Trace");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // pattern as written           | a value it accepts | a value it refuses
      "^a[^]b$                        | axb                | ab",
      "^x[]?$                         | x                  | xy",
      "^(?<a_b>x)\\k<a_b>$            | xx                 | xy",
      "^\\u{1F600}$                   | \uD83D\uDE00       | x",
      "^a{$                           | a{                 | aa",
      "^{x}$                          | '{x}'              | x",
      "^a{,2}$                        | 'a{,2}'            | aa",
      "^[[a]$                         | '['                | b",
      "^[a&&b]$                       | '&'                | c",
  })
  void should_read_ecma_262_syntax_that_java_lacks(String pattern, String accepted, String refused) {
    // GIVEN
    ContractRegistry registry = tree("{\"type\": \"string\", \"pattern\": " + json(pattern.strip()) + "}");
    // WHEN
    List<Violation> ok = validate(registry, "{\"id\": " + json(accepted) + "}");
    List<Violation> bad = validate(registry, "{\"id\": " + json(refused) + "}");
    // THEN
    assertThat(ok).as("accepts %s", accepted).isEmpty();
    assertThat(bad).as("refuses %s", refused).singleElement().extracting(Violation::rule).isEqualTo("body.pattern");
  }

  @Test
  void should_read_line_breaks_and_the_end_of_input_as_ecma_262_does() {
    // GIVEN [^] is any character, a line break too; $ is the end of the input, not before a final line break
    ContractRegistry registry = tree("{\"type\": \"string\", \"pattern\": \"^a[^]b$\"}");
    // WHEN
    List<Violation> lineBreak = validate(registry, "{\"id\": \"a\\nb\"}");
    List<Violation> finalBreak = validate(registry, "{\"id\": \"axb\\n\"}");
    // THEN
    assertThat(lineBreak).isEmpty();
    assertThat(finalBreak).singleElement().extracting(Violation::rule).isEqualTo("body.pattern");
  }

  @Test
  void should_refuse_a_pattern_that_cannot_be_run_at_load_with_pointer_and_pattern_as_written() {
    // GIVEN an unclosed group at the end of the pattern (the engine would see it ending in \z)
    ContractTree.in(root).withShop().schema("shop", "1.0.0", "order.schema.json", """
        {
          "type": "object",
          "properties": {
            "id": {"type": "string", "pattern": "^(ab$"}
          }
        }
        """);
    // WHEN
    ContractException e = ContractTree.in(root).loadFailure();
    // THEN
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.where()).startsWith("line 4, column ").endsWith(", at /properties/id/pattern");
    assertThat(e.actual()).startsWith("\"^(ab$\"").doesNotContain("\\z");
    assertThat(e.expected()).contains("ECMA-262");
  }

  @Test
  void should_refuse_the_same_pattern_in_a_bare_schema_file() throws IOException {
    // GIVEN the schema that the tree refuses, on its own
    Path file = Files.writeString(root.resolve("a.json"),
        "{\"properties\": {\"id\": {\"type\": \"string\", \"pattern\": \"^(ab$\"}}}");
    // WHEN
    Throwable thrown = catchThrowable(() -> SchemaInput.ofFile(file).documents().apply("a.json"));
    // THEN
    assertThat(thrown).isInstanceOf(ContractException.class).hasMessageContaining("/properties/id/pattern")
        .hasMessageContaining("\"^(ab$\"");
  }

  private static String json(String s) {
    return JsonNodeFactory.instance.stringNode(s).toString();
  }
}
