package dev.contractgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON rendering against {@code docs/report.schema.json}, the schema it ships with. */
class JsonReportSchemaTest {

  static final Path SCHEMA = Path.of("../docs/report.schema.json");
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static Schema schema;

  @BeforeAll
  static void load() throws Exception {
    JsonNode node = MAPPER.readTree(Files.readString(SCHEMA));
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
  }

  static Stream<Report> reports() {
    return Stream.of(
        SampleReports.representative(),
        SampleReports.manyPassed(12),
        new Report("verify", "nothing", List.of(), List.of()));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void should_validate_against_the_published_schema(Report report) {
    // GIVEN
    JsonNode json = MAPPER.readTree(ReportFormat.JSON.render(report));
    // WHEN
    List<Error> errors = schema.validate(json);
    // THEN
    assertThat(errors).isEmpty();
    assertThat(json.get("format").asString()).isEqualTo("contract-gate/report/1");
  }

  @Test
  void should_reject_another_format_version_an_unknown_property_and_an_unknown_status() {
    // GIVEN
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportFormat.JSON.render(SampleReports.representative()));
    ObjectNode otherVersion = json.deepCopy().put("format", "contract-gate/report/2");
    ObjectNode extra = json.deepCopy().put("surprise", true);
    ObjectNode badStatus = json.deepCopy();
    ((ObjectNode) badStatus.get("entries").get(0)).put("status", "FAILED");
    ObjectNode badLevel = json.deepCopy();
    ((ObjectNode) badLevel.get("entries").get(0).get("findings").get(0)).put("level", "fatal");
    // WHEN / THEN
    assertThat(schema.validate(otherVersion)).extracting(Error::getKeyword).contains("const");
    assertThat(schema.validate(extra)).extracting(Error::getKeyword).contains("additionalProperties");
    assertThat(schema.validate(badStatus)).extracting(Error::getKeyword).contains("enum");
    assertThat(schema.validate(badLevel)).extracting(Error::getKeyword).contains("enum");
  }

  @Test
  void should_describe_the_format_the_renderer_writes() throws Exception {
    // GIVEN
    JsonNode schemaNode = MAPPER.readTree(Files.readString(SCHEMA));
    // WHEN
    String declared = schemaNode.at("/properties/format/const").asString();
    // THEN
    assertThat(declared).isEqualTo(dev.contractgate.report.JsonRenderer.FORMAT);
    assertThat(schemaNode.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }
}
