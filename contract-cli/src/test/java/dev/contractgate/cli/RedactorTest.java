package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

  static final ContractRegistry REGISTRY =
      ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);

  @Test
  void should_mask_whole_and_truncated_tokens() {
    // GIVEN a long token, as a JWT would be
    String token = "eyJhbGciOiJIUzI1NiJ9.payload-payload-payload-payload-payload-payload.signature-xyz";
    Redactor redactor = Redactor.forTree(REGISTRY, Map.of("IVANPIN_API_TOKEN", token)::get);
    // WHEN a message shows it whole, and another one cut by the 80-character truncation
    String whole = redactor.apply("but was : \"" + token + "\"");
    String cut = redactor.apply("but was : string \"" + token.substring(0, 60) + "...");
    // THEN
    assertThat(whole).isEqualTo("but was : \"***\"");
    assertThat(cut).isEqualTo("but was : string \"***").doesNotContain(token.substring(0, 20));
  }

  @Test
  void should_leave_ordinary_text_alone() {
    Redactor redactor = Redactor.forTree(REGISTRY, Map.of("IVANPIN_API_TOKEN", "abcdefghijkl")::get);
    assertThat(redactor.apply("abcdefg... is a short prefix")).isEqualTo("abcdefg... is a short prefix");
  }
}
