package dev.contractgate.core.internal.drift;

import dev.contractgate.record.RecordingEntry;
import dev.contractgate.record.RecordingReader;
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
 * <p>A failure anywhere (a file that cannot be read, a bug in a worker) stops everything and is rethrown
 * here; a {@link RuntimeException} as it is.
 */
public final class Pipeline {

  private static final Object POISON = new Object();

  private Pipeline() {}

  public static <A> List<A> run(
      List<Path> files, int threads, int capacity, Supplier<A> newAccumulator, BiConsumer<A, RecordingEntry> work) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<A> accumulators = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      A acc = newAccumulator.get();
      accumulators.add(acc);
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
          if (failure.get() != null) {
            continue;
          }
          try {
            work.accept(acc, (RecordingEntry) item);
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
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
        try (RecordingReader reader = RecordingReader.open(file, null)) {
          for (RecordingEntry e = reader.next(); e != null; e = reader.next()) {
            if (failure.get() != null) {
              break read;
            }
            while (!queue.offer(e, 100, TimeUnit.MILLISECONDS)) {
              if (failure.get() != null) {
                break read;
              }
            }
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
}
