package dev.contractgate.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.contractgate.junit.ContractResponse;
import java.util.List;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class ContractSoftAssertions_Test {

  @Test
  void should_collect_every_failure_and_report_them_together() {
    // GIVEN
    ContractResponse broken = Responses.brokenBlogList();
    // WHEN
    Throwable thrown = catchThrowable(() -> ContractSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(broken).hasStatus(404);
      softly.assertThat(broken).matchesContract();
      softly.assertThat(broken.validate()).hasNoViolations();
    }));
    // THEN
    assertThat(thrown).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Multiple Failures (3 failures)")
        .hasMessageContaining("expected: 404")
        .hasMessageContaining("Response does not match contract ivanpin@1.2.0 blog.list");
  }

  @Test
  void should_pass_when_nothing_failed() {
    ContractSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(Responses.validBlogList()).hasStatus(200).matchesContract();
      softly.assertThat(Responses.validBlogList().validate()).hasNoViolations();
    });
  }

  @Test
  void should_report_into_assertj_soft_assertions_extension() {
    // WHEN
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InjectedTestCase.class)).execute();
    // THEN
    List<Throwable> failures = results.testEvents().failed().list().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).toList();
    assertThat(failures).singleElement().satisfies(t -> assertThat(t)
        .hasMessageContaining("Multiple Failures (2 failures)")
        .hasMessageContaining("[1] at /items/0/title"));
  }

  @ExtendWith(SoftAssertionsExtension.class)
  static class InjectedTestCase {
    @InjectSoftAssertions
    ContractSoftAssertions softly;

    @Test
    void checks_softly() {
      softly.assertThat(Responses.brokenBlogList()).hasViolationAt("/items/0/slug");
      softly.assertThat(Responses.brokenBlogList()).matchesContract();
    }
  }
}
