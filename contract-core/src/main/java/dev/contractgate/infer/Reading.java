package dev.contractgate.infer;

import dev.contractgate.record.RecordedExchange;
import dev.contractgate.record.RecordingEntry;
import dev.contractgate.record.RecordingReader;
import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Streams recordings through workers: this thread reads one exchange at a time and hands batches to a bounded
 * queue; each worker folds its batches into its own {@link Collector}; the collectors are merged at the end.
 * Memory is the queue (a few batches, bounded in bytes) plus the collectors, never the traffic.
 */
final class Reading {

  private static final int BATCH = 256;
  /** A batch is handed over early once its bodies hold this many characters. */
  private static final long BATCH_CHARS = 4L << 20;
  /** Characters of bodies queued or being folded at any time, at most (a batch larger than this waits alone). */
  private static final int IN_FLIGHT_CHARS = 16 << 20;

  /** What a worker folds exchanges into. */
  interface Sink {
    void add(Collector.Item item);
  }

  /** What a run read: the workers' sinks, and the problems and counts that only the reading thread sees. */
  record Run<S extends Sink>(List<S> sinks, Problems problems, long entries, long outside, int files) {}

  /** A run whose sinks are merged into one collector. */
  record Outcome(Collector collector, long entries, long outside, int files) {}

  private Reading() {}

  /** Reads into one {@link Collector} per worker and merges them. */
  static Outcome run(List<Path> inputs, Redaction redaction, String base, InferOptions o, int threads) {
    Run<Collector> run = run(inputs, redaction, base, o, threads, () -> new Collector(base, o));
    Collector merged = new Collector(base, o);
    merged.problems.merge(run.problems());
    run.sinks().forEach(merged::merge);
    return new Outcome(merged, run.entries(), run.outside(), run.files());
  }

  /** Reads into one sink per worker, made by {@code factory}. */
  static <S extends Sink> Run<S> run(List<Path> inputs, Redaction redaction, String base, InferOptions o,
      int threads, Supplier<S> factory) {
    Problems problems = new Problems();
    List<S> collectors = new ArrayList<>();
    BlockingQueue<List<Collector.Item>> queue = new ArrayBlockingQueue<>(Math.max(2, threads * 2));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(IN_FLIGHT_CHARS);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      S c = factory.get();
      collectors.add(c);
      Thread t = new Thread(() -> {
        try {
          for (List<Collector.Item> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
            try {
              if (failure.get() == null) {
                batch.forEach(c::add);
              }
            } finally {
              budget.release(permits(batch));
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
          drain(queue, budget);
        }
      }, "contract-gate-infer-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
    long seq = 0;
    long outside = 0;
    long entries = 0;
    int files = 0;
    try {
      List<Collector.Item> batch = new ArrayList<>(BATCH);
      long chars = 0;
      for (Path p : inputs) {
        files++;
        RecordingReader r;
        try {
          r = RecordingReader.open(p, redaction);
        } catch (ContractException | UncheckedIOException e) {
          problems.add(seq++, "file", p.toString(), oneLine(e.getMessage()));
          continue;
        }
        try (r) {
          while (failure.get() == null) {
            RecordingEntry entry;
            try {
              entry = r.next();
            } catch (ContractException | UncheckedIOException e) {
              problems.add(seq++, "file", p.toString(), oneLine(e.getMessage()));
              break;
            }
            if (entry == null) {
              break;
            }
            long s = seq++;
            entries++;
            if (entry instanceof RecordingEntry.Unreadable u) {
              problems.add(s, "unreadable", u.ref().toString(), u.problem());
              continue;
            }
            RecordingEntry.Read read = (RecordingEntry.Read) entry;
            RecordedExchange e = read.exchange();
            if (!Collector.under(e.path(), base)) {
              outside++;
              continue;
            }
            boolean tooLarge = tooLarge(e.body(), o.maxBodyBytes());
            if (tooLarge) {
              e = new RecordedExchange(e.time(), e.method(), e.target(), e.status(), e.headers(), "", false,
                  e.namespace(), e.endpoint());
            }
            batch.add(new Collector.Item(s, read.ref(), e, tooLarge));
            chars += e.body().length();
            if (batch.size() >= BATCH || chars >= BATCH_CHARS) {
              acquire(budget, permits(batch));
              put(queue, batch, failure);
              batch = new ArrayList<>(BATCH);
              chars = 0;
            }
          }
        }
      }
      if (!batch.isEmpty()) {
        acquire(budget, permits(batch));
        put(queue, batch, failure);
      }
    } finally {
      for (int i = 0; i < threads; i++) {
        put(queue, List.of(), null);
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
    return new Run<>(collectors, problems, entries, outside, files);
  }

  /** The share of the in-flight budget a batch takes: its body characters, at least 1, at most all. */
  private static int permits(List<Collector.Item> batch) {
    long chars = 1;
    for (Collector.Item i : batch) {
      chars += i.exchange().body().length();
    }
    return (int) Math.min(chars, IN_FLIGHT_CHARS);
  }

  private static void acquire(java.util.concurrent.Semaphore budget, int permits) {
    try {
      budget.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading recordings", e);
    }
  }

  static boolean tooLarge(String body, long max) {
    if (body.length() <= max / 4) {
      return false;
    }
    if (body.length() > max) {
      return true;
    }
    long bytes = 0;
    for (int i = 0, n = body.length(); i < n && bytes <= max; i++) {
      char c = body.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes > max;
  }

  private static void put(BlockingQueue<List<Collector.Item>> queue, List<Collector.Item> batch,
      AtomicReference<Throwable> failure) {
    try {
      while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (failure != null && failure.get() != null) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading recordings", e);
    }
  }

  private static void drain(BlockingQueue<List<Collector.Item>> queue, java.util.concurrent.Semaphore budget) {
    // A failed worker keeps taking batches so the reader never blocks on a full queue or an empty budget.
    try {
      for (List<Collector.Item> b = queue.take(); !b.isEmpty(); b = queue.take()) {
        budget.release(permits(b));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A multi-line message (a {@code ContractException}'s facts) on one line. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String line : s.split("\n")) {
      String t = line.trim().replaceAll("\\s+", " ");
      if (!t.isEmpty()) {
        b.append(b.length() == 0 ? "" : "; ").append(t);
      }
    }
    return b.toString();
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
