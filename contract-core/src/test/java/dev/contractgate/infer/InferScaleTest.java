package dev.contractgate.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.testing.Recordings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference over many recorded exchanges in a child JVM whose heap is fixed at 256 MB: memory holds statistics
 * per endpoint and place, never the traffic. 100 000 exchanges on every build; one million (the figure in
 * docs/infer.md) with {@code -Dinfer.scale=1000000}:
 *
 * <pre>
 * ./mvnw -B -o -q -pl contract-core -am test -Dtest=InferScaleTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dinfer.scale=1000000
 * </pre>
 *
 * The traffic mixes a list endpoint with a different page in every query, a detail endpoint under 5 000
 * distinct slugs (past the bound on path values), orders under unique numeric ids with id-keyed maps,
 * 404s, one body in 100 that is not JSON and one line in 1 000 outside the base path. No time is asserted.
 */
class InferScaleTest {

  @Test
  void should_infer_from_many_exchanges_in_a_256_mb_heap(@TempDir Path dir) throws Exception {
    // GIVEN
    int n = Integer.getInteger("infer.scale", 100_000);
    Path file = dir.resolve("recording.ndjson");
    String list = "{\"items\":[{\"id\":1287,\"slug\":\"headless-deploy-velocity\",\"lang\":\"ru\",\"title\":\"Фронтенд"
        + " деплоится за 3 минуты\",\"publishedAt\":\"2025-03-14T10:30:00+03:00\",\"url\":\"https://ivanpin.com/blog/x/\","
        + "\"author\":{\"id\":1,\"name\":\"Иван Пин\",\"avatar\":{\"url\":\"https://ivanpin.com/a.jpg\",\"width\":256,"
        + "\"height\":256}},\"image\":{\"url\":\"https://ivanpin.com/b.jpg\",\"width\":1200,\"height\":630},"
        + "\"tags\":[\"headless\",\"bitrix\"],\"readingTime\":7}],\"pagination\":{\"page\":PAGE,\"pageSize\":10,"
        + "\"total\":3,\"totalPages\":1}}";
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String line;
        if (i % 1000 == 999) {
          line = Recordings.line("GET", "/elsewhere/" + i, 200, "{}");
        } else if (i % 100 == 42) {
          line = Recordings.line("GET", "/api/shop/orders/" + i, 200, "<b>Notice</b>: Undefined index");
        } else if (i % 3 == 0) {
          line = Recordings.line("GET", "/api/shop/blog/list.php?lang=ru&page=" + i, 200, list.replace("PAGE",
              Integer.toString(i % 50 + 1)));
        } else if (i % 3 == 1) {
          line = Recordings.line("GET", "/api/shop/blog/post-" + (i % 5000) + "-slug/", i % 97 == 0 ? 404 : 200,
              i % 97 == 0 ? "{\"error\":{\"code\":\"NOT_FOUND\"}}" : "{\"slug\":\"post-" + (i % 5000)
                  + "-slug\",\"lang\":\"" + (i % 2 == 0 ? "ru" : "en") + "\",\"views\":" + i + ",\"rating\":"
                  + (i % 7 == 0 ? "null" : (i % 10) / 2.0) + "}");
        } else {
          line = Recordings.line("GET", "/api/shop/orders/" + i, 200, "{\"id\":" + i + ",\"lines\":{\"" + (i * 7)
              + "\":{\"qty\":" + (i % 5) + "},\"" + (i * 7 + 1) + "\":{\"qty\":1}},\"createdAt\":\"2026-01-0"
              + (1 + i % 9) + "\"}");
        }
        w.write(line);
        w.newLine();
      }
    }
    // WHEN
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        InferScaleMain.class.getName(), file.toString(), dir.resolve("tree").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(30, TimeUnit.MINUTES);
    // THEN
    assertThat(done).as("child finished").isTrue();
    System.out.println("[infer " + n + " in -Xmx256m]\n" + out + "file=" + Files.size(file) / (1024 * 1024) + " MB");
    assertThat(p.exitValue()).as(out).isZero();
    long outside = n / 1000;
    long notJson = (n + 57) / 100;
    assertThat(out.lines().toList()).as(out).contains(
        "entries=" + n,
        "outside=" + outside,
        "exchanges=" + (n - outside),
        "problem=body.not-json " + notJson,
        "file=shop/1.0.0/endpoints.yaml",
        "file=shop/1.0.0/schemas/blog-list.200.schema.json",
        "file=shop/1.0.0/schemas/blog-detail.200.schema.json",
        "file=shop/1.0.0/schemas/blog-detail.404.schema.json",
        "file=shop/1.0.0/schemas/orders-detail.200.schema.json");
    long maxHeap = Long.parseLong(out.lines().filter(l -> l.startsWith("maxHeapMb=")).findFirst().orElseThrow()
        .substring(10));
    assertThat(maxHeap).as("the child really ran with -Xmx256m").isLessThanOrEqualTo(256);
    String orders = Files.readString(dir.resolve("tree/shop/1.0.0/schemas/orders-detail.200.schema.json"));
    assertThat(orders).contains("\"additionalProperties\"").contains("\"format\" : \"date\"");
    assertThat(Files.readString(dir.resolve("tree/shop/1.0.0/endpoints.yaml"))).contains("path: \"blog/{slug}/\"")
        .contains("path: \"orders/{id}\"");
  }
}
