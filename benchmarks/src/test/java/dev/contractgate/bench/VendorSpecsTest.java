package dev.contractgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.EndpointChange;
import dev.contractgate.diff.Severity;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.openapi.ImportedVersion;
import dev.contractgate.openapi.OpenApiImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The vendor-shaped generator of {@link VendorPeerReport}: deterministic, sized, valid for both tools, and every
 * planted change is what Contract Gate reports (and nothing else breaking), on the smallest pair (about
 * 0.38 MB, ten resources).
 */
class VendorSpecsTest {

  @TempDir Path dir;

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
    String a = VendorSpecs.json(VendorSpecs.generate(12, 7, false));
    assertThat(VendorSpecs.json(VendorSpecs.generate(12, 7, false))).isEqualTo(a);
    assertThat(VendorSpecs.json(VendorSpecs.generate(12, 8, false))).isNotEqualTo(a);
    VendorSpecs.Pair p = VendorSpecs.pair(12, 7, false);
    assertThat(VendorSpecs.pair(12, 7, false).planted()).isEqualTo(p.planted());
    assertThat(VendorSpecs.json(p.oldApi())).isEqualTo(a);
  }

  @Test
  void aSizeGivesThatManyBytesAndTooSmallASizeTheSmallestPair() {
    VendorSpecs.Pair p = VendorSpecs.ofSize(800_000, 1, false);
    assertThat(VendorSpecs.bytes(p.oldApi())).isBetween(720_000L, 880_000L);
    assertThat(VendorSpecs.resourcesFor(1_000, 1, false)).isEqualTo(VendorSpecs.MIN_RESOURCES);
    assertThatThrownBy(() -> VendorSpecs.pair(9, 1, false)).hasMessageContaining("at least 10 resources");
  }

  @Test
  void theDescriptionHasTheVendorShape() {
    VendorSpecs.Pair p = VendorSpecs.pair(10, 1, false);
    String text = VendorSpecs.json(p.oldApi());
    assertThat(p.oldApi().get("paths").size()).isEqualTo(30);
    assertThat(p.oldApi().at("/components/schemas").size()).isEqualTo(52);
    // allOf of a base and extras, oneOf, nullable, a form body, shared parameters and responses, security.
    assertThat(p.oldApi().at("/components/schemas/fleet-beacon/allOf/0/$ref").asString())
        .isEqualTo("#/components/schemas/simple-fleet-beacon");
    assertThat(text).contains("\"oneOf\"", "\"nullable\" : true", "application/x-www-form-urlencoded",
        "#/components/parameters/per-page", "#/components/responses/not-found", "\"securitySchemes\"",
        "\"format\" : \"date-time\"", "#/components/examples/");
    // The two-step cycle: a summary refers to the next full object, whose owner is that summary.
    assertThat(p.oldApi().at("/components/schemas/simple-fleet-beacon/properties/home/allOf/0/$ref").asString())
        .isEqualTo("#/components/schemas/fleet-ledger");
    assertThat(p.oldApi().at("/components/schemas/fleet-ledger/properties/owner/$ref").asString())
        .isEqualTo("#/components/schemas/simple-fleet-beacon");
    assertThat(p.planted()).hasSize(32);
  }

  @Test
  void contractGateImportsBothSidesWithoutNotesAndReportsExactlyThePlantedChanges() throws IOException {
    VendorSpecs.Pair p = VendorSpecs.pair(10, 1, false);
    VersionDiff diff = diff(p);
    assertEveryPlantedChangeReported(p, diff);
  }

  @Test
  void theOpenApi31VariantDiffsTheSame() throws IOException {
    VendorSpecs.Pair p = VendorSpecs.pair(10, 3, true);
    assertThat(p.oldApi().get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(VendorSpecs.json(p.oldApi())).contains("\"null\"").doesNotContain("nullable");
    assertEveryPlantedChangeReported(p, diff(p));
  }

  @Test
  void openapiDiffReadsThePairAndFindsTheRemovedAndAddedOperations() {
    VendorSpecs.Pair p = VendorSpecs.pair(10, 1, false);
    ChangedOpenApi d = OpenApiCompare.fromContents(VendorSpecs.json(p.oldApi()), VendorSpecs.json(p.newApi()));
    assertThat(d.getMissingEndpoints()).hasSize(3);
    assertThat(d.getNewEndpoints()).hasSize(3);
    assertThat(d.isIncompatible()).isTrue();
  }

  private VersionDiff diff(VendorSpecs.Pair p) throws IOException {
    Path oldFile = Files.writeString(dir.resolve("old.json"), VendorSpecs.json(p.oldApi()));
    Path newFile = Files.writeString(dir.resolve("new.json"), VendorSpecs.json(p.newApi()));
    ImportedVersion from = OpenApiImport.convert(oldFile, "api", "1.4.0", Optional.empty());
    ImportedVersion to = OpenApiImport.convert(newFile, "api", "1.5.0", Optional.empty());
    assertThat(from.diffNotes()).as("what the import skipped in the old side").isEmpty();
    assertThat(to.diffNotes()).as("what the import skipped in the new side").isEmpty();
    assertThat(from.version().endpoints()).hasSize(p.resources() * 6);
    assertThat(to.version().endpoints()).hasSize(p.resources() * 6);
    return OpenApiImport.compare(from, to, DiffPolicy.defaults(), LocalDate.of(2026, 12, 3));
  }

  private static void assertEveryPlantedChangeReported(VendorSpecs.Pair p, VersionDiff diff) {
    for (VendorChanges.Planted planted : p.planted()) {
      List<EndpointChange> onIt = diff.changes().stream().filter(c -> reaches(c, planted)).toList();
      if (planted.ruleId().isEmpty()) {
        assertThat(onIt).as("reworded: %s", planted)
            .noneMatch(c -> c.severity() != Severity.INFO && c.change().path().contains(planted.detail()));
        continue;
      }
      assertThat(onIt).as("%s among %s", planted, onIt)
          .anyMatch(c -> c.ruleId().equals(planted.ruleId()) && c.severity().name().equals(planted.severity())
              && (c.change().path().contains(planted.detail()) || c.part().contains(planted.detail())));
    }
    // Nothing breaking or to check beyond what was planted, and each planted change once.
    List<EndpointChange> loud = diff.changes().stream().filter(c -> c.severity() != Severity.INFO).toList();
    assertThat(loud).hasSize((int) p.planted().stream()
        .filter(x -> x.severity().equals("BREAKING") || x.severity().equals("WARNING")).count());
    for (EndpointChange c : loud) {
      assertThat(p.planted()).as("a planted change for %s %s %s", c.ruleId(), c.operation(), c.change().path())
          .anyMatch(x -> x.ruleId().equals(c.ruleId()) && reaches(c, x));
    }
  }

  /** The finding is on the planted operation, or reaches it (a shared component is reported once). */
  private static boolean reaches(EndpointChange c, VendorChanges.Planted planted) {
    return c.endpoint().equals(planted.operationId())
        || c.reaches().stream().anyMatch(r -> r.startsWith(planted.operationId() + " "));
  }
}
