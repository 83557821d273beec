package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Redaction_maskSecrets_Test {

  @Test
  void should_mask_whole_secrets_longest_first_and_their_truncated_prefixes() {
    String token = "tok-1234567890-abcdef";
    String text = "a " + token + "-extended b " + token + " c " + token.substring(0, 12) + "...";
    String masked = Redaction.maskSecrets(text, List.of(token, token + "-extended"), "***");
    assertThat(masked).isEqualTo("a *** b *** c ***");
  }

  @Test
  void should_ignore_values_too_short_to_be_secrets_and_short_prefixes() {
    assertThat(Redaction.maskSecrets("abc and abcdefghij", List.of("abc"), "***")).isEqualTo("abc and abcdefghij");
    assertThat(Redaction.maskSecrets("tok-12... is short", List.of("tok-1234567890"), "***"))
        .isEqualTo("tok-12... is short");
  }
}
