package dev.contractgate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.ReportFormat;
import dev.contractgate.testing.Recordings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A line, HAR string, WireMock mapping file or body file longer than the line limit (twice the tree's
 * {@code limits.maxBodyBytes} plus 64 KiB) is counted as unreadable with its file and position, and the run goes
 * on: every other recording is checked and counted. The tree here has {@code maxBodyBytes: 9000}, so the limit
 * is 83 536 bytes; the heap side of it (the line is never held whole) is {@code DriftHugeLineTest}'s child JVM
 * in contract-cli.
 */
class OversizedRecordingDriftTest {

  static final String TARGET = "/api/ivanpin/services/blog/list.php?lang=ru&page=1";
  static final long LIMIT = 2 * 9000 + 65536;

  @Test
  void should_count_an_oversized_line_as_unreadable_at_its_line_and_check_every_other(@TempDir Path dir) throws IOException {
    // GIVEN 1 000 conforming lines; among them, at lines 2, 501 and the last one, a line over the limit: one of
    // limit + 1 bytes (just over), one of 3 MB (many reads long) ending in \r\n, one at the end without a line end
    ContractRegistry registry = ContractRegistry.load(KeptBodyDriftTest.smallLimits(dir.resolve("tree")));
    ObjectNode ok = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json");
    ArrayNode items = (ArrayNode) ok.get("items");
    while (items.size() > 1) {
      items.remove(items.size() - 1);
    }
    String okLine = Recordings.line("GET", TARGET, 200, ok.toString());
    String head = "{\"method\":\"GET\",\"target\":\"" + TARGET + "\",\"status\":200,\"body\":\"";
    Path file = dir.resolve("recording.ndjson");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, okLine + "\n");
      write(out, head + "x".repeat((int) LIMIT + 1 - head.length() - 2) + "\"}\n");
      for (int i = 3; i <= 500; i++) {
        write(out, okLine + "\n");
      }
      write(out, head);
      byte[] mb = "y".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 3; i++) {
        out.write(mb);
      }
      write(out, "\"}\r\n");
      for (int i = 502; i <= 1000; i++) {
        write(out, okLine + "\n");
      }
      write(out, head + "z".repeat(200_000) + "\"}");
    }
    // WHEN
    DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).threads(2).samples(5).build()
        .run(List.of(file));
    // THEN
    assertThat(result.recordings()).isEqualTo(1001);
    assertThat(result.unreadableCount()).isEqualTo(3);
    assertThat(result.unreadable()).extracting(s -> s.at().toString(), Sample::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(file + ", line 2",
            "a line of " + (LIMIT + 1) + " bytes, longer than the line limit of " + LIMIT
                + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread"),
        org.assertj.core.groups.Tuple.tuple(file + ", line 501",
            "a line of " + (head.length() + 3 * (1 << 20) + 2) + " bytes, longer than the line limit of " + LIMIT
                + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread"),
        org.assertj.core.groups.Tuple.tuple(file + ", line 1001",
            "a line of " + (head.length() + 200_000 + 2) + " bytes, longer than the line limit of " + LIMIT
                + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread"));
    EndpointDrift list = result.endpoint("ivanpin", "blog.list").orElseThrow();
    assertThat(list.count()).isEqualTo(998);
    assertThat(list.conforming()).isEqualTo(998);
    String text = ReportFormat.TEXT.render(DriftReports.of(result, 100, 3));
    assertThat(text).contains("PASSED", "998 responses, 100.0 % conforming", file + ", line 501",
        "raise limits.maxBodyBytes in contract-gate.yaml");
  }

  @Test
  void should_count_a_har_entry_with_an_oversized_string_as_unreadable_and_read_the_entries_after_it(@TempDir Path dir)
      throws IOException {
    // GIVEN a HAR of four entries, the second with a 200 000-character body, the third with one just at the limit
    ContractRegistry registry = ContractRegistry.load(KeptBodyDriftTest.smallLimits(dir.resolve("tree")));
    String ok = oneItem(registry).toString();
    ObjectNode har = Recordings.MAPPER.createObjectNode();
    ArrayNode entries = har.putObject("log").put("version", "1.2").putArray("entries");
    entries.add(harEntry(ok));
    entries.add(harEntry("x".repeat(200_000)));
    entries.add(harEntry("y".repeat((int) LIMIT)));
    entries.add(harEntry(ok));
    Path file = dir.resolve("session.har");
    Files.writeString(file, har.toString());
    // WHEN
    DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).build().run(List.of(file));
    // THEN
    assertThat(result.recordings()).isEqualTo(4);
    assertThat(result.unreadableCount()).isEqualTo(1);
    assertThat(result.unreadable()).extracting(s -> s.at().toString(), Sample::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(file + ", log.entries[1]", "an entry with a string of more than " + LIMIT
            + " characters, longer than the limit (2 × limits.maxBodyBytes + 64 KiB), skipped unread"));
    EndpointDrift list = result.endpoint("ivanpin", "blog.list").orElseThrow();
    assertThat(list.count()).isEqualTo(3);
    assertThat(list.conforming()).isEqualTo(2);
  }

  @Test
  void should_count_an_oversized_wiremock_body_file_or_mapping_file_as_unreadable(@TempDir Path dir) throws IOException {
    // GIVEN three mappings: a body file that conforms, a body file of 200 000 bytes, a mapping file of 200 000 bytes
    ContractRegistry registry = ContractRegistry.load(KeptBodyDriftTest.smallLimits(dir.resolve("tree")));
    Path root = dir.resolve("wiremock");
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    Files.writeString(root.resolve("__files/ok.json"), oneItem(registry).toString());
    Files.writeString(root.resolve("__files/big.json"), "x".repeat(200_000));
    Files.writeString(root.resolve("mappings/a.json"), mapping("\"bodyFileName\": \"ok.json\""));
    Files.writeString(root.resolve("mappings/b.json"), mapping("\"bodyFileName\": \"big.json\""));
    Files.writeString(root.resolve("mappings/c.json"), mapping("\"body\": \"" + "z".repeat(200_000) + "\""));
    // WHEN
    DriftResult result = Drift.builder(registry).namespaces(List.of("ivanpin")).build().run(List.of(root));
    // THEN
    assertThat(result.recordings()).isEqualTo(3);
    assertThat(result.unreadableCount()).isEqualTo(2);
    assertThat(result.unreadable()).extracting(s -> s.at().toString(), Sample::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(root.resolve("mappings/b.json") + ", mappings[0]",
            "bodyFileName \"big.json\" of 200000 bytes, longer than the limit of " + LIMIT
                + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread"),
        org.assertj.core.groups.Tuple.tuple(root.resolve("mappings/c.json") + ", mappings[0]",
            "a mapping file of " + Files.size(root.resolve("mappings/c.json")) + " bytes, longer than the limit of "
                + LIMIT + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread"));
    EndpointDrift list = result.endpoint("ivanpin", "blog.list").orElseThrow();
    assertThat(list.count()).isEqualTo(1);
    assertThat(list.conforming()).isEqualTo(1);
  }

  static ObjectNode oneItem(ContractRegistry registry) {
    ObjectNode ok = Recordings.example(registry, "ivanpin/1.2.0/schemas/blog-list.schema.json");
    ArrayNode items = (ArrayNode) ok.get("items");
    while (items.size() > 1) {
      items.remove(items.size() - 1);
    }
    return ok;
  }

  static ObjectNode harEntry(String body) {
    ObjectNode e = Recordings.MAPPER.createObjectNode();
    e.put("startedDateTime", "2026-11-22T10:00:00.123+03:00");
    e.putObject("request").put("method", "GET").put("url", "https://backend.example" + TARGET);
    ObjectNode res = e.putObject("response").put("status", 200);
    ArrayNode h = res.putArray("headers");
    h.addObject().put("name", "Content-Type").put("value", "application/json");
    h.addObject().put("name", "Vary").put("value", "Origin");
    res.putObject("content").put("mimeType", "application/json").put("text", body);
    return e;
  }

  static String mapping(String body) {
    return "{\"request\": {\"method\": \"GET\", \"url\": \"" + TARGET + "\"}, \"response\": {\"status\": 200,"
        + " \"headers\": {\"Content-Type\": \"application/json\", \"Vary\": \"Origin\"}, " + body + "}}";
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }
}
