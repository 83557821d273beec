package dev.contractgate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.record.LineBody;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.Recordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drift with bodies kept aside as characters ({@link LineBody}, parsed by {@link DriftEngine.Checker#parse(LineBody)})
 * gives exactly the result of drift with bodies as strings: same counts, groups, messages, samples and masking,
 * on random recordings with every kind of escape, secrets, violations, bodies that are not JSON, too deep or
 * too large.
 */
class KeptBodyDriftTest {

  static final String TARGET = "/api/ivanpin/services/blog/list.php?lang=ru&page=1";
  static final String[] TEXTS = {"plain", "Привет, мир", "😀 emoji", "quote \" and \\ back", "slash / here", "\u0001\u001f",
      "\t\n\r\b\f", "€ and é", "\uFEFFbom", "\u2028"};

  @Test
  void should_give_the_same_result_as_bodies_as_strings(@TempDir Path dir) throws IOException {
    ContractRegistry plain = ContractRegistry.load(Recordings.EXAMPLE_TREE);
    ContractRegistry small = ContractRegistry.load(smallLimits(dir.resolve("tree")));
    for (ContractRegistry registry : List.of(plain, small)) {
      ObjectNode base = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json");
      long kept = 0;
      long lines = 0;
      for (int seed = 0; seed < 40; seed++) {
        Random r = new Random(seed);
        Path file = dir.resolve("r" + seed + ".ndjson");
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
          b.append(line(r, base, seed)).append('\n');
        }
        Files.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        lines += n;
        int threads = 1 + r.nextInt(2);
        DriftEngine engine = new DriftEngine(registry, Drift.builder(registry).build().versions(),
            Redaction.defaults().forRegistry(registry), 5);
        AtomicLong aside = new AtomicLong();
        List<DriftEngine.Accumulator> now = Pipeline.run(List.of(file), threads, 64, registry.policy().limits().maxBodyBytes(),
            () -> new DriftEngine.Accumulator(5),
            (Pipeline.Work<DriftEngine.Accumulator>) (acc, e, body) -> {
              if (body != null) {
                aside.incrementAndGet();
              }
              engine.process(acc, e, body);
            }, Redaction.defaults().forRegistry(registry));
        List<DriftEngine.Accumulator> before = Pipeline.run(List.of(file), threads, 64, registry.policy().limits().maxBodyBytes(),
            () -> new DriftEngine.Accumulator(5), (BiConsumer<DriftEngine.Accumulator, dev.contractgate.record.RecordingEntry>) (acc, e) -> engine.process(acc, e, null),
            Redaction.defaults().forRegistry(registry));
        DriftResult expected = engine.merge(List.of(file), before, 0);
        DriftResult actual = engine.merge(List.of(file), now, 0);
        assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        assertThat(actual.toString()).as("seed %d", seed).doesNotContain("SECRET");
        kept += aside.get();
      }
      // Most bodies went the new way, and the comparison saw violations, unknown fields and unreadable lines.
      assertThat(kept).isGreaterThan(lines / 2);
    }
  }

  @Test
  void should_see_what_the_random_recordings_plant(@TempDir Path dir) throws IOException {
    ContractRegistry registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
    ObjectNode base = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json");
    Random r = new Random(7);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      b.append(line(r, base, 7)).append('\n');
    }
    Path file = dir.resolve("all.ndjson");
    Files.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    DriftResult result = Drift.builder(registry).build().run(List.of(file));
    var list = result.endpoints().stream().filter(e -> e.endpoint().equals("blog.list")).findFirst().orElseThrow();
    assertThat(list.count()).isGreaterThan(100);
    assertThat(list.conforming()).isPositive().isLessThan(list.count());
    assertThat(list.violations()).extracting(g -> g.rule()).contains("body.pattern", "body.not-json");
    assertThat(list.unknownFields()).isNotEmpty();
    assertThat(result.unreadableCount()).isPositive();
    assertThat(result.toString()).doesNotContain("SECRET");
  }

  @Test
  void should_mask_a_kept_body_as_a_string_body(@TempDir Path dir) throws IOException {
    // GIVEN a line whose body has a password, with escapes around it
    ContractRegistry registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
    Path file = dir.resolve("one.ndjson");
    String text = """
        {"a":[{"password":"SECRET-\\u00e9","b":"\\/"}]}""";
    Files.writeString(file, "{\"method\":\"GET\",\"target\":\"/a\",\"status\":200,\"body\":"
        + Recordings.MAPPER.writeValueAsString(text).replace("password", "pass\\u0077ord") + "}\n");
    DriftEngine.Checker checker = new DriftEngine.Checker(registry, Drift.builder(registry).build().versions(),
        Redaction.defaults().forRegistry(registry));
    LineBody kept = new LineBody();
    try (var lines = new dev.contractgate.record.NdjsonLines(file)) {
      var chunk = lines.next(64, 1 << 18);
      assertThat(((dev.contractgate.record.RecordingEntry.Read) chunk.decode(0)).exchange().body()).isEqualTo(text);
      chunk.decode(0, kept);
      // WHEN
      DriftEngine.Checker.Body body = checker.parse(kept);
      // THEN masked the same way, with the masked text to validate
      assertThat(kept.aside()).isTrue();
      assertThat(body).isEqualTo(checker.parse(text));
      assertThat(body.text()).isEqualTo("{\"a\":[{\"password\":\"[redacted]\",\"b\":\"/\"}]}");
    }
  }

  /** The example tree with tiny limits: bodies over the size limit and too deep ones. */
  static Path smallLimits(Path to) throws IOException {
    try (Stream<Path> all = Files.walk(Recordings.EXAMPLE_TREE)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(Recordings.EXAMPLE_TREE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    Path policy = to.resolve("contract-gate.yaml");
    Files.writeString(policy, Files.readString(policy).replace("maxBodyBytes: 2097152", "maxBodyBytes: 9000")
        .replace("maxDepth: 64", "maxDepth: 7"));
    return to;
  }

  static String line(Random r, ObjectNode base, int seed) {
    ObjectNode body = base.deepCopy();
    ArrayNode items = (ArrayNode) body.get("items");
    for (JsonNode item : items) {
      ObjectNode o = (ObjectNode) item;
      switch (r.nextInt(12)) {
        case 0 -> o.put("slug", "Not A Slug " + TEXTS[r.nextInt(TEXTS.length)]);
        case 1 -> o.put("password", "SECRET-" + seed);
        case 2 -> o.put("extra" + r.nextInt(3), TEXTS[r.nextInt(TEXTS.length)]);
        case 3 -> o.put("title", TEXTS[r.nextInt(TEXTS.length)].repeat(1 + r.nextInt(3)));
        case 4 -> o.putObject("deep").putObject("a").putObject("b").putObject("c").putObject("d").put("token", "SECRET-x");
        case 5 -> o.put("slug", "Not-In-Token").put("token", "SECRET-" + seed);
        case 6 -> o.put("excerpt", "x".repeat(r.nextInt(3000)));
        case 7 -> o.put("iblockId", 99);
        default -> { }
      }
    }
    String text = switch (r.nextInt(14)) {
      case 0 -> "";
      case 1 -> "not json " + TEXTS[r.nextInt(TEXTS.length)];
      case 2 -> " " + body;
      case 3 -> body + " trailing";
      case 4 -> "null";
      case 5 -> "[" + body + "]";
      default -> body.toString();
    };
    List<String> fields = new ArrayList<>();
    fields.add("\"time\":\"2026-11-22T10:00:00Z\"");
    fields.add("\"method\":\"GET\"");
    fields.add("\"target\":\"" + (r.nextInt(15) == 0 ? "/api/ivanpin/services/nope.php" : TARGET) + "\"");
    fields.add("\"status\":" + (r.nextInt(15) == 0 ? 0 : r.nextInt(15) == 0 ? 500 : 200));
    fields.add("\"headers\":{\"content-type\":[\"application/json\"],\"vary\":[\"Origin\"],\"authorization\":[\"Bearer SECRET-h\"]}");
    if (r.nextInt(15) == 0) {
      fields.add("\"truncated\":true");
    }
    int kind = r.nextInt(20);
    fields.add("\"body\":" + (kind == 0 ? "null" : kind == 1 ? body.toString() : escape(text, r)));
    java.util.Collections.shuffle(fields, r);
    String line = "{" + String.join(",", fields) + "}";
    return r.nextInt(25) == 0 ? line.substring(0, r.nextInt(line.length())) : line;
  }

  /** A JSON string of {@code s} with escapes of every kind, chosen at random where there is a choice. */
  static String escape(String s, Random r) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean u = r.nextInt(12) == 0;
      String hex = String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c);
      switch (c) {
        case '"' -> b.append(u ? hex : "\\\"");
        case '\\' -> b.append(u ? hex : "\\\\");
        case '/' -> b.append(u ? hex : r.nextBoolean() ? "\\/" : "/");
        case '\n' -> b.append(u ? hex : "\\n");
        case '\t' -> b.append(u ? hex : "\\t");
        case '\r' -> b.append("\\r");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> b.append(c < 0x20 || u || Character.isSurrogate(c) && r.nextBoolean() ? hex : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}
