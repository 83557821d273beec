package dev.contractgate.diff;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/** The independent oracle for tests: networknt with format assertions on. */
final class Validation {

  private Validation() {}

  static Schema compile(JsonNode schema) {
    SpecificationVersion v = schema.isObject() && schema.path("$schema").asString("").contains("draft-07")
        ? SpecificationVersion.DRAFT_7 : SpecificationVersion.DRAFT_2020_12;
    return SchemaRegistry.withDefaultDialect(v).getSchema(schema);
  }

  static boolean valid(Schema schema, JsonNode instance) {
    return schema.validate(instance, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))).isEmpty();
  }

  static boolean valid(JsonNode schema, JsonNode instance) {
    return valid(compile(schema), instance);
  }
}
