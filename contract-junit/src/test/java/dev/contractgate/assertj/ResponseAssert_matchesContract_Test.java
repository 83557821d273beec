package dev.contractgate.assertj;

import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contractgate.junit.ContractResponse;
import dev.contractgate.registry.ContractException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResponseAssert_matchesContract_Test {

  @Test
  void should_pass_when_the_response_matches_the_endpoint_it_was_called_by() {
    // GIVEN
    ContractResponse response = Responses.validBlogList();
    // WHEN / THEN
    assertThat(response).matchesContract().hasNoViolations();
  }

  @Test
  void should_fail_with_one_block_per_violation_in_the_render_shape() throws Exception {
    // GIVEN
    ContractResponse response = Responses.brokenBlogList();
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(response).matchesContract());
    // THEN the message is the golden file, byte for byte
    String golden = Files.readString(Path.of("src/test/resources/messages/blog-list-title-and-vary.txt"),
        StandardCharsets.UTF_8).stripTrailing();
    assertThat(thrown).isInstanceOf(AssertionError.class);
    assertThat(thrown.getMessage()).isEqualTo(golden);
  }

  @Test
  void should_prefix_the_description_when_one_is_given() {
    // GIVEN
    ContractResponse response = Responses.brokenBlogList();
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(response).as("home page feed").matchesContract());
    // THEN
    assertThat(thrown).hasMessageStartingWith("[home page feed] Response does not match contract ivanpin@1.2.0 blog.list");
  }

  @Test
  void should_check_against_a_named_endpoint_instead_of_the_called_one() {
    // GIVEN a valid blog.list response
    ContractResponse response = Responses.validBlogList();
    // WHEN checked against services.catalog
    Throwable thrown = catchThrowable(() -> assertThat(response).matchesContract("ivanpin", "services.catalog"));
    // THEN
    assertThat(thrown).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Response does not match contract ivanpin@1.2.0 services.catalog");
  }

  @Test
  void should_check_against_a_named_version() {
    // GIVEN blog.list of 1.2.0, whose posts carry fields 1.0.0 did not know
    ContractResponse response = Responses.validBlogList();
    // WHEN / THEN a tolerant reader of 1.0.0 still accepts it
    assertThat(response).matchesContract("ivanpin", "1.0.0", "blog.list");
    assertThat(response).matchesContract("ivanpin", "blog.list");
  }

  @Test
  void should_name_the_known_endpoints_for_an_unknown_one() {
    // GIVEN
    ContractResponse response = Responses.validBlogList();
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(response).matchesContract("ivanpin", "blog.archive"));
    // THEN
    assertThat(thrown).isInstanceOf(ContractException.class).hasMessageContaining("one of [blog.list, blog.detail");
  }

  @Test
  void should_fail_for_a_null_response() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat((ContractResponse) null).matchesContract());
    // THEN
    assertThat(thrown).isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
  }
}
