package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.validate.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class Redaction_maskSecrets_Test {

  static final String TOKEN = "tok-1234567890-abcdef";

  static String mask(String text, String... secrets) {
    return Redaction.maskSecrets(text, List.of(secrets), "***");
  }

  @Test
  void should_mask_whole_secrets_longest_first_and_their_truncated_prefixes() {
    String text = "a " + TOKEN + "-extended b " + TOKEN + " c " + TOKEN.substring(0, 12) + "...";
    assertThat(mask(text, TOKEN, TOKEN + "-extended")).isEqualTo("a *** b *** c ***");
  }

  @Test
  void should_mask_a_value_cut_after_any_number_of_the_secrets_first_characters() {
    for (int k = 1; k < TOKEN.length(); k++) {
      // GIVEN a value that ends in the first k characters of the token when cut
      String cut = "but was : string \"prefix" + TOKEN.substring(0, k) + "...";
      // WHEN / THEN
      assertThat(mask(cut, TOKEN)).as("cut after %d characters", k).isEqualTo("but was : string \"prefix***");
      assertThat(mask("x " + TOKEN.substring(0, k) + "\u2026", TOKEN)).as("… after %d", k).isEqualTo("x ***");
    }
  }

  @Test
  void should_mask_every_cut_the_80_character_truncation_makes() {
    // A token of capitals and digits in lower-case text: any character of it left over is easy to see.
    String token = "QZ7XW9K2VJ4MR8TN5PLC";
    for (int pad = 0; pad < Messages.MAX_VALUE_CHARS + 2; pad++) {
      // GIVEN the token at every position of a value that the validator's messages truncate
      String shown = Messages.describe(tools.jackson.databind.node.JsonNodeFactory.instance
          .stringNode("p".repeat(pad) + token + "-and-more-text-after-the-token-so-that-the-value-is-cut"));
      // WHEN
      String masked = mask(shown, token);
      // THEN no character of the token is left, and the value is still recognisable
      assertThat(masked.chars().noneMatch(c -> Character.isUpperCase(c) || Character.isDigit(c)))
          .as("pad %d: %s", pad, masked).isTrue();
      assertThat(masked).startsWith("string \"" + "p".repeat(Math.min(pad, 20)));
    }
  }

  @Test
  void should_mask_short_tokens_where_they_stand_as_a_whole_value() {
    assertThat(mask("abc and abcdefghij and \"abc\"", "abc")).isEqualTo("*** and abcdefghij and \"***\"");
    assertThat(mask("Bearer x7; sid=x7, tax7", "x7")).isEqualTo("Bearer ***; sid=***, tax7");
    assertThat(mask("token 1 of 2", "1")).isEqualTo("token *** of 2");
    assertThat(mask("a cut ab...", "abc")).isEqualTo("a cut ***");
  }

  @Test
  void should_mask_tokens_that_overlap_as_one_run() {
    // GIVEN two secrets that share characters, and one that holds the other
    String a = "abcdef12";
    String b = "ef12ghij";
    // WHEN / THEN
    assertThat(mask("x abcdef12ghij y", a, b)).isEqualTo("x *** y");
    assertThat(mask("x ef12ghij-abcdef12 y", a, b)).isEqualTo("x ***-*** y");
    assertThat(mask("xx aaaaaa yy", "aaaa")).isEqualTo("xx *** yy");
    assertThat(mask("x " + TOKEN + "-extended", TOKEN, TOKEN + "-extended")).isEqualTo("x ***");
  }

  @Test
  void should_mask_the_same_token_twice_and_back_to_back() {
    assertThat(mask(TOKEN + " and " + TOKEN, TOKEN)).isEqualTo("*** and ***");
    assertThat(mask(TOKEN + TOKEN, TOKEN)).isEqualTo("***");
    assertThat(mask(TOKEN + ", then " + TOKEN.substring(0, 3) + "...", TOKEN)).isEqualTo("***, then ***");
  }

  @Test
  void should_mask_snippets_that_start_or_lie_inside_a_secret() {
    // a parser's snippet window "... tail of the token" and a piece between two ellipses
    assertThat(mask("near ... " + TOKEN.substring(9) + " here", TOKEN)).isEqualTo("near *** here");
    assertThat(mask("near ..." + TOKEN.substring(3, 12) + "... here", TOKEN)).isEqualTo("near *** here");
    // fewer than four characters after an ellipsis are ordinary text
    assertThat(mask("... def", TOKEN)).isEqualTo("... def");
  }

  @Test
  void should_mask_secrets_that_span_lines_line_by_line() {
    String pem = "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END KEY-----";
    assertThat(mask("key: MIIBOgIBAAJBAKj34GkxFhD9 (line 2)", pem)).isEqualTo("key: *** (line 2)");
  }

  @Test
  void should_leave_text_without_a_secret_alone() {
    String text = "Reading 3 recording sources ... and 5 more";
    assertThat(mask(text, TOKEN)).isSameAs(text);
    assertThat(mask(text)).isSameAs(text);
    assertThat(Redaction.maskSecrets(text, java.util.Arrays.asList(null, ""), "***")).isSameAs(text);
  }

  @Test
  void should_scrub_echoes_but_keep_short_cuts_of_recorded_bodies() {
    // Recorded data is validated after the scrub: only cuts of 8 and more characters are taken for a secret.
    assertThat(Redaction.scrub("x " + TOKEN + " y", List.of(TOKEN))).isEqualTo("x [redacted] y");
    assertThat(Redaction.scrub("read more: " + TOKEN.substring(0, 8) + "...", List.of(TOKEN)))
        .isEqualTo("read more: [redacted]");
    assertThat(Redaction.scrub("read more t...", List.of(TOKEN))).isEqualTo("read more t...");
  }
}
