package dev.contractgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.Change;
import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic descriptions from {@link OpenApiGen}; the 5 MB / 512 MB measurement is run by hand (docs/openapi.md). */
class OpenApiScaleTest {

  @TempDir Path tmp;

  @Test
  void should_import_and_diff_two_versions_of_a_one_megabyte_description() throws IOException {
    // GIVEN: chains of 10 components; with the default 250 the endpoint diff re-walks each chain once per
    // endpoint part and takes about a minute (see docs/openapi.md, Limits)
    Path v1 = tmp.resolve("v1.yaml");
    Path v2 = tmp.resolve("v2.yaml");
    OpenApiGen.write(v1, 600, 0, 10);
    OpenApiGen.write(v2, 600, 1, 10);
    assertThat(Files.size(v1)).isBetween(900_000L, 1_300_000L);
    // WHEN
    ImportedVersion o = OpenApiImport.convert(v1, "api", "1.0.0", Optional.empty());
    ImportedVersion n = OpenApiImport.convert(v2, "api", "1.1.0", Optional.empty());
    VersionDiff d = OpenApiImport.compare(o, n, DiffPolicy.defaults(), LocalDate.of(2026, 1, 1));
    // THEN
    assertThat(o.version().endpoints()).hasSize(600);
    List<EndpointChange> breaking = d.changes().stream().filter(c -> c.severity() == Severity.BREAKING).toList();
    assertThat(breaking).extracting(c -> c.change().ruleId())
        .contains("response.property.required-removed", "response.enum.value-added", "endpoint.removed");
    EndpointChange removed = breaking.stream()
        .filter(c -> c.change().ruleId().equals("response.property.required-removed")).findFirst().orElseThrow();
    assertThat(removed.change().path()).endsWith("/name");
    // A change in a shared component is reported once, with the places it reaches.
    assertThat(breaking.stream().filter(c -> c.change().ruleId().equals("response.property.required-removed")))
        .hasSize(1);
    // The written tree loads.
    o.writeTo(tmp.resolve("tree"), false);
    ContractRegistry r = ContractRegistry.load(tmp.resolve("tree"));
    assertThat(r.requireVersion("api", "1.0.0").endpoints()).hasSize(600);
  }

  @Test
  void should_parse_a_ten_megabyte_yaml_description() throws IOException {
    // GIVEN: above SnakeYAML Engine's default limit of 3 MB of code points
    Path big = tmp.resolve("big.yaml");
    OpenApiGen.write(big, 6000, 0, OpenApiGen.CHAIN);
    assertThat(Files.size(big)).isGreaterThan(10_000_000L);
    // WHEN
    LocatedDocument doc;
    try (InputStream in = Files.newInputStream(big)) {
      doc = LocatedDocument.parse("big.yaml", in, LocatedDocument.Syntax.YAML, 1000, false);
    }
    // THEN
    assertThat(doc.root().at("/components/schemas").size()).isEqualTo(6001);
    assertThat(doc.position("/components")).isEmpty();
  }
}
