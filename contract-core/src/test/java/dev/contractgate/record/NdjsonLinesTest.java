package dev.contractgate.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines cut from bytes and parsed from bytes give exactly what {@link BufferedReader#readLine()} over a
 * replacing UTF-8 decoder and a string parser gave: same line numbers, same exchanges, same messages.
 */
class NdjsonLinesTest {

  static final String[] TEXTS = {"plain", "Привет, мир", "😀 emoji", "한국어", "देवनागरी", "\u3000", "tab\\tquote\\\"",
      "\\u00e9", "ÿ"};
  static final byte[][] MALFORMED = {
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xC2, 'z'}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE0, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
      {(byte) 0xE1, (byte) 0x80}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xF1, (byte) 0x80, (byte) 0x80, 'z'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {0}, {(byte) 0xE0}, {(byte) 0xF0}};
  static final String[] ENDS = {"\n", "\r", "\r\n"};

  @Test
  void should_read_random_recordings_exactly_as_a_line_reader_and_a_string_parser(@TempDir Path dir) throws IOException {
    for (int seed = 0; seed < 300; seed++) {
      Random r = new Random(seed);
      Path file = dir.resolve("r" + seed + ".ndjson");
      Files.write(file, recording(r));
      assertThat(read(file, 1 + r.nextInt(70), 1 + r.nextInt(3000))).as("seed %d", seed).isEqualTo(expected(file));
    }
  }

  @Test
  void should_read_a_line_longer_than_every_buffer(@TempDir Path dir) throws IOException {
    // GIVEN a 700 KB line between two short ones, without a final line end
    String big = "{\"method\":\"GET\",\"target\":\"/a\",\"status\":200,\"body\":\"" + "Ж".repeat(350_000) + "\"}";
    Path file = dir.resolve("big.ndjson");
    Files.writeString(file, line(0) + "\r\n" + big + "\n\n" + line(1), StandardCharsets.UTF_8);
    // WHEN
    List<String> entries = read(file, 64, 1 << 18);
    // THEN
    assertThat(entries).isEqualTo(expected(file)).hasSize(3);
    assertThat(entries.get(1)).startsWith("line 2: ").contains("ЖЖЖ");
    assertThat(entries.get(2)).startsWith("line 4: ");
  }

  @Test
  void should_read_random_recordings_with_a_small_line_limit_as_before_except_the_longer_lines(@TempDir Path dir)
      throws IOException {
    for (int seed = 0; seed < 200; seed++) {
      Random r = new Random(seed);
      Path file = dir.resolve("r" + seed + ".ndjson");
      byte[] bytes = recording(r);
      Files.write(file, bytes);
      int limit = 1 + r.nextInt(400);
      // the lines as bytes, cut where BufferedReader cuts them
      List<Integer> sizes = new ArrayList<>();
      int from = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n' || bytes[i] == '\r') {
          sizes.add(i - from);
          if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
            i++;
          }
          from = i + 1;
        }
      }
      if (from < bytes.length) {
        sizes.add(bytes.length - from);
      }
      List<String> expected = new ArrayList<>();
      List<String> before = expected(file);
      int k = 0;
      for (int line = 1; line <= sizes.size(); line++) {
        String where = "line " + line + ": ";
        if (sizes.get(line - 1) > limit) {
          expected.add(show(NdjsonChunk.oversized(RecordingRef.line(file.toString(), line), sizes.get(line - 1), limit)));
          if (k < before.size() && before.get(k).startsWith(where)) {
            k++;
          }
        } else if (k < before.size() && before.get(k).startsWith(where)) {
          expected.add(before.get(k++));
        }
      }
      List<String> actual = new ArrayList<>();
      int maxLines = 1 + r.nextInt(70);
      int maxBytes = 1 + r.nextInt(3000);
      try (NdjsonLines lines = new NdjsonLines(file, limit)) {
        for (NdjsonChunk c = lines.next(maxLines, maxBytes); c != null; c = lines.next(maxLines, maxBytes)) {
          for (int i = 0; i < c.size(); i++) {
            RecordingEntry e = c.decode(i);
            if (e != null) {
              actual.add(show(e));
            }
          }
        }
      }
      assertThat(actual).as("seed %d, limit %d", seed, limit).isEqualTo(expected);
    }
  }

  @Test
  void should_skip_a_line_over_the_limit_without_holding_it_and_keep_every_line_number(@TempDir Path dir) throws IOException {
    // GIVEN lines around three over a limit of 1 000 bytes: 1 001 bytes (inside one read), 5 MB (many reads),
    // and 2 000 bytes at the end without a line end; line ends of every kind
    String big = "{\"method\":\"GET\",\"target\":\"/a\",\"status\":200,\"body\":\"";
    Path file = dir.resolve("big.ndjson");
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      out.write((line(0) + "\r\n" + big + "x".repeat(1001 - big.length() - 2) + "\"}\r" + line(1) + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.write(big.getBytes(StandardCharsets.UTF_8));
      byte[] mb = "Ж".repeat(1 << 19).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 5; i++) {
        out.write(mb);
      }
      out.write(("\"}\r\n" + line(2) + "\r\n" + big + "z".repeat(2000 - big.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    // WHEN
    List<String> entries = new ArrayList<>();
    int buffer;
    try (NdjsonLines lines = new NdjsonLines(file, 1000)) {
      for (NdjsonChunk c = lines.next(64, 1 << 18); c != null; c = lines.next(64, 1 << 18)) {
        for (int i = 0; i < c.size(); i++) {
          RecordingEntry e = c.decode(i);
          if (e instanceof RecordingEntry.Unreadable u) {
            entries.add(u.ref().where() + ": unreadable " + u.problem());
            assertThat(c.decode(i, new LineBody())).isEqualTo(u);
          } else if (e != null) {
            entries.add(e.ref().where() + ": read " + ((RecordingEntry.Read) e).exchange().target());
          }
        }
      }
      buffer = lines.bufferSize();
    }
    // THEN
    String limit = " bytes, longer than the line limit of 1000 bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread";
    assertThat(entries).hasSize(6);
    assertThat(entries.get(0)).isEqualTo("line 1: read /api/x?page=0");
    assertThat(entries.get(1)).isEqualTo("line 2: unreadable a line of 1001" + limit);
    assertThat(entries.get(2)).isEqualTo("line 3: read /api/x?page=1");
    assertThat(entries.get(3)).isEqualTo("line 5: unreadable a line of " + (big.length() + 5 * 2 * (1 << 19) + 2) + limit);
    assertThat(entries.get(4)).isEqualTo("line 6: read /api/x?page=2");
    assertThat(entries.get(5)).isEqualTo("line 7: unreadable a line of 2000" + limit);
    assertThat(buffer).as("the 5 MB line was never held").isLessThanOrEqualTo(1 << 17);
    assertThat(NdjsonLines.lineLimit(10L << 20)).isEqualTo(2 * (10L << 20) + 65536);
  }

  @Test
  void should_skip_eight_bytes_only_when_none_of_them_needs_a_look() {
    Random r = new Random(7);
    byte[] interesting = {0, '\n', '\r', 13, 14, 9, ' ', 'a', 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1,
        (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xFF};
    for (int n = 0; n < 200_000; n++) {
      long w = 0;
      boolean plain = true;
      for (int i = 0; i < 8; i++) {
        int b = (r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextInt(256)) & 0xFF;
        w |= (long) b << (8 * i);
        plain &= b >= 14 && b < 0xE0 && b != 0xC0 && b != 0xC1;
      }
      assertThat(NdjsonLines.plain(w)).as("%016x", w).isEqualTo(plain);
    }
  }

  @Test
  void should_read_times_exactly_as_instant_parse() {
    Random r = new Random(11);
    List<String> samples = new ArrayList<>(List.of("2026-11-22T10:00:00Z", "2026-11-22T10:00:00.1Z",
        "2026-11-22T10:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "2023-02-29T10:00:00Z", "2026-11-22T24:00:00Z",
        "2026-11-22T23:59:60Z", "2026-11-22t10:00:00z", "0000-01-01T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00.1234567890Z", "2026-11-22T10:00:00+01:00", "+12026-11-22T10:00:00Z",
        "2026-11-00T10:00:00Z", "2026-04-31T10:00:00Z", "2026-11-22T10:60:00Z", "2026-11-22 10:00:00Z", "x"));
    String chars = "0123456789-T:.Zz+ ";
    for (int k = 0; k < 20_000; k++) {
      char[] c = samples.get(r.nextInt(9)).toCharArray();
      c[r.nextInt(c.length)] = chars.charAt(r.nextInt(chars.length()));
      samples.add(new String(c));
    }
    for (String s : samples) {
      Object expected;
      Object actual;
      try {
        expected = java.time.Instant.parse(s);
      } catch (java.time.DateTimeException e) {
        expected = e.getMessage();
      }
      try {
        actual = LineEntries.instant(s);
      } catch (java.time.DateTimeException e) {
        actual = e.getMessage();
      }
      assertThat(actual).as(s).isEqualTo(expected);
    }
  }

  static String line(int i) {
    return "{\"method\":\"GET\",\"target\":\"/api/x?page=" + i + "\",\"status\":200,\"headers\":{\"content-type\":[\"application/json\"]},"
        + "\"body\":\"{\\\"i\\\":" + i + "}\"}";
  }

  static byte[] recording(Random r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lines = r.nextInt(40);
    for (int i = 0; i < lines; i++) {
      switch (r.nextInt(12)) {
        case 0 -> out.write(new byte[0]);
        case 1 -> out.write(" \t ".getBytes(StandardCharsets.UTF_8));
        case 2 -> out.write("\u3000 ".getBytes(StandardCharsets.UTF_8));
        case 3 -> out.write("PHP Warning: something".getBytes(StandardCharsets.UTF_8));
        case 4 -> out.write("{\"method\":\"GET\"}".getBytes(StandardCharsets.UTF_8));
        case 5 -> out.write("[1,2]".getBytes(StandardCharsets.UTF_8));
        default -> {
          String text = TEXTS[r.nextInt(TEXTS.length)];
          String name = r.nextInt(5) == 0 ? TEXTS[r.nextInt(TEXTS.length)] : "title";
          String head = (r.nextBoolean() ? " " : "") + "{\"time\":\"2026-11-22T10:00:00Z\",\"method\":\"GET\",\"target\":\"/p/"
              + i + "\",\"status\":" + (r.nextInt(8) == 0 ? "\"x\"" : "200")
              + ",\"headers\":{\"vary\":[\"Origin\"]},\"body\":\"{\\\"" + name + "\\\":\\\"" + text;
          out.write(head.getBytes(StandardCharsets.UTF_8));
          if (r.nextInt(3) == 0) {
            out.write(MALFORMED[r.nextInt(MALFORMED.length)]);
          }
          out.write((text + "\\\"}\"}" + (r.nextInt(10) == 0 ? " x" : "")).getBytes(StandardCharsets.UTF_8));
        }
      }
      if (i < lines - 1 || r.nextBoolean()) {
        out.write(ENDS[r.nextInt(ENDS.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  static List<String> read(Path file, int maxLines, int maxBytes) {
    List<String> out = new ArrayList<>();
    try (NdjsonLines lines = new NdjsonLines(file)) {
      for (NdjsonChunk c = lines.next(maxLines, maxBytes); c != null; c = lines.next(maxLines, maxBytes)) {
        for (int i = 0; i < c.size(); i++) {
          RecordingEntry e = c.decode(i);
          if (e != null) {
            out.add(show(e));
          }
        }
      }
    }
    return out;
  }

  /** What the reader did before: a line reader over a replacing decoder, a string parser. */
  static List<String> expected(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
      long n = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        RecordingEntry e = LineEntries.decodeText(file.toString(), ++n, text);
        if (e != null) {
          out.add(show(e));
        }
      }
    }
    return out;
  }

  static String show(RecordingEntry e) {
    return e.ref().where() + ": " + e;
  }
}
