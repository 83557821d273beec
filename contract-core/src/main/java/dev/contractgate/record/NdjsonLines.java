package dev.contractgate.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.registry.ContractException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An NDJSON recording cut into chunks of whole lines, as bytes: the reading thread only finds line ends,
 * and whoever holds a {@link NdjsonChunk} decodes its lines into exchanges. Drift decodes on its workers, so that
 * the one reading thread does not hold up the others (before, it decoded every line to a string and a tree
 * and took a fifth of drift's CPU time on two cores; benchmarks/, issue #7).
 *
 * <p>Lines end at {@code \n}, {@code \r} or {@code \r\n}, and bytes become text as UTF-8 with malformed input
 * replaced, exactly as {@link java.io.BufferedReader#readLine()} over a replacing decoder did: same line
 * numbers, same text. A line that is blank is skipped; one that is not an exchange is
 * {@link RecordingEntry.Unreadable}.
 *
 * <p>A line longer than the line limit ({@link #lineLimit(long)}: twice the tree's body limit plus 64 KiB) is
 * never held whole: once its bytes pass the limit they are only scanned for the line end and dropped, and the
 * line comes back as an oversized one ({@link NdjsonChunk#decode(int)} makes it unreadable, with its line
 * number and size), so one huge line cannot run a drift over a million others out of memory.
 */
@API(status = INTERNAL, since = "0.1")
public final class NdjsonLines implements Closeable {

  private static final int READ = 1 << 16;
  /** What a line holds besides its body, at most, for {@link #lineLimit(long)}. */
  static final int LINE_OVERHEAD = 1 << 16;

  private final String file;
  private final InputStream in;
  /** The longest line read; a longer one is skipped. */
  private final int maxLine;
  private byte[] buf = new byte[READ];
  /** Bytes of {@link #buf} read so far. */
  private int limit;
  /** Where the chunk being built starts: nothing before it is needed any more. */
  private int keep;
  /** Where the line being read starts, and how far it was searched for its end. */
  private int start;
  private int scanned;
  /** The line found last. */
  private int lineStart;
  private int lineEnd;
  private boolean lineUnsafe;
  /** Bytes of the line found last when it was longer than {@link #maxLine} (its bytes are gone), else 0. */
  private long lineOversize;
  /** Bytes of the line being read that were dropped because it is longer than {@link #maxLine}. */
  private long dropped;
  /** The line being read has a byte sequence that only the JDK's decoder reads right. */
  private boolean unsafe;
  private boolean skipLf;
  private boolean eof;
  private long lines;

  /** A reader with the line limit of the default body limit. */
  public NdjsonLines(Path path) {
    this(path, lineLimit(dev.contractgate.registry.Policy.Limits.DEFAULT_MAX_BODY_BYTES));
  }

  /**
   * A reader that skips lines longer than {@code maxLineBytes} without holding them.
   *
   * @param maxLineBytes the longest line read, see {@link #lineLimit(long)}
   */
  public NdjsonLines(Path path, long maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, was " + maxLineBytes);
    }
    this.maxLine = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 2 * (long) READ);
    this.file = path.toString();
    try {
      this.in = Files.newInputStream(path);
    } catch (IOException e) {
      throw ContractException.builder("Cannot read recording", file)
          .expected("a readable NDJSON file")
          .butWas(e.getClass().getSimpleName() + " " + e.getMessage())
          .hint("check the path and its permissions")
          .cause(e)
          .build();
    }
  }

  /**
   * The line limit for a tree whose bodies may have {@code maxBodyBytes} ({@code limits.maxBodyBytes}): twice
   * that, for a body escaped in a JSON string (every quote of a JSON body gains a backslash), plus 64 KiB for
   * the rest of the line. A body within its limit always fits; a longer body is the validator's to report.
   */
  public static long lineLimit(long maxBodyBytes) {
    return Math.min(Integer.MAX_VALUE - 2L * READ, 2 * Math.max(1, maxBodyBytes) + LINE_OVERHEAD);
  }

  /** The size of the read buffer, for tests: it never grows much beyond the line limit. */
  int bufferSize() {
    return buf.length;
  }

  /** The line limit of this reader. */
  public long maxLineBytes() {
    return maxLine;
  }

  /** The next lines, or null at the end of the file. */
  public NdjsonChunk next(int maxLines, int maxBytes) {
    keep = start;
    long first = lines + 1;
    int[] starts = new int[Math.min(maxLines, 64)];
    int[] ends = new int[starts.length];
    boolean[] text = new boolean[starts.length];
    long[] oversize = null;
    int n = 0;
    // Bounds are kept relative to the first line: fill() may move the bytes, never away from each other.
    while (n < maxLines && (n == 0 || ends[n - 1] < maxBytes) && line()) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, Math.min(maxLines, n * 2));
        ends = Arrays.copyOf(ends, starts.length);
        text = Arrays.copyOf(text, starts.length);
        if (oversize != null) {
          oversize = Arrays.copyOf(oversize, starts.length);
        }
      }
      starts[n] = lineStart - keep;
      ends[n] = lineEnd - keep;
      text[n] = lineUnsafe;
      if (lineOversize > 0) {
        // Rare: only a chunk that has such a line carries sizes.
        if (oversize == null) {
          oversize = new long[starts.length];
        }
        oversize[n] = lineOversize;
      }
      n++;
    }
    if (n == 0) {
      return null;
    }
    byte[] bytes = Arrays.copyOfRange(buf, keep, keep + ends[n - 1]);
    keep = start;
    return new NdjsonChunk(file, bytes, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(text, n),
        oversize == null ? null : Arrays.copyOf(oversize, n), maxLine, first);
  }

  /** Finds the next line, sets {@link #lineStart} and {@link #lineEnd}; false at the end of the file. */
  private boolean line() {
    while (true) {
      for (; scanned < limit; scanned++) {
        // Eight bytes at a time while none of them can end a line or be an unsafe lead byte: the byte loop
        // alone was a tenth of drift's work with two workers.
        if (!skipLf) {
          while (scanned + 8 <= limit && plain((long) LONGS.get(buf, scanned))) {
            scanned += 8;
          }
          if (scanned == limit) {
            break;
          }
        }
        byte b = buf[scanned];
        if (b > '\r') {
          skipLf = false;
          continue;
        }
        if (b < 0) {
          skipLf = false;
          unsafe |= b <= (byte) 0xC1 ? b >= (byte) 0xC0 : b >= (byte) 0xE0 && unsafeLead(b);
          continue;
        }
        if (skipLf) {
          skipLf = false;
          if (b == '\n') {
            start = scanned + 1;
            continue;
          }
        }
        if (b == '\n' || b == '\r') {
          skipLf = b == '\r';
          found(scanned);
          start = ++scanned;
          return true;
        }
      }
      if (eof) {
        if (start < limit || dropped > 0) {
          found(limit);
          start = limit;
          return true;
        }
        return false;
      }
      if (limit - start > maxLine) {
        // Too long to hold: what was scanned of it is dropped, and only its end is looked for from now on.
        dropped += limit - start;
        limit = start;
        scanned = start;
      }
      fill();
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /**
   * True when none of eight bytes is below {@code '\r' + 1} (line ends, and what the byte loop looks at),
   * {@code 0xE0} or above, {@code 0xC0} or {@code 0xC1} (the lead bytes {@link #unsafeLead} and the loop
   * check): classic SWAR tests, each exact as a yes/no.
   */
  static boolean plain(long w) {
    long below = (w - ONES * ('\r' + 1)) & ~w & HIGH;
    long e0 = w & (w << 1) & (w << 2) & HIGH;
    long v = (w ^ (ONES * 0xC0)) & (ONES * 0xFE);
    long c0 = (v - ONES) & ~v & HIGH;
    return (below | e0 | c0) == 0;
  }

  /**
   * True for a lead byte of a sequence that Jackson's byte parser decodes without complaint although it is
   * not UTF-8 (overlong forms, surrogates, beyond U+10FFFF): the JDK replaces those, so such a line must go
   * the way of text. Every other malformed sequence makes Jackson fail, and a line that fails goes that way
   * anyway. The byte after the lead decides for E0, ED, F0 and F4; when it was not read yet, the line counts
   * as unsafe.
   */
  private boolean unsafeLead(byte b) {
    int lead = b & 0xFF;
    if (lead >= 0xF5) {
      return true;
    }
    if (lead != 0xE0 && lead != 0xED && lead != 0xF0 && lead != 0xF4) {
      return false;
    }
    if (scanned + 1 >= limit) {
      return true;
    }
    int next = buf[scanned + 1] & 0xFF;
    return switch (lead) {
      case 0xE0 -> next < 0xA0;
      case 0xED -> next >= 0xA0;
      case 0xF0 -> next < 0x90;
      default -> next >= 0x90;
    };
  }

  /** The line from {@link #start} to {@code end} was found; an oversized one keeps no bytes. */
  private void found(int end) {
    long size = dropped + (end - start);
    dropped = 0;
    if (size > maxLine) {
      lineStart = start;
      lineEnd = start;
      lineOversize = size;
      lineUnsafe = false;
    } else {
      lineStart = start;
      lineEnd = end;
      lineOversize = 0;
      lineUnsafe = unsafe;
    }
    unsafe = false;
    lines++;
  }

  /** Reads more, first moving what is still needed (from {@link #keep}) to the front; grows when it is full. */
  private void fill() {
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      scanned -= keep;
      start -= keep;
      lineStart -= keep;
      lineEnd -= keep;
      keep = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw ContractException.builder("Cannot read recording", file)
          .at("line " + (lines + 1))
          .expected("a readable NDJSON file")
          .butWas(e.getClass().getSimpleName() + " " + e.getMessage())
          .hint("check the file system")
          .cause(e)
          .build();
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; a failing close of a read-only file loses nothing
    }
  }
}
