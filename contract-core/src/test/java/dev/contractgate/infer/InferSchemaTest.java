package dev.contractgate.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inference rules of docs/infer.md, one by one, on bodies folded into a shape. */
class InferSchemaTest {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static JsonNode infer(InferOptions o, String... bodies) {
    Shape s = new Shape();
    long[] stamps = {0};
    long seq = 0;
    for (String b : bodies) {
      s.fold(MAPPER.readTree(b), seq++, o, stamps);
    }
    return new SchemaBuilder(o).document(s, "t", "d");
  }

  static JsonNode infer(String... bodies) {
    return infer(InferOptions.defaults(), bodies);
  }

  static String[] times(int n, String body) {
    String[] out = new String[n];
    java.util.Arrays.fill(out, body);
    return out;
  }

  @Test
  void should_require_only_properties_present_in_every_sample_and_keep_first_seen_order() {
    JsonNode s = infer("{\"z\":1,\"a\":\"x\"}", "{\"z\":2,\"m\":true}");
    assertThat(s.path("properties").propertyNames()).containsExactly("z", "a", "m");
    assertThat(s.path("required").toString()).isEqualTo("[\"z\"]");
    assertThat(s.at("/properties/a/x-inferred/samples").asLong()).isEqualTo(1);
    assertThat(s.at("/x-inferred/samples").asLong()).isEqualTo(2);
  }

  @Test
  void should_count_a_duplicate_key_once_per_object() {
    JsonNode s = infer("{\"a\":1,\"a\":2}", "{\"b\":1}");
    assertThat(s.path("required").isMissingNode()).isTrue();
  }

  @Test
  void should_add_null_when_null_was_seen_and_union_types() {
    JsonNode s = infer("{\"a\":1,\"b\":\"x\"}", "{\"a\":null,\"b\":2}");
    assertThat(s.at("/properties/a/type").toString()).isEqualTo("[\"integer\",\"null\"]");
    assertThat(s.at("/properties/a/x-inferred/nulls").asLong()).isEqualTo(1);
    assertThat(s.at("/properties/b/type").toString()).isEqualTo("[\"string\",\"integer\"]");
  }

  @Test
  void should_say_integer_for_whole_numbers_and_number_once_a_fraction_was_seen() {
    assertThat(infer("{\"a\":1}", "{\"a\":20}").at("/properties/a/type").asString()).isEqualTo("integer");
    assertThat(infer("{\"a\":1}", "{\"a\":2.5}").at("/properties/a/type").asString()).isEqualTo("number");
  }

  @Test
  void should_infer_a_format_only_when_every_sample_matches_and_there_are_enough() {
    String[] five = {"{\"t\":\"2025-03-14T10:30:00+03:00\",\"d\":\"2025-03-14\",\"u\":\"https://x.com/a\","
        + "\"e\":\"ivan@ivanpin.com\",\"i\":\"123e4567-e89b-12d3-a456-426614174000\"}"};
    JsonNode s = infer(times(5, five[0]));
    assertThat(s.at("/properties/t/format").asString()).isEqualTo("date-time");
    assertThat(s.at("/properties/d/format").asString()).isEqualTo("date");
    assertThat(s.at("/properties/u/format").asString()).isEqualTo("uri");
    assertThat(s.at("/properties/e/format").asString()).isEqualTo("email");
    assertThat(s.at("/properties/i/format").asString()).isEqualTo("uuid");
    assertThat(s.at("/properties/t/x-inferred/format").asLong()).isEqualTo(5);
    // four samples are below the default threshold of five
    assertThat(infer(times(4, five[0])).at("/properties/t/format").isMissingNode()).isTrue();
    // one sample that does not match is enough to drop it
    String[] mixed = times(6, "{\"t\":\"2025-03-14T10:30:00Z\"}");
    mixed[3] = "{\"t\":\"yesterday\"}";
    assertThat(infer(mixed).at("/properties/t/format").isMissingNode()).isTrue();
    // an impossible date is not a date
    assertThat(infer(times(5, "{\"d\":\"2025-02-30\"}")).at("/properties/d/format").isMissingNode()).isTrue();
  }

  @Test
  void should_infer_an_enum_only_for_low_cardinality_strings_with_enough_samples_and_mark_it() {
    String[] langs = new String[20];
    for (int i = 0; i < 20; i++) {
      langs[i] = "{\"lang\":\"" + (i % 3 == 0 ? "en" : "ru") + "\",\"n\":" + (i % 2) + "}";
    }
    JsonNode s = infer(langs);
    assertThat(s.at("/properties/lang/enum").toString()).isEqualTo("[\"en\",\"ru\"]");
    assertThat(s.at("/properties/lang/x-inferred/enum").asLong()).isEqualTo(20);
    // integers never get an enum
    assertThat(s.at("/properties/n/enum").isMissingNode()).isTrue();
    // 19 samples are below the default threshold
    assertThat(infer(java.util.Arrays.copyOf(langs, 19)).at("/properties/lang/enum").isMissingNode()).isTrue();
    // one value seen 20 times is not an enum
    assertThat(infer(times(20, "{\"lang\":\"ru\"}")).at("/properties/lang/enum").isMissingNode()).isTrue();
    // nine distinct values are more than the default eight
    String[] many = new String[40];
    for (int i = 0; i < 40; i++) {
      many[i] = "{\"c\":\"v" + (i % 9) + "\"}";
    }
    assertThat(infer(many).at("/properties/c/enum").isMissingNode()).isTrue();
    assertThat(infer(InferOptions.defaults().withMaxEnumValues(9), many).at("/properties/c/enum").size()).isEqualTo(9);
  }

  @Test
  void should_keep_null_in_an_inferred_enum_of_a_nullable_string() {
    String[] v = new String[28];
    for (int i = 0; i < 28; i++) {
      v[i] = i % 4 == 0 ? "{\"s\":null}" : "{\"s\":\"" + (i % 2 == 0 ? "a" : "b") + "\"}";
    }
    JsonNode s = infer(v).at("/properties/s");
    assertThat(s.path("type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(s.path("enum").toString()).isEqualTo("[\"a\",\"b\",null]");
  }

  @Test
  void should_merge_array_items_over_all_arrays() {
    JsonNode s = infer("{\"items\":[{\"a\":1},{\"a\":2,\"b\":\"x\"}]}", "{\"items\":[]}", "{\"items\":[{\"a\":null}]}");
    JsonNode items = s.at("/properties/items/items");
    assertThat(items.path("required").toString()).isEqualTo("[\"a\"]");
    assertThat(items.at("/properties/a/type").toString()).isEqualTo("[\"integer\",\"null\"]");
    assertThat(items.at("/x-inferred/samples").asLong()).isEqualTo(3);
  }

  @Test
  void should_treat_objects_keyed_by_ids_as_maps() {
    JsonNode s = infer("{\"byId\":{\"17\":{\"n\":\"a\"},\"42\":{\"n\":\"b\"}}}",
        "{\"byId\":{\"123e4567-e89b-12d3-a456-426614174000\":{\"n\":\"c\",\"x\":1}}}");
    JsonNode byId = s.at("/properties/byId");
    assertThat(byId.has("properties")).isFalse();
    assertThat(byId.at("/additionalProperties/required").toString()).isEqualTo("[\"n\"]");
    assertThat(byId.at("/x-inferred/mapKeys").asLong()).isEqualTo(3);
  }

  @Test
  void should_treat_objects_with_many_keys_none_always_present_as_maps() {
    String[] bodies = new String[15];
    for (int i = 0; i < 15; i++) {
      bodies[i] = "{\"m\":{\"k" + (2 * i) + "\":1,\"k" + (2 * i + 1) + "\":2}}";
    }
    assertThat(infer(bodies).at("/properties/m/additionalProperties/type").asString()).isEqualTo("integer");
    assertThat(infer(InferOptions.defaults().withMinMapKeys(31), bodies).at("/properties/m/properties").size())
        .isEqualTo(30);
  }

  @Test
  void should_turn_an_object_with_too_many_keys_into_a_map_while_reading() {
    StringBuilder b = new StringBuilder("{\"o\":{");
    for (int i = 0; i < 12; i++) {
      b.append(i == 0 ? "" : ",").append("\"key").append(i).append("\":").append(i);
    }
    b.append("}}");
    JsonNode s = infer(InferOptions.defaults().withMaxProperties(10), b.toString());
    assertThat(s.at("/properties/o/additionalProperties/type").asString()).isEqualTo("integer");
    assertThat(s.at("/properties/o/x-inferred/mapKeys").asLong()).isEqualTo(12);
  }

  @Test
  void should_share_object_shapes_that_occur_twice_in_defs_with_summed_evidence() {
    String img = "{\"url\":\"https://x.com/a.jpg\",\"width\":1,\"height\":2}";
    JsonNode s = infer("{\"image\":" + img + ",\"author\":{\"name\":\"a\",\"avatar\":" + img + "},\"items\":[" + img
        + "]}");
    assertThat(s.at("/properties/image/$ref").asString()).isEqualTo("#/$defs/Image");
    assertThat(s.at("/properties/author/properties/avatar/$ref").asString()).isEqualTo("#/$defs/Image");
    assertThat(s.at("/properties/items/items/$ref").asString()).isEqualTo("#/$defs/Image");
    assertThat(s.at("/$defs/Image/x-inferred/samples").asLong()).isEqualTo(3);
    assertThat(s.at("/$defs/Image/properties/url/x-inferred/samples").asLong()).isEqualTo(3);
    assertThat(s.at("/$defs/Image/required").toString()).isEqualTo("[\"url\",\"width\",\"height\"]");
    // the author appears once: inline
    assertThat(s.at("/properties/author/type").asString()).isEqualTo("object");
  }

  @Test
  void should_leave_redacted_values_untyped() {
    JsonNode s = infer("{\"password\":\"[redacted]\",\"token\":\"[redacted]\"}", "{\"password\":\"[redacted]\"}");
    assertThat(s.at("/properties/password/type").isMissingNode()).isTrue();
    assertThat(s.at("/properties/password/x-inferred/redacted").asLong()).isEqualTo(2);
    assertThat(s.at("/properties/password/description").asString()).contains("redacted");
  }

  @Test
  void should_name_definitions_after_the_place_they_were_first_seen() {
    assertThat(SchemaBuilder.pascal("feature_enabled")).isEqualTo("FeatureEnabled");
    assertThat(SchemaBuilder.pascal("9lives")).isEqualTo("Shape9lives");
    assertThat(SchemaBuilder.singular("categories")).isEqualTo("category");
    assertThat(SchemaBuilder.singular("items")).isEqualTo("item");
    assertThat(SchemaBuilder.singular("stack")).isEqualTo("stackItem");
  }

  @Test
  void should_give_the_same_schema_whatever_the_split_between_workers() {
    List<String> bodies = List.of("{\"a\":1,\"s\":\"x\"}", "{\"b\":[1,2],\"a\":null}", "{\"s\":\"y\",\"c\":{\"d\":1}}",
        "{\"a\":2.5,\"c\":{\"e\":\"2025-01-01\"}}");
    InferOptions o = InferOptions.defaults();
    JsonNode whole = infer(bodies.toArray(String[]::new));
    Shape left = new Shape();
    Shape right = new Shape();
    long[] stamps = {0};
    for (int i = 0; i < bodies.size(); i++) {
      (i % 2 == 0 ? left : right).fold(MAPPER.readTree(bodies.get(i)), i, o, stamps);
    }
    Shape merged = new Shape();
    merged.merge(right, o);
    merged.merge(left, o);
    assertThat(new SchemaBuilder(o).document(merged, "t", "d")).isEqualTo(whole);
  }
}
