package dev.contractgate.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Canonical text feeds fingerprints: writing it without Jackson must not change a single character. */
class CanonTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void quoting_equals_jacksons_for_every_character_up_to_latin_extended_and_for_surrogates() {
    // GIVEN every character from U+0000 to U+02FF, alone and between letters, plus paired and lone surrogates
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x300; c++) {
      String s = "a" + c + "b";
      // WHEN quoted by Canon / THEN exactly what Jackson writes
      assertThat(Canon.quote(s)).as("U+%04X", (int) c).isEqualTo(F.stringNode(s).toString());
      assertThat(Canon.quote(String.valueOf(c))).isEqualTo(F.stringNode(String.valueOf(c)).toString());
      all.append(c);
    }
    for (String s : new String[] {all.toString(), "", "😀 paired", "lone \ud800 high", "lone \udc00 low",
        "Привет \"мир\" \\ / \t\n\r\b\f\u001f\u007f"}) {
      assertThat(Canon.quote(s)).isEqualTo(F.stringNode(s).toString());
    }
  }

  @Test
  void scalars_and_unsorted_arrays_read_as_before() {
    // GIVEN a schema with strings, booleans, null, numbers, nested arrays and set-like keywords
    JsonNode n = JsonMapper.builder().build().readTree("""
        {"type":["string","null"],"enum":["b","a\\n",null,true,1.50],"const":[false,null,"x\\"y",[2,1]],
         "required":["z","a"],"default":{"k":[3,{"b":1,"a":"é"}]}}""");
    // WHEN canonicalised / THEN keys sorted, set keywords sorted, other arrays in order, scalars as JSON
    assertThat(Canon.json(n)).isEqualTo("{\"const\":[false,null,\"x\\\"y\",[2,1]],"
        + "\"default\":{\"k\":[3,{\"a\":\"é\",\"b\":1}]},\"enum\":[\"a\\n\",\"b\",1.5,null,true],"
        + "\"required\":[\"a\",\"z\"],\"type\":[\"null\",\"string\"]}");
  }
}
