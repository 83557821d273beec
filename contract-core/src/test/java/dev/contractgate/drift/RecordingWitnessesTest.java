package dev.contractgate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.record.RecordingEntry;
import dev.contractgate.record.RecordingReader;
import dev.contractgate.record.RecordingRef;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import dev.contractgate.testing.Recordings;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class RecordingWitnessesTest {

  static final String DETAIL = "/api/ivanpin/services/blog/one-bitrix-two-nextjs/?lang=ru";

  @Test
  void should_find_recordings_that_only_the_old_ivanpin_version_accepts(@TempDir Path dir) throws IOException {
    // GIVEN blog.detail responses: the 1.1.0 example (no seo, which 1.2.0 requires), the 1.2.0 example (valid
    // under both), and a crafted 1.2.0 body whose seo lacks its required description
    ContractRegistry registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
    String old = Recordings.example(registry, "ivanpin/1.1.0/schemas/blog-detail.schema.json").toString();
    ObjectNode current = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-detail.schema.json");
    ObjectNode crafted = current.deepCopy();
    ((ObjectNode) crafted.get("seo")).remove("description");
    Path file = dir.resolve("recording.ndjson");
    Files.write(file, List.of(
        Recordings.line("GET", DETAIL, 200, current.toString()),
        Recordings.line("GET", DETAIL, 200, old),
        Recordings.line("GET", DETAIL, 200, crafted.toString()),
        Recordings.line("GET", "/api/ivanpin/services/services/catalog.php?lang=ru", 200, "{}"),
        "not json"));
    // WHEN
    WitnessResult w = RecordingWitnesses.of(registry, registry.requireVersion("ivanpin", "1.1.0"),
        registry.requireVersion("ivanpin", "1.2.0")).scan(List.of(file));
    // THEN
    assertThat(w.older()).isEqualTo("ivanpin@1.1.0");
    assertThat(w.examined()).isEqualTo(5);
    assertThat(w.compared()).isEqualTo(3);
    assertThat(w.notInBoth()).as("services.catalog exists only in 1.2.0").isEqualTo(1);
    assertThat(w.unreadable()).isEqualTo(1);
    assertThat(w.newOnlyCount()).isZero();
    assertThat(w.oldOnlyCount()).isEqualTo(2);
    assertThat(w.oldOnly()).extracting(Witness::at).containsExactly(RecordingRef.line(file.toString(), 2),
        RecordingRef.line(file.toString(), 3));
    assertThat(w.oldOnly().get(0).kind()).isEqualTo(Witness.Kind.OLD_ONLY);
    assertThat(w.oldOnly().get(0).endpoint()).isEqualTo("blog.detail");
    assertThat(w.oldOnly().get(0).violations()).extracting(Violation::rule, Violation::instancePointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("body.required", "/seo"));
    assertThat(w.oldOnly().get(1).violations()).extracting(Violation::instancePointer).containsExactly("/seo/description");
  }

  @Test
  void should_find_a_response_direction_break_witness_when_the_new_version_widens(@TempDir Path dir) throws IOException {
    // GIVEN shop 1.0.0 sends an integer id; 1.1.0 allows null too (a widening: old consumers break)
    ContractTree tree = ContractTree.in(dir.resolve("tree")).withShop()
        .endpoints("shop", "1.1.0", ContractTree.SHOP_ENDPOINTS)
        .schema("shop", "1.1.0", "order.schema.json", """
            {"type": "object", "required": ["id"], "properties": {"id": {"type": ["integer", "null"]}}}
            """);
    ContractRegistry registry = tree.load();
    List<RecordingEntry> entries = new ArrayList<>();
    Path file = dir.resolve("r.ndjson");
    Files.write(file, List.of(
        Recordings.line("GET", "/api/shop/orders/7", 200, "{\"id\": 7}"),
        Recordings.line("GET", "/api/shop/orders/8", 200, "{\"id\": null}"),
        Recordings.line("GET", "/api/shop/orders/9", 200, "{\"id\": \"9\"}")));
    try (RecordingReader r = RecordingReader.open(file)) {
      r.forEachRemaining(entries::add);
    }
    // WHEN the caller streams the entries itself
    WitnessResult w = RecordingWitnesses.of(registry, registry.requireVersion("shop", "1.0.0"),
        registry.requireVersion("shop", "1.1.0")).scan(entries.iterator());
    // THEN only the null id tells the versions apart, and it is a break witness
    assertThat(w.compared()).isEqualTo(3);
    assertThat(w.oldOnlyCount()).isZero();
    assertThat(w.newOnlyCount()).isEqualTo(1);
    Witness witness = w.newOnly().get(0);
    assertThat(witness.kind()).isEqualTo(Witness.Kind.NEW_ONLY);
    assertThat(witness.at()).isEqualTo(RecordingRef.line(file.toString(), 2));
    assertThat(witness.request()).isEqualTo("GET /api/shop/orders/8");
    assertThat(witness.violations()).extracting(Violation::rule, Violation::instancePointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("body.type", "/id"));
  }
}
