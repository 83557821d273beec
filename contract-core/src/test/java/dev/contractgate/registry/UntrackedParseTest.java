package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Large descriptions are read without the position of every value (issue 15, speed); a duplicate key is still
 * refused naming both lines, exactly as a read with positions does.
 */
class UntrackedParseTest {

  private static LocatedDocument parse(String text, LocatedDocument.Syntax syntax, boolean positions) {
    return LocatedDocument.parse(syntax == LocatedDocument.Syntax.YAML ? "a.yaml" : "a.json",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), syntax, 64, positions);
  }

  @Test
  void a_duplicate_key_names_both_lines_with_and_without_positions() {
    String json = "{\n  \"a\": 1,\n  \"b\": {\"x\": 1},\n  \"a\": 2\n}\n";
    String yaml = "a: 1\nb: {x: 1}\nc:\n  d: 1\n  d: 2\n";
    for (boolean positions : new boolean[] {true, false}) {
      ContractException j = catchThrowableOfType(ContractException.class,
          () -> parse(json, LocatedDocument.Syntax.JSON, positions));
      assertThat(j.getMessage()).contains("a.json (line 4").contains("key \"a\" a second time (first at line 2)");
      ContractException y = catchThrowableOfType(ContractException.class,
          () -> parse(yaml, LocatedDocument.Syntax.YAML, positions));
      assertThat(y.getMessage()).contains("a.yaml (line 5").contains("key \"d\" a second time (first at line 4)");
    }
  }

  @Test
  void without_positions_the_tree_is_the_same_and_positions_are_empty() {
    String json = "{\"a\": [1, {\"b\": null}], \"c\": \"d\"}";
    LocatedDocument with = parse(json, LocatedDocument.Syntax.JSON, true);
    LocatedDocument without = parse(json, LocatedDocument.Syntax.JSON, false);
    assertThat(without.root()).isEqualTo(with.root());
    assertThat(with.position("/a/1/b")).isEqualTo("line 1, column 17");
    assertThat(without.position("/a/1/b")).isEmpty();
  }

  @Test
  void a_byte_that_is_not_utf8_is_placed_by_line_and_character_after_multibyte_text() {
    byte[] head = "a: \"äöü€😀\"\nb: \"äx".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = (byte) 0xF6;
    bytes[head.length + 1] = '"';
    bytes[head.length + 2] = '\n';
    ContractException e = catchThrowableOfType(ContractException.class, () -> LocatedDocument.parse("a.yaml",
        new ByteArrayInputStream(bytes), LocatedDocument.Syntax.YAML, 64, false));
    // "b: "äx" is six characters, so the bad byte is the seventh
    assertThat(e.where()).isEqualTo("line 2, column 7");
    assertThat(e.actual()).contains("0xF6");
  }

  @Test
  void positions_on_demand_are_those_of_a_read_with_positions() {
    String yaml = "openapi: 3.0.3\npaths:\n  /a:\n    get: {responses: {'200': {description: ok}}}\n";
    LocatedDocument eager = parse(yaml, LocatedDocument.Syntax.YAML, true);
    LocatedDocument lazy = LocatedDocument.parseWithPositionsOnDemand("a.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), LocatedDocument.Syntax.YAML, 64);
    assertThat(lazy.root()).isEqualTo(eager.root());
    for (String pointer : new String[] {"", "/paths/~1a/get", "/paths/~1a/get/responses/200/description", "/nope"}) {
      assertThat(lazy.position(pointer)).isEqualTo(eager.position(pointer));
    }
    assertThat(lazy.position("/paths/~1a/get")).isEqualTo("line 4, column 10");

    ContractException dup = catchThrowableOfType(ContractException.class, () -> LocatedDocument
        .parseWithPositionsOnDemand("a.yaml", new ByteArrayInputStream("a: 1\nb: 2\na: 3\n"
            .getBytes(StandardCharsets.UTF_8)), LocatedDocument.Syntax.YAML, 64));
    assertThat(dup.getMessage()).contains("line 3").contains("key \"a\" a second time (first at line 1)");
  }
}
