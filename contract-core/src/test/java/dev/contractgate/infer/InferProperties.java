package dev.contractgate.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.testing.Recordings;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The promise a reviewer relies on: an inferred schema accepts every body it was inferred from, whatever the
 * bodies. Random bodies (no fixed seed: every run tries new ones; jqwik prints the seed of a failure) drawn from
 * pools that hit every rule: formats with near misses, low-cardinality strings, nulls, integers and fractions,
 * id-keyed and word-keyed objects, nested arrays, redacted values; thresholds lowered so formats and enums
 * appear with few samples. Each sample is validated by the same validator drift uses.
 */
class InferProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] STRINGS = {
    "2025-03-14T10:30:00+03:00", "2025-03-14T10:30:00.123Z", "2025-03-14t10:30:00z", "2025-02-30T10:00:00Z",
    "2025-03-14", "2024-02-29", "https://ivanpin.com/blog/post/", "http://[::1]:8080/x?y=1#z", "ftp://a.b/c d",
    "mailto:a@b.example", "a@b.example", "first.last+tag@sub-domain.example.org", "a@b", "x..y@b.example",
    "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000", "ru", "en", "", " ", "Иван",
    "[redacted]", "null", "42", "1.5"};
  private static final String[] KEYS = {"id", "name", "items", "author", "url", "createdAt", "tags", "meta", "17",
    "42", "123e4567-e89b-12d3-a456-426614174000", "lang", "a-b", "$ref", "type"};

  private Path dir;
  private final java.util.concurrent.atomic.AtomicLong tries = new java.util.concurrent.atomic.AtomicLong();

  @BeforeProperty
  void createDirectory() throws IOException {
    dir = Files.createTempDirectory("infer-properties");
  }

  @AfterProperty
  void deleteDirectory() {
    try {
      TreeWriter.deleteTree(dir);
    } catch (IOException e) {
      // a temporary directory: best effort
    }
  }

  @Property(tries = 100)
  void an_inferred_schema_accepts_every_sample_it_was_inferred_from(@ForAll long seed) throws IOException {
    // GIVEN random bodies that vary around one random template
    Random r = new Random(seed);
    JsonNode template = value(r, 0);
    List<String> bodies = new ArrayList<>();
    int n = 1 + r.nextInt(25);
    for (int i = 0; i < n; i++) {
      bodies.add((r.nextInt(3) == 0 ? value(r, 0) : vary(r, template, 0)).toString());
    }
    Path work = Files.createDirectories(dir.resolve(Long.toHexString(seed) + "-" + tries.incrementAndGet()));
    List<String> lines = new ArrayList<>();
    for (String b : bodies) {
      lines.add(Recordings.line("GET", "/api/p/things/list.php", 200, b));
    }
    Path rec = Files.write(work.resolve("rec.ndjson"), lines);
    InferOptions o = InferOptions.defaults().withMinFormatSamples(2).withMinEnumSamples(3).withMinMapKeys(4)
        .withMaxProperties(8);
    // WHEN
    InferredVersion v = Inference.builder("p", "/api/p/", "1.0.0").options(o).threads(1 + r.nextInt(3)).build()
        .run(List.of(rec));
    v.writeTo(work.resolve("tree"), false);
    // THEN
    ContractRegistry registry = ContractRegistry.load(work.resolve("tree"));
    ContractVersion version = registry.latest("p");
    Endpoint e = version.endpoints().get(0);
    ResponseValidator validator = ResponseValidator.of(registry);
    for (String b : bodies) {
      List<Violation> violations = validator.validateBody(e.responses().get(200).schema().orElseThrow(), b);
      assertThat(violations).as("body %s%nschema %s", b,
          v.files().get("p/1.0.0/schemas/things-list.200.schema.json")).isEmpty();
    }
  }

  private static JsonNode value(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 9);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2 -> NODES.numberNode(r.nextInt(2000) - 1000);
      case 3 -> NODES.numberNode(r.nextInt(100) / 8.0);
      case 4, 5 -> NODES.stringNode(STRINGS[r.nextInt(STRINGS.length)]);
      case 6 -> {
        ArrayNode a = NODES.arrayNode();
        int size = r.nextInt(4);
        for (int i = 0; i < size; i++) {
          a.add(value(r, depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        int size = r.nextInt(5);
        for (int i = 0; i < size; i++) {
          o.set(KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
        }
        yield o;
      }
    };
  }

  /** The template with keys dropped or added, values swapped, items varied. */
  private static JsonNode vary(Random r, JsonNode t, int depth) {
    if (t.isObject()) {
      ObjectNode o = NODES.objectNode();
      for (var e : t.properties()) {
        if (r.nextInt(5) != 0) {
          o.set(e.getKey(), vary(r, e.getValue(), depth + 1));
        }
      }
      if (r.nextInt(4) == 0) {
        o.set(KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
      }
      return o;
    }
    if (t.isArray()) {
      ArrayNode a = NODES.arrayNode();
      for (JsonNode item : t) {
        a.add(vary(r, item, depth + 1));
      }
      if (r.nextBoolean() && !t.isEmpty()) {
        a.add(vary(r, t.get(0), depth + 1));
      }
      return a;
    }
    return r.nextInt(4) == 0 ? value(r, depth) : t;
  }
}
