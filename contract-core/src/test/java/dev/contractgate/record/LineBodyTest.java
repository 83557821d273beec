package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line decoded with its body kept aside ({@link NdjsonChunk#decode(int, LineBody)}) is the line decoded
 * as before ({@link NdjsonChunk#decode(int)}): same entry, same message, and the kept characters are
 * exactly the body string the exchange held.
 */
class LineBodyTest {

  /** Pieces of a body string as they stand in the line, escapes included, valid or not. */
  static final String[] PIECES = {
      "{", "}", "[", "]", ":", ",", "\\\"", "\\\\", "\\/", "/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u00E9",
      "\\u0000", "\\u001f", "\\u20AC", "\\uD83D\\uDE00", "\\ud83d\\ude00", "😀", "Привет", "é", "€", "a", "slug", "42",
      "-1.5e3", "true", "null", " ", "\\u0041", "\\uFFFF", "\\uFEFF",
      // invalid escapes and raw control characters (such a line goes the old way), lone surrogates (kept)
      "\\x", "\\u12G4", "\\uD800", "\\uDC00", "\\uD83D\\u0041", "\\uD83D", "\\uD83Dx", "\\", "\\u00", "\u0001", "\t"};
  static final String[] BODIES = {
      "{\\\"items\\\":[{\\\"id\\\":1,\\\"slug\\\":\\\"a-b\\\"}],\\\"total\\\":1}", "[1,2,3]", "{}", "[]", "",
      "not json", "{\\\"a\\\":1} trailing", " {\\\"a\\\":1}", "{\\\"a\\\":", "\\uFEFF{}", "{\\u0000}", "[\\u0000\\u0000\\u0000]",
      "{\\\"a\\\":\\\"\\\\uD800\\\"}", "{\\\"password\\\":\\\"hunter2\\\"}", "null", "7"};
  static final String[] VALUES = {"null", "123", "{\"items\":[]}", "[1]", "true", "\"\""};

  @Test
  void should_decode_random_lines_keeping_the_body_exactly_as_the_string_it_was(@TempDir Path dir) throws IOException {
    int aside = 0;
    int lines = 0;
    for (int seed = 0; seed < 400; seed++) {
      Random r = new Random(seed);
      Path file = dir.resolve("r" + seed + ".ndjson");
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(30);
      for (int i = 0; i < n; i++) {
        b.append(line(r)).append('\n');
      }
      Files.writeString(file, b, StandardCharsets.UTF_8);
      LineBody body = new LineBody();
      try (NdjsonLines in = new NdjsonLines(file)) {
        for (NdjsonChunk c = in.next(1 + r.nextInt(64), 1 << 18); c != null; c = in.next(64, 1 << 18)) {
          for (int i = 0; i < c.size(); i++) {
            RecordingEntry old = c.decode(i);
            RecordingEntry kept = c.decode(i, body);
            lines++;
            if (body.aside()) {
              aside++;
              RecordedExchange x = ((RecordingEntry.Read) kept).exchange();
              assertThat(x.body()).isEmpty();
              kept = new RecordingEntry.Read(kept.ref(), new RecordedExchange(x.time(), x.method(), x.target(),
                  x.status(), x.headers(), body.string(), x.truncated(), x.namespace(), x.endpoint()));
            }
            assertThat(kept).as("seed %d line %d", seed, i).isEqualTo(old);
          }
        }
      }
    }
    // Both ways were taken often: the comparison is not vacuous.
    assertThat(aside).isGreaterThan(lines / 4);
    assertThat(lines - aside).isGreaterThan(lines / 4);
  }

  @Test
  void should_keep_a_large_body_and_its_escapes() throws IOException {
    // GIVEN a 300 KB body with every kind of escape
    String text = "{\"a\":\"x\\\"y\\\\z/é€😀\\n\"}".repeat(10_000);
    String escaped = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text)
        .replace("/", "\\/").replace("é", "\\u00e9").replace("😀", "\\uD83D\\uDE00");
    byte[] line = ("{\"method\":\"GET\",\"target\":\"/a\",\"status\":200,\"body\":" + escaped + "}\n")
        .getBytes(StandardCharsets.UTF_8);
    Path file = Files.createTempFile("big", ".ndjson");
    try {
      Files.write(file, line);
      LineBody body = new LineBody();
      try (NdjsonLines in = new NdjsonLines(file)) {
        NdjsonChunk c = in.next(64, 1 << 18);
        // WHEN
        c.decode(0, body);
        // THEN
        assertThat(body.aside()).isTrue();
        assertThat(body.string()).isEqualTo(text);
        assertThat(((RecordingEntry.Read) c.decode(0)).exchange().body()).isEqualTo(text);
      }
    } finally {
      Files.delete(file);
    }
  }

  static String line(Random r) {
    List<String> fields = new ArrayList<>();
    fields.add("\"method\":\"GET\"");
    fields.add("\"target\":\"/api/x?q=" + r.nextInt(9) + "\"");
    fields.add("\"status\":" + (r.nextInt(10) == 0 ? "\"200\"" : "200"));
    if (r.nextBoolean()) {
      fields.add("\"headers\":{\"Content-Type\":[\"application/json\"],\"X-Api-Key\":\"k" + r.nextInt(9) + "\"}");
    }
    if (r.nextBoolean()) {
      fields.add("\"time\":\"2026-11-22T10:00:0" + r.nextInt(10) + ".123Z\"");
    }
    if (r.nextInt(4) == 0) {
      fields.add("\"truncated\":" + r.nextBoolean());
    }
    int kind = r.nextInt(10);
    if (kind < 6) {
      StringBuilder s = new StringBuilder();
      if (r.nextBoolean()) {
        s.append(BODIES[r.nextInt(BODIES.length)]);
      } else {
        for (int k = r.nextInt(40); k > 0; k--) {
          String p = PIECES[r.nextInt(r.nextInt(5) == 0 ? PIECES.length : PIECES.length - 11)];
          s.append(p);
        }
      }
      String colon = switch (r.nextInt(6)) {
        case 0 -> " : ";
        case 1 -> "\t:";
        default -> ":";
      };
      fields.add("\"body\"" + colon + "\"" + s + "\"");
    } else if (kind < 8) {
      fields.add("\"body\":" + VALUES[r.nextInt(VALUES.length)]);
    } else if (kind == 8) {
      fields.add("\"body\":\"{}\"");
      fields.add("\"body\":" + (r.nextBoolean() ? "\"[1]\"" : "null"));
    }
    if (r.nextInt(8) == 0) {
      fields.add("\"method\":\"POST\"");
    }
    if (r.nextInt(5) == 0) {
      fields.add("\"" + (r.nextBoolean() ? "namespace" : "endpoint") + "\":" + VALUES[r.nextInt(VALUES.length)]);
    }
    // Look-alikes of the body and brackets inside strings: only the top-level "body" string is the body.
    switch (r.nextInt(12)) {
      case 0 -> fields.add("\"meta\":{\"body\":\"{}\",\"x\":[\"]\",\"{\",{\"body\":1}]}");
      case 1 -> fields.add("\"bo\\u0064y\":\"[1]\"");
      case 2 -> fields.add("\"note\":\"\\\"}]{[,\\\\\"");
      case 3 -> fields.add("\"list\":[\"body\",\"body\",{\"a\":[]}]");
      case 4 -> fields.add("\"bodyx\":\"{}\"");
      default -> { }
    }
    if (r.nextInt(8) == 0) {
      fields.add("\"headers\":" + VALUES[r.nextInt(VALUES.length)]);
    }
    java.util.Collections.shuffle(fields, r);
    String line = "{" + String.join(r.nextInt(6) == 0 ? " , " : ",", fields) + "}";
    return switch (r.nextInt(20)) {
      case 0 -> line + " {}";
      case 1 -> line.substring(0, r.nextInt(line.length()));
      case 2 -> " " + line;
      case 3 -> line + "  ";
      case 4 -> "[" + line + "]";
      default -> line;
    };
  }
}
