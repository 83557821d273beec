package dev.contractgate.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * The body of a recording line kept aside as characters, un-escaped from the line's JSON string, instead of
 * as a {@link String} in the exchange: one per drift worker, reused for every line. Jackson's un-escaping of
 * the body string (every quote of a JSON body is escaped) and the string built from it were about a quarter
 * of a drift worker's time (benchmarks/, issue #7).
 *
 * <p>{@link #aside} says whether the line just decoded put its body here; if so, that exchange's
 * {@code body()} is empty and stands for nothing.
 */
@API(status = INTERNAL, since = "0.1")
public final class LineBody {
  char[] chars = new char[8192];
  int length;
  /** Where the un-escaped string's closing quote is. */
  int end;
  boolean aside;
  /** The line with the body string emptied, for Jackson. */
  private byte[] line = new byte[1024];

  byte[] line(int n) {
    if (line.length < n) {
      line = new byte[Math.max(n, line.length * 2)];
    }
    return line;
  }

  /** True when the exchange decoded last has its body here rather than in {@code body()}. */
  public boolean aside() {
    return aside;
  }

  public char[] chars() {
    return chars;
  }

  public int length() {
    return length;
  }

  /** The body as the exchange would have held it. */
  public String string() {
    return new String(chars, 0, length);
  }

  /**
   * Un-escapes the JSON string whose content starts at {@code from} (after its opening quote) into
   * {@link #chars}, exactly as Jackson reads it; returns false for anything strict JSON or strict UTF-8 does
   * not allow (a raw control character, an unknown escape, a malformed byte sequence, no closing quote), and
   * the caller then goes the way of the whole line as before.
   */
  boolean unescape(byte[] in, int from, int to) {
    char[] out = chars;
    if (out.length < to - from) {
      // A string never has more characters than its UTF-8 bytes.
      out = new char[Math.max(to - from, out.length * 2)];
    }
    int n = 0;
    int i = from;
    // Printable ASCII first, then two-byte sequences (Cyrillic, most of Latin and Greek), then the rest: in
    // this order the loop is a third faster on the benchmark's bodies than with one branch per kind.
    while (i < to) {
      int b = in[i];
      if (b >= 0x20) {
        if (b == '"') {
          length = n;
          end = i;
          chars = out;
          return true;
        }
        if (b != '\\') {
          out[n++] = (char) b;
          i++;
          continue;
        }
        if (i + 1 >= to) {
          return false;
        }
        int e = in[i + 1];
        i += 2;
        int c;
        switch (e) {
          case '"', '\\', '/' -> c = e;
          case 'b' -> c = '\b';
          case 'f' -> c = '\f';
          case 'n' -> c = '\n';
          case 'r' -> c = '\r';
          case 't' -> c = '\t';
          case 'u' -> {
            c = hex4(in, i, to);
            i += 4;
          }
          default -> c = -1;
        }
        if (c < 0) {
          return false;
        }
        out[n++] = (char) c;
      } else if (b >= -62 && b < -32) {
        // 0xC2 to 0xDF: a two-byte sequence
        if (i + 1 >= to || (in[i + 1] & 0xC0) != 0x80) {
          return false;
        }
        out[n++] = (char) (((b & 0x1F) << 6) | (in[i + 1] & 0x3F));
        i += 2;
      } else if (b < 0) {
        int len = utf8Length(in, i, to);
        if (len < 0) {
          return false;
        }
        int lead = b & 0xFF;
        if (len == 3) {
          out[n++] = (char) (((lead & 0x0F) << 12) | ((in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F));
        } else if (len == 4) {
          int cp = ((lead & 0x07) << 18) | ((in[i + 1] & 0x3F) << 12) | ((in[i + 2] & 0x3F) << 6) | (in[i + 3] & 0x3F);
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          return false;
        }
        i += len;
      } else {
        return false; // a raw control character
      }
    }
    return false;
  }

  private static int hex4(byte[] in, int i, int to) {
    if (i + 4 > to) {
      return -1;
    }
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = in[k] < 0 ? -1 : Character.digit(in[k], 16);
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }
  /** The length of the well-formed, shortest-form UTF-8 sequence at {@code i}, or -1. */
  private static int utf8Length(byte[] in, int i, int to) {
    int lead = in[i] & 0xFF;
    int len;
    int min2 = 0x80;
    int max2 = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      len = 3;
      if (lead == 0xE0) {
        min2 = 0xA0;
      } else if (lead == 0xED) {
        max2 = 0x9F;
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      len = 4;
      if (lead == 0xF0) {
        min2 = 0x90;
      } else if (lead == 0xF4) {
        max2 = 0x8F;
      }
    } else {
      return -1;
    }
    if (i + len > to) {
      return -1;
    }
    int second = in[i + 1] & 0xFF;
    if (second < min2 || second > max2) {
      return -1;
    }
    for (int k = 2; k < len; k++) {
      int c = in[i + k] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        return -1;
      }
    }
    return len;
  }
}
