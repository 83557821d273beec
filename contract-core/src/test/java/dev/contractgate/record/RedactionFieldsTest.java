package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which body fields {@link Redaction#redact(JsonNode)} masks: names compare after lower-casing, at any depth. */
class RedactionFieldsTest {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void should_mask_fields_whatever_their_case_and_nothing_else() {
    // GIVEN
    String longName = "x".repeat(70);
    Redaction r = Redaction.defaults().withFields(List.of("Пароль", "iban", longName));
    JsonNode body = MAPPER.readTree("""
        {"Email":"a@b.c","PASSWORD":"p","accessToken":"t","AccessTokens":"keep","emails":"keep","id":1,
         "nested":[{"ApiKey":"k","ПАРОЛЬ":"x","Émail":"keep","IBAN":"DE00","İban":"keep?","phone":"1"}],
         "tokeN":{"deep":"whole value masked"},"Email2":"keep","token":"[redacted]","XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX":1}""");
    // WHEN
    boolean changed = r.redact(body);
    // THEN
    assertThat(changed).isTrue();
    assertThat(body.toString()).isEqualTo("{\"Email\":\"[redacted]\",\"PASSWORD\":\"[redacted]\","
        + "\"accessToken\":\"[redacted]\",\"AccessTokens\":\"keep\",\"emails\":\"keep\",\"id\":1,"
        + "\"nested\":[{\"ApiKey\":\"[redacted]\",\"ПАРОЛЬ\":\"[redacted]\",\"Émail\":\"keep\",\"IBAN\":\"[redacted]\","
        + "\"İban\":\"keep?\",\"phone\":\"[redacted]\"}],\"tokeN\":\"[redacted]\",\"Email2\":\"keep\",\"token\":\"[redacted]\","
        + "\"" + longName.toUpperCase(java.util.Locale.ROOT) + "\":\"[redacted]\"}");
    assertThat(r.redact(body)).as("nothing left to change").isFalse();
  }
}
