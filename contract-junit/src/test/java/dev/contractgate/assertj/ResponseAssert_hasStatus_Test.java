package dev.contractgate.assertj;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ResponseAssert_hasStatus_Test {

  @Test
  void should_pass_for_the_status_received() {
    assertThat(Responses.validBlogList()).hasStatus(200);
  }

  @Test
  void should_fail_with_expected_and_actual_for_the_ide_diff() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(Responses.validBlogList()).hasStatus(404));
    // THEN
    assertThat(thrown).isInstanceOfSatisfying(AssertionFailedError.class, e -> {
      assertThat(e.getExpected().getValue()).isEqualTo(404);
      assertThat(e.getActual().getValue()).isEqualTo(200);
    });
    assertThat(thrown).hasMessage("Expected status 404 from ivanpin@1.2.0 blog.list (GET /api/ivanpin/services/blog/list.php)"
        + "\n    expected: 404\n    but was : 200");
  }
}
