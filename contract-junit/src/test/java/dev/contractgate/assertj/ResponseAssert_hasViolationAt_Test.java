package dev.contractgate.assertj;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

class ResponseAssert_hasViolationAt_Test {

  @Test
  void should_pass_when_a_violation_is_at_the_pointer() {
    assertThat(Responses.brokenBlogList()).hasViolationAt("/items/0/title").hasViolationAt("header:Vary");
  }

  @Test
  void should_fail_listing_where_the_violations_are() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(Responses.brokenBlogList()).hasViolationAt("/items/0/slug"));
    // THEN
    assertThat(thrown).hasMessage("Expected a violation at /items/0/slug of contract ivanpin@1.2.0 blog.list"
        + " (GET /api/ivanpin/services/blog/list.php), status 200"
        + "\n    expected: a violation at /items/0/slug"
        + "\n    but was : violations at [/items/0/title, header:Vary]");
  }

  @Test
  void should_fail_for_a_conforming_response() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(Responses.validBlogList()).hasViolationAt("/items/0/title"));
    // THEN
    assertThat(thrown).hasMessageEndingWith("but was : no violations");
  }
}
