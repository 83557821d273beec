package dev.contractgate.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.SourceLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class MessagesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"type\": \"string\"}| (string)",
      "{\"description\": \"long prose\", \"type\": [\"null\", \"string\"]}| (string, nullable)",
      "{\"type\": \"string\", \"nullable\": true, \"format\": \"date-time\"}| (string, date-time, nullable)",
      "{\"$ref\": \"#/$defs/Owner\"}| ($ref Owner)",
      "{\"properties\": {\"a\": {}}}| (object)",
      "{\"enum\": [\"a\", \"b\"], \"deprecated\": true}| (enum, deprecated)",
      "{\"description\": \"only prose\"}|",
  })
  void should_name_what_kind_of_value_a_property_declares_without_its_prose(String schema, String expected) {
    // GIVEN
    Node n = new Node(SourceLocation.of("a.json"), JsonMapper.builder().build().readTree(schema), Node.Mode.PLAIN,
        false, false, false);
    // WHEN
    String kind = Messages.kindOf(n);
    // THEN
    assertThat(kind).isEqualTo(expected == null ? "" : " " + expected);
  }
}
