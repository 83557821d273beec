package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of 200 MB among 10 000 ordinary ones, read by {@code contract-gate drift} in a child JVM with a heap of
 * 64 MB: the line is counted as unreadable at its line, never held, and the report of the other 10 000 is complete.
 * (Before, the line was read whole: out of memory, exit 5, no report.)
 */
class DriftHugeLineTest {

  static final int HUGE = 200 << 20;

  @BeforeAll
  static void load() {
    DriftCommandTest.load();
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void should_report_every_other_recording_when_one_line_is_larger_than_the_heap(@TempDir Path dir) throws Exception {
    // GIVEN 10 001 lines: 5 000 conforming, one of 200 MB (line 5001), 5 000 conforming
    ObjectNode body = (ObjectNode) DriftCommandTest.MAPPER.readTree(DriftCommandTest.ok);
    ArrayNode items = (ArrayNode) body.get("items");
    while (items.size() > 1) {
      items.remove(items.size() - 1);
    }
    byte[] ok = (DriftCommandTest.line(DriftCommandTest.LIST, body.toString()) + "\n").getBytes(StandardCharsets.UTF_8);
    String head = "{\"method\":\"GET\",\"target\":\"" + DriftCommandTest.LIST + "\",\"status\":200,\"body\":\"";
    Path file = dir.resolve("recording.ndjson");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int i = 0; i < 5000; i++) {
        out.write(ok);
      }
      out.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] mb = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < HUGE >> 20; i++) {
        out.write(mb);
      }
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 5000; i++) {
        out.write(ok);
      }
    }
    // WHEN
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        ContractCli.class.getName(), "drift", "--contracts", "classpath:examples", "--recordings", file.toString(), "--namespace", "ivanpin",
        "--color", "never", "-q")
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
    boolean done = p.waitFor(150, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(dir.resolve("out.txt"));
    String err = Files.readString(dir.resolve("err.txt"));
    // THEN
    assertThat(done).as("child finished").isTrue();
    assertThat(p.exitValue()).as(out + err).isEqualTo(3);
    assertThat(out).contains("10000 responses, 100.0 % conforming",
        "1 unreadable (0 tolerated)",
        "recording.unreadable at " + file + ", line 5001",
        "a line of " + (head.length() + HUGE + 2) + " bytes, longer than the line limit of " + (2 * 2097152 + 65536)
            + " bytes",
        "Read 10001 recordings from 1 source");
    assertThat(err).contains("Unreadable recordings: 1", "(first: " + file + ", line 5001)", "--max-unreadable 1")
        .doesNotContain("out of memory");
  }
}
