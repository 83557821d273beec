package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefsTest {

  private static final SourceLocation FROM =
      new SourceLocation("ivanpin/1.0.0/schemas/blog.schema.json", "/properties/author/$ref");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "#/$defs/Post|ivanpin/1.0.0/schemas/blog.schema.json#/$defs/Post",
      "#|ivanpin/1.0.0/schemas/blog.schema.json",
      "''|ivanpin/1.0.0/schemas/blog.schema.json",
      "common.schema.json|ivanpin/1.0.0/schemas/common.schema.json",
      "common.schema.json#/$defs/Author|ivanpin/1.0.0/schemas/common.schema.json#/$defs/Author",
      "./common.schema.json|ivanpin/1.0.0/schemas/common.schema.json",
      "sub/./x.json|ivanpin/1.0.0/schemas/sub/x.json",
      "sub//x.json|ivanpin/1.0.0/schemas/sub/x.json",
      "../shared/x.json|ivanpin/1.0.0/shared/x.json",
      "../../../top.json|top.json",
      "sub/../common.schema.json|ivanpin/1.0.0/schemas/common.schema.json",
      "a%20b.json|ivanpin/1.0.0/schemas/a b.json",
      "#/$defs/A%20B|ivanpin/1.0.0/schemas/blog.schema.json#/$defs/A B",
      "#/$defs/a+b|ivanpin/1.0.0/schemas/blog.schema.json#/$defs/a+b",
      "#/$defs/a~1b|ivanpin/1.0.0/schemas/blog.schema.json#/$defs/a~1b"})
  void should_resolve_inside_the_tree(String ref, String expected) {
    // WHEN
    SourceLocation target = Refs.resolve(FROM, ref);
    // THEN
    assertThat(target).hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/x.json", "https://json-schema.org/draft/2020-12/schema",
      "file:///etc/passwd", "urn:x", "mailto:a@b", "C:/x.json", "jar:file:/a.jar!/x.json"})
  void should_refuse_a_reference_with_a_scheme(String ref) {
    // WHEN
    Refs.RefException e = catchThrowableOfType(Refs.RefException.class, () -> Refs.resolve(FROM, ref));
    // THEN
    assertThat(Refs.isRemote(ref)).isTrue();
    assertThat(e).hasMessage("a remote reference");
    assertThat(e.hint()).contains("$ref resolves only inside the contract tree");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../../outside.json", "../../../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/x.json",
      "sub/../../../../../x.json"})
  void should_refuse_a_path_that_leaves_the_tree(String ref) {
    // WHEN
    Refs.RefException e = catchThrowableOfType(Refs.RefException.class, () -> Refs.resolve(FROM, ref));
    // THEN
    assertThat(e).hasMessageStartingWith("a path that leaves the contract tree");
  }

  @Test
  void should_refuse_an_anchor_fragment() {
    // WHEN
    Refs.RefException e = catchThrowableOfType(Refs.RefException.class, () -> Refs.resolve(FROM, "common.json#Author"));
    // THEN
    assertThat(e).hasMessage("a plain-name fragment (anchor) \"#Author\"");
    assertThat(e.hint()).isEqualTo("refer to the definition by JSON pointer, e.g. \"#/$defs/Author\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "//evil.example/x.json"})
  void should_refuse_an_absolute_path(String ref) {
    // WHEN
    Refs.RefException e = catchThrowableOfType(Refs.RefException.class, () -> Refs.resolve(FROM, ref));
    // THEN
    assertThat(e).hasMessageStartingWith("an absolute path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x%zz.json", "#/$defs/%", "a%2.json"})
  void should_refuse_a_malformed_percent_encoding(String ref) {
    // WHEN
    Refs.RefException e = catchThrowableOfType(Refs.RefException.class, () -> Refs.resolve(FROM, ref));
    // THEN
    assertThat(e).hasMessageStartingWith("a malformed percent-encoding");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|a.json|a.json",
      "''|./a.json|a.json",
      "a/b|../c.json|a/c.json",
      "a/b|../../c.json|c.json",
      "a/b|x/../y/./z.json|a/b/y/z.json"})
  void should_join_and_normalise(String dir, String relative, String expected) {
    // THEN
    assertThat(Refs.join(dir, relative)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"''|..", "''|../a.json", "a|../../b.json", "a/b|x/../../../../c.json"})
  void should_refuse_to_join_above_the_root(String dir, String relative) {
    // WHEN
    Refs.RefException e = catchThrowableOfType(Refs.RefException.class, () -> Refs.join(dir, relative));
    // THEN
    assertThat(e).hasMessageContaining("leaves the contract tree");
  }
}
