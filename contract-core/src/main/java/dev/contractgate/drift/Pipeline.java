package dev.contractgate.drift;

import dev.contractgate.record.LineBody;
import dev.contractgate.record.NdjsonChunk;
import dev.contractgate.record.NdjsonLines;
import dev.contractgate.record.RecordingEntry;
import dev.contractgate.record.RecordingFormat;
import dev.contractgate.record.RecordingReader;
import dev.contractgate.record.Redaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Reads recordings on the calling thread into a bounded queue and lets {@code threads} workers consume it,
 * each into its own accumulator; returns the accumulators for the caller to merge. Memory is the queue
 * (at most {@code capacity} exchanges) plus the accumulators, whatever the size of the recordings.
 *
 * <p>The queue carries batches, not single exchanges: one hand-over per exchange woke a waiting thread per
 * exchange. NDJSON goes in as chunks of raw lines ({@link NdjsonLines}) that the workers decode, so the
 * reading thread only finds line ends and the JSON work is shared by all workers; HAR and WireMock are
 * decoded by the reader as before (they are small next to the NDJSON a recorder writes).
 *
 * <p>Memory is bounded in bytes as well: an NDJSON line longer than the line limit
 * ({@link NdjsonLines#lineLimit(long)} of the tree's body limit) is skipped unread by the cutter and arrives as
 * an unreadable entry with its line, and chunks wait for the workers once {@link #QUEUED_BYTES} of them are
 * queued, so that many lines just below the limit cannot fill the heap either.
 *
 * <p>A failure anywhere (a file that cannot be read, a bug in a worker) stops everything and is rethrown
 * here; a {@link RuntimeException} as it is.
 */
final class Pipeline {

  private static final Object POISON = new Object();
  /** Most exchanges per batch, and most bytes of raw NDJSON lines per chunk (a longer line is one chunk). */
  static final int BATCH = 64;
  static final int CHUNK_BYTES = 1 << 18;
  /** Most bytes of NDJSON chunks queued or being decoded (one chunk more may always go, however long). */
  static final long QUEUED_BYTES = 32L << 20;

  private Pipeline() {}

  /** What a worker does with an entry; {@code body} is its body when kept aside ({@link LineBody}), else null. */
  @FunctionalInterface
  public interface Work<A> {
    void accept(A acc, RecordingEntry entry, LineBody body);
  }

  /**
   * Every entry a worker gets has the echoes of its secrets scrubbed: HAR and WireMock readers are opened
   * with {@code redaction} (they learn the request's secrets), NDJSON lines have their own response's secrets
   * scrubbed ({@link RecordingReader#scrubEchoes}) before the work sees them. {@code maxBodyBytes}: the tree's
   * body limit, which sets the line limit of NDJSON recordings.
   */
  public static <A> List<A> run(List<Path> files, int threads, int capacity, long maxBodyBytes,
      Supplier<A> newAccumulator, BiConsumer<A, RecordingEntry> work, Redaction redaction) {
    return run(files, threads, capacity, maxBodyBytes, newAccumulator, work, null, redaction);
  }

  /** As the other, with NDJSON bodies that are JSON strings handed over as characters, not strings. */
  public static <A> List<A> run(List<Path> files, int threads, int capacity, long maxBodyBytes,
      Supplier<A> newAccumulator, Work<A> work, Redaction redaction) {
    return run(files, threads, capacity, maxBodyBytes, newAccumulator, null, work, redaction);
  }

  private static <A> List<A> run(List<Path> files, int threads, int capacity, long maxBodyBytes,
      Supplier<A> newAccumulator, BiConsumer<A, RecordingEntry> plain, Work<A> keeping, Redaction redaction) {
    int batch = Math.min(BATCH, capacity);
    long maxLine = NdjsonLines.lineLimit(maxBodyBytes);
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(Math.max(1, capacity / batch));
    Budget budget = new Budget(QUEUED_BYTES);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<A> accumulators = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      A acc = newAccumulator.get();
      accumulators.add(acc);
      LineBody kept = keeping == null ? null : new LineBody();
      Thread t = new Thread(() -> {
        // A worker never stops before its poison pill: after a failure it only drains, so the reader and
        // the other workers can always finish.
        while (true) {
          Object item;
          try {
            item = queue.take();
          } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
            return;
          }
          if (item == POISON) {
            return;
          }
          try {
            if (item instanceof NdjsonChunk chunk) {
              for (int k = 0; k < chunk.size() && failure.get() == null; k++) {
                if (kept == null) {
                  RecordingEntry entry = chunk.decode(k);
                  if (entry != null) {
                    plain.accept(acc, RecordingReader.scrubEchoes(entry, null, redaction));
                  }
                } else {
                  RecordingEntry entry = chunk.decode(k, kept);
                  if (entry != null) {
                    LineBody body = kept.aside() ? kept : null;
                    RecordingEntry clean = RecordingReader.scrubEchoes(entry, body, redaction);
                    // A body read into the exchange to be scrubbed no longer stands aside.
                    boolean aside = body != null && (clean == entry
                        || ((RecordingEntry.Read) clean).exchange().body().isEmpty());
                    keeping.accept(acc, clean, aside ? body : null);
                  }
                }
              }
            } else {
              for (RecordingEntry entry : (RecordingEntry[]) item) {
                if (failure.get() != null) {
                  break;
                }
                if (plain != null) {
                  plain.accept(acc, entry);
                } else {
                  keeping.accept(acc, entry, null);
                }
              }
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          } finally {
            if (item instanceof NdjsonChunk chunk) {
              budget.release(chunk.bytes());
            }
          }
        }
      }, "contract-gate-drift-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    try {
      read:
      for (Path file : files) {
        if (RecordingFormat.detect(file) == RecordingFormat.NDJSON) {
          try (NdjsonLines lines = new NdjsonLines(file, maxLine)) {
            for (NdjsonChunk c = lines.next(batch, CHUNK_BYTES); c != null; c = lines.next(batch, CHUNK_BYTES)) {
              if (!budget.acquire(c.bytes(), failure)) {
                break read;
              }
              if (!put(queue, c, failure)) {
                budget.release(c.bytes());
                break read;
              }
            }
          }
          continue;
        }
        try (RecordingReader reader = RecordingReader.open(file, redaction, maxBodyBytes)) {
          List<RecordingEntry> items = new ArrayList<>(batch);
          for (RecordingEntry e = reader.next(); e != null; e = reader.next()) {
            items.add(e);
            if (items.size() == batch) {
              if (!put(queue, items.toArray(new RecordingEntry[0]), failure)) {
                break read;
              }
              items.clear();
            }
          }
          if (!items.isEmpty() && !put(queue, items.toArray(new RecordingEntry[0]), failure)) {
            break read;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    } finally {
      // One pill per worker, whichever worker takes it: tying a pill to a thread that is already gone (it
      // took another one) left a live worker without a pill and the join below hung.
      for (int i = 0; i < workers.size(); i++) {
        try {
          while (!queue.offer(POISON, 100, TimeUnit.MILLISECONDS)) {
            if (workers.stream().noneMatch(Thread::isAlive)) {
              break;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (Thread t : workers) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IllegalStateException("Drift was interrupted", f);
    }
    return accumulators;
  }

  /** Bytes of chunks handed to the workers and not decoded yet. */
  private static final class Budget {
    private final long max;
    private long used;

    Budget(long max) {
      this.max = max;
    }

    /** Waits until {@code n} more bytes fit (always when none are out); false when a failure stopped the run. */
    synchronized boolean acquire(long n, AtomicReference<Throwable> failure) throws InterruptedException {
      while (used > 0 && used + n > max) {
        if (failure.get() != null) {
          return false;
        }
        wait(100);
      }
      used += n;
      return true;
    }

    synchronized void release(long n) {
      used -= n;
      notifyAll();
    }
  }

  /** Hands a batch over; false when a failure stopped the run meanwhile. */
  private static boolean put(BlockingQueue<Object> queue, Object batch, AtomicReference<Throwable> failure)
      throws InterruptedException {
    if (failure.get() != null) {
      return false;
    }
    while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
      if (failure.get() != null) {
        return false;
      }
    }
    return true;
  }
}
