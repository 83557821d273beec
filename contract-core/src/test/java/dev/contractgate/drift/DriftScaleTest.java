package dev.contractgate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.Recordings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Drift over 100 000 recordings in a child JVM whose heap is fixed at 256 MB: memory stays flat. */
class DriftScaleTest {

  static final int RECORDINGS = 100_000;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void should_drift_over_100_000_recordings_in_a_256_mb_heap(@TempDir Path dir) throws Exception {
    // GIVEN every 100th response misses /items/0/author/name (1 000), every 1 000th request matches no endpoint
    // (100), the rest conform
    ContractRegistry registry = ContractRegistry.load(Recordings.EXAMPLE_TREE);
    ObjectNode ok = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json");
    ArrayNode items = (ArrayNode) ok.get("items");
    while (items.size() > 1) {
      items.remove(items.size() - 1);
    }
    ObjectNode broken = ok.deepCopy();
    ((ObjectNode) broken.get("items").get(0).get("author")).remove("name");
    String okLine = Recordings.line("GET", "/api/ivanpin/services/blog/list.php?lang=ru&page=PAGE", 200, ok.toString());
    String brokenLine = Recordings.line("GET", "/api/ivanpin/services/blog/list.php?lang=ru&page=PAGE", 200, broken.toString());
    String unmatchedLine = Recordings.line("GET", "/api/ivanpin/services/blog/feed/rss.xml?page=PAGE", 200, "{}");
    Path file = dir.resolve("recording.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < RECORDINGS; i++) {
        String line = i % 1000 == 999 ? unmatchedLine : i % 100 == 7 ? brokenLine : okLine;
        w.write(line.replace("PAGE", Integer.toString(i)));
        w.newLine();
      }
    }
    // WHEN
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        DriftScaleMain.class.getName(), Recordings.EXAMPLE_TREE.toString(), file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(100, TimeUnit.SECONDS);
    // THEN
    assertThat(done).as("child finished").isTrue();
    System.out.println("[drift 100 000 in -Xmx256m]\n" + out + "file=" + Files.size(file) / (1024 * 1024) + " MB");
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().toList()).as(out).contains(
        "recordings=100000",
        "count=99900",
        "conforming=98900",
        "violation=body.required /items/*/author/name 1000 samples=3",
        "unmatched=100",
        "unreadable=0");
    long maxHeap = Long.parseLong(out.lines().filter(l -> l.startsWith("maxHeapMb=")).findFirst().orElseThrow().substring(10));
    assertThat(maxHeap).as("the child really ran with -Xmx256m").isLessThanOrEqualTo(256);
  }
}
