package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

/** Runs work on a thread with a 256 KiB stack, so that recursion in the engine fails the test instead of hiding. */
final class SmallStack {

  private SmallStack() {}

  static <T> T run(Supplier<T> work) {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = work.get();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "small-stack", 256 * 1024);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(failure[0]).as("comparison on a 256 KiB stack").isNull();
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }
}
