package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceLocationTest {

  @Test
  void should_parse_a_file_with_a_pointer() {
    // WHEN
    SourceLocation l = SourceLocation.parse("ivanpin/1.0.0/schemas/common.schema.json#/$defs/Author");
    // THEN
    assertThat(l.file()).isEqualTo("ivanpin/1.0.0/schemas/common.schema.json");
    assertThat(l.pointer()).isEqualTo("/$defs/Author");
    assertThat(l).hasToString("ivanpin/1.0.0/schemas/common.schema.json#/$defs/Author");
  }

  @Test
  void should_parse_a_file_without_or_with_an_empty_fragment_as_the_root() {
    // THEN
    assertThat(SourceLocation.parse("a.json")).isEqualTo(SourceLocation.of("a.json")).hasToString("a.json");
    assertThat(SourceLocation.parse("a.json#")).isEqualTo(SourceLocation.of("a.json"));
  }

  @Test
  void should_split_at_the_first_hash_only() {
    // WHEN
    SourceLocation l = SourceLocation.parse("a.json#/properties/c#sharp");
    // THEN
    assertThat(l.pointer()).isEqualTo("/properties/c#sharp");
  }

  @Test
  void should_reject_a_pointer_that_does_not_start_with_a_slash() {
    // THEN
    assertThatIllegalArgumentException().isThrownBy(() -> SourceLocation.parse("a.json#foo"))
        .withMessageContaining("JSON pointer must be empty or start with '/': foo");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "plain|plain",
      "a/b|a~1b",
      "a~b|a~0b",
      "~1|~01",
      "/~|~1~0",
      "''|''"})
  void should_escape_a_reference_token(String segment, String escaped) {
    // THEN
    assertThat(SourceLocation.escape(segment)).isEqualTo(escaped);
  }

  @Test
  void should_append_escaped_children_and_indexes() {
    // WHEN
    SourceLocation l = SourceLocation.of("f.json").child("paths").child("/blog/{slug}").child(3);
    // THEN
    assertThat(l.pointer()).isEqualTo("/paths/~1blog~1{slug}/3");
    assertThat(SourceLocation.parse(l.toString())).isEqualTo(l);
  }

  @Test
  void should_order_by_file_then_pointer() {
    // THEN
    assertThat(new SourceLocation("a.json", "/z")).isLessThan(new SourceLocation("b.json", ""));
    assertThat(new SourceLocation("a.json", "/a")).isLessThan(new SourceLocation("a.json", "/b"));
  }
}
